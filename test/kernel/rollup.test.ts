import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { importCases } from '../../src/kernel/cases/import.ts';

const HOTLINE = ['orders', 'business_orders', 'business_units', 'signed', 'signed_on_time', 'sign_rate', 'completed', 'completed_on_time', 'completion_rate', 'visited', 'resolved', 'resolution_rate', 'satisfied', 'satisfaction_rate'].map((k) => `hotline.${k}`);

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
    const { rows: dirty } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_dirty`.execute(w.k.db);
    assert.equal(dirty[0].n, 0, 'every written day was recounted');
  });
});
