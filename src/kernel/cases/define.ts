import { z } from 'zod';
import type { DayUnit, WorkCalendar } from '../calendar/calendar.ts';
import { isClockTime, isIsoDate } from '../calendar/dates.ts';
import { STATUTE_DAY_RULES, statuteUnit, type StatuteKey } from '../calendar/statutes.ts';
import type { IndicatorDef } from '../indicators/define.ts';
import type { ImportSpec } from './import.ts';
import { recordId } from '../validation.ts';
import type { Database } from '../db/connect.ts';

/**
 * A case type is data: its states, the actions that move between them (with the fields each
 * requires and who may take it), its statutory clocks, outcomes and indicators. The kernel runs
 * any definition; an institution is a folder that exports one.
 */
export interface StateDef {
  label: string;
  final?: boolean;
}

export interface EventView {
  kind: string;
  on: string;
  data: Record<string, any>;
  /** The user who took the step (null for the system). */
  by?: number | null;
}

export interface ActionContext {
  state: string;
  events: EventView[];
  data: Record<string, any>;
  on: string;
  clocks: Record<string, { dueOn: string | null; status: string; extended: number }>;
  /** The case's intake fields, and who is taking this step (null for the system). */
  fields: Record<string, any>;
  actorId: number | null;
}

/** A rule that must read other records (an 执法证 still valid) or count working days: the database, the case's org, the calendar. */
export type VerifyContext = ActionContext & { db: Database; orgId: number; calendar: WorkCalendar };

export interface ActionDef {
  key: string;
  label: string;
  from: string[];
  /** State after the action; omitted when the action records something without moving. */
  to?: string;
  fields?: z.ZodObject<any>;
  /** The case outcome this action sets: fixed, or read from a field of the form. */
  outcome?: string | { field: string };
  /** Only offered when this holds (e.g. an extension request is pending). */
  when?: (ctx: Omit<ActionContext, 'data' | 'on' | 'fields' | 'actorId'>) => boolean;
  /** Values the step's form starts with, read from the case (批准天数 = the days asked for). */
  prefill?: (ctx: Omit<ActionContext, 'data' | 'on' | 'fields' | 'actorId'>) => Record<string, unknown>;
  /** A legal rule beyond the form: returns the clerk-readable reason it is refused. */
  check?: (ctx: ActionContext) => string | undefined;
  /** Like check, for rules that read other records; runs in the step's transaction. */
  verify?: (ctx: VerifyContext) => Promise<string | undefined>;
  /** Statute the action rests on, shown beside the form. */
  basis?: string;
  /** Taken by the system, not offered to people (e.g. 视为受理 on expiry). */
  system?: boolean;
  /**
   * A linked case this step opens (访调诉 routing, 差评 → 整改): its type, org and intake
   * fields; parties and the receipt date are carried over. Return null to open none.
   */
  spawn?: (ctx: { fields: Record<string, any>; data: Record<string, any>; orgId: number; state: string; events: EventView[] }) => { type: string; orgId: number; fields: Record<string, any> } | null;
  /** The case moves to the org named in this field (12345 派单/改派). */
  reassignTo?: string;
  /**
   * The step refers to an existing case of the same government (应诉 after a 复议 decision):
   * `find` locates it and derives what the step records about it (never typed by the clerk), or
   * returns the refusal; the two cases are linked, and `mirror`, a system step of the other case,
   * records the same facts there (with `linkedCaseId` and `linkedNumber` of this case).
   * `find` returns null when the reference is optional and nothing matches: the step is recorded
   * without a link. The case found is the link's source unless `sourceIsThis` (赔偿 → its 应诉).
   */
  refersTo?: {
    find: (ctx: VerifyContext) => Promise<{ caseId: number; data: Record<string, unknown> } | string | null>;
    mirror?: string;
    sourceIsThis?: boolean;
    /** The form field that names the other case, when the reference is optional: a step without it refers to none. */
    field?: string;
  };
}

export interface ClockDef {
  key: string;
  label: string;
  basis: string;
  /** The period: fixed, or read from the case's fields (e.g. 12345 urgency → 1/5/15 工作日). */
  length: number | ((fields: Record<string, any>) => number);
  /** How a computed length reads (按紧急程度1/5/15个工作日). */
  lengthLabel?: string;
  /**
   * The period is fixed by the step that starts the clock, in this field of its data (the 整改期限
   * a 监督意见书 sets case by case), or computed from that step's data (上诉: 判决 15 日, 裁定 10 日);
   * each restart takes its own step's figure.
   */
  lengthFrom?: string | ((data: Record<string, any>) => number);
  /**
   * 'hour': natural hours from the instant of the start step (its data.at, 'HH:mm'), for the
   * local rules that count hours (12345 紧急工单). Hour clocks take no pauses.
   */
  unit: ClockUnit;
  /**
   * The unit for this case when it is not `unit` (12345: a 紧急 order's limits are hours, the
   * others' working days); `length` gives the figure in that unit. Stored with each clock row.
   */
  unitFor?: (fields: Record<string, any>) => ClockUnit;
  /**
   * Whose counting rule applies (default: the case type's statute). A 日 period the statute
   * declares to be 工作日 is counted in working days; `null` opts a local rule out.
   */
  statute?: StatuteKey | null;
  /** The clock only exists for cases whose intake fields pass this (查封扣押 vs 强制执行). */
  appliesTo?: (fields: Record<string, any>) => boolean;
  /** A start event that counts from an earlier event's date (简易程序转普通程序: from 受理). */
  countFrom?: Record<string, string>;
  /** Filled in by defineCaseType: the statute's day rule when it changed the unit. */
  dayRule?: string;
  /** The most a pause may exclude, counted from the pause event (or the day its notice was served): nothing pauses forever. */
  pauseLimit?: { length: number; unit: DayUnit; events?: string[] };
  /** 民事诉讼法 art. 85 style: a natural-day period ending on a holiday moves to the next working day. */
  rollOverHoliday?: boolean;
  /** Events that start the clock; a later one restarts it from zero (e.g. 补正 received). */
  startOn: string[];
  /** A start event counts only when this holds for it, the events before it and the intake (公示 only for a 处罚决定; 中止 on some grounds only). */
  startIf?: (e: EventView, earlier: EventView[], fields: Record<string, any>) => boolean;
  /**
   * The start event carries the period's first day in this data field (the day another organ
   * received the application); when the same event also stops the clock, the period ended before
   * the case reached us and the clock only shows whether it was kept.
   */
  startFrom?: string;
  stopOn: string[];
  pauseOn?: string[];
  resumeOn?: string[];
  /** Events whose data.days extends the period, and the most all extensions may add. */
  extendOn?: string[];
  maxExtension?: number;
  /** Events that ask for an extension another step approves (申请延长): held to the same cap. */
  requestOn?: string[];
  /** What the law makes happen when the clock runs out with nobody acting (视为受理). */
  onExpiry?: { action: string };
}

/** Areas of the 法治政府建设实施纲要 (2021–2025) under which a report's first part is organised. */
export const REPORT_AREAS = {
  leadership: '加强党对法治政府建设的领导，履行第一责任人职责',
  functions: '依法全面履行政府职能，优化营商环境',
  decisions: '健全依法行政制度体系，推进科学民主依法决策',
  enforcement: '严格规范公正文明执法',
  disputes: '依法化解社会矛盾纠纷',
  oversight: '强化对行政权力的制约和监督',
  publicity: '加强法治宣传教育，提升法治素养',
} as const;
export type ReportArea = keyof typeof REPORT_AREAS;

export interface CaseTypeDef {
  key: string;
  name: string;
  /** 'activity' for dated records with no procedure (学法, 普法): listed apart from cases in the console. */
  group?: 'case' | 'activity';
  /** 案号 from the government's and the org's short names, the year and the sequence. */
  number: (p: { government: string; org: string; year: number; seq: number }) => string;
  /** Whose sequence the number runs in: the handling org's (default) or the government's (青溪区复〔2024〕n号). */
  numberedBy?: 'org' | 'government';
  basis: string;
  /** The statute whose day rule counts this type's periods (行政处罚法 art. 85: 2/3/5/7日 are 工作日). */
  statute?: StatuteKey;
  states: Record<string, StateDef>;
  initial: string;
  /** Form for receiving a case; must contain receivedOn and may contain parties. */
  intake: z.ZodObject<any>;
  title: (fields: Record<string, any>) => string;
  actions: ActionDef[];
  clocks: ClockDef[];
  outcomes: Record<string, string>;
  indicators: IndicatorDef[];
  /** Extra spreadsheet columns that become later steps when cases are imported in bulk. */
  import?: ImportSpec;
  /**
   * The sentences an annual report states about this institution, with figure tokens
   * ({{人民调解.受理}}); the area of the 法治政府建设实施纲要 they belong under.
   */
  report?: { area: ReportArea; sentences: string[] };
  /** A linked case opened together with this one in the same org (a 差评 opens its 整改 order). */
  followUp?: (fields: Record<string, any>) => { type: string; fields: Record<string, any> } | null;
}

/** A clock counts days (DayUnit) or, for local rules that say so, hours. */
export type ClockUnit = DayUnit | 'hour';

/** The unit a clock counts in for a case with these intake fields. */
export const clockUnit = (c: ClockDef, fields: Record<string, any>): ClockUnit => c.unitFor?.(fields) ?? c.unit;
/** A clock that counts, or for some cases may count, in hours. */
const mayCountHours = (c: ClockDef) => c.unit === 'hour' || c.unitFor !== undefined;

/** How a period's unit reads after a number: 30日, 20个工作日, 3个月, 2小时. */
export const UNIT_WORDS: Record<ClockUnit, string> = { day: '日', workday: '个工作日', month: '个月', hour: '小时' };

export const stateLabel = (def: CaseTypeDef, state: string) => def.states[state]?.label ?? state;
export const outcomeLabel = (def: CaseTypeDef, outcome: string | null) => (outcome ? def.outcomes[outcome] ?? outcome : null);

export function defineCaseType(def: CaseTypeDef): CaseTypeDef {
  for (const a of def.actions) {
    for (const s of [...a.from, ...(a.to ? [a.to] : [])]) {
      if (!def.states[s]) throw new Error(`${def.key}: action ${a.key} names unknown state ${s}`);
    }
  }
  if (!def.states[def.initial]) throw new Error(`${def.key}: unknown initial state`);
  for (const c of def.clocks) if (mayCountHours(c) && (c.pauseOn?.length || c.statute)) throw new Error(`${def.key}: hour clock ${c.key} takes no pauses and no statute day rule`);
  return { ...def, actions: def.actions.map((a) => withTime(def, a)), clocks: def.clocks.map((c) => applyStatute(c, c.statute === undefined ? def.statute : c.statute ?? undefined)) };
}

/**
 * A step that starts or stops a clock counted in hours may record its time of day (data.at,
 * 'HH:mm'), beside the date every step has: the clock then runs from and stops at that minute.
 */
function withTime(def: CaseTypeDef, a: ActionDef): ActionDef {
  const timed = def.clocks.some((c) => mayCountHours(c) && (c.startOn.includes(a.key) || c.stopOn.includes(a.key)));
  if (!timed || a.fields?.shape.at) return a;
  const at = f.time('办理时间（时:分）').optional();
  return { ...a, fields: a.fields ? a.fields.extend({ at }) : z.object({ at }) };
}

/** A period written in 日 becomes 工作日 when its statute says so; the rule is kept for display. */
function applyStatute(c: ClockDef, statute: StatuteKey | undefined): ClockDef {
  if (!statute || typeof c.length !== 'number' || c.unit === 'hour' || c.unitFor) return c;
  const unit = statuteUnit(statute, c.length, c.unit);
  if (unit === c.unit) return c;
  const r = STATUTE_DAY_RULES[statute];
  return { ...c, unit, dayRule: `${r.article}：${r.rule}` };
}

// Field helpers, so institution folders read like forms.
const titled = <T extends z.ZodType>(t: T, title: string) => t.meta({ title });

export const f = {
  date: (title: string) =>
    titled(z.string().refine(isIsoDate, { message: '日期无效，应为 YYYY-MM-DD 格式的真实日期' }), title).meta({ format: 'date' }),
  text: (title: string, max = 200) => titled(z.string().trim().min(1, { message: '不能为空' }).max(max), title),
  longText: (title: string) => titled(z.string().trim().min(1, { message: '不能为空' }).max(5000), title).meta({ widget: 'textarea' }),
  optionalText: (title: string, max = 2000) => titled(z.string().trim().max(max).optional(), title),
  choice: <T extends Record<string, string>>(title: string, options: T) =>
    titled(z.enum(Object.keys(options) as [keyof T & string, ...(keyof T & string)[]]), title).meta({ options }),
  days: (title: string, max: number) => titled(z.number().int().min(1).max(max), title),
  /** A time of day, 'HH:mm' (24-hour, China time): for steps that clocks counted in hours read. */
  time: (title: string) => titled(z.string().refine(isClockTime, { message: '时间无效，应为 HH:mm 格式（24小时制）' }), title).meta({ format: 'time' }),
  flag: (title: string) => titled(z.boolean(), title),
  /** A natural person's name typed into a form (行政应诉's 原告): masked like a party's name for readers without the need. */
  personName: (title: string, max = 100) => titled(z.string().trim().min(1, { message: '不能为空' }).max(max), title).meta({ personName: true }),
  /** An org of the district, picked from the org tree in forms. */
  org: (title: string) => titled(recordId(title), title).meta({ widget: 'org' }),
};

export const partySchema = z.object({
  role: f.choice('身份', { applicant: '申请人', agent: '代理人', third_party: '第三人' }),
  kind: f.choice('类型', { person: '自然人', organisation: '法人或其他组织' }).optional(),
  name: f.text('姓名/名称', 100),
  idNumber: titled(z.string().trim().regex(/^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{18})$/, { message: '身份证号或统一社会信用代码格式不正确' }).optional(), '证件号码'),
  phone: titled(z.string().trim().regex(/^1\d{10}$|^(0\d{2,3}-?|[(（]0\d{2,3}[)）])\d{7,8}$/, { message: '电话号码格式不正确' }).optional(), '联系电话'),
  address: f.optionalText('住址', 200),
});
export type Party = z.infer<typeof partySchema>;
