import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';

/** 国办发〔2019〕51号: 实名差评回访整改率要达到100%, measured over 实名 差评 only. */
eachDatabase('好差评: 实名差评回访整改率', (tdb) => {
  let w: World;
  const figures = async (keys: string[]) =>
    Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, keys)).map((v) => [v.key, v.value]));
  const rate = async (grade: string, realName?: boolean) => {
    const fields: Record<string, unknown> = { receivedOn: '2025-09-26', channel: 'window', service: '教师资格认定', grade, active: true };
    if (realName !== undefined) fields.realName = realName;
    return createCase(w.k, w.eduClerk, { type: 'service_rating', orgId: w.education, fields });
  };
  const order = async (id: number) => (await getCase(w.k, w.eduClerk, id)).links[0].caseId;

  before(async () => {
    w = await makeWorld(tdb, '2025-12-31');
  });
  after(async () => w.conn.close());

  test('the 整改 order inherits 实名; the rate counts only 实名 orders that were 回访 or 核实办结', async () => {
    const named = await order(await rate('bad', true));
    assert.equal((await getCase(w.k, w.eduClerk, named)).fields.realName, true);
    const anonymous = await order(await rate('very_bad'));
    assert.equal((await getCase(w.k, w.eduClerk, anonymous)).fields.realName, false, 'an omitted flag reads as 匿名');
    const explained = await order(await rate('bad', true));
    await rate('good', true);

    await performAction(w.k, w.eduClerk, named, 'rectify', { on: '2025-10-09', data: { measures: '加强窗口人员培训' } });
    let v = await figures(['好差评.实名差评', '差评整改.实名差评工单', '差评整改.实名差评回访整改', '差评整改.实名差评回访整改率']);
    assert.deepEqual(Object.values(v), [2, 2, 0, 0], 'rectified but not yet 回访 does not count');

    await performAction(w.k, w.eduClerk, named, 'visit', { on: '2025-10-10', data: { satisfaction: 'satisfied' } });
    await performAction(w.k, w.eduClerk, anonymous, 'rectify', { on: '2025-10-09', data: { measures: '优化材料清单' } });
    v = await figures(['差评整改.实名差评回访整改率', '差评整改.差评整改率']);
    assert.deepEqual(Object.values(v), [50, 66.7], 'the anonymous order moves 差评整改率, not the 实名 rate');

    await performAction(w.k, w.eduClerk, explained, 'resolve', { on: '2025-10-09', data: { finding: 'explained', detail: '已电话联系评价人说明办理依据' } });
    v = await figures(['差评整改.实名差评回访整改率']);
    assert.deepEqual(Object.values(v), [100]);
  });
});
