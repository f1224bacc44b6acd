import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';
import { serviceFields, servedNotAfterStep } from '../../kernel/cases/service.ts';

/**
 * 行政强制 under the 行政强制法; its periods of ten days or less are 工作日 (art. 69).
 * 行政强制措施 (查封、扣押): approved by the head beforehand, or on the spot in an emergency
 * with a report within 24 hours and approval afterwards (arts. 18–19); at most 30 日, +30 日
 * with the head's approval, with 检测、检验、检疫、技术鉴定 time excluded (art. 25).
 * 强制执行: 催告 in writing (art. 35), the party's 陈述申辩 heard (art. 36), then the 强制执行
 * decision (art. 37); an organ without the power applies to the court within 3 months after the
 * review and litigation periods end, 催告 first and 10 日 after it (arts. 53–54).
 */
export const outcomes = {
  released: '解除查封、扣押',
  confiscated: '依法没收',
  destroyed: '依法销毁',
  executed: '行政机关强制执行',
  court: '申请人民法院强制执行',
  performed: '当事人履行',
};

export const coercion = defineCaseType({
  key: 'coercion',
  name: '行政强制',
  basis: '《中华人民共和国行政强制法》',
  statute: 'coercion',
  number: ({ org, year, seq }) => `${org}强〔${year}〕${seq}号`,
  states: {
    measure: { label: '查封扣押期间' },
    testing: { label: '检测、检验、检疫或技术鉴定（不计入期限）' },
    warned: { label: '已催告' },
    heard: { label: '已听取陈述申辩' },
    closed: { label: '已办结', final: true },
  },
  initial: 'measure',
  intake: z.object({
    receivedOn: f.date('实施日期（查封扣押决定或催告前的决定日期）'),
    procedure: f.choice('程序', { measure: '行政强制措施（查封、扣押）', execution: '强制执行（催告、决定或申请法院执行）' }),
    matter: f.text('事项', 200),
    emergency: f.flag('情况紧急当场实施（须24小时内报告并补办批准）').optional(),
    parties: z.array(partySchema).optional().meta({ title: '当事人' }),
  }),
  title: (x) => `${x.matter}`.slice(0, 80),
  actions: [
    {
      key: 'approve',
      label: '负责人批准（紧急情况补办）',
      basis: '行政强制法第十八条、第十九条：情况紧急当场实施的，应当在二十四小时内向行政机关负责人报告，并补办批准手续；负责人认为不应当采取的，应当立即解除',
      from: ['measure'],
      fields: z.object({ approver: f.text('批准的负责人', 50), approved: f.flag('批准（不批准的应当立即解除）') }),
      when: ({ events }) => !events.some((e) => e.kind === 'approve'),
    },
    {
      key: 'test',
      label: '检测、检验、检疫或技术鉴定',
      basis: '行政强制法第二十五条第三款：所需时间不计入查封、扣押期间，应当书面告知当事人',
      from: ['measure'],
      to: 'testing',
      fields: z.object({ kind: f.text('事项', 100) }),
    },
    { key: 'test_done', label: '检测等完成', from: ['testing'], to: 'measure' },
    {
      key: 'extend',
      label: '延长查封、扣押期限',
      basis: '行政强制法第二十五条：情况复杂的，经行政机关负责人批准，可以延长，但延长期限不得超过三十日；书面告知当事人',
      from: ['measure'],
      fields: z.object({ days: f.days('延长天数', 30), reason: f.longText('理由') }),
    },
    {
      key: 'handle',
      label: '作出处理决定',
      basis: '行政强制法第二十七条、第二十八条：期限内查清事实，作出没收、销毁或解除决定',
      from: ['measure'],
      to: 'closed',
      outcome: { field: 'result' },
      fields: z.object({ result: f.choice('处理结果', { released: outcomes.released, confiscated: outcomes.confiscated, destroyed: outcomes.destroyed }) }),
    },
    {
      key: 'warn',
      label: '书面催告',
      basis: '行政强制法第三十五条、第五十四条：作出强制执行决定或申请法院强制执行前，应当事先催告当事人履行义务',
      from: ['measure'],
      to: 'warned',
      when: ({ events }) => events[0]?.data.procedure === 'execution',
      fields: serviceFields,
      check: servedNotAfterStep,
    },
    {
      key: 'hear',
      label: '听取陈述、申辩',
      basis: '行政强制法第三十六条：当事人收到催告书后有权进行陈述和申辩，行政机关应当充分听取',
      from: ['warned'],
      to: 'heard',
      fields: z.object({ summary: f.longText('陈述申辩及采纳情况') }),
    },
    {
      key: 'execute',
      label: '作出强制执行决定或申请法院强制执行',
      basis: '行政强制法第三十七条；第五十三条、第五十四条：催告书送达十日后仍未履行的，可以向人民法院申请强制执行',
      from: ['warned', 'heard'],
      to: 'closed',
      outcome: { field: 'result' },
      fields: z.object({ result: f.choice('结果', { executed: outcomes.executed, court: outcomes.court, performed: outcomes.performed }) }),
      check: ({ data, clocks, on }) => {
        const due = clocks.warning?.dueOn;
        return data.result !== 'performed' && due && on <= due ? `催告书送达后十日（至${due}）履行期满前，不能作出强制执行决定或申请法院执行（行政强制法第三十五条、第五十四条、第六十九条）` : undefined;
      },
    },
  ],
  clocks: [
    {
      key: 'custody',
      label: '查封、扣押期限',
      basis: '行政强制法第二十五条：不得超过三十日，经批准可延长不超过三十日；检测等时间不计入',
      length: 30,
      unit: 'day',
      appliesTo: (x) => x.procedure === 'measure',
      startOn: ['receive'],
      stopOn: ['handle', 'warn'],
      pauseOn: ['test'],
      resumeOn: ['test_done'],
      extendOn: ['extend'],
      maxExtension: 30,
    },
    { key: 'warning', label: '催告履行期限', basis: '行政强制法第五十四条：催告书送达十日', length: 10, unit: 'day', startOn: ['warn'], stopOn: ['execute'] },
  ],
  outcomes,
  indicators: [
    { key: 'measures', label: '查封扣押', unit: '件', description: '期间内实施的查封、扣押', count: { events: ['receive'], caseEquals: { procedure: 'measure' } } },
    { key: 'extended', label: '延长查封扣押', unit: '件', description: '期间内经批准延长的查封、扣押', count: { events: ['extend'] } },
    { key: 'executed', label: '强制执行', unit: '件', description: '期间内行政机关强制执行或申请法院执行的案件', count: { events: ['execute'], outcomes: ['executed', 'court'] } },
  ],
});
