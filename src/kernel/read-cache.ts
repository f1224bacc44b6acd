import { sql } from 'kysely';
import type { Kernel } from './kernel.ts';

/**
 * A small cache for the home page's reads (待办, 预警, 即将到期, headline figures), which at a
 * city's size read hundreds of thousands of rows and are asked for on every page view.
 *
 * An entry is valid while the database has not changed. The test is PostgreSQL's own:
 * pg_current_snapshot() changes whenever a transaction that writes begins or ends, and stays
 * the same while only readers come and go. A result is stored only when the snapshot was the
 * same before and after computing it: no write committed in between, so every statement saw
 * the same data, and that data is what the stored snapshot stands for. Any later write, in any
 * process, changes the snapshot and the next read computes afresh. Nothing needs to remember
 * to invalidate, and a cached answer always equals the live one.
 *
 * Also part of the key: today (clocks and 预警 depend on it) and the calendar (reloaded after
 * an admin edits holidays).
 */
const MAX_ENTRIES = 500;

interface Entry {
  snapshot: string;
  today: string;
  calendar: unknown;
  value: unknown;
}

const caches = new WeakMap<Kernel, Map<string, Entry>>();

async function snapshot(k: Kernel): Promise<string> {
  const { rows } = await sql<{ s: string }>`SELECT pg_current_snapshot()::text AS s`.execute(k.db);
  return rows[0].s;
}

export async function cachedRead<T>(k: Kernel, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(k);
  if (!cache) caches.set(k, (cache = new Map()));
  const before = await snapshot(k);
  const today = k.today();
  const hit = cache.get(key);
  if (hit && hit.snapshot === before && hit.today === today && hit.calendar === k.calendar) {
    // Most recently used last: the oldest entry is the first to go.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const calendar = k.calendar;
  const value = await compute();
  if ((await snapshot(k)) === before && k.today() === today && k.calendar === calendar) {
    cache.delete(key);
    cache.set(key, { snapshot: before, today, calendar, value });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return value;
}
