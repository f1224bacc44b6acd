import { z } from 'zod';
import { defineCaseType, f } from '../../kernel/cases/define.ts';

/**
 * 督办: the 依法治区办 (法治政府建设与责任落实督察工作规定 art. 19–21) presses a unit on a case
 * or a task, with its own reply deadline in working days. The unit answers; the issuer either
 * closes it or presses again, which restarts the deadline. Counted like any case, so 督办 figures
 * are indicators with drill-down.
 */
const grades = { done: '已落实', partly: '部分落实（已说明）' };

export const supervision = defineCaseType({
  key: 'supervision',
  name: '督办',
  basis: '《法治政府建设与责任落实督察工作规定》第十九条至第二十一条',
  number: ({ government, year, seq }) => `${government}督〔${year}〕${seq}号`,
  numberedBy: 'government',
  states: {
    issued: { label: '待答复' },
    answered: { label: '已答复待审核' },
    closed: { label: '已办结', final: true },
  },
  initial: 'issued',
  intake: z.object({
    receivedOn: f.date('签发日期'),
    subject: f.text('督办事项', 200),
    demand: f.longText('督办要求'),
    replyDays: f.days('答复期限（工作日）', 60),
    caseNumber: f.optionalText('关联案号', 60),
  }),
  title: (x) => `督办：${x.subject}`.slice(0, 80),
  actions: [
    {
      key: 'reply',
      label: '答复督办',
      from: ['issued'],
      to: 'answered',
      fields: z.object({ reply: f.longText('落实情况'), grade: f.choice('落实程度', grades) }),
      // The unit answers for itself; the issuer cannot answer its own 督办.
      check: (ctx) => (ctx.actorId !== null && ctx.actorId === ctx.events[0]?.by ? '督办由您签发，应由被督办单位答复' : undefined),
    },
    {
      key: 'close',
      label: '办结督办',
      from: ['answered'],
      to: 'closed',
      outcome: { field: 'grade' },
      fields: z.object({ grade: f.choice('审核结论', grades), note: f.optionalText('审核意见') }),
    },
    {
      key: 'press',
      label: '继续督办',
      basis: '答复不到位的，重新限期答复',
      from: ['answered'],
      to: 'issued',
      fields: z.object({ reason: f.longText('继续督办理由') }),
    },
  ],
  clocks: [
    {
      key: 'reply',
      label: '答复期限',
      basis: '督办通知限定的答复期限',
      length: (x) => Number(x.replyDays),
      lengthLabel: '按督办通知',
      unit: 'workday',
      startOn: ['receive', 'press'],
      stopOn: ['reply'],
    },
  ],
  outcomes: grades,
  indicators: [
    { key: 'issued', label: '督办', unit: '件', description: '期间内签发的督办件数', count: { events: ['receive'] } },
    { key: 'replied', label: '答复', unit: '件', description: '期间内被督办单位已答复的督办件数（继续督办后以最近一次答复计）', count: { clocks: ['reply'], stoppedBy: ['reply'] } },
    { key: 'replied_on_time', label: '按期答复', unit: '件', description: '在督办期限内答复的督办件数', count: { clocks: ['reply'], stoppedBy: ['reply'], onTime: true } },
    { key: 'on_time_rate', label: '按期答复率', unit: '%', description: '按期答复数 ÷ 答复数', rate: { numerator: 'replied_on_time', denominator: 'replied' } },
    { key: 'closed', label: '办结', unit: '件', description: '期间内审核办结的督办件数', count: { events: ['close'] } },
    { key: 'pressed', label: '继续督办', unit: '次', description: '期间内因答复不到位继续督办的次数', count: { events: ['press'] } },
  ],
});
