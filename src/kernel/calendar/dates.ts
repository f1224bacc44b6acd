// Dates are plain 'YYYY-MM-DD' strings throughout fazhi: a statutory day has no time zone.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function addDays(date: string, n: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The day after `date`, remembered: clocks step through their periods a day at a time (bounded cache). */
const following = new Map<string, string>();
export function nextDay(date: string): string {
  let next = following.get(date);
  if (next === undefined) {
    next = addDays(date, 1);
    if (following.size >= 100_000) following.clear();
    following.set(date, next);
  }
  return next;
}

export function diffDays(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

export function weekday(date: string): number {
  return new Date(date + 'T00:00:00Z').getUTCDay();
}

/** Today in China (UTC+8), which is what a clerk means by 今天 whatever the server's zone. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** The corresponding day n months later, or that month's last day when it has none (民法典 art. 202). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * An instant of a clock counted in hours: 'YYYY-MM-DD HH:mm', China's wall-clock time (UTC+8,
 * no daylight saving), so instants compare as strings the way dates do.
 */
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClockTime = (s: unknown): s is string => typeof s === 'string' && CLOCK_TIME.test(s);

/** The instant n natural hours after `instant` ('YYYY-MM-DD HH:mm'). */
export function addHours(instant: string, n: number): string {
  const t = Date.parse(instant.replace(' ', 'T') + ':00Z') + n * 3_600_000;
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}

/** Now in China as 'YYYY-MM-DD HH:mm', the reading an hour clock is held to. */
export function nowInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A stored timestamp (text '2026-03-02 10:00:00' or JSON '2026-03-02T10:00:00') as an instant. */
export const asInstant = (v: string | null | undefined): string | null => (v ? String(v).replace('T', ' ').slice(0, 16) : null);
