import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';

/**
 * 政务服务"好差评" (国办发〔2019〕51号). Every rating is recorded against the rated unit; a 差评
 * opens a rectification order (整改) with a deadline and a 回访. The deadline is a local rule
 * (5, 7 or 15 工作日 are seen): RECTIFY_WORKDAYS here.
 *
 * 实名差评 (51号: 实名差评回访整改率要达到100%): only a rater who gave a name can be called back, so
 * the rating records 实名 and the 整改 order inherits it; the 100% is measured over those orders
 * alone, beside the 差评整改率 over all 差评. Records from before the flag read as 匿名.
 */
export const RECTIFY_WORKDAYS = 5;

const grades = { very_good: '非常满意', good: '满意', fair: '基本满意', bad: '不满意', very_bad: '非常不满意' };
const BAD = ['bad', 'very_bad'];

export const serviceRating = defineCaseType({
  key: 'service_rating',
  name: '好差评',
  basis: '《国务院办公厅关于建立政务服务"好差评"制度提高政务服务水平的意见》（国办发〔2019〕51号）',
  number: ({ org, year, seq }) => `${org}评〔${year}〕${seq}号`,
  states: { recorded: { label: '已记录', final: true } },
  initial: 'recorded',
  intake: z.object({
    receivedOn: f.date('评价日期'),
    channel: f.choice('评价渠道', { window: '服务窗口', web: '网上办事大厅', app: '移动端', kiosk: '自助终端', hotline: '12345热线', sms: '短信' }),
    service: f.text('服务事项', 100),
    grade: f.choice('评价等级', grades),
    active: f.flag('主动评价（非系统默认）'),
    realName: f.flag('实名评价（留有评价人联系方式，可回访）').default(false),
    comment: f.optionalText('评价内容'),
    parties: z.array(partySchema).max(1).optional().meta({ title: '评价人' }),
  }),
  title: (x) => `${x.service}：${grades[x.grade as keyof typeof grades]}`,
  actions: [],
  clocks: [],
  outcomes: {},
  followUp: (x) => (BAD.includes(x.grade) ? { type: 'rating_rectification', fields: { service: x.service, comment: x.comment ?? '（评价人未填写内容）', realName: x.realName === true } } : null),
  report: { area: 'functions', sentences: ['深化政务服务“好差评”，主动评价率达{{好差评.主动评价率}}。'] },
  indicators: [
    { key: 'ratings', label: '评价', unit: '次', description: '期间内收到的评价', count: { events: ['receive'] } },
    { key: 'active', label: '主动评价', unit: '次', description: '评价人主动作出（非系统默认）的评价', count: { events: ['receive'], dataEquals: { active: true } } },
    { key: 'active_rate', label: '主动评价率', unit: '%', description: '主动评价数 ÷ 评价数', rate: { numerator: 'active', denominator: 'ratings' } },
    { key: 'bad', label: '差评', unit: '次', description: '不满意和非常不满意的评价', count: { events: ['receive'], dataEquals: { grade: BAD } } },
    { key: 'real_name_bad', label: '实名差评', unit: '次', description: '评价人实名作出的差评', count: { events: ['receive'], dataEquals: { grade: BAD, realName: true } } },
    { key: 'bad_rate', label: '差评率', unit: '%', description: '差评数 ÷ 评价数', rate: { numerator: 'bad', denominator: 'ratings' } },
  ],
});

export const ratingRectification = defineCaseType({
  key: 'rating_rectification',
  name: '差评整改',
  basis: '国办发〔2019〕51号：差评事项限期整改并回访',
  number: ({ org, year, seq }) => `${org}差评整改〔${year}〕${seq}号`,
  states: { open: { label: '整改中' }, rectified: { label: '已整改待回访' }, closed: { label: '已回访', final: true }, resolved: { label: '已核实办结（解释说明或申诉认定不实）', final: true } },
  initial: 'open',
  intake: z.object({
    receivedOn: f.date('差评日期'),
    service: f.text('服务事项', 100),
    comment: f.longText('差评内容'),
    realName: f.flag('实名差评').default(false),
    parties: z.array(partySchema).max(1).optional(),
  }),
  title: (x) => `差评整改：${x.service}`,
  actions: [
    { key: 'rectify', label: '完成整改', from: ['open'], to: 'rectified', fields: z.object({ measures: f.longText('整改措施') }) },
    // 51号 (not read; the review's reading): a 差评 is first 核实; one without legal basis is answered
    // by 解释说明, and one found mistaken or malicious on 申诉复核 is closed without 整改.
    {
      key: 'resolve',
      label: '核实后解释说明或申诉复核',
      basis: '国办发〔2019〕51号：差评核实后，诉求缺乏法律依据的做好解释说明；误评、恶意差评经申诉复核后不计入整改（本平台做法）',
      from: ['open'],
      to: 'resolved',
      outcome: { field: 'finding' },
      fields: z.object({ finding: f.choice('核实结论', { explained: '诉求缺乏法律依据，已解释说明', mistaken: '申诉复核认定为误评', malicious: '申诉复核认定为恶意差评' }), detail: f.longText('核实情况') }),
    },
    {
      key: 'visit',
      label: '回访评价人',
      from: ['rectified'],
      to: 'closed',
      outcome: { field: 'satisfaction' },
      fields: z.object({ satisfaction: f.choice('回访满意度', { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' }) }),
    },
  ],
  clocks: [
    { key: 'rectify', label: '整改时限', basis: `本地规定：${RECTIFY_WORKDAYS}个工作日内整改`, length: RECTIFY_WORKDAYS, unit: 'workday', startOn: ['receive'], stopOn: ['rectify'] },
    { key: 'visit', label: '回访时限', basis: '本地规定：整改后3个工作日内回访', length: 3, unit: 'workday', startOn: ['rectify'], stopOn: ['visit'] },
  ],
  outcomes: { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意', explained: '已解释说明', mistaken: '误评', malicious: '恶意差评' },
  report: { area: 'functions', sentences: ['差评整改率{{差评整改.差评整改率}}，实名差评回访整改率{{差评整改.实名差评回访整改率}}，回访满意率{{差评整改.回访满意率}}。'] },
  indicators: [
    { key: 'orders', label: '差评工单', unit: '件', description: '期间内因差评生成的整改工单', count: { events: ['receive'] } },
    // Mistaken, malicious and explained 差评 are 办结 without 整改, so they count as handled.
    { key: 'rectified', label: '整改完成', unit: '件', description: '期间内完成整改、解释说明或经申诉复核认定不实的差评', count: { events: ['rectify', 'resolve'] } },
    { key: 'rectify_rate', label: '差评整改率', unit: '%', description: '整改完成数 ÷ 差评工单数', rate: { numerator: 'rectified', denominator: 'orders' } },
    { key: 'real_name_orders', label: '实名差评工单', unit: '件', description: '期间内因实名差评生成的整改工单', count: { events: ['receive'], dataEquals: { realName: true } } },
    // 回访整改 of a 实名差评: 整改 then 回访, or 核实 (with the rater) and 办结 without 整改.
    { key: 'real_name_done', label: '实名差评回访整改', unit: '件', description: '期间内整改后已回访、或核实后办结的实名差评', count: { events: ['visit', 'resolve'], caseEquals: { realName: true } } },
    { key: 'real_name_rate', label: '实名差评回访整改率', unit: '%', description: '实名差评回访整改数 ÷ 实名差评工单数（51号要求达到100%）', rate: { numerator: 'real_name_done', denominator: 'real_name_orders' } },
    { key: 'visited', label: '回访', unit: '件', description: '期间内回访的差评', count: { events: ['visit'] } },
    { key: 'visit_satisfied', label: '回访满意', unit: '件', description: '回访满意或基本满意', count: { events: ['visit'], outcomes: ['satisfied', 'basically'] } },
    { key: 'visit_satisfaction_rate', label: '回访满意率', unit: '%', description: '回访满意数 ÷ 回访数', rate: { numerator: 'visit_satisfied', denominator: 'visited' } },
  ],
});
