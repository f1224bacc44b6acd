import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { createCase, getCase, performAction } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { ANSWER_GROUNDS } from '../../src/institutions/disclosure/index.ts';

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

/** 国办公开办函〔2021〕30号: the 年报 table's grounds are figures read off the answers. */
eachDatabase('依申请公开: the 年报 grounds of the answers', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb, '2025-06-30');
  });
  after(async () => w.conn.close());

  test('each ground is counted under its answer type, and the grounds add up to the type', async () => {
    const answers = [
      { outcome: 'refused', ground: 'process', reason: '属于过程性信息' },
      { outcome: 'refused', ground: 'process', reason: '属于过程性信息' },
      { outcome: 'refused', ground: 'third_party', reason: '涉及个人隐私' },
      { outcome: 'unavailable', ground: 'not_held' },
      { outcome: 'not_handled', ground: 'repeated', reason: '重复申请' },
      { outcome: 'disclosed' },
    ];
    for (const [i, a] of answers.entries()) {
      const id = await createCase(w.k, w.clerk, { type: 'disclosure', orgId: w.justice, fields: { receivedOn: '2025-05-06', channel: 'in_person', applicantType: 'person', content: `申请${i}`, parties: [{ role: 'applicant', name: '王五' }] } });
      await performAction(w.k, w.clerk, id, 'answer', { on: '2025-05-20', data: { ...a, method: 'electronic' } });
    }
    const keys = Object.entries(ANSWER_GROUNDS).flatMap(([o, g]) => Object.keys(g).map((k) => `disclosure.${o}_${k}`));
    const v = Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['disclosure.refused', 'disclosure.unavailable', 'disclosure.not_handled', ...keys])).map((x) => [x.key, x.value]));
    assert.deepEqual([v['disclosure.refused_process'], v['disclosure.refused_third_party'], v['disclosure.unavailable_not_held'], v['disclosure.not_handled_repeated'], v['disclosure.refused_secret']], [2, 1, 1, 1, 0]);
    for (const outcome of Object.keys(ANSWER_GROUNDS)) {
      const sum = keys.filter((k) => k.startsWith(`disclosure.${outcome}_`)).reduce((n, k) => n + Number(v[k]), 0);
      assert.equal(sum, v[`disclosure.${outcome}`], `the grounds of ${outcome} add up`);
    }
  });
});
