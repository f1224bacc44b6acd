import { z } from 'zod';
import { defineCaseType, f, partySchema, type EventView } from '../../kernel/cases/define.ts';
import { serviceFields, postedOnField, servedNotAfterStep, postedNotAfterStep } from '../../kernel/cases/service.ts';

/**
 * 行政复议 under the 行政复议法 (2023 revision, in force 2024-01-01).
 * 3/5/7/10日 in the law are working days (art. 88 ¶2); the 60/30日 periods are natural days
 * ending on the next working day when they fall on a holiday (art. 88 ¶1, 民事诉讼法 art. 85).
 */

export const outcomes = {
  upheld: '维持',
  dismissed: '驳回复议请求',
  revoked: '撤销',
  altered: '变更',
  confirmed_illegal: '确认违法',
  confirmed_void: '确认无效',
  ordered_performance: '责令履行',
  mediated: '调解结案',
  withdrawn: '撤回申请终止（含和解）',
  terminated_other: '其他原因终止',
  not_accepted: '不予受理',
  abandoned: '补正逾期视为放弃',
  application_dismissed: '驳回行政复议申请',
};

/** Decisions that correct the reviewed act: the numerator of 纠错率 (project convention; no statutory formula). */
export const correctingOutcomes = ['revoked', 'altered', 'confirmed_illegal', 'confirmed_void', 'ordered_performance'];

const decisionOutcomes = {
  upheld: outcomes.upheld,
  dismissed: outcomes.dismissed,
  revoked: outcomes.revoked,
  altered: outcomes.altered,
  confirmed_illegal: outcomes.confirmed_illegal,
  confirmed_void: outcomes.confirmed_void,
  ordered_performance: outcomes.ordered_performance,
};

const terminationGrounds = {
  withdrawn: '申请人撤回申请（含和解后撤回）',
  terminated_other: '申请人死亡或终止无承继、被采取刑事强制措施、中止满60日等其他法定情形',
};

const suspensionGrounds = {
  death: '作为申请人的公民死亡，近亲属尚未确定是否参加',
  incapacity: '申请人丧失参加行政复议的行为能力，尚未确定法定代理人',
  missing: '申请人下落不明',
  dissolved: '作为申请人的法人或其他组织终止，尚未确定权利义务承受人',
  force_majeure: '因不可抗力等正当理由不能参加',
  mediation: '依法进行调解、和解，申请人和被申请人同意中止',
  interpretation: '案件涉及法律适用问题，需要有权机关作出解释或确认',
  related_case: '案件审理需以其他尚未审结案件的审理结果为依据',
  document_review: '申请人依法提出对有关规范性文件的附带审查申请',
  other: '其他需要中止的情形',
};

/** Art. 53: the kinds of case the simple procedure is open to (or any case, with the parties' consent). */
const simpleGrounds = {
  on_the_spot: '被申请行政复议的行政行为是当场作出的',
  warning: '被申请行政复议的行政行为是警告或者通报批评',
  small_amount: '案件涉及款额三千元以下',
  disclosure: '属于政府信息公开案件',
  consent: '当事人各方同意适用简易程序',
};

/** An extension request is pending when the last request has no approval or refusal after it. */
export const extensionPending = (events: EventView[]) => {
  const last = events.findLast((e) => ['request_extension', 'approve_extension', 'refuse_extension'].includes(e.kind));
  return last?.kind === 'request_extension';
};

const ACCEPTED = ['accept', 'accept_simple', 'deem_accept'];
const CONCLUDED = ['decide', 'mediate', 'terminate', 'dismiss_application'];
const isSimple = (events: EventView[]) => events.some((e) => e.kind === 'accept_simple') && !events.some((e) => e.kind === 'convert_to_ordinary');
/** Both review periods end with the case and stand still while it is suspended. */
const REVIEW_PERIOD = { unit: 'day' as const, stopOn: CONCLUDED, pauseOn: ['suspend'], resumeOn: ['resume'] };

export const reconsideration = defineCaseType({
  key: 'reconsideration',
  name: '行政复议',
  basis: '《中华人民共和国行政复议法》（2023年修订）',
  statute: 'reconsideration',
  number: ({ government, year, seq }) => `${government}复〔${year}〕${seq}号`,
  numberedBy: 'government',
  states: {
    received: { label: '受理审查' },
    correction_requested: { label: '补正中' },
    accepted: { label: '审理中' },
    suspended: { label: '中止审理' },
    not_accepted: { label: '不予受理', final: true },
    abandoned: { label: '视为放弃', final: true },
    decided: { label: '已作出决定', final: true },
    terminated: { label: '终止', final: true },
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到申请日期'),
    channel: f.choice('申请方式', { in_person: '当面递交', mail: '邮寄', online: '网上申请', forwarded: '经原行政机关转送' }),
    respondent: f.text('被申请人', 100),
    category: f.choice('行政行为类别', {
      penalty: '行政处罚',
      coercion: '行政强制',
      licensing: '行政许可',
      disclosure: '政府信息公开',
      nonperformance: '不履行法定职责',
      expropriation: '征收征用及补偿',
      work_injury: '工伤认定',
      other: '其他',
    }),
    actUnderReview: f.text('被申请复议的行政行为', 300),
    request: f.optionalText('行政复议请求'),
    parties: z.array(partySchema).min(1, { message: '至少填写一名申请人' }).meta({ title: '当事人' }),
  }),
  title: (x) => `不服${x.respondent}${x.actUnderReview}`.slice(0, 80),
  actions: [
    {
      key: 'request_correction',
      label: '通知补正',
      basis: '行政复议法第三十一条：收到申请之日起五日内书面通知补正，一次性载明需要补正的事项',
      from: ['received'],
      to: 'correction_requested',
      fields: z.object({ items: f.longText('需补正的事项') }),
      // 一次性: once notified, the step is no longer offered (check keeps the law's reason for the API).
      when: ({ events }) => !events.some((e) => e.kind === 'request_correction'),
      check: ({ events, clocks, on }) => {
        if (events.some((e) => e.kind === 'request_correction')) return '补正通知应一次性载明需要补正的事项，不能再次通知补正（行政复议法第三十一条）';
        const due = clocks.acceptance?.dueOn;
        return due && on > due ? `应自收到申请之日起五个工作日内通知补正，期限已于${due}届满（行政复议法第三十一条）` : undefined;
      },
    },
    {
      key: 'serve_correction',
      label: '补正通知送达',
      basis: '行政复议法第三十一条：申请人应当自收到补正通知之日起十日内提交补正材料（第八十八条：工作日）',
      from: ['correction_requested'],
      fields: serviceFields,
      check: servedNotAfterStep,
      when: ({ events }) => !events.some((e) => e.kind === 'serve_correction'),
    },
    {
      key: 'extend_correction',
      label: '因正当理由延长补正期限',
      basis: '行政复议法第三十一条：申请人有正当理由的，可以延长合理的补正期限',
      from: ['correction_requested'],
      fields: z.object({ days: f.days('延长工作日数', 20), reason: f.longText('正当理由') }),
    },
    {
      key: 'receive_correction',
      label: '收到补正材料',
      basis: '行政复议法第三十一条：受理审查期限自收到补正材料之日起重新计算；邮寄的以交邮日期为准（第八十八条、民事诉讼法第八十五条）',
      from: ['correction_requested'],
      to: 'received',
      fields: postedOnField,
      check: postedNotAfterStep,
    },
    {
      key: 'abandon',
      label: '逾期未补正，视为放弃',
      basis: '行政复议法第三十一条：无正当理由逾期不补正的，视为放弃行政复议申请',
      from: ['correction_requested'],
      to: 'abandoned',
      outcome: 'abandoned',
      check: ({ clocks, on }) => {
        const c = clocks.correction;
        if (!c || !c.dueOn) return '补正通知尚未送达申请人，补正期限未起算，不能认定视为放弃（行政复议法第三十一条）';
        return on <= c.dueOn ? `补正期限至${c.dueOn}尚未届满，不能认定视为放弃（行政复议法第三十一条）` : undefined;
      },
    },
    {
      key: 'accept',
      label: '受理（普通程序）',
      basis: '行政复议法第三十条',
      from: ['received'],
      to: 'accepted',
    },
    {
      key: 'accept_simple',
      label: '受理（简易程序）',
      basis: '行政复议法第五十三条：事实清楚、权利义务关系明确、争议不大，且属于所列四类案件或当事人各方同意的，可以适用简易程序',
      from: ['received'],
      to: 'accepted',
      fields: z.object({ ground: f.choice('适用简易程序的情形', simpleGrounds), note: f.optionalText('事实清楚、争议不大的说明') }),
    },
    {
      key: 'convert_to_ordinary',
      label: '简易程序转为普通程序',
      basis: '行政复议法第五十五条：不宜适用简易程序的，经行政复议机构负责人批准，可以转为普通程序审理',
      from: ['accepted', 'suspended'],
      when: ({ events }) => isSimple(events),
      fields: z.object({ reason: f.longText('转为普通程序的理由') }),
    },
    {
      key: 'send_copy',
      label: '向被申请人发送申请书副本',
      basis: '行政复议法第四十八条（普通程序七日）、第五十四条（简易程序三日）：自受理之日起发送；被申请人自收到之日起十日（简易程序五日）内提出书面答复',
      from: ['accepted', 'suspended'],
      fields: serviceFields,
      check: servedNotAfterStep,
      when: ({ events }) => !isSimple(events) && !events.some((e) => e.kind.startsWith('send_copy')),
    },
    {
      key: 'send_copy_simple',
      label: '向被申请人发送申请书副本（简易程序）',
      basis: '行政复议法第五十四条：自受理之日起三日内发送；被申请人自收到之日起五日内提出书面答复',
      from: ['accepted', 'suspended'],
      fields: serviceFields,
      check: servedNotAfterStep,
      when: ({ events }) => isSimple(events) && !events.some((e) => e.kind.startsWith('send_copy')),
    },
    {
      key: 'respondent_answer',
      label: '收到被申请人书面答复及证据',
      basis: '行政复议法第四十八条、第五十四条；逾期未答复的，依第七十条视为没有证据',
      from: ['accepted', 'suspended'],
      fields: postedOnField,
      check: postedNotAfterStep,
      when: ({ events }) => events.some((e) => e.kind.startsWith('send_copy')) && !events.some((e) => e.kind === 'respondent_answer'),
    },
    {
      key: 'dismiss_application',
      label: '驳回行政复议申请',
      basis: '行政复议法第三十三条：受理后发现不符合受理条件的，决定驳回申请并说明理由',
      from: ['accepted', 'suspended'],
      to: 'decided',
      outcome: 'application_dismissed',
      fields: z.object({ reason: f.longText('不符合受理条件的理由') }),
    },
    {
      key: 'deem_accept',
      label: '审查期满视为受理',
      basis: '行政复议法第三十条第三款：审查期限届满未作出不予受理决定的，视为受理',
      from: ['received'],
      to: 'accepted',
      system: true,
    },
    {
      key: 'reject',
      label: '决定不予受理',
      basis: '行政复议法第三十条：不予受理的应说明理由；不属于本机关管辖的应告知有管辖权的机关',
      from: ['received'],
      to: 'not_accepted',
      outcome: 'not_accepted',
      fields: z.object({ reason: f.longText('不予受理理由'), competentOrgan: f.optionalText('告知的有管辖权机关', 100) }),
    },
    {
      key: 'suspend',
      label: '中止审理',
      basis: '行政复议法第三十九条；中止期间不计入审理期限（本平台按此计算，可调整）',
      from: ['accepted'],
      to: 'suspended',
      fields: z.object({ ground: f.choice('中止情形', suspensionGrounds) }),
    },
    {
      key: 'resume',
      label: '恢复审理',
      basis: '行政复议法第三十九条：中止的原因消除后及时恢复审理',
      from: ['suspended'],
      to: 'accepted',
    },
    {
      key: 'request_extension',
      label: '申请延长审理期限',
      basis: '行政复议法第六十二条：情况复杂的，经行政复议机构负责人批准可以延长，最多不超过三十日',
      from: ['accepted'],
      fields: z.object({ days: f.days('申请延长天数', 30), reason: f.longText('延期理由') }),
      when: ({ events }) => !extensionPending(events),
    },
    {
      key: 'approve_extension',
      label: '批准延期（复议机构负责人）',
      basis: '行政复议法第六十二条：书面告知当事人',
      from: ['accepted'],
      fields: z.object({ days: f.days('批准延长天数', 30) }),
      when: ({ events }) => extensionPending(events),
      prefill: ({ events }) => ({ days: events.findLast((e) => e.kind === 'request_extension')?.data.days }),
      check: ({ events, data }) => {
        const asked = Number(events.findLast((e) => e.kind === 'request_extension')?.data.days);
        return data.days > asked ? `批准天数不能多于申请的${asked}日` : undefined;
      },
    },
    {
      key: 'refuse_extension',
      label: '不批准延期',
      from: ['accepted'],
      fields: z.object({ reason: f.optionalText('不批准理由') }),
      when: ({ events }) => extensionPending(events),
    },
    {
      key: 'decide',
      label: '作出行政复议决定',
      basis: '行政复议法第六十三条至第六十九条',
      from: ['accepted'],
      to: 'decided',
      outcome: { field: 'outcome' },
      fields: z.object({ outcome: f.choice('决定类型', decisionOutcomes), summary: f.longText('决定要旨') }),
    },
    {
      key: 'mediate',
      label: '调解结案（制作调解书）',
      basis: '行政复议法第七十三条',
      from: ['accepted', 'suspended'],
      to: 'decided',
      outcome: 'mediated',
      fields: z.object({ summary: f.longText('调解协议内容') }),
    },
    {
      key: 'terminate',
      label: '终止行政复议',
      basis: '行政复议法第四十一条、第七十四条',
      from: ['accepted', 'suspended'],
      to: 'terminated',
      outcome: { field: 'ground' },
      fields: z.object({ ground: f.choice('终止情形', terminationGrounds), note: f.optionalText('说明') }),
    },
    {
      key: 'issue_opinion_letter',
      label: '制发行政复议意见书',
      basis: '行政复议法第七十六条：在办理过程中和作出决定后均可制发；有关机关应当自收到之日起六十日内将纠正情况报送行政复议机构',
      from: ['accepted', 'suspended', 'decided', 'terminated'],
      fields: z.object({ recipient: f.text('送达对象', 100), content: f.longText('意见书要点') }),
      when: ({ clocks }) => clocks.opinion_reply?.status !== 'running',
    },
    {
      key: 'opinion_reply',
      label: '收到意见书纠正情况报告',
      basis: '行政复议法第七十六条',
      from: ['accepted', 'suspended', 'decided', 'terminated'],
      when: ({ clocks }) => clocks.opinion_reply?.status === 'running',
      fields: z.object({ summary: f.longText('纠正情况') }),
    },
  ],
  clocks: [
    {
      key: 'acceptance',
      label: '受理审查期限',
      basis: '行政复议法第三十条：收到申请之日起五日内审查',
      length: 5,
      unit: 'day',
      startOn: ['receive', 'receive_correction'],
      stopOn: ['accept', 'accept_simple', 'deem_accept', 'reject', 'request_correction'],
      onExpiry: { action: 'deem_accept' },
    },
    {
      key: 'correction',
      label: '补正期限',
      basis: '行政复议法第三十一条：申请人应当自收到补正通知之日起十日内提交补正材料；有正当理由的可以延长',
      length: 10,
      unit: 'day',
      startOn: ['serve_correction'],
      stopOn: ['receive_correction', 'abandon'],
      extendOn: ['extend_correction'],
      // Local choice: an extension for 正当理由 of at most 20 工作日 in all (the law fixes no cap).
      maxExtension: 20,
    },
    {
      key: 'copy',
      label: '发送申请书副本期限',
      basis: '行政复议法第四十八条、第五十四条：自受理之日起七日（简易程序三日）内发送被申请人',
      length: 7,
      unit: 'day',
      startOn: ['accept', 'deem_accept'],
      stopOn: ['send_copy', 'send_copy_simple', ...CONCLUDED],
    },
    {
      key: 'copy_simple',
      label: '发送申请书副本期限（简易程序）',
      basis: '行政复议法第五十四条：三日',
      length: 3,
      unit: 'day',
      startOn: ['accept_simple'],
      stopOn: ['send_copy', 'send_copy_simple', ...CONCLUDED],
    },
    {
      key: 'respondent_answer',
      label: '被申请人答复期限',
      basis: '行政复议法第四十八条：被申请人自收到申请书副本之日起十日内提出书面答复（简易程序第五十四条：五日）',
      length: 10,
      unit: 'day',
      startOn: ['send_copy'],
      stopOn: ['respondent_answer', ...CONCLUDED],
    },
    {
      key: 'respondent_answer_simple',
      label: '被申请人答复期限（简易程序）',
      basis: '行政复议法第五十四条：自收到申请书副本之日起五日内',
      length: 5,
      unit: 'day',
      startOn: ['send_copy_simple'],
      stopOn: ['respondent_answer', ...CONCLUDED],
    },
    {
      key: 'opinion_reply',
      label: '意见书纠正情况报送期限',
      basis: '行政复议法第七十六条：自收到意见书之日起六十日内',
      length: 60,
      unit: 'day',
      startOn: ['issue_opinion_letter'],
      stopOn: ['opinion_reply'],
    },
    {
      key: 'decision',
      label: '审理期限（普通程序）',
      basis: '行政复议法第六十二条：受理之日起六十日内作出决定，经批准可延长不超过三十日',
      ...REVIEW_PERIOD,
      length: 60,
      startOn: ['accept', 'deem_accept', 'convert_to_ordinary'],
      // A converted case keeps its 受理 date: the 60 日 run from 受理, not from the conversion.
      countFrom: { convert_to_ordinary: 'accept_simple' },
      extendOn: ['approve_extension'],
      requestOn: ['request_extension'],
      maxExtension: 30,
    },
    {
      key: 'decision_simple',
      label: '审理期限（简易程序）',
      basis: '行政复议法第六十二条第二款：简易程序自受理之日起三十日内作出决定',
      ...REVIEW_PERIOD,
      length: 30,
      startOn: ['accept_simple'],
      stopOn: [...CONCLUDED, 'convert_to_ordinary'],
    },
  ],
  outcomes,
  report: { area: 'disputes', sentences: ['全年共收到行政复议申请{{行政复议.收到申请}}件，受理{{行政复议.受理}}件，审结{{行政复议.审结}}件，纠错率{{行政复议.纠错率}}，按期审结率{{行政复议.按期审结率}}。'] },
  indicators: [
    { key: 'received', label: '收到申请', unit: '件', description: '期间内收到的行政复议申请数', count: { events: ['receive'] } },
    { key: 'accepted', label: '受理', unit: '件', description: '期间内受理（含简易程序、视为受理）的案件数', count: { events: ACCEPTED } },
    { key: 'not_accepted', label: '不予受理', unit: '件', description: '期间内决定不予受理的申请数', count: { events: ['reject'] } },
    { key: 'concluded', label: '审结', unit: '件', description: '期间内以决定、调解或终止审结的案件数', count: { events: CONCLUDED } },
    { key: 'corrected', label: '纠错', unit: '件', description: '期间内作出撤销、变更、确认违法、确认无效、责令履行决定的案件数', count: { events: ['decide'], outcomes: correctingOutcomes } },
    { key: 'correction_rate', label: '纠错率', unit: '%', description: '纠错案件数 ÷ 审结案件数（平台口径，法无统一定义）', rate: { numerator: 'corrected', denominator: 'concluded' } },
    { key: 'settled', label: '调解撤回', unit: '件', description: '期间内调解结案或撤回申请终止的案件数', count: { events: ['mediate', 'terminate'], outcomes: ['mediated', 'withdrawn'] } },
    { key: 'settlement_rate', label: '调撤率', unit: '%', description: '调解、撤回结案数 ÷ 审结案件数', rate: { numerator: 'settled', denominator: 'concluded' } },
    { key: 'timed', label: '审结（计时）', unit: '件', description: '期间内审结且有审理期限的案件数', count: { clocks: ['decision', 'decision_simple'], stoppedBy: CONCLUDED } },
    { key: 'on_time', label: '按期审结', unit: '件', description: '在审理期限（含批准延长）内审结的案件数', count: { clocks: ['decision', 'decision_simple'], stoppedBy: CONCLUDED, onTime: true } },
    { key: 'on_time_rate', label: '按期审结率', unit: '%', description: '按期审结数 ÷ 审结（计时）数', rate: { numerator: 'on_time', denominator: 'timed' } },
    { key: 'opinion_letters', label: '意见书', unit: '份', description: '期间内制发的行政复议意见书', count: { events: ['issue_opinion_letter'] } },
  ],
});
