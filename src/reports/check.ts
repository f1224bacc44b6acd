import type { Kernel } from '../kernel/kernel.ts';
import { getOrg } from '../kernel/orgs.ts';
import { diffDays } from '../kernel/calendar/dates.ts';
import { isRate } from '../kernel/indicators/define.ts';
import { extractFigures } from '../analysis/figures.ts';
import { checkConsistency } from '../analysis/consistency.ts';
import { sharedPhrases } from '../analysis/quality.ts';
import { renderReport, REQUIRED_ORDER, SECTION_HEADINGS, type ReportSection, type SectionKind } from './report.ts';
import { TOKEN } from './tokens.ts';
import { sql } from 'kysely';
import { percent } from '../kernel/indicators/compute.ts';

/**
 * The checker run on demand and on submission: structure, problems with causes and answering
 * plans, figures that should be bound to records, rates against their parts, drift since the
 * snapshot, and the deadline (departments 3月1日, governments 4月1日 of the following year).
 */
export interface CheckFinding {
  rule: 'structure' | 'order' | 'causes' | 'plans' | 'token' | 'typed_figure' | 'consistency' | 'drift' | 'deadline' | 'outline' | 'real_name_rating';
  severity: 'error' | 'warning' | 'info';
  message: string;
  section?: SectionKind;
  text?: string;
}

const CAUSE = /原因|由于|主要是|导致|造成|源于|受.{1,8}影响/;
/** Words that make the figure after them a target, not a count of what was done. */
const TARGET = /不少于|不低于|不超过|至少|力争|确保|争取|目标|计划/;

/** The clause a figure stands in, from its last punctuation mark, so a quotation never starts mid-word. */
export function clauseBefore(text: string, start: number, max = 30): string {
  const window = text.slice(Math.max(0, start - max), start);
  const cut = Math.max(...[...'，。；：、！？,;:\n'].map((p) => window.lastIndexOf(p)));
  if (cut >= 0) return window.slice(cut + 1);
  return start > max ? `…${window}` : window;
}

import { reportDeadline, publishDeadline, lineStatus } from './duty.ts';
import { outlineFor } from '../kernel/cases/outlines.ts';
export { reportDeadline };

export async function checkReport(
  k: Kernel,
  report: { id?: number; org_id: number; year: number; title: string; state: string; sections: ReportSection[]; snapshot: any },
  /** The report already rendered from records (submission renders once for the check and the snapshot). */
  rendered?: Awaited<ReturnType<typeof renderReport>>,
): Promise<{ ok: boolean; findings: CheckFinding[]; deadline: { due: string; daysLeft: number } }> {
  const findings: CheckFinding[] = [];
  const label = SECTION_HEADINGS(report.year);
  const by = (kind: SectionKind) => report.sections.find((s) => s.kind === kind);

  for (const kind of REQUIRED_ORDER) {
    const s = by(kind);
    if (!s) findings.push({ rule: 'structure', severity: 'error', section: kind, message: `缺少必备部分「${label[kind]}」` });
    else if (!s.body.trim()) findings.push({ rule: 'structure', severity: 'error', section: kind, message: `「${s.heading}」尚未填写` });
  }
  const order = report.sections.map((s) => s.kind).filter((k) => REQUIRED_ORDER.includes(k));
  if (order.join() !== REQUIRED_ORDER.filter((k) => order.includes(k)).join()) {
    findings.push({ rule: 'order', severity: 'warning', message: '各部分顺序与规定不同（举措成效、不足原因、第一责任人、下一年安排）' });
  }
  const problems = by('shortcomings')?.body.trim() ?? '';
  const plans = by('next_year')?.body.trim() ?? '';
  if (problems && !CAUSE.test(problems)) findings.push({ rule: 'causes', severity: 'warning', section: 'shortcomings', message: '只列出了问题，没有分析原因' });
  if (problems && plans && sharedPhrases(problems, plans).length === 0) {
    findings.push({ rule: 'plans', severity: 'warning', section: 'next_year', message: '下一年度安排没有回应所列的不足' });
  }

  rendered ??= await renderReport(k, report);
  for (const t of new Set(rendered.unknown)) findings.push({ rule: 'token', severity: 'error', message: `数据引用{{${t}}}不存在，请从指标列表中选择` });

  // A number typed next to a phrase the platform can compute: suggest the token.
  const phrases = k.types.all().flatMap((t) => t.indicators.filter((d) => !isRate(d)).map((d) => ({ type: t.name, label: d.label, token: `${t.name}.${d.label}` })));
  // Only figures about the year's records: the next year's 安排 and any target (不少于4次) are plans, no record holds them.
  for (const s of report.sections.filter((x) => x.kind !== 'next_year')) {
    const text = s.body.replace(TOKEN, (m) => '※'.repeat(m.length));
    for (const f of extractFigures(text)) {
      const before = text.slice(Math.max(0, f.start - 16), f.start);
      if (TARGET.test(before.slice(-6) + f.text)) continue;
      const hit = phrases.find((p) => before.includes(p.label) && before.includes(p.type.slice(0, 2)));
      if (hit) findings.push({ rule: 'typed_figure', severity: 'warning', section: s.kind, text: clauseBefore(text, f.start) + f.text, message: `「${f.text}」是手工录入的数字，建议改为数据引用{{${hit.token}}}，以便与记录一致` });
    }
  }

  const full = rendered.sections.map((s) => s.rendered).join('\n');
  for (const x of checkConsistency(full, extractFigures(full)).findings) {
    findings.push({ rule: 'consistency', severity: x.confidence === 'low' ? 'warning' : 'error', text: full.slice(x.start, x.end), message: x.message });
  }

  if (report.snapshot?.figures) {
    const now = new Map(rendered.figures.map((f) => [f.token, f.display]));
    for (const f of report.snapshot.figures as { token: string; display: string }[]) {
      if (now.has(f.token) && now.get(f.token) !== f.display) {
        findings.push({ rule: 'drift', severity: 'warning', message: `{{${f.token}}}报送时为${f.display}，现据记录为${now.get(f.token)}；已公开的报告不会自动改变` });
      }
    }
  }

  const org = await getOrg(k.db, report.org_id);
  findings.push(...(await realNameRatingFindings(k, org.path, report.year)));

  // The year's 纲要: a year past the last one entered keeps it provisionally, and the writer is told.
  const { outline, provisional } = outlineFor(report.year);
  if (provisional) findings.push({ rule: 'outline', severity: 'info', message: `平台尚未登记适用于${report.year}年度的法治政府建设实施纲要，暂按《${outline.title}》的领域组织初稿` });

  const duty = reportDeadline(org.kind, report.year);
  // An org without the duty to report (a party office, a public institution) is held only to publication.
  const due = duty ?? publishDeadline(report.year);
  const daysLeft = diffDays(k.today(), due);
  const sent = report.state === 'submitted' || report.state === 'published';
  if (!duty) findings.push({ rule: 'deadline', severity: 'info', message: `本单位不负有年度报告报送义务；如公开，应于${due}前公开` });
  // 错误 is what blocks 送审; a missed deadline never does (the report must still go up), so it is a 警告.
  else if (!sent && daysLeft < 0) findings.push({ rule: 'deadline', severity: 'warning', message: `报送期限${due}已过${-daysLeft}日，尚未报送，请尽快报送` });
  else if (!sent) findings.push({ rule: 'deadline', severity: 'info', message: `报送期限${due}，还有${daysLeft}日` });
  else if (report.id != null) {
    // Submitted: each recipient the law names is a duty of its own (督察工作规定第二十五条).
    const rows = await k.db.selectFrom('report_deliveries').select(['line', 'sent_on']).where('report_id', '=', report.id).execute();
    for (const l of lineStatus(org.kind, report.year, rows.map((x) => ({ line: x.line, sentOn: x.sent_on })), k.today())) {
      if (l.status === 'overdue') findings.push({ rule: 'deadline', severity: 'warning', message: `报送期限${due}已过，尚未向「${l.label.replace(/^抄送/, '')}」${l.kind === 'copy' ? '抄送' : '报送'}` });
      else if (l.status === 'pending') findings.push({ rule: 'deadline', severity: 'info', message: `尚未向「${l.label.replace(/^抄送/, '')}」${l.kind === 'copy' ? '抄送' : '报送'}，期限${due}` });
      else if (l.status === 'late') findings.push({ rule: 'deadline', severity: 'warning', message: `向「${l.label.replace(/^抄送/, '')}」于${l.sentOn}报送，晚于期限${due}` });
    }
  }

  return { ok: !findings.some((f) => f.severity === 'error'), findings, deadline: { due, daysLeft } };
}

/**
 * 国办发〔2019〕51号: every 实名差评 is 回访整改 (实名差评回访整改率 100%). Counted per order of
 * the year in the report's subtree, whenever it was done: an order received in December and
 * visited in January is done, though the year's indicator (events dated in the year) misses it.
 * An order still inside its 整改 or 回访 period is not a shortfall yet (info, not a warning); no
 * 实名差评 at all says nothing.
 */
export async function realNameRatingFindings(k: Kernel, path: string, year: number): Promise<CheckFinding[]> {
  const { rows } = await sql<{ number: string; done: boolean; in_time: boolean }>`
    select c.number,
      exists (select 1 from case_events e where e.case_id = c.id and e.kind in ('visit', 'resolve')) as done,
      exists (select 1 from case_clocks cc where cc.case_id = c.id and cc.status = 'running' and cc.due_on >= ${k.today()}) as in_time
    from cases c
    where c.type = 'rating_rectification' and c.fields ->> 'realName' = 'true'
      and c.received_on between ${`${year}-01-01`} and ${`${year}-12-31`}
      and c.org_id in (select id from orgs where path like ${path + '%'})
    order by c.received_on, c.id`.execute(k.db);
  if (!rows.length) return [];
  const done = rows.filter((r) => r.done).length;
  const late = rows.filter((r) => !r.done && !r.in_time).map((r) => r.number);
  const open = rows.filter((r) => !r.done && r.in_time).map((r) => r.number);
  const out: CheckFinding[] = [];
  const rate = `${rows.length}件实名差评已回访整改${done}件（${percent(done, rows.length)}%）`;
  if (late.length) {
    out.push({ rule: 'real_name_rating', severity: 'warning', message: `${year}年${rate}，未达到国办发〔2019〕51号要求的100%；逾期未回访整改：${late.join('、')}` });
  }
  if (open.length) out.push({ rule: 'real_name_rating', severity: 'info', message: `${year}年实名差评尚有${open.length}件在整改或回访期限内（${open.join('、')}），办结前实名差评回访整改率未达100%` });
  return out;
}
