import { z } from 'zod';
import { defineCaseType, f } from '../../kernel/cases/define.ts';
import { computeDue, type WorkCalendar } from '../../kernel/calendar/calendar.ts';
import { diffDays } from '../../kernel/calendar/dates.ts';

/**
 * 拖欠中小企业账款投诉 under the 保障中小企业款项支付条例 (国务院令第728号, revised by 第802号, in force
 * 2025-06-01; full text read in LawRefBook/Laws 行政法规/保障中小企业款项支付条例(2025-03-17).md). The
 * complaint is registered, then 转交 to the 处理投诉部门 within 10 工作日 (art. 25 ¶1) or refused; the
 * 处理投诉部门 forms its result within 30 日 of receiving the materials, extendable with its head's
 * approval to at most 90 日 (art. 25 ¶2). Payment terms: art. 9 (30 日 from 交付; an agreed term at most
 * 60 日 for 机关、事业单位; 60 日 for 大型企业) and art. 10 ¶1 (from 检验/验收合格 where the contract makes
 * that the condition); 逾期利息: art. 17.
 */
const PAYER_KINDS = { organ: '机关', institution: '事业单位', large: '大型企业' };
const SUBJECTS = { goods: '货物', works: '工程', services: '服务' };
const FINDINGS = {
  paid: '已全额支付',
  partly_paid: '已部分支付',
  plan: '达成还款计划',
  not_arrears: '不构成拖欠',
  terminated: '终止处理（已诉讼、仲裁等）',
};
/** Findings that say the payer owes money past its term. */
const ARREARS = ['paid', 'partly_paid', 'plan'];
const INTEREST_BASES = { none: '未计逾期利息（投诉人未主张或放弃）', agreed: '按合同约定利率', statutory: '未约定，按每日万分之五' };
export const outcomes = { ...FINDINGS, not_accepted: '不予受理' };

const TYPE = 'sme_payment_complaint';
const money = (title: string) => z.number().min(0).max(100_000_000_000).meta({ title });

/**
 * Art. 9: the last day the payer may pay. 机关、事业单位: 30 日, or the agreed term capped at 60 日; 大型企业:
 * 60 日 or the agreed term. Counted from 交付, or (art. 10 ¶1) from 检验/验收合格 when the contract makes it the
 * condition; 民法典 arts. 201, 203 for the first day and a last day that is a holiday. Null without a start day.
 */
export function paymentDue(cal: WorkCalendar, fields: Record<string, any>): string | null {
  const start = fields.acceptedOn || fields.deliveredOn;
  if (!start) return null;
  const agreed = Number(fields.agreedDays) || 0;
  const days = fields.payerKind === 'large' ? agreed || 60 : agreed ? Math.min(agreed, 60) : 30;
  return computeDue(cal, start, { length: days, unit: 'day' }).due;
}

/** Art. 17 without an agreed rate: 万分之五 of the late sum for each day after the due day, to the day it was paid. */
export function statutoryInterest(principal: number, dueOn: string, paidOn: string): number {
  const days = Math.max(0, diffDays(dueOn, paidOn));
  return Math.round(principal * 0.0005 * days * 100) / 100;
}

export const smePaymentComplaint = defineCaseType({
  key: TYPE,
  name: '拖欠中小企业账款投诉',
  basis: '《保障中小企业款项支付条例》（国务院令第802号修订，2025年6月1日起施行）',
  number: ({ government, year, seq }) => `${government}清欠〔${year}〕${seq}号`,
  numberedBy: 'government',
  states: {
    received: { label: '待审查' },
    handling: { label: '已受理，处理中' },
    closed: { label: '已办结', final: true },
    not_accepted: { label: '不予受理', final: true },
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到投诉日期'),
    complainant: f.text('投诉人（中小企业名称）', 200),
    payer: f.text('被投诉人（机关、事业单位或大型企业名称）', 200),
    payerKind: f.choice('被投诉人类型', PAYER_KINDS),
    subject: f.choice('采购内容', SUBJECTS),
    amount: money('投诉涉及金额（元）'),
    deliveredOn: f.date('交付日期').optional(),
    acceptedOn: f.date('检验或者验收合格日期（合同约定以其为付款条件的）').optional(),
    agreedDays: z.number().int().min(1).max(3650).optional().meta({ title: '合同约定付款期限（日）' }),
  }),
  title: (x) => `${x.complainant}投诉${x.payer}拖欠账款`.slice(0, 80),
  actions: [
    {
      key: 'accept',
      label: '受理并转交处理',
      basis: '保障中小企业款项支付条例第二十五条第一款：按照“属地管理、分级负责，谁主管谁负责、谁监管谁负责”的原则，自正式受理之日起10个工作日内转交处理投诉部门',
      from: ['received'],
      to: 'handling',
      fields: z.object({ handler: f.text('处理投诉部门', 100) }),
    },
    {
      key: 'extend',
      label: '延长处理期限（部门负责人批准）',
      basis: '保障中小企业款项支付条例第二十五条第二款：情况复杂或者有其他特殊原因的，经部门负责人批准，可适当延长，但处理期限最长不得超过90日',
      from: ['handling'],
      fields: z.object({ days: f.days('延长日数', 60), approver: f.text('批准的部门负责人', 50), reason: f.longText('延长理由（情况复杂或者其他特殊原因）') }),
    },
    {
      key: 'reject',
      label: '不予受理',
      from: ['received'],
      to: 'not_accepted',
      outcome: 'not_accepted',
      fields: z.object({ reason: f.longText('不予受理的理由（告知投诉人）') }),
    },
    {
      key: 'conclude',
      label: '形成处理结果并反馈投诉人',
      basis: '保障中小企业款项支付条例第九条、第十条（付款期限）、第十七条（逾期利息）、第二十五条第二款（书面反馈投诉人）',
      from: ['handling'],
      to: 'closed',
      outcome: { field: 'finding' },
      fields: z.object({
        finding: f.choice('处理结果', FINDINGS),
        paid: money('已支付金额（元）'),
        paidOn: f.date('支付日期（已支付的填写）').optional(),
        interestBasis: f.choice('逾期利息', INTEREST_BASES),
        agreedRate: z.number().min(0).max(100).optional().meta({ title: '约定逾期利率（年，%）' }),
        lpr: z.number().min(0).max(100).optional().meta({ title: '合同订立时1年期贷款市场报价利率（年，%）' }),
        interest: money('逾期利息（元）').optional(),
        result: f.longText('处理情况（反馈投诉人的内容）'),
      }),
      check: ({ data, fields }) => {
        if (data.paid > fields.amount) return `已支付金额${data.paid}元超过投诉涉及金额${fields.amount}元`;
        if (data.finding === 'paid' && data.paid < fields.amount) return `处理结果为“已全额支付”的，已支付金额应等于投诉涉及金额${fields.amount}元；未付清的选择“已部分支付”或“达成还款计划”`;
        if (data.finding === 'partly_paid' && !(data.paid > 0)) return '处理结果为“已部分支付”的，应当填写已支付金额';
        if (data.paid > 0 && !data.paidOn) return '已支付的，应当填写支付日期';
        if (data.interestBasis === 'agreed') {
          if (data.agreedRate === undefined || data.lpr === undefined) return '按约定利率计算逾期利息的，应当填写约定利率和合同订立时1年期贷款市场报价利率（保障中小企业款项支付条例第十七条）';
          if (data.agreedRate < data.lpr) return `约定逾期利率${data.agreedRate}%低于合同订立时1年期贷款市场报价利率${data.lpr}%，不得按该约定计息（保障中小企业款项支付条例第十七条）`;
        }
        return undefined;
      },
      // Art. 9 decides whether anything was late; art. 17 what the late payer owes at least.
      verify: async ({ data, fields, calendar }) => {
        if (!ARREARS.includes(data.finding)) return undefined;
        const due = paymentDue(calendar, fields);
        if (!due) return '认定拖欠的，应当在投诉信息中填写交付日期（或检验、验收合格日期），据以计算付款期限（保障中小企业款项支付条例第九条、第十条）';
        if (fields.receivedOn <= due) return `按保障中小企业款项支付条例第九条${fields.acceptedOn ? '、第十条第一款' : ''}，付款期限至${due}届满，投诉时（${fields.receivedOn}）尚未逾期，不能认定拖欠`;
        if (data.interestBasis === 'statutory' && data.paid > 0 && data.paidOn) {
          const owed = statutoryInterest(data.paid, due, data.paidOn);
          if ((data.interest ?? 0) < owed) return `未约定逾期利率的，按每日万分之五计算：${data.paid}元自${due}次日至${data.paidOn}，逾期利息不少于${owed}元（保障中小企业款项支付条例第十七条）`;
        }
        return undefined;
      },
    },
  ],
  clocks: [
    {
      key: 'review',
      label: '审查期限',
      basis: '保障中小企业款项支付条例第二十五条第一款：自正式受理之日起10个工作日内转交处理投诉部门',
      length: 10,
      unit: 'workday',
      statute: null,
      startOn: ['receive'],
      stopOn: ['accept', 'reject'],
    },
    {
      key: 'handling',
      label: '处理期限',
      // (choice) the day of 转交 is taken as the day the 处理投诉部门 receives the materials.
      basis: '保障中小企业款项支付条例第二十五条第二款：自收到投诉材料之日起30日内形成处理结果，经部门负责人批准可延长，最长不得超过90日',
      length: 30,
      unit: 'day',
      statute: null,
      startOn: ['accept'],
      stopOn: ['conclude'],
      extendOn: ['extend'],
      maxExtension: 60,
    },
  ],
  outcomes,
  report: {
    area: 'functions',
    sentences: ['受理拖欠中小企业账款投诉{{拖欠中小企业账款投诉.投诉件数}}件、涉及金额{{拖欠中小企业账款投诉.涉及金额}}元，办结{{拖欠中小企业账款投诉.办结}}件（按期办结{{拖欠中小企业账款投诉.按期办结}}件），推动支付账款{{拖欠中小企业账款投诉.已支付金额}}元。'],
  },
  indicators: [
    { key: 'received', label: '投诉件数', unit: '件', description: '期间内收到的拖欠中小企业账款投诉', count: { events: ['receive'] } },
    { key: 'amount', label: '涉及金额', unit: '元', description: '期间内收到的投诉涉及金额之和', count: { events: ['receive'], sum: 'amount' } },
    { key: 'accepted', label: '受理', unit: '件', description: '期间内受理并转交处理的投诉', count: { events: ['accept'] } },
    { key: 'rejected', label: '不予受理', unit: '件', description: '期间内不予受理的投诉', count: { events: ['reject'] } },
    { key: 'reviewed_on_time', label: '按期审查', unit: '件', description: '在10个工作日内转交处理或者不予受理的投诉', count: { clocks: ['review'], onTime: true } },
    { key: 'concluded', label: '办结', unit: '件', description: '期间内形成处理结果并反馈的投诉', count: { clocks: ['handling'], stoppedBy: ['conclude'] } },
    { key: 'concluded_on_time', label: '按期办结', unit: '件', description: '自转交之日起30日内（经批准延长的，在延长后的期限内，最长90日）办结的投诉', count: { clocks: ['handling'], stoppedBy: ['conclude'], onTime: true } },
    { key: 'on_time_rate', label: '按期办结率', unit: '%', description: '按期办结 ÷ 办结', rate: { numerator: 'concluded_on_time', denominator: 'concluded' } },
    { key: 'arrears', label: '认定拖欠', unit: '件', description: '期间内办结并认定拖欠的投诉（已全额支付、已部分支付、达成还款计划）', count: { events: ['conclude'], outcomes: ARREARS } },
    { key: 'paid', label: '已支付金额', unit: '元', description: '期间内办结的投诉中被投诉人已支付的金额之和', count: { events: ['conclude'], sum: 'paid' } },
  ],
});
