import { computeDue, relevantWarnings, workdaysBetween, type WorkCalendar } from '../calendar/calendar.ts';
import { diffDays } from '../calendar/dates.ts';
import type { ClockDef, EventView } from './define.ts';

export interface ClockState {
  key: string;
  length: number;
  status: 'pending' | 'running' | 'paused' | 'stopped';
  startedOn: string | null;
  dueOn: string | null;
  stoppedOn: string | null;
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

export function evaluateClock(cal: WorkCalendar, def: ClockDef, events: EventView[], fields: Record<string, any> = {}): ClockState {
  let length = clockLength(def, fields);
  let startedOn: string | null = null;
  let stoppedOn: string | null = null;
  let stoppedBy: string | null = null;
  let extended = 0;
  let pauses: { from: string; to: string | null; limit: string | null }[] = [];
  for (const [i, e] of events.entries()) {
    if (def.appliesTo && !def.appliesTo(fields)) break;
    if (def.startOn.includes(e.kind) && (!def.startIf || def.startIf(e, events.slice(0, i), fields))) {
      const earlier = def.countFrom?.[e.kind];
      const given = def.startFrom ? e.data?.[def.startFrom] : undefined;
      startedOn = (earlier && events.findLast((x) => x.kind === earlier)?.on) || (typeof given === 'string' ? given : startDate(e));
      if (def.lengthFrom) length = typeof def.lengthFrom === 'function' ? def.lengthFrom(e.data ?? {}) : Number(e.data?.[def.lengthFrom]) || 0;
      stoppedOn = null;
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
    else if (def.extendOn?.includes(e.kind)) extended += Number(e.data.days) || 0;
    if (def.stopOn.includes(e.kind)) {
      stoppedOn = stopDate(e);
      stoppedBy = e.kind;
      const still = pauses.find((p) => p.to === null);
      if (still) still.to = e.on;
    }
  }
  const base = { key: def.key, length, startedOn, stoppedOn, stoppedBy, extended, warnings: [] as string[] };
  if (!startedOn) return { ...base, status: 'pending', dueOn: null, pausedDays: 0 };
  // A limited pause ends at its limit, whether or not anyone records the resumption.
  for (const p of pauses) if (p.limit && (p.to === null || p.to > p.limit)) p.to = p.limit;
  const pausedDays = pauses.reduce((n, p) => n + daysLeft(cal, def.unit, p.from, p.to ?? p.from), 0);
  if (pauses.some((p) => p.to === null)) return { ...base, status: 'paused', dueOn: null, pausedDays };
  const { due, warnings } = computeDue(
    cal,
    startedOn,
    { length: length + extended, unit: def.unit, rollOverHoliday: def.rollOverHoliday },
    pauses as { from: string; to: string }[],
  );
  return { ...base, status: stoppedOn ? 'stopped' : 'running', dueOn: due, pausedDays, warnings: relevantWarnings(warnings, stoppedOn) };
}

/** Days left until due (negative when overdue): working days for a 工作日 clock, natural days otherwise. */
export function daysLeft(cal: WorkCalendar, unit: ClockDef['unit'], today: string, dueOn: string): number {
  return unit === 'workday' ? workdaysBetween(cal, today, dueOn) : diffDays(today, dueOn);
}
