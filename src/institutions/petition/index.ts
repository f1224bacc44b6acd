import { z } from 'zod';
import { defineCaseType, f, partySchema, type ActionContext, type ActionDef, type VerifyContext } from '../../kernel/cases/define.ts';
import { computeDue, type WorkCalendar } from '../../kernel/calendar/calendar.ts';
import { getOrg } from '../../kernel/orgs.ts';

/**
 * 信访 under the 信访工作条例 (2022), arts. 22–37. Its periods are written as plain 日.
 * 访调诉 one-stop handling: a 申诉求决 matter can be routed into 人民调解 (a linked case is opened
 * and the link kept) or guided to 行政复议, litigation or arbitration. Guiding into 复议 opens no
 * 复议 case: 受理 presupposes a 复议申请 (行政复议法 arts. 22, 30), which the 复议机构 registers
 * when the petitioner files it.
 * 复查 and 复核 are the 上一级's own work (arts. 35–36): the request opens a linked 信访 case of tier
 * 复查/复核 in the superior unit, whose 30 日 run from its receipt of the request. A 信访部门 转送s or
 * 交办s a matter (art. 22) by opening the handling unit's case; that unit may hand it back within
 * 5 工作日 if it is not within its remit (art. 23 ¶3).
 */
const tiers = { review: '复查', recheck: '复核' };
const isTier = (x: Record<string, any>, tier?: keyof typeof tiers) => (tier ? x.tier === tier : Boolean(x.tier));
/** The intake, as the receive event carries it: steps of one tier are only offered on its cases. */
const tierOf = (events: { kind: string; data: Record<string, any> }[]) => events.find((e) => e.kind === 'receive')?.data.tier as string | undefined;
const inTier = (tier: keyof typeof tiers) => ({ events }: { events: { kind: string; data: Record<string, any> }[] }) => tierOf(events) === tier;
const hearingOpen = (events: { kind: string }[]) => events.findLast((e) => e.kind === 'hold_hearing' || e.kind === 'end_hearing')?.kind === 'hold_hearing';
const notForTier = ({ fields }: ActionContext) => (isTier(fields) ? '复查、复核事项由上一级机关直接出具复查、复核意见（信访工作条例第三十五条、第三十六条）' : undefined);
const onlyTier = (tier: keyof typeof tiers) => ({ fields }: ActionContext) =>
  isTier(fields, tier) ? undefined : `${tiers[tier]}意见由原办理机关的上一级机关在其${tiers[tier]}案件中出具（信访工作条例${tier === 'review' ? '第三十五条' : '第三十六条'}）`;
/** The superior unit named for 复查/复核 must be another unit, not the one that decided or one below it. */
const superiorOrg = (field: string, article: string) => async (ctx: VerifyContext) => {
  const id = ctx.data[field];
  if (!id) return undefined;
  const [own, target] = await Promise.all([getOrg(ctx.db, ctx.orgId), getOrg(ctx.db, Number(id))]);
  return target.path.startsWith(own.path) ? `应由原办理机关的上一级机关办理，不能由本机关或其下级办理（信访工作条例${article}）` : undefined;
};
/** The request's own period (30 日 from receipt of the answer), then who takes it up. */
const requestVerify = (from: string, field: string, article: string) => async (ctx: VerifyContext) => (await within30(from, article)(ctx)) ?? (await superiorOrg(field, article)(ctx));
/** The linked case the 上一级 handles, received the day the request is recorded. */
const tierSpawn = (tier: keyof typeof tiers, field: string) => ({ fields, data }: { fields: Record<string, any>; data: Record<string, any> }) =>
  data[field] ? { type: 'petition', orgId: Number(data[field]), fields: { tier, channel: fields.channel, category: fields.category, content: fields.content } } : null;
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
const superiorField = (title: string) => f.org(title).optional();

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
    registered: { label: '已登记' },
    handling: { label: '办理中' },
    not_accepted: { label: '不予受理', final: true },
    routed: { label: '已导入法定途径', final: true },
    transferred: { label: '已转送、交办', final: true },
    returned: { label: '异议交还', final: true },
    concluded: { label: '已办结', final: true },
    review: { label: '已请求复查（上一级复查）', final: true },
    reviewed: { label: '复查办结', final: true },
    recheck: { label: '已请求复核（上一级复核）', final: true },
    rechecked: { label: '复核办结', final: true },
  },
  initial: 'registered',
  intake: z.object({
    receivedOn: f.date('收到信访事项日期'),
    tier: f.choice('复查、复核（上一级机关收到复查、复核请求时选择）', tiers).optional(),
    transferredBy: f.choice('信访部门或上级机关转送、交办', { transfer: '转送', assign: '交办' }).optional(),
    channel: f.choice('信访形式', { online: '网上信访', letter: '来信', visit: '来访', phone: '电话', fax: '传真' }),
    category: f.choice('信访事项类别', { suggestion: '建议意见', accusation: '检举控告', claim: '申诉求决' }),
    content: f.longText('信访事项'),
    collective: f.flag('集体访').optional(),
    parties: z.array(partySchema).min(1, { message: '至少填写一名信访人' }).meta({ title: '信访人' }),
  }),
  title: (x) => `信访：${String(x.content).slice(0, 40)}`,
  actions: [
    {
      key: 'accept',
      label: '受理并告知接收情况、处理途径和程序',
      basis: '信访工作条例第二十三条：转送、交办的事项自收到之日起十五日内书面告知信访人接收情况以及处理途径和程序',
      from: ['registered'],
      to: 'handling',
      check: notForTier,
    },
    {
      key: 'transfer',
      label: '转送、交办（信访部门）',
      basis: '信访工作条例第二十二条：信访部门登记后十五日内转送有权处理的机关、单位；需要反馈办理结果的可以交办并指定办理期限',
      from: ['registered'],
      to: 'transferred',
      outcome: 'transferred',
      fields: z.object({
        mode: f.choice('方式', { transfer: '转送', assign: '交办' }),
        targetOrgId: f.org('有权处理的机关、单位'),
        feedbackBy: f.date('反馈办理结果期限（交办时填写）').optional(),
      }),
      check: (ctx) =>
        notForTier(ctx) ?? (ctx.data.mode === 'assign' && !ctx.data.feedbackBy ? '交办的信访事项应指定办理期限，要求反馈结果（信访工作条例第二十二条）' : undefined),
      spawn: ({ fields, data }) => ({ type: 'petition', orgId: Number(data.targetOrgId), fields: { transferredBy: data.mode, channel: fields.channel, category: fields.category, content: fields.content } }),
    },
    {
      key: 'return_transfer',
      label: '提出异议，交还转送、交办的事项',
      basis: '信访工作条例第二十三条第三款：不属于本机关、单位或者本系统职权范围的，自收到之日起五个工作日内提出异议，详细说明理由',
      from: ['registered'],
      to: 'returned',
      outcome: 'returned',
      fields: z.object({ reason: f.longText('异议理由') }),
      check: ({ fields }) => (fields.transferredBy ? undefined : '只有信访部门或上级机关转送、交办的事项才能提出异议交还（信访工作条例第二十三条第三款）'),
      verify: async ({ fields, on, calendar }) => {
        const due = computeDue(calendar, fields.receivedOn, { length: 5, unit: 'workday' }).due;
        return on > due ? `异议应自收到之日起五个工作日内提出（${fields.receivedOn}收到，期限至${due}）（信访工作条例第二十三条第三款）` : undefined;
      },
    },
    {
      key: 'reject',
      label: '不予受理并告知',
      basis: '信访工作条例第二十三条',
      from: ['registered'],
      to: 'not_accepted',
      outcome: 'not_accepted',
      fields: z.object({ reason: f.longText('不予受理理由及告知的途径') }),
      check: notForTier,
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
      check: ({ data, fields }) =>
        isTier(fields)
          ? '复查、复核事项由上一级机关直接出具复查、复核意见（信访工作条例第三十五条、第三十六条）'
          : data.target === 'mediation' && !data.targetOrgId
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
      label: '信访人请求复查（转上一级机关）',
      basis: '信访工作条例第三十五条：自收到书面答复之日起三十日内请求原办理机关的上一级机关复查',
      from: ['concluded'],
      to: 'review',
      fields: requestFields.extend({ reviewOrgId: superiorField('复查机关（原办理机关的上一级机关；不在本平台的可不选）') }),
      check: ({ fields }) => (fields.category === 'claim' ? undefined : '复查只适用于申诉求决类信访事项的处理意见（信访工作条例第三十一条至第三十五条）'),
      verify: requestVerify('conclude', 'reviewOrgId', '第三十五条'),
      spawn: tierSpawn('review', 'reviewOrgId'),
    },
    { ...opinionStep('answer_review', '出具复查意见', '信访工作条例第三十五条：收到复查请求之日起三十日内提出复查意见', 'registered', 'reviewed', '复查意见'), when: inTier('review'), check: onlyTier('review') },
    {
      key: 'request_recheck',
      label: '信访人请求复核（转上一级机关）',
      basis: '信访工作条例第三十六条：自收到书面复查意见之日起三十日内请求复查机关的上一级机关复核',
      from: ['reviewed'],
      to: 'recheck',
      fields: requestFields.extend({ recheckOrgId: superiorField('复核机关（复查机关的上一级机关；不在本平台的可不选）') }),
      verify: requestVerify('answer_review', 'recheckOrgId', '第三十六条'),
      spawn: tierSpawn('recheck', 'recheckOrgId'),
    },
    {
      key: 'hold_hearing',
      label: '举行听证',
      basis: '信访工作条例第三十六条：复核机关可以举行听证，听证所需时间不计算在复核期限内',
      from: ['registered'],
      fields: z.object({ note: f.optionalText('听证安排') }),
      when: ({ events }) => inTier('recheck')({ events }) && !hearingOpen(events),
      check: onlyTier('recheck'),
    },
    { key: 'end_hearing', label: '听证结束', from: ['registered'], when: ({ events }) => inTier('recheck')({ events }) && hearingOpen(events), check: onlyTier('recheck') },
    { ...opinionStep('answer_recheck', '出具复核意见', '信访工作条例第三十六条：收到复核请求之日起三十日内提出复核意见；复核后不再受理', 'registered', 'rechecked', '复核意见'), when: inTier('recheck'), check: onlyTier('recheck') },
  ],
  clocks: [
    {
      key: 'acceptance',
      label: '告知（转送、交办）期限',
      basis: '信访工作条例第二十二条、第二十三条：收到之日起十五日内转送、交办或书面告知接收情况',
      length: 15,
      unit: 'day',
      appliesTo: (x) => !isTier(x),
      startOn: ['receive'],
      stopOn: ['accept', 'reject', 'route', 'transfer', 'return_transfer'],
    },
    {
      key: 'handling',
      label: '办理期限',
      basis: '信访工作条例第三十四条：第三十一条第六项的申诉求决事项自受理之日起六十日，可延长不超过三十日',
      length: 60,
      unit: 'day',
      appliesTo: (x) => x.category === 'claim' && !isTier(x),
      startOn: ['accept'],
      stopOn: ['conclude', 'route'],
      extendOn: ['extend'],
      maxExtension: 30,
    },
    { key: 'review', label: '复查期限', basis: '信访工作条例第三十五条：收到复查请求之日起三十日', length: 30, unit: 'day', appliesTo: (x) => isTier(x, 'review'), startOn: ['receive'], stopOn: ['answer_review'] },
    {
      key: 'recheck',
      label: '复核期限',
      basis: '信访工作条例第三十六条：收到复核请求之日起三十日，听证时间不计入',
      length: 30,
      unit: 'day',
      appliesTo: (x) => isTier(x, 'recheck'),
      startOn: ['receive'],
      stopOn: ['answer_recheck'],
      pauseOn: ['hold_hearing'],
      resumeOn: ['end_hearing'],
    },
  ],
  outcomes: { ...opinions, not_accepted: '不予受理', routed: '导入法定途径', transferred: '转送、交办', returned: '异议交还' },
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
