import { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import type { Org } from '../kernel/orgs.ts';
import { addDays } from '../kernel/calendar/dates.ts';
import { openReport, updateReport, type ReportSection } from '../reports/report.ts';
import { actOnReport, type ReportAction } from '../reports/workflow.ts';
import { Random } from './random.ts';
import { reportDeadline, publishDeadline, reportingLines } from '../reports/duty.ts';
import { bulkTimings } from '../kernel/cases/bulk.ts';
import { ANNUAL_REPORTS, recordPublication, recordSubmission, type AnnualReport } from '../reports/annual.ts';

/** Adds the time since `t` to a lap of FAZHI_BULK_TIMINGS (bench/first-start.ts); returns now. */
function lap(label: string, t: number) {
  const now = performance.now();
  if (process.env.FAZHI_BULK_TIMINGS) bulkTimings[`reports ${label}`] = (bulkTimings[`reports ${label}`] ?? 0) + now - t;
  return now;
}

/** Problems with their causes, and the next year's answer to each, as departments write them. */
const SHORTCOMINGS: [string, string][] = [
  ['一是行政执法人员法治素养有待提高，个别执法人员程序意识不强，主要原因是培训偏重业务、法律培训不够系统。', '一是加强执法人员法律培训，全年开展程序意识专题培训不少于2次。'],
  ['一是规范性文件合法性审核力量不足，主要原因是缺少专职法制审核人员。', '一是充实法制审核力量，配齐专职法制审核人员，发挥法律顾问作用。'],
  ['一是普法宣传形式较为单一，针对性不强，主要原因是对群众法治需求调研不够。', '一是创新普法宣传形式，开展群众法治需求调研，推行“菜单式”普法。'],
  ['一是基层矛盾纠纷化解能力有待加强，主要原因是调解员队伍专业化程度不高。', '一是加强调解员队伍专业化建设，开展调解员轮训，提升基层矛盾纠纷化解能力。'],
];

/**
 * Last year's reports as the district's orgs worked them: most drafted, approved, submitted and
 * published in time, some late, a few still open. The 区司法局's own report is left undrafted for
 * a visitor to write (README, "what to click first").
 */
export async function loadDemoReports(base: Kernel, year: number, orgs: Org[], staff: { clerkOf: (orgId: number) => Actor; leader: Actor }, asOf: string) {
  let day = asOf;
  // The cycle's dates are the days each step was taken, not the load date.
  const k = await Kernel.open(base.conn, base.types, { today: () => day });
  const r = new Random(year * 31 + 7);
  // Drawn apart, so the cycle's own draws stay as they were: a few orgs forget one recipient (15.5).
  const forget = new Random(year * 31 + 11);
  for (const org of orgs) {
    if (org.shortName === '区司法局') continue;
    const clerk = staff.clerkOf(org.id);
    // The province's reporting rule (duty.ts): 3月1日之前 for the district government too.
    const due = reportDeadline(org.kind, year) ?? publishDeadline(year);
    // How far this org got: 0 undrafted, 1 draft, 2 in review, 3 submitted, 4 published.
    const reached = r.weighted({ 0: 1, 1: 1, 2: 1, 3: 2, 4: 14 });
    const submitOn = addDays(due, r.chance(0.12) ? r.int(3, 25) : -r.int(2, 40));
    const steps: [ReportAction, string, Actor][] = [
      ['send_review', addDays(submitOn, -r.int(6, 12)), clerk],
      ['approve', addDays(submitOn, -r.int(1, 5)), staff.leader],
      ['submit', submitOn, clerk],
      ['publish', addDays(submitOn, r.chance(0.1) ? r.int(30, 60) : r.int(1, 15)), clerk],
    ].filter((_, i) => i < [0, 0, 1, 3, 4][Number(reached)]) as [ReportAction, string, Actor][];
    if (reached === '0' || addDays(submitOn, -20) > asOf) continue;
    day = addDays(submitOn, -20);
    let t = performance.now();
    const report = await openReport(k, clerk, org.id, year);
    const [problem, plan] = r.pick(SHORTCOMINGS);
    const written: Partial<Record<ReportSection['kind'], string>> = { shortcomings: problem, next_year: plan, achievements: `${org.name}深入推进依法行政，严格规范公正文明执法，各项工作依法有序开展。` };
    // The writer's text where the draft has none; figures come only from records.
    const sections = (report.sections as ReportSection[]).map((s) => ({ ...s, body: s.body.trim() ? s.body : (written[s.kind] ?? s.body) }));
    t = lap('draft', t);
    await updateReport(k, clerk, report.id, { version: report.version, title: report.title, sections });
    t = lap('edit', t);
    let version = report.version + 1;
    for (const [action, on, who] of steps) {
      if (on > asOf) break;
      day = on;
      // Every recipient line is sent the day of submission, save one now and then.
      let deliveries;
      if (action === 'submit') {
        const lines = reportingLines(org.kind);
        const skip = forget.chance(0.15) ? forget.pick(lines.map((l) => l.key)) : null;
        deliveries = lines.filter((l) => l.key !== skip).map((l) => ({ line: l.key, sentOn: on, channel: 'exchange' as const }));
      }
      version = (await actOnReport(k, who, report.id, action, { version, deliveries })).version;
      t = lap(action, t);
    }
  }
  await loadDemoFilings(k, (on) => (day = on), year, orgs, staff.clerkOf, asOf);
}

/**
 * The 报送 and 公开 of last year's 政府信息公开 年报 and 行政执法数据 (2.13, 15.9): most in January,
 * and of last year's 建议提案 办理情况 (its 报送 date, 15.9), a few late, a few not yet recorded, so the board shows each. The 区司法局's are left to a visitor.
 */
async function loadDemoFilings(k: Kernel, setDay: (on: string) => void, year: number, orgs: Org[], clerkOf: (orgId: number) => Actor, asOf: string) {
  // Drawn apart, so the 法治政府 reports' draws stay as they were.
  const r = new Random(year * 31 + 13);
  for (const report of Object.keys(ANNUAL_REPORTS) as AnnualReport[]) {
    for (const org of orgs) {
      const due = ANNUAL_REPORTS[report].deadline(org.kind, year);
      if (!due || org.shortName === '区司法局') continue;
      const fate = r.weighted({ on_time: 14, late: 3, none: 2 });
      if (fate === 'none') continue;
      const on = addDays((due.publishBy ?? due.submitBy)!, fate === 'late' ? r.int(2, 20) : -r.int(1, 20));
      if (on > asOf) continue;
      setDay(on);
      const clerk = clerkOf(org.id);
      if (due.submitBy) await recordSubmission(k, clerk, report, { orgId: org.id, year, sentOn: on, channel: 'e_document' });
      await recordPublication(k, clerk, report, { orgId: org.id, year, publishedOn: on, url: `https://www.qingxi.gov.cn/xxgk/${report}/${year}/${org.id}.html` });
    }
  }
}
