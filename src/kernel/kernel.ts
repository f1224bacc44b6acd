import type { Connection, Database, DbEngine } from './db/connect.ts';
import { WorkCalendar } from './calendar/calendar.ts';
import { nowInChina, todayInChina } from './calendar/dates.ts';
import type { CaseTypeRegistry } from './cases/registry.ts';

/** What every service function needs: the database, the case types, the calendar, and today. */
export class Kernel {
  private constructor(
    readonly conn: Connection,
    readonly types: CaseTypeRegistry,
    public calendar: WorkCalendar,
    readonly today: () => string,
    /** Now ('YYYY-MM-DD HH:mm', China time), for clocks counted in hours. */
    readonly now: () => string,
  ) {}

  static async open(conn: Connection, types: CaseTypeRegistry, opts: { today?: () => string; now?: () => string } = {}): Promise<Kernel> {
    // A kernel held at a fixed day (tests, replays) reads the start of that day unless told the time.
    const now = opts.now ?? (opts.today ? () => `${opts.today!()} 00:00` : () => nowInChina());
    const k = new Kernel(conn, types, new WorkCalendar(), opts.today ?? (() => todayInChina()), now);
    await k.reloadCalendar();
    return k;
  }

  get db(): Database {
    return this.conn.db;
  }

  get engine(): DbEngine {
    return this.conn.engine;
  }

  /** Rebuilds the calendar from the package data plus the admin's overrides. */
  async reloadCalendar(): Promise<void> {
    const overrides = await this.db.selectFrom('calendar_overrides').selectAll().execute();
    const years = await this.db.selectFrom('calendar_years').select('year').execute();
    this.calendar = new WorkCalendar(
      overrides.map((o) => ({ date: o.day, kind: o.kind, name: o.name })),
      years.map((y) => y.year),
    );
  }
}
