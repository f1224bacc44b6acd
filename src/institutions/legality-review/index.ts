import { z } from 'zod';
import { defineCaseType, f, type ActionDef, type EventView } from '../../kernel/cases/define.ts';
import { diffDays } from '../../kernel/calendar/dates.ts';
import { computeDue } from '../../kernel/calendar/calendar.ts';

/**
 * 公平竞争审查 (公平竞争审查条例, 国务院令第783号, 2024-08-01): a policy measure that touches
 * businesses' economic activity is reviewed while it is drafted (arts. 2, 13–14), the review ends
 * in a conclusion (art. 17), and a measure not reviewed, or found to breach arts. 8–11 without an
 * art. 12 exception, may not be issued (art. 18). One step and one gate, shared by 规范性文件 and
 * 重大行政决策 (决策条例 art. 29 (一) asks for the review's result among the materials).
 */
const FAIR_CONCLUSIONS = {
  clear: '不具有排除、限制竞争效果',
  exception: '具有排除、限制竞争效果，但符合第十二条例外情形',
  breach: '违反第八条至第十一条规定，不符合例外情形',
};
const marketFlag = () => f.flag('涉及经营者经济活动（须公平竞争审查）').optional();
const fairCompetitionStep = (from: string[]) => ({
  key: 'fair_competition',
  label: '公平竞争审查',
  basis: '《公平竞争审查条例》第二条、第十三条、第十四条（政府出台的由市场监管部门会同起草单位审查）、第十七条、第十八条',
  from,
  fields: z.object({
    reviewer: f.choice('审查方式', { drafter: '起草单位自行审查（第十三条）', samr: '市场监督管理部门会同起草单位审查（第十四条）' }),
    conclusion: f.choice('审查结论', FAIR_CONCLUSIONS),
    exceptionGround: f.choice('例外情形（第十二条）', { security: '维护国家安全和发展利益', innovation: '促进科学技术进步、增强国家自主创新能力', public: '节约能源、保护环境、救灾救助等社会公共利益', law: '法律、行政法规规定的其他情形' }).optional(),
    term: f.optionalText('实施期限或者终止条件（适用例外的填写）', 200),
    explanation: f.optionalText('审查结论说明（适用例外的须详细说明）'),
    consulted: f.optionalText('听取利害关系人意见情况（第十六条）'),
  }),
  check: ({ data }: { data: Record<string, any> }) =>
    data.conclusion === 'exception' && (!data.exceptionGround || !data.term || !data.explanation)
      ? '适用例外规定的，应当写明第十二条的情形、合理的实施期限或者终止条件，并在审查结论中详细说明（公平竞争审查条例第十二条、第十七条第二款）'
      : undefined,
});
/** Art. 18: the latest conclusion decides; a measure amended after a breach is reviewed again. */
function fairCompetitionRefusal(events: EventView[], fields: Record<string, any>, step: string): string | undefined {
  if (!fields.affectsMarket) return undefined;
  const last = events.findLast((e) => e.kind === 'fair_competition');
  if (!last) return `涉及经营者经济活动的政策措施未经公平竞争审查，不得${step}（公平竞争审查条例第十八条）`;
  if (last.data.conclusion === 'breach') return `公平竞争审查认为违反第八条至第十一条规定且不符合例外情形，不得${step}；修改后应重新审查（公平竞争审查条例第十八条）`;
  return undefined;
}

/**
 * 规范性文件合法性审核 (国办发〔2018〕115号): the drafting org submits; the 司法局 (or its 法律顾问)
 * reviews within 15 工作日 and is given at least 5 工作日; opinion; 公布; 备案 with the 人大常委会 and
 * the government above (30 日 after 公布, a local rule); then periodic 清理 and 后评估.
 */
const OPINIONS = { approved: '通过', amended: '修改后通过', rejected: '不予通过' };

/** 公开征求意见 on a 规范性文件 (review row 12.4): 7 工作日, or 30 日 when it bears on market players. */
const COMMENT_PERIOD = (market: boolean) =>
  market ? { period: { length: 30, unit: 'day' as const }, label: '一般不少于30日（与市场主体生产经营活动密切相关）' } : { period: { length: 7, unit: 'workday' as const }, label: '一般不少于7个工作日' };

/** A document that must go out for comment is not issued before it did, nor before the period it announced ended. */
function commentRefusal(events: EventView[], fields: Record<string, any>, on: string): string | undefined {
  if (!fields.publicComment) return undefined;
  const consult = events.findLast((e) => e.kind === 'consult');
  if (!consult) return '本文件须向社会公开征求意见，未公开征求意见的不得印发（国办发〔2018〕37号）';
  if (on <= consult.data.to) return `公开征求意见截止于${consult.data.to}，期限届满前不得印发（国办发〔2018〕37号）`;
  return undefined;
}

export const normativeDocument = defineCaseType({
  key: 'normative_document',
  name: '规范性文件审核',
  basis: '国办发〔2018〕115号《关于全面推行行政规范性文件合法性审核机制的指导意见》；国办发〔2018〕37号；《公平竞争审查条例》',
  number: ({ org, year, seq }) => `${org}规审〔${year}〕${seq}号`,
  states: {
    submitted: { label: '待审核' },
    materials_requested: { label: '补充材料中' },
    reviewed: { label: '已出具审核意见' },
    issued: { label: '已印发待备案' },
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
    // The document is filed here (the 司法局 reviews it) but issued by its 制定机关: the 政府信息公开
    // 年报 counts it for that org. Older records have none and count for the org that filed them.
    issuerOrgId: f.org('制定机关').meta({ description: '以其名义印发文件的机关（区政府或部门）；不填则为登记单位' }).optional(),
    materials: f.flag('起草说明、征求意见等材料齐全'),
    affectsMarket: marketFlag(),
    publicComment: f.flag('对公民、法人和其他组织权利义务有重大影响或涉及群众切身利益（须公开征求意见）').optional(),
    // A government's own documents go to two recipients (review row 12.6), each tracked on its own.
    congressFiling: f.flag('人民政府制定，须同时报本级人大常委会备案（监督法第三十九条、第四十条）').optional(),
  }),
  title: (x) => x.title,
  actions: [
    {
      key: 'request_materials',
      label: '退回或要求补充材料',
      // A local choice (115号, mem.; 决策条例 art. 26 ¶1 says the same for decisions): the review period pauses and restarts from the complete materials.
      basis: '国办发〔2018〕115号：送审材料不符合要求的，可以退回或者要求限期补充；审核期限自收到齐全材料之日起重新计算（本平台做法）',
      from: ['submitted'],
      to: 'materials_requested',
      fields: z.object({ items: f.longText('需补充的材料') }),
    },
    { key: 'receive_materials', label: '收到补充材料', from: ['materials_requested'], to: 'submitted' },
    fairCompetitionStep(['submitted', 'materials_requested', 'reviewed']) as ActionDef,
    {
      key: 'review',
      label: '出具审核意见',
      basis: '国办发〔2018〕115号：审核时间一般不少于5个工作日，最长不超过15个工作日',
      from: ['submitted'],
      to: 'reviewed',
      outcome: { field: 'opinion' },
      fields: z.object({ opinion: f.choice('审核意见', OPINIONS), reviewer: f.text('审核人员', 50), issues: f.optionalText('合法性问题及修改意见') }),
    },
    { key: 'withdraw', label: '起草单位撤回', from: ['submitted', 'materials_requested', 'reviewed'], to: 'withdrawn', outcome: 'withdrawn' },
    {
      key: 'close_rejected',
      label: '不予通过，办结',
      from: ['reviewed'],
      to: 'rejected',
      when: ({ events }) => events.some((e) => e.kind === 'review' && e.data.opinion === 'rejected'),
    },
    {
      key: 'deliberate',
      label: '集体审议',
      basis: '国办发〔2018〕37号：规范性文件应当经制定机关集体审议；未经合法性审核或者经审核不合法的，不得提交集体审议（国办发〔2018〕115号）',
      from: ['reviewed'],
      when: ({ events }) => events.some((e) => e.kind === 'review' && e.data.opinion !== 'rejected'),
      fields: z.object({ meeting: f.text('审议会议名称及次数', 100), result: f.choice('审议结果', { passed: '审议通过', amend: '修改后通过', failed: '未通过' }) }),
    },
    {
      key: 'consult',
      label: '公开征求意见',
      basis: '国办发〔2018〕37号：对有关行政规范性文件向社会公开征求意见，期限一般不少于7个工作日；与市场主体生产经营活动密切相关的一般不少于30日（据中央依法治国办《市县法治政府建设示范指标体系》第24项转述）',
      from: ['submitted', 'materials_requested', 'reviewed'],
      fields: z.object({
        from: f.date('征求意见开始日期'),
        to: f.date('征求意见截止日期'),
        opinions: z.number().int().min(0).max(100000).meta({ title: '收到意见（条）' }),
        shortReason: f.optionalText('缩短征求意见期限的理由（情况紧急等）'),
      }),
      // The period is counted like any other: the first day does not count (民法典第二百零一条).
      verify: async ({ data, fields, calendar }) => {
        if (data.to < data.from) return '征求意见截止日期不能早于开始日期';
        const rule = COMMENT_PERIOD(fields.affectsMarket === true);
        const earliest = computeDue(calendar, data.from, rule.period).due;
        if (data.to < earliest && !data.shortReason) return `公开征求意见期限${rule.label}：自${data.from}起，截止日期不得早于${earliest}；确需缩短的，应当说明理由（国办发〔2018〕37号）`;
        return undefined;
      },
    },
    {
      key: 'issue',
      label: '印发（统一登记、编号、印发）',
      basis: '国办发〔2018〕37号：经集体审议通过后由制定机关统一登记、统一编号、统一印发；《公平竞争审查条例》第十八条',
      from: ['reviewed'],
      to: 'issued',
      when: ({ events }) => events.some((e) => e.kind === 'review' && e.data.opinion !== 'rejected'),
      fields: z.object({ docNo: f.text('文号（统一编号）', 60) }),
      check: ({ events, fields, on }) => {
        // A draft that did not pass review is not offered this step at all; that refusal stands.
        if (!events.some((e) => e.kind === 'review' && e.data.opinion !== 'rejected')) return undefined;
        const meeting = events.findLast((e) => e.kind === 'deliberate');
        if (!meeting || meeting.data.result === 'failed') return '规范性文件未经制定机关集体审议通过，不得印发（国办发〔2018〕37号：集体审议制度）';
        const comment = commentRefusal(events, fields, on);
        if (comment) return comment;
        return fairCompetitionRefusal(events, fields, '印发');
      },
    },
    {
      key: 'publish',
      label: '主动公开',
      basis: '政府信息公开条例第二十六条：属于主动公开范围的政府信息，自形成之日起20个工作日内及时公开',
      from: ['issued', 'filed'],
      when: ({ events }) => !events.some((e) => e.kind === 'publish'),
      fields: z.object({ medium: f.text('公开载体（政府网站、公报等）', 100) }),
    },
    { key: 'file', label: '报送政府备案', basis: '地方规范性文件备案审查规定（《法规规章备案审查条例》第二十五条授权）：报上一级人民政府（部门文件报本级人民政府）备案', from: ['issued'], to: 'filed', fields: z.object({ filedWith: f.text('备案机关', 100) }) },
    {
      key: 'file_congress',
      label: '报送人大常委会备案',
      basis: '《监督法》第三十九条、第四十条：县级以上地方各级人民政府制定的规范性文件报本级人民代表大会常务委员会备案',
      from: ['issued', 'filed'],
      // Offered while its clock runs: only for a government's own documents, and only once.
      when: ({ clocks }) => clocks.filing_congress?.status === 'running',
      fields: z.object({ filedWith: f.text('备案机关', 100).default('本级人大常委会') }),
    },
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
    { key: 'review', label: '合法性审核期限', basis: '国办发〔2018〕115号：最长不超过15个工作日；补充材料期间不计入，收到齐全材料后重新计算', length: 15, unit: 'workday', startOn: ['receive', 'receive_materials'], stopOn: ['review', 'withdraw'], pauseOn: ['request_materials'] },
    { key: 'publication', label: '主动公开期限', basis: '政府信息公开条例第二十六条：自政府信息形成之日起20个工作日内公开', length: 20, unit: 'workday', startOn: ['issue'], stopOn: ['publish'] },
    { key: 'filing', label: '政府备案期限', basis: '公布之日起30日内报送备案（地方规定）', length: 30, unit: 'day', startOn: ['issue'], stopOn: ['file'] },
    { key: 'filing_congress', label: '人大常委会备案期限', basis: '公布之日起30日内报本级人大常委会备案（地方人大常委会规范性文件备案审查规定）', length: 30, unit: 'day', appliesTo: (x) => Boolean(x.congressFiling), startOn: ['issue'], stopOn: ['file_congress'] },
  ],
  outcomes: { ...OPINIONS, withdrawn: '撤回', repealed: '废止' },
  report: { area: 'decisions', sentences: ['全年审核规范性文件{{规范性文件审核.审核}}件，报送备案{{规范性文件审核.备案}}件，清理规范性文件{{规范性文件审核.清理}}件。'] },
  indicators: [
    { key: 'reviewed', label: '审核', unit: '件', description: '期间内出具合法性审核意见的文件', count: { events: ['review'] } },
    { key: 'issued', label: '制发', unit: '件', description: '期间内以本单位名义统一编号印发的文件，按制定机关计（政府信息公开年报“本年制发件数”）', count: { events: ['issue'], orgField: 'issuerOrgId' } },
    { key: 'repealed', label: '废止', unit: '件', description: '期间内废止的本单位制定的文件，按制定机关计（政府信息公开年报“本年废止件数”）', count: { events: ['repeal'], orgField: 'issuerOrgId' } },
    { key: 'filed', label: '备案', unit: '件', description: '期间内报送政府备案的文件', count: { events: ['file'] } },
    { key: 'filed_congress', label: '报人大常委会备案', unit: '件', description: '期间内报送本级人大常委会备案的文件（人民政府制定的）', count: { events: ['file_congress'] } },
    { key: 'filing_on_time', label: '按期备案', unit: '件', description: '期间内在公布后30日内报送政府备案的文件', count: { clocks: ['filing'], stoppedBy: ['file'], onTime: true } },
    { key: 'filing_congress_on_time', label: '按期报人大备案', unit: '件', description: '期间内在公布后30日内报送本级人大常委会备案的文件', count: { clocks: ['filing_congress'], stoppedBy: ['file_congress'], onTime: true } },
    { key: 'cleaned', label: '清理', unit: '件', description: '期间内清理的文件', count: { events: ['cleanup'] } },
    { key: 'review_on_time', label: '按期审核', unit: '件', description: '期间内在15个工作日内审核的文件', count: { clocks: ['review'], stoppedBy: ['review'], onTime: true } },
    { key: 'fair_reviewed', label: '公平竞争审查', unit: '件', description: '期间内作出公平竞争审查结论的文件', count: { events: ['fair_competition'] } },
    { key: 'consulted', label: '公开征求意见', unit: '件', description: '期间内向社会公开征求意见的文件', count: { events: ['consult'] } },
  ],
});

/**
 * 重大行政决策 (重大行政决策程序暂行条例, 2019): a decision in the yearly 目录 goes through 公众参与
 * (comment period generally at least 30 日, art. 15, shorter for a stated urgency; art. 14 other
 * forms; 听证会 materials served 7 日 before, art. 16), 专家论证 and 风险评估 where required,
 * 公平竞争审查 when it touches businesses (art. 29 (一); 公平竞争审查条例 art. 18), 合法性审查 with the
 * 法律顾问/公职律师's opinion (arts. 25–28; the sender should allow at least 7 工作日, art. 26 ¶2 — a
 * duty on the sender, so an earlier opinion is only noted) and 集体讨论 (art. 30); it is reported
 * to the party committee before issue (art. 31), and to the 人大 where art. 8 requires. Once in
 * force it may be suspended by the head in an emergency or adjusted through the procedure again
 * (art. 37); 后评估 afterwards (art. 36).
 */
const STEPS: Record<string, string> = { consult: '公众参与', experts: '专家论证', risk: '风险评估', legality: '合法性审查', discuss: '集体讨论决定' };
/** The steps of the current round: a 重大调整 (art. 37) goes through the procedure again. */
const round = (events: EventView[]) => events.slice(events.findLastIndex((e) => e.kind === 'readjust') + 1);
const done = (events: EventView[], kind: string) => round(events).some((e) => e.kind === kind);

export const majorDecision = defineCaseType({
  key: 'major_decision',
  name: '重大行政决策',
  basis: '《重大行政决策程序暂行条例》（国务院令第713号）；《公平竞争审查条例》（国务院令第783号）',
  number: ({ org, year, seq }) => `${org}决策〔${year}〕${seq}号`,
  states: {
    drafting: { label: '决策草案拟定中' },
    decided: { label: '已决定待公布' },
    published: { label: '已公布实施' },
    suspended: { label: '中止执行' },
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
    affectsMarket: marketFlag(),
    congress: f.flag('属于人大及其常委会讨论决定或出台前须报告人大常委会的事项（条例第八条）').optional(),
  }),
  title: (x) => x.title,
  actions: [
    {
      key: 'consult',
      label: '公众参与（征求意见）',
      basis: '条例第十四条（座谈会、听证会等方式；依法不予公开的除外）、第十五条：公开征求意见的期限一般不少于30日，因情况紧急等原因需要缩短的，应当予以说明；第十六条：听证会材料应当于召开听证会7日前送达听证参加人',
      from: ['drafting'],
      fields: z.object({
        method: f.choice('公众参与方式', { public: '公开征求意见', meeting: '座谈会', hearing: '听证会', other: '实地走访、书面征求意见等其他方式', exempt: '依法不予公开的决策事项' }).optional(),
        from: f.date('征求意见开始日期（听证会为召开日期）'),
        to: f.date('征求意见截止日期'),
        opinions: z.number().int().min(0).max(100000).meta({ title: '收到意见（条）' }),
        shortReason: f.optionalText('缩短征求意见期限的理由（情况紧急等）'),
        servedOn: f.date('听证会材料送达听证参加人日期').optional(),
      }),
      check: ({ data }) => {
        const method = data.method ?? 'public';
        if (method === 'public' && diffDays(data.from, data.to) < 30 && !data.shortReason) return '公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短的，应当说明理由（条例第十五条）';
        if (method === 'hearing' && (!data.servedOn || diffDays(data.servedOn, data.from) < 7)) return '听证会材料应当于召开听证会7日前送达听证参加人（条例第十六条第三款）';
        return undefined;
      },
    },
    { key: 'experts', label: '专家论证', basis: '条例第十九条', from: ['drafting'], fields: z.object({ experts: z.number().int().min(1).max(100).meta({ title: '论证专家（人）' }), conclusion: f.longText('论证意见') }) },
    { key: 'risk', label: '风险评估', basis: '条例第二十二条', from: ['drafting'], fields: z.object({ level: f.choice('风险等级', { low: '低', medium: '中', high: '高' }), measures: f.longText('风险防范措施') }) },
    fairCompetitionStep(['drafting']) as ActionDef,
    {
      key: 'counsel',
      label: '法律顾问、公职律师法律意见',
      basis: '条例第二十八条：在合法性审查过程中，应当组织法律顾问、公职律师提出法律意见',
      from: ['drafting'],
      fields: z.object({ adviser: f.text('法律顾问或公职律师', 100), opinion: f.longText('法律意见') }),
    },
    {
      key: 'legality',
      label: '合法性审查',
      basis: '条例第二十五条至第二十八条；第二十六条第二款：送请合法性审查应当保证必要的审查时间，一般不少于7个工作日；第二十五条第二款：探索性改革决策事项可以明示法律风险',
      from: ['drafting'],
      fields: z.object({
        submittedOn: f.date('送审日期'),
        opinion: f.choice('审查意见', { lawful: '合法', amended: '修改后合法', unlawful: '不合法', exploratory: '国家尚无明确规定的探索性改革事项，明示法律风险' }),
        legalRisk: f.optionalText('明示的法律风险（探索性改革事项填写）'),
      }),
      // Art. 26 ¶2 binds the sender, not the reviewer: an opinion given sooner is lawful.
      check: ({ data, on, events }) => {
        if (data.submittedOn > on) return `送审日期（${data.submittedOn}）不能晚于出具意见的日期（${on}）`;
        if (!done(events, 'counsel')) return '合法性审查过程中应当组织法律顾问、公职律师提出法律意见，请先登记法律意见（条例第二十八条）';
        if (data.opinion === 'exploratory' && !data.legalRisk) return '探索性改革决策事项提交讨论的，应当明示法律风险（条例第二十五条第二款）';
        return undefined;
      },
    },
    {
      key: 'discuss',
      label: '集体讨论决定',
      basis: '条例第二十九条（涉及市场主体经济活动的，报送公平竞争审查情况）、第三十条：经政府常务会议或者全体会议讨论，行政首长最后发表意见并作出决定，与多数人意见不一致的在会上说明理由，不同意见如实载明',
      from: ['drafting'],
      to: 'decided',
      fields: z.object({
        meetingKind: f.choice('会议类型', { standing: '常务会议', plenary: '全体会议' }),
        meeting: f.text('会议名称及次数', 100),
        headDecision: f.choice('行政首长的决定', { majority: '与会议组成人员多数人的意见一致', differs: '与会议组成人员多数人的意见不一致' }),
        headReason: f.optionalText('行政首长在会上说明的理由（与多数人意见不一致的）'),
        dissent: f.optionalText('不同意见（如实载明）'),
      }),
      check: ({ events, fields, data }) => {
        const missing = ['consult', 'legality', ...(fields.needsExperts ? ['experts'] : []), ...(fields.needsRisk ? ['risk'] : [])].filter((k) => !done(events, k));
        if (missing.length) return `尚未完成法定程序：${missing.map((k) => STEPS[k]).join('、')}，不能提交集体讨论决定`;
        if (round(events).findLast((e) => e.kind === 'legality')?.data.opinion === 'unlawful') return '决策草案经合法性审查不合法的，不得提交决策机关讨论（条例第二十五条第二款）';
        const fair = fairCompetitionRefusal(round(events), fields, '提交讨论');
        if (fair) return fair;
        if (data.headDecision === 'differs' && !data.headReason) return '行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由（条例第三十条第二款）';
        return undefined;
      },
    },
    {
      key: 'report_party',
      label: '向同级党委请示报告',
      basis: '条例第三十一条：重大行政决策出台前应当按照规定向同级党委请示报告',
      from: ['drafting', 'decided'],
      fields: z.object({ committee: f.text('请示报告的党委', 100), reply: f.optionalText('党委意见') }),
    },
    {
      key: 'report_congress',
      label: '提请人大讨论决定或向人大常委会报告',
      basis: '条例第八条：属于本级人大及其常委会讨论决定的重大事项，或者应当在出台前向本级人大常委会报告的，按照有关规定办理',
      from: ['drafting', 'decided'],
      fields: z.object({ kind: f.choice('方式', { decide: '提请讨论决定', report: '出台前报告' }), body: f.text('人大或其常委会会议', 100), result: f.optionalText('结果') }),
      check: ({ fields }) => (fields.congress ? undefined : '本事项未登记为须报人大的事项；如属条例第八条情形，请先在事项信息中勾选'),
    },
    {
      key: 'publish',
      label: '公布决策',
      basis: '条例第三十一条（出台前向同级党委请示报告）、第三十二条；第八条；《公平竞争审查条例》第十八条',
      from: ['decided'],
      to: 'published',
      fields: z.object({ docNo: f.text('文号或公布载体', 100) }),
      check: ({ events, fields }) => {
        if (!done(events, 'report_party')) return '重大行政决策出台前应当按照规定向同级党委请示报告（条例第三十一条）';
        if (fields.congress && !done(events, 'report_congress')) return '本事项属于人大及其常委会讨论决定或出台前须报告的事项，尚未办理（条例第八条）';
        return fairCompetitionRefusal(round(events), fields, '出台');
      },
    },
    { key: 'stop', label: '停止决策', from: ['drafting', 'decided'], to: 'stopped', outcome: 'stopped', fields: z.object({ reason: f.longText('理由') }) },
    {
      key: 'suspend',
      label: '中止执行',
      basis: '条例第三十七条：执行中出现第三十五条规定的情形、情况紧急的，决策机关行政首长可以先决定中止执行',
      from: ['published'],
      to: 'suspended',
      fields: z.object({
        situation: f.choice('情形（第三十五条）', { problem: '决策存在问题', change: '客观情况发生重大变化', force: '不可抗力等严重影响决策目标实现' }),
        reason: f.longText('情况紧急的理由'),
        head: f.text('作出决定的行政首长', 50),
      }),
    },
    { key: 'resume', label: '恢复执行', basis: '条例第三十七条', from: ['suspended'], to: 'published', fields: z.object({ reason: f.longText('恢复执行的理由') }) },
    {
      key: 'readjust',
      label: '重大调整（重新履行法定程序）',
      basis: '条例第三十七条：依法作出的重大行政决策，未经法定程序不得随意变更或者停止执行；需要作出重大调整的，应当依照本条例履行相关法定程序',
      from: ['published', 'suspended'],
      to: 'drafting',
      fields: z.object({ reason: f.longText('调整理由') }),
    },
    { key: 'evaluate', label: '决策后评估', basis: '条例第三十六条', from: ['published', 'suspended'], to: 'evaluated', outcome: 'evaluated', fields: z.object({ conclusion: f.longText('评估结论') }) },
  ],
  clocks: [],
  outcomes: { stopped: '停止决策', evaluated: '已后评估' },
  report: { area: 'decisions', sentences: ['全年作出重大行政决策{{重大行政决策.决定}}项，均履行公众参与、合法性审查、集体讨论决定等法定程序，开展合法性审查{{重大行政决策.合法性审查}}件。'] },
  indicators: [
    { key: 'started', label: '启动', unit: '项', description: '期间内启动的重大行政决策', count: { events: ['receive'] } },
    { key: 'reviewed', label: '合法性审查', unit: '件', description: '期间内完成合法性审查的决策', count: { events: ['legality'] } },
    { key: 'decided', label: '决定', unit: '项', description: '期间内经集体讨论作出的决策', count: { events: ['discuss'] } },
    { key: 'fair_reviewed', label: '公平竞争审查', unit: '件', description: '期间内作出公平竞争审查结论的决策', count: { events: ['fair_competition'] } },
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
