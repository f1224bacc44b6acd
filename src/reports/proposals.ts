import { sql } from 'kysely';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { notFound } from '../kernel/errors.ts';
import { getOrg } from '../kernel/orgs.ts';
import { percent } from '../kernel/indicators/compute.ts';
import { proposalsReportDeadline } from './duty.ts';
import { scopeOf } from './report.ts';
import { annualFiling, filingText, type AnnualFiling } from './annual.ts';

/**
 * The yearly 代表建议、政协提案 办理情况 of an org subtree (review row 15.9): the items 交办 in the
 * year, by 人大代表建议 and 政协委员提案, and where each stood on 12月31日 (or today, if earlier):
 * answered on time, its last answer's A/B/C 类, the 代表's or 委员's 反馈, the 联系沟通 and the
 * 公开 of the result. Every cell lists the 案号 it counts; the 交办 row also names its indicator.
 */

export type ProposalKind = 'deputy' | 'cppcc';
const COLUMNS: { key: ProposalKind | 'total'; label: string }[] = [
  { key: 'deputy', label: '人大代表建议' },
  { key: 'cppcc', label: '政协委员提案' },
  { key: 'total', label: '合计' },
];

export interface ProposalRow {
  key: string;
  group: string;
  label: string;
  cells: Record<ProposalKind | 'total', number>;
  /** The 案号 counted in the row's 合计. */
  cases: string[];
  indicator?: string;
}

export interface ProposalRate {
  key: string;
  label: string;
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface ProposalsReport {
  orgId: number;
  orgName: string;
  year: number;
  title: string;
  /** The day the figures stand on: 12月31日 of the year, or today if the year is not over. */
  asOf: string;
  deadline: { submitBy: string; recipient: string } | null;
  columns: { key: string; label: string }[];
  rows: ProposalRow[];
  rates: ProposalRate[];
  overview: string;
  /** Its recorded 报送 and 公开, and whether the 报送 is late against `deadline`. */
  filing: AnnualFiling;
}

interface Item {
  number: string;
  kind: ProposalKind;
  events: { kind: string; on: string; data: Record<string, any> }[];
  clock: { due_on: string | null; stopped_on: string | null; stopped_by: string | null } | null;
}

/** The items 交办 in the year in the subtree, with their steps up to `asOf` and their 答复期限. */
async function itemsOfYear(k: Kernel, path: string, from: string, to: string, asOf: string): Promise<Item[]> {
  const { rows } = await sql<any>`
    select c.number, c.fields ->> 'kind' as kind,
      coalesce((select json_agg(json_build_object('kind', e.kind, 'on', e.occurred_on, 'data', e.data) order by e.occurred_on, e.id)
        from case_events e where e.case_id = c.id and e.occurred_on <= ${asOf}), '[]') as events,
      (select json_build_object('due_on', cc.due_on, 'stopped_on', cc.stopped_on, 'stopped_by', cc.stopped_by)
        from case_clocks cc where cc.case_id = c.id and cc.clock = 'answer') as clock
    from cases c
    where c.type = 'proposal' and c.org_id in (select id from orgs where path like ${path + '%'})
      and c.received_on between ${from} and ${to}
    order by c.received_on, c.id`.execute(k.db);
  const parse = (x: any) => (typeof x === 'string' ? JSON.parse(x) : x);
  return rows.map((r: any) => ({ number: r.number, kind: r.kind === 'cppcc' ? 'cppcc' : 'deputy', events: parse(r.events), clock: parse(r.clock) }));
}

export async function proposalsReport(k: Kernel, actor: Actor | null, orgId: number, year: number): Promise<ProposalsReport> {
  const org = await getOrg(k.db, orgId);
  if (actor && !canSeeOrg(actor, org.path)) throw notFound('单位');
  const { from, to } = scopeOf(org.id, year);
  const asOf = k.today() < to ? k.today() : to;
  const items = await itemsOfYear(k, org.path, from, to, asOf);

  const has = (i: Item, kind: string) => i.events.some((e) => e.kind === kind);
  const last = (i: Item, kind: string) => i.events.findLast((e) => e.kind === kind);
  const answered = (i: Item) => has(i, 'answer');
  // 按期: the first answer stopped the 答复期限 (3 个月, or as extended) on or before its due day.
  const onTime = (i: Item) => answered(i) && i.clock?.stopped_by === 'answer' && i.clock.stopped_on !== null && i.clock.due_on !== null && i.clock.stopped_on <= i.clock.due_on;
  const feedback = (i: Item, opinion: string) => last(i, 'feedback')?.data?.opinion === opinion;

  const rows: ProposalRow[] = [];
  const row = (key: string, group: string, label: string, pick: (i: Item) => boolean, indicator?: string) => {
    const counted = items.filter(pick);
    const cells = { deputy: 0, cppcc: 0, total: counted.length };
    for (const i of counted) cells[i.kind]++;
    rows.push({ key, group, label, cells, cases: counted.map((i) => i.number), ...(indicator ? { indicator } : {}) });
  };
  row('received', '交办', '交办件数', () => true, 'proposal.received');
  row('returned', '交办', '退回交办机关', (i) => has(i, 'return'));
  row('answered', '答复', '已书面答复', answered);
  row('on_time', '答复', '其中按期答复（含经批准延期）', onTime);
  row('late', '答复', '其中逾期答复', (i) => answered(i) && !onTime(i));
  row('pending', '答复', '尚未答复', (i) => !answered(i) && !has(i, 'return'));
  row('overdue', '答复', '其中已超过答复期限', (i) => !answered(i) && !has(i, 'return') && i.clock?.due_on != null && i.clock.due_on < asOf);
  row('contacted', '答复', '答复前与代表委员联系沟通', (i) => i.events.some((e, n) => e.kind === 'contact' && i.events.slice(n).some((x) => x.kind === 'answer')));
  // The grade of the last answer: a 重新办理 after a 不满意 answers again and the new grade stands.
  for (const g of ['A', 'B', 'C']) row(`grade_${g}`, '办理结果', `${g}类`, (i) => last(i, 'answer')?.data?.grade === g);
  row('satisfied', '代表委员反馈', '满意', (i) => feedback(i, 'satisfied'));
  row('basically', '代表委员反馈', '基本满意', (i) => feedback(i, 'basically'));
  row('unsatisfied', '代表委员反馈', '不满意', (i) => feedback(i, 'unsatisfied'));
  row('redone', '代表委员反馈', '不满意后重新办理', (i) => has(i, 'redo'));
  row('no_feedback', '代表委员反馈', '已答复尚未反馈', (i) => answered(i) && !has(i, 'feedback'));
  row('published', '公开', '办理结果已公开', (i) => has(i, 'publish'));
  row('unpublished', '公开', '已答复尚未公开', (i) => answered(i) && !has(i, 'publish'));

  const n = (key: string) => rows.find((r) => r.key === key)!.cells.total;
  const rate = (key: string, label: string, num: number, den: number): ProposalRate => ({ key, label, value: percent(num, den), numerator: num, denominator: den });
  const feedbackCount = n('satisfied') + n('basically') + n('unsatisfied');
  const rates = [
    rate('answer_rate', '答复率（已答复 ÷ 应办理）', n('answered'), n('received') - n('returned')),
    rate('on_time_rate', '按期答复率（按期答复 ÷ 已答复）', n('on_time'), n('answered')),
    rate('satisfaction_rate', '满意率（满意和基本满意 ÷ 已反馈）', n('satisfied') + n('basically'), feedbackCount),
    rate('publish_rate', '公开率（已公开 ÷ 已答复）', n('published'), n('answered')),
  ];
  const pct = (r: ProposalRate) => (r.value === null ? '—' : `${r.value}%`);
  const cell = (key: string, kind: ProposalKind) => rows.find((r) => r.key === key)!.cells[kind];
  const overview =
    `${year}年，${org.name}承办人大代表建议${cell('received', 'deputy')}件、政协委员提案${cell('received', 'cppcc')}件，` +
    `已书面答复${n('answered')}件，按期答复率${pct(rates[1])}；A类${n('grade_A')}件、B类${n('grade_B')}件、C类${n('grade_C')}件；` +
    `代表委员反馈${feedbackCount}件，满意率${pct(rates[2])}；办理结果公开${n('published')}件。`;
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    title: `${org.name}${year}年度人大代表建议和政协委员提案办理情况`,
    asOf,
    deadline: proposalsReportDeadline(org.kind, year),
    columns: COLUMNS,
    rows,
    rates,
    overview,
    filing: await annualFiling(k, 'proposals', org, year),
  };
}

/** The figures as plain text (the CLI). */
export function proposalsText(r: ProposalsReport): string {
  const out = [r.title, ''];
  if (r.deadline) out.push(`期限（本区建议提案办理规定）：${r.deadline.submitBy}前报送${r.deadline.recipient}`, '');
  else out.push('本单位不承担建议提案办理情况的报送义务', '');
  out.push(...filingText(r.filing), `统计截至${r.asOf}`, r.overview, '', `类别\t项目\t${r.columns.map((c) => c.label).join('\t')}`);
  for (const row of r.rows) out.push(`${row.group}\t${row.label}\t${r.columns.map((c) => row.cells[c.key as keyof ProposalRow['cells']]).join('\t')}`);
  out.push('');
  for (const x of r.rates) out.push(`${x.label}：${x.value === null ? '—' : `${x.value}%`}（${x.numerator}/${x.denominator}）`);
  return out.join('\n');
}
