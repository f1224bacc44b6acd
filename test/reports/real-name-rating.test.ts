import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { createCase, getCase, performAction } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { checkReport, realNameRatingFindings } from '../../src/reports/check.ts';
import { getOrg } from '../../src/kernel/orgs.ts';

/**
 * Review row 9.4: the annual report's checker flags 实名差评回访整改率 below 100% (国办发〔2019〕51号),
 * and only when a 实名差评 of the year is really left undone past its period.
 */
eachDatabase('年报检查：实名差评回访整改率', (tdb) => {
  let w: World;
  let path: string;
  const order = (receivedOn: string, realName: boolean) =>
    createCase(w.k, null, { type: 'rating_rectification', orgId: w.justice, fields: { receivedOn, service: '公证办理', comment: '等候时间过长', realName } });
  const step = (id: number, action: string, on: string, data: Record<string, unknown> = {}) => performAction(w.k, w.admin, id, action, { on, data });
  const findings = () => realNameRatingFindings(w.k, path, 2026);
  const report = { org_id: 0, year: 2026, title: '2026年度法治政府建设情况报告', state: 'draft', sections: [], snapshot: null };

  before(async () => {
    w = await makeWorld(tdb, '2027-01-20');
    path = (await getOrg(w.k.db, w.district)).path;
    report.org_id = w.district;
  });
  after(async () => w.conn.close());

  test('no 实名差评: nothing is flagged, even with an anonymous 差评 left undone', async () => {
    assert.deepEqual(await findings(), []);
    await order('2026-05-06', false);
    assert.deepEqual(await findings(), []);
    assert.ok(!(await checkReport(w.k, report)).findings.some((f) => f.rule === 'real_name_rating'));
  });

  test('every 实名差评 回访整改, one of them in the next January: no flag, though the year\'s indicator says 50%', async () => {
    const a = await order('2026-03-02', true);
    await step(a, 'rectify', '2026-03-04', { measures: '增设窗口' });
    await step(a, 'visit', '2026-03-05', { satisfaction: 'satisfied' });
    const b = await order('2026-12-28', true);
    await step(b, 'rectify', '2026-12-30', { measures: '预约办理' });
    await step(b, 'visit', '2027-01-05', { satisfaction: 'basically' });
    const [rate] = await computeIndicators(w.k, { orgId: w.district, from: '2026-01-01', to: '2026-12-31' }, ['rating_rectification.real_name_rate']);
    assert.equal(rate.value, 50);
    assert.deepEqual(await findings(), []);
  });

  test('a 实名差评 past its 整改 period and not done: a warning naming it, with the rate over the year\'s orders', async () => {
    const c = await order('2026-06-01', true);
    const number = (await getCase(w.k, w.admin, c)).number;
    const got = await findings();
    assert.equal(got.length, 1);
    assert.equal(got[0].severity, 'warning');
    assert.match(got[0].message, /3件实名差评已回访整改2件（66\.7%）/);
    assert.match(got[0].message, /51号/);
    assert.ok(got[0].message.endsWith(number), got[0].message);
    const checked = await checkReport(w.k, report);
    assert.ok(checked.findings.some((f) => f.rule === 'real_name_rating' && f.severity === 'warning'));
    // A warning never blocks 送审 by itself.
    assert.ok(!checked.findings.some((f) => f.rule === 'real_name_rating' && f.severity === 'error'));
    // 核实后办结 (解释说明) is 回访整改 too: the warning goes.
    await step(c, 'resolve', '2027-01-20', { finding: 'explained', detail: '已向评价人解释收费依据' });
    assert.deepEqual(await findings(), []);
  });

  test('one still inside its 整改 period: information, not a warning', async () => {
    w.today.value = '2027-01-04';
    try {
      const d = await order('2026-12-31', true);
      const got = await findings();
      assert.deepEqual(got.map((f) => f.severity), ['info']);
      assert.match(got[0].message, /1件在整改或回访期限内/);
      w.today.value = '2027-01-20';
      assert.deepEqual((await findings()).map((f) => f.severity), ['warning'], 'past its period it becomes a shortfall');
      await step(d, 'rectify', '2027-01-20', { measures: '补正' });
    } finally {
      w.today.value = '2027-01-20';
    }
  });
});
