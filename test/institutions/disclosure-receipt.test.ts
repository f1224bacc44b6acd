import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { createCase, getCase } from '../../src/kernel/cases/engine.ts';

/** 政府信息公开条例 art. 31: only online and fax requests may date from a confirmation later than their arrival. */
eachDatabase('依申请公开: the receipt day by channel', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb, '2026-03-31');
  });
  after(async () => w.conn.close());

  const fields = (channel: string, arrivedOn: string, receivedOn: string) => ({
    receivedOn,
    arrivedOn,
    channel,
    applicantType: 'person',
    content: '2025年本区道路维修资金使用情况',
    parties: [{ role: 'applicant', name: '王五' }],
  });

  test('a letter signed for on arrival cannot be dated later; an online request dates from the confirmation', async () => {
    await rejects(createCase(w.k, w.clerk, { type: 'disclosure', orgId: w.justice, fields: fields('letter', '2026-03-06', '2026-03-09') }), 400, /第三十一条/);
    await rejects(createCase(w.k, w.clerk, { type: 'disclosure', orgId: w.justice, fields: fields('online', '2026-03-06', '2026-03-05') }), 400, /不能早于申请到达日期/);
    const id = await createCase(w.k, w.clerk, { type: 'disclosure', orgId: w.justice, fields: fields('online', '2026-03-06', '2026-03-09') });
    assert.equal((await getCase(w.k, w.clerk, id)).clocks.find((c: any) => c.key === 'answer')!.dueOn, '2026-04-07');
  });
});
