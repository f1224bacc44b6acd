import type { Kernel } from '../kernel.ts';
import { recomputeAllClocks } from '../cases/engine.ts';

/**
 * After a holiday change every stored due date is recomputed. That takes seconds on a district's
 * cases, so it runs in the background with its progress readable; a change made while one runs
 * queues exactly one more run, which reads the newest calendar.
 */
export interface RecomputeStatus {
  running: boolean;
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

const state = new WeakMap<Kernel, { status: RecomputeStatus; again: boolean; current?: Promise<void> }>();

const idle = (): RecomputeStatus => ({ running: false, done: 0, total: 0, startedAt: null, finishedAt: null, error: null });

export function recomputeStatus(k: Kernel): RecomputeStatus {
  return { ...(state.get(k)?.status ?? idle()) };
}

/** Reloads the calendar and starts (or queues) a recompute; resolves when that run has finished. */
export function recomputeInBackground(k: Kernel): Promise<void> {
  let s = state.get(k);
  if (!s) state.set(k, (s = { status: idle(), again: false }));
  const entry = s;
  if (entry.status.running) {
    entry.again = true;
    return entry.current!;
  }
  const run = async () => {
    do {
      entry.again = false;
      const [{ n }] = await k.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).execute();
      entry.status = { running: true, done: 0, total: Number(n), startedAt: new Date().toISOString(), finishedAt: null, error: null };
      await k.reloadCalendar();
      await recomputeAllClocks(k, (done) => (entry.status.done = done));
    } while (entry.again);
  };
  entry.status.running = true;
  entry.current = run()
    .catch((e) => {
      entry.status.error = `重算中断：${e instanceof Error ? e.message : String(e)}`;
    })
    .finally(() => {
      entry.status.running = false;
      entry.status.finishedAt = new Date().toISOString();
    });
  return entry.current;
}
