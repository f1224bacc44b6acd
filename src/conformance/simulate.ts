import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { connect, migrate, type Connection } from '../kernel/db/connect.ts';
import { Kernel } from '../kernel/kernel.ts';
import { createRegistry } from '../institutions/index.ts';
import { createOrg } from '../kernel/orgs.ts';
import { createUser, actorById } from '../kernel/auth/sessions.ts';
import { setDuties } from '../kernel/auth/permissions.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import type { WorkCalendar } from '../kernel/calendar/calendar.ts';
import { isClockTime, isIsoDate } from '../kernel/calendar/dates.ts';
import { AppError, badRequest } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validation.ts';
import { applyExpiries, createCase, getCase, performAction } from '../kernel/cases/engine.ts';

/**
 * "If we send the 补正 notice today, when is the answer due?" A scenario is replayed on a
 * throw-away in-memory database with the platform's own engine: every step is taken on its date
 * (expiries the law attaches, such as 视为受理, happen on the way), and the state and every clock
 * are reported after each step, or the refusal and its reason. Nothing touches the real database.
 */
const isoDate = z.string().refine(isIsoDate, { message: '日期无效，应为 YYYY-MM-DD' });

const stepSchema = z.object({
  on: isoDate,
  /**
   * The time of day the step is taken ('HH:mm'), for clocks counted in hours (12345 紧急工单): it
   * becomes the step's data.at (a step whose form has no time ignores it) and the sandbox's clock.
   */
  at: z.string().refine(isClockTime, { message: '时间无效，应为 HH:mm' }).optional(),
  action: z.string().min(1).max(60),
  fields: z.record(z.string(), z.unknown()).optional(),
  /** Who takes the step: the handling clerk's side (default) or a second person (法制审核, 负责人). */
  as: z.enum(['handler', 'reviewer']).optional(),
  /** For conformance tests: what the law says must happen. */
  expect: z
    .object({
      state: z.string().optional(),
      outcome: z.string().optional(),
      refused: z.string().optional(),
      /** The HTTP status of the refusal: 409 for a step the law forbids, 400 for malformed input. */
      refusedStatus: z.number().int().optional(),
      clocks: z.record(z.string(), z.object({ dueOn: z.string().nullable().optional(), dueAt: z.string().nullable().optional(), stoppedAt: z.string().nullable().optional(), overdue: z.boolean().optional(), status: z.string().optional(), startedOn: z.string().optional(), pausedDays: z.number().optional(), late: z.boolean().optional() })).optional(),
    })
    .optional(),
});

const caseSchema = z.object({
  type: z.string().min(1).max(60),
  intake: z.record(z.string(), z.unknown()),
  steps: z.array(stepSchema).max(200).default([]),
});

export const scenarioSchema = caseSchema.extend({
  title: z.string().max(200).optional(),
  /** Conformance rule ids this scenario proves. */
  rules: z.array(z.string()).optional(),
  /** Cases that must exist first (执法证 for 立案, a 免罚清单 is not needed). */
  before: z.array(caseSchema).max(20).optional(),
  /** Run the law's expiries up to this date after the last step (e.g. to see 视为受理). */
  until: isoDate.optional(),
  /** What must hold on the `until` date. */
  expect: stepSchema.shape.expect,
});
export type Scenario = z.infer<typeof scenarioSchema>;

export interface SimClock {
  key: string;
  label: string;
  unit: string;
  length: number;
  status: string;
  startedOn: string | null;
  dueOn: string | null;
  /** An hour clock's start, due and stop instants ('YYYY-MM-DD HH:mm'); null for day clocks. */
  startedAt: string | null;
  dueAt: string | null;
  stoppedAt: string | null;
  pausedDays: number;
  extended: number;
  stoppedOn: string | null;
  late: boolean;
  /** Running and past due at the step's date and time. */
  overdue: boolean;
  dayRule: string | null;
}
export interface SimStep {
  on: string;
  action: string;
  ok: boolean;
  refusal: string | null;
  /** 409 when the law forbids the step (the message names the article), 400/403 for other refusals. */
  refusalStatus: number | null;
  /** Steps the law took by itself before this one (视为受理 on expiry). */
  automatic: string[];
  state: string;
  stateLabel: string;
  outcome: string | null;
  outcomeLabel: string | null;
  clocks: SimClock[];
  failedExpectations: string[];
}
export interface SimResult {
  type: string;
  typeName: string;
  steps: SimStep[];
  final: SimStep;
  ok: boolean;
}

/** One in-memory database for many scenarios; each gets a department of its own. */
export class Sandbox {
  private n = 0;
  private constructor(
    private readonly conn: Connection,
    private readonly k: Kernel,
    private readonly today: { value: string; at?: string },
    private readonly government: number,
    private readonly handler: Actor,
    private readonly reviewer: Actor,
  ) {}

  static async open(calendar?: WorkCalendar): Promise<Sandbox> {
    const conn = await connect({ dataDir: 'memory://' });
    await migrate(conn.db);
    const today: { value: string; at?: string } = { value: '2000-01-01' };
    const k = await Kernel.open(conn, createRegistry(), { today: () => today.value, now: () => `${today.value} ${today.at ?? '00:00'}` });
    if (calendar) k.calendar = calendar;
    const gov = await createOrg(k.db, { parentId: null, name: '模拟区人民政府', shortName: '模拟区', kind: 'government' });
    // Nobody logs in with it; the fixed tail meets the password policy's character classes whatever the random part holds.
    const password = `${randomBytes(18).toString('base64')}Aa1!`;
    // The sandbox tests the law, not the permissions: both people hold every step of every case type.
    const everyStep = k.types.all().map((t) => ({ orgId: gov.id, subunits: true, subject: `case:${t.key}`, actions: ['*'] }));
    const caseActions = Object.fromEntries(k.types.all().map((t) => [t.key, t.actions.map((a) => a.key)]));
    const actor = async (username: string, displayName: string) => {
      const id = await createUser(k.db, { orgId: gov.id, scopeOrgId: gov.id, username, displayName, role: 'admin', password });
      await setDuties(k.db, null, id, everyStep, caseActions);
      return (await actorById(k.db, id))!;
    };
    return new Sandbox(conn, k, today, gov.id, await actor('sim_handler', '承办人'), await actor('sim_reviewer', '审核人'));
  }

  close() {
    return this.conn.close();
  }

  async run(input: unknown): Promise<SimResult> {
    const sc = parseInput(scenarioSchema, input) as Scenario;
    const def = this.k.types.get(sc.type);
    const n = ++this.n;
    const dept = await createOrg(this.k.db, { parentId: this.government, name: `模拟单位${n}`, shortName: `模拟${n}`, kind: 'department' });
    // 人民调解 cases belong to a committee.
    const committee = await createOrg(this.k.db, { parentId: dept.id, name: `模拟人民调解委员会${n}`, shortName: `模拟调委会${n}`, kind: 'committee' });
    const orgFor = (type: string) => (type === 'mediation' ? committee.id : dept.id);
    // A step may name a case made before by its 案号, which depends on what ran earlier: "$before[0].number".
    const beforeNumbers: string[] = [];
    for (const pre of sc.before ?? []) {
      this.today.value = String(pre.intake.receivedOn);
      const id = await createCase(this.k, null, { type: pre.type, orgId: orgFor(pre.type), fields: pre.intake });
      beforeNumbers.push((await getCase(this.k, this.handler, id)).number);
      for (const s of pre.steps) {
        this.today.value = s.on;
        await performAction(this.k, null, id, s.action, { on: s.on, data: s.fields ?? {} });
      }
    }
    const receivedOn = String(sc.intake.receivedOn ?? '');
    if (!isIsoDate(receivedOn)) throw badRequest('情景的收件信息须包含有效的 receivedOn（YYYY-MM-DD）');
    this.today.value = receivedOn;
    const id = await createCase(this.k, this.handler, { type: sc.type, orgId: orgFor(sc.type), fields: sc.intake });
    const steps: SimStep[] = [];
    const snapshot = async (on: string, action: string, refusal: string | null, automatic: string[], refusalStatus: number | null = null): Promise<SimStep> => {
      const c = await getCase(this.k, this.handler, id);
      return {
        on,
        action,
        ok: refusal === null,
        refusal,
        refusalStatus,
        automatic,
        state: c.state,
        stateLabel: c.stateLabel,
        outcome: c.outcome,
        outcomeLabel: c.outcomeLabel,
        clocks: c.clocks.map((x) => ({
          key: x.key,
          label: x.label,
          unit: x.unit,
          length: x.length,
          status: x.status,
          startedOn: x.startedOn,
          dueOn: x.dueOn,
          startedAt: x.startedAt,
          dueAt: x.dueAt,
          stoppedAt: x.stoppedAt,
          pausedDays: x.pausedDays,
          extended: x.extended,
          stoppedOn: x.stoppedOn,
          late: x.late,
          overdue: x.overdue,
          dayRule: def.clocks.find((d) => d.key === x.key)?.dayRule ?? null,
        })),
        failedExpectations: [],
      };
    };
    const expire = async (on: string, at?: string) => {
      const before = (await getCase(this.k, this.handler, id)).timeline.length;
      this.today.value = on;
      this.today.at = at;
      await applyExpiries(this.k);
      return (await getCase(this.k, this.handler, id)).timeline.slice(before).map((t) => t.label);
    };
    steps.push(await snapshot(receivedOn, 'receive', null, []));
    for (const s of sc.steps) {
      const automatic = await expire(s.on, s.at);
      let refusal: string | null = null;
      let status: number | null = null;
      try {
        await performAction(this.k, s.as === 'reviewer' ? this.reviewer : this.handler, id, s.action, { on: s.on, data: withTime(def, s.action, withNumbers(s.fields ?? {}, beforeNumbers), s.at) });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refusal = e.message;
        status = e.status;
      }
      const out = await snapshot(s.on, s.action, refusal, automatic, status);
      out.failedExpectations = unmet(s.expect, out);
      steps.push(out);
    }
    if (sc.until) {
      const automatic = await expire(sc.until);
      const last = await snapshot(sc.until, 'until', null, automatic);
      last.failedExpectations = unmet(sc.expect, last);
      steps.push(last);
    }
    return { type: def.key, typeName: def.name, steps, final: steps.at(-1)!, ok: steps.every((s) => s.failedExpectations.length === 0) };
  }
}

/** A step's time goes into its form where the form records one (steps of clocks counted in hours). */
function withTime(def: ReturnType<Kernel['types']['get']>, action: string, fields: Record<string, unknown>, at: string | undefined) {
  const timed = def.actions.find((a) => a.key === action)?.fields?.shape.at;
  return at && timed && fields.at === undefined ? { ...fields, at } : fields;
}

/** Field values of the form "$before[i].number" become the 案号 of the i-th case made before. */
function withNumbers(fields: Record<string, unknown>, numbers: string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, v]) => {
      const m = typeof v === 'string' ? /^\$before\[(\d+)\]\.number$/.exec(v) : null;
      if (m && numbers[Number(m[1])] === undefined) throw badRequest(`情景中没有第${Number(m[1]) + 1}个事先登记的案件`);
      return [key, m ? numbers[Number(m[1])] : v];
    }),
  );
}

/** Compares a step's result with what the scenario says the law requires. */
function unmet(expect: z.infer<typeof stepSchema>['expect'], s: SimStep): string[] {
  if (!expect) return [];
  const out: string[] = [];
  if (expect.refused !== undefined) {
    if (s.ok) out.push(`应被拒绝（${expect.refused}），实际被接受`);
    else if (!new RegExp(expect.refused).test(s.refusal!)) out.push(`拒绝理由「${s.refusal}」不含「${expect.refused}」`);
    if (!s.ok && expect.refusedStatus !== undefined && expect.refusedStatus !== s.refusalStatus) out.push(`拒绝状态码应为 ${expect.refusedStatus}，实际为 ${s.refusalStatus}`);
  } else if (!s.ok) out.push(`应被接受，实际被拒绝：${s.refusal}`);
  if (expect.state !== undefined && expect.state !== s.state) out.push(`状态应为 ${expect.state}，实际为 ${s.state}`);
  if (expect.outcome !== undefined && expect.outcome !== s.outcome) out.push(`结果应为 ${expect.outcome}，实际为 ${s.outcome}`);
  for (const [key, want] of Object.entries(expect.clocks ?? {})) {
    const got = s.clocks.find((c) => c.key === key);
    if (!got) {
      out.push(`没有期限 ${key}`);
      continue;
    }
    for (const [field, value] of Object.entries(want)) {
      if ((got as any)[field] !== value) out.push(`期限 ${key}.${field} 应为 ${value}，实际为 ${(got as any)[field]}`);
    }
  }
  return out;
}

/** One scenario on its own throw-away database (CLI and API). */
export async function simulate(input: unknown, calendar?: WorkCalendar): Promise<SimResult> {
  const sb = await Sandbox.open(calendar);
  try {
    return await sb.run(input);
  } finally {
    await sb.close();
  }
}
