import { sql, type RawBuilder } from 'kysely';
import type { Kernel } from '../kernel.ts';
import { addDays } from '../calendar/dates.ts';
import type { CaseTypeDef } from '../cases/define.ts';
import type { CountIndicator } from './define.ts';

/**
 * Daily rollups for the case types with millions of records (a city's 12345 year): one row per
 * (type, indicator, day, org) with the count, so a year's figure sums at most 365 × orgs rows
 * instead of reading every event.
 *
 * Kept fresh from the facts: statement triggers on case_events and case_clocks note each
 * (type, day) a write touched in indicator_dirty (plain rows, no unique key, so a write not yet
 * committed keeps its own note until it is). Before a figure is read, the noted days are
 * recounted from the facts with the indicator's own condition. A rollup can therefore always
 * be rebuilt, and never holds anything the facts do not.
 *
 * Only counts that add up across days and orgs are rolled up: clocks (one row per case and
 * clock) and events that happen at most once in a case's life (its receipt, or a step into a
 * final state), so summing days equals counting distinct cases; and counts of distinct units,
 * which are the distinct orgs among the day rows. Sums stay live.
 */
export const ROLLED_UP_TYPES = new Set(['hotline']);

const ROLLUP_LOCK = 731_013;

function oncePerCase(def: CaseTypeDef, kind: string) {
  if (kind === 'receive') return true;
  const a = def.actions.find((x) => x.key === kind);
  return Boolean(a?.to && def.states[a.to]?.final);
}

export function rollsUp(def: CaseTypeDef, d: CountIndicator): boolean {
  if (!ROLLED_UP_TYPES.has(def.key)) return false;
  const src = d.count;
  if ('clocks' in src) return true;
  // Rollups are kept per event org; a count for the org a case field names is read live.
  if (src.orgField) return false;
  // A count of distinct units is exact from (day, org) rows whatever repeats; a count of cases only when each counts once.
  return !src.sum && (Boolean(src.distinctOrgs) || Boolean(src.everyEvent) || src.events.every((kind) => oncePerCase(def, kind)));
}

/** Recounts the days written since the last refresh; concurrent refreshes take turns. */
export async function refreshRollups(k: Kernel, def: CaseTypeDef, condition: (d: CountIndicator) => RawBuilder<boolean>): Promise<number> {
  const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_dirty WHERE type = ${def.key}`.execute(k.db);
  if (pending.rows[0].n === 0) return 0;
  return k.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`.execute(trx);
    const { rows } = await sql<{ day: string }>`DELETE FROM indicator_dirty WHERE type = ${def.key} RETURNING day::text AS day`.execute(trx);
    const days = [...new Set(rows.map((r) => r.day))];
    if (days.length === 0) return 0;
    await sql`DELETE FROM indicator_days WHERE type = ${def.key} AND day = ANY(${days}::date[])`.execute(trx);
    for (const d of def.indicators) {
      if ('rate' in d || !rollsUp(def, d)) continue;
      const c = d as CountIndicator;
      if ('events' in c.count) {
        await sql`INSERT INTO indicator_days (type, indicator, day, org_id, n)
          SELECT ${def.key}, ${c.key}, e.occurred_on, e.org_id, ${c.count.everyEvent ? sql`count(*)` : sql`count(DISTINCT e.case_id)`}::int FROM case_events e
          WHERE e.type = ${def.key} AND e.occurred_on = ANY(${days}::date[]) AND ${condition(c)}
          GROUP BY e.occurred_on, e.org_id`.execute(trx);
      } else {
        await sql`INSERT INTO indicator_days (type, indicator, day, org_id, n)
          SELECT ${def.key}, ${c.key}, cc.stopped_on, cc.org_id, count(*)::int FROM case_clocks cc
          WHERE cc.type = ${def.key} AND cc.status = 'stopped' AND cc.stopped_on = ANY(${days}::date[]) AND ${condition(c)}
          GROUP BY cc.stopped_on, cc.org_id`.execute(trx);
      }
    }
    // Month rows are the sums of their days: a year reads 12 rows per org, not 365.
    const months = [...new Set(days.map((d) => d.slice(0, 7) + '-01'))];
    await sql`DELETE FROM indicator_months WHERE type = ${def.key} AND month = ANY(${months}::date[])`.execute(trx);
    await sql`INSERT INTO indicator_months (type, indicator, month, org_id, n)
      SELECT type, indicator, date_trunc('month', day)::date, org_id, sum(n)::int FROM indicator_days
      WHERE type = ${def.key} AND date_trunc('month', day)::date = ANY(${months}::date[])
      GROUP BY type, indicator, date_trunc('month', day), org_id`.execute(trx);
    return days.length;
  });
}

const firstOfNextMonth = (d: string) => addDays(d.slice(0, 8) + '28', 4).slice(0, 8) + '01';

/** The whole months inside [from, to] as [start, end) (empty when there are none). */
function wholeMonths(from: string, to: string): [string, string] {
  const start = from.endsWith('-01') ? from : firstOfNextMonth(from);
  const end = firstOfNextMonth(to) === addDays(to, 1) ? addDays(to, 1) : to.slice(0, 8) + '01';
  return start < end ? [start, end] : [from, from];
}

/** The rolled-up counts for an org subtree and a period. */
export async function rolledUpCounts(k: Kernel, def: CaseTypeDef, counts: CountIndicator[], path: string, from: string, to: string): Promise<Map<string, number>> {
  const keys = counts.map((d) => d.key);
  const [m1, m2] = wholeMonths(from, to);
  // An array computed once: the plan stays good before the rollup tables have statistics.
  const subtree = sql`ANY(ARRAY(SELECT id FROM orgs WHERE path LIKE ${path + '%'}))`;
  // Each part a plain range on the key's leading columns. An empty part is left out: with an OR
  // of ranges the planner cannot bound the day and walks every day of every org.
  const parts = [];
  if (m1 < m2) {
    parts.push(sql`SELECT indicator, org_id, n FROM indicator_months
      WHERE type = ${def.key} AND indicator = ANY(${keys}::text[]) AND month >= ${m1} AND month < ${m2} AND org_id = ${subtree}`);
  }
  for (const [a, b] of [[from, addDays(m1, -1)], [m2, to]]) {
    if (a > b) continue;
    parts.push(sql`SELECT indicator, org_id, n FROM indicator_days
      WHERE type = ${def.key} AND indicator = ANY(${keys}::text[]) AND day >= ${a} AND day <= ${b} AND org_id = ${subtree}`);
  }
  const { rows } = await sql<{ indicator: string; n: number; orgs: number }>`
    SELECT indicator, sum(n)::int AS n, count(DISTINCT org_id)::int AS orgs FROM (${sql.join(parts, sql` UNION ALL `)}) x
    GROUP BY indicator`.execute(k.db);
  const out = new Map(keys.map((key) => [key, 0]));
  for (const r of rows) {
    const d = counts.find((c) => c.key === r.indicator)!;
    out.set(r.indicator, 'distinctOrgs' in d.count && d.count.distinctOrgs ? r.orgs : r.n);
  }
  return out;
}
