import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';
import { computeDue } from '../../kernel/calendar/calendar.ts';
import { postedOnField, postedNotAfterStep } from '../../kernel/cases/service.ts';

/**
 * 人民调解 under the 人民调解法 (2010). Mediations belong to a registered 人民调解委员会 or
 * 调解工作室 (an org of kind committee). The law sets no time limit; 司法部 practice is to conclude
 * within one month, so each case carries a limit, 30 日 unless set otherwise.
 */
export const DEFAULT_MEDIATION_DAYS = 30;

export const disputeCategories = {
  family: '婚姻家庭',
  neighbour: '邻里纠纷',
  damages: '损害赔偿',
  contract: '合同纠纷',
  labour: '劳动争议',
  land: '土地承包与山林',
  property: '物业纠纷',
  medical: '医疗纠纷',
  traffic: '交通事故',
  other: '其他',
};

/** 矛盾纠纷排查: one visit or screening, logged so that 排查次数 is counted from records. */
export const disputeScreening = defineCaseType({
  key: 'dispute_screening',
  name: '矛盾纠纷排查',
  // 排查 is 司法部 practice for 人民调解组织 (人民调解法 arts. 22, 25 speak of preventing disputes), not art. 8, which sets up committees.
  basis: '司法部关于矛盾纠纷排查调处工作的规定；《中华人民共和国人民调解法》第二十五条',
  number: ({ org, year, seq }) => `${org}排〔${year}〕${seq}号`,
  states: { recorded: { label: '已记录', final: true } },
  initial: 'recorded',
  intake: z.object({
    receivedOn: f.date('排查日期'),
    target: f.text('排查对象或区域', 100),
    disputesFound: titledInt('发现纠纷数'),
    note: f.optionalText('排查情况'),
  }),
  title: (x) => `排查：${x.target}`,
  actions: [],
  clocks: [],
  outcomes: {},
  report: { area: 'disputes', sentences: ['{本级}人民调解组织共开展矛盾纠纷排查{{矛盾纠纷排查.排查}}次。'] },
  indicators: [
    { key: 'screenings', label: '排查', unit: '次', description: '期间内记录的矛盾纠纷排查次数', count: { events: ['receive'] } },
    { key: 'disputes_found', label: '排查发现纠纷', unit: '起', description: '排查中发现的矛盾纠纷数之和', count: { events: ['receive'], sum: 'disputesFound' } },
  ],
});

function titledInt(title: string) {
  return z.number().int().min(0).max(100000).meta({ title });
}

export const mediation = defineCaseType({
  key: 'mediation',
  name: '人民调解',
  basis: '《中华人民共和国人民调解法》',
  number: ({ org, year, seq }) => `${org}调〔${year}〕${seq}号`,
  states: {
    applied: { label: '待受理' },
    mediating: { label: '调解中' },
    agreed: { label: '调解成功', final: true },
    failed: { label: '调解不成', final: true },
    declined: { label: '不予调解', final: true },
  },
  initial: 'applied',
  intake: z.object({
    receivedOn: f.date('申请或启动日期'),
    source: f.choice('纠纷来源', { application: '当事人申请', initiative: '主动调解', court: '法院委派委托', police: '公安移送', petition: '信访转来', other: '其他' }),
    category: f.choice('纠纷类型', disputeCategories),
    summary: f.longText('纠纷概要'),
    timeLimitDays: z.number().int().min(1).max(180).optional().meta({ title: '调解期限（日，默认30）' }),
    parties: z.array(partySchema).min(1, { message: '至少填写一名当事人' }).meta({ title: '当事人' }),
  }),
  title: (x) => `${disputeCategories[x.category as keyof typeof disputeCategories] ?? ''}：${String(x.summary).slice(0, 30)}`,
  actions: [
    {
      key: 'accept',
      label: '受理并指定调解员',
      basis: '人民调解法第十七条、第十九条',
      from: ['applied'],
      to: 'mediating',
      fields: z.object({ mediator: f.text('调解员', 50) }),
    },
    {
      key: 'decline',
      label: '不予调解',
      basis: '人民调解法第十七条：当事人一方明确拒绝调解的，不得调解',
      from: ['applied'],
      to: 'declined',
      outcome: 'declined',
      fields: z.object({ reason: f.longText('理由') }),
    },
    {
      key: 'session',
      label: '记录调解',
      basis: '人民调解法第二十七条：制作调解记录',
      from: ['mediating'],
      fields: z.object({ summary: f.longText('调解情况') }),
    },
    {
      key: 'agree',
      label: '达成调解协议',
      basis: '人民调解法第二十八条至第三十一条',
      from: ['mediating'],
      to: 'agreed',
      outcome: 'agreed',
      fields: z.object({ form: f.choice('协议形式', { written: '书面协议', oral: '口头协议' }), content: f.longText('协议内容'), amount: z.number().min(0).optional().meta({ title: '涉及金额（元）' }) }),
    },
    {
      key: 'prevent',
      label: '纠纷可能激化：采取预防措施、报告',
      basis: '人民调解法第二十五条：可能激化的应当采取有针对性的预防措施；可能引起治安案件、刑事案件的，应当及时向当地公安机关或者其他有关部门报告',
      from: ['applied', 'mediating'],
      fields: z.object({
        risk: f.choice('风险', { escalation: '纠纷可能激化', public_order: '可能引起治安案件', criminal: '可能引起刑事案件' }),
        measures: f.longText('采取的预防措施'),
        reportedTo: f.optionalText('报告的公安机关或其他有关部门', 100),
      }),
      check: ({ data }) =>
        data.risk !== 'escalation' && !data.reportedTo ? '可能引起治安案件、刑事案件的纠纷，应当及时向当地公安机关或者其他有关部门报告，请填写报告的机关（人民调解法第二十五条）' : undefined,
    },
    {
      key: 'supervise',
      label: '督促履行调解协议',
      basis: '人民调解法第三十一条第二款：人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务',
      from: ['agreed'],
      fields: z.object({ status: f.choice('履行情况', { performed: '已履行', partly: '部分履行', not_performed: '未履行' }), note: f.optionalText('督促情况') }),
    },
    {
      key: 'fail',
      label: '调解不成，终止调解',
      basis: '人民调解法第二十六条：告知当事人可依法通过仲裁、行政、司法等途径维护权利',
      from: ['mediating'],
      to: 'failed',
      outcome: 'failed',
      fields: z.object({ routes: f.text('告知的其他途径', 200) }),
    },
    {
      key: 'judicial_confirmation',
      label: '当事人申请司法确认',
      basis: '人民调解法第三十三条：自调解协议生效之日起三十日内共同向人民法院申请',
      from: ['agreed'],
      fields: z.object({ court: f.text('人民法院', 100), joint: f.flag('双方当事人共同申请').optional() }).extend(postedOnField.shape),
      check: (ctx) => postedNotAfterStep(ctx) ?? (ctx.data.joint === false ? '司法确认须由双方当事人共同申请（人民调解法第三十三条）' : undefined),
      // 30 日 from the agreement taking effect, ending on the next working day after a holiday, posted in time is in time (民事诉讼法第八十五条).
      verify: async ({ events, on, data, calendar }) => {
        const agreed = events.findLast((e) => e.kind === 'agree')?.on;
        if (!agreed) return undefined;
        const due = computeDue(calendar, agreed, { length: 30, unit: 'day', rollOverHoliday: true }).due;
        return (data.postedOn ?? on) > due ? `调解协议于${agreed}生效，申请司法确认须在三十日内（期限至${due}）（人民调解法第三十三条）` : undefined;
      },
    },
  ],
  clocks: [
    {
      key: 'mediation',
      label: '调解期限',
      basis: '人民调解法未规定期限；依司法部规定一般在一个月内调结，可按案件约定',
      length: (x) => x.timeLimitDays ?? DEFAULT_MEDIATION_DAYS,
      lengthLabel: `默认${DEFAULT_MEDIATION_DAYS}日，可按案件约定`,
      unit: 'day',
      startOn: ['accept'],
      stopOn: ['agree', 'fail'],
    },
  ],
  outcomes: { agreed: '调解成功', failed: '调解不成', declined: '不予调解' },
  report: { area: 'disputes', sentences: ['受理人民调解案件{{人民调解.受理}}起，成功调解{{人民调解.成功}}起，调解成功率达{{人民调解.成功率}}。'] },
  indicators: [
    { key: 'accepted', label: '受理', unit: '起', description: '期间内受理的人民调解案件数', count: { events: ['accept'] } },
    { key: 'succeeded', label: '成功', unit: '起', description: '期间内达成调解协议的案件数', count: { events: ['agree'] } },
    { key: 'failed', label: '调解不成', unit: '起', description: '期间内调解不成终止的案件数', count: { events: ['fail'] } },
    { key: 'success_rate', label: '成功率', unit: '%', description: '调解成功数 ÷ 受理数（报告惯用口径，如 271 ÷ 297 = 91.2%）', rate: { numerator: 'succeeded', denominator: 'accepted' } },
    { key: 'amount', label: '涉及金额', unit: '元', description: '期间内达成协议涉及金额之和', count: { events: ['agree'], sum: 'amount' } },
    { key: 'performed', label: '协议已履行', unit: '件', description: '期间内督促履行、记录为已履行的调解协议数', count: { events: ['supervise'], dataEquals: { status: 'performed' } } },
    { key: 'confirmed', label: '司法确认', unit: '件', description: '期间内申请司法确认的调解协议数', count: { events: ['judicial_confirmation'] } },
  ],
});
