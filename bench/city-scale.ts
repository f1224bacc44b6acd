/**
 * A city's 12345 year: the figures leaders ask for, over data made by bench/city-sql.ts.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_g1m npm run bench:city
 *
 * City-wide year figures (all hotline indicators), one unit's, and the first drill-down
 * page of one figure; each the median of RUNS after a warm-up run.
 */
import { connect } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { computeIndicators, countCondition, indicatorRecords } from '../src/kernel/indicators/compute.ts';
import { refreshRollups } from '../src/kernel/indicators/rollup.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_g1m';
const RUNS = Number(process.env.RUNS ?? 5);
const conn = await connect({ databaseUrl: url });
const k = await Kernel.open(conn, createRegistry(), { today: () => '2025-12-31' });
const city = await k.db.selectFrom('orgs').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
// The busiest unit: the one a leader asks about first.
const unit = await k.db.selectFrom('cases').select(['org_id', (eb) => eb.fn.countAll().as('n')]).groupBy('org_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
const cases = await k.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
const hotline = createRegistry().get('hotline').indicators.map((i) => `hotline.${i.key}`);
const year = { from: '2025-01-01', to: '2025-12-31' };

async function median(name: string, fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${times[Math.floor(times.length / 2)].toFixed(0)} ms (median of ${RUNS})`);
}

console.log(`${cases.n} cases; busiest unit ${unit.n} orders`);
// The rollups are built from the days the generator's writes noted: the one-off cost after a bulk load.
const t0 = performance.now();
const days = await refreshRollups(k, k.types.get('hotline'), countCondition);
console.log(`rollups built for ${days} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
// LIVE=0 skips the live SQL, which takes tens of seconds per run from a few million orders up.
if (process.env.LIVE !== '0') await median('city-wide year, live SQL (no rollups)', () => computeIndicators(k, { orgId: city.id, ...year }, hotline, { live: true }));
await median(`city-wide year, all ${hotline.length} hotline figures`, () => computeIndicators(k, { orgId: city.id, ...year }, hotline));
await median(`one unit, all ${hotline.length} hotline figures`, () => computeIndicators(k, { orgId: unit.org_id, ...year }, hotline));
await median('first drill-down page (按时办结率, city-wide)', () => indicatorRecords(k, 'hotline.completion_rate', { orgId: city.id, ...year }, { limit: 20, offset: 0 }));
await median('first drill-down page (满意率, city-wide: events)', () => indicatorRecords(k, 'hotline.satisfaction_rate', { orgId: city.id, ...year }, { limit: 20, offset: 0 }));
await median('first drill-down page (承办工单, city-wide: every 派单)', () => indicatorRecords(k, 'hotline.assigned', { orgId: city.id, ...year }, { limit: 20, offset: 0 }));
await median('first drill-down page (按时办结率, one unit)', () => indicatorRecords(k, 'hotline.completion_rate', { orgId: unit.org_id, ...year }, { limit: 20, offset: 0 }));
await conn.close();
