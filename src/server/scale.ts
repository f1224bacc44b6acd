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

/** The planner's row estimate: instant at any size, and exact enough for advice. */
export async function pgliteAdvice(k: Kernel): Promise<string | undefined> {
  if (k.engine !== 'pglite') return undefined;
  const { rows } = await sql<{ n: number }>`SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE relname = 'cases'`.execute(k.db);
  const n = Number(rows[0]?.n ?? 0);
  if (n <= PGLITE_RECOMMENDED_CASES) return undefined;
  return [
    `提示：本库已有约 ${Math.round(n / 10_000)} 万件案件，超过内嵌数据库 PGlite 的建议规模（${PGLITE_RECOMMENDED_CASES / 10_000} 万件）。`,
    '建议迁移到 PostgreSQL（可多进程并发、支持主从复制）：',
    '  1. npx fazhi backup --out fazhi.backup',
    '  2. DATABASE_URL=postgres://用户@主机/库 npx fazhi restore fazhi.backup',
    '  3. 以后启动时设置同样的 DATABASE_URL',
  ].join('\n');
}
