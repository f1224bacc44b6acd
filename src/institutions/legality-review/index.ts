import { z } from 'zod';
import { defineCaseType, f, type EventView } from '../../kernel/cases/define.ts';
import { diffDays } from '../../kernel/calendar/dates.ts';

/**
 * 规范性文件合法性审核 (国办发〔2018〕115号): the drafting org submits; the 司法局 (or its 法律顾问)
 * reviews within 15 工作日 and is given at least 5 工作日; opinion; 公布; 备案 with the 人大常委会 and
 * the government above (30 日 after 公布, a local rule); then periodic 清理 and 后评估.
 */
const OPINIONS = { approved: '通过', amended: '修改后通过', rejected: '不予通过' };

export const normativeDocument = defineCaseType({
  key: 'normative_document',
  name: '规范性文件审核',
  basis: '国办发〔2018〕115号《关于全面推行行政规范性文件合法性审核机制的指导意见》',
  number: ({ org, year, seq }) => `${org}规审〔${year}〕${seq}号`,
  states: {
    submitted: { label: '待审核' },
    reviewed: { label: '已出具审核意见' },
    issued: { label: '已公布待备案' },
    filed: { label: '已备案（现行有效）' },
    withdrawn: { label: '起草单位撤回', final: true },
    rejected: { label: '不予通过', final: true },
    repealed: { label: '已废止', final: true },
  },
  initial: 'submitted',
  intake: z.object({
    receivedOn: f.date('报送审核日期'),
    title: f.text('文件名称', 200),
    drafter: f.text('起草单位', 100),
    materials: f.flag('起草说明、征求意见等材料齐全'),
  }),
  title: (x) => x.title,
  actions: [
    {
      key: 'review',
      label: '出具审核意见',
      basis: '国办发〔2018〕115号：审核时间一般不少于5个工作日，最长不超过15个工作日',
      from: ['submitted'],
      to: 'reviewed',
      outcome: { field: 'opinion' },
      fields: z.object({ opinion: f.choice('审核意见', OPINIONS), reviewer: f.text('审核人员', 50), issues: f.optionalText('合法性问题及修改意见') }),
    },
    { key: 'withdraw', label: '起草单位撤回', from: ['submitted', 'reviewed'], to: 'withdrawn', outcome: 'withdrawn' },
    {
      key: 'close_rejected',
      label: '不予通过，办结',
      from: ['reviewed'],
      to: 'rejected',
      when: ({ events }) => events.some((e) => e.kind === 'review' && e.data.opinion === 'rejected'),
    },
    {
      key: 'issue',
      label: '公布',
      from: ['reviewed'],
      to: 'issued',
      when: ({ events }) => events.some((e) => e.kind === 'review' && e.data.opinion !== 'rejected'),
      fields: z.object({ docNo: f.text('文号', 60) }),
    },
    { key: 'file', label: '报送备案', basis: '地方规范性文件备案审查规定（《法规规章备案审查条例》第二十五条授权）；向本级人大常委会备案依《监督法》第三十九条、第四十条', from: ['issued'], to: 'filed', fields: z.object({ filedWith: f.text('备案机关', 100) }) },
    {
      key: 'cleanup',
      label: '清理',
      basis: '规范性文件定期清理',
      from: ['filed'],
      fields: z.object({ result: f.choice('清理结果', { keep: '继续有效', amend: '修改', repeal: '废止' }) }),
    },
    { key: 'repeal', label: '废止', from: ['filed'], to: 'repealed', outcome: 'repealed', fields: z.object({ reason: f.longText('废止理由') }) },
    {
      key: 'evaluate',
      label: '后评估',
      from: ['filed'],
      fields: z.object({
        legality: f.longText('合法性'),
        rationality: f.longText('合理性'),
        coordination: f.longText('协调性'),
        operability: f.longText('可操作性'),
        effect: f.longText('实施效果'),
        issues: f.longText('存在问题及建议'),
      }),
    },
  ],
  clocks: [
    { key: 'review', label: '合法性审核期限', basis: '国办发〔2018〕115号：最长不超过15个工作日', length: 15, unit: 'workday', startOn: ['receive'], stopOn: ['review', 'withdraw'] },
    { key: 'filing', label: '备案期限', basis: '公布之日起30日内报送备案（地方规定）', length: 30, unit: 'day', startOn: ['issue'], stopOn: ['file'] },
  ],
  outcomes: { ...OPINIONS, withdrawn: '撤回', repealed: '废止' },
  report: { area: 'decisions', sentences: ['全年审核规范性文件{{规范性文件审核.审核}}件，报送备案{{规范性文件审核.备案}}件，清理规范性文件{{规范性文件审核.清理}}件。'] },
  indicators: [
    { key: 'reviewed', label: '审核', unit: '件', description: '期间内出具合法性审核意见的文件', count: { events: ['review'] } },
    { key: 'filed', label: '备案', unit: '件', description: '期间内报送备案的文件', count: { events: ['file'] } },
    { key: 'cleaned', label: '清理', unit: '件', description: '期间内清理的文件', count: { events: ['cleanup'] } },
    { key: 'review_on_time', label: '按期审核', unit: '件', description: '期间内在15个工作日内审核的文件', count: { clocks: ['review'], stoppedBy: ['review'], onTime: true } },
  ],
});

/**
 * 重大行政决策 (重大行政决策程序暂行条例, 2019): a decision in the yearly 目录 goes through 公众参与
 * (comment period generally at least 30 日, art. 15, shorter for a stated urgency; art. 14 other
 * forms), 专家论证 and 风险评估 where required, 合法性审查 (the sender should allow at least
 * 7 工作日, art. 26 ¶2 — a duty on the sender, so an earlier opinion is only noted) and 集体讨论
 * (art. 30); it cannot be marked decided with a required step missing. 后评估 afterwards (art. 36).
 */
const STEPS: Record<string, string> = { consult: '公众参与', experts: '专家论证', risk: '风险评估', legality: '合法性审查', discuss: '集体讨论决定' };
const done = (events: EventView[], kind: string) => events.some((e) => e.kind === kind);

export const majorDecision = defineCaseType({
  key: 'major_decision',
  name: '重大行政决策',
  basis: '《重大行政决策程序暂行条例》（国务院令第713号）',
  number: ({ org, year, seq }) => `${org}决策〔${year}〕${seq}号`,
  states: {
    drafting: { label: '决策草案拟定中' },
    decided: { label: '已决定待公布' },
    published: { label: '已公布实施' },
    stopped: { label: '停止决策', final: true },
    evaluated: { label: '已后评估', final: true },
  },
  initial: 'drafting',
  intake: z.object({
    receivedOn: f.date('启动日期'),
    title: f.text('决策事项', 200),
    catalogueCode: f.optionalText('目录编码', 40),
    needsExperts: f.flag('须专家论证（专业性、技术性较强）'),
    needsRisk: f.flag('须风险评估（可能对社会稳定、公共安全等造成不利影响）'),
  }),
  title: (x) => x.title,
  actions: [
    {
      key: 'consult',
      label: '公众参与（征求意见）',
      basis: '条例第十四条（座谈会、听证会等方式；依法不予公开的除外）、第十五条：公开征求意见的期限一般不少于30日，因情况紧急等原因需要缩短的，应当予以说明',
      from: ['drafting'],
      fields: z.object({
        method: f.choice('公众参与方式', { public: '公开征求意见', meeting: '座谈会', hearing: '听证会', other: '实地走访、书面征求意见等其他方式', exempt: '依法不予公开的决策事项' }).optional(),
        from: f.date('征求意见开始日期'),
        to: f.date('征求意见截止日期'),
        opinions: z.number().int().min(0).max(100000).meta({ title: '收到意见（条）' }),
        shortReason: f.optionalText('缩短征求意见期限的理由（情况紧急等）'),
      }),
      check: ({ data }) =>
        (data.method ?? 'public') === 'public' && diffDays(data.from, data.to) < 30 && !data.shortReason
          ? '公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短的，应当说明理由（条例第十五条）'
          : undefined,
    },
    { key: 'experts', label: '专家论证', basis: '条例第十九条', from: ['drafting'], fields: z.object({ experts: z.number().int().min(1).max(100).meta({ title: '论证专家（人）' }), conclusion: f.longText('论证意见') }) },
    { key: 'risk', label: '风险评估', basis: '条例第二十二条', from: ['drafting'], fields: z.object({ level: f.choice('风险等级', { low: '低', medium: '中', high: '高' }), measures: f.longText('风险防范措施') }) },
    {
      key: 'legality',
      label: '合法性审查',
      basis: '条例第二十五条至第二十八条；第二十六条第二款：送请合法性审查应当保证必要的审查时间，一般不少于7个工作日',
      from: ['drafting'],
      fields: z.object({ submittedOn: f.date('送审日期'), opinion: f.choice('审查意见', { lawful: '合法', amended: '修改后合法', unlawful: '不合法' }) }),
      // Art. 26 ¶2 binds the sender, not the reviewer: an opinion given sooner is lawful.
      check: ({ data, on }) => (data.submittedOn > on ? `送审日期（${data.submittedOn}）不能晚于出具意见的日期（${on}）` : undefined),
    },
    {
      key: 'discuss',
      label: '集体讨论决定',
      basis: '条例第三十条：经政府常务会议或者全体会议讨论',
      from: ['drafting'],
      to: 'decided',
      fields: z.object({ meeting: f.text('会议名称及次数', 100) }),
      check: ({ events, fields }) => {
        const missing = ['consult', 'legality', ...(fields.needsExperts ? ['experts'] : []), ...(fields.needsRisk ? ['risk'] : [])].filter((k) => !done(events, k));
        if (missing.length) return `尚未完成法定程序：${missing.map((k) => STEPS[k]).join('、')}，不能提交集体讨论决定`;
        if (events.some((e) => e.kind === 'legality' && e.data.opinion === 'unlawful') && !events.some((e) => e.kind === 'legality' && e.data.opinion !== 'unlawful')) return '合法性审查意见为不合法，不能作出决定';
        return undefined;
      },
    },
    { key: 'publish', label: '公布决策', basis: '条例第三十二条', from: ['decided'], to: 'published', fields: z.object({ docNo: f.text('文号或公布载体', 100) }) },
    { key: 'stop', label: '停止决策', from: ['drafting', 'decided'], to: 'stopped', outcome: 'stopped', fields: z.object({ reason: f.longText('理由') }) },
    { key: 'evaluate', label: '决策后评估', basis: '条例第三十六条', from: ['published'], to: 'evaluated', outcome: 'evaluated', fields: z.object({ conclusion: f.longText('评估结论') }) },
  ],
  clocks: [],
  outcomes: { stopped: '停止决策', evaluated: '已后评估' },
  report: { area: 'decisions', sentences: ['全年作出重大行政决策{{重大行政决策.决定}}项，均履行公众参与、合法性审查、集体讨论决定等法定程序，开展合法性审查{{重大行政决策.合法性审查}}件。'] },
  indicators: [
    { key: 'started', label: '启动', unit: '项', description: '期间内启动的重大行政决策', count: { events: ['receive'] } },
    { key: 'reviewed', label: '合法性审查', unit: '件', description: '期间内完成合法性审查的决策', count: { events: ['legality'] } },
    { key: 'decided', label: '决定', unit: '项', description: '期间内经集体讨论作出的决策', count: { events: ['discuss'] } },
  ],
});

/**
 * 合同审查 and 法律意见: any unit asks the 法律顾问/公职律师; turnaround is tracked against a local
 * limit (5 工作日 here, a choice) and counted as the reports do (seed 000: 审查合同936份, 意见书35份).
 */
export const legalOpinion = defineCaseType({
  key: 'legal_opinion',
  name: '合同审查与法律意见',
  basis: '中共中央办公厅、国务院办公厅《关于推行法律顾问制度和公职律师公司律师制度的意见》',
  number: ({ org, year, seq }) => `${org}法审〔${year}〕${seq}号`,
  states: { requested: { label: '待出具意见' }, answered: { label: '已出具意见', final: true }, withdrawn: { label: '已撤回', final: true } },
  initial: 'requested',
  intake: z.object({
    receivedOn: f.date('收到日期'),
    kind: f.choice('事项类型', { contract: '合同审查', opinion: '法律意见', meeting: '列席会议', other: '其他' }),
    requester: f.text('提请单位', 100),
    subject: f.text('事项', 200),
  }),
  title: (x) => x.subject,
  actions: [
    { key: 'answer', label: '出具意见', from: ['requested'], to: 'answered', outcome: 'answered', fields: z.object({ adviser: f.text('法律顾问或公职律师', 50), opinion: f.longText('审查或法律意见') }) },
    { key: 'withdraw', label: '撤回', from: ['requested'], to: 'withdrawn', outcome: 'withdrawn' },
  ],
  clocks: [{ key: 'answer', label: '出具意见期限', basis: '本平台默认5个工作日（各地自定）', length: 5, unit: 'workday', startOn: ['receive'], stopOn: ['answer', 'withdraw'] }],
  outcomes: { answered: '已出具意见', withdrawn: '已撤回' },
  report: { area: 'decisions', sentences: ['法律顾问和公职律师审查合同{{合同审查与法律意见.审查合同}}份，出具法律意见{{合同审查与法律意见.法律意见}}件，按期办结率{{合同审查与法律意见.按期办结率}}。'] },
  indicators: [
    { key: 'contracts', label: '审查合同', unit: '份', description: '期间内审查完毕的合同', count: { events: ['answer'], caseEquals: { kind: 'contract' } } },
    { key: 'opinions', label: '法律意见', unit: '件', description: '期间内出具的法律意见（不含合同审查）', count: { events: ['answer'], caseEquals: { kind: 'opinion' } } },
    { key: 'answered', label: '办结', unit: '件', description: '期间内出具意见的事项', count: { clocks: ['answer'], stoppedBy: ['answer'] } },
    { key: 'answered_on_time', label: '按期办结', unit: '件', description: '期间内按期出具意见的事项', count: { clocks: ['answer'], stoppedBy: ['answer'], onTime: true } },
    { key: 'on_time_rate', label: '按期办结率', unit: '%', description: '按期办结 ÷ 办结', rate: { numerator: 'answered_on_time', denominator: 'answered' } },
  ],
});
