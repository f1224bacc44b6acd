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

const ANSWER_STOPS = ['answer', 'withdraw', 'abandon'];

export const disclosure = defineCaseType({
  key: 'disclosure',
  name: '依申请公开',
  basis: '《中华人民共和国政府信息公开条例》（2019年修订）',
  statute: 'disclosure',
  number: ({ org, year, seq }) => `${org}依申请公开〔${year}〕${seq}号`,
  states: {
    received: { label: '办理中' },
    correction_requested: { label: '补正中' },
    consulting: { label: '征求第三方意见' },
    answered: { label: '已答复', final: true },
    withdrawn: { label: '已撤回', final: true },
    abandoned: { label: '视为放弃', final: true },
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到申请日期'),
    channel: f.choice('申请方式', { in_person: '当面', letter: '信函', online: '网络', fax: '传真' }),
    applicantType: f.choice('申请人类型', {
      person: '自然人',
      business: '商业企业',
      research: '科研机构',
      nonprofit: '社会公益组织',
      legal_service: '法律服务机构',
      other: '其他',
    }),
    content: f.longText('申请公开的政府信息'),
    parties: z.array(partySchema).min(1, { message: '至少填写一名申请人' }).meta({ title: '当事人' }),
  }),
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
      basis: '政府信息公开条例第三十条：无正当理由逾期不补正的，视为放弃申请',
      from: ['correction_requested'],
      to: 'abandoned',
      outcome: 'abandoned',
      check: ({ events, on }) => {
        const deadline = events.findLast((e) => e.kind === 'request_correction')?.data.deadline;
        return deadline && on <= deadline ? `补正期限至${deadline}尚未届满，不能认定视为放弃` : undefined;
      },
    },
    {
      key: 'consult',
      label: '征求第三方意见',
      basis: '政府信息公开条例第三十二条：第三方自收到征求意见书之日起十五个工作日内提出意见；所需时间不计算在答复期限内',
      from: ['received'],
      to: 'consulting',
      fields: z.object({
        thirdParty: f.text('第三方', 100),
        matter: f.longText('征求意见事项'),
        servedOn: f.date('第三方收到征求意见书日期').optional(),
      }),
      check: ({ data, on }) => (data.servedOn && data.servedOn < on ? `第三方收到日期（${data.servedOn}）不能早于发出征求意见的日期（${on}）` : undefined),
    },
    {
      key: 'consult_reply',
      label: '第三方意见反馈',
      basis: '政府信息公开条例第三十二条：第三方逾期未提出意见的，由行政机关依照本条例规定决定',
      from: ['consulting'],
      to: 'received',
      fields: z.object({ opinion: f.choice('第三方意见', { agree: '同意公开', disagree: '不同意公开', no_reply: '逾期未提出意见' }) }),
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
        reason: f.optionalText('理由及法律依据'),
        method: f.choice('提供方式', { paper: '纸质', electronic: '电子', mail: '邮寄', on_site: '当场' }),
      }),
      check: ({ data }) =>
        ['refused', 'partial', 'not_handled'].includes(data.outcome) && !data.reason
          ? '不予公开、部分公开或不予处理的，应当告知申请人理由（条例第三十六条）'
          : undefined,
    },
    {
      key: 'withdraw',
      label: '申请人撤回申请',
      from: ['received', 'correction_requested', 'consulting'],
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
      pauseOn: ['request_correction', 'consult'],
      resumeOn: ['consult_reply'],
      // Art. 32: only the third party's 15 工作日 from its receipt may be excluded; then the agency decides.
      pauseLimit: { length: 15, unit: 'workday', events: ['consult'] },
      extendOn: ['extend'],
      maxExtension: 20,
    },
    {
      key: 'consultation',
      label: '第三方意见期限',
      basis: '政府信息公开条例第三十二条：十五个工作日',
      length: 15,
      unit: 'workday',
      startOn: ['consult'],
      stopOn: ['consult_reply', 'withdraw'],
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
    { key: 'answered_timed', label: '答复（计时）', unit: '件', description: '期间内作出答复、有答复期限的申请数', count: { clocks: ['answer'], stoppedBy: ['answer'] } },
    { key: 'on_time', label: '按期答复', unit: '件', description: '在答复期限（含延长）内答复的申请数', count: { clocks: ['answer'], stoppedBy: ['answer'], onTime: true } },
    { key: 'on_time_rate', label: '按期答复率', unit: '%', description: '按期答复数 ÷ 答复（计时）数', rate: { numerator: 'on_time', denominator: 'answered_timed' } },
    { key: 'extended', label: '延期答复', unit: '件', description: '期间内经批准延长答复期限的申请数', count: { events: ['extend'] } },
    { key: 'consulted', label: '征求第三方意见', unit: '件', description: '期间内征求第三方意见的申请数', count: { events: ['consult'] } },
  ],
});
