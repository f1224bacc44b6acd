import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';
import { postedNotAfterStep } from '../../kernel/cases/service.ts';
import { computeDue } from '../../kernel/calendar/calendar.ts';

/**
 * 依申请公开政府信息 under the 政府信息公开条例 (2019 revision). Every clock in the regulation
 * is in working days (arts. 30, 32, 33).
 */

export const outcomes = {
  disclosed: '予以公开',
  partial: '部分公开',
  refused: '不予公开',
  unavailable: '无法提供',
  not_handled: '不予处理',
  other: '其他处理',
  withdrawn: '申请人撤回',
  abandoned: '补正逾期视为放弃',
};

const answerOutcomes = {
  disclosed: outcomes.disclosed,
  partial: outcomes.partial,
  refused: outcomes.refused,
  unavailable: outcomes.unavailable,
  not_handled: outcomes.not_handled,
  other: outcomes.other,
};

/**
 * The specific ground of each answer that gives no information, as the 政府信息公开工作年度报告
 * table counts them (国办公开办函〔2021〕30号, section 三): 8 for 不予公开, 3 for 无法提供, 5 for
 * 不予处理. Art. 36 makes the answer state its reason; the ground is what the 年报 adds up.
 */
export const ANSWER_GROUNDS = {
  refused: {
    secret: '属于国家秘密',
    prohibited: '其他法律行政法规禁止公开',
    security: '危及“三安全一稳定”',
    third_party: '保护第三方合法权益',
    internal: '属于三类内部事务信息',
    process: '属于四类过程性信息',
    enforcement_file: '属于行政执法案卷',
    inquiry: '属于行政查询事项',
  },
  unavailable: {
    not_held: '本机关不掌握相关政府信息',
    needs_making: '没有现成信息需要另行制作',
    unclear: '补正后申请内容仍不明确',
  },
  not_handled: {
    petition: '信访举报投诉类申请',
    repeated: '重复申请',
    publication: '要求提供公开出版物',
    mass: '无正当理由大量反复申请',
    confirmation: '要求行政机关确认或重新出具已获取信息',
  },
} as const;
// One list for the form, each option named with its answer type (the form shows it whatever the type).
const ALL_GROUNDS: Record<string, string> = Object.fromEntries(
  Object.entries(ANSWER_GROUNDS).flatMap(([outcome, grounds]) => Object.entries(grounds).map(([key, label]) => [key, `${outcomes[outcome as keyof typeof outcomes]}：${label}`])),
);

/** The applicant columns of the 年报 table (国办公开办函〔2021〕30号, section 三): 自然人, then 法人或其他组织 in five kinds. */
export const APPLICANT_TYPES = {
  person: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

const ANSWER_STOPS = ['answer', 'withdraw', 'abandon', 'defer'];

/**
 * Art. 31: the receipt day by channel. In person it is the day of submission, by signed-for post
 * the day of signing, and an ordinary letter must be confirmed with the applicant the day it
 * arrives; only online and fax requests date from the day both sides confirm, which may be later
 * than arrival.
 */
const CHANNELS = { in_person: '当面', letter: '邮寄（签收）', ordinary_letter: '平常信函', online: '网络', fax: '传真' };
const CONFIRMED_LATER = ['online', 'fax'];
function receiptDay(x: Record<string, any>, ctx: z.RefinementCtx) {
  if (!x.arrivedOn) return;
  if (x.receivedOn < x.arrivedOn) ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: '收到申请日期不能早于申请到达日期' });
  else if (x.receivedOn !== x.arrivedOn && !CONFIRMED_LATER.includes(x.channel))
    ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: `${CHANNELS[x.channel as keyof typeof CHANNELS]}提交的，以到达（提交、签收或当日确认）之日为收到申请之日；只有网络、传真以双方确认之日为准（政府信息公开条例第三十一条）` });
}

/** 信息处理费 (art. 42; 国办函〔2020〕109号): the applicant pays within 20 工作日 of receiving the notice, or is deemed to abandon. */
const FEE_DAYS = 20;

export const disclosure = defineCaseType({
  key: 'disclosure',
  name: '依申请公开',
  basis: '《中华人民共和国政府信息公开条例》（2019年修订）',
  statute: 'disclosure',
  number: ({ org, year, seq }) => `${org}依申请公开〔${year}〕${seq}号`,
  states: {
    received: { label: '办理中' },
    correction_requested: { label: '补正中' },
    consulting: { label: '征求意见' },
    fee_pending: { label: '待缴纳信息处理费' },
    answered: { label: '已答复', final: true },
    withdrawn: { label: '已撤回', final: true },
    abandoned: { label: '视为放弃', final: true },
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到申请日期（条例第三十一条：当面为提交日，邮寄为签收日，平常信函为当日确认日，网络、传真为双方确认日）'),
    channel: f.choice('申请方式', CHANNELS),
    arrivedOn: f.date('申请到达日期（网络、传真提交后双方确认的，填写到达日）').optional(),
    applicantType: f.choice('申请人类型', APPLICANT_TYPES),
    content: f.longText('申请公开的政府信息'),
    parties: z.array(partySchema).min(1, { message: '至少填写一名申请人' }).meta({ title: '当事人' }),
  }).superRefine(receiptDay),
  title: (x) => `申请公开：${String(x.content).slice(0, 40)}`,
  actions: [
    {
      key: 'request_correction',
      label: '告知补正',
      basis: '政府信息公开条例第三十条：收到申请之日起七个工作日内一次性告知，并给予合理的补正期限',
      from: ['received'],
      to: 'correction_requested',
      fields: z.object({ items: f.longText('需补正的内容'), deadline: f.date('补正期限') }),
      check: ({ data, on, events }) => {
        if (events.some((e) => e.kind === 'request_correction')) return '补正应当一次性告知，不能再次要求补正（政府信息公开条例第三十条）';
        return data.deadline <= on ? '补正期限应晚于告知日期' : undefined;
      },
      verify: async ({ events, on, calendar }) => {
        const due = computeDue(calendar, events[0].on, { length: 7, unit: 'workday' }).due;
        return on > due ? `应当自收到申请之日起七个工作日内一次性告知补正，期限已于${due}届满（政府信息公开条例第三十条）` : undefined;
      },
    },
    {
      key: 'receive_correction',
      label: '收到补正后的申请',
      basis: '政府信息公开条例第三十条：答复期限自收到补正的申请之日起计算',
      from: ['correction_requested'],
      to: 'received',
      // 在途: a correction posted by the deadline is in time; the answer period still runs from receipt (art. 30).
      fields: z.object({ postedOn: f.date('交邮日期（邮寄的填写）').optional() }),
      check: postedNotAfterStep,
    },
    {
      key: 'abandon',
      label: '逾期未补正，视为放弃',
      basis: '政府信息公开条例第三十条：无正当理由逾期不补正的，视为放弃申请；国办函〔2020〕109号：逾期未缴纳信息处理费的，视为放弃申请',
      from: ['correction_requested', 'fee_pending'],
      to: 'abandoned',
      outcome: 'abandoned',
      check: ({ events, on, state }) => {
        if (state === 'fee_pending') return undefined;
        const deadline = events.findLast((e) => e.kind === 'request_correction')?.data.deadline;
        return deadline && on <= deadline ? `补正期限至${deadline}尚未届满，不能认定视为放弃` : undefined;
      },
      verify: async ({ events, on, state, calendar }) => {
        if (state !== 'fee_pending') return undefined;
        const notice = events.findLast((e) => e.kind === 'fee_notice')!;
        const due = computeDue(calendar, notice.data.servedOn ?? notice.on, { length: FEE_DAYS, unit: 'workday' }).due;
        return on <= due ? `缴纳信息处理费的期限至${due}尚未届满，不能认定视为放弃（政府信息公开条例第四十二条、国办函〔2020〕109号）` : undefined;
      },
    },
    {
      key: 'consult',
      label: '征求第三方或其他机关意见',
      basis: '政府信息公开条例第三十二条、第三十四条：第三方或共同制作的其他行政机关自收到征求意见书之日起十五个工作日内提出意见；第三十三条第三款：所需时间不计算在答复期限内',
      from: ['received'],
      to: 'consulting',
      fields: z.object({
        consultee: f.choice('征求对象', { third_party: '第三方（第三十二条）', organ: '共同制作信息的其他行政机关（第三十四条）' }).optional(),
        thirdParty: f.text('第三方或被征求意见机关', 100),
        matter: f.longText('征求意见事项'),
        servedOn: f.date('第三方收到征求意见书日期').optional(),
      }),
      check: ({ data, on }) => (data.servedOn && data.servedOn < on ? `第三方收到日期（${data.servedOn}）不能早于发出征求意见的日期（${on}）` : undefined),
    },
    {
      key: 'consult_reply',
      label: '意见反馈',
      basis: '政府信息公开条例第三十二条：第三方逾期未提出意见的，由行政机关依照本条例规定决定；第三十四条：被征求意见机关逾期未提出意见的视为同意公开',
      from: ['consulting'],
      to: 'received',
      fields: z.object({ opinion: f.choice('反馈意见', { agree: '同意公开', disagree: '不同意公开', no_reply: '第三方逾期未提出意见', deemed_consent: '被征求意见机关逾期未提出意见，视为同意公开' }) }),
      check: ({ events, data }) => {
        const organ = events.findLast((e) => e.kind === 'consult')?.data.consultee === 'organ';
        if (organ && data.opinion === 'no_reply') return '被征求意见机关逾期未提出意见的，视为同意公开（政府信息公开条例第三十四条）';
        if (!organ && data.opinion === 'deemed_consent') return '第三方逾期未提出意见的，由行政机关依照条例决定是否公开，不视为同意（政府信息公开条例第三十二条）';
        return undefined;
      },
    },
    {
      key: 'fee_notice',
      label: '发出信息处理费收费通知',
      basis: '政府信息公开条例第四十二条：申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费；国办函〔2020〕109号：申请人自收到收费通知次日起20个工作日内缴纳，逾期未缴纳视为放弃申请，收费期间不计入处理期限',
      from: ['received'],
      to: 'fee_pending',
      fields: z.object({
        method: f.choice('计收方式', { by_count: '按件计收', by_volume: '按量计收' }),
        amount: z.number().int().min(1).max(1000000).meta({ title: '收费金额（元）' }),
        servedOn: f.date('申请人收到收费通知日期').optional(),
      }),
      check: ({ data, on }) => (data.servedOn && data.servedOn < on ? `申请人收到日期（${data.servedOn}）不能早于发出通知的日期（${on}）` : undefined),
    },
    { key: 'fee_paid', label: '申请人缴纳信息处理费', from: ['fee_pending'], to: 'received' },
    {
      key: 'defer',
      label: '确定延迟答复期限',
      basis: '政府信息公开条例第三十五条：申请数量、频次明显超过合理范围，申请理由合理但无法在第三十三条规定的期限内答复的，可以确定延迟答复的合理期限并告知申请人',
      from: ['received'],
      fields: z.object({
        excess: f.longText('申请数量、频次明显超过合理范围的情况'),
        reason: f.longText('申请人说明的理由'),
        days: f.days('延迟答复的合理期限（工作日，自告知之日起）', 120),
      }),
      when: ({ events }) => !events.some((e) => e.kind === 'defer'),
    },
    {
      key: 'extend',
      label: '延长答复期限',
      basis: '政府信息公开条例第三十三条：经政府信息公开工作机构负责人同意并告知申请人，延长不超过二十个工作日',
      from: ['received'],
      fields: z.object({ days: f.days('延长工作日数', 20), reason: f.longText('延期理由'), approver: f.text('同意延期的负责人', 50) }),
    },
    {
      key: 'answer',
      label: '作出答复',
      basis: '政府信息公开条例第三十三条、第三十六条',
      from: ['received'],
      to: 'answered',
      outcome: { field: 'outcome' },
      fields: z.object({
        outcome: f.choice('答复类型', answerOutcomes),
        ground: f.choice('具体情形（不予公开、无法提供、不予处理时必选，年度报告按此统计）', ALL_GROUNDS).optional(),
        reason: f.optionalText('理由及法律依据'),
        method: f.choice('提供方式', { paper: '纸质', electronic: '电子', mail: '邮寄', on_site: '当场' }),
      }),
      check: ({ data }) => {
        if (['refused', 'partial', 'not_handled'].includes(data.outcome) && !data.reason) return '不予公开、部分公开或不予处理的，应当告知申请人理由（条例第三十六条）';
        const grounds: Record<string, string> | undefined = ANSWER_GROUNDS[data.outcome as keyof typeof ANSWER_GROUNDS];
        if (grounds && !(data.ground in grounds)) {
          return `${outcomes[data.outcome as keyof typeof outcomes]}的答复须选择具体情形（${Object.values(grounds).join('、')}），年度报告按此分项统计（条例第三十六条、第五十条，国办公开办函〔2021〕30号）`;
        }
        if (!grounds && data.ground) return '只有不予公开、无法提供、不予处理的答复才选择具体情形（国办公开办函〔2021〕30号）';
        return undefined;
      },
    },
    {
      key: 'withdraw',
      label: '申请人撤回申请',
      from: ['received', 'correction_requested', 'consulting', 'fee_pending'],
      to: 'withdrawn',
      outcome: 'withdrawn',
    },
  ],
  clocks: [
    {
      key: 'answer',
      label: '答复期限',
      basis: '政府信息公开条例第三十三条：收到申请之日起二十个工作日内答复，经批准可延长不超过二十个工作日',
      length: 20,
      unit: 'workday',
      startOn: ['receive', 'receive_correction'],
      stopOn: ANSWER_STOPS,
      pauseOn: ['request_correction', 'consult', 'fee_notice'],
      resumeOn: ['consult_reply', 'fee_paid'],
      // Art. 32: only the third party's 15 工作日 from its receipt may be excluded; then the agency decides.
      pauseLimit: { length: 15, unit: 'workday', events: ['consult'] },
      extendOn: ['extend'],
      maxExtension: 20,
    },
    {
      key: 'consultation',
      label: '征求意见期限',
      basis: '政府信息公开条例第三十二条、第三十四条：十五个工作日',
      length: 15,
      unit: 'workday',
      startOn: ['consult'],
      stopOn: ['consult_reply', 'withdraw'],
    },
    {
      key: 'fee',
      label: '缴纳信息处理费期限',
      basis: '国办函〔2020〕109号：自收到收费通知次日起20个工作日内缴纳',
      length: FEE_DAYS,
      unit: 'workday',
      startOn: ['fee_notice'],
      stopOn: ['fee_paid', 'abandon', 'withdraw'],
    },
    {
      key: 'deferred',
      label: '延迟答复期限',
      basis: '政府信息公开条例第三十五条：行政机关确定并告知申请人的合理期限',
      lengthFrom: 'days',
      length: 0,
      unit: 'workday',
      startOn: ['defer'],
      stopOn: ['answer', 'withdraw'],
    },

  ],
  outcomes,
  report: { area: 'oversight', sentences: ['全年共收到政府信息公开申请{{依申请公开.收到申请}}件，均依法作出答复，按期答复率{{依申请公开.按期答复率}}。'] },
  indicators: [
    { key: 'received', label: '收到申请', unit: '件', description: '期间内收到的政府信息公开申请数', count: { events: ['receive'] } },
    { key: 'answered', label: '答复', unit: '件', description: '期间内作出答复的申请数', count: { events: ['answer'] } },
    { key: 'disclosed', label: '予以公开', unit: '件', description: '答复类型为予以公开的申请数', count: { events: ['answer'], outcomes: ['disclosed'] } },
    { key: 'partial', label: '部分公开', unit: '件', description: '答复类型为部分公开的申请数', count: { events: ['answer'], outcomes: ['partial'] } },
    { key: 'refused', label: '不予公开', unit: '件', description: '答复类型为不予公开的申请数', count: { events: ['answer'], outcomes: ['refused'] } },
    { key: 'unavailable', label: '无法提供', unit: '件', description: '答复类型为无法提供的申请数', count: { events: ['answer'], outcomes: ['unavailable'] } },
    { key: 'not_handled', label: '不予处理', unit: '件', description: '答复类型为不予处理的申请数', count: { events: ['answer'], outcomes: ['not_handled'] } },
    // One figure per ground of the 年报 table (国办公开办函〔2021〕30号), so the table is read off the records.
    ...Object.entries(ANSWER_GROUNDS).flatMap(([outcome, grounds]) =>
      Object.entries(grounds).map(([ground, label]) => ({
        key: `${outcome}_${ground}`,
        label: `${outcomes[outcome as keyof typeof outcomes]}：${label}`,
        unit: '件',
        description: `答复类型为${outcomes[outcome as keyof typeof outcomes]}、具体情形为“${label}”的申请数`,
        count: { events: ['answer'], outcomes: [outcome], dataEquals: { ground } },
      })),
    ),
    // The 年报's （六）其他处理 and （七）总计 (国办公开办函〔2021〕30号): a withdrawn or abandoned request is handled, not answered.
    { key: 'other_handling', label: '其他处理', unit: '件', description: '答复类型为其他处理，或申请人撤回、视为放弃的申请数', count: { events: ['answer', 'withdraw', 'abandon'], outcomes: ['other', 'withdrawn', 'abandoned'] } },
    { key: 'concluded', label: '办结', unit: '件', description: '期间内答复、撤回或视为放弃而办结的申请数', count: { events: ['answer', 'withdraw', 'abandon'] } },
    { key: 'fee_notices', label: '收取信息处理费', unit: '件', description: '期间内发出信息处理费收费通知的申请数（条例第四十二条）', count: { events: ['fee_notice'] } },
    { key: 'fee_amount', label: '信息处理费金额', unit: '元', description: '期间内收费通知所列信息处理费之和', count: { events: ['fee_notice'], sum: 'amount' } },
    { key: 'answered_timed', label: '答复（计时）', unit: '件', description: '期间内作出答复、有答复期限的申请数', count: { clocks: ['answer'], stoppedBy: ['answer'] } },
    { key: 'on_time', label: '按期答复', unit: '件', description: '在答复期限（含延长）内答复的申请数', count: { clocks: ['answer'], stoppedBy: ['answer'], onTime: true } },
    { key: 'on_time_rate', label: '按期答复率', unit: '%', description: '按期答复数 ÷ 答复（计时）数', rate: { numerator: 'on_time', denominator: 'answered_timed' } },
    { key: 'extended', label: '延期答复', unit: '件', description: '期间内经批准延长答复期限的申请数', count: { events: ['extend'] } },
    { key: 'deferred', label: '延迟答复', unit: '件', description: '期间内依条例第三十五条确定延迟答复期限的申请数', count: { events: ['defer'] } },
    { key: 'consulted', label: '征求意见', unit: '件', description: '期间内征求第三方意见的申请数', count: { events: ['consult'] } },
  ],
});
