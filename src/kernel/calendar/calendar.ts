import { createRequire } from 'node:module';
import { addDays, addMonths, diffDays, nextDay, weekday, yearOf } from './dates.ts';

/**
 * The working-day calendar: weekends off, statutory holidays off, 调休 weekend days on.
 * Built from `chinese-days` (the 国务院办公厅 notices it encodes) plus overrides an admin enters,
 * e.g. for a year whose notice the package does not have yet. A year with neither is "unpublished":
 * we still count it Monday–Friday but every answer touching it carries a warning.
 */
export type DayKind = 'holiday' | 'workday';
export interface CalendarOverride { date: string; kind: DayKind; name: string }

const require = createRequire(import.meta.url);
const packaged: { holidays: Record<string, string>; workdays: Record<string, string> } =
  require('chinese-days/dist/chinese-days.json');

export class WorkCalendar {
  private readonly holidays = new Map<string, string>();
  private readonly workdays = new Map<string, string>();
  private readonly publishedYears = new Set<number>();

  constructor(overrides: CalendarOverride[] = [], extraPublishedYears: number[] = []) {
    for (const [d, v] of Object.entries(packaged.holidays)) this.holidays.set(d, v.split(',')[1] ?? v);
    for (const [d, v] of Object.entries(packaged.workdays)) this.workdays.set(d, (v.split(',')[1] ?? v) + '调休');
    for (const d of this.holidays.keys()) this.publishedYears.add(yearOf(d));
    for (const o of overrides) {
      this.holidays.delete(o.date);
      this.workdays.delete(o.date);
      (o.kind === 'holiday' ? this.holidays : this.workdays).set(o.date, o.name);
    }
    for (const y of extraPublishedYears) this.publishedYears.add(y);
  }

  isPublished(year: number): boolean {
    return this.publishedYears.has(year);
  }

  /** Weekdays that are off and weekend days that are on, sorted: the exceptions to Monday–Friday. */
  private exceptions?: { off: string[]; on: string[] };

  /**
   * Working days strictly after `from` up to and including `to` (from <= to): Monday–Friday by
   * arithmetic, then the exceptions in the span by binary search. Overdue clocks a year old are
   * counted on every 预警 and 到期 view; a day-by-day walk took a millisecond each.
   */
  workdaysAfter(from: string, to: string): number {
    const ex = (this.exceptions ??= {
      off: [...this.holidays.keys()].filter((d) => !this.workdays.has(d) && weekday(d) % 6 !== 0).sort(),
      on: [...this.workdays.keys()].filter((d) => weekday(d) % 6 === 0).sort(),
    });
    const days = diffDays(from, to);
    const weeks = Math.floor(days / 7);
    const start = weekday(from);
    let n = weeks * 5;
    for (let i = weeks * 7 + 1; i <= days; i++) if ((start + i) % 7 % 6 !== 0) n++;
    return n - countIn(ex.off, from, to) + countIn(ex.on, from, to);
  }

  /** Answers already worked out (bounded): an import asks about the same few hundred days again and again. */
  private readonly known = new Map<string, boolean>();

  isWorkday(date: string): boolean {
    let on = this.known.get(date);
    if (on === undefined) {
      on = this.workdays.has(date) || (!this.holidays.has(date) && weekday(date) % 6 !== 0);
      if (this.known.size >= 100_000) this.known.clear();
      this.known.set(date, on);
    }
    return on;
  }

  /** Name of the holiday or 调休 day, if any. */
  dayName(date: string): string | undefined {
    return this.holidays.get(date) ?? this.workdays.get(date);
  }

  nextWorkday(date: string): string {
    let d = date;
    while (!this.isWorkday(d)) d = nextDay(d);
    return d;
  }

  /** Warnings for every unpublished year the span [from, to] touches. */
  warningsFor(from: string, to: string): string[] {
    const out: string[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      if (!this.isPublished(y)) {
        out.push(`${y}年节假日安排尚未录入（国务院办公厅通知未发布或未导入），该年按周一至周五推算，结果为暂定，请在安排公布后复核。`);
      }
    }
    return out;
  }
}

/**
 * The warnings that still matter for a clock: once it stopped, an unpublished year after the stop
 * cannot change whether it stopped in time (the days before it are fixed), so only years up to the
 * stop are kept. Warnings name their year first (warningsFor).
 */
export function relevantWarnings(warnings: string[], stoppedOn: string | null): string[] {
  if (!stoppedOn) return warnings;
  const last = yearOf(stoppedOn);
  return warnings.filter((w) => !(Number(/^(\d{4})年/.exec(w)?.[1]) > last));
}

/** 日 (natural days), 工作日, or 月 (calendar months, 民法典 art. 202). */
export type DayUnit = 'day' | 'workday' | 'month';

export interface PeriodRule {
  length: number;
  unit: DayUnit;
  /** 民事诉讼法 art. 85: a natural-day period ending on a 法定休假日 ends on the next working day. */
  rollOverHoliday?: boolean;
}

export interface DueDate { due: string; warnings: string[] }

/**
 * Counts a period from `start` (the start day itself is not counted, 民法典 art. 201),
 * skipping the days inside `pauses` (each pause excludes the days after `from` up to and including `to`).
 */
export function computeDue(
  cal: WorkCalendar,
  start: string,
  rule: PeriodRule,
  pauses: { from: string; to: string }[] = [],
): DueDate {
  if (rule.length <= 0) return { due: start, warnings: [] };
  if (rule.unit === 'month') {
    // The corresponding day of the end month, or its last day when there is none; paused days added after.
    let d = addMonths(start, rule.length);
    for (const p of pauses) d = addDays(d, Math.max(0, diffDays(p.from, p.to)));
    if (rule.rollOverHoliday ?? true) d = cal.nextWorkday(d);
    return { due: d, warnings: cal.warningsFor(start, d) };
  }
  const paused = (d: string) => pauses.some((p) => d > p.from && d <= p.to);
  let d = start;
  let counted = 0;
  while (counted < rule.length) {
    d = nextDay(d);
    if (paused(d)) continue;
    if (rule.unit === 'workday' && !cal.isWorkday(d)) continue;
    counted++;
  }
  if (rule.unit === 'day' && (rule.rollOverHoliday ?? true)) d = cal.nextWorkday(d);
  return { due: d, warnings: cal.warningsFor(start, d) };
}

/** Working days strictly after `from` up to and including `to` (negative when `to` is earlier). */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  if (to === from) return 0;
  return to > from ? cal.workdaysAfter(from, to) : -cal.workdaysAfter(to, from);
}

/** How many of the sorted dates are in (from, to]. */
function countIn(sorted: string[], from: string, to: string): number {
  return upperBound(sorted, to) - upperBound(sorted, from);
}

function upperBound(sorted: string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
