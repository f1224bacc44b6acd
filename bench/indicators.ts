/**
 * Indicator speed at district scale: every indicator of every case type for one district-year,
 * over 100k cases (one year) and 1M cases (ten years of 100k), on PGlite and on PostgreSQL.
 *
 *   npm run bench                                    # PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # + PostgreSQL
 *   BENCH_SIZES=100000 BENCH_ENGINES=postgres …      # one size, one engine
 *
 * Rows are generated in SQL (generate_series) with the shape the engine writes: a receipt event
 * per case, acceptance/answer and conclusion events with outcomes, one stopped or running clock.
 * They are inserted year by year, as a live system writes them.
 */
import { sql } from 'kysely';
import { connect, migrate, resetSchema, type Connection } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { createOrg } from '../src/kernel/orgs.ts';
import { computeIndicators, indicatorRecords } from '../src/kernel/indicators/compute.ts';

const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 7);

async function populate(k: Kernel, n: number) {
  const root = await createOrg(k.db, { parentId: null, name: '基准区人民政府', shortName: '基准区', kind: 'government' });
  const ids: number[] = [];
  for (let i = 0; i < 36; i++) ids.push((await createOrg(k.db, { parentId: root.id, name: `基准部门${i}`, shortName: `部门${i}`, kind: 'department' })).id);
  const years = Math.max(1, Math.round(n / 100_000));
  const orgArr = `{${ids.join(',')}}`;
  // Case i: year 2024 - (i % years); type alternates 1:2 between 复议 and 公开.
  await sql`
    insert into cases (type, org_id, number, year, seq, title, state, outcome, received_on, closed_on, fields)
    select case when i % 3 = 0 then 'reconsideration' else 'disclosure' end,
           (${orgArr}::int[])[1 + i % 36], 'BENCH-' || i, y, i, '基准案件', 'decided', null,
           make_date(y, 1, 1) + (i % 360), null, '{}'
    from (select i, 2024 - (i % ${years}) as y from generate_series(1, ${n}) i) s
    order by y, i`.execute(k.db);
  await sql`
    insert into case_events (case_id, type, org_id, kind, occurred_on, outcome, from_state, to_state, data)
    select id, type, org_id, 'receive', received_on, null, null, 'received', '{}' from cases`.execute(k.db);
  await sql`
    insert into case_events (case_id, type, org_id, kind, occurred_on, outcome, from_state, to_state, data)
    select id, type, org_id, case when type = 'reconsideration' then 'accept' else 'consult' end, received_on + 3, null, 'received', 'accepted', '{}'
    from cases where id % 10 < 8`.execute(k.db);
  await sql`
    insert into case_events (case_id, type, org_id, kind, occurred_on, outcome, from_state, to_state, data)
    select id, type, org_id, case when type = 'reconsideration' then 'decide' else 'answer' end, received_on + 20 + id % 50,
           case when type = 'reconsideration' then (array['upheld','revoked','dismissed','confirmed_illegal','altered'])[1 + id % 5]
                else (array['disclosed','partial','refused','unavailable'])[1 + id % 4] end, 'accepted', 'decided', '{}'
    from cases where id % 10 < 7`.execute(k.db);
  await sql`
    insert into case_clocks (case_id, clock, type, org_id, status, started_on, due_on, stopped_on, stopped_by, extended, paused_days, warnings)
    select c.id, case when c.type = 'reconsideration' then 'decision' else 'answer' end, c.type, c.org_id,
           case when e.case_id is null then 'running' else 'stopped' end, c.received_on, c.received_on + 60, e.occurred_on, e.kind, 0, 0, '[]'
    from cases c left join case_events e on e.case_id = c.id and e.kind in ('decide', 'answer')`.execute(k.db);
  // What autovacuum does after a bulk load: statistics and the visibility map (index-only scans).
  await sql`vacuum analyze`.execute(k.db);
  return root.id;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return median(t);
}

async function bench(label: string, open: () => Promise<Connection>) {
  for (const n of sizes) {
    const conn = await open();
    await migrate(conn.db);
    const k = await Kernel.open(conn, createRegistry());
    const t0 = performance.now();
    const rootId = await populate(k, n);
    const loadS = (performance.now() - t0) / 1000;
    const dept = (await k.db.selectFrom('orgs').select('id').where('name', '=', '基准部门7').executeTakeFirstOrThrow()).id;
    const year = { from: '2024-01-01', to: '2024-12-31' };
    const all = await computeIndicators(k, { orgId: rootId, ...year });
    const district = await time(() => computeIndicators(k, { orgId: rootId, ...year }));
    const department = await time(() => computeIndicators(k, { orgId: dept, ...year }));
    const drill = await time(() => indicatorRecords(k, 'reconsideration.correction_rate', { orgId: rootId, ...year }, { limit: 100, offset: 0 }));
    const received = all.find((v) => v.key === 'disclosure.received')!.value! + all.find((v) => v.key === 'reconsideration.received')!.value!;
    console.log(
      JSON.stringify({ engine: label, cases: n, casesInYear: received, indicators: all.length, loadSeconds: +loadS.toFixed(1), districtYearMs: +district.toFixed(1), departmentYearMs: +department.toFixed(1), drillDownPageMs: +drill.toFixed(1) }),
    );
    await conn.close();
  }
}

const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
if (engines.includes('pglite')) await bench('pglite', () => connect({ dataDir: 'memory://' }));
const url = process.env.BENCH_DATABASE_URL;
if (url && engines.includes('postgres')) {
  await bench('postgres', async () => {
    const c = await connect({ databaseUrl: url });
    await resetSchema(c.db);
    return c;
  });
}
