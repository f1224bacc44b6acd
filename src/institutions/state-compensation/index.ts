import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';
import { serviceFields, servedNotAfterStep } from '../../kernel/cases/service.ts';
import type { WorkCalendar } from '../../kernel/calendar/calendar.ts';
import { computeDue } from '../../kernel/calendar/calendar.ts';
import { addDays } from '../../kernel/calendar/dates.ts';

/**
 * 行政赔偿 under the 国家赔偿法 (2012年修正), chapter 2 (arts. 12–14) and art. 39. The 赔偿义务机关
 * is the organ whose exercise of power caused the harm (art. 7), so a case sits in that org.
 * 申请 → 补正 told at once or within 5 日, all of it at one time (art. 12) → 受理 → the views of the
 * 赔偿请求人 heard, 协商 on 方式、项目、数额 allowed (art. 13 ¶1) → 决定赔偿 or 不予赔偿 within two
 * months of receiving the application (art. 13 ¶1) → 决定书, or the written notice with reasons,
 * served within 10 日 of the decision (art. 13 ¶¶2–3). No decision in time, or a disputed decision,
 * opens the 赔偿请求人's 诉讼 (art. 14), recorded here as the case's end.
 * The law has no rule of its own on counting days, so its 日 are natural days (a period ending on a
 * 法定休假日 ends on the next working day, 民法典 art. 203, the kernel's default) and its months are
 * calendar months.
 */
export const outcomes = {
  awarded: '决定赔偿',
  refused: '决定不予赔偿',
  sued_no_decision: '逾期未决定，赔偿请求人提起诉讼',
  withdrawn: '赔偿请求人撤回申请',
};

/** Art. 32: 支付赔偿金 is the main way; 返还财产 or 恢复原状 where they can be done. */
export const METHODS = { money: '支付赔偿金', return_property: '返还财产', restore: '恢复原状' };

/**
 * Art. 39 ¶1: two years from the day the claimant knew or should have known of the harm, the days of
 * 羁押等限制人身自由 not counted. Nothing is computed without the date of knowledge (as for 复议's
 * 申请期限): it is often disputed, and art. 39 ¶2 lets 不可抗力 or another obstacle suspend it.
 */
export function claimDue(cal: WorkCalendar, fields: Record<string, any>): string | null {
  if (!fields.knewOn) return null;
  const custody = Number(fields.custodyDays) || 0;
  // Custody days are added after the two years (computeDue adds paused days to a month period).
  const pauses = custody > 0 ? [{ from: fields.knewOn, to: addDays(fields.knewOn, custody) }] : [];
  return computeDue(cal, fields.knewOn, { length: 24, unit: 'month' }, pauses).due;
}

const timeLimitReason = f.optionalText('超过两年仍受理的理由（最后六个月内因不可抗力或者其他障碍不能行使请求权，时效中止）', 500);

/** 受理 of a claim past the two years needs the ground art. 39 ¶2 accepts; otherwise the organ decides 不予赔偿. */
const claimInTime = async ({ fields, data, calendar }: { fields: Record<string, any>; data: Record<string, any>; calendar: WorkCalendar }) => {
  const due = claimDue(calendar, fields);
  if (!due || fields.receivedOn <= due || data.timeLimitReason) return undefined;
  const custody = Number(fields.custodyDays) || 0;
  return `赔偿请求于${fields.receivedOn}提出，已超过两年请求时效（自知道或者应当知道之日${fields.knewOn}起计算${custody ? `，不计被限制人身自由的${custody}日` : ''}，${due}届满），应当决定不予赔偿并说明理由；时效中止的，请填写「超过两年仍受理的理由」（国家赔偿法第三十九条）`;
};

const PENDING = ['received', 'correction_requested', 'accepted'];
const DECIDED = ['award', 'refuse'];

export const stateCompensation = defineCaseType({
  key: 'state_compensation',
  name: '行政赔偿',
  basis: '《中华人民共和国国家赔偿法》（2012年修正）第二章、第三十九条',
  number: ({ org, year, seq }) => `${org}赔〔${year}〕${seq}号`,
  states: {
    received: { label: '审查申请' },
    correction_requested: { label: '补正中' },
    accepted: { label: '审理中' },
    decided: { label: '已决定，待送达' },
    served: { label: '已送达', final: true },
    litigated: { label: '赔偿请求人已提起诉讼', final: true },
    withdrawn: { label: '已撤回', final: true },
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到赔偿申请日期'),
    channel: f.choice('申请方式', { in_person: '当面递交申请书', mail: '邮寄', oral: '口头申请（记入笔录）', other: '其他' }),
    act: f.text('造成损害的行政职权行为', 300),
    harm: f.choice('损害', { personal: '侵犯人身权', property: '侵犯财产权', both: '人身权和财产权' }),
    request: f.optionalText('具体的赔偿要求、事实根据和理由'),
    claimed: z.number().int().min(0).max(1_000_000_000).optional().meta({ title: '请求赔偿金额（元）' }),
    relation: f.optionalText('赔偿请求人不是受害人本人的：与受害人的关系及证明', 200),
    knewOn: f.date('知道或者应当知道职权行为侵犯其权利之日').optional(),
    custodyDays: z.number().int().min(0).max(36_500).optional().meta({ title: '其间被羁押等限制人身自由的天数（不计入时效）' }),
    parties: z.array(partySchema).min(1, { message: '至少填写一名赔偿请求人' }).meta({ title: '赔偿请求人' }),
  }),
  title: (x) => `${x.act}`.slice(0, 80),
  actions: [
    {
      key: 'request_correction',
      label: '一次性告知补正',
      basis: '国家赔偿法第十二条第四款：申请材料不齐全的，当场或者在五日内一次性告知赔偿请求人需要补正的全部内容',
      from: ['received'],
      to: 'correction_requested',
      fields: z.object({ items: f.longText('需要补正的全部内容') }),
      when: ({ events }) => !events.some((e) => e.kind === 'request_correction'),
      check: ({ events, clocks, on }) => {
        if (events.some((e) => e.kind === 'request_correction')) return '需要补正的全部内容应当一次性告知，不能再次要求补正（国家赔偿法第十二条第四款）';
        const due = clocks.correction_notice?.dueOn;
        return due && on > due ? `五日告知期限已于${due}届满，不能再要求补正，应当依据已有材料审查（国家赔偿法第十二条第四款）` : undefined;
      },
    },
    { key: 'receive_correction', label: '收到补正材料', basis: '国家赔偿法第十二条第四款', from: ['correction_requested'], to: 'received' },
    {
      key: 'accept',
      label: '受理',
      basis: '国家赔偿法第十二条第四款：当面递交申请书的，当场出具加盖本行政机关专用印章并注明收讫日期的书面凭证；第三十九条：请求时效两年',
      from: ['received'],
      to: 'accepted',
      fields: z.object({ receipt: f.flag('当面递交的：已当场出具加盖专用印章、注明收讫日期的书面凭证').optional(), timeLimitReason }),
      check: ({ fields, data }) =>
        fields.channel === 'in_person' && !data.receipt ? '当面递交申请书的，应当当场出具加盖本行政机关专用印章并注明收讫日期的书面凭证（国家赔偿法第十二条第四款）' : undefined,
      verify: claimInTime,
    },
    {
      key: 'hear_views',
      label: '听取赔偿请求人意见（协商）',
      basis: '国家赔偿法第十三条第一款：作出赔偿决定，应当充分听取赔偿请求人的意见，并可以就赔偿方式、赔偿项目和赔偿数额依照第四章的规定进行协商',
      from: ['accepted'],
      fields: z.object({
        way: f.choice('方式', { in_person: '当面听取', phone: '电话', written: '书面' }),
        views: f.longText('赔偿请求人的意见'),
        negotiated: f.flag('就赔偿方式、项目和数额进行了协商').optional(),
        agreement: f.optionalText('协商结果'),
      }),
    },
    {
      key: 'award',
      label: '决定赔偿',
      basis: '国家赔偿法第十三条；第三十二条：以支付赔偿金为主要方式，能够返还财产或者恢复原状的，予以返还财产或者恢复原状',
      from: ['accepted'],
      to: 'decided',
      outcome: 'awarded',
      fields: z.object({
        method: f.choice('赔偿方式', METHODS),
        items: f.longText('赔偿项目'),
        amount: z.number().int().min(0).max(1_000_000_000).meta({ title: '赔偿金额（元，含精神损害抚慰金；不支付赔偿金的填0）' }),
        apology: f.flag('同时为受害人消除影响、恢复名誉、赔礼道歉').optional(),
      }),
      check: ({ events, data }) => {
        if (!events.some((e) => e.kind === 'hear_views')) return '作出赔偿决定，应当先充分听取赔偿请求人的意见（国家赔偿法第十三条第一款）';
        return data.method === 'money' && !(data.amount > 0) ? '以支付赔偿金方式赔偿的，应当写明赔偿金额（国家赔偿法第十三条、第三十二条）' : undefined;
      },
    },
    {
      key: 'refuse',
      label: '决定不予赔偿',
      basis: '国家赔偿法第十三条第三款：决定不予赔偿的，应当书面通知赔偿请求人，并说明不予赔偿的理由',
      from: PENDING,
      to: 'decided',
      outcome: 'refused',
      fields: z.object({ reason: f.longText('不予赔偿的理由') }),
    },
    {
      key: 'serve',
      label: '送达赔偿决定书或不予赔偿通知',
      basis: '国家赔偿法第十三条第二款、第三款：自作出决定之日起十日内送达赔偿决定书，或者书面通知不予赔偿',
      from: ['decided'],
      to: 'served',
      fields: serviceFields,
      check: servedNotAfterStep,
    },
    {
      key: 'sued',
      label: '赔偿请求人不服决定，提起诉讼',
      basis: '国家赔偿法第十四条第二款：对赔偿的方式、项目、数额有异议，或者不予赔偿的，自决定之日起三个月内向人民法院提起诉讼',
      from: ['decided', 'served'],
      to: 'litigated',
      fields: z.object({ court: f.text('人民法院', 100), filedOn: f.date('起诉日期'), litigationNumber: f.optionalText('行政应诉案号', 60) }),
      check: ({ data, on, events }) => {
        if (data.filedOn > on) return `起诉日期（${data.filedOn}）不能晚于登记日期（${on}）`;
        const decided = events.findLast((e) => DECIDED.includes(e.kind))?.on;
        return decided && data.filedOn < decided ? `起诉日期（${data.filedOn}）早于决定日期（${decided}），对决定不服的诉讼自决定之日起算（国家赔偿法第十四条第二款）` : undefined;
      },
    },
    {
      key: 'sued_no_decision',
      label: '逾期未作决定，赔偿请求人提起诉讼',
      basis: '国家赔偿法第十四条第一款：在规定期限内未作出是否赔偿的决定，赔偿请求人可以自期限届满之日起三个月内向人民法院提起诉讼',
      from: PENDING,
      to: 'litigated',
      outcome: 'sued_no_decision',
      fields: z.object({ court: f.text('人民法院', 100), filedOn: f.date('起诉日期'), litigationNumber: f.optionalText('行政应诉案号', 60) }),
      check: ({ data, on, clocks }) => {
        if (data.filedOn > on) return `起诉日期（${data.filedOn}）不能晚于登记日期（${on}）`;
        const due = clocks.decision?.dueOn;
        return due && data.filedOn <= due ? `两个月决定期限至${due}届满，期限届满前不能以未作决定为由起诉（国家赔偿法第十四条第一款）` : undefined;
      },
    },
    { key: 'withdraw', label: '赔偿请求人撤回申请', from: PENDING, to: 'withdrawn', outcome: 'withdrawn', fields: z.object({ note: f.optionalText('撤回情况') }) },
  ],
  clocks: [
    {
      key: 'correction_notice',
      label: '补正告知期限',
      basis: '国家赔偿法第十二条第四款：当场或者在五日内一次性告知',
      length: 5,
      unit: 'day',
      startOn: ['receive'],
      stopOn: ['request_correction', 'accept', ...DECIDED, 'withdraw', 'sued_no_decision'],
    },
    {
      key: 'decision',
      label: '赔偿决定期限',
      // The law counts from the receipt of the application and names no pause for 补正 (docs/domain.md).
      basis: '国家赔偿法第十三条第一款：自收到申请之日起两个月内作出是否赔偿的决定',
      length: 2,
      unit: 'month',
      startOn: ['receive'],
      stopOn: [...DECIDED, 'withdraw', 'sued_no_decision'],
    },
    {
      key: 'service',
      label: '决定送达期限',
      basis: '国家赔偿法第十三条第二款、第三款：自作出决定之日起十日内',
      length: 10,
      unit: 'day',
      startOn: DECIDED,
      stopOn: ['serve'],
    },
  ],
  outcomes,
  report: {
    area: 'oversight',
    sentences: ['办理行政赔偿案件{{行政赔偿.收到申请}}件，决定赔偿{{行政赔偿.决定赔偿}}件、赔偿金额{{行政赔偿.赔偿金额合计}}元，决定不予赔偿{{行政赔偿.不予赔偿}}件，按期决定率{{行政赔偿.按期决定率}}。'],
  },
  indicators: [
    { key: 'received', label: '收到申请', unit: '件', description: '期间内收到的行政赔偿申请', count: { events: ['receive'] } },
    { key: 'accepted', label: '受理', unit: '件', description: '期间内受理的行政赔偿申请', count: { events: ['accept'] } },
    { key: 'awarded', label: '决定赔偿', unit: '件', description: '期间内作出赔偿决定的案件（国家赔偿法第十三条）', count: { events: ['award'] } },
    { key: 'refused', label: '不予赔偿', unit: '件', description: '期间内决定不予赔偿的案件（国家赔偿法第十三条第三款）', count: { events: ['refuse'] } },
    { key: 'amount', label: '赔偿金额合计', unit: '元', description: '期间内赔偿决定的赔偿金额之和', count: { events: ['award'], sum: 'amount' } },
    { key: 'decided', label: '作出决定', unit: '件', description: '期间内作出赔偿或者不予赔偿决定的案件', count: { clocks: ['decision'], stoppedBy: DECIDED } },
    { key: 'on_time', label: '按期决定', unit: '件', description: '自收到申请之日起两个月内作出决定的案件', count: { clocks: ['decision'], stoppedBy: DECIDED, onTime: true } },
    { key: 'on_time_rate', label: '按期决定率', unit: '%', description: '按期决定 ÷ 作出决定', rate: { numerator: 'on_time', denominator: 'decided' } },
    { key: 'sued', label: '被提起诉讼', unit: '件', description: '期间内赔偿请求人对决定不服或者因逾期未决定提起诉讼的案件（国家赔偿法第十四条）', count: { events: ['sued', 'sued_no_decision'] } },
  ],
});
