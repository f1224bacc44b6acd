import { sql } from 'kysely';
import type { Kernel } from './kernel.ts';

/**
 * A small cache for the home page's reads (待办, 预警, 即将到期, messages, headline figures),
 * which at a city's size read hundreds of thousands of rows and are asked for on every page view.
 *
 * An entry is valid while the database has not changed. Every write statement, on every table
 * (migration 0018_read_paths), bumps the sequence read_generation and holds a shared advisory
 * lock until its transaction ends; writers never wait on each other. A result is stored under
 * the generation read before computing it, and only if (1) no writer was between its first write
 * and its end at that moment (the lock was free), so every committed write was visible, and (2)
 * the generation had not moved when the computation ended, so no write began in between. An
 * entry is then valid while the generation stays where it was. Nothing needs to remember to
 * invalidate, and a cached answer always equals the live one.
 *
 * (The transaction snapshot would be simpler, but xids are shared by every database of the
 * cluster, so any other database's writes would empty this cache.)
 *
 * Also part of the key: today (clocks and 预警 depend on it) and the calendar (reloaded after
 * an admin edits holidays). A burst of identical requests computes once.
 */
const MAX_ENTRIES = 500;

interface Entry {
  generation: string;
  today: string;
  calendar: unknown;
  value: unknown;
}

const caches = new WeakMap<Kernel, Map<string, Entry>>();
/** Computations under way, by key and generation: a burst of identical requests computes once. */
const running = new WeakMap<Kernel, Map<string, Promise<unknown>>>();

const WRITERS_LOCK = 731_014;

/** The generation as a value: also a column of the session query, so a signed-in request reads it in the same round trip. */
export const readGenerationValue = () => sql<string>`(SELECT last_value || ':' || is_called FROM read_generation)`;

async function generation(k: Kernel): Promise<string> {
  const { rows } = await sql<{ g: string }>`SELECT ${readGenerationValue()} AS g`.execute(k.db);
  return rows[0].g;
}

/** The generation, and whether no writer is in flight (tried without waiting, released at once). */
async function settledGeneration(k: Kernel): Promise<{ g: string; settled: boolean }> {
  const { rows } = await sql<{ g: string; settled: boolean }>`SELECT last_value || ':' || is_called AS g,
    CASE WHEN pg_try_advisory_lock(${WRITERS_LOCK}) THEN pg_advisory_unlock(${WRITERS_LOCK}) ELSE false END AS settled
    FROM read_generation`.execute(k.db);
  return rows[0];
}

/**
 * `current` is the generation if the caller read it already during this request (with its
 * session, in the same round trip): any write committed before the request is counted in it.
 */
export async function cachedRead<T>(k: Kernel, key: string, compute: () => Promise<T>, current?: string): Promise<T> {
  let cache = caches.get(k);
  if (!cache) caches.set(k, (cache = new Map()));
  const today = k.today();
  const hit = cache.get(key);
  if (hit && hit.today === today && hit.calendar === k.calendar && hit.generation === (current ?? (await generation(k)))) {
    // Most recently used last: the oldest entry is the first to go.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  let inflight = running.get(k);
  if (!inflight) running.set(k, (inflight = new Map()));
  const calendar = k.calendar;
  const { g: before, settled } = await settledGeneration(k);
  const flight = `${key}\n${before}\n${settled}\n${today}`;
  // Started with nothing written since and no writer in flight: the same answer as this request's.
  const shared = settled ? inflight.get(flight) : undefined;
  if (shared) return shared as Promise<T>;
  const work = (async () => {
    const value = await compute();
    if (settled && (await generation(k)) === before && k.today() === today && k.calendar === calendar) {
      cache!.delete(key);
      cache!.set(key, { generation: before, today, calendar, value });
      if (cache!.size > MAX_ENTRIES) cache!.delete(cache!.keys().next().value!);
    }
    return value;
  })();
  if (settled) inflight.set(flight, work);
  try {
    return await work;
  } finally {
    if (inflight.get(flight) === work) inflight.delete(flight);
  }
}
