/**
 * Times each home-page read directly through the kernel (no cache, no HTTP), for the admin of
 * the data in BENCH_DATABASE_URL: the uncached cost behind bench/reads.ts.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_e1m node --import tsx bench/home-explain.ts
 */
import { connect } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { actorById } from '../src/kernel/auth/sessions.ts';
import { todosFor } from '../src/kernel/todos.ts';
import { warningSummary } from '../src/workbench/warnings.ts';
import { computeIndicators } from '../src/kernel/indicators/compute.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_e1m';
const RUNS = Number(process.env.RUNS ?? 3);
const conn = await connect({ databaseUrl: url });
const k = await Kernel.open(conn, createRegistry(), process.env.TODAY ? { today: () => process.env.TODAY! } : {});
const admin = await k.db.selectFrom('users').select('id').where('username', '=', process.env.USERNAME ?? 'admin').executeTakeFirstOrThrow();
const actor = (await actorById(k.db, admin.id))!;
const year = Number(process.env.YEAR ?? 2025);
const HEADLINE = ['reconsideration.received', 'reconsideration.accepted', 'reconsideration.concluded', 'reconsideration.correction_rate', 'disclosure.received', 'disclosure.answered', 'disclosure.on_time_rate', 'reconsideration.on_time_rate', 'mediation.accepted', 'mediation.success_rate', 'petition.registered', 'petition.on_time_rate', 'hotline.orders', 'hotline.completion_rate', 'hotline.satisfaction_rate', 'litigation.appearance_rate'];

async function median(name: string, fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${times[Math.floor(times.length / 2)].toFixed(0)} ms (median of ${RUNS}, today ${k.today()})`);
}
const only = process.env.ONLY?.split(',');
const want = (n: string) => !only || only.includes(n);
if (want('todos')) await median('待办 (todos)', () => todosFor(k, actor));
if (want('slow')) await median('待办, every case asked (before)', () => todosFor(k, actor, { exhaustive: true }));
if (want('warnings')) await median('预警 (warnings)', () => warningSummary(k, actor.scopePath, { limit: 500 }));
if (want('figures')) await median('16 headline figures', () => computeIndicators(k, { orgId: actor.scopeOrgId, from: `${year}-01-01`, to: `${year}-12-31` }, HEADLINE));
await conn.close();
