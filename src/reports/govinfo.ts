import { sql } from 'kysely';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { notFound } from '../kernel/errors.ts';
import { getOrg, type Org } from '../kernel/orgs.ts';
import { computeIndicators } from '../kernel/indicators/compute.ts';
import { ANSWER_GROUNDS, APPLICANT_TYPES } from '../institutions/disclosure/index.ts';
import { correctingOutcomes } from '../institutions/reconsideration/index.ts';
import { govinfoDeadline } from './duty.ts';
import { display } from './tokens.ts';
import { scopeOf } from './report.ts';
import { annualFiling, filingText, type AnnualFiling } from './annual.ts';

/**
 * The 政府信息公开工作年度报告 of one org for one year (政府信息公开条例 arts. 49–50), in the
 * format of 国办公开办函〔2021〕30号: six parts, three of them tables. Every figure is computed from
 * the records of the org's subtree; a figure that an indicator already defines names it (`indicator`),
 * so the existing drill-down (/api/indicators/records) lists its records, and a figure no event
 * count can give (上年结转, 结转下年度, 现行有效) lists its case numbers itself.
 */

const CN_NUM = '一二三四五六七八';

type ApplicantType = keyof typeof APPLICANT_TYPES;
const APPLICANTS = Object.keys(APPLICANT_TYPES) as ApplicantType[];

export interface RequestRow {
  key: string;
  label: string;
  /** 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 and 总计. */
  cells: Record<ApplicantType | 'total', number>;
  /** The indicator whose records are this row's total, when one exists. */
  indicator?: string;
  /** The cases counted in the row's total (all rows, so every figure is drillable). */
  cases: string[];
}

export interface ReviewRow {
  key: string;
  label: string;
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  total: number;
  cases: string[];
}

export interface ActiveRow {
  key: string;
  label: string;
  /** Figures of the row by column label; null where the platform keeps no record. */
  figures: { label: string; value: number | null; unit: string; indicators: string[]; cases?: string[]; note?: string }[];
}

export interface Conclusion {
  id: number;
  number: string;
  fields: Record<string, any>;
  received_on: string;
  kind: string | null;
  outcome: string | null;
  data: Record<string, any> | null;
  concluded_on: string | null;
}

/**
 * Every case of a type in the subtree received by `to` and not concluded before `from`, with the
 * first step that gave it an outcome (its conclusion), if any: the set the 年报 tables count.
 */
export async function casesOfYear(k: Kernel, type: string, path: string, from: string, to: string): Promise<Conclusion[]> {
  const { rows } = await sql<Conclusion>`
    select c.id, c.number, c.fields, c.received_on, fin.kind, fin.outcome, fin.data, fin.occurred_on as concluded_on
    from cases c
    left join lateral (
      select e.kind, e.outcome, e.data, e.occurred_on from case_events e
      where e.case_id = c.id and e.outcome is not null order by e.occurred_on, e.id limit 1) fin on true
    where c.type = ${type} and c.org_id in (select id from orgs where path like ${path + '%'})
      and c.received_on <= ${to} and (fin.occurred_on is null or fin.occurred_on >= ${from})
    order by c.received_on, c.id`.execute(k.db);
  return rows.map((r) => ({ ...r, received_on: String(r.received_on).slice(0, 10), concluded_on: r.concluded_on && String(r.concluded_on).slice(0, 10) }));
}

export const concludedBy = (c: Conclusion, to: string) => c.concluded_on !== null && c.concluded_on <= to;

/** Section 三: the applications, by applicant type; row 一 + 二 = 三（七）+ 四 holds by construction. */
export async function requestTable(k: Kernel, org: Org, year: number): Promise<RequestRow[]> {
  const { from, to } = scopeOf(org.id, year);
  const all = await casesOfYear(k, 'disclosure', org.path, from, to);
  const row = (key: string, label: string, pick: (c: Conclusion) => boolean, indicator?: string): RequestRow => {
    const counted = all.filter(pick);
    const cells = Object.fromEntries([...APPLICANTS, 'total'].map((a) => [a, 0])) as RequestRow['cells'];
    for (const c of counted) {
      // The intake requires the type; a record without one is the applicant the form defaults to.
      const a = (APPLICANTS as string[]).includes(c.fields.applicantType) ? (c.fields.applicantType as ApplicantType) : 'person';
      cells[a] += 1;
      cells.total += 1;
    }
    return { key, label, cells, ...(indicator ? { indicator } : {}), cases: counted.map((c) => c.number) };
  };
  const done = (c: Conclusion) => concludedBy(c, to);
  const answered = (outcome: string, ground?: string) => (c: Conclusion) => done(c) && c.kind === 'answer' && c.outcome === outcome && (!ground || c.data?.ground === ground);
  const grounds = (outcome: keyof typeof ANSWER_GROUNDS, heading: string) =>
    Object.entries(ANSWER_GROUNDS[outcome]).map(([g, label], i) => row(`${outcome}_${g}`, `${heading}${i + 1}.${label}`, answered(outcome, g), `disclosure.${outcome}_${g}`));
  return [
    row('new', '一、本年新收政府信息公开申请数量', (c) => c.received_on >= from, 'disclosure.received'),
    row('carried', '二、上年结转政府信息公开申请数量', (c) => c.received_on < from),
    row('disclosed', '三、本年度办理结果（一）予以公开', answered('disclosed'), 'disclosure.disclosed'),
    row('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', answered('partial'), 'disclosure.partial'),
    ...grounds('refused', '（三）不予公开'),
    ...grounds('unavailable', '（四）无法提供'),
    ...grounds('not_handled', '（五）不予处理'),
    row('other', '（六）其他处理', (c) => done(c) && ['other', 'withdrawn', 'abandoned'].includes(c.outcome!), 'disclosure.other_handling'),
    row('total', '（七）总计', done, 'disclosure.concluded'),
    row('next', '四、结转下年度继续办理', (c) => !done(c)),
  ];
}

/** The five columns of section 四 for one set of cases, by how each ended by 31 December. */
export function reviewRow(key: string, label: string, cases: Conclusion[], to: string, upheld: string[], corrected: string[]): ReviewRow {
  const r: ReviewRow = { key, label, upheld: 0, corrected: 0, other: 0, pending: 0, total: 0, cases: cases.map((c) => c.number) };
  for (const c of cases) {
    if (!concludedBy(c, to)) r.pending += 1;
    else if (upheld.includes(c.outcome!)) r.upheld += 1;
    else if (corrected.includes(c.outcome!)) r.corrected += 1;
    else r.other += 1;
    r.total += 1;
  }
  return r;
}

/**
 * The 复议 cases of the year (as casesOfYear counts them) about acts of these categories whose
 * 被申请人 is the name of an org in the subtree. The 复议机关 may be above the org (the 本级政府
 * for a department), so every 复议 case is looked at, not only the subtree's.
 */
export async function reconsiderationsAgainst(k: Kernel, org: Org, from: string, to: string, categories: string[]): Promise<Conclusion[]> {
  const names = new Set(
    (await k.db.selectFrom('orgs').select(['name', 'short_name']).where('path', 'like', `${org.path}%`).execute()).flatMap((o: any) => [o.name, o.short_name].filter(Boolean)),
  );
  return (await casesOfYear(k, 'reconsideration', '/', from, to)).filter((c) => categories.includes(c.fields.category) && names.has(String(c.fields.respondent ?? '').trim()));
}

/**
 * Section 四. A 复议 case sits with the 复议机关, so it is the org's when the 被申请人 recorded on it
 * is the name of an org in the subtree; an 应诉 case sits with the defendant, so it is the subtree's.
 */
export async function reviewTable(k: Kernel, org: Org, year: number): Promise<ReviewRow[]> {
  const { from, to } = scopeOf(org.id, year);
  const reconsideration = await reconsiderationsAgainst(k, org, from, to, ['disclosure']);
  const litigation = (await casesOfYear(k, 'litigation', org.path, from, to)).filter((c) => c.fields.disclosure === true);
  return [
    reviewRow('reconsideration', '行政复议', reconsideration, to, ['upheld', 'dismissed'], correctingOutcomes),
    reviewRow('direct', '行政诉讼：未经复议直接起诉', litigation.filter((c) => !c.fields.afterReconsideration), to, ['won'], ['lost', 'partly_lost']),
    reviewRow('after_reconsideration', '行政诉讼：复议后起诉', litigation.filter((c) => c.fields.afterReconsideration), to, ['won'], ['lost', 'partly_lost']),
  ];
}

/** Section 二: the 主动公开 figures of art. 20 (1), (5), (6), (8). */
export async function activeTable(k: Kernel, org: Org, year: number): Promise<ActiveRow[]> {
  const scope = scopeOf(org.id, year);
  const refs = ['normative_document.issued', 'normative_document.repealed', 'licensing.decided', 'enforcement.penalty_decisions', 'coercion.measures', 'coercion.executed'];
  const v = Object.fromEntries((await computeIndicators(k, scope, refs)).map((x) => [x.key, x.value as number]));
  // 现行有效: issued by 31 December and not repealed by then; a state at a date, so listed, not counted by event.
  // Counted, like 制发 and 废止, for the 制定机关 (the filing org when none was recorded).
  const { rows: inForce } = await sql<{ number: string }>`
    select c.number from cases c
    where c.type = 'normative_document' and coalesce((c.fields ->> 'issuerOrgId')::int, c.org_id) in (select id from orgs where path like ${org.path + '%'})
      and exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'issue' and e.occurred_on <= ${scope.to})
      and not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'repeal' and e.occurred_on <= ${scope.to})
    order by c.id`.execute(k.db);
  const none = (label: string, unit: string, note: string) => ({ label, value: null, unit, indicators: [], note });
  return [
    {
      key: 'rules',
      label: '第二十条第（一）项：规章',
      figures: ['本年制发件数', '本年废止件数', '现行有效件数'].map((l) => none(l, '件', '平台不记录规章（区县人民政府及其部门无规章制定权）')),
    },
    {
      key: 'normative',
      label: '第二十条第（一）项：行政规范性文件',
      figures: [
        { label: '本年制发件数', value: v['normative_document.issued'], unit: '件', indicators: ['normative_document.issued'] },
        { label: '本年废止件数', value: v['normative_document.repealed'], unit: '件', indicators: ['normative_document.repealed'] },
        { label: '现行有效件数', value: inForce.length, unit: '件', indicators: [], cases: inForce.map((r) => r.number) },
      ],
    },
    { key: 'licensing', label: '第二十条第（五）项：行政许可', figures: [{ label: '本年处理决定数量', value: v['licensing.decided'], unit: '件', indicators: ['licensing.decided'] }] },
    { key: 'penalty', label: '第二十条第（六）项：行政处罚', figures: [{ label: '本年处理决定数量', value: v['enforcement.penalty_decisions'], unit: '件', indicators: ['enforcement.penalty_decisions'] }] },
    {
      key: 'coercion',
      label: '第二十条第（六）项：行政强制',
      figures: [{ label: '本年处理决定数量', value: v['coercion.measures'] + v['coercion.executed'], unit: '件', indicators: ['coercion.measures', 'coercion.executed'], note: '查封扣押决定与强制执行（含申请法院执行）之和' }],
    },
    { key: 'fees', label: '第二十条第（八）项：行政事业性收费', figures: [none('本年收费金额', '万元', '平台不记录行政事业性收费，由编制单位填写')] },
  ];
}

export interface GovInfoReport {
  orgId: number;
  orgName: string;
  year: number;
  title: string;
  deadline: { submitBy: string | null; publishBy: string } | null;
  /** Its recorded 报送 and 公开, and whether either is late against `deadline`. */
  filing: AnnualFiling;
  overview: string;
  active: ActiveRow[];
  requests: { columns: { key: string; label: string }[]; rows: RequestRow[]; balanced: boolean };
  reviews: ReviewRow[];
  problems: string;
  other: { text: string; figures: { label: string; value: number; unit: string; indicator: string }[] };
  headings: string[];
}

export const GOVINFO_HEADINGS = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'].map(
  (h, i) => `${CN_NUM[i]}、${h}`,
);

/** The 年报 of an org and year, computed now from the records (no draft is stored: the text parts 五 and the rest are the writer's). */
export async function govinfoReport(k: Kernel, actor: Actor | null, orgId: number, year: number): Promise<GovInfoReport> {
  const org = await getOrg(k.db, orgId);
  if (actor && !canSeeOrg(actor, org.path)) throw notFound('单位');
  const [active, rows, reviews] = [await activeTable(k, org, year), await requestTable(k, org, year), await reviewTable(k, org, year)];
  const scope = scopeOf(org.id, year);
  const f = Object.fromEntries((await computeIndicators(k, scope, ['disclosure.on_time_rate', 'disclosure.fee_notices', 'disclosure.fee_amount'])).map((x) => [x.key, x]));
  const cell = (key: string) => rows.find((r) => r.key === key)!.cells.total;
  const balanced = cell('new') + cell('carried') === cell('total') + cell('next');
  const overview =
    `${year}年，${org.name}新收政府信息公开申请${cell('new')}件，上年结转${cell('carried')}件，办结${cell('total')}件（予以公开${cell('disclosed')}件、部分公开${cell('partial')}件），` +
    `结转下年度继续办理${cell('next')}件；按期答复率${display(f['disclosure.on_time_rate'])}。`;
  const fees = f['disclosure.fee_notices'].value as number;
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    title: `${org.name}${year}年政府信息公开工作年度报告`,
    deadline: govinfoDeadline(org.kind, year),
    filing: await annualFiling(k, 'govinfo', org, year),
    overview,
    active,
    requests: { columns: [...APPLICANTS.map((a) => ({ key: a, label: APPLICANT_TYPES[a] })), { key: 'total', label: '总计' }], rows, balanced },
    reviews,
    problems: '',
    other: {
      text: fees ? `本年度依据《政府信息公开信息处理费管理办法》发出收费通知${fees}件，金额${f['disclosure.fee_amount'].value}元。` : '本年度未收取信息处理费。',
      figures: [
        { label: '发出信息处理费收费通知', value: fees, unit: '件', indicator: 'disclosure.fee_notices' },
        { label: '信息处理费金额', value: f['disclosure.fee_amount'].value as number, unit: '元', indicator: 'disclosure.fee_amount' },
      ],
    },
    headings: GOVINFO_HEADINGS,
  };
}

/** The report as plain text (the CLI), tables as aligned lines. */
export function govinfoText(r: GovInfoReport): string {
  const out = [r.title, ''];
  if (r.deadline) out.push(`期限（政府信息公开条例第四十九条）：${r.deadline.submitBy ? `${r.deadline.submitBy}前报送本级政府信息公开工作主管部门，` : ''}${r.deadline.publishBy}前向社会公布`, '');
  out.push(...filingText(r.filing), r.headings[0], r.overview, '', r.headings[1]);
  for (const row of r.active) out.push(`${row.label}：${row.figures.map((f) => `${f.label}${f.value === null ? '—' : f.value}${f.value === null ? '' : f.unit}`).join('，')}`);
  out.push('', r.headings[2], `项目\t${r.requests.columns.map((c) => c.label).join('\t')}`);
  for (const row of r.requests.rows) out.push(`${row.label}\t${r.requests.columns.map((c) => row.cells[c.key as keyof RequestRow['cells']]).join('\t')}`);
  if (!r.requests.balanced) out.push('（勾稽关系不平衡：第一项加第二项之和应等于第三项加第四项之和）');
  out.push('', r.headings[3], '项目\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计');
  for (const row of r.reviews) out.push(`${row.label}\t${row.upheld}\t${row.corrected}\t${row.other}\t${row.pending}\t${row.total}`);
  out.push('', r.headings[4], r.problems || '（由编制单位填写）', '', r.headings[5], r.other.text);
  return out.join('\n');
}

