import { z } from 'zod';
import { defineCaseType, f, partySchema, type ActionDef } from '../../kernel/cases/define.ts';
import { computeDue, type WorkCalendar } from '../../kernel/calendar/calendar.ts';

/**
 * 信访 under the 信访工作条例 (2022), arts. 22–37. Its periods are written as plain 日.
 * 访调诉 one-stop handling: a 申诉求决 matter can be routed into 人民调解 (a linked case is opened
 * and the link kept) or guided to 行政复议, litigation or arbitration. Guiding into 复议 opens no
 * 复议 case: 受理 presupposes a 复议申请 (行政复议法 arts. 22, 30), which the 复议机构 registers
 * when the petitioner files it.
 */
const opinions = { support: '支持', explain: '解释说明', not_support: '不支持' };
const routes = { mediation: '人民调解', reconsideration: '行政复议', litigation: '诉讼', arbitration: '仲裁', other: '其他法定途径' };

/**
 * 复查/复核 requests: 30 日 from the petitioner's receipt of the written answer (arts. 35–36),
 * ending on the next working day after a holiday (民事诉讼法 art. 85 as the general rule), and a
 * request posted in time is in time.
 */
const within30 = (from: string, article: string) => async ({ events, on, data, calendar }: { events: { kind: string; on: string }[]; on: string; data: Record<string, any>; calendar: WorkCalendar }) => {
  const answered = events.findLast((e) => e.kind === from)?.on;
  if (!answered) return undefined;
  const received = data.answerReceivedOn ?? answered;
  if (received < answered) return `收到答复日期（${received}）不能早于答复日期（${answered}）`;
  const due = computeDue(calendar, received, { length: 30, unit: 'day' }).due;
  const filed = data.postedOn ?? on;
  return filed > due ? `应自收到书面答复之日起三十日内提出（${received}收到，期限至${due}）（信访工作条例${article}）` : undefined;
};
const requestFields = z.object({
  answerReceivedOn: f.date('信访人收到书面答复日期').optional(),
  postedOn: f.date('交邮日期（邮寄提出的填写）').optional(),
});

/** 处理意见书, 复查意见, 复核意见: the same form at each tier. */
const opinionStep = (key: string, label: string, basis: string, from: string, to: string, title: string): ActionDef => ({
  key,
  label,
  basis,
  from: [from],
  to,
  outcome: { field: 'opinion' },
  fields: z.object({ opinion: f.choice(title, opinions), summary: f.longText(`${title}要旨`) }),
});

export const petition = defineCaseType({
  key: 'petition',
  name: '信访',
  basis: '《信访工作条例》（2022年）',
  number: ({ org, year, seq }) => `${org}信〔${year}〕${seq}号`,
  states: {
    registered: { label: '登记待受理' },
    handling: { label: '办理中' },
    not_accepted: { label: '不予受理', final: true },
    routed: { label: '已导入法定途径', final: true },
    concluded: { label: '已办结', final: true },
    review: { label: '复查中' },
    reviewed: { label: '复查办结', final: true },
    recheck: { label: '复核中' },
    rechecked: { label: '复核办结', final: true },
  },
  initial: 'registered',
  intake: z.object({
    receivedOn: f.date('登记日期'),
    channel: f.choice('信访形式', { online: '网上信访', letter: '来信', visit: '来访', phone: '电话', fax: '传真' }),
    category: f.choice('信访事项类别', { suggestion: '建议意见', accusation: '检举控告', claim: '申诉求决' }),
    content: f.longText('信访事项'),
    collective: f.flag('集体访').optional(),
    parties: z.array(partySchema).min(1, { message: '至少填写一名信访人' }).meta({ title: '信访人' }),
  }),
  title: (x) => `信访：${String(x.content).slice(0, 40)}`,
  actions: [
    { key: 'accept', label: '受理', basis: '信访工作条例第二十三条：十五日内告知是否受理', from: ['registered'], to: 'handling' },
    {
      key: 'reject',
      label: '不予受理并告知',
      basis: '信访工作条例第二十三条',
      from: ['registered'],
      to: 'not_accepted',
      outcome: 'not_accepted',
      fields: z.object({ reason: f.longText('不予受理理由及告知的途径') }),
    },
    {
      key: 'route',
      label: '导入法定途径（访调诉）',
      basis: '信访工作条例第三十一条、第三十七条：依法通过诉讼、仲裁、行政复议、调解等途径解决',
      from: ['registered', 'handling'],
      to: 'routed',
      outcome: 'routed',
      fields: z.object({
        target: f.choice('导入途径', routes),
        targetOrgId: f.org('承办单位（人民调解委员会）').optional(),
        respondent: f.optionalText('告知的复议机关或被申请人（引导行政复议时填写）', 100),
        note: f.optionalText('告知信访人的途径、机关和期限'),
      }),
      check: ({ data }) =>
        data.target === 'mediation' && !data.targetOrgId
          ? '导入人民调解须选择承办单位（人民调解委员会）'
          : data.target === 'reconsideration' && !data.respondent
            ? '引导申请行政复议须写明告知的复议机关（信访工作条例第三十一条）'
            : undefined,
      // Only 人民调解 is opened here; a 复议 case is opened when the 复议申请 arrives (行政复议法第二十二条、第三十条).
      spawn: ({ fields, data }) =>
        data.target === 'mediation' ? { type: 'mediation', orgId: data.targetOrgId, fields: { source: 'petition', category: 'other', summary: fields.content } } : null,
    },
    {
      key: 'extend',
      label: '延长办理期限',
      basis: '信访工作条例第三十四条：经本机关负责人批准可延长，不超过三十日，并告知信访人',
      from: ['handling'],
      fields: z.object({ days: f.days('延长天数', 30), reason: f.longText('延期理由'), approver: f.text('批准的负责人', 50) }),
    },
    opinionStep('conclude', '出具处理意见书，办结', '信访工作条例第三十二条', 'handling', 'concluded', '处理意见'),
    {
      key: 'request_review',
      label: '信访人申请复查',
      basis: '信访工作条例第三十五条',
      from: ['concluded'],
      to: 'review',
      fields: requestFields,
      verify: within30('conclude', '第三十五条'),
    },
    opinionStep('answer_review', '出具复查意见', '信访工作条例第三十五条：三十日内提出复查意见', 'review', 'reviewed', '复查意见'),
    {
      key: 'request_recheck',
      label: '信访人申请复核',
      basis: '信访工作条例第三十六条',
      from: ['reviewed'],
      to: 'recheck',
      fields: requestFields,
      verify: within30('answer_review', '第三十六条'),
    },
    opinionStep('answer_recheck', '出具复核意见', '信访工作条例第三十六条：三十日内提出复核意见；复核后不再受理', 'recheck', 'rechecked', '复核意见'),
  ],
  clocks: [
    { key: 'acceptance', label: '受理告知期限', basis: '信访工作条例第二十三条：十五日', length: 15, unit: 'day', startOn: ['receive'], stopOn: ['accept', 'reject', 'route'] },
    { key: 'handling', label: '办理期限', basis: '信访工作条例第三十四条：受理之日起六十日，可延长不超过三十日', length: 60, unit: 'day', startOn: ['accept'], stopOn: ['conclude', 'route'], extendOn: ['extend'], maxExtension: 30 },
    { key: 'review', label: '复查期限', basis: '信访工作条例第三十五条：三十日', length: 30, unit: 'day', startOn: ['request_review'], stopOn: ['answer_review'] },
    { key: 'recheck', label: '复核期限', basis: '信访工作条例第三十六条：三十日', length: 30, unit: 'day', startOn: ['request_recheck'], stopOn: ['answer_recheck'] },
  ],
  outcomes: { ...opinions, not_accepted: '不予受理', routed: '导入法定途径' },
  report: { area: 'disputes', sentences: ['受理各类信访事项{{信访.受理}}件，办结{{信访.办结}}件，按期办结率{{信访.按期办结率}}，导入调解、复议等法定途径{{信访.导入法定途径}}件。'] },
  indicators: [
    { key: 'registered', label: '登记', unit: '件', description: '期间内登记的信访事项', count: { events: ['receive'] } },
    { key: 'accepted', label: '受理', unit: '件', description: '期间内受理的信访事项', count: { events: ['accept'] } },
    { key: 'concluded', label: '办结', unit: '件', description: '期间内出具处理意见办结的信访事项', count: { events: ['conclude'] } },
    { key: 'resolved', label: '化解', unit: '件', description: '办结意见为支持或解释说明的，及导入调解、复议等法定途径的事项', count: { events: ['conclude', 'route'], outcomes: ['support', 'explain', 'routed'] } },
    { key: 'routed', label: '导入法定途径', unit: '件', description: '访调诉对接：导入调解、复议、诉讼、仲裁的事项', count: { events: ['route'] } },
    { key: 'timed', label: '办结（计时）', unit: '件', description: '期间内办结的受理事项', count: { clocks: ['handling'], stoppedBy: ['conclude'] } },
    { key: 'on_time', label: '按期办结', unit: '件', description: '在办理期限（含延长）内办结的事项', count: { clocks: ['handling'], stoppedBy: ['conclude'], onTime: true } },
    { key: 'on_time_rate', label: '按期办结率', unit: '%', description: '按期办结数 ÷ 办结（计时）数', rate: { numerator: 'on_time', denominator: 'timed' } },
    { key: 'accepted_on_time', label: '及时受理', unit: '件', description: '十五日内告知受理与否的事项', count: { clocks: ['acceptance'], onTime: true } },
    { key: 'acceptance_timed', label: '受理告知（计时）', unit: '件', description: '期间内告知受理与否的事项', count: { clocks: ['acceptance'] } },
    { key: 'acceptance_rate', label: '及时受理率', unit: '%', description: '及时受理数 ÷ 受理告知数', rate: { numerator: 'accepted_on_time', denominator: 'acceptance_timed' } },
  ],
});
