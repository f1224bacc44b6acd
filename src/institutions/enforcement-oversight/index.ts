import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';
import { serviceFields, servedNotAfterStep } from '../../kernel/cases/service.ts';

/**
 * 行政执法监督 under the 行政执法监督条例 (国务院令第825号, in force 2026-02-01). The 司法行政部门
 * is the government's 行政执法监督机构 (art. 6) and supervises the enforcement of the
 * government's departments (art. 2). A case is one matter, opened by a 投诉举报 or by the 监督机构's
 * own 监督检查, and kept in the supervised unit's org, like a 督办: 受理 → 核查 → 监督意见书 or
 * 决定书 with a 整改期限 → the unit's 整改报告 → 复查. The articles on these steps were not in the
 * mirrors (docs/domain.md), so no statutory period is encoded: the 整改期限 is the one the 监督机构
 * writes into each 意见书, counted from its service.
 */
export const SOURCES = { complaint: '投诉举报', routine: '日常监督检查', special: '专项监督', file_review: '案卷评查', referral: '有关机关移送、交办', other: '其他' };
export const DOCUMENTS = { opinion: '行政执法监督意见书', decision: '行政执法监督决定书' };
export const outcomes = { no_issue: '未发现问题', rectified: '整改到位', not_accepted: '不予受理' };

const TYPE = 'enforcement_oversight';

/** The 监督机构 and the unit it supervises are different bodies (arts. 2, 6): whoever opened the matter does not report its 整改. */
const notTheIssuer = (ctx: { actorId: number | null; events: { by?: number | null }[] }) =>
  ctx.actorId !== null && ctx.actorId === ctx.events[0]?.by ? '整改情况应由被监督单位报告，监督机构不能代为报告（行政执法监督条例第二条、第六条）' : undefined;

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
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到投诉举报或启动监督日期'),
    source: f.choice('来源', SOURCES),
    matter: f.text('监督事项', 300),
    enforcementCase: f.optionalText('涉及的执法案件、检查或文书编号', 60),
    parties: z.array(partySchema).optional().meta({ title: '投诉举报人' }),
  }),
  title: (x) => `${x.matter}`.slice(0, 80),
  actions: [
    { key: 'accept', label: '受理并核查', basis: '行政执法监督条例第六条：监督机构负责实施行政执法监督工作', from: ['received'], to: 'checking' },
    {
      key: 'reject',
      label: '不予受理',
      from: ['received'],
      to: 'not_accepted',
      outcome: 'not_accepted',
      fields: z.object({ reason: f.longText('不予受理的理由（应告知投诉举报人的，写明告知情况及其他救济途径）') }),
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
      label: '制发监督意见书或决定书，责令限期整改',
      basis: '行政执法监督条例：监督意见书、监督决定书；整改期限由监督机构在文书中逐案确定（条款未核对，见docs/domain.md）',
      from: ['checking'],
      to: 'rectifying',
      fields: z.object({
        document: f.choice('文书', DOCUMENTS),
        problems: f.longText('发现的问题和整改要求'),
        days: f.days('整改期限（自送达之日起，日）', 365),
      }).extend(serviceFields.shape),
      check: servedNotAfterStep,
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
      from: ['reported'],
      to: 'rectifying',
      fields: z.object({ review: f.longText('复查意见'), days: f.days('新的整改期限（自送达之日起，日）', 365) }).extend(serviceFields.shape),
      check: servedNotAfterStep,
    },
  ],
  clocks: [
    {
      key: 'rectification',
      label: '整改期限',
      basis: '监督意见书、决定书限定的整改期限（监督机构逐案确定，自送达之日起算）',
      length: () => 0,
      lengthLabel: '按监督文书',
      lengthFrom: 'days',
      unit: 'day',
      statute: null,
      startOn: ['issue', 'reject_rectification'],
      stopOn: ['report_rectification'],
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
    { key: 'decisions', label: '监督决定书', unit: '份', description: '期间内制发监督决定书的事项', count: { events: ['issue'], dataEquals: { document: 'decision' } } },
    { key: 'ordered', label: '责令整改', unit: '件', description: '期间内制发监督文书、责令整改的事项', count: { events: ['issue'] } },
    { key: 'rectified', label: '整改到位', unit: '件', description: '期间内复查认定整改到位的事项', count: { events: ['accept_rectification'] } },
    { key: 'rectification_rate', label: '整改率', unit: '%', description: '整改到位 ÷ 责令整改', rate: { numerator: 'rectified', denominator: 'ordered' } },
    { key: 'reported', label: '报告整改', unit: '件', description: '期间内被监督单位报告整改情况的事项（重新限期的以最近一次计）', count: { clocks: ['rectification'], stoppedBy: ['report_rectification'] } },
    { key: 'reported_on_time', label: '按期整改', unit: '件', description: '在监督文书限定期限内报告整改的事项', count: { clocks: ['rectification'], stoppedBy: ['report_rectification'], onTime: true } },
    { key: 'on_time_rate', label: '按期整改率', unit: '%', description: '按期整改 ÷ 报告整改', rate: { numerator: 'reported_on_time', denominator: 'reported' } },
  ],
});
