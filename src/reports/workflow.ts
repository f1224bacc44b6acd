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
import { reportDeadline, publishDeadline, REPORTING_KINDS } from './duty.ts';
import { renderReport, scopeOf, type ReportSection } from './report.ts';
import type { BoundFigure } from './tokens.ts';
import { reportStepMessage } from '../workbench/notify.ts';

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
  input: { version: number; comment?: string; copyTo?: number[] },
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
  for (const orgId of copyTo) await getOrg(k.db, orgId).catch(() => { throw badRequest(`抄送单位（编号${orgId}）不存在`); });

  const today = k.today();
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
      after: { state: def.to, version: r.version + 1, ...(input.comment ? { comment: input.comment } : {}), ...(copyTo.length ? { copyTo } : {}) },
    });
    await reportStepMessage(trx, r, org.path, action, actor.id, input.comment);
  });
  return k.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
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
  const labels: Record<string, string> = { 'report.create': '生成初稿', 'report.edit': '修改', ...Object.fromEntries(Object.entries(REPORT_ACTIONS).map(([a, d]) => [`report.${a}`, d.label])) };
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
  return rows.map((row) => {
    const due = reportDeadline(row.kind, year)!;
    const state = (row.state ?? null) as ReportState | null;
    const problems: string[] = [];
    if (!row.submitted_on && today > due) problems.push('逾期未报送');
    if (row.submitted_on && row.submitted_on > due) problems.push('逾期报送');
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
      late: problems.length > 0,
      problems,
    };
  });
}
