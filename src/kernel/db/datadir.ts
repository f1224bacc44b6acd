import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';

/** The lock file inside a PGlite data directory: one process at a time may open it. */
export const LOCK_FILE = 'fazhi.lock';

interface Holder {
  pid: number;
  startedAt: string;
  host: string;
  command: string;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export class DataDirLockedError extends AppError {
  constructor(
    readonly dir: string,
    readonly holder: Holder,
  ) {
    super(
      409,
      'data_dir_locked',
      `数据目录「${dir}」正被另一个 fazhi 进程使用（进程号 ${holder.pid}，启动于 ${beijing(holder.startedAt)}（北京时间），命令：${holder.command}）。` +
        `同一目录不能同时由两个进程打开，否则可能损坏数据：请先停止该进程，或用 DATA_DIR 指定其他目录。`,
    );
  }
}

/**
 * Takes the directory's lock, or throws naming the process that holds it. A lock left by a process
 * that no longer exists (on this host) is stale and taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, startedAt: new Date().toISOString(), host: os.hostname(), command: process.argv.slice(2).join(' ') || 'node' };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if ((JSON.parse(fs.readFileSync(file, 'utf8')) as Holder).pid === process.pid) fs.rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: Holder | null = null;
    try {
      holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
    } catch {
      holder = null; // unreadable or half-written: treat as stale
    }
    if (holder && holder.host === me.host && alive(holder.pid)) throw new DataDirLockedError(dir, holder);
    if (holder && holder.host !== me.host) throw new DataDirLockedError(dir, holder);
    fs.rmSync(file, { force: true });
  }
  throw new Error(`无法锁定数据目录「${dir}」，请稍后重试`);
}

/**
 * Parties' personal data and the 双随机 seeds live here: the directory is 0700 and its files 0600.
 * PGlite creates its files world-readable whatever the umask, so this runs after opening and on close.
 */
export function restrictPermissions(dir: string) {
  const walk = (d: string) => {
    fs.chmodSync(d, 0o700);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) fs.chmodSync(p, 0o600);
    }
  };
  walk(dir);
}
