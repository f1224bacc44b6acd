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
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { connect, migrate, resetSchema } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { createOrg } from '../src/kernel/orgs.ts';
import { createUser, actorById } from '../src/kernel/auth/sessions.ts';
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
  accepted: { action: 'suspend', to: 'suspended', data: { ground: 'other' } },
  suspended: { action: 'resume', to: 'accepted' },
};
const latencies: number[] = [];
let errors = 0;
const firstErrors: string[] = [];
const end = performance.now() + seconds * 1000;
const started = performance.now();
// Where the time goes: how many transactions wait on an audit chain lock (advisory) or a row lock.
const waits = { audit: 0, rows: 0, samples: 0 };
const watcher = await connect({ databaseUrl: url, poolSize: 1 });
const sampler = setInterval(async () => {
  const { rows } = await sql<{ audit: number; rows: number }>`SELECT count(*) FILTER (WHERE locktype = 'advisory')::int AS audit, count(*) FILTER (WHERE locktype <> 'advisory')::int AS rows FROM pg_locks WHERE NOT granted`.execute(watcher.db);
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
clearInterval(sampler);
await watcher.close();
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(`live writes: ${clerks} clerks, ${seconds} s: ${(latencies.length / elapsed).toFixed(0)} steps/s, p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, ${errors} errors`);
console.log(`  waiting on average: ${(waits.audit / waits.samples).toFixed(1)} on an audit chain lock, ${(waits.rows / waits.samples).toFixed(1)} on other locks (${waits.samples} samples)`);
for (const m of firstErrors) console.log(`  error: ${m}`);

await createCheckpoint(k);
const v0 = performance.now();
const report = await verifyAudit(k);
console.log(
  `audit verify: ${report.ok ? 'OK' : 'BROKEN ' + JSON.stringify(report.brokenAt ?? report.problems)}, ${report.checked} events, ${report.checkpoints} signed checkpoint(s), ${((performance.now() - v0) / 1000).toFixed(1)} s`,
);
await conn.close();
process.exit(report.ok && errors === 0 ? 0 : 1);
