import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { computeIndicators, indicatorRecords } from '../../src/kernel/indicators/compute.ts';
import { rollsUp } from '../../src/kernel/indicators/rollup.ts';
import type { CountIndicator } from '../../src/kernel/indicators/define.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { importCases } from '../../src/kernel/cases/import.ts';
import { createRegistry } from '../../src/institutions/index.ts';

// Every hotline figure: one added later is proved equal too, or shown to be live only.
const HOTLINE = createRegistry().get('hotline').indicators.map((i) => `hotline.${i.key}`);

eachDatabase('hotline rollups', (tdb) => {
  let w: World;
  before(async () => (w = await makeWorld(tdb, '2025-12-31')));
  after(async () => w.conn.close());

  /** Every hotline figure through the rollups and live, for several scopes and periods. */
  async function assertAgree(label: string) {
    for (const orgId of [w.district, w.education, w.township]) {
      for (const [from, to] of [['2025-01-01', '2025-12-31'], ['2025-03-01', '2025-03-31'], ['2025-03-10', '2025-04-02']]) {
        const rolled = await computeIndicators(w.k, { orgId, from, to }, HOTLINE);
        const live = await computeIndicators(w.k, { orgId, from, to }, HOTLINE, { live: true });
        assert.deepEqual(rolled, live, `${label}: org ${orgId}, ${from}…${to}`);
      }
    }
  }

  test('every hotline count is rolled up: a city-wide figure never counts a year of orders live', () => {
    const hotline = createRegistry().get('hotline');
    const live = hotline.indicators.filter((d) => !('rate' in d) && !rollsUp(hotline, d as CountIndicator)).map((d) => d.key);
    assert.deepEqual(live, []);
  });

  test('rollup figures equal the live SQL, after an import and after further steps', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = i % 3 === 0 ? '04' : '03';
      const unit = i % 2 ? '测试区教育体育局' : '城关街道办事处';
      const steps = i % 7;
      return {
        受理日期: `2025-${month}-${day}`,
        来源渠道: '电话',
        诉求类型: '投诉',
        问题分类: '噪音',
        诉求内容: `工单${i}`,
        紧急程度: i % 5 === 0 ? '紧急' : '一般',
        ...(steps >= 1 ? { 承办单位: unit, 派单日期: `2025-${month}-${day}` } : {}),
        ...(steps >= 2 ? { 签收日期: `2025-${month}-${day}` } : {}),
        ...(steps >= 3 ? { 办结日期: `2025-05-${day}`, 办理结果: '已处理' } : {}),
        ...(steps >= 4 ? { 回访日期: `2025-05-${day}`, 是否解决: i % 3 ? '是' : '否', 满意度: i % 5 ? '满意' : '不满意' } : {}),
      };
    });
    await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows });
    await assertAgree('after the import');
    const { rows: used } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_days WHERE type = 'hotline'`.execute(w.k.db);
    assert.ok(used[0].n > 0, 'the figures came from the rollup');

    // Further writes: a new order worked through, an order sent back (its clocks stop, then restart).
    const id = await createCase(w.k, w.admin, { type: 'hotline', orgId: w.district, fields: { receivedOn: '2025-03-12', channel: 'web', kind: 'help', category: '路灯', content: '路灯不亮', urgency: 'normal', businessEnv: true } });
    await performAction(w.k, w.admin, id, 'dispatch', { on: '2025-03-12', data: { unitId: w.education } });
    await performAction(w.k, w.admin, id, 'sign', { on: '2025-03-13' });
    await performAction(w.k, w.admin, id, 'return', { on: '2025-03-14', data: { reason: '不属于本单位职责' } });
    await assertAgree('after a return');
    await performAction(w.k, w.admin, id, 'dispatch', { on: '2025-03-17', data: { unitId: w.township } });
    await performAction(w.k, w.admin, id, 'sign', { on: '2025-03-17' });
    await performAction(w.k, w.admin, id, 'complete', { on: '2025-03-20', data: { result: '已修复' } });
    await performAction(w.k, w.admin, id, 'visit', { on: '2025-03-21', data: { resolved: true, satisfaction: 'satisfied' } });
    await assertAgree('after further steps');
    // 派单件次: the order sent to two units counts once for each, and its drill-down lists both 派单.
    const year = { orgId: w.district, from: '2025-01-01', to: '2025-12-31' };
    const [assigned] = await computeIndicators(w.k, year, ['hotline.assigned']);
    const records = await indicatorRecords(w.k, 'hotline.assigned', year, { limit: 500, offset: 0 });
    assert.equal(records.total, assigned.value);
    assert.equal(records.items.length, assigned.value);
    assert.deepEqual(records.items.filter((r) => r.caseId === id).map((r) => r.on), ['2025-03-12', '2025-03-17']);
    const { rows: dirty } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_dirty`.execute(w.k.db);
    assert.equal(dirty[0].n, 0, 'every written day was recounted');
  });
});
