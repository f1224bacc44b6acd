import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { sm3 } from '../../src/kernel/audit/audit.ts';
import { commitDraw, importTargets, performDraw, readDraw, runDraw, verifyDraw } from '../../src/institutions/inspection-draw/draw.ts';

/** A valid 统一社会信用代码 shape: 2 + 6 digits + 10. */
const code = (i: number) => `91310000${String(i).padStart(9, '0')}X`;

eachDatabase('双随机一公开: target pool, committed draw, verification, inspections', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb, '2025-09-26');
    for (const [org, no] of [[w.justice, 'SF2025101'], [w.justice, 'SF2025102'], [w.justice, 'SF2025103'], [w.education, 'JT2025201']] as const) {
      await createCase(w.k, null, { type: 'enforcement_certificate', orgId: org, fields: { receivedOn: '2025-01-02', holder: `检查员${no.slice(-3)}`, certNo: no, field: '综合' } });
    }
  });
  after(async () => w.conn.close());

  test('the target pool imports all rows or none, every bad row named', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ 统一社会信用代码: code(i), 名称: `青溪法律服务所${i}`, 行业类别: '法律服务', 风险等级: ['高', '中', '低'][i % 3], 地址: '测试区' }));
    const bad = await rejects(importTargets(w.k, w.clerk, w.justice, [...rows, { 统一社会信用代码: '123', 名称: '', 行业类别: '法律服务', 风险等级: '极高' }]), 400);
    assert.match(bad.message, /第32行：统一社会信用代码「123」格式不正确；第32行：名称不能为空；第32行：风险等级应为/);
    assert.equal((await w.k.db.selectFrom('inspection_targets').select('id').execute()).length, 0, 'nothing half-imported');
    assert.deepEqual(await importTargets(w.k, w.clerk, w.justice, rows), { imported: 30 });
    await importTargets(w.k, w.eduClerk, w.education, [{ 统一社会信用代码: code(99), 名称: '青溪培训学校', 行业类别: '法律服务', 风险等级: '高' }]);
  });

  test('commit, then draw: stratified, conflicts avoided, re-runs give the same list, a tampered seed or list does not', async () => {
    const input = {
      orgId: w.justice,
      title: '2025年法律服务机构双随机抽查',
      item: '法律服务机构执业情况检查',
      category: '法律服务',
      counts: { high: 3, medium: 2, low: 1 },
      inspectorsPerTarget: 2,
      jointOrgIds: [w.education],
      conflicts: [{ certNo: 'SF2025101', code: code(0) }],
    };
    await rejects(commitDraw(w.k, w.clerk, { ...input, counts: { high: 20, medium: 0, low: 0 } }), 400, /高风险对象只有11户，不足20户/);
    const { id, commitment } = await commitDraw(w.k, w.clerk, input);
    const before = await readDraw(w.k, w.clerk, id);
    assert.equal(before.seed, null, 'the seed stays secret until the draw');
    assert.equal(before.commitment, commitment);
    assert.deepEqual(before.pool, { targets: 31, inspectors: 4 }, 'both departments\' pools, frozen at commitment');

    const d = await performDraw(w.k, w.clerk, id);
    assert.equal(sm3(d.seed!), commitment);
    const picked = d.result!.targets;
    assert.deepEqual(['high', 'medium', 'low'].map((r) => picked.filter((t) => t.risk === r).length), [3, 2, 1]);
    assert.equal(new Set(picked.map((t) => t.code)).size, 6);
    for (const t of picked) {
      assert.equal(new Set(t.inspectors).size, 2);
      if (t.code === code(0)) assert.ok(!t.inspectors.includes('SF2025101'), '回避');
    }
    // Anyone can re-run it from the published record.
    assert.deepEqual(verifyDraw(d), { ok: true, problems: [] });
    assert.deepEqual(runDraw(d.spec, d.seed!), d.result);
    const tamperedSeed = verifyDraw({ ...d, seed: d.seed!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) });
    assert.equal(tamperedSeed.ok, false);
    assert.match(tamperedSeed.problems[0], /承诺值/);
    const tamperedList = verifyDraw({ ...d, result: { targets: [...picked.slice(1), { ...picked[0], code: code(29) }] } });
    assert.match(tamperedList.problems[0], /结果与公布的结果不同/);
    const tamperedPool = verifyDraw({ ...d, spec: { ...d.spec, targets: d.spec.targets.slice(1) } });
    assert.match(tamperedPool.problems[0], /名录被改动过/, 'a pool changed after the commitment');
    await rejects(performDraw(w.k, w.clerk, id), 409, /不能重抽/);

    // One inspection case per target; results public within 20 工作日, across 国庆.
    const cases = await w.k.db.selectFrom('cases').select(['id', 'fields']).where('type', '=', 'inspection').execute();
    assert.equal(cases.length, 6);
    const first = cases[0].id;
    await performAction(w.k, w.clerk, first, 'inspect', { on: '2025-09-26', data: { result: 'problems', findings: '未公示收费标准' } });
    assert.equal((await getCase(w.k, w.clerk, first)).clocks[0].dueOn, '2025-10-30', '20 working days, with the 调休 Sunday 9-28 and Saturday 10-11 counted');
    // A violation found opens a linked 行政执法 线索 in the same unit, received on the day it was found.
    const second = cases[1].id;
    await performAction(w.k, w.clerk, second, 'inspect', { on: '2025-09-26', data: { result: 'case', findings: '无证经营' } });
    const link = await w.k.db.selectFrom('case_links as l').innerJoin('cases as c', 'c.id', 'l.to_case_id').select(['c.type', 'c.state', 'c.org_id', 'c.fields']).where('l.from_case_id', '=', second).executeTakeFirstOrThrow();
    assert.deepEqual([link.type, link.state, link.org_id], ['enforcement', 'clue', (await getCase(w.k, w.clerk, second)).orgId]);
    assert.equal((link.fields as any).source, 'inspection');
    assert.equal((link.fields as any).receivedOn, '2025-09-26');
    assert.match((link.fields as any).matter, /无证经营/);
    const v = Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['双随机抽查.抽查', '双随机抽查.联合抽查占比', '双随机抽查.发现问题'])).map((x) => [x.name, x.value]));
    assert.deepEqual(v, { '双随机抽查.抽查': 6, '双随机抽查.联合抽查占比': 100, '双随机抽查.发现问题': 2 });
  });
});
