import cluster from 'node:cluster';
import os from 'node:os';
import { sql } from 'kysely';
import type { Kernel } from '../kernel/kernel.ts';
import type { DbEngine } from '../kernel/db/connect.ts';

/**
 * Server processes: on PostgreSQL one worker per core (node:cluster shares the port; sessions,
 * lockouts, the audit chain's lock and the expiry job all live in the database, so any worker
 * answers any request). PGlite is one process: its data directory has a single owner.
 */
export function workerCount(engine: DbEngine, env = process.env): number {
  if (engine === 'pglite') return 1;
  const n = Number(env.WORKERS);
  return Number.isInteger(n) && n > 0 ? n : os.availableParallelism();
}

export const isWorker = () => cluster.isWorker;

/** Forks the workers; one that dies is replaced. Returns a stop function. */
export function forkWorkers(n: number): () => void {
  let stopping = false;
  for (let i = 0; i < n; i++) cluster.fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    console.error(`服务进程 ${w.process.pid} 退出（${signal ?? code}），正在重启`);
    cluster.fork();
  });
  return () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
  };
}

/** Past this many cases PGlite (one process, one connection) is no longer recommended. */
export const PGLITE_RECOMMENDED_CASES = 200_000;

/**
 * Counting stops just past the limit, so the check costs little below it. The planner's
 * estimate (reltuples) is no use here: PGlite runs no autovacuum, so after a bulk import it
 * can still say -1.
 */
export async function pgliteAdvice(k: Kernel, limit = PGLITE_RECOMMENDED_CASES): Promise<string | undefined> {
  if (k.engine !== 'pglite') return undefined;
  const capped = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM cases LIMIT ${limit + 1}) c`.execute(k.db);
  if (capped.rows[0].n <= limit) return undefined;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(k.db);
  return [
    `提示：本库已有 ${rows[0].n} 件案件，超过内嵌数据库 PGlite 的建议规模（${limit} 件）。`,
    '建议迁移到 PostgreSQL（可多进程并发、支持主从复制）：',
    '  1. npx fazhi backup --out fazhi.backup',
    '  2. DATABASE_URL=postgres://用户@主机/库 npx fazhi restore fazhi.backup',
    '  3. 以后启动时设置同样的 DATABASE_URL',
  ].join('\n');
}
