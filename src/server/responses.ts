import { z } from 'zod';
import { ROLE_LABELS } from '../kernel/auth/actor.ts';
import type { OrgKind, Role } from '../kernel/db/schema.ts';
import type { ClockUnit } from '../kernel/cases/define.ts';
import type { AnnualReport } from '../reports/annual.ts';
import { CHANNELS, NOTIFICATION_KINDS, type Channel, type NotificationKind } from '../workbench/notify.ts';

/**
 * Response schemas of the most used routes. They document the API and, through
 * `npm run docs:api-types`, type the console. The app serializes with JSON.stringify (app.ts),
 * so a schema never drops a field; test/server/api-types.test.ts checks that real answers carry
 * no field a schema leaves out.
 */

const text = z.string();
const day = z.string().meta({ format: 'date' });
const optDay = day.nullable();
const id = z.number().int();
const anyRecord = z.record(z.string(), z.unknown());
// A timestamp column: a Date in the handler (Kysely types some as its column type), ISO text on the wire.
const timestamp = z.custom<unknown>().meta({ type: 'string', format: 'date-time' });

export const ok = z.object({ ok: z.boolean() });

export const dutyView = z.object({ orgId: id, orgName: text, orgPath: text, subunits: z.boolean(), subject: text, actions: z.array(text) });

/** The signed-in user as the console keeps it (/api/auth/me and a finished login). */
export const sessionUser = z.object({
  id,
  username: text,
  displayName: text,
  role: z.enum(Object.keys(ROLE_LABELS) as [Role, ...Role[]]),
  roleLabel: text,
  orgId: id,
  orgName: text,
  orgPath: text,
  scopeOrgId: id,
  scopePath: text,
  duties: z.array(dutyView),
  today: day,
  mustChangePassword: z.boolean(),
});

export const loginReply = z.object({
  ok: z.boolean(),
  next: z.enum(['totp', 'enrol']).optional(),
  mustChangePassword: z.boolean().optional(),
  user: sessionUser.optional(),
});

const orgKind = z.enum(['government', 'office', 'department', 'township', 'committee'] satisfies OrgKind[]);
/** An org and everything under it (recursive, so it is a named schema in the document). */
export const orgNode = z
  .object({
    id,
    parentId: id.nullable(),
    name: text,
    shortName: text,
    kind: orgKind,
    path: text,
    get children(): z.ZodArray<typeof orgNode> {
      return z.array(orgNode);
    },
  })
  .meta({ id: 'OrgNode' });

export const caseListReply = z.object({
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      id,
      type: text,
      typeName: text,
      number: text,
      title: text,
      personalDataMasked: z.boolean(),
      state: text,
      stateLabel: text,
      outcomeLabel: text.nullable(),
      orgName: text,
      receivedOn: day,
      closedOn: optDay,
      nextDue: optDay,
      overdue: z.boolean(),
    }),
  ),
});

const clockUnit = z.enum(['day', 'workday', 'month', 'hour'] satisfies ClockUnit[]);

const clockView = z.object({
  key: text,
  label: text,
  basis: text,
  unit: clockUnit,
  length: z.number(),
  status: z.enum(['pending', 'running', 'paused', 'stopped']),
  startedOn: optDay,
  dueOn: optDay,
  stoppedOn: optDay,
  /** An hour clock's instants, 'YYYY-MM-DD HH:mm' (China time); null for day clocks. */
  startedAt: text.nullable(),
  dueAt: text.nullable(),
  stoppedAt: text.nullable(),
  stoppedBy: text.nullable(),
  extended: z.number(),
  pausedDays: z.number(),
  warnings: z.array(text),
  daysLeft: z.number().nullable(),
  overdue: z.boolean(),
  late: z.boolean(),
});

/** The case page: the case, its parties (masked unless the viewer handles it), clocks, timeline, next steps. */
export const caseView = z.object({
  id,
  type: text,
  typeName: text,
  number: text,
  title: text,
  state: text,
  stateLabel: text,
  final: z.boolean(),
  outcome: text.nullable(),
  outcomeLabel: text.nullable(),
  orgId: id,
  orgName: text,
  receivedOn: day,
  closedOn: optDay,
  handlerName: text.nullable(),
  fields: anyRecord,
  version: z.number().int(),
  personalDataMasked: z.boolean(),
  parties: z.array(z.object({ role: text, name: text, idNumber: text.nullable(), phone: text.nullable(), address: text.nullable(), masked: z.boolean() })),
  clocks: z.array(clockView),
  timeline: z.array(
    z.object({
      id,
      kind: text,
      label: text,
      on: day,
      fromState: text.nullable(),
      toState: text,
      toStateLabel: text,
      outcome: text.nullable(),
      outcomeLabel: text.nullable(),
      data: z.unknown(),
      actorName: text,
      recordedAt: timestamp,
    }),
  ),
  // Each step's form as JSON schema (the console draws it with SchemaForm).
  // defaults: what a step's form starts with (e.g. 批准延期 prefilled with the days asked for).
  actions: z.array(z.object({ key: text, label: text, basis: text.nullable(), schema: anyRecord.nullable(), defaults: anyRecord })),
  attachments: z.array(z.object({ id, event_id: id.nullable(), filename: text, mime: text, size: z.number(), sm3: text, uploaded_at: timestamp, step: text.nullable() })),
  links: z.array(z.object({ caseId: id, number: text, typeName: text, stateLabel: text, direction: text, via: text })),
}).meta({ id: 'CaseView' });

const dashboardItem = z.object({
  caseId: id,
  number: text,
  title: text,
  typeName: text,
  stateLabel: text,
  orgName: text,
  mine: z.boolean(),
  clock: z.object({ key: text, label: text, dueOn: optDay, daysLeft: z.number().nullable(), unit: clockUnit, overdue: z.boolean() }),
});
export const dashboardReply = z.object({ today: day, overdue: z.array(dashboardItem), dueSoon: z.array(dashboardItem) });

const todoKind = z.enum(['step', 'approval', 'returned', 'supervision', 'hotline']);
export const todosReply = z.object({
  counts: z.record(todoKind, z.number().int()),
  total: z.number().int(),
  truncated: z.boolean(),
  items: z.array(
    z.object({
      kind: todoKind,
      what: text,
      title: text,
      number: text.nullable(),
      orgName: text,
      typeName: text,
      stateLabel: text,
      handlerName: text.nullable(),
      mine: z.boolean(),
      dueOn: optDay,
      overdue: z.boolean(),
      link: text,
      caseId: id.optional(),
      reportId: id.optional(),
      comment: text.nullable().optional(),
    }),
  ),
  kinds: z.record(todoKind, text),
});

export const notificationsReply = z.object({
  unread: z.number().int(),
  items: z.array(z.object({ id, kind: text, kindLabel: text, title: text, body: text, link: text.nullable(), createdAt: timestamp, read: z.boolean() })),
  kinds: z.record(z.string(), text),
});

export const preferences = z.object({
  muted: z.array(z.enum(Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]])),
  channels: z.array(z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]])),
  quietFrom: text.nullable(),
  quietTo: text.nullable(),
  phone: text.nullable(),
  email: text.nullable(),
});

const reportState = z.enum(['draft', 'review', 'approved', 'submitted', 'published']);
const lineStatusEnum = z.enum(['sent', 'late', 'pending', 'overdue']);
/** One required 报送 line of an annual report (督察工作规定第二十五条). */
export const reportLine = z.object({
  key: text,
  label: text,
  kind: z.enum(['report', 'copy']),
  due: day,
  sentOn: optDay,
  status: lineStatusEnum,
  statusLabel: text,
  recipient: text.nullable(),
  channel: text.nullable(),
  docNumber: text.nullable(),
}).meta({ id: 'ReportLine' });

/** The 报送 and 公开 recorded for a computed yearly publication (政府信息公开 年报, 行政执法数据, 建议提案办理情况) and their lateness. */
const annualReportKey = z.enum(['govinfo', 'enforcement_data', 'proposals'] satisfies AnnualReport[]);
export const annualFilingView = z.object({
  report: annualReportKey,
  label: text,
  orgId: id,
  orgName: text,
  year: z.number().int(),
  submitBy: optDay,
  publishBy: optDay,
  submission: z.object({ sentOn: day, recipient: text, channel: text, docNumber: text.nullable() }).nullable(),
  publication: z.object({ publishedOn: day, way: text, url: text.nullable() }).nullable(),
  submitStatus: lineStatusEnum.nullable(),
  submitStatusLabel: text.nullable(),
  publishStatus: lineStatusEnum.nullable(),
  publishStatusLabel: text.nullable(),
  late: z.boolean(),
  problems: z.array(text),
}).meta({ id: 'AnnualFiling' });

export const reportBoardReply = z.object({
  year: z.number().int(),
  orgs: z.array(
    z.object({
      orgId: id,
      orgName: text,
      reportId: id.nullable(),
      state: reportState.nullable(),
      stateLabel: text,
      submittedOn: optDay,
      publishedOn: optDay,
      due: day,
      publishBy: day,
      lines: z.array(z.object({ key: text, label: text, sentOn: optDay, status: lineStatusEnum, statusLabel: text })),
      late: z.boolean(),
      problems: z.array(text),
      annual: z.array(
        z.object({ report: annualReportKey, label: text, submitBy: optDay, publishBy: optDay, submittedOn: optDay, publishedOn: optDay, submitStatus: lineStatusEnum.nullable(), publishStatus: lineStatusEnum.nullable(), late: z.boolean(), problems: z.array(text) }),
      ),
    }),
  ),
});

/** The 政府信息公开工作年度报告 (条例第五十条, 国办公开办函〔2021〕30号), computed from records. */
const govinfoCases = z.array(text);
export const govinfoReportView = z.object({
  orgId: id,
  orgName: text,
  year: z.number().int(),
  title: text,
  deadline: z.object({ submitBy: optDay, publishBy: day }).nullable(),
  filing: annualFilingView,
  overview: text,
  active: z.array(
    z.object({
      key: text,
      label: text,
      figures: z.array(z.object({ label: text, value: z.number().nullable(), unit: text, indicators: z.array(text), cases: govinfoCases.optional(), note: text.optional() })),
    }),
  ),
  requests: z.object({
    columns: z.array(z.object({ key: text, label: text })),
    rows: z.array(z.object({ key: text, label: text, cells: z.record(z.string(), z.number().int()), indicator: text.optional(), cases: govinfoCases })),
    balanced: z.boolean(),
  }),
  reviews: z.array(z.object({ key: text, label: text, upheld: z.number().int(), corrected: z.number().int(), other: z.number().int(), pending: z.number().int(), total: z.number().int(), cases: govinfoCases })),
  problems: text,
  other: z.object({ text, figures: z.array(z.object({ label: text, value: z.number(), unit: text, indicator: text })) }),
  headings: z.array(text),
});

/** 行政执法年度数据 (国办发〔2018〕118号), computed from records. */
export const enforcementDataView = z.object({
  orgId: id,
  orgName: text,
  year: z.number().int(),
  title: text,
  deadline: z.object({ submitBy: optDay, publishBy: day }).nullable(),
  filing: annualFilingView,
  rows: z.array(
    z.object({ key: text, group: text, label: text, value: z.number().nullable(), unit: text, indicator: text.optional(), cases: govinfoCases.optional(), note: text.optional() }),
  ),
});

/** 述法覆盖率 (review row 14.1): the orgs that must 述法, which did, and which did not. */
export const lawReportCoverageView = z.object({
  orgId: id,
  orgName: text,
  from: day,
  to: day,
  years: z.array(z.number().int()),
  label: text,
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  orgs: z.array(z.object({ orgId: id, name: text, kind: orgKind, source: z.enum(['set', 'default']), reported: z.boolean(), cases: z.array(text) })),
  missing: z.array(z.object({ orgId: id, name: text, kind: orgKind })),
  others: z.array(z.object({ orgId: id, name: text, cases: z.array(text) })),
  basis: text,
});

/** An org's yearly obligation as the district set it (or its kind's default). */
export const orgObligationView = z.object({ id, parentId: id.nullable(), name: text, shortName: text, kind: orgKind, path: text, required: z.boolean(), source: z.enum(['set', 'default']) });

/** 代表建议、政协提案 yearly 办理情况 (review row 15.9), computed from records. */
export const proposalsReportView = z.object({
  orgId: id,
  orgName: text,
  year: z.number().int(),
  title: text,
  asOf: day,
  deadline: z.object({ submitBy: day, recipient: text }).nullable(),
  columns: z.array(z.object({ key: text, label: text })),
  rows: z.array(z.object({ key: text, group: text, label: text, cells: z.record(z.string(), z.number().int()), cases: govinfoCases, indicator: text.optional() })),
  rates: z.array(z.object({ key: text, label: text, value: z.number().nullable(), numerator: z.number().int(), denominator: z.number().int() })),
  overview: text,
  filing: annualFilingView,
});

const figure = z.object({
  token: text,
  key: text,
  name: text,
  value: z.number().nullable(),
  unit: text,
  display: text,
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  // Frozen at submission: the scope and the 案号 counted.
  scope: z.object({ orgId: id, from: day, to: day }).optional(),
  records: z.array(z.object({ number: text, inNumerator: z.boolean().optional() })).optional(),
});
const sectionKind = z.enum(['achievements', 'shortcomings', 'first_responsibility', 'next_year', 'other']);

/** The report as the editor shows it: stored text, figures (frozen once submitted), allowed actions, history. */
export const reportView = z.object({
  id,
  org_id: id,
  year: z.number().int(),
  state: reportState,
  title: text,
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
  submitted_on: optDay,
  published_on: optDay,
  submitted_to: id.nullable(),
  copied_to: z.array(id),
  approved_by: id.nullable(),
  approved_on: optDay,
  sections: z.array(z.object({ kind: sectionKind, heading: text, body: text, number: text.optional(), rendered: text.optional() })),
  figures: z.array(figure),
  unknown: z.array(text),
  signature: text,
  date: day,
  frozen: z.boolean(),
  orgName: text,
  stateLabel: text,
  submittedToName: text.nullable(),
  copiedToNames: z.array(text),
  lines: z.array(reportLine),
  actions: z.array(z.object({ key: z.enum(['send_review', 'approve', 'return', 'submit', 'publish']), label: text })),
  timeline: z.array(z.object({ at: timestamp, action: text, label: text, by: text, comment: text.nullable() })),
}).meta({ id: 'ReportView' });

export const indicatorValue = z.object({
  key: text,
  name: text,
  label: text,
  unit: text,
  description: text,
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
});
export const indicatorsReply = z.object({ scope: z.object({ orgId: id, from: day, to: day }), values: z.array(indicatorValue) });

export const userRow = z.object({
  id,
  username: text,
  displayName: text,
  role: z.enum(Object.keys(ROLE_LABELS) as [Role, ...Role[]]),
  roleLabel: text,
  orgId: id,
  orgName: text,
  scopeOrgId: id,
  scopeOrgName: text,
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: text.nullable(),
  lockedAddresses: z.number().int(),
  mustChangePassword: z.boolean(),
  passwordExpired: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: text.nullable(),
  createdAt: text,
});
