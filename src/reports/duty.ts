import type { OrgKind } from '../kernel/db/schema.ts';
import { addDays } from '../kernel/calendar/dates.ts';

/**
 * Who must report on 法治政府建设, and by when (法治政府建设与责任落实督察工作规定 arts. 24–25
 * and the provincial 工作指引 that apply them). The dates are a per-province setting: the
 * defaults below follow the reading the platform documents in docs/domain.md, and a province
 * whose 指引 differs is added to PROVINCES and chosen with FAZHI_PROVINCE.
 *
 * - 县级以上政府部门 and 乡镇（街道） report "每年3月1日之前"; so do 市、县 governments
 *   (to the same-level party committee and 人大常委会, and to the level above). Only a province
 *   reports to the centre by 4月1日, which a district platform never is.
 * - Every report is public "每年4月1日之前" (art. 24).
 * - A party office (依法治区办, which receives the reports) and a public institution (the 12345
 *   centre) have no duty to report and are never listed as late.
 * - "之前" is read as excluding the named day: the last day is the day before. A province that
 *   counts the day itself sets `inclusive: true`.
 */
export interface ReportingRule {
  province: string;
  /** Org kinds that must report, with the month-day their report is due "之前". */
  submitBefore: Partial<Record<OrgKind, string>>;
  /** The recipients each org kind reports to, every one its own 报送 (15.5). */
  lines: Partial<Record<OrgKind, ReportingLine[]>>;
  publishBefore: string;
  inclusive: boolean;
}

/**
 * One recipient a report must reach. 督察工作规定 art. 25 and the provincial 工作指引 give each
 * reporter several recipients at once (政府: 同级党委、人大常委会 and the level above; 部门: 本级党委
 * 和政府 and the department above), so each is evidenced by its own 报送 record, not by one
 * submission to the parent org. 抄送 to the 议事协调机构's office is a line too: the 指引 requires it.
 */
export interface ReportingLine {
  key: string;
  label: string;
  kind: 'report' | 'copy';
}

const PARTY_OFFICE_COPY = (level: '本级' | '上一级'): ReportingLine => ({ key: 'coordination_office', label: `抄送${level}党委法治建设议事协调机构办事机构`, kind: 'copy' });

export const DEFAULT_LINES: Record<'government' | 'department' | 'township', ReportingLine[]> = {
  // 县级政府：同级党委、人大常委会；市、县、乡党委和政府向上一级党委和政府报告，抄送上一级办事机构.
  government: [
    { key: 'party', label: '同级党委', kind: 'report' },
    { key: 'congress', label: '同级人大常委会', kind: 'report' },
    { key: 'superior_party', label: '上一级党委', kind: 'report' },
    { key: 'superior_government', label: '上一级政府', kind: 'report' },
    PARTY_OFFICE_COPY('上一级'),
  ],
  // 县级以上政府部门：本级党委和政府、上一级政府有关部门，抄送本级办事机构.
  department: [
    { key: 'local_party', label: '本级党委', kind: 'report' },
    { key: 'local_government', label: '本级政府', kind: 'report' },
    { key: 'superior_department', label: '上一级政府有关部门', kind: 'report' },
    PARTY_OFFICE_COPY('本级'),
  ],
  // 乡镇（街道）党委和政府：上一级党委和政府，抄送上一级办事机构.
  township: [
    { key: 'superior_party', label: '上一级党委', kind: 'report' },
    { key: 'superior_government', label: '上一级政府', kind: 'report' },
    PARTY_OFFICE_COPY('上一级'),
  ],
};

export const DEFAULT_RULE: ReportingRule = {
  province: '默认（督察工作规定及省级工作指引通行做法）',
  submitBefore: { government: '03-01', department: '03-01', township: '03-01' },
  lines: DEFAULT_LINES,
  publishBefore: '04-01',
  inclusive: false,
};

/** Provinces whose 指引 differs from the default; empty until a deployment adds its own. */
export const PROVINCES: Record<string, Partial<ReportingRule>> = {};

export function reportingRule(province = process.env.FAZHI_PROVINCE): ReportingRule {
  return { ...DEFAULT_RULE, ...(province ? PROVINCES[province] ?? {} : {}) };
}

export const REPORTING_KINDS = (rule = reportingRule()) => Object.keys(rule.submitBefore) as OrgKind[];

const lastDay = (rule: ReportingRule, year: number, monthDay: string) => {
  const named = `${year + 1}-${monthDay}`;
  return rule.inclusive ? named : addDays(named, -1);
};

/** The last day a report for `year` may be submitted; null for an org with no duty to report. */
export function reportDeadline(orgKind: string, year: number, rule = reportingRule()): string | null {
  const md = rule.submitBefore[orgKind as OrgKind];
  return md ? lastDay(rule, year, md) : null;
}

/** The last day a report for `year` may be made public. */
export const publishDeadline = (year: number, rule = reportingRule()) => lastDay(rule, year, rule.publishBefore);

/**
 * The 政府信息公开工作年度报告 (政府信息公开条例 art. 49), a cycle of its own beside the 法治政府
 * report: a 县级以上人民政府部门 submits its report for the previous year to the 本级政府信息公开工作
 * 主管部门 and publishes it "在每年1月31日前"; the 主管部门 publishes the 本级政府's report "在每年
 * 3月31日前". Art. 49 names no other body: a 乡镇（街道） or a party office has no date of its own
 * here (a province or the 区县 主管部门 that sets one adds it to `submitBefore`).
 *
 * "1月31日前" / "3月31日前" name the last day of a month, so the day itself is the last day
 * (inclusive), unlike the 督察规定's "3月1日之前".
 */
export interface GovInfoRule {
  /** Org kinds with a duty, and the month-day the report must be submitted (to the 主管部门) and published by. */
  due: Partial<Record<OrgKind, { submitBy: string | null; publishBy: string }>>;
}

export const GOVINFO_RULE: GovInfoRule = {
  due: {
    department: { submitBy: '01-31', publishBy: '01-31' },
    // The 本级政府's report is compiled and published by its 主管部门; it is submitted to no one under art. 49.
    government: { submitBy: null, publishBy: '03-31' },
  },
};

/** The last days of a yearly publication for `year` under a rule of this shape; null for an org the rule gives no duty. */
export function annualDeadline(orgKind: string, year: number, rule: GovInfoRule): { submitBy: string | null; publishBy: string } | null {
  const d = rule.due[orgKind as OrgKind];
  if (!d) return null;
  return { submitBy: d.submitBy && `${year + 1}-${d.submitBy}`, publishBy: `${year + 1}-${d.publishBy}` };
}

/** The last days for the 政府信息公开 年报 of `year`; null for an org art. 49 gives no duty. */
export const govinfoDeadline = (orgKind: string, year: number, rule = GOVINFO_RULE) => annualDeadline(orgKind, year, rule);

/**
 * The 行政执法 annual data (国办发〔2018〕118号, 行政执法公示制度, 事后公开): each 行政执法机关
 * publishes "每年1月31日前" the overall figures of its enforcement in the previous year. The
 * platform reads 行政执法机关 as its departments **(choice)**: a 区政府 is not itself an
 * enforcement body, and a 乡镇（街道） enforces only the powers a province has handed down to it
 * (行政处罚法第二十四条), so a deployment whose 街道 publish their own data adds `township` here.
 * The 意见 sets no submission to anyone; a province that requires one (广东: 报本级人民政府和上级
 * 主管部门) sets `submitBy`. "1月31日前" is the last day of a month, so the day itself counts.
 */
export const ENFORCEMENT_DATA_RULE: GovInfoRule = {
  due: { department: { submitBy: null, publishBy: '01-31' } },
};

export const enforcementDataDeadline = (orgKind: string, year: number, rule = ENFORCEMENT_DATA_RULE) => annualDeadline(orgKind, year, rule);

/**
 * The yearly 代表建议、政协提案 办理情况 (代表法第五十一条 asks for 办理情况 to be answered and made
 * public; the yearly report itself is set by local 办理办法, which differ). **(choice)** Two steps
 * in the same year as the 交办: each 承办单位 (a department) sends its written 总结 to the 区政府办公室
 * by 10月10日 (a local 办理办法 read, 第十七条: 承办单位10月10日前书面总结), and the 区政府 reports
 * the 办理情况 to the 人大常委会 (and the 政协) by 12月31日, "by year end" as the 人大常委会 hears
 * it at its last meeting of the year. A district whose rule differs changes these dates.
 */
export interface ProposalsReportRule {
  due: Partial<Record<OrgKind, { submitBy: string; recipient: string }>>;
}

export const PROPOSALS_REPORT_RULE: ProposalsReportRule = {
  due: {
    department: { submitBy: '10-10', recipient: '区政府办公室（书面总结）' },
    government: { submitBy: '12-31', recipient: '区人大常委会、区政协（办理情况报告）' },
  },
};

/** The last day for the 办理情况 of the items 交办 in `year` (the same year); null for an org with no duty. */
export function proposalsReportDeadline(orgKind: string, year: number, rule = PROPOSALS_REPORT_RULE): { submitBy: string; recipient: string } | null {
  const d = rule.due[orgKind as OrgKind];
  return d ? { submitBy: `${year}-${d.submitBy}`, recipient: d.recipient } : null;
}

/** The recipients an org of this kind must report to; none for an org with no duty. */
export function reportingLines(orgKind: string, rule = reportingRule()): ReportingLine[] {
  return rule.submitBefore[orgKind as OrgKind] ? rule.lines[orgKind as OrgKind] ?? [] : [];
}

/**
 * The line that one submission to the parent org (the platform's original single 报送) evidences:
 * a department's or a 乡镇's parent is the 区政府, so it is 本级政府 or 上一级政府. Used to read
 * reports submitted before the lines were recorded one by one.
 */
export const PARENT_LINE: Partial<Record<OrgKind, string>> = { department: 'local_government', township: 'superior_government', government: 'superior_government' };

export interface Delivery {
  line: string;
  sentOn: string;
}

export type LineStatus = 'sent' | 'late' | 'pending' | 'overdue';
export const LINE_STATUS_LABELS: Record<LineStatus, string> = { sent: '已报送', late: '逾期报送', pending: '待报送', overdue: '逾期未报送' };

/**
 * One dated duty: done in time, done late, still open, or open past its last day; null where
 * there is no duty (no last day), which is never late whatever was or was not done.
 */
export function dutyStatus(due: string | null, doneOn: string | null, today: string): LineStatus | null {
  if (!due) return null;
  return doneOn ? (doneOn > due ? 'late' : 'sent') : today > due ? 'overdue' : 'pending';
}

/**
 * Each required line of a report for `year`: sent in time, sent late, still open, or open past
 * the deadline. An org with no duty has no lines, so nothing of it is ever late.
 */
export function lineStatus(orgKind: string, year: number, deliveries: Delivery[], today: string, rule = reportingRule()) {
  const due = reportDeadline(orgKind, year, rule);
  return reportingLines(orgKind, rule).map((l) => {
    const d = deliveries.find((x) => x.line === l.key);
    const status = dutyStatus(due, d?.sentOn ?? null, today)!;
    return { ...l, due: due!, sentOn: d?.sentOn ?? null, status, statusLabel: LINE_STATUS_LABELS[status] };
  });
}
