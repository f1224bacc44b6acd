import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { assertCan, can } from '../kernel/auth/permissions.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../kernel/errors.ts';
import { getOrg } from '../kernel/orgs.ts';
import { figureRecords } from '../kernel/indicators/compute.ts';
import { maskReport } from '../kernel/privacy.ts';
import { knownPersonNames } from '../kernel/cases/engine.ts';
import { checkReport, type CheckFinding } from './check.ts';
import { reportDeadline, publishDeadline, REPORTING_KINDS, reportingLines, lineStatus, PARENT_LINE, type Delivery } from './duty.ts';
import { renderReport, scopeOf, type ReportSection } from './report.ts';
import type { BoundFigure } from './tokens.ts';
import { reportStepMessage } from '../workbench/notify.ts';
import { ANNUAL_REPORTS, annualFilings, type AnnualReport } from './annual.ts';

/**
 * The reporting cycle: 起草 → 内部审核 → 领导审批 → 报送上级（抄送） → 向社会公开.
 * On submission every figure is frozen with its provenance (the records it counted), so a
 * submitted or published report never changes silently; the checker reports later drift.
 */
export type ReportState = 'draft' | 'review' | 'approved' | 'submitted' | 'published';
export type ReportAction = 'send_review' | 'approve' | 'return' | 'submit' | 'publish';

export const STATE_LABELS: Record<ReportState, string> = {
  draft: '起草中',
  review: '审核中',
  approved: '领导已审批',
  submitted: '已报送',
  published: '已公开',
};

interface ActionDef {
  label: string;
  from: ReportState[];
  to: ReportState;
  /** Run the checker first and refuse while it finds errors (a missed deadline never blocks). */
  checked?: boolean;
}

export const REPORT_ACTIONS: Record<ReportAction, ActionDef> = {
  send_review: { label: '送审', from: ['draft'], to: 'review', checked: true },
  approve: { label: '审批通过', from: ['review'], to: 'approved' },
  return: { label: '退回修改', from: ['review', 'approved', 'submitted'], to: 'draft' },
  submit: { label: '报送上级', from: ['approved'], to: 'submitted', checked: true },
  publish: { label: '向社会公开', from: ['submitted'], to: 'published' },
};

export interface FrozenFigure extends BoundFigure {
  scope: { orgId: number; from: string; to: string };
  /** 案号 of the records counted (for a rate: its denominator's, those in the numerator marked). */
  records: { number: string; inNumerator?: boolean }[];
}

export interface Snapshot {
  frozenAt: string;
  title: string;
  signature: string;
  date: string;
  sections: { kind: ReportSection['kind']; number: string; heading: string; rendered: string }[];
  figures: FrozenFigure[];
}

/** 报送方式 of one line. */
export const DELIVERY_CHANNELS = {
  exchange: '公文交换',
  confidential: '机要交通',
  e_document: '电子公文系统',
  in_person: '当面报送',
  other: '其他方式',
} as const;
export type DeliveryChannel = keyof typeof DELIVERY_CHANNELS;

/** One 报送 along one required line: to whom, when, under which 文号 or by which way. */
export interface DeliveryInput {
  line: string;
  recipient?: string;
  recipientOrgId?: number;
  sentOn?: string;
  channel?: DeliveryChannel;
  docNumber?: string;
}

const BLOCKING = new Set<CheckFinding['rule']>(['structure', 'token', 'consistency']);

export function allowedActions(actor: Actor, report: { state: string }, orgPath: string): ReportAction[] {
  if (!canSeeOrg(actor, orgPath)) return [];
  return (Object.keys(REPORT_ACTIONS) as ReportAction[]).filter((a) => {
    const d = REPORT_ACTIONS[a];
    return d.from.includes(report.state as ReportState) && can(actor, `reports.${a}`, orgPath);
  });
}

/** The report as submitted: its text as rendered (`rendered`, the text the checker passed) and each figure with the records it counted. */
async function freeze(k: Kernel, report: { org_id: number; year: number }, rendered: Awaited<ReturnType<typeof renderReport>>, date: string): Promise<Snapshot> {
  const org = await getOrg(k.db, report.org_id);
  const scope = scopeOf(report.org_id, report.year);
  const records = await figureRecords(k, rendered.figures.map((f) => f.token), scope);
  const figures: FrozenFigure[] = rendered.figures.map((f) => ({ ...f, scope, records: records.get(f.token)! }));
  return {
    frozenAt: new Date().toISOString(),
    title: rendered.title,
    signature: org.name,
    date,
    sections: rendered.sections.map((s) => ({ kind: s.kind, number: s.number, heading: s.heading, rendered: s.rendered })),
    figures,
  };
}

/** Takes one step of the cycle, atomically, with the audit trail; `version` guards against stale pages. */
export async function actOnReport(
  k: Kernel,
  actor: Actor,
  id: number,
  action: ReportAction,
  input: { version: number; comment?: string; copyTo?: number[]; deliveries?: DeliveryInput[] },
) {
  const def = REPORT_ACTIONS[action];
  const r = await k.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('报告');
  const org = await getOrg(k.db, r.org_id);
  if (!canSeeOrg(actor, org.path)) throw notFound('报告');
  assertCan(actor, `reports.${action}`, org.path, `年度报告${def.label}`);
  if (!def.from.includes(r.state)) throw conflict(`报告当前为「${STATE_LABELS[r.state]}」，不能${def.label}`);
  if (r.version !== input.version) throw conflict('报告已被他人修改，请刷新后再操作', { current: r.version, seen: input.version });
  if (action === 'return' && !input.comment?.trim()) throw badRequest('退回时请写明退回理由');

  const sections = r.sections as ReportSection[];
  if (action === 'approve') {
    const sender = await k.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('entity', '=', 'report')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'report.send_review')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (sender?.actor_id === actor.id) throw forbidden('送审人不能审批自己送审的报告');
  }
  // Rendered once: the checker passes the very text and figures that submission freezes.
  const rendered = def.checked ? await renderReport(k, { ...r, sections }) : undefined;
  if (def.checked) {
    const result = await checkReport(k, { ...r, sections }, rendered);
    const blocking = result.findings.filter((f) => f.severity === 'error' && BLOCKING.has(f.rule));
    if (blocking.length) {
      throw new AppError(422, 'check_failed', `报告检查未通过，不能${def.label}：${blocking.map((f) => f.message).join('；')}`, { findings: blocking });
    }
  }
  const copyTo = [...new Set(input.copyTo ?? [])];
  const copies = [];
  for (const orgId of copyTo) copies.push(await getOrg(k.db, orgId).catch(() => { throw badRequest(`抄送单位（编号${orgId}）不存在`); }));
  if (input.deliveries?.length && action !== 'submit') throw badRequest('只有报送时才能登记报送对象');

  const today = k.today();
  let deliveries: ReturnType<typeof checkDelivery>[] = [];
  if (action === 'submit') {
    const explicit = (input.deliveries ?? []).map((d) => checkDelivery(org.kind, { ...r, approved_on: r.approved_on }, d, today));
    // The one submission to the parent org and the 抄送 to the 依法治区办 still count, each as the line it evidences.
    const implied: DeliveryInput[] = [];
    const parentLine = PARENT_LINE[org.kind];
    if (org.parentId && parentLine) implied.push({ line: parentLine, recipientOrgId: org.parentId, recipient: (await getOrg(k.db, org.parentId)).name });
    const office = copies.find((o) => o.kind === 'office');
    if (office) implied.push({ line: 'coordination_office', recipientOrgId: office.id, recipient: office.name });
    const lines = new Set(reportingLines(org.kind).map((l) => l.key));
    deliveries = [...explicit, ...implied.filter((d) => lines.has(d.line) && !explicit.some((x) => x.line === d.line)).map((d) => checkDelivery(org.kind, r, d, today))];
    const seen = new Set<string>();
    for (const d of deliveries) {
      if (seen.has(d.line)) throw badRequest(`报送对象「${d.label}」重复登记`);
      seen.add(d.line);
    }
  }
  const patch: Record<string, unknown> = { state: def.to, version: r.version + 1, updated_at: new Date() };
  if (action === 'approve') Object.assign(patch, { approved_by: actor.id, approved_on: today });
  if (action === 'submit') {
    const snapshot = await freeze(k, r, rendered!, today);
    Object.assign(patch, { snapshot: JSON.stringify(snapshot), submitted_on: today, submitted_to: org.parentId, copied_to: JSON.stringify(copyTo) });
  }
  if (action === 'publish') {
    // The public text carries no personal data, whatever a writer typed, title included.
    const snap = r.snapshot as Snapshot;
    Object.assign(patch, { published_on: today, snapshot: JSON.stringify(maskReport(snap, await knownPersonNames(k, '/'))) });
  }
  if (action === 'return') Object.assign(patch, { approved_by: null, approved_on: null, ...(r.state === 'submitted' ? { submitted_on: null, submitted_to: null, copied_to: '[]' } : {}) });

  await k.db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('reports').set(patch).where('id', '=', id).where('version', '=', r.version).executeTakeFirst();
    if (!done.numUpdatedRows) throw conflict('报告已被他人修改，请刷新后再操作');
    await appendAudit(trx, {
      actorId: actor.id,
      action: `report.${action}`,
      entity: 'report',
      entityId: id,
      before: { state: r.state, version: r.version },
      after: { state: def.to, version: r.version + 1, ...(input.comment ? { comment: input.comment } : {}), ...(copyTo.length ? { copyTo } : {}), ...(deliveries.length ? { deliveries: deliveries.map((d) => ({ line: d.line, recipient: d.recipient, sentOn: d.sentOn })) } : {}) },
    });
    if (action === 'return' && r.state === 'submitted') await trx.deleteFrom('report_deliveries').where('report_id', '=', id).execute();
    for (const d of deliveries) await insertDelivery(trx, id, d, actor.id, false);
    await reportStepMessage(trx, r, org.path, action, actor.id, input.comment);
  });
  return k.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A delivery checked against the org's lines and the report's dates; refusals cite art. 25. */
function checkDelivery(orgKind: string, r: { approved_on: string | null }, d: DeliveryInput, today: string) {
  const line = reportingLines(orgKind).find((l) => l.key === d.line);
  if (!line) throw badRequest(`本单位的年度报告没有「${d.line}」这一报送对象（法治政府建设与责任落实督察工作规定第二十五条）`);
  const sentOn = d.sentOn ?? today;
  if (sentOn > today) throw badRequest('报送日期不能晚于今天');
  if (r.approved_on && sentOn < r.approved_on) throw conflict(`报送日期${sentOn}早于领导审批日期${r.approved_on}：报告须经审批后报送（法治政府建设与责任落实督察工作规定第二十五条）`);
  return { line: line.key, label: line.label, recipient: d.recipient?.trim() || line.label.replace(/^抄送/, ''), recipientOrgId: d.recipientOrgId ?? null, sentOn, channel: d.channel ?? 'exchange', docNumber: d.docNumber?.trim() || null };
}

async function insertDelivery(trx: Kernel['db'], reportId: number, d: ReturnType<typeof checkDelivery>, actorId: number | null, audit = true) {
  await trx.insertInto('report_deliveries').values({ report_id: reportId, line: d.line, recipient: d.recipient, recipient_org_id: d.recipientOrgId, sent_on: d.sentOn, channel: d.channel, doc_number: d.docNumber, recorded_by: actorId }).execute();
  // At submission the lines go into the 报送上级 event itself; a later line is its own event.
  if (audit) await appendAudit(trx, { actorId, action: 'report.deliver', entity: 'report', entityId: reportId, after: { line: d.line, recipient: d.recipient, sentOn: d.sentOn, channel: d.channel, docNumber: d.docNumber } });
}

/**
 * Records a 报送 along a line after submission (the 人大常委会 copy went a week later, by 机要):
 * a submitted or published report only, each line once.
 */
export async function recordDelivery(k: Kernel, actor: Actor, id: number, input: DeliveryInput) {
  const r = await k.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('报告');
  const org = await getOrg(k.db, r.org_id);
  if (!canSeeOrg(actor, org.path)) throw notFound('报告');
  assertCan(actor, 'reports.submit', org.path, '登记年度报告报送');
  if (r.state !== 'submitted' && r.state !== 'published') throw conflict(`报告当前为「${STATE_LABELS[r.state]}」，须先经审批并报送上级，才能登记其他报送对象（法治政府建设与责任落实督察工作规定第二十五条）`);
  if (input.recipientOrgId) await getOrg(k.db, input.recipientOrgId).catch(() => { throw badRequest(`接收单位（编号${input.recipientOrgId}）不存在`); });
  const d = checkDelivery(org.kind, r, input, k.today());
  const existing = await k.db.selectFrom('report_deliveries').select('sent_on').where('report_id', '=', id).where('line', '=', d.line).executeTakeFirst();
  if (existing) throw conflict(`已于${existing.sent_on}向「${d.label}」报送，不能重复登记`);
  await k.db.transaction().execute(async (trx) => insertDelivery(trx, id, d, actor.id));
  return reportLines(k, r, org.kind);
}

/** Every required line of the report with its 报送 (recipient, date, 文号, way) and whether it is done, open or late. */
export async function reportLines(k: Kernel, r: { id: number; year: number }, orgKind: string) {
  const rows = await k.db.selectFrom('report_deliveries').selectAll().where('report_id', '=', r.id).execute();
  return lineStatus(orgKind, r.year, rows.map((x) => ({ line: x.line, sentOn: x.sent_on })), k.today()).map((l) => {
    const x = rows.find((y) => y.line === l.key);
    return { ...l, recipient: x?.recipient ?? null, channel: x ? DELIVERY_CHANNELS[x.channel as DeliveryChannel] ?? x.channel : null, docNumber: x?.doc_number ?? null };
  });
}

/** The report's history from the audit trail: who did what, when, with what comment. */
export async function reportTimeline(k: Kernel, id: number) {
  const rows = await k.db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.at', 'a.action', 'a.after', 'u.display_name'])
    .where('a.entity', '=', 'report')
    .where('a.entity_id', '=', String(id))
    .orderBy('a.id')
    .execute();
  const labels: Record<string, string> = { 'report.create': '生成初稿', 'report.edit': '修改', 'report.deliver': '登记报送', ...Object.fromEntries(Object.entries(REPORT_ACTIONS).map(([a, d]) => [`report.${a}`, d.label])) };
  return rows.map((row) => ({ at: row.at, action: row.action, label: labels[row.action] ?? row.action, by: row.display_name ?? '系统', comment: (row.after as any)?.comment ?? null }));
}

/**
 * The reporting-cycle board for the 依法治区办: every reporting org in the actor's scope, the
 * state of its report, and whether it is late. Who reports and by when is the province's rule
 * (duty.ts): by default 3月1日之前 for governments, departments and 乡镇, public 4月1日之前.
 */
export async function reportingBoard(k: Kernel, actor: Actor, year: number) {
  const rows = await k.db
    .selectFrom('orgs as o')
    .leftJoin('reports as r', (j) => j.onRef('r.org_id', '=', 'o.id').on('r.year', '=', year))
    .select(['o.id as orgId', 'o.name as orgName', 'o.kind', 'o.path', 'r.id as reportId', 'r.state', 'r.submitted_on', 'r.published_on'])
    .where('o.path', 'like', `${actor.scopePath}%`)
    .where('o.kind', 'in', REPORTING_KINDS())
    .orderBy('o.path')
    .execute();
  const today = k.today();
  const publishBy = publishDeadline(year);
  const ids = rows.map((r) => r.reportId).filter((x): x is number => x != null);
  const sent = ids.length ? await k.db.selectFrom('report_deliveries').select(['report_id', 'line', 'sent_on']).where('report_id', 'in', ids).execute() : [];
  // The computed yearly publications (ANNUAL_REPORTS: 年报, 执法数据, 办理情况), each for the orgs its rule gives a duty.
  const orgs = rows.map((r) => ({ id: r.orgId, name: r.orgName, kind: r.kind }));
  const annual = await Promise.all(
    (Object.keys(ANNUAL_REPORTS) as AnnualReport[]).map(async (report) => annualFilings(k, report, orgs.filter((o) => ANNUAL_REPORTS[report].deadline(o.kind, year)), year)),
  );
  return rows.map((row) => {
    const due = reportDeadline(row.kind, year)!;
    const state = (row.state ?? null) as ReportState | null;
    const lines = lineStatus(row.kind, year, sent.filter((x) => x.report_id === row.reportId).map((x): Delivery => ({ line: x.line, sentOn: x.sent_on })), today);
    const problems: string[] = [];
    // Each required recipient is its own duty: one line missing or late is a problem of its own.
    const overdue = lines.filter((l) => l.status === 'overdue').map((l) => l.label);
    const late = lines.filter((l) => l.status === 'late').map((l) => l.label);
    if (!row.submitted_on && today > due) problems.push('逾期未报送');
    else if (overdue.length) problems.push(`逾期未报送：${overdue.join('、')}`);
    if (row.submitted_on && row.submitted_on > due) problems.push('逾期报送');
    else if (late.length) problems.push(`逾期报送：${late.join('、')}`);
    if (!row.published_on && today > publishBy) problems.push('逾期未公开');
    if (row.published_on && row.published_on > publishBy) problems.push('逾期公开');
    return {
      orgId: row.orgId,
      orgName: row.orgName,
      reportId: row.reportId,
      state,
      stateLabel: state ? STATE_LABELS[state] : '未起草',
      submittedOn: row.submitted_on,
      publishedOn: row.published_on,
      due,
      publishBy,
      lines: lines.map((l) => ({ key: l.key, label: l.label, sentOn: l.sentOn, status: l.status, statusLabel: l.statusLabel })),
      late: problems.length > 0,
      problems,
      // Each its own duty and its own lateness, apart from the 法治政府 report's.
      annual: annual.flatMap((m) => {
        const f = m.get(row.orgId);
        return f ? [{ report: f.report, label: f.label, submitBy: f.submitBy, publishBy: f.publishBy, submittedOn: f.submission?.sentOn ?? null, publishedOn: f.publication?.publishedOn ?? null, submitStatus: f.submitStatus, publishStatus: f.publishStatus, late: f.late, problems: f.problems }] : [];
      }),
    };
  });
}
