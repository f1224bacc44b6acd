import { z } from 'zod';
import { defineCaseType, f } from '../../kernel/cases/define.ts';

/**
 * 人大代表建议 (代表法 art. 51: answer within 3 个月 of 交办, 6 个月 for difficult ones) and
 * 政协提案 (local rules to the same effect). The case belongs to the 主办 unit.
 */
const kinds = { deputy: '人大代表建议', cppcc: '政协委员提案' };
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
    },
    {
      key: 'extend',
      label: '延期答复（重大复杂）',
      basis: '代表法第五十一条：涉及面广、处理难度大的，应当在六个月内答复',
      from: ['handling'],
      fields: z.object({ days: f.days('延长月数', 3), reason: f.longText('延期理由'), approver: f.text('批准的负责人', 50) }),
    },
    {
      key: 'answer',
      label: '书面答复',
      basis: '代表法第五十一条：交办之日起三个月内答复',
      from: ['handling'],
      to: 'answered',
      outcome: { field: 'grade' },
      fields: z.object({ grade: f.choice('办理结果', { A: 'A类（已解决或基本解决）', B: 'B类（正在解决或列入计划）', C: 'C类（因条件限制暂难解决，已说明）' }), summary: f.longText('答复要点') }),
    },
    {
      key: 'feedback',
      label: '代表委员反馈',
      from: ['answered'],
      to: 'finished',
      fields: z.object({ opinion: f.choice('反馈意见', feedback) }),
    },
    { key: 'redo', label: '不满意，重新办理', from: ['answered'], to: 'handling' },
  ],
  clocks: [
    {
      key: 'answer',
      label: '答复期限',
      basis: '代表法第五十一条：三个月；重大复杂的六个月',
      length: 3,
      unit: 'month',
      startOn: ['receive'],
      stopOn: ['answer', 'return'],
      extendOn: ['extend'],
      maxExtension: 3,
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
  ],
});
