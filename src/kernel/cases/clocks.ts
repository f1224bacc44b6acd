import { computeDue, relevantWarnings, workdaysBetween, type DayUnit, type WorkCalendar } from '../calendar/calendar.ts';
import { addHours, diffDays, isClockTime } from '../calendar/dates.ts';
import { sql } from 'kysely';
import { clockUnit, type ClockDef, type EventView } from './define.ts';

export interface ClockState {
  key: string;
  length: number;
  status: 'pending' | 'running' | 'paused' | 'stopped';
  startedOn: string | null;
  dueOn: string | null;
  stoppedOn: string | null;
  /**
   * An hour clock's instants ('YYYY-MM-DD HH:mm', China time), null for day clocks and for a
   * start or stop recorded without its time (data.at): such a clock is then judged by dates.
   */
  startedAt: string | null;
  dueAt: string | null;
  stoppedAt: string | null;
  /** The event kind that stopped it, so a count can tell an answer from a withdrawal. */
  stoppedBy: string | null;
  extended: number;
  pausedDays: number;
  warnings: string[];
}

/**
 * Replays a case's events (in order) against one clock definition. A start event (re)starts
 * the period; pause/resume exclude the days between them; extensions add data.days; a stop
 * event freezes the clock. While paused with no resume the due date is unknown.
 */
export const clockLength = (def: ClockDef, fields: Record<string, any>) => (typeof def.length === 'function' ? def.length(fields) : def.length);

/** A notice's clock runs from the day the party received it (送达回证), when the event records it. */
const startDate = (e: EventView) => (typeof e.data?.servedOn === 'string' ? e.data.servedOn : e.on);
/** A party's filing counts from the day it was posted: 在途时间不计算在期间内 (民事诉讼法 art. 85 ¶4). */
const stopDate = (e: EventView) => (typeof e.data?.postedOn === 'string' ? e.data.postedOn : e.on);
/** The time of day a step records (data.at, 'HH:mm'), when the clock's day is the step's own. */
const timeOf = (e: EventView, day: string) => (day === e.on && isClockTime(e.data?.at) ? `${day} ${e.data.at}` : null);

/**
 * Kept within time: an hour clock compares instants when it has both; otherwise, and for day
 * clocks, the stop date against the due date.
 */
export function keptTime(c: { dueOn: string | null; stoppedOn: string | null; dueAt?: string | null; stoppedAt?: string | null }): boolean {
  if (!c.dueOn || !c.stoppedOn) return false;
  return c.dueAt && c.stoppedAt ? c.stoppedAt <= c.dueAt : c.stoppedOn <= c.dueOn;
}

/** Past due at `now` ('YYYY-MM-DD HH:mm'): an hour clock with a due instant by the minute, others by the day. */
export const pastDue = (c: { dueOn: string | null; dueAt?: string | null }, now: string) =>
  Boolean(c.dueOn && (c.dueAt ? now > c.dueAt : now.slice(0, 10) > c.dueOn));

export function evaluateClock(cal: WorkCalendar, def: ClockDef, events: EventView[], fields: Record<string, any> = {}): ClockState {
  let length = clockLength(def, fields);
  const unit = clockUnit(def, fields);
  let startedOn: string | null = null;
  let startedAt: string | null = null;
  let stoppedOn: string | null = null;
  let stoppedAt: string | null = null;
  let stoppedBy: string | null = null;
  let extended = 0;
  let pauses: { from: string; to: string | null; limit: string | null }[] = [];
  for (const [i, e] of events.entries()) {
    if (def.appliesTo && !def.appliesTo(fields)) break;
    if (def.startOn.includes(e.kind) && (!def.startIf || def.startIf(e, events.slice(0, i), fields))) {
      const earlier = def.countFrom?.[e.kind];
      const given = def.startFrom ? e.data?.[def.startFrom] : undefined;
      const from = earlier ? events.findLast((x) => x.kind === earlier) : undefined;
      startedOn = from?.on || (typeof given === 'string' ? given : startDate(e));
      startedAt = unit === 'hour' ? timeOf(from ?? e, startedOn) : null;
      if (def.lengthFrom) length = typeof def.lengthFrom === 'function' ? def.lengthFrom(e.data ?? {}) : Number(e.data?.[def.lengthFrom]) || 0;
      stoppedOn = null;
      stoppedAt = null;
      stoppedBy = null;
      extended = 0;
      pauses = [];
      if (!def.stopOn.includes(e.kind)) continue;
    }
    if (!startedOn || stoppedOn) continue;
    const open = pauses.find((p) => p.to === null);
    if (def.pauseOn?.includes(e.kind) && !open) {
      const limited = def.pauseLimit && (!def.pauseLimit.events || def.pauseLimit.events.includes(e.kind));
      const limit = limited ? computeDue(cal, startDate(e), def.pauseLimit!).due : null;
      pauses.push({ from: e.on, to: null, limit });
    } else if (def.resumeOn?.includes(e.kind) && open) open.to = stopDate(e);
    else if (def.extendOn?.includes(e.kind)) extended += extensionOf(unit, e);
    if (def.stopOn.includes(e.kind)) {
      stoppedOn = stopDate(e);
      stoppedAt = unit === 'hour' ? timeOf(e, stoppedOn) : null;
      stoppedBy = e.kind;
      const still = pauses.find((p) => p.to === null);
      if (still) still.to = e.on;
    }
  }
  const base = { key: def.key, length, startedOn, startedAt, stoppedOn, stoppedAt, stoppedBy, extended, warnings: [] as string[] };
  if (!startedOn) return { ...base, status: 'pending', dueOn: null, dueAt: null, pausedDays: 0 };
  if (unit === 'hour') {
    // Natural hours, round the clock. Without the start's time the period is counted from the
    // start of its day and only its due date is known.
    const due = addHours(startedAt ?? `${startedOn} 00:00`, length + extended);
    return { ...base, status: stoppedOn ? 'stopped' : 'running', dueOn: due.slice(0, 10), dueAt: startedAt ? due : null, pausedDays: 0 };
  }
  // A limited pause ends at its limit, whether or not anyone records the resumption.
  for (const p of pauses) if (p.limit && (p.to === null || p.to > p.limit)) p.to = p.limit;
  const dayUnit = unit as DayUnit;
  const pausedDays = pauses.reduce((n, p) => n + daysLeft(cal, dayUnit, p.from, p.to ?? p.from), 0);
  if (pauses.some((p) => p.to === null)) return { ...base, status: 'paused', dueOn: null, dueAt: null, pausedDays };
  const { due, warnings } = computeDue(
    cal,
    startedOn,
    { length: length + extended, unit: dayUnit, rollOverHoliday: def.rollOverHoliday },
    pauses as { from: string; to: string }[],
  );
  return { ...base, status: stoppedOn ? 'stopped' : 'running', dueOn: due, dueAt: null, pausedDays, warnings: relevantWarnings(warnings, stoppedOn) };
}

/** An extension step adds data.days in the clock's unit; an hour clock takes data.hours, or data.days as whole days of 24 hours. */
function extensionOf(unit: ClockDef['unit'], e: EventView): number {
  if (unit === 'hour') return Number(e.data.hours) || (Number(e.data.days) || 0) * 24;
  return Number(e.data.days) || 0;
}

/** Days left until due (negative when overdue): working days for a 工作日 clock, natural days otherwise (an hour clock too). */
export function daysLeft(cal: WorkCalendar, unit: ClockDef['unit'], today: string, dueOn: string): number {
  return unit === 'workday' ? workdaysBetween(cal, today, dueOn) : diffDays(today, dueOn);
}

/**
 * SQL over case_clocks (alias cc): the instant a running clock falls due, for ordering and
 * overdue tests in one expression: an hour clock's due instant, a day clock's last minute.
 * Read back as 'YYYY-MM-DD HH:mm'; pastDue of a day clock is then the same as `now > it`.
 */
export const dueInstantSql = sql<string | null>`coalesce(cc.due_at, cc.due_on + time '23:59')`;
/** A running clock past due: by the day, or by the minute where it is an hour clock's. */
export const overdueSql = (today: string, now: string) => sql<boolean>`(cc.due_on < ${today} or coalesce(cc.due_at < ${now}::timestamp, false))`;
