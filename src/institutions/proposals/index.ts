import { z } from 'zod';
import { defineCaseType, f, type EventView } from '../../kernel/cases/define.ts';
import { AppError } from '../../kernel/errors.ts';

/**
 * 人大代表建议 (代表法 art. 51: answer within 3 个月 of 交办, 6 个月 for difficult ones, after
 * 联系沟通 with the deputy) and 政协提案 (local rules to the same effect). The case belongs to the
 * 主办 unit.
 */
const kinds = { deputy: '人大代表建议', cppcc: '政协委员提案' };

/**
 * The district's own periods (local rules; no national figure). Defaults (choice): 退回 or 调整 within
 * 5 个工作日 of 交办 (the local rules found say 10 日 or 10 个工作日: change here), and the
 * 重新办理 after a deputy's 不满意 answered within 1 个月 of its 重新交办 (as local 代表法 实施办法
 * found say: 交办之日起一个月内再次答复). A district whose rule differs changes these figures.
 */
export const PROPOSAL_PERIODS = {
  returnWorkdays: 5,
  returnRule: '本区建议提案办理规定（退回调整期限）',
  redoMonths: 1,
  redoRule: '本区建议提案办理规定（重新办理期限）',
};

/** Handling since the last 交办 or 重新交办: the contact the answer needs must fall in it. */
const sinceLastAssignment = (events: EventView[]) => events.slice(events.findLastIndex((e) => e.kind === 'redo') + 1);
const feedback = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

export const proposal = defineCaseType({
  key: 'proposal',
  name: '建议提案',
  basis: '《全国人民代表大会和地方各级人民代表大会代表法》第五十一条；各地政协提案办理办法',
  number: ({ government, year, seq }) => `${government}建提〔${year}〕${seq}号`,
  numberedBy: 'government',
  states: {
    assigned: { label: '待签收' },
    handling: { label: '办理中' },
    returned: { label: '已退回', final: true },
    answered: { label: '已答复待反馈' },
    finished: { label: '已办结', final: true },
  },
  initial: 'assigned',
  intake: z.object({
    receivedOn: f.date('交办日期'),
    kind: f.choice('类别', kinds),
    code: f.text('建议/提案号', 30),
    proposer: f.text('代表或委员', 100),
    subject: f.text('案由', 200),
    coUnits: f.optionalText('协办单位', 200),
  }),
  title: (x) => `${kinds[x.kind as keyof typeof kinds]}第${x.code}号：${x.subject}`.slice(0, 80),
  actions: [
    { key: 'sign', label: '签收', from: ['assigned'], to: 'handling' },
    {
      key: 'return',
      label: '退回交办机关',
      basis: '不属于本单位职责的，说明理由后退回',
      from: ['assigned'],
      to: 'returned',
      outcome: 'returned',
      fields: z.object({ reason: f.longText('退回理由') }),
      check: ({ clocks, on }) => {
        const due = clocks.return_window?.dueOn;
        // A local rule names no national article: the refusal is the law's (409) and names the district's rule.
        if (due && on > due) {
          throw new AppError(409, 'refused_by_law', `退回或申请调整承办单位应在交办之日起${PROPOSAL_PERIODS.returnWorkdays}个工作日内提出（期限至${due}），已逾期，应当办理（${PROPOSAL_PERIODS.returnRule}）`);
        }
        return undefined;
      },
    },
    {
      key: 'contact',
      label: '与代表委员联系沟通',
      basis: '代表法第五十一条第二款：有关机关、组织应当认真研究办理代表建议、批评和意见，与代表联系沟通，充分听取意见',
      from: ['handling'],
      fields: z.object({
        way: f.choice('沟通方式', { visit: '走访', meeting: '座谈', inspection: '邀请视察调研', phone: '电话', online: '网络或短信', letter: '书面征求意见' }),
        opinion: f.longText('代表委员意见'),
      }),
    },
    {
      key: 'extend',
      label: '延期答复（重大复杂）',
      basis: '代表法第五十一条第二款：涉及面广、处理难度大的，应当自交办之日起六个月内答复',
      from: ['handling'],
      fields: z.object({ days: f.days('延长月数', 3), reason: f.longText('延期理由'), approver: f.text('批准的负责人', 50) }),
    },
    {
      key: 'answer',
      label: '书面答复',
      basis: '代表法第五十一条第二款：自交办之日起三个月内答复',
      from: ['handling'],
      to: 'answered',
      outcome: { field: 'grade' },
      fields: z.object({ grade: f.choice('办理结果', { A: 'A类（已解决或基本解决）', B: 'B类（正在解决或列入计划）', C: 'C类（因条件限制暂难解决，已说明）' }), summary: f.longText('答复要点') }),
      check: ({ fields, events }) =>
        fields.kind === 'deputy' && !sinceLastAssignment(events).some((e) => e.kind === 'contact')
          ? '答复人大代表建议前，应当与代表联系沟通、充分听取意见，请先记录「与代表委员联系沟通」（代表法第五十一条第二款）'
          : undefined,
    },
    {
      key: 'publish',
      label: '公开办理结果',
      basis: '代表法第五十一条第三款：代表建议、批评和意见办理情况的报告，应当予以公开（本平台另记录单件办理结果的公开）',
      from: ['answered', 'finished'],
      fields: z.object({ where: f.text('公开载体（网站栏目或网址）', 200) }),
      when: ({ events }) => !events.some((e) => e.kind === 'publish'),
    },
    {
      key: 'feedback',
      label: '代表委员反馈',
      from: ['answered'],
      to: 'finished',
      fields: z.object({ opinion: f.choice('反馈意见', feedback) }),
    },
    {
      key: 'redo',
      label: '不满意，重新办理',
      basis: `${PROPOSAL_PERIODS.redoRule}：代表委员对答复不满意的，重新交办，${PROPOSAL_PERIODS.redoMonths}个月内再次答复`,
      // From 已答复 only: a 反馈 closes the item, so 满意率 counts each item's one 反馈 as before.
      from: ['answered'],
      to: 'handling',
      fields: z.object({ opinion: f.optionalText('代表委员的不满意意见') }),
    },
  ],
  clocks: [
    {
      key: 'answer',
      label: '答复期限',
      basis: '代表法第五十一条第二款：自交办之日起三个月；涉及面广、处理难度大的六个月',
      length: 3,
      unit: 'month',
      startOn: ['receive'],
      stopOn: ['answer', 'return'],
      extendOn: ['extend'],
      maxExtension: 3,
    },
    {
      key: 'return_window',
      label: '退回调整期限',
      basis: `${PROPOSAL_PERIODS.returnRule}：交办之日起${PROPOSAL_PERIODS.returnWorkdays}个工作日内退回或申请调整，签收即不再退回`,
      length: PROPOSAL_PERIODS.returnWorkdays,
      unit: 'workday',
      startOn: ['receive'],
      stopOn: ['sign', 'return'],
    },
    {
      key: 'redo',
      label: '重新办理期限',
      basis: `${PROPOSAL_PERIODS.redoRule}：重新交办之日起${PROPOSAL_PERIODS.redoMonths}个月内再次答复`,
      length: PROPOSAL_PERIODS.redoMonths,
      unit: 'month',
      startOn: ['redo'],
      stopOn: ['answer'],
    },
  ],
  outcomes: { A: 'A类', B: 'B类', C: 'C类', returned: '退回' },
  report: { area: 'oversight', sentences: ['办理人大代表建议{{建议提案.人大代表建议}}件、政协委员提案{{建议提案.政协提案}}件，办结率{{建议提案.办结率}}，满意率{{建议提案.满意率}}。'] },
  indicators: [
    { key: 'deputy', label: '人大代表建议', unit: '件', description: '期间内交办的人大代表建议', count: { events: ['receive'], dataEquals: { kind: 'deputy' } } },
    { key: 'cppcc', label: '政协提案', unit: '件', description: '期间内交办的政协委员提案', count: { events: ['receive'], dataEquals: { kind: 'cppcc' } } },
    { key: 'received', label: '交办', unit: '件', description: '期间内交办的建议和提案', count: { events: ['receive'] } },
    { key: 'answered', label: '办结', unit: '件', description: '期间内书面答复的建议和提案', count: { events: ['answer'] } },
    { key: 'answer_rate', label: '办结率', unit: '%', description: '办结数 ÷ 交办数', rate: { numerator: 'answered', denominator: 'received' } },
    { key: 'feedback', label: '反馈', unit: '件', description: '期间内代表委员反馈意见的件数', count: { events: ['feedback'] } },
    { key: 'satisfied', label: '满意', unit: '件', description: '反馈满意或基本满意的件数', count: { events: ['feedback'], dataEquals: { opinion: ['satisfied', 'basically'] } } },
    { key: 'satisfaction_rate', label: '满意率', unit: '%', description: '满意和基本满意数 ÷ 反馈数', rate: { numerator: 'satisfied', denominator: 'feedback' } },
    { key: 'contacted', label: '联系沟通', unit: '件', description: '期间内与代表委员联系沟通的件数', count: { events: ['contact'] } },
    { key: 'published', label: '办理结果公开', unit: '件', description: '期间内公开办理结果的件数', count: { events: ['publish'] } },
    { key: 'redone', label: '重新办理', unit: '件', description: '期间内因代表委员不满意重新办理的件数', count: { events: ['redo'] } },
    { key: 'redone_on_time', label: '重新办理按期答复', unit: '件', description: '在重新办理期限内再次答复的件数', count: { clocks: ['redo'], stoppedBy: ['answer'], onTime: true } },
  ],
});
