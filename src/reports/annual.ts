import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { assertCan } from '../kernel/auth/permissions.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { badRequest, conflict, notFound } from '../kernel/errors.ts';
import { getOrg, type Org } from '../kernel/orgs.ts';
import { dutyStatus, enforcementDataDeadline, govinfoDeadline, LINE_STATUS_LABELS, proposalsReportDeadline, PROPOSALS_REPORT_RULE, type LineStatus } from './duty.ts';
import type { OrgKind } from '../kernel/db/schema.ts';
import { DELIVERY_CHANNELS, type DeliveryChannel } from './workflow.ts';

/**
 * The yearly publications that the platform computes from records rather than drafts: the
 * 政府信息公开工作年度报告 (条例 art. 49), the 行政执法 annual data (国办发〔2018〕118号) and the
 * 代表建议、政协提案 办理情况 (代表法第五十一条, local 办理办法). What is stored of them is what
 * happened to each org-year's text: its 报送 (recipient, date, way and 文号, as a line of the
 * 法治政府 report is recorded) and its 公开 (date, where). Lateness is read against the same
 * deadline rules the reports show (duty.ts); an org the rule gives no duty is never late,
 * whatever it did or did not record, and a step the rule sets no date for is never late either.
 */
interface AnnualDef {
  label: string;
  short: string;
  basis: string;
  /** The last days of 报送 and 公开 for the org kind; null where the rule gives the kind no duty. */
  deadline: (orgKind: string, year: number) => { submitBy: string | null; publishBy: string | null } | null;
  recipient: (orgKind: string) => string;
  /** The first day the text of `year` can exist, so be sent or published. */
  from: (year: number) => string;
}

const afterYear = (year: number) => `${year + 1}-01-01`;

export const ANNUAL_REPORTS = {
  govinfo: { label: '政府信息公开工作年度报告', short: '政府信息公开年报', basis: '政府信息公开条例第四十九条', deadline: govinfoDeadline, recipient: () => '本级政府信息公开工作主管部门', from: afterYear },
  enforcement_data: { label: '行政执法年度数据', short: '行政执法数据', basis: '国办发〔2018〕118号', deadline: enforcementDataDeadline, recipient: () => '本级人民政府', from: afterYear },
  // Reported in the year of the 交办 (10月10日 / 12月31日), so it can be sent before the year ends.
  // Its 公开 (代表法第五十一条) is recorded but the local rule sets no date for it: never late.
  proposals: {
    label: '人大代表建议和政协委员提案办理情况',
    short: '建议提案办理情况',
    basis: '代表法第五十一条；本区建议提案办理规定',
    deadline: (orgKind: string, year: number) => {
      const d = proposalsReportDeadline(orgKind, year);
      return d && { submitBy: d.submitBy, publishBy: null };
    },
    recipient: (orgKind: string) => PROPOSALS_REPORT_RULE.due[orgKind as OrgKind]?.recipient ?? '区政府办公室',
    from: (year: number) => `${year}-01-01`,
  },
} satisfies Record<string, AnnualDef>;
export type AnnualReport = keyof typeof ANNUAL_REPORTS;

/** 公开方式 of a yearly publication. */
export const PUBLISH_WAYS = {
  website: '政府网站',
  gazette: '政府公报',
  notice_board: '政务公开栏',
  other: '其他方式',
} as const;
export type PublishWay = keyof typeof PUBLISH_WAYS;

const PUBLISH_STATUS_LABELS: Record<LineStatus, string> = { sent: '已公开', late: '逾期公开', pending: '待公开', overdue: '逾期未公开' };

export interface SubmissionInput {
  orgId: number;
  year: number;
  sentOn?: string;
  recipient?: string;
  recipientOrgId?: number;
  channel?: DeliveryChannel;
  docNumber?: string;
}

export interface PublicationInput {
  orgId: number;
  year: number;
  publishedOn?: string;
  way?: PublishWay;
  url?: string;
}

export interface AnnualFiling {
  report: AnnualReport;
  label: string;
  orgId: number;
  orgName: string;
  year: number;
  /** Null where the rule sets no 报送 (or no duty at all). */
  submitBy: string | null;
  /** Null where the rule gives the org no duty. */
  publishBy: string | null;
  submission: { sentOn: string; recipient: string; channel: string; docNumber: string | null } | null;
  publication: { publishedOn: string; way: string; url: string | null } | null;
  submitStatus: LineStatus | null;
  submitStatusLabel: string | null;
  publishStatus: LineStatus | null;
  publishStatusLabel: string | null;
  late: boolean;
  problems: string[];
}

type Row = { org_id: number; step: string; done_on: string; recipient: string | null; channel: string; doc_number: string | null; url: string | null };

/** Whether an org-year's 报送 and 公开 are in time, late, open or overdue; null for what the rule does not require of the org kind. */
export function filingStatus(report: AnnualReport, orgKind: string, year: number, done: { submittedOn: string | null; publishedOn: string | null }, today: string) {
  const due = ANNUAL_REPORTS[report].deadline(orgKind, year);
  return { due, submitStatus: dutyStatus(due?.submitBy ?? null, done.submittedOn, today), publishStatus: dutyStatus(due?.publishBy ?? null, done.publishedOn, today) };
}

function filingOf(report: AnnualReport, org: Pick<Org, 'id' | 'name' | 'kind'>, year: number, rows: Row[], today: string): AnnualFiling {
  const def = ANNUAL_REPORTS[report];
  const sub = rows.find((r) => r.step === 'submit');
  const pub = rows.find((r) => r.step === 'publish');
  const { due, submitStatus, publishStatus } = filingStatus(report, org.kind, year, { submittedOn: sub?.done_on ?? null, publishedOn: pub?.done_on ?? null }, today);
  const problems: string[] = [];
  if (submitStatus === 'overdue') problems.push(`${def.short}逾期未报送`);
  if (submitStatus === 'late') problems.push(`${def.short}逾期报送`);
  if (publishStatus === 'overdue') problems.push(`${def.short}逾期未公开`);
  if (publishStatus === 'late') problems.push(`${def.short}逾期公开`);
  return {
    report,
    label: def.label,
    orgId: org.id,
    orgName: org.name,
    year,
    submitBy: due?.submitBy ?? null,
    publishBy: due?.publishBy ?? null,
    submission: sub ? { sentOn: sub.done_on, recipient: sub.recipient ?? def.recipient(org.kind), channel: DELIVERY_CHANNELS[sub.channel as DeliveryChannel] ?? sub.channel, docNumber: sub.doc_number } : null,
    publication: pub ? { publishedOn: pub.done_on, way: PUBLISH_WAYS[pub.channel as PublishWay] ?? pub.channel, url: pub.url } : null,
    submitStatus,
    submitStatusLabel: submitStatus && LINE_STATUS_LABELS[submitStatus],
    publishStatus,
    publishStatusLabel: publishStatus && PUBLISH_STATUS_LABELS[publishStatus],
    late: problems.length > 0,
    problems,
  };
}

/** The 报送 and 公开 of one publication for several orgs of one year, in one read. */
export async function annualFilings(k: Kernel, report: AnnualReport, orgs: Pick<Org, 'id' | 'name' | 'kind'>[], year: number): Promise<Map<number, AnnualFiling>> {
  const ids = orgs.map((o) => o.id);
  const rows = ids.length
    ? await k.db.selectFrom('annual_filings').select(['org_id', 'step', 'done_on', 'recipient', 'channel', 'doc_number', 'url']).where('report', '=', report).where('year', '=', year).where('org_id', 'in', ids).execute()
    : [];
  const today = k.today();
  return new Map(orgs.map((o) => [o.id, filingOf(report, o, year, rows.filter((r) => r.org_id === o.id), today)]));
}

export async function annualFiling(k: Kernel, report: AnnualReport, org: Pick<Org, 'id' | 'name' | 'kind'>, year: number): Promise<AnnualFiling> {
  return (await annualFilings(k, report, [org], year)).get(org.id)!;
}

/** The org the record is for, seen and allowed; the date checked: after the year it reports on, not in the future. */
async function prepare(k: Kernel, actor: Actor, report: AnnualReport, input: { orgId: number; year: number }, on: string | undefined, step: 'submit' | 'publish') {
  const org = await getOrg(k.db, input.orgId);
  if (!canSeeOrg(actor, org.path)) throw notFound('单位');
  const def = ANNUAL_REPORTS[report];
  const verb = step === 'submit' ? '报送' : '公开';
  assertCan(actor, step === 'submit' ? 'reports.submit' : 'reports.publish', org.path, `登记${def.label}${verb}`);
  const date = on ?? k.today();
  if (date > k.today()) throw badRequest(`${verb}日期不能晚于今天`);
  // The 年报 and the data report on a whole year: they exist only once the year has ended; the
  // 办理情况 is reported within the year of the 交办.
  const from = def.from(input.year);
  if (date < from) throw badRequest(from > `${input.year}-12-31` ? `${input.year}年度的${def.label}应在年度结束后${verb}，${verb}日期应晚于${input.year}-12-31` : `${input.year}年度的${def.label}${verb}日期不能早于${from}`);
  const existing = await k.db.selectFrom('annual_filings').select('done_on').where('report', '=', report).where('org_id', '=', org.id).where('year', '=', input.year).where('step', '=', step).executeTakeFirst();
  if (existing) throw conflict(`${org.name}${input.year}年度${def.label}已于${existing.done_on}登记${verb}，不能重复登记`);
  return { org, def, date };
}

async function insert(k: Kernel, actor: Actor, report: AnnualReport, org: Org, year: number, step: 'submit' | 'publish', values: { done_on: string; recipient?: string | null; recipient_org_id?: number | null; channel: string; doc_number?: string | null; url?: string | null }) {
  await k.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('annual_filings')
      .values({ report, org_id: org.id, year, step, recorded_by: actor.id, ...values })
      .onConflict((oc) => oc.columns(['report', 'org_id', 'year', 'step']).doNothing())
      .returning('id')
      .executeTakeFirst();
    // A second clerk who recorded the same step a moment earlier wins; this one is told.
    if (!row) throw conflict(`${org.name}${year}年度${ANNUAL_REPORTS[report].label}已登记${step === 'submit' ? '报送' : '公开'}，不能重复登记`);
    await appendAudit(trx, { actorId: actor.id, action: `annual.${step}`, entity: 'annual_filing', entityId: row.id, after: { report, orgId: org.id, year, ...values } });
  });
}

/**
 * Records the 报送 of an org-year's publication. Only where the rule sets one: art. 49 has a
 * department submit its 年报 to the 主管部门, but not the 本级政府 (its 主管部门 publishes it), and
 * 118号 asks only for publication (a province that requires a 报送 sets `submitBy`).
 */
export async function recordSubmission(k: Kernel, actor: Actor, report: AnnualReport, input: SubmissionInput): Promise<AnnualFiling> {
  const { org, def, date } = await prepare(k, actor, report, input, input.sentOn, 'submit');
  const due = def.deadline(org.kind, input.year);
  if (!due) throw conflict(`${org.name}不承担${def.label}的报送义务（${def.basis}）`);
  if (!due.submitBy) throw conflict(`${org.name}的${def.label}无须报送，只须按期公开（${def.basis}）`);
  let recipient = input.recipient?.trim();
  if (input.recipientOrgId) {
    // An org picked from the tree is one of the same district's; a recipient outside it is typed by name.
    const to = await getOrg(k.db, input.recipientOrgId).catch(() => null);
    if (!to || to.path.split('/')[1] !== org.path.split('/')[1]) throw badRequest(`接收单位（编号${input.recipientOrgId}）不是本区的单位；本区以外的接收机关请填写名称`);
    recipient ||= to.name;
  }
  await insert(k, actor, report, org, input.year, 'submit', { done_on: date, recipient: recipient || def.recipient(org.kind), recipient_org_id: input.recipientOrgId ?? null, channel: input.channel ?? 'exchange', doc_number: input.docNumber?.trim() || null });
  return annualFiling(k, report, org, input.year);
}

/** Records the 公开 of an org-year's publication: when, and where (a 政府网站 公开 names its address). */
export async function recordPublication(k: Kernel, actor: Actor, report: AnnualReport, input: PublicationInput): Promise<AnnualFiling> {
  const { org, date } = await prepare(k, actor, report, input, input.publishedOn, 'publish');
  const way = input.way ?? 'website';
  const url = input.url?.trim() || null;
  if (way === 'website' && !url) throw badRequest('在政府网站公开的，请填写公开网址');
  if (url && !/^https?:\/\/\S+$/.test(url)) throw badRequest('公开网址应以 http:// 或 https:// 开头');
  await insert(k, actor, report, org, input.year, 'publish', { done_on: date, channel: way, url });
  return annualFiling(k, report, org, input.year);
}

/** The recorded 报送 and 公开 and their lateness, as lines of the CLI's text. */
export function filingText(f: AnnualFiling): string[] {
  const out: string[] = [];
  if (f.submission) out.push(`报送：${f.submission.sentOn}报${f.submission.recipient}（${f.submission.channel}${f.submission.docNumber ? `，${f.submission.docNumber}` : ''}）${f.submitStatus === 'late' ? '，逾期' : ''}`);
  else if (f.submitStatus) out.push(`报送：${f.submitStatusLabel}`);
  if (f.publication) out.push(`公开：${f.publication.publishedOn}，${f.publication.way}${f.publication.url ? ` ${f.publication.url}` : ''}${f.publishStatus === 'late' ? '，逾期' : ''}`);
  else if (f.publishStatus) out.push(`公开：${f.publishStatusLabel}`);
  return out.length ? [...out, ''] : [];
}
