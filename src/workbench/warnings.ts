import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { assertAdmin } from '../kernel/auth/actor.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { addDays } from '../kernel/calendar/dates.ts';
import { badRequest } from '../kernel/errors.ts';
import { clockView } from '../kernel/cases/engine.ts';
import { stateLabel } from '../kernel/cases/define.ts';
import { daysLeft, overdueSql } from '../kernel/cases/clocks.ts';
import type { ClockUnit } from '../kernel/cases/define.ts';
import { sql } from 'kysely';
import { leadersOf, notify } from './notify.ts';

/**
 * 预警 per clock: 黄 from N 工作日 (or 日, in the clock's own unit) before the due date, 红 once
 * overdue. N is set per case type and clock by the admin; without a setting it is 3. A red
 * clock is escalated to the leader of the handling unit (or the nearest unit above it) once.
 */
export const DEFAULT_YELLOW = 3;

export async function warningRules(k: Kernel) {
  const rows = await k.db.selectFrom('warning_rules').selectAll().execute();
  const set = new Map(rows.map((r) => [`${r.type}.${r.clock}`, r]));
  return k.types
    .all()
    .filter((t) => t.group !== 'activity')
    .flatMap((t) =>
      t.clocks.map((c) => {
        const r = set.get(`${t.key}.${c.key}`);
        return { type: t.key, typeName: t.name, clock: c.key, clockLabel: c.label, unit: c.unit, yellowDays: r?.yellow_days ?? DEFAULT_YELLOW, escalate: r?.escalate ?? true, custom: Boolean(r) };
      }),
    );
}

export async function setWarningRule(k: Kernel, actor: Actor, input: { type: string; clock: string; yellowDays: number; escalate: boolean }) {
  assertAdmin(actor);
  const def = k.types.get(input.type);
  if (!def.clocks.some((c) => c.key === input.clock)) throw badRequest(`「${def.name}」没有名为「${input.clock}」的时限`);
  const row = { yellow_days: input.yellowDays, escalate: input.escalate, updated_by: actor.id, updated_at: new Date() };
  await k.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('warning_rules').select(['yellow_days', 'escalate']).where('type', '=', input.type).where('clock', '=', input.clock).executeTakeFirst();
    await trx.insertInto('warning_rules').values({ type: input.type, clock: input.clock, ...row }).onConflict((oc) => oc.columns(['type', 'clock']).doUpdateSet(row)).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'warning.rule', entity: 'warning_rule', entityId: `${input.type}.${input.clock}`, before: before ?? null, after: { yellowDays: input.yellowDays, escalate: input.escalate } });
  });
  return warningRules(k);
}

export interface Warning {
  level: 'yellow' | 'red';
  caseId: number;
  number: string;
  title: string;
  typeName: string;
  orgName: string;
  orgPath: string;
  stateLabel: string;
  clock: { key: string; label: string; dueOn: string | null; daysLeft: number | null; unit: string };
  escalate: boolean;
  handlerId: number | null;
}

/** The furthest due date that can still be yellow: working days are at most calendar days, and a long holiday adds at most about 10 more. */
const horizon = (today: string, widest: number) => addDays(today, widest * 2 + 12);

function clockRows(k: Kernel, path: string, lastDue: string) {
  return k.db
    .selectFrom('case_clocks as cc')
    .innerJoin('cases as c', 'c.id', 'cc.case_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('cc')
    .select(['c.number', 'c.title', 'c.state', 'c.handler_id', 'o.name as org_name', 'o.path as org_path'])
    .where('o.path', 'like', `${path}%`)
    .where('cc.status', '=', 'running')
    .where('cc.due_on', '<=', lastDue)
    .orderBy('cc.due_on')
    .orderBy('cc.case_id')
    .orderBy('cc.clock');
}

/** Running clocks in the path's subtree that are yellow or red today. */
export async function warningsUnder(k: Kernel, path: string): Promise<Warning[]> {
  const rules = new Map((await warningRules(k)).map((r) => [`${r.type}.${r.clock}`, r]));
  const widest = Math.max(DEFAULT_YELLOW, ...[...rules.values()].map((r) => r.yellowDays));
  const rows = await clockRows(k, path, horizon(k.today(), widest)).execute();
  return toWarnings(k, rules, rows);
}

function toWarnings(k: Kernel, rules: Map<string, Awaited<ReturnType<typeof warningRules>>[number]>, rows: Awaited<ReturnType<ReturnType<typeof clockRows>['execute']>>): Warning[] {
  const out: Warning[] = [];
  for (const r of rows) {
    const def = k.types.get(r.type);
    if (!def.clocks.some((c) => c.key === r.clock)) continue;
    const v = clockView(k, def, r);
    const rule = rules.get(`${r.type}.${r.clock}`);
    const yellow = rule?.yellowDays ?? DEFAULT_YELLOW;
    const level = v.overdue ? 'red' : v.daysLeft !== null && v.daysLeft <= yellow ? 'yellow' : null;
    if (!level) continue;
    out.push({
      level,
      caseId: r.case_id,
      number: r.number,
      title: r.title,
      typeName: def.name,
      orgName: r.org_name,
      orgPath: r.org_path,
      stateLabel: stateLabel(def, r.state),
      clock: { key: v.key, label: v.label, dueOn: v.dueOn, daysLeft: v.daysLeft, unit: v.unit },
      escalate: rule?.escalate ?? true,
      handlerId: r.handler_id,
    });
  }
  return out;
}

/**
 * The same warnings as warningsUnder, counted in SQL and only the first `limit` (by due date)
 * built: at a city's size there are hundreds of thousands of red clocks, and the page shows 500.
 * A clock is yellow when its due date is one of the days whose days-left is within its rule;
 * those days are listed here from the calendar, so the count is exactly what the rule says.
 */
export async function warningSummary(k: Kernel, path: string, opts: { level?: 'yellow' | 'red'; limit: number }) {
  const rules = await warningRules(k);
  const widest = Math.max(DEFAULT_YELLOW, ...rules.map((r) => r.yellowDays));
  const today = k.today();
  const last = horizon(today, widest);
  const days: string[] = [];
  for (let d = today; d <= last; d = addDays(d, 1)) days.push(d);
  const yellowDays = (r: (typeof rules)[number], unit: ClockUnit) => days.filter((d) => daysLeft(k.calendar, unit, today, d) <= r.yellowDays);
  // A clock whose unit depends on the case (12345: hours for 紧急) counts its days left by the
  // unit stored with it, as clockView does: natural days for an hour clock.
  const table = sql.join(rules.map((r) => sql`(${r.type}, ${r.clock}, ${yellowDays(r, r.unit)}::date[], ${yellowDays(r, 'hour')}::date[])`));
  // An hour clock (12345 紧急) turns red at its due minute, not the day after: no longer yellow then.
  const red = overdueSql(today, k.now());
  const yellow = sql<boolean>`(cc.due_on = any(case when cc.unit = 'hour' then r.yellow_hour else r.yellow end) and not ${red})`;
  const from = sql`case_clocks cc
    join (values ${table}) as r(type, clock, yellow, yellow_hour) on r.type = cc.type and r.clock = cc.clock
    join cases c on c.id = cc.case_id join orgs o on o.id = c.org_id
    where o.path like ${path + '%'} and cc.status = 'running' and cc.due_on <= ${last}`;
  // Counted from the clock rows alone (a clock carries its case's org, rewritten with every step):
  // an index-only scan of case_clocks_running instead of a join per clock.
  const counts = (
    await sql<{ yellow: number; red: number }>`select count(*) filter (where ${yellow})::int as yellow, count(*) filter (where ${red})::int as red
      from case_clocks cc join (values ${table}) as r(type, clock, yellow, yellow_hour) on r.type = cc.type and r.clock = cc.clock
      where cc.org_id in (select id from orgs where path like ${path + '%'}) and cc.status = 'running' and cc.due_on <= ${last}`.execute(k.db)
  ).rows[0];
  const wanted = opts.level === 'red' ? red : opts.level === 'yellow' ? yellow : sql`(${red} or ${yellow})`;
  const { rows } = await sql<Parameters<typeof toWarnings>[2][number]>`
    select cc.*, c.number, c.title, c.state, c.handler_id, o.name as org_name, o.path as org_path from ${from} and ${wanted}
    order by cc.due_on, cc.case_id, cc.clock limit ${opts.limit}`.execute(k.db);
  return { counts: { yellow: counts.yellow, red: counts.red }, items: toWarnings(k, new Map(rules.map((r) => [`${r.type}.${r.clock}`, r])), rows) };
}

/**
 * Tells each red clock's unit leader once per due date (and its handler). Returns messages sent.
 * At a city's size there are hundreds of thousands of red clocks every hour: they are read
 * without building their day counts, leaders are looked up once per unit, and whoever was
 * already told is skipped before any write, so a run with nothing new writes nothing.
 */
export async function escalateOverdue(k: Kernel): Promise<number> {
  const top = await k.db.selectFrom('orgs').select('path').where('parent_id', 'is', null).execute();
  const rules = new Map((await warningRules(k)).map((r) => [`${r.type}.${r.clock}`, r]));
  const told = new Set((await k.db.selectFrom('notifications').select(['user_id', 'dedupe']).where('dedupe', 'like', 'red:%').execute()).map((n) => `${n.user_id} ${n.dedupe}`));
  const leaders = new Map<string, number[]>();
  // Someone with no settings gets exactly one in-app row per message: those rows go in 1,000 at a
  // time. Someone with settings (muted kinds, SMS, quiet hours) goes through notify as before.
  const withPrefs = new Set((await k.db.selectFrom('notification_prefs').select('user_id').execute()).map((p) => p.user_id));
  const rows: { user_id: number; kind: 'warning'; title: string; body: string; link: string; dedupe: string; created_by: null }[] = [];
  let sent = 0;
  const flush = async () => {
    const batch = rows.splice(0);
    if (batch.length) sent += (await k.db.insertInto('notifications').values(batch).onConflict((oc) => oc.columns(['user_id', 'dedupe']).doNothing()).returning('id').execute()).length;
  };
  for (const { path } of top) {
    for (const r of await clockRows(k, path, addDays(k.today(), -1)).execute()) {
      const def = k.types.get(r.type);
      const clock = def.clocks.find((c) => c.key === r.clock);
      if (!clock || !(rules.get(`${r.type}.${r.clock}`)?.escalate ?? true)) continue;
      const dedupe = `red:${r.case_id}:${r.clock}:${r.due_on}`;
      if (!leaders.has(r.org_path)) leaders.set(r.org_path, await leadersOf(k.db, r.org_path));
      const who = [...new Set([...leaders.get(r.org_path)!, ...(r.handler_id ? [r.handler_id] : [])])].filter((u) => !told.has(`${u} ${dedupe}`));
      if (!who.length) continue;
      const msg = {
        kind: 'warning' as const,
        title: `红色预警：${r.number}「${clock.label}」已于${r.due_on}届满`,
        body: `${r.org_name} · ${def.name} · ${r.title}（当前环节：${stateLabel(def, r.state)}）`,
        link: `/cases/${r.case_id}`,
        dedupe,
      };
      const [plain, others] = [who.filter((u) => !withPrefs.has(u)), who.filter((u) => withPrefs.has(u))];
      if (others.length) sent += (await notify(k.db, others, msg)).length;
      for (const u of plain) rows.push({ user_id: u, ...msg, created_by: null });
      if (rows.length >= 1000) await flush();
    }
  }
  await flush();
  return sent;
}
