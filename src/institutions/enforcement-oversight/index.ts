import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';
import { serviceFields, servedNotAfterStep } from '../../kernel/cases/service.ts';

/**
 * 行政执法监督 under the 行政执法监督条例 (国务院令第825号, in force 2026-02-01). The 司法行政部门
 * is the government's 行政执法监督机构 (art. 6) and supervises the enforcement of the
 * government's departments (art. 2). A case is one matter, opened by a 投诉举报 or by the 监督机构's
 * own 监督检查, and kept in the supervised unit's org, like a 督办: 受理 → 核查 → 监督意见书 or
 * 决定书 with a 整改期限 → the unit's 整改报告 → 复查. Chapters 3–4 (arts. 14–34) set no period
 * in 日 or 工作日: the unit reports "在规定时限内" (arts. 27 ¶2, 28 ¶2), i.e. within the time the
 * 督办函 or 意见书 sets, counted here from its service; the 决定书 is the 本级人民政府's (art. 29);
 * an 异议 is answered "及时" (art. 30, no figure); a dispute already in 复议 or 诉讼 is not
 * supervised again (art. 33 ¶3). Text read: docs/domain.md.
 */
export const SOURCES = { complaint: '投诉举报', routine: '日常监督检查', key: '重点监督（挂牌督办、提级监督）', special: '专项监督（省级以上部署）', file_review: '案卷评查', referral: '有关机关移送、交办', other: '其他' };
/** Art. 26: 督办函 (not performing a duty, art. 27), 意见书 (unlawful or clearly improper, art. 28), 决定书 (the government's, art. 29). */
export const DOCUMENTS = { supervise: '行政执法监督督办函', opinion: '行政执法监督意见书', decision: '行政执法监督决定书' };
/** Art. 33 ¶3: where the dispute stands with 行政复议 and 行政诉讼. */
const REVIEW_STATUS = { none: '不涉及', eligible: '符合行政复议或行政诉讼受理条件，尚未申请', pending: '已进入行政复议或行政诉讼程序' };
export const outcomes = { no_issue: '未发现问题', corrected: '当场纠正', rectified: '整改到位', withdrawn: '异议成立，撤销处理', not_accepted: '不予受理' };

const TYPE = 'enforcement_oversight';

/** The 监督机构 and the unit it supervises are different bodies (arts. 2, 6): whoever opened the matter does not report its 整改. */
const notTheIssuer = (ctx: { actorId: number | null; events: { by?: number | null }[] }) =>
  ctx.actorId !== null && ctx.actorId === ctx.events[0]?.by ? '整改情况应由被监督单位报告，监督机构不能代为报告（行政执法监督条例第二条、第六条）' : undefined;

/** Art. 30: the 异议 is the supervised 执法机关's, raised with its reasons to the 监督机构. */
const objectionByUnit = (ctx: { actorId: number | null; events: { by?: number | null }[] }) =>
  ctx.actorId !== null && ctx.actorId === ctx.events[0]?.by ? '异议应由被监督的行政执法机关提出，监督机构不能代为提出（行政执法监督条例第三十条）' : undefined;

/**
 * Art. 33 ¶3: a dispute already before 复议 or a court is not supervised again; one that could go
 * there is supervised or not, but the complainant is first pointed to those remedies.
 */
export const reviewRouting = (accepting: boolean) => (ctx: { fields: Record<string, any>; data: Record<string, any> }) => {
  if (accepting && ctx.fields.reviewStatus === 'pending') return '该行政争议已进入行政复议或行政诉讼程序，行政执法监督机构不重复监督，应当不予受理（行政执法监督条例第三十三条第三款）';
  if (ctx.fields.reviewStatus === 'eligible' && !ctx.data.guidance?.trim()) return '该行政争议符合行政复议、行政诉讼受理条件，应当引导当事人依法申请行政复议、提起行政诉讼，请填写引导情况（行政执法监督条例第三十三条第三款）';
  return undefined;
};

/**
 * Art. 29: a 决定书 is the 本级人民政府's decision, on the 监督机构's proposal, for a 重大问题 or after
 * a 督办函 or 意见书 was not complied with. First issue: only for a 重大问题; after a failed 复查
 * the non-compliance is itself the ground. Either way the government's decision date is recorded.
 */
export const decisionByGovernment = (firstIssue: boolean) => (ctx: { data: Record<string, any>; on: string }) => {
  const d = ctx.data;
  if (d.document !== 'decision') return d.governmentDecidedOn ? '只有行政执法监督决定书需要填写本级人民政府决定日期' : undefined;
  if (firstIssue && !d.major) return '行政执法监督决定书仅适用于涉及重大问题，或者行政执法机关未按督办函、意见书要求履职、纠正的情形；初次处理一般问题应制发督办函或意见书（行政执法监督条例第二十六条、第二十九条）';
  if (!d.governmentDecidedOn) return '行政执法监督决定书由监督机构提出处理建议、报本级人民政府决定后制发，请填写本级人民政府决定日期（行政执法监督条例第二十九条）';
  if (d.governmentDecidedOn > ctx.on) return `本级人民政府决定日期（${d.governmentDecidedOn}）不能晚于登记日期（${ctx.on}）`;
  return undefined;
};

const all = (...checks: ((ctx: any) => string | undefined)[]) => (ctx: any) => {
  for (const c of checks) {
    const r = c(ctx);
    if (r) return r;
  }
  return undefined;
};

export const enforcementOversight = defineCaseType({
  key: TYPE,
  name: '行政执法监督',
  basis: '《行政执法监督条例》（国务院令第825号，2026年2月1日起施行）',
  number: ({ government, year, seq }) => `${government}执监〔${year}〕${seq}号`,
  numberedBy: 'government',
  states: {
    received: { label: '待受理' },
    checking: { label: '核查中' },
    rectifying: { label: '限期整改中' },
    reported: { label: '已报告整改，待复查' },
    closed: { label: '已办结', final: true },
    not_accepted: { label: '不予受理', final: true },
    objected: { label: '异议处理中' },
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到投诉举报或启动监督日期'),
    source: f.choice('来源', SOURCES),
    matter: f.text('监督事项', 300),
    enforcementCase: f.optionalText('涉及的执法案件、检查或文书编号', 60),
    reviewStatus: f.choice('行政复议、行政诉讼情况', REVIEW_STATUS).optional(),
    parties: z.array(partySchema).optional().meta({ title: '投诉举报人' }),
  }),
  title: (x) => `${x.matter}`.slice(0, 80),
  actions: [
    {
      key: 'accept',
      label: '受理并核查',
      basis: '行政执法监督条例第六条、第二十二条；第三十三条第三款：已进入行政复议、行政诉讼程序的不重复监督',
      from: ['received'],
      to: 'checking',
      fields: z.object({ guidance: f.optionalText('引导当事人申请行政复议、提起行政诉讼的情况', 500) }),
      check: reviewRouting(true),
    },
    {
      key: 'reject',
      label: '不予受理',
      from: ['received'],
      to: 'not_accepted',
      outcome: 'not_accepted',
      fields: z.object({
        reason: f.longText('不予受理的理由（应告知投诉举报人的，写明告知情况及其他救济途径）'),
        guidance: f.optionalText('引导当事人申请行政复议、提起行政诉讼的情况', 500),
      }),
      check: reviewRouting(false),
    },
    {
      key: 'corrected_on_spot',
      label: '当场督促纠正，办结',
      basis: '行政执法监督条例第二十六条第二款：能够当场纠正的，督促立即纠正',
      from: ['checking'],
      to: 'closed',
      outcome: 'corrected',
      fields: z.object({ correction: f.longText('发现的问题及当场纠正情况') }),
    },
    {
      key: 'no_issue',
      label: '核查未发现问题，办结',
      from: ['checking'],
      to: 'closed',
      outcome: 'no_issue',
      fields: z.object({ conclusion: f.longText('核查结论（投诉举报的，写明答复情况）') }),
    },
    {
      key: 'issue',
      label: '制发督办函、监督意见书或决定书，限期纠正',
      basis: '行政执法监督条例第二十六条至第二十九条：督办函、意见书由监督机构制发，决定书报本级人民政府决定；纠正情况在文书规定的时限内报送（条例未规定天数）',
      from: ['checking'],
      to: 'rectifying',
      fields: z.object({
        document: f.choice('文书', DOCUMENTS),
        problems: f.longText('发现的问题和纠正要求'),
        days: f.days('报送纠正情况的时限（自送达之日起，日）', 365),
        major: f.flag('涉及重大问题（第二十九条）').optional(),
        governmentDecidedOn: f.date('本级人民政府决定纠正的日期（决定书填写）').optional(),
      }).extend(serviceFields.shape),
      check: all(servedNotAfterStep, decisionByGovernment(true)),
    },
    {
      key: 'report_rectification',
      label: '报告整改情况',
      from: ['rectifying'],
      to: 'reported',
      fields: z.object({ summary: f.longText('整改情况') }),
      check: notTheIssuer,
    },
    {
      key: 'object',
      label: '对处理结果提出异议',
      basis: '行政执法监督条例第三十条：行政执法机关对处理结果有异议的，可以提出并说明理由',
      from: ['rectifying'],
      to: 'objected',
      fields: z.object({ reasons: f.longText('异议及理由') }),
      check: objectionByUnit,
    },
    {
      key: 'uphold',
      label: '处理异议：维持原处理，继续纠正',
      basis: '行政执法监督条例第三十条：监督机构应当及时处理（未规定天数）',
      from: ['objected'],
      to: 'rectifying',
      fields: z.object({ reply: f.longText('异议处理意见') }),
    },
    {
      key: 'withdraw',
      label: '处理异议：异议成立，撤销原处理，办结',
      basis: '行政执法监督条例第三十条',
      from: ['objected'],
      to: 'closed',
      outcome: 'withdrawn',
      fields: z.object({ reply: f.longText('异议处理意见') }),
    },
    {
      key: 'accept_rectification',
      label: '复查：整改到位，办结',
      from: ['reported'],
      to: 'closed',
      outcome: 'rectified',
      fields: z.object({ review: f.longText('复查意见') }),
    },
    {
      key: 'reject_rectification',
      label: '复查：整改不到位，重新限期整改',
      basis: '行政执法监督条例第二十九条：未按督办函、意见书要求履职、纠正的，报本级人民政府决定，制发决定书',
      from: ['reported'],
      to: 'rectifying',
      fields: z.object({
        review: f.longText('复查意见'),
        days: f.days('新的报送时限（自送达之日起，日）', 365),
        document: f.choice('重新制发的文书（未按要求纠正的，可报请本级人民政府制发决定书）', DOCUMENTS).optional(),
        governmentDecidedOn: f.date('本级人民政府决定纠正的日期（决定书填写）').optional(),
      }).extend(serviceFields.shape),
      check: all(servedNotAfterStep, decisionByGovernment(false)),
    },
  ],
  clocks: [
    {
      key: 'rectification',
      label: '整改期限',
      basis: '行政执法监督条例第二十七条第二款、第二十八条第二款：在规定时限内报送纠正情况（时限由督办函、意见书、决定书逐案确定，自送达之日起算）',
      length: () => 0,
      lengthLabel: '按监督文书',
      lengthFrom: 'days',
      unit: 'day',
      statute: null,
      startOn: ['issue', 'reject_rectification'],
      // A withdrawn 处理 (art. 30) leaves nothing to report.
      stopOn: ['report_rectification', 'withdraw'],
    },
  ],
  outcomes,
  report: {
    area: 'oversight',
    sentences: ['办理行政执法监督事项{{行政执法监督.监督事项}}件，其中投诉举报{{行政执法监督.投诉举报}}件；制发监督意见书{{行政执法监督.监督意见书}}份、监督决定书{{行政执法监督.监督决定书}}份，整改到位{{行政执法监督.整改到位}}件。'],
  },
  indicators: [
    { key: 'opened', label: '监督事项', unit: '件', description: '期间内收到的投诉举报和启动的监督事项', count: { events: ['receive'] } },
    { key: 'complaints', label: '投诉举报', unit: '件', description: '期间内收到的行政执法投诉举报', count: { events: ['receive'], caseEquals: { source: 'complaint' } } },
    { key: 'accepted', label: '受理', unit: '件', description: '期间内受理核查的事项', count: { events: ['accept'] } },
    { key: 'opinions', label: '监督意见书', unit: '份', description: '期间内制发监督意见书的事项', count: { events: ['issue'], dataEquals: { document: 'opinion' } } },
    { key: 'supervise_letters', label: '督办函', unit: '份', description: '期间内制发行政执法监督督办函的事项', count: { events: ['issue'], dataEquals: { document: 'supervise' } } },
    { key: 'decisions', label: '监督决定书', unit: '份', description: '期间内制发监督决定书（含复查不到位后报请政府制发的）', count: { events: ['issue', 'reject_rectification'], dataEquals: { document: 'decision' } } },
    { key: 'corrected', label: '当场纠正', unit: '件', description: '期间内督促当场纠正、办结的事项', count: { events: ['corrected_on_spot'] } },
    { key: 'objections', label: '异议', unit: '件', description: '期间内行政执法机关对处理结果提出异议的事项', count: { events: ['object'] } },
    { key: 'ordered', label: '责令整改', unit: '件', description: '期间内制发监督文书、责令整改的事项', count: { events: ['issue'] } },
    { key: 'rectified', label: '整改到位', unit: '件', description: '期间内复查认定整改到位的事项', count: { events: ['accept_rectification'] } },
    { key: 'rectification_rate', label: '整改率', unit: '%', description: '整改到位 ÷ 责令整改', rate: { numerator: 'rectified', denominator: 'ordered' } },
    { key: 'reported', label: '报告整改', unit: '件', description: '期间内被监督单位报告整改情况的事项（重新限期的以最近一次计）', count: { clocks: ['rectification'], stoppedBy: ['report_rectification'] } },
    { key: 'reported_on_time', label: '按期整改', unit: '件', description: '在监督文书限定期限内报告整改的事项', count: { clocks: ['rectification'], stoppedBy: ['report_rectification'], onTime: true } },
    { key: 'on_time_rate', label: '按期整改率', unit: '%', description: '按期整改 ÷ 报告整改', rate: { numerator: 'reported_on_time', denominator: 'reported' } },
  ],
});
