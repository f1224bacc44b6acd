import { sql, type RawBuilder } from 'kysely';
import type { Kernel } from '../kernel.ts';
import { getOrg } from '../orgs.ts';
import { outcomeLabel, stateLabel, type CaseTypeDef } from '../cases/define.ts';
import { isRate, type CountIndicator, type IndicatorDef } from './define.ts';
import { refreshRollups, rolledUpCounts, rollsUp } from './rollup.ts';

export interface IndicatorScope {
  orgId: number;
  from: string;
  to: string;
}

export interface IndicatorValue {
  key: string;
  name: string;
  label: string;
  unit: string;
  description: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

const list = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`));

/** The WHERE condition of one count, over case_events (e) or case_clocks (cc). */
export function countCondition(d: CountIndicator): RawBuilder<boolean> {
  const src = d.count;
  if ('events' in src) {
    const parts = [sql`e.kind in (${list(src.events)})`];
    if (src.outcomes) parts.push(sql`e.outcome in (${list(src.outcomes)})`);
    for (const [field, value] of Object.entries(src.dataEquals ?? {})) {
      parts.push(Array.isArray(value) ? sql`e.data ->> ${field} in (${list(value)})` : sql`e.data ->> ${field} = ${String(value)}`);
    }
    for (const [field, value] of Object.entries(src.caseEquals ?? {})) {
      parts.push(sql`e.case_id in (select id from cases where fields ->> ${field} = ${String(value)})`);
    }
    if (src.after) parts.push(sql`exists (select 1 from case_events p where p.case_id = e.case_id and p.kind in (${list(src.after)}) and p.occurred_on <= e.occurred_on)`);
    return sql.join(parts, sql` and `) as RawBuilder<boolean>;
  }
  const parts = [sql`cc.clock in (${list(src.clocks)})`];
  if (src.stoppedBy) parts.push(sql`cc.stopped_by in (${list(src.stoppedBy)})`);
  // An hour clock with both instants is held to the minute; otherwise (day clocks) to the day, as keptTime.
  if (src.onTime) parts.push(sql`coalesce(cc.stopped_at <= cc.due_at, cc.stopped_on <= cc.due_on)`);
  return sql.join(parts, sql` and `) as RawBuilder<boolean>;
}

const byEvents = (d: CountIndicator) => 'events' in d.count;

function subtree(path: string) {
  return sql`(select id from orgs where path like ${path + '%'})`;
}

const orgFieldOf = (d: CountIndicator) => ('orgField' in d.count ? d.count.orgField : undefined);

/** The org an event counts for: its own, or the one the case's intake field names (`orgField`). */
function eventOrg(d: CountIndicator) {
  const field = orgFieldOf(d);
  return field ? sql`coalesce((select (x.fields ->> ${field})::int from cases x where x.id = e.case_id), e.org_id)` : sql`e.org_id`;
}

/** Indicators grouped by the org they count for, so each group reads with one WHERE. */
function byOrgField<T>(items: T[], countOf: (t: T) => CountIndicator): T[][] {
  const groups = new Map<string, T[]>();
  for (const t of items) {
    const key = orgFieldOf(countOf(t)) ?? '';
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()];
}

/** Counts for one case type, one SQL statement per source table, FILTER clause per indicator. */
async function computeCounts(k: Kernel, def: CaseTypeDef, wanted: CountIndicator[], path: string, from: string, to: string, live = false) {
  const out = new Map<string, number>();
  // A city's 12345 year reads daily rollups; what does not add up across days stays live.
  const rolled = live ? [] : wanted.filter((d) => rollsUp(def, d));
  if (rolled.length) {
    await refreshRollups(k, def, countCondition);
    for (const [key, n] of await rolledUpCounts(k, def, rolled, path, from, to)) out.set(key, n);
  }
  const counts = wanted.filter((d) => !rolled.includes(d));
  for (const ev of byOrgField(counts.filter(byEvents), (d) => d)) {
    const kinds = [...new Set(ev.flatMap((d) => (d.count as { events: string[] }).events))];
    const aggregate = (d: CountIndicator) => {
      const { sum, distinctOrgs, everyEvent } = d.count as { sum?: string; distinctOrgs?: boolean; everyEvent?: boolean };
      if (sum) return sql`coalesce(sum((e.data ->> ${sum})::numeric) filter (where ${countCondition(d)}), 0)::float8`;
      if (everyEvent) return sql`count(*) filter (where ${countCondition(d)})::int`;
      return sql`count(distinct ${distinctOrgs ? sql`e.org_id` : sql`e.case_id`}) filter (where ${countCondition(d)})::int`;
    };
    const cols = sql.join(ev.map((d, i) => sql`${aggregate(d)} as ${sql.ref('c' + i)}`));
    const { rows } = await sql<Record<string, number>>`
      select ${cols} from case_events e
      where e.type = ${def.key} and e.kind in (${list(kinds)})
        and e.occurred_on between ${from} and ${to} and ${eventOrg(ev[0])} in ${subtree(path)}`.execute(k.db);
    ev.forEach((d, i) => out.set(d.key, rows[0]['c' + i]));
  }
  const cl = counts.filter((d) => !byEvents(d));
  if (cl.length) {
    const clocks = [...new Set(cl.flatMap((d) => (d.count as { clocks: string[] }).clocks))];
    const cols = sql.join(cl.map((d, i) => sql`count(*) filter (where ${countCondition(d)})::int as ${sql.ref('c' + i)}`));
    const { rows } = await sql<Record<string, number>>`
      select ${cols} from case_clocks cc
      where cc.type = ${def.key} and cc.clock in (${list(clocks)}) and cc.status = 'stopped'
        and cc.stopped_on between ${from} and ${to} and cc.org_id in ${subtree(path)}`.execute(k.db);
    cl.forEach((d, i) => out.set(d.key, rows[0]['c' + i]));
  }
  return out;
}

/**
 * The case types with any record an indicator could count in the scope: an event dated in the
 * period or a clock stopped in it, in the org's subtree. Every count of any other type is 0.
 */
export async function typesWithRecords(k: Kernel, scope: IndicatorScope): Promise<Set<string>> {
  const org = await getOrg(k.db, scope.orgId);
  const { rows } = await sql<{ type: string }>`
    select e.type from case_events e where e.occurred_on between ${scope.from} and ${scope.to} and e.org_id in ${subtree(org.path)}
    union
    select cc.type from case_clocks cc where cc.status = 'stopped' and cc.stopped_on between ${scope.from} and ${scope.to} and cc.org_id in ${subtree(org.path)}`.execute(k.db);
  // A type that counts some records for the org a case field names may count them outside the subtree's own.
  const named = k.types.all().filter((t) => t.indicators.some((d) => !isRate(d) && orgFieldOf(d))).map((t) => t.key);
  return new Set([...rows.map((r) => r.type), ...named]);
}

/** A percentage to one decimal, as reports state it (271 ÷ 297 = 91.2%). */
export const percent = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 1000) / 10);

/**
 * Computes indicators (all, or those named by key or Chinese name) for an org subtree and a period.
 */
/** `live` bypasses the rollups (the test proving they agree). */
export async function computeIndicators(k: Kernel, scope: IndicatorScope, refs?: string[], opts: { live?: boolean } = {}): Promise<IndicatorValue[]> {
  const org = await getOrg(k.db, scope.orgId);
  const wanted: { type: CaseTypeDef; def: IndicatorDef }[] = refs
    ? refs.map((r) => k.types.indicator(r))
    : k.types.all().flatMap((type) => type.indicators.map((def) => ({ type, def })));
  const out: IndicatorValue[] = [];
  const byType = new Map<CaseTypeDef, IndicatorDef[]>();
  for (const w of wanted) byType.set(w.type, [...(byType.get(w.type) ?? []), w.def]);
  for (const [type, defs] of byType) {
    const needed = new Map<string, CountIndicator>();
    for (const d of defs) {
      const parts = isRate(d) ? [d.rate.numerator, d.rate.denominator] : [d.key];
      for (const p of parts) needed.set(p, type.indicators.find((i) => i.key === p) as CountIndicator);
    }
    const counts = await computeCounts(k, type, [...needed.values()], org.path, scope.from, scope.to, opts.live);
    for (const d of defs) {
      const base = { key: `${type.key}.${d.key}`, name: `${type.name}.${d.label}`, label: d.label, unit: d.unit, description: d.description };
      if (isRate(d)) {
        const numerator = counts.get(d.rate.numerator)!;
        const denominator = counts.get(d.rate.denominator)!;
        out.push({ ...base, value: percent(numerator, denominator), numerator, denominator });
      } else {
        out.push({ ...base, value: counts.get(d.key)! });
      }
    }
  }
  return out;
}

export interface IndicatorRecord {
  caseId: number;
  number: string;
  title: string;
  orgName: string;
  state: string;
  stateLabel: string;
  outcomeLabel: string | null;
  /** The date that put the record in the period (the event's date, or the clock's stop date). */
  on: string;
  dueOn?: string | null;
  /** For a rate: whether this record is also counted in the numerator. */
  inNumerator?: boolean;
}

/**
 * What a figure's records are: the count whose records are listed (a rate's denominator) and, for
 * a rate, the test whether a case (alias c) is also in the numerator.
 */
function recordsOf(k: Kernel, ref: string, scope: IndicatorScope) {
  const { type, def, key } = k.types.indicator(ref);
  const counted = (isRate(def) ? type.indicators.find((i) => i.key === def.rate.denominator) : def) as CountIndicator;
  const numerator = isRate(def) ? (type.indicators.find((i) => i.key === def.rate.numerator) as CountIndicator) : undefined;
  // The numerator of a rate may come from the other table; test membership by case id.
  const inNum = numerator
    ? byEvents(numerator)
      ? sql<boolean>`exists (select 1 from case_events e where e.case_id = c.id and ${countCondition(numerator)} and e.occurred_on between ${scope.from} and ${scope.to})`
      : sql<boolean>`exists (select 1 from case_clocks cc where cc.case_id = c.id and cc.status = 'stopped' and ${countCondition(numerator)} and cc.stopped_on between ${scope.from} and ${scope.to})`
    : sql<boolean>`null`;
  return { type, def, key, counted, numerator, inNum };
}

/** The exact records behind a figure: for a rate, its denominator, each marked if in the numerator. */
export async function indicatorRecords(k: Kernel, ref: string, scope: IndicatorScope, page = { limit: 100, offset: 0 }) {
  const { type, def, key, counted, numerator, inNum } = recordsOf(k, ref, scope);
  const org = await getOrg(k.db, scope.orgId);
  const events = byEvents(counted);
  // A case counts once, on the date of its first counted event: that event is the one with no
  // earlier counted event of the same case (by date, then id). Unlike a GROUP BY, this lets a page
  // read the events in date order and stop, instead of grouping a city's year first. A count of
  // every event lists every event.
  const counts = sql<boolean>`e.type = ${type.key} and ${countCondition(counted)} and e.occurred_on between ${scope.from} and ${scope.to} and ${eventOrg(counted)} in ${subtree(org.path)}`;
  const everyEvent = 'everyEvent' in counted.count && counted.count.everyEvent;
  const source = events
    ? sql`select x.case_id, x.occurred_on as on_date, null::date as due_on
          from (select e.id, e.case_id, e.occurred_on from case_events e where ${counts}) x
          where ${everyEvent ? sql`true` : sql`not exists (select 1 from case_events e where e.case_id = x.case_id and ${counts} and (e.occurred_on, e.id) < (x.occurred_on, x.id))`}`
    : sql`select cc.case_id, cc.stopped_on as on_date, cc.due_on from case_clocks cc
          where cc.type = ${type.key} and cc.status = 'stopped' and ${countCondition(counted)}
            and cc.stopped_on between ${scope.from} and ${scope.to} and cc.org_id in ${subtree(org.path)}`;
  // The page first, then the numerator test for its rows only: asked over the whole source, the
  // planner hashed every numerator row of the year (a full scan of case_clocks) to mark 20.
  const { rows } = await sql<any>`
    with src as (${source}),
    page as (
      select c.id, c.number, c.title, c.state, c.outcome, o.name as org_name, src.on_date, src.due_on
      from src join cases c on c.id = src.case_id join orgs o on o.id = c.org_id
      order by src.on_date, src.case_id limit ${page.limit} offset ${page.offset})
    select c.*, ${inNum} as in_num from page c order by c.on_date, c.id`.execute(k.db);
  // The total is the figure itself (rolled up where it can be), not a count over every row of the page query.
  // A sum or a count of units is not a number of records: those count their rows.
  const plain = !('sum' in counted.count && counted.count.sum) && !('distinctOrgs' in counted.count && counted.count.distinctOrgs);
  const total = plain
    ? ((await computeCounts(k, type, [counted], org.path, scope.from, scope.to)).get(counted.key) ?? 0)
    : (await sql<{ n: number }>`select count(*)::int as n from (${source}) s`.execute(k.db)).rows[0].n;
  const items: IndicatorRecord[] = rows.map((r: any) => ({
    caseId: r.id,
    number: r.number,
    title: r.title,
    orgName: r.org_name,
    state: r.state,
    stateLabel: stateLabel(type, r.state),
    outcomeLabel: outcomeLabel(type, r.outcome),
    on: r.on_date,
    dueOn: r.due_on,
    ...(numerator ? { inNumerator: Boolean(r.in_num) } : {}),
  }));
  return {
    key,
    name: `${type.name}.${def.label}`,
    description: def.description,
    scope: { ...scope, orgName: org.name },
    counts: isRate(def) ? `分母「${counted.label}」的全部记录，标注是否计入分子「${numerator!.label}」` : `「${counted.label}」计入的全部记录`,
    total,
    items,
  };
}

export interface FrozenRecord {
  number: string;
  inNumerator?: boolean;
}

/**
 * Every record behind each of several figures, as indicatorRecords lists them (same records, same
 * order, same marks), read in one query per case type and table instead of two per figure: what
 * a report freezes when it is submitted. Keyed by the ref asked for.
 */
export async function figureRecords(k: Kernel, refs: string[], scope: IndicatorScope): Promise<Map<string, FrozenRecord[]>> {
  const org = await getOrg(k.db, scope.orgId);
  const figures = [...new Set(refs)].map((ref) => ({ ref, ...recordsOf(k, ref, scope) }));
  const out = new Map<string, FrozenRecord[]>();
  const byType = new Map<CaseTypeDef, typeof figures>();
  for (const f of figures) byType.set(f.type, [...(byType.get(f.type) ?? []), f]);
  const mark = (f: (typeof figures)[number], row: any): FrozenRecord => ({ number: row.number, ...(f.numerator ? { inNumerator: Boolean(row['n' + figures.indexOf(f)]) } : {}) });
  // Per figure: whether the row counts, and (only where it does) whether its case is in the numerator.
  const columns = (fs: typeof figures) =>
    sql.join(fs.flatMap((f) => {
      const i = figures.indexOf(f);
      return [sql`${countCondition(f.counted)} as ${sql.ref('f' + i)}`, sql`case when ${countCondition(f.counted)} then ${f.inNum} end as ${sql.ref('n' + i)}`];
    }));
  for (const [type, fs] of byType) {
    for (const ev of byOrgField(fs.filter((f) => byEvents(f.counted)), (f) => f.counted)) {
      const kinds = [...new Set(ev.flatMap((f) => (f.counted.count as { events: string[] }).events))];
      const { rows } = await sql<any>`
        select e.id, e.case_id, e.occurred_on as on_date, c.number, ${columns(ev)}
        from case_events e join cases c on c.id = e.case_id
        where e.type = ${type.key} and e.kind in (${list(kinds)}) and e.occurred_on between ${scope.from} and ${scope.to} and ${eventOrg(ev[0].counted)} in ${subtree(org.path)}`.execute(k.db);
      for (const f of ev) {
        const counted = rows.filter((r: any) => r['f' + figures.indexOf(f)]);
        if ('everyEvent' in f.counted.count && f.counted.count.everyEvent) {
          out.set(f.ref, counted.sort(byDateThenCase).map((r: any) => mark(f, r)));
          continue;
        }
        // A case counts once, on its first counted event (by date, then id), as in indicatorRecords.
        const first = new Map<number, any>();
        for (const r of counted) {
          const had = first.get(r.case_id);
          if (!had || r.on_date < had.on_date || (r.on_date === had.on_date && r.id < had.id)) first.set(r.case_id, r);
        }
        out.set(f.ref, [...first.values()].sort(byDateThenCase).map((r) => mark(f, r)));
      }
    }
    const cl = fs.filter((f) => !byEvents(f.counted));
    if (cl.length) {
      const clocks = [...new Set(cl.flatMap((f) => (f.counted.count as { clocks: string[] }).clocks))];
      const { rows } = await sql<any>`
        select cc.case_id, cc.stopped_on as on_date, c.number, ${columns(cl)}
        from case_clocks cc join cases c on c.id = cc.case_id
        where cc.type = ${type.key} and cc.status = 'stopped' and cc.clock in (${list(clocks)})
          and cc.stopped_on between ${scope.from} and ${scope.to} and cc.org_id in ${subtree(org.path)}`.execute(k.db);
      for (const f of cl) out.set(f.ref, rows.filter((r: any) => r['f' + figures.indexOf(f)]).sort(byDateThenCase).map((r: any) => mark(f, r)));
    }
  }
  return out;
}

const byDateThenCase = (a: { on_date: string; case_id: number }, b: { on_date: string; case_id: number }) =>
  a.on_date < b.on_date ? -1 : a.on_date > b.on_date ? 1 : a.case_id - b.case_id;
