import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { createCase, getCase, performAction } from '../../src/kernel/cases/engine.ts';
import { indicatorRecords } from '../../src/kernel/indicators/compute.ts';
import { proposalsReport, proposalsText, type ProposalsReport } from '../../src/reports/proposals.ts';
import { proposalsReportDeadline } from '../../src/reports/duty.ts';
import { buildApp } from '../../src/server/app.ts';

/**
 * Review row 15.9: the yearly 代表建议、政协提案 办理情况. Every cell is the number of seeded items it
 * should count, as they stood on 12月31日: a step taken in the next January does not count.
 */
eachDatabase('建议提案年度办理情况', (tdb) => {
  let w: World;
  let report: ProposalsReport;
  const n: Record<string, string> = {};
  const mk = async (name: string, on: string, kind: 'deputy' | 'cppcc') => {
    const id = await createCase(w.k, w.clerk, { type: 'proposal', orgId: w.justice, fields: { receivedOn: on, kind, code: name, proposer: '王代表', subject: '加强社区法律服务' } });
    n[name] = (await getCase(w.k, w.clerk, id)).number;
    return id;
  };
  const step = (id: number, action: string, on: string, data: Record<string, unknown> = {}) => performAction(w.k, w.clerk, id, action, { on, data });

  before(async () => {
    w = await makeWorld(tdb, '2027-01-20');
    // Answered on time, A类, published, 满意.
    const d1 = await mk('D1', '2026-02-02', 'deputy');
    await step(d1, 'sign', '2026-02-03');
    await step(d1, 'contact', '2026-03-01', { way: 'visit', opinion: '希望尽快落实' });
    await step(d1, 'answer', '2026-03-20', { grade: 'A', summary: '已落实' });
    await step(d1, 'publish', '2026-03-25', { where: '区政府网站建议提案办理专栏' });
    await step(d1, 'feedback', '2026-04-01', { opinion: 'satisfied' });
    // Answered late as B类, 不满意 and 重新办理, answered again as A类, 基本满意; never published.
    const d2 = await mk('D2', '2026-02-02', 'deputy');
    await step(d2, 'sign', '2026-02-03');
    await step(d2, 'contact', '2026-02-20', { way: 'phone', opinion: '尽快解决' });
    await step(d2, 'answer', '2026-06-15', { grade: 'B', summary: '列入计划' });
    await step(d2, 'redo', '2026-06-20', { opinion: '进度太慢' });
    await step(d2, 'contact', '2026-07-01', { way: 'meeting', opinion: '座谈' });
    await step(d2, 'answer', '2026-07-10', { grade: 'A', summary: '已解决' });
    await step(d2, 'feedback', '2026-07-15', { opinion: 'basically' });
    // Contacted in December, answered in January: not yet answered on 12月31日, and its due day is ahead.
    const d3 = await mk('D3', '2026-11-02', 'deputy');
    await step(d3, 'sign', '2026-11-03');
    await step(d3, 'contact', '2026-12-20', { way: 'phone', opinion: '电话沟通' });
    await step(d3, 'answer', '2027-01-05', { grade: 'B', summary: '列入明年计划' });
    // A 提案 answered on time as C类 (no 联系沟通 required), published, no 反馈.
    const c1 = await mk('C1', '2026-03-02', 'cppcc');
    await step(c1, 'sign', '2026-03-03');
    await step(c1, 'answer', '2026-04-10', { grade: 'C', summary: '条件暂不具备，已说明' });
    await step(c1, 'publish', '2026-04-15', { where: '区政府网站建议提案办理专栏' });
    // Returned within the window.
    const c2 = await mk('C2', '2026-03-02', 'cppcc');
    await step(c2, 'return', '2026-03-04', { reason: '不属于本单位职责' });
    // Signed and left: past its 答复期限 on 12月31日.
    const c3 = await mk('C3', '2026-08-03', 'cppcc');
    await step(c3, 'sign', '2026-08-04');
    // 交办 the year before: not this year's item.
    const old = await mk('OLD', '2025-12-10', 'deputy');
    await step(old, 'sign', '2025-12-11');
    report = await proposalsReport(w.k, w.admin, w.justice, 2026);
  });
  after(async () => w.conn.close());

  const row = (key: string) => report.rows.find((r) => r.key === key)!;

  test('each cell counts the seeded items, by 人大代表建议 and 政协委员提案, as they stood on 12月31日', () => {
    assert.equal(report.asOf, '2026-12-31');
    const got = Object.fromEntries(report.rows.map((r) => [r.key, [r.cells.deputy, r.cells.cppcc, r.cells.total]]));
    assert.deepEqual(got, {
      received: [3, 3, 6],
      returned: [0, 1, 1],
      answered: [2, 1, 3],
      on_time: [1, 1, 2],
      late: [1, 0, 1],
      pending: [1, 1, 2],
      overdue: [0, 1, 1],
      contacted: [2, 0, 2],
      grade_A: [2, 0, 2],
      grade_B: [0, 0, 0],
      grade_C: [0, 1, 1],
      satisfied: [1, 0, 1],
      basically: [1, 0, 1],
      unsatisfied: [0, 0, 0],
      redone: [1, 0, 1],
      no_feedback: [0, 1, 1],
      published: [1, 1, 2],
      unpublished: [1, 0, 1],
    });
    assert.deepEqual(row('late').cases, [n.D2]);
    assert.deepEqual(row('overdue').cases, [n.C3]);
    assert.deepEqual([...row('pending').cases].sort(), [n.C3, n.D3].sort());
    assert.ok(!row('received').cases.includes(n.OLD));
    const rates = Object.fromEntries(report.rates.map((r) => [r.key, [r.value, r.numerator, r.denominator]]));
    assert.deepEqual(rates, { answer_rate: [60, 3, 5], on_time_rate: [66.7, 2, 3], satisfaction_rate: [100, 2, 2], publish_rate: [66.7, 2, 3] });
    assert.match(report.overview, /承办人大代表建议3件、政协委员提案3件，已书面答复3件，按期答复率66\.7%；A类2件、B类0件、C类1件/);
    assert.match(proposalsText(report), /答复\t其中逾期答复\t1\t0\t1/);
  });

  test('the 交办 row drills to the same records as its indicator', async () => {
    const drill = await indicatorRecords(w.k, row('received').indicator!, { orgId: w.justice, from: '2026-01-01', to: '2026-12-31' });
    assert.equal(drill.total, row('received').cells.total);
    assert.deepEqual(drill.items.map((i) => i.number).sort(), [...row('received').cases].sort());
  });

  test('the deadline (choice): a department by 10月10日, the 区政府 by 12月31日 of the same year, a 街道 none', async () => {
    assert.deepEqual(report.deadline, { submitBy: '2026-10-10', recipient: '区政府办公室（书面总结）' });
    const district = await proposalsReport(w.k, w.admin, w.district, 2026);
    assert.equal(district.deadline!.submitBy, '2026-12-31');
    assert.equal(district.rows.find((r) => r.key === 'received')!.cells.total, 6, 'the district counts its departments');
    assert.equal(proposalsReportDeadline('township', 2026), null);
    assert.match(proposalsText(await proposalsReport(w.k, w.admin, w.township, 2026)), /不承担/);
  });

  test('before the year ends the figures stand on today', async () => {
    w.today.value = '2026-06-30';
    try {
      const mid = await proposalsReport(w.k, w.admin, w.justice, 2026);
      assert.equal(mid.asOf, '2026-06-30');
      // D2's late answer (06-15) counts, its 重新办理 answer (07-10) and 反馈 do not yet.
      assert.deepEqual(mid.rows.find((r) => r.key === 'grade_B')!.cases, [n.D2]);
      assert.equal(mid.rows.find((r) => r.key === 'basically')!.cells.total, 0);
    } finally {
      w.today.value = '2027-01-20';
    }
  });

  test("GET /api/reports/proposals answers the same figures; outside the caller's scope it is 404", async () => {
    const app = await buildApp(w.k);
    try {
      const login = async (username: string) =>
        String((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Test@12345' } })).headers['set-cookie']).split(';')[0];
      const r = await app.inject({ method: 'GET', url: `/api/reports/proposals?orgId=${w.justice}&year=2026`, headers: { cookie: await login('clerk') } });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().rows, JSON.parse(JSON.stringify(report.rows)));
      const hidden = await app.inject({ method: 'GET', url: `/api/reports/proposals?orgId=${w.justice}&year=2026`, headers: { cookie: await login('edu') } });
      assert.equal(hidden.statusCode, 404);
    } finally {
      await app.close();
    }
  });
});
