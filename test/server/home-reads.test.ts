import { before, after, test } from 'node:test';
import { sql } from 'kysely';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, reconsiderationIntake, disclosureIntake, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { importCases } from '../../src/kernel/cases/import.ts';
import { todosFor } from '../../src/kernel/todos.ts';
import { warningSummary, warningsUnder } from '../../src/workbench/warnings.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { cachedRead } from '../../src/kernel/read-cache.ts';
import { pgliteAdvice } from '../../src/server/scale.ts';

/** 400 hotline orders at every stage (more than the 300 待办 shown), plus cases of types whose steps depend on their history. */
async function fill(w: World) {
  const rows = Array.from({ length: 400 }, (_, i) => {
    const day = String(1 + (i % 15)).padStart(2, '0');
    const month = ['03', '04', '05', '06'][i % 4];
    const steps = i % 5;
    return {
      受理日期: `2025-${month}-${day}`,
      来源渠道: '电话',
      诉求类型: '投诉',
      问题分类: '噪音',
      诉求内容: `工单${i}`,
      紧急程度: i % 7 === 0 ? '紧急' : '一般',
      ...(steps >= 1 ? { 承办单位: i % 2 ? '测试区教育体育局' : '城关街道办事处', 派单日期: `2025-${month}-${day}` } : {}),
      ...(steps >= 2 ? { 签收日期: `2025-${month}-${day}` } : {}),
      ...(steps >= 3 ? { 办结日期: `2025-06-${day}`, 办理结果: '已处理' } : {}),
      ...(steps >= 4 ? { 回访日期: `2025-06-${day}`, 是否解决: '是', 满意度: '满意' } : {}),
    };
  });
  await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows });
  for (const d of ['2025-05-06', '2025-06-02', '2025-06-10']) {
    await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake(d) });
    await createCase(w.k, w.clerk, { type: 'disclosure', orgId: w.justice, fields: disclosureIntake(d) });
  }
}

eachDatabase('home page reads: fast paths and the cache agree with the live answers', (tdb) => {
  let w: World;
  let app: App;
  const cookies: Record<string, string> = {};
  const get = async (user: string, url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie: cookies[user] } });
    assert.equal(r.statusCode, 200, r.body);
    return JSON.parse(r.body);
  };

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    await fill(w);
    app = await buildApp(w.k);
    for (const u of ['admin', 'clerk', 'edu', 'leader']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } });
      cookies[u] = String(r.headers['set-cookie']).split(';')[0];
    }
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  const actors = () => [w.admin, w.clerk, w.eduClerk, w.leader];

  test('待办: counted per group in SQL equals asking every case, truncated at 300 the same way', async () => {
    let truncated = false;
    for (const today of ['2025-06-16', '2025-04-20', '2025-09-01']) {
      w.today.value = today;
      for (const actor of actors()) {
        const fast = await todosFor(w.k, actor);
        const slow = await todosFor(w.k, actor, { exhaustive: true });
        assert.deepEqual(fast, slow, `${actor.username} on ${today}`);
        truncated ||= fast.truncated;
      }
    }
    assert.ok(truncated, 'the admin has more than 300 and sees the first 300 by due date');
    const admin = await todosFor(w.k, w.admin);
    assert.ok(admin.counts.hotline > 100 && admin.counts.step > 0, 'both kinds are present');
    w.today.value = '2025-06-16';
  });

  test('预警: counted in SQL equals building every warning, for each level and page size', async () => {
    for (const today of ['2025-06-16', '2025-06-05', '2025-07-20']) {
      w.today.value = today;
      for (const path of [w.admin.scopePath, w.clerk.scopePath, w.eduClerk.scopePath]) {
        const all = await warningsUnder(w.k, path);
        for (const level of [undefined, 'yellow', 'red'] as const) {
          for (const limit of [3, 500]) {
            const s = await warningSummary(w.k, path, { level, limit });
            assert.deepEqual(s.counts, { yellow: all.filter((x) => x.level === 'yellow').length, red: all.filter((x) => x.level === 'red').length });
            assert.deepEqual(s.items, all.filter((x) => !level || x.level === level).slice(0, limit), `${path} ${today} ${level} ${limit}`);
          }
        }
      }
    }
    w.today.value = '2025-06-16';
    const s = await warningSummary(w.k, w.admin.scopePath, { limit: 500 });
    assert.ok(s.counts.red > 0 && s.counts.yellow > 0, 'both levels occur in this data');
  });

  test('the cache answers again only while nothing was written, and then equals the live answer', async () => {
    let computed = 0;
    const compute = async () => (++computed, computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['hotline.orders', 'reconsideration.received']));
    // The first read recounts the rollup days the import noted, itself a write: it is not stored.
    await cachedRead(w.k, 'test:figures', compute);
    const first = await cachedRead(w.k, 'test:figures', compute);
    const n = computed;
    const second = await cachedRead(w.k, 'test:figures', compute);
    assert.equal(computed, n, 'the read after a settled one came from the cache');
    assert.deepEqual(second, first);
    await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-12') });
    const third = await cachedRead(w.k, 'test:figures', compute);
    assert.equal(computed, n + 1, 'a write made it compute again');
    assert.equal(third.find((v) => v.key === 'reconsideration.received')!.value, (first.find((v) => v.key === 'reconsideration.received')!.value as number) + 1);
    await cachedRead(w.k, 'test:figures', compute);
    assert.equal(computed, n + 1, 'and then stored the new answer');
    w.today.value = '2025-06-17';
    await cachedRead(w.k, 'test:figures', compute);
    assert.equal(computed, n + 2, 'a new day computes again');
    w.today.value = '2025-06-16';
  });

  test('while a write is under way nothing is stored; after it ends, the answer is', async () => {
    let computed = 0;
    const compute = async () => ++computed;
    if (w.k.engine === 'pglite') {
      // One connection: a read never runs inside a writer's transaction, so the second read is a hit.
      await cachedRead(w.k, 'test:writer', compute);
      await cachedRead(w.k, 'test:writer', compute);
      assert.equal(computed, 1);
      return;
    }
    let wrote!: () => void;
    let finish!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const done = new Promise<void>((r) => (finish = r));
    const writer = w.k.db.transaction().execute(async (trx) => {
      await sql`UPDATE orgs SET name = name WHERE id = ${w.district}`.execute(trx);
      wrote();
      await done;
      throw new Error('rolled back');
    });
    await written;
    await cachedRead(w.k, 'test:writer', compute);
    await cachedRead(w.k, 'test:writer', compute);
    assert.equal(computed, 2, 'a writer in flight: each read computes');
    finish();
    await assert.rejects(writer, /rolled back/);
    await cachedRead(w.k, 'test:writer', compute);
    await cachedRead(w.k, 'test:writer', compute);
    assert.equal(computed, 3, 'settled again: stored and reused');
  });

  test('over HTTP, the home page after a step equals the live computation', async () => {
    const home = async () => ({
      todos: await get('admin', '/api/todos'),
      warnings: await get('admin', '/api/warnings'),
      red: await get('admin', '/api/warnings?level=red'),
      dashboard: await get('admin', '/api/dashboard'),
      figures: await get('admin', '/api/indicators?year=2025&keys=hotline.orders,hotline.completion_rate,reconsideration.received'),
    });
    const before = await home();
    assert.deepEqual(await home(), before, 'asked twice, answered the same');
    const open = await w.k.db.selectFrom('cases').select('id').where('type', '=', 'hotline').where('state', '=', 'dispatched').orderBy('id').executeTakeFirstOrThrow();
    await performAction(w.k, w.admin, open.id, 'sign', { on: '2025-06-16' });
    const after = await home();
    assert.notDeepEqual(after.todos, before.todos, 'the signed order moved on');
    const live = await todosFor(w.k, w.admin, { exhaustive: true });
    assert.deepEqual({ counts: after.todos.counts, total: after.todos.total, truncated: after.todos.truncated }, { counts: live.counts, total: live.total, truncated: live.truncated });
    assert.deepEqual(after.todos.items.map((i: any) => i.caseId ?? i.reportId), live.items.map((i) => i.caseId ?? i.reportId));
    const warnings = await warningsUnder(w.k, w.admin.scopePath);
    assert.deepEqual(after.warnings.counts, { yellow: warnings.filter((x) => x.level === 'yellow').length, red: warnings.filter((x) => x.level === 'red').length });
    assert.deepEqual(after.red.items.map((i: any) => [i.caseId, i.clock.key]), warnings.filter((x) => x.level === 'red').slice(0, 500).map((x) => [x.caseId, x.clock.key]));
    const figures = await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['hotline.orders', 'hotline.completion_rate', 'reconsideration.received'], { live: true });
    assert.deepEqual(after.figures.values, figures);
  });

  test('the case list count is kept until a write, then counts the new case; each filter has its own', async () => {
    const list = (q: string) => get('clerk', `/api/cases?pageSize=5${q}`);
    const all = await list('');
    const open = await list('&open=true&type=reconsideration');
    assert.deepEqual(await list(''), all, 'asked again, answered the same');
    const counted = async (filter: (qb: any) => any) => Number((await filter(w.k.db.selectFrom('cases as c').innerJoin('orgs as o', 'o.id', 'c.org_id').where('o.path', 'like', `${w.clerk.scopePath}%`).select((eb: any) => eb.fn.countAll().as('n'))).executeTakeFirstOrThrow()).n);
    assert.equal(all.total, await counted((q) => q));
    assert.equal(open.total, await counted((q) => q.where('c.type', '=', 'reconsideration').where('c.closed_on', 'is', null)));
    await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-16') });
    assert.equal((await list('')).total, all.total + 1, 'the new case is counted at once');
    assert.equal((await list('&open=true&type=reconsideration')).total, open.total + 1);
    assert.equal((await list('&type=disclosure')).total, await counted((q) => q.where('c.type', '=', 'disclosure')));
  });

  test('PGlite advice: silent below the limit, the move to PostgreSQL explained above it', async () => {
    if (w.k.engine !== 'pglite') {
      assert.equal(await pgliteAdvice(w.k), undefined, 'never on PostgreSQL');
      return;
    }
    assert.equal(await pgliteAdvice(w.k), undefined);
    const advice = await pgliteAdvice(w.k, 100);
    assert.match(advice!, /本库已有 4\d\d 件案件，超过内嵌数据库 PGlite 的建议规模（100 件）/);
    assert.match(advice!, /npx fazhi backup --out/);
    assert.match(advice!, /DATABASE_URL=postgres:\/\/.* npx fazhi restore/);
  });
});
