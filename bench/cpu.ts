/**
 * CPU time of the processes a bench drives, from Linux /proc. On a shared machine the wall-clock
 * rate says how busy the neighbours are; the CPU per unit of work says what the work costs, and
 * it barely moves with the load.
 */
import fs from 'node:fs';
import os from 'node:os';
import { sql, type Kysely } from 'kysely';

/** CPU seconds (user + system) of a process, 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** A process and its children (a server's cluster workers). */
export function processTree(pid: number): number[] {
  try {
    const children = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    return [pid, ...children];
  } catch {
    return [pid];
  }
}

/** The PostgreSQL backends serving this database. */
export async function backendPids(db: Kysely<any>): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
  return rows.map((r) => r.pid);
}

/**
 * Starts counting the CPU of `pids` and of the database's backends (those that connect later
 * count from zero); the returned function gives the seconds used since, per side.
 */
export async function cpuMeter(db: Kysely<any>, pids: number[]) {
  const app0 = pids.map(cpuSeconds);
  const db0 = new Map((await backendPids(db)).map((p) => [p, cpuSeconds(p)]));
  return async () => ({
    app: pids.reduce((n, p, i) => n + cpuSeconds(p) - app0[i], 0),
    db: (await backendPids(db)).reduce((n, p) => n + cpuSeconds(p) - (db0.get(p) ?? 0), 0),
  });
}

/** CPU per unit of work on each side, and the rate that cost would allow on the whole machine. */
export function cpuLine(appCpu: number, app: string, dbCpu: number, units: number, elapsed: number, unit = 'step') {
  const per = (x: number) => (x * 1000) / Math.max(1, units);
  const cores = os.availableParallelism();
  return (
    `CPU: ${app} ${(appCpu / elapsed).toFixed(2)} + PostgreSQL ${(dbCpu / elapsed).toFixed(2)} of ${cores} cores; per ${unit} ${per(appCpu).toFixed(1)} + ${per(dbCpu).toFixed(1)} ms` +
    ` → at most ${((cores * 1000) / (per(appCpu) + per(dbCpu))).toFixed(0)} ${unit}s/s if the ${cores} cores were all ours`
  );
}
