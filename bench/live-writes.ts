/**
 * Live writes: 50 clerks take real steps through the kernel (performAction) at the same time on
 * PostgreSQL, each on their own open 行政复议 cases (受理 → 中止 → 恢复 → 中止 …), for a bounded
 * time. Prints steps/s, p50/p99 latency per step and the audit verification (chains and a signed
 * checkpoint taken after the run).
 *
 *   npm run bench:writes
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench BENCH_SECONDS=30 BENCH_CLERKS=50 npm run bench:writes
 *
 * The database named by BENCH_DATABASE_URL (default the local test_d) is WIPED first.
 * BENCH_POOL sets the connection pool size (default: the server's).
 *
 * Before the concurrent run, one clerk alone takes 30 steps with every SQL statement counted.
 * After it, the same steps go through HTTP (`fazhi serve`) with WORKERS=1 and WORKERS=2 in the same
 * run (BENCH_WORKERS=1,2 by default, e.g. 1,2,1,2 to alternate; empty to skip; BENCH_HTTP_SECONDS,
 * BENCH_PORT). Every phase prints the CPU used per step by each side (Linux /proc).
 */
import fs from 'node:fs';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import os from 'node:os';
import path from 'node:path';
import { connect, migrate, resetSchema } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { createOrg } from '../src/kernel/orgs.ts';
import { createUser, actorById } from '../src/kernel/auth/sessions.ts';
import { setDuties } from '../src/kernel/auth/permissions.ts';
import { createSession } from '../src/kernel/auth/session-store.ts';
import { readPolicy } from '../src/kernel/auth/policy.ts';
import { cpuLine, cpuMeter, processTree } from './cpu.ts';
import { SESSION_COOKIE } from '../src/server/routes/auth.ts';
import { createCase, performAction } from '../src/kernel/cases/engine.ts';
import { addDays } from '../src/kernel/calendar/dates.ts';
import { verifyAudit, createCheckpoint } from '../src/kernel/audit/checkpoints.ts';
import type { Actor } from '../src/kernel/auth/actor.ts';

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test_d';
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const clerks = Number(process.env.BENCH_CLERKS ?? 50);
const casesPerClerk = Number(process.env.BENCH_CASES_PER_CLERK ?? 20);
const pool = process.env.BENCH_POOL ? Number(process.env.BENCH_POOL) : undefined;

// The keys of this run live in a scratch directory, never in the real data dir.
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
process.env.FAZHI_AUDIT_KEY = path.join(keyDir, 'audit-sm2.pem');
process.env.FAZHI_DATA_KEY_FILE = path.join(keyDir, 'data-sm4.json');

// The statement counter of the profile below: installed before the pool connects (connect.ts binds
// each client's query as it connects), counting only while `on`.
const stats = { n: 0, ms: 0, on: false };
const realQuery = pg.Client.prototype.query;
(pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
  if (!stats.on) return (realQuery as any).apply(this, args);
  const s = performance.now();
  stats.n++;
  const r = (realQuery as any).apply(this, args);
  if (r && typeof r.then === 'function') return r.finally(() => (stats.ms += performance.now() - s));
  return r;
};
const conn = await connect({ databaseUrl: url, poolSize: pool });
await resetSchema(conn.db);
await migrate(conn.db);
const k = await Kernel.open(conn, createRegistry());
const gov = await createOrg(k.db, { parentId: null, name: '基准区人民政府', shortName: '基准区', kind: 'government' });
const justice = await createOrg(k.db, { parentId: gov.id, name: '基准区司法局', shortName: '区司法局', kind: 'department' });
const today = k.today();
const receivedOn = addDays(today, -2);

const t0 = performance.now();
const actors: Actor[] = [];
const queues: { id: number; state: string }[][] = [];
for (let i = 0; i < clerks; i++) {
  const userId = await createUser(k.db, { orgId: justice.id, username: `clerk${i}`, displayName: `经办${i}`, role: 'clerk', password: 'Bench@12345' });
  // A clerk's steps come from duties: 行政复议 at the justice bureau, every step.
  await setDuties(k.db, null, userId, [{ orgId: justice.id, subject: 'case:reconsideration', actions: ['*'] }], { reconsideration: k.types.get('reconsideration').actions.map((a) => a.key) });
  actors.push((await actorById(k.db, userId))!);
  queues.push([]);
}
// Cases are created concurrently too (one writer per clerk), as on a busy morning.
await Promise.all(
  actors.map(async (actor, i) => {
    for (let j = 0; j < casesPerClerk; j++) {
      const id = await createCase(k, actor, {
        type: 'reconsideration',
        orgId: justice.id,
        fields: {
          receivedOn,
          channel: 'in_person',
          respondent: '基准区市场监督管理局',
          category: 'penalty',
          actUnderReview: `行政处罚决定（第${i}-${j}号）`,
          parties: [{ role: 'applicant', name: `申请人${i}-${j}`, idNumber: '110101199003071234', phone: '13812345678', address: '基准区幸福路1号' }],
        },
      });
      queues[i].push({ id, state: 'received' });
    }
  }),
);
console.log(`载入：${clerks}名经办人，${clerks * casesPerClerk}件在办复议案件，用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const next: Record<string, { action: string; to: string; data?: Record<string, unknown> }> = {
  received: { action: 'accept', to: 'accepted' },
  // 行政复议法 art. 39 ¶3: 中止 and 恢复 each carry the date the parties were told in writing.
  accepted: { action: 'suspend', to: 'suspended', data: { ground: 'other', noticeOn: k.today() } },
  suspended: { action: 'resume', to: 'accepted', data: { noticeOn: k.today() } },
};
// Profile: one clerk alone, every SQL statement of the step path counted and timed (client side,
// round trip included; BEGIN and COMMIT are statements too).
{
  const PROFILE_STEPS = 30;
  stats.on = true;
  const s = performance.now();
  for (let n = 0; n < PROFILE_STEPS; n++) {
    const c = queues[0][n % queues[0].length];
    const step = next[c.state];
    await performAction(k, actors[0], c.id, step.action, { data: step.data });
    c.state = step.to;
  }
  const wall = performance.now() - s;
  console.log(`profile, one clerk alone: ${(stats.n / PROFILE_STEPS).toFixed(1)} SQL statements per step, ${(stats.ms / PROFILE_STEPS).toFixed(1)} ms in SQL of ${(wall / PROFILE_STEPS).toFixed(1)} ms per step`);
}
stats.on = false;

const latencies: number[] = [];
let errors = 0;
let httpErrors = 0;
const firstErrors: string[] = [];
const end = performance.now() + seconds * 1000;
const started = performance.now();
const inCpu = await cpuMeter(k.db, [process.pid]);
// Where the time goes: how many transactions wait on an audit chain lock (advisory) or a row lock.
const waits = { audit: 0, rows: 0, samples: 0 };
const watcher = await connect({ databaseUrl: url, poolSize: 1 });
const sampler = setInterval(async () => {
  const { rows } = await sql<{ audit: number; rows: number }>`SELECT count(*) FILTER (WHERE locktype = 'advisory')::int AS audit, count(*) FILTER (WHERE locktype <> 'advisory')::int AS rows FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE NOT l.granted AND a.datname = current_database()`.execute(watcher.db);
  waits.audit += rows[0].audit;
  waits.rows += rows[0].rows;
  waits.samples++;
}, 200);
await Promise.all(
  actors.map(async (actor, i) => {
    let n = 0;
    while (performance.now() < end) {
      const c = queues[i][n++ % queues[i].length];
      const step = next[c.state];
      const s = performance.now();
      try {
        await performAction(k, actor, c.id, step.action, { data: step.data });
        c.state = step.to;
        latencies.push(performance.now() - s);
      } catch (e) {
        errors++;
        if (firstErrors.length < 3) firstErrors.push((e as Error).message);
      }
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const inUsed = await inCpu();
clearInterval(sampler);
await watcher.close();
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(`live writes: ${clerks} clerks, ${seconds} s: ${(latencies.length / elapsed).toFixed(0)} steps/s, p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, ${errors} errors`);
console.log(`  ${cpuLine(inUsed.app, 'kernel (this process)', inUsed.db, latencies.length, elapsed)}`);
console.log(`  waiting on average: ${(waits.audit / waits.samples).toFixed(1)} on an audit chain lock, ${(waits.rows / waits.samples).toFixed(1)} on other locks (${waits.samples} samples)`);
for (const m of firstErrors) console.log(`  error: ${m}`);

// Through HTTP: the same steps as POST /api/reconsideration/cases/:id/<step>, each clerk with its
// own session, against `fazhi serve` with WORKERS=1 and then WORKERS=2 in the same run. The load
// generator is kept cheap so that it does not take the cores the server needs: one keep-alive
// socket per clerk, request bodies built from precomputed parts, responses drained unparsed (the
// version of each case is known: only its clerk writes it). CPU seconds of each side are read
// from /proc: the bench process, the server processes and the database backends.
const httpSeconds = Number(process.env.BENCH_HTTP_SECONDS ?? seconds);
const workerRuns = (process.env.BENCH_WORKERS ?? '1,2').split(',').filter(Boolean).map(Number);
const httpResults: { workers: number; rate: number }[] = [];
if (workerRuns.length && process.platform === 'linux') {
  const policy = await readPolicy(k.db);
  const cookies = await Promise.all(actors.map(async (a) => `${SESSION_COOKIE}=${await createSession(k.db, a.id, 'active', new Date(), policy)}`));
  for (const workers of workerRuns) httpResults.push({ workers, ...(await httpRun(workers, cookies)) });
  // BENCH_WORKERS=1,2,1,2 alternates, so that a neighbour's burst does not decide the ratio.
  const base = httpResults[0];
  console.log(`HTTP: ${httpResults.map((r) => `WORKERS=${r.workers} → ${r.rate.toFixed(0)} steps/s (${(r.rate / base.rate).toFixed(2)}×)`).join(', ')}`);
}

await createCheckpoint(k);
const v0 = performance.now();
const report = await verifyAudit(k);
// The server's own checkpoint timer may have signed too; the count here is what verify saw.
console.log(
  `audit verify: ${report.ok ? 'OK' : 'BROKEN ' + JSON.stringify(report.brokenAt ?? report.problems)}, ${report.checked} events, ${report.checkpoints} signed checkpoint(s), ${((performance.now() - v0) / 1000).toFixed(1)} s`,
);
await conn.close();
process.exit(report.ok && errors === 0 && httpErrors === 0 ? 0 : 1);

async function httpRun(workers: number, cookies: string[]) {
  const port = Number(process.env.BENCH_PORT ?? 3921);
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'bin/fazhi.js', 'serve'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', WORKERS: String(workers), LOG_DIR: keyDir, API_RATE_LIMIT: '1000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('已启动') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: clerks });
  const post = (path: string, body: string, cookie: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  // Never leave a server behind, whatever happens to this process.
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  // Workers listen a moment after the primary prints (seconds on a loaded machine).
  for (let i = 0; ; i++) {
    try {
      await post('/api/auth/me', '', cookies[0]);
      break;
    } catch (e) {
      if (i >= 1200) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const { rows: current } = await sql<{ id: number; state: string; version: number }>`SELECT id, state, version FROM cases`.execute(k.db);
  const byId = new Map(current.map((r) => [r.id, r]));
  const cases = queues.map((q) => q.map((c) => ({ id: c.id, state: byId.get(c.id)!.state, version: byId.get(c.id)!.version })));
  const bodies: Record<string, [string, string]> = {};
  for (const [state, step] of Object.entries(next)) bodies[state] = ['{"data":' + JSON.stringify(step.data ?? {}) + ',"version":', '}'];
  // Warm up (JIT, pool connections) for a second, untimed.
  const run = async (until: number, times: number[] | null) =>
    Promise.all(
      cookies.map(async (cookie, i) => {
        let n = 0;
        while (performance.now() < until) {
          const c = cases[i][n++ % cases[i].length];
          const step = next[c.state];
          const s = performance.now();
          const status = await post(`/api/reconsideration/cases/${c.id}/${step.action}`, bodies[c.state][0] + c.version + bodies[c.state][1], cookie);
          if (status !== 200) {
            httpErrors++;
            if (firstErrors.length < 6) firstErrors.push(`HTTP ${status} on ${step.action}`);
            continue;
          }
          c.state = step.to;
          c.version++;
          times?.push(performance.now() - s);
        }
      }),
    );
  await run(performance.now() + 1000, null);
  const gen0 = process.cpuUsage();
  const serverCpu = await cpuMeter(k.db, processTree(child.pid!));
  const times: number[] = [];
  const t = performance.now();
  await run(t + httpSeconds * 1000, times);
  const elapsed = (performance.now() - t) / 1000;
  const gen = process.cpuUsage(gen0);
  const used = await serverCpu();
  process.off('exit', kill);
  kill();
  await new Promise((r) => child.once('exit', r));
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
  const rate = times.length / elapsed;
  console.log(
    `HTTP, WORKERS=${workers}, ${clerks} clerks, ${httpSeconds} s: ${rate.toFixed(0)} steps/s, p50 ${at(50).toFixed(0)} ms, p99 ${at(99).toFixed(0)} ms, ${httpErrors} errors so far; ` +
      `load generator ${((gen.user + gen.system) / 1e6 / elapsed).toFixed(2)} CPU/s (${(((gen.user + gen.system) / 1e3) / Math.max(1, times.length)).toFixed(2)} ms per step)`,
  );
  console.log(`  ${cpuLine(used.app, 'server', used.db, times.length, elapsed)}`);
  return { rate };
}
