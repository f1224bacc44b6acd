import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { notFound } from '../kernel/errors.ts';
import { getOrg } from '../kernel/orgs.ts';
import { computeIndicators } from '../kernel/indicators/compute.ts';
import { correctingOutcomes } from '../institutions/reconsideration/index.ts';
import { enforcementDataDeadline } from './duty.ts';
import { concludedBy, reconsiderationsAgainst, reviewRow } from './govinfo.ts';
import { annualFiling, filingText, type AnnualFiling } from './annual.ts';
import { scopeOf } from './report.ts';

/**
 * 行政执法年度数据 (国办发〔2018〕118号, 行政执法公示制度 事后公开): the overall figures of an org
 * subtree's enforcement in one year, computed from the records. A figure an indicator defines
 * names it, so the drill-down (/api/indicators/records) lists its records; the 复议纠错 figure
 * lists its case numbers; a figure the platform keeps no record for is null with a note.
 */

export interface DataRow {
  key: string;
  /** 行政许可, 行政处罚, … (the 执法行为种类 the row belongs to). */
  group: string;
  label: string;
  value: number | null;
  unit: string;
  indicator?: string;
  cases?: string[];
  note?: string;
}

export interface EnforcementDataReport {
  orgId: number;
  orgName: string;
  year: number;
  title: string;
  deadline: { submitBy: string | null; publishBy: string } | null;
  /** Its recorded 报送 and 公开, and whether either is late against `deadline`. */
  filing: AnnualFiling;
  rows: DataRow[];
}

/** Each row that an indicator gives: [key, group, label, indicator]. */
const INDICATOR_ROWS: [string, string, string, string][] = [
  ['licensing_accepted', '行政许可', '受理申请', 'licensing.accepted'],
  ['licensing_granted', '行政许可', '准予许可', 'licensing.granted'],
  ['licensing_refused', '行政许可', '不予许可', 'licensing.refused'],
  ['penalty_decisions', '行政处罚', '处罚决定（含当场处罚）', 'enforcement.penalty_decisions'],
  ['penalty_fines', '行政处罚', '罚没金额', 'enforcement.penalty_fines'],
  ['coercion_measures', '行政强制', '实施行政强制措施（查封、扣押）', 'coercion.measures'],
  ['coercion_executed', '行政强制', '行政强制执行（含申请法院强制执行）', 'coercion.executed'],
  ['inspections', '行政检查', '涉企行政检查', 'enterprise_inspection.inspected'],
  ['legal_reviews', '法制审核', '重大执法决定法制审核', 'enforcement.legal_reviews'],
  ['hearings', '听证', '组织听证', 'enforcement.hearings'],
];

export async function enforcementData(k: Kernel, actor: Actor | null, orgId: number, year: number): Promise<EnforcementDataReport> {
  const org = await getOrg(k.db, orgId);
  if (actor && !canSeeOrg(actor, org.path)) throw notFound('单位');
  const scope = scopeOf(org.id, year);
  const v = Object.fromEntries((await computeIndicators(k, scope, INDICATOR_ROWS.map((r) => r[3]))).map((x) => [x.key, x]));
  const rows: DataRow[] = INDICATOR_ROWS.map(([key, group, label, indicator]) => ({ key, group, label, value: v[indicator].value as number, unit: v[indicator].unit, indicator }));
  // 处罚种类: the 决定 step records the decision and the amount, not the sanction, so no breakdown is given.
  rows.splice(4, 0, { key: 'penalty_kinds', group: '行政处罚', label: '按处罚种类', value: null, unit: '件', note: '作出决定环节不记录处罚种类（仅告知环节记录拟处罚种类），不按种类分列' });
  // 纠错: 复议 decisions correcting the subtree's 处罚、强制、许可 acts, concluded in the year.
  const recs = await reconsiderationsAgainst(k, org, scope.from, scope.to, ['penalty', 'coercion', 'licensing']);
  const rec = reviewRow('reconsideration', '行政复议', recs, scope.to, ['upheld', 'dismissed'], correctingOutcomes);
  const corrected = recs.filter((c) => concludedBy(c, scope.to) && correctingOutcomes.includes(c.outcome!)).map((c) => c.number);
  rows.push(
    { key: 'reconsideration_corrected', group: '复议诉讼纠错', label: '行政复议纠错（撤销、变更、确认违法等）', value: rec.corrected, unit: '件', cases: corrected },
    { key: 'litigation_corrected', group: '复议诉讼纠错', label: '行政诉讼败诉（纠错）', value: null, unit: '件', note: '应诉案件不记录被诉行为类别，无法区分执法决定' },
  );
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    title: `${org.name}${year}年度行政执法数据`,
    deadline: enforcementDataDeadline(org.kind, year),
    filing: await annualFiling(k, 'enforcement_data', org, year),
    rows,
  };
}

/** The data as plain text (the CLI). */
export function enforcementDataText(r: EnforcementDataReport): string {
  const out = [r.title, ''];
  if (r.deadline) out.push(`期限（国办发〔2018〕118号）：${r.deadline.publishBy}前向社会公开`, '');
  else out.push('本单位不是行政执法机关，无公开年度数据的期限', '');
  out.push(...filingText(r.filing));
  out.push('类别\t项目\t数值');
  for (const row of r.rows) out.push(`${row.group}\t${row.label}\t${row.value === null ? `—（${row.note}）` : `${row.value}${row.unit}`}`);
  return out.join('\n');
}
