import { z } from 'zod';
import { sql } from 'kysely';
import { defineCaseType, f, partySchema, type EventView, type VerifyContext } from '../../kernel/cases/define.ts';
import { governmentOf } from '../../kernel/orgs.ts';
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
 * Payment (art. 37; 国家赔偿费用管理条例, 国务院令第589号): the 赔偿请求人 applies to the 赔偿义务机关
 * with the effective 赔偿决定书 (or, after a suit, the 判决书 or 调解书); materials incomplete → told
 * at once or within 3 个工作日, all at one time (条例 art. 6); the organ applies in writing to the
 * 财政部门 within 7 日 of 受理 (art. 37 ¶2, 条例 art. 8), and the 财政部门 pays within 15 日 of its
 * 受理 (条例 art. 10); a 财政部门's 补正 request is answered within 5 个工作日 (条例 art. 9 (三)).
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
const METHODS = { money: '支付赔偿金', return_property: '返还财产', restore: '恢复原状' };

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

/** The effective documents a payment application rests on (国家赔偿法第三十七条第二款). */
const PAYMENT_DOCUMENTS = { decision: '赔偿决定书', judgment: '生效判决书', mediation: '调解书', reconsideration: '复议决定书' };
const PAY_LAW = '国家赔偿费用管理条例';
const lastOf = (events: EventView[], kinds: string[]) => events.findLast((e) => kinds.includes(e.kind));
/** A 补正 asked for and not yet answered, of the claimant (payment_*) or of the 财政部门 (finance_*). */
const correctionOpen = (events: EventView[], ask: string, answer: string) => lastOf(events, [ask, answer, 'payment_apply'])?.kind === ask;
/** The amount the effective document awards: the organ's 赔偿决定, or the court's judgment or 调解书 after a suit. */
function awardedAmount(state: string, events: EventView[]): number {
  if (state === 'litigated') {
    const j = lastOf(events, ['court_judgment']);
    return j && j.data.result !== 'dismissed' ? Number(j.data.amount) || 0 : 0;
  }
  const award = lastOf(events, ['award']);
  return award ? Number(award.data.amount) || 0 : 0;
}

/**
 * The 行政应诉 case of the suit, when the 案号 given (the platform's 应诉案号 or the court's 案号)
 * names one of this government: the two cases are linked and the suit is recorded on it. A suit
 * not (yet) registered as an 应诉 case is recorded without a link.
 */
const findLitigation = async ({ db, orgId, data }: VerifyContext) => {
  const no = String(data.litigationNumber ?? '').trim();
  if (!no) return null;
  const government = await governmentOf(db, orgId);
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.number', sql<string | null>`c.fields->>'courtCaseNo'`.as('courtCaseNo')])
    .where('c.type', '=', 'litigation')
    .where((eb) => eb.or([eb('c.number', '=', no), eb(sql<string>`c.fields->>'courtCaseNo'`, '=', no)]))
    .where('o.path', 'like', `${government.path}%`)
    .orderBy('c.id')
    .executeTakeFirst();
  return row ? { caseId: row.id, data: { litigationNumber: row.number, courtCaseNo: row.courtCaseNo, litigationCaseId: row.id } } : null;
};
const suitLink = { find: findLitigation, mirror: 'compensation_suit', sourceIsThis: true, field: 'litigationNumber' };
/** The 诉讼 of art. 14, against a decision or for want of one: where, when, and its 应诉 case if registered. */
const suitFields = z.object({ court: f.text('人民法院', 100), filedOn: f.date('起诉日期'), litigationNumber: f.optionalText('行政应诉案号', 60) });

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
    // Payment reopens a served (or litigated) case until the money is paid.
    payment_review: { label: '审查支付申请' },
    payment_finance: { label: '已向财政部门申请支付' },
    paid: { label: '赔偿金已支付', final: true },
    payment_rejected: { label: '支付申请不予受理', final: true },
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
      fields: suitFields,
      refersTo: suitLink,
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
      fields: suitFields,
      refersTo: suitLink,
      check: ({ data, on, clocks }) => {
        if (data.filedOn > on) return `起诉日期（${data.filedOn}）不能晚于登记日期（${on}）`;
        const due = clocks.decision?.dueOn;
        return due && data.filedOn <= due ? `两个月决定期限至${due}届满，期限届满前不能以未作决定为由起诉（国家赔偿法第十四条第一款）` : undefined;
      },
    },
    { key: 'withdraw', label: '赔偿请求人撤回申请', from: PENDING, to: 'withdrawn', outcome: 'withdrawn', fields: z.object({ note: f.optionalText('撤回情况') }) },
    {
      key: 'court_judgment',
      label: '记录人民法院生效裁判或调解书',
      basis: '国家赔偿法第十四条、第三十七条第二款：赔偿请求人凭生效的判决书或者调解书申请支付赔偿金',
      from: ['litigated'],
      when: ({ events }) => !events.some((e) => e.kind === 'court_judgment'),
      fields: z.object({
        result: f.choice('裁判结果', { award: '判决赔偿', mediation: '调解（制作行政赔偿调解书）', dismissed: '驳回诉讼请求' }),
        documentNo: f.text('判决书或调解书文号', 60),
        amount: z.number().int().min(0).max(1_000_000_000).meta({ title: '确定的赔偿金额（元，驳回的填0）' }),
        effectiveOn: f.date('发生法律效力日期'),
      }),
      check: ({ data, on }) => {
        if (data.effectiveOn > on) return `发生法律效力日期（${data.effectiveOn}）不能晚于登记日期（${on}）`;
        return data.result !== 'dismissed' && !(data.amount > 0) ? '判决赔偿或者调解的，请填写确定的赔偿金额' : undefined;
      },
    },
    {
      key: 'payment_apply',
      label: '收到赔偿请求人支付赔偿金的申请',
      basis: `国家赔偿法第三十七条第二款：赔偿请求人凭生效的判决书、复议决定书、赔偿决定书或者调解书，向赔偿义务机关申请支付赔偿金；${PAY_LAW}第五条：书面申请（书写确有困难的可委托代书或者口头申请），并提交生效文书和身份证明`,
      from: ['served', 'litigated'],
      to: 'payment_review',
      fields: z.object({
        form: f.choice('申请方式', { written: '书面申请', proxy: '委托他人代书', oral: '口头申请（如实记录，经赔偿请求人核对签字确认）' }),
        document: f.choice('所凭生效文书', PAYMENT_DOCUMENTS),
        documentNo: f.text('生效文书文号', 60),
        amount: z.number().int().min(1).max(1_000_000_000).meta({ title: '申请支付的赔偿金（元）' }),
      }),
      check: ({ state, events, data }) => {
        const awarded = awardedAmount(state, events);
        if (state === 'litigated' && !events.some((e) => e.kind === 'court_judgment')) return '赔偿请求人已起诉的，凭人民法院生效的判决书或者调解书申请支付，请先记录生效裁判（国家赔偿法第三十七条第二款）';
        if (!(awarded > 0)) return '生效文书未确定支付赔偿金，没有可以申请支付的赔偿金（国家赔偿法第三十二条、第三十七条）';
        const expected = state === 'litigated' ? ['judgment', 'mediation'] : ['decision'];
        if (!expected.includes(data.document)) return `本案的生效文书是${expected.map((d) => PAYMENT_DOCUMENTS[d as keyof typeof PAYMENT_DOCUMENTS]).join('或')}，请据此申请支付（国家赔偿法第三十七条第二款）`;
        return data.amount > awarded ? `申请支付的金额（${data.amount}元）超过生效文书确定的赔偿金额（${awarded}元）（国家赔偿法第三十七条第二款）` : undefined;
      },
    },
    {
      key: 'payment_correction',
      label: '一次告知赔偿请求人补正材料',
      basis: `${PAY_LAW}第六条第二款：申请材料不完整的，当场或者在3个工作日内一次告知需要补正的全部材料；未告知的，收到申请材料即为受理`,
      from: ['payment_review'],
      when: ({ events }) => !correctionOpen(events, 'payment_correction', 'payment_supplement'),
      fields: z.object({ items: f.longText('需要补正的全部材料') }),
      check: ({ events, clocks, on }) => {
        const applied = events.findLastIndex((e) => e.kind === 'payment_apply');
        if (events.slice(applied + 1).some((e) => e.kind === 'payment_correction')) return `需要补正的全部材料应当一次告知，不能再次要求补正（${PAY_LAW}第六条第二款）`;
        const due = clocks.payment_correction_notice?.dueOn;
        return due && on > due ? `3个工作日的告知期限已于${due}届满；未告知补正的，收到申请材料即为受理（${PAY_LAW}第六条第二款）` : undefined;
      },
    },
    {
      key: 'payment_supplement',
      label: '收到补正材料（即为受理）',
      basis: `${PAY_LAW}第六条第二款：赔偿请求人按照要求提交补正材料的，收到补正材料即为受理`,
      from: ['payment_review'],
      when: ({ events }) => correctionOpen(events, 'payment_correction', 'payment_supplement'),
    },
    {
      key: 'payment_reject',
      label: '支付申请不予受理',
      basis: `${PAY_LAW}第六条第三款：申请材料虚假、无效，决定不予受理的，应当书面通知赔偿请求人并说明理由；第七条：可以自收到通知之日起10日内向上一级机关申请复核`,
      from: ['payment_review'],
      to: 'payment_rejected',
      fields: z.object({ reason: f.longText('申请材料虚假、无效的情形和理由（书面通知赔偿请求人）') }),
    },
    {
      key: 'finance_apply',
      label: '向财政部门提出书面支付申请',
      basis: `国家赔偿法第三十七条第三款：赔偿义务机关应当自收到支付赔偿金申请之日起七日内，依照预算管理权限向有关的财政部门提出支付申请；${PAY_LAW}第八条：自受理之日起7日内，提交支付申请、生效文书和身份证明`,
      from: ['payment_review'],
      to: 'payment_finance',
      fields: z.object({
        finance: f.text('有关的财政部门', 100),
        application: f.flag('附赔偿请求人请求支付国家赔偿费用的申请'),
        document: f.flag('附生效的判决书、复议决定书、赔偿决定书或者调解书'),
        identity: f.flag('附赔偿请求人的身份证明'),
      }),
      check: ({ events, data }) => {
        if (correctionOpen(events, 'payment_correction', 'payment_supplement')) return `已告知赔偿请求人补正材料，收到补正材料才为受理（${PAY_LAW}第六条第二款）`;
        return !data.application || !data.document || !data.identity ? `向财政部门提出支付申请，应当提交支付申请、生效文书和赔偿请求人的身份证明（${PAY_LAW}第八条）` : undefined;
      },
    },
    {
      key: 'finance_correction',
      label: '财政部门告知补正材料',
      basis: `${PAY_LAW}第九条第三项：申请材料不符合要求的，财政部门在3个工作日内一次告知需要补正的全部材料，赔偿义务机关应当在5个工作日内提交全部补正材料`,
      from: ['payment_finance'],
      when: ({ events }) => !correctionOpen(events, 'finance_correction', 'finance_supplement'),
      fields: z.object({ items: f.longText('需要补正的全部材料') }),
    },
    {
      key: 'finance_supplement',
      label: '向财政部门提交补正材料',
      basis: `${PAY_LAW}第九条第三项：赔偿义务机关应当在5个工作日内按照要求提交全部补正材料，财政部门收到补正材料即为受理`,
      from: ['payment_finance'],
      when: ({ events }) => correctionOpen(events, 'finance_correction', 'finance_supplement'),
    },
    {
      key: 'pay',
      label: '财政部门支付赔偿金',
      basis: `国家赔偿法第三十七条第三款：财政部门应当自收到支付申请之日起十五日内支付赔偿金；${PAY_LAW}第十条、第十一条：自受理申请之日起15日内支付，支付之日起3个工作日内告知赔偿义务机关、赔偿请求人`,
      from: ['payment_finance'],
      to: 'paid',
      fields: z.object({ amount: z.number().int().min(1).max(1_000_000_000).meta({ title: '支付的赔偿金（元）' }) }),
      check: ({ events, data }) => {
        if (correctionOpen(events, 'finance_correction', 'finance_supplement')) return `财政部门要求补正的材料尚未提交，收到补正材料才为受理（${PAY_LAW}第九条第三项）`;
        const applied = Number(lastOf(events, ['payment_apply'])?.data.amount) || 0;
        return data.amount > applied ? `支付金额（${data.amount}元）超过申请支付的赔偿金（${applied}元）` : undefined;
      },
    },
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
    // Payment: the claimant's and the organ's periods (days natural, 个工作日 working days).
    {
      key: 'payment_correction_notice',
      label: '支付申请补正告知期限',
      basis: `${PAY_LAW}第六条第二款：当场或者在3个工作日内一次告知`,
      length: 3,
      unit: 'workday',
      startOn: ['payment_apply'],
      stopOn: ['payment_correction', 'finance_apply', 'payment_reject'],
    },
    {
      key: 'payment_request',
      label: '向财政部门申请支付期限',
      basis: `国家赔偿法第三十七条第三款：自收到支付赔偿金申请之日起七日内；${PAY_LAW}第六条、第八条：自受理之日起7日内，告知补正的自收到补正材料之日起算`,
      length: 7,
      unit: 'day',
      startOn: ['payment_apply', 'payment_supplement'],
      pauseOn: ['payment_correction'],
      stopOn: ['finance_apply', 'payment_reject'],
    },
    {
      key: 'finance_supplement',
      label: '向财政部门提交补正材料期限',
      basis: `${PAY_LAW}第九条第三项：5个工作日内提交全部补正材料`,
      length: 5,
      unit: 'workday',
      startOn: ['finance_correction'],
      stopOn: ['finance_supplement'],
    },
    {
      key: 'finance_payment',
      label: '财政部门支付期限',
      // The 财政部门's receipt is taken as the day the organ applies (平台不另行记录收件日).
      basis: `国家赔偿法第三十七条第三款：财政部门自收到支付申请之日起十五日内支付；${PAY_LAW}第十条：自受理申请之日起15日内，补正的自收到补正材料之日起算（财政部门的期限）`,
      length: 15,
      unit: 'day',
      startOn: ['finance_apply', 'finance_supplement'],
      pauseOn: ['finance_correction'],
      stopOn: ['pay'],
    },
  ],
  outcomes,
  report: {
    area: 'oversight',
    sentences: [
      '办理行政赔偿案件{{行政赔偿.收到申请}}件，决定赔偿{{行政赔偿.决定赔偿}}件、赔偿金额{{行政赔偿.赔偿金额合计}}元，决定不予赔偿{{行政赔偿.不予赔偿}}件，按期决定率{{行政赔偿.按期决定率}}。',
      '支付赔偿金{{行政赔偿.赔偿金支付}}件、{{行政赔偿.支付赔偿金额}}元，按期向财政部门申请支付率{{行政赔偿.按期申请支付率}}。',
    ],
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
    { key: 'payment_applications', label: '支付申请', unit: '件', description: '期间内收到的支付赔偿金申请（国家赔偿法第三十七条第二款）', count: { events: ['payment_apply'] } },
    { key: 'paid', label: '赔偿金支付', unit: '件', description: '期间内财政部门支付赔偿金的案件', count: { events: ['pay'] } },
    { key: 'paid_amount', label: '支付赔偿金额', unit: '元', description: '期间内支付的赔偿金之和', count: { events: ['pay'], sum: 'amount' } },
    { key: 'finance_requested', label: '向财政部门申请支付', unit: '件', description: '期间内向财政部门提出支付申请的案件', count: { clocks: ['payment_request'], stoppedBy: ['finance_apply'] } },
    { key: 'finance_requested_on_time', label: '按期申请支付', unit: '件', description: '自受理支付申请之日起7日内向财政部门提出申请的案件（国家赔偿法第三十七条第三款）', count: { clocks: ['payment_request'], stoppedBy: ['finance_apply'], onTime: true } },
    { key: 'finance_request_rate', label: '按期申请支付率', unit: '%', description: '按期申请支付 ÷ 向财政部门申请支付', rate: { numerator: 'finance_requested_on_time', denominator: 'finance_requested' } },
    { key: 'paid_on_time', label: '按期支付', unit: '件', description: '财政部门自受理之日起15日内支付的案件（国家赔偿费用管理条例第十条）', count: { clocks: ['finance_payment'], stoppedBy: ['pay'], onTime: true } },
    { key: 'paid_rate', label: '按期支付率', unit: '%', description: '按期支付 ÷ 赔偿金支付', rate: { numerator: 'paid_on_time', denominator: 'paid' } },
  ],
});
