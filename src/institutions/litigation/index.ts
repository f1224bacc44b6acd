import { z } from 'zod';
import { defineCaseType, f } from '../../kernel/cases/define.ts';

/**
 * 行政应诉: the agency's side of an administrative lawsuit (行政诉讼法 arts. 3, 67; 最高人民法院
 * 关于行政机关负责人出庭应诉若干问题的规定, 2020). 出庭率 and 败诉率 have no national formula:
 * here 出庭率 = hearings a 负责人 attended ÷ hearings, 败诉率 = lost judgments ÷ judgments.
 */
const judgments = {
  won: '胜诉（驳回原告诉讼请求）',
  lost: '败诉（撤销、确认违法、责令履行等）',
  partly_lost: '部分败诉',
  dismissed: '裁定驳回起诉',
};

export const litigation = defineCaseType({
  key: 'litigation',
  name: '行政应诉',
  basis: '《中华人民共和国行政诉讼法》第三条、第六十七条',
  number: ({ org, year, seq }) => `${org}诉〔${year}〕${seq}号`,
  states: {
    served: { label: '待答辩' },
    answered: { label: '已答辩待开庭' },
    heard: { label: '已开庭待裁判' },
    judged: { label: '已裁判待履行' },
    closed: { label: '已结案', final: true },
    withdrawn: { label: '原告撤诉', final: true },
  },
  initial: 'served',
  intake: z.object({
    receivedOn: f.date('收到起诉状副本日期'),
    court: f.text('受理法院', 100),
    courtCaseNo: f.text('法院案号', 60),
    plaintiff: f.personName('原告'),
    actUnderReview: f.text('被诉行政行为', 300),
    instance: f.choice('审级', { first: '一审', second: '二审', retrial: '再审' }),
  }),
  title: (x) => `${x.plaintiff}诉${x.actUnderReview}`.slice(0, 80),
  actions: [
    {
      key: 'answer',
      label: '提交答辩状和证据',
      basis: '行政诉讼法第六十七条：收到起诉状副本之日起十五日内提交',
      from: ['served'],
      to: 'answered',
    },
    {
      key: 'hearing',
      label: '记录开庭',
      basis: '行政诉讼法第三条第三款：被诉行政机关负责人应当出庭应诉',
      from: ['answered', 'heard'],
      to: 'heard',
      fields: z.object({
        headAppeared: f.flag('负责人出庭'),
        headName: f.optionalText('出庭负责人', 50),
        reason: f.optionalText('负责人未出庭的正当理由'),
      }),
      check: ({ data }) => (!data.headAppeared && !data.reason ? '负责人未出庭的，应记录正当理由（出庭应诉规定第八条）' : data.headAppeared && !data.headName ? '请填写出庭的负责人' : undefined),
    },
    {
      key: 'judgment',
      label: '收到裁判文书',
      from: ['answered', 'heard'],
      to: 'judged',
      outcome: { field: 'result' },
      fields: z.object({ result: f.choice('裁判结果', judgments), appealed: f.flag('提起或被提起上诉').optional() }),
    },
    {
      key: 'perform',
      label: '履行生效裁判，结案',
      basis: '行政诉讼法第九十四条',
      from: ['judged'],
      to: 'closed',
      fields: z.object({ performance: f.longText('履行情况') }),
    },
    { key: 'withdraw', label: '原告撤诉', from: ['served', 'answered', 'heard'], to: 'withdrawn', outcome: 'withdrawn' },
    {
      key: 'judicial_suggestion',
      label: '收到司法建议书',
      basis: '行政诉讼法第六十六条、第九十六条',
      from: ['served', 'answered', 'heard', 'judged', 'closed', 'withdrawn'],
      fields: z.object({ content: f.longText('司法建议内容') }),
    },
  ],
  clocks: [
    { key: 'answer', label: '答辩期限', basis: '行政诉讼法第六十七条：十五日', length: 15, unit: 'day', startOn: ['receive'], stopOn: ['answer', 'withdraw'] },
  ],
  outcomes: { ...judgments, withdrawn: '原告撤诉' },
  report: { area: 'oversight', sentences: ['全年办理行政应诉案件{{行政应诉.案件}}件，行政机关负责人出庭应诉率{{行政应诉.出庭率}}。'] },
  indicators: [
    { key: 'cases', label: '案件', unit: '件', description: '期间内收到起诉状副本的行政诉讼案件', count: { events: ['receive'] } },
    { key: 'hearings', label: '开庭', unit: '次', description: '期间内开庭的案件', count: { events: ['hearing'] } },
    { key: 'head_appeared', label: '负责人出庭', unit: '件', description: '期间内行政机关负责人出庭的开庭案件', count: { events: ['hearing'], dataEquals: { headAppeared: true } } },
    { key: 'appearance_rate', label: '出庭率', unit: '%', description: '负责人出庭案件 ÷ 开庭案件（各地口径不一，本平台以开庭案件为分母）', rate: { numerator: 'head_appeared', denominator: 'hearings' } },
    { key: 'judged', label: '裁判', unit: '件', description: '期间内收到裁判文书的案件', count: { events: ['judgment'] } },
    { key: 'lost', label: '败诉', unit: '件', description: '期间内败诉或部分败诉的案件', count: { events: ['judgment'], outcomes: ['lost', 'partly_lost'] } },
    { key: 'loss_rate', label: '败诉率', unit: '%', description: '败诉案件 ÷ 裁判案件', rate: { numerator: 'lost', denominator: 'judged' } },
    { key: 'suggestions', label: '司法建议书', unit: '份', description: '期间内收到的司法建议书', count: { events: ['judicial_suggestion'] } },
  ],
});
