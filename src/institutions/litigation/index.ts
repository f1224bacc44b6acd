import { z } from 'zod';
import { defineCaseType, f, type ActionContext, type VerifyContext } from '../../kernel/cases/define.ts';
import { computeDue } from '../../kernel/calendar/calendar.ts';
import { postedOnField, postedNotAfterStep, servedNotAfterStep } from '../../kernel/cases/service.ts';
import { governmentOf } from '../../kernel/orgs.ts';

/**
 * 行政应诉: the agency's side of an administrative lawsuit (行政诉讼法 arts. 3, 67; 最高人民法院
 * 关于行政机关负责人出庭应诉若干问题的规定, 2020). 出庭率 and 败诉率 have no national formula:
 * here 出庭率 = hearings a 负责人 attended ÷ hearings, 败诉率 = lost judgments ÷ judgments.
 * Its periods are natural days ending on the next working day after a holiday (行政诉讼法 art. 101
 * → 民事诉讼法 art. 85); an appeal posted in time is in time.
 */
const judgments = {
  won: '胜诉（驳回原告诉讼请求）',
  lost: '败诉（撤销、确认违法、责令履行等）',
  partly_lost: '部分败诉',
  dismissed: '裁定驳回起诉',
};
/** 裁定 (驳回起诉) can be appealed within 10 日, 判决 within 15 日 (行政诉讼法第八十五条). */
const isRuling = (data: Record<string, any>) => data.result === 'dismissed';

/** 出庭应诉规定 art. 2: who counts as the 被诉行政机关负责人 (not a subordinate or commissioned body's head). */
const headRoles = {
  principal: '正职负责人',
  deputy: '副职负责人',
  in_charge: '参与分管被诉行为实施工作的副职级别负责人',
  other_in_charge: '其他参与分管的负责人',
};
/** 出庭应诉规定 art. 8: the 正当理由 a head may give for not appearing. */
const absenceReasons = {
  force_majeure: '不可抗力',
  accident: '意外事件',
  official_duty: '需要履行他人不能代替的公务',
  other: '其他无法出庭的正当事由',
};

/** The 15 日 answer period: 收到起诉状副本之日起十五日 (行政诉讼法第六十七条), rolled over a holiday. */
const answerDue = (ctx: VerifyContext) => {
  const served = ctx.events.find((e) => e.kind === 'receive')?.on ?? ctx.fields.receivedOn;
  return computeDue(ctx.calendar, served, { length: 15, unit: 'day', rollOverHoliday: true }).due;
};

/**
 * 出庭应诉规定第四条: the cases in which the court notifies the head to appear. The first three it
 * must notify (第一款), the others it may (第二款); 行诉解释第一百二十九条 adds the cases where the
 * court suggests it in writing. Once notified, the head appears, or gives a 正当理由 in writing.
 */
const noticeGrounds = {
  public_interest: '涉及食品药品安全、生态环境和资源保护、公共卫生安全等重大公共利益（应当通知）',
  public_attention: '社会高度关注（应当通知）',
  mass_incident: '可能引发群体性事件（应当通知）',
  major_rights: '被诉行政行为涉及公民、法人或者其他组织重大人身、财产权益（可以通知）',
  public_interest_suit: '行政公益诉讼（可以通知）',
  superior_rule: '被诉行政机关的上级机关规范性文件要求负责人出庭应诉（可以通知）',
  court_other: '人民法院认为需要通知负责人出庭应诉的其他情形（可以通知）',
};

/**
 * A court notice binds until the head appears at a hearing held on or after it: a notice that
 * came after an earlier appearance is the court asking again (出庭应诉规定第七条).
 */
export const pendingNotice = (events: { kind: string; on: string; data: Record<string, any> }[]) => {
  const notice = events.findLast((e) => e.kind === 'appearance_notice');
  if (!notice) return undefined;
  const at = events.lastIndexOf(notice);
  return events.slice(at + 1).some((e) => e.kind === 'hearing' && e.data.headAppeared) ? undefined : notice;
};

/** 行政诉讼法第二十六条第二款: where the 复议机关 stands in a suit after its decision. */
export const DEFENDANT_ROLES = {
  co_defendant: '复议机关与作出原行政行为的行政机关为共同被告（复议维持，含部分维持）',
  defendant: '复议机关为被告（复议改变原行政行为）',
};

/**
 * Which 复议 decisions keep the original act (维持) and which change it (改变), as the 行诉解释
 * (法释〔2018〕1号) reads 第二十六条第二款: art. 133, 驳回复议请求 counts as 维持 (驳回申请 for want of the
 * 受理 conditions does not); art. 22, 改变 means changing the 处理结果, 确认无效 is 改变, 确认违法 is 改变
 * unless it rests on a breach of procedure; art. 134 ¶2, a decision that keeps part and changes part
 * makes both organs 共同被告, which is how 部分撤销 (the rest kept) is read.
 */
const KEEPS = ['upheld', 'dismissed', 'partly_revoked'];
const CHANGES = ['revoked', 'revoked_redo', 'altered', 'confirmed_void', 'ordered_performance', 'agreement_liability', 'agreement_compensation'];
export function defendantRole(outcome: string | null, proceduralGround = false): keyof typeof DEFENDANT_ROLES | null {
  if (outcome === 'confirmed_illegal') return proceduralGround ? 'co_defendant' : 'defendant';
  if (outcome && KEEPS.includes(outcome)) return 'co_defendant';
  if (outcome && CHANGES.includes(outcome)) return 'defendant';
  return null;
}

/** The 复议 case this suit follows, found by its 案号 in the same government, and the 复议机关's role read from its decision. */
const findReconsideration = async ({ db, orgId, data }: VerifyContext) => {
  const government = await governmentOf(db, orgId);
  const rc = await db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.number', 'c.state', 'c.outcome', 'c.fields'])
    .where('c.type', '=', 'reconsideration')
    .where('c.number', '=', String(data.reconsiderationNo).trim())
    .where('o.path', 'like', `${government.path}%`)
    .executeTakeFirst();
  if (!rc) return `本级政府没有案号为「${data.reconsiderationNo}」的行政复议案件`;
  const role = defendantRole(rc.outcome, Boolean(data.proceduralGround));
  if (!role) {
    return `行政复议案件${rc.number}未作出维持或者改变原行政行为的复议决定，不能按行政诉讼法第二十六条第二款确定复议机关为被告；复议机关在法定期限内未作出复议决定的，按第二十六条第三款确定被告，以不符合受理条件为由驳回申请的不属于复议维持`;
  }
  if (data.proceduralGround && rc.outcome !== 'confirmed_illegal') return '「以违反法定程序为由确认违法」只适用于复议决定为确认违法的案件（行政诉讼法第二十六条第二款）';
  return {
    caseId: rc.id,
    data: { reconsiderationNo: rc.number, reconsiderationOutcome: rc.outcome, respondent: (rc.fields as Record<string, any>)?.respondent ?? null, defendantRole: role },
  };
};

const hearingCheck = ({ data, events }: ActionContext) => {
  if (data.headAppeared) {
    if (!data.headName) return '请填写出庭的负责人';
    if (!data.headRole) return '请选择出庭负责人的职务（出庭应诉规定第二条：正职、副职或参与分管的负责人）';
    return undefined;
  }
  const notice = pendingNotice(events);
  if (notice) {
    // Notified: the one-appearance rule of art. 7 does not excuse, and the reason goes to the court in writing (art. 9).
    if (!data.reasonType || !data.reason || !data.writtenExplanation) {
      return `人民法院已于${notice.on}通知负责人出庭应诉（出庭应诉规定第四条、第五条，行诉解释第一百二十九条），负责人应当出庭；不能出庭的，应当选择并写明正当理由，并向人民法院提交加盖机关印章或者主要负责人签字认可的书面说明和证明材料（出庭应诉规定第九条）。无正当理由不出庭的，人民法院将向监察机关、上一级行政机关提出司法建议（第十二条）`;
    }
  }
  // 出庭应诉规定第七条: one appearance per instance discharges the duty unless the court asks again.
  const appearedBefore = events.some((e) => e.kind === 'hearing' && e.data.headAppeared);
  if (!appearedBefore && (!data.reasonType || !data.reason)) return '负责人未出庭的，应选择并写明正当理由（出庭应诉规定第八条）';
  if (!data.staffAppeared) return '负责人不能出庭的，应当委托行政机关相应的工作人员出庭，不得仅委托律师出庭（行政诉讼法第三条第三款，行诉解释第一百二十八条第二款）';
  return undefined;
};

export const litigation = defineCaseType({
  key: 'litigation',
  name: '行政应诉',
  basis: '《中华人民共和国行政诉讼法》第三条、第六十七条',
  number: ({ org, year, seq }) => `${org}诉〔${year}〕${seq}号`,
  states: {
    served: { label: '待答辩' },
    answered: { label: '已答辩待开庭' },
    heard: { label: '已开庭待裁判' },
    judged: { label: '已裁判待履行' },
    appealed: { label: '已上诉（转二审）', final: true },
    closed: { label: '已结案', final: true },
    withdrawn: { label: '原告撤诉', final: true },
  },
  initial: 'served',
  intake: z.object({
    receivedOn: f.date('收到起诉状副本日期'),
    court: f.text('受理法院', 100),
    courtCaseNo: f.text('法院案号', 60),
    plaintiff: f.personName('原告'),
    actUnderReview: f.text('被诉行政行为', 300),
    instance: f.choice('审级', { first: '一审', second: '二审', retrial: '再审' }),
    // The 政府信息公开 年报 (国办公开办函〔2021〕30号, section 四) counts these cases apart, split by whether a 复议 came first.
    disclosure: f.flag('因政府信息公开工作被诉').optional(),
    afterReconsideration: f.flag('经行政复议后起诉').optional(),
  }),
  title: (x) => `${x.plaintiff}诉${x.actUnderReview}`.slice(0, 80),
  actions: [
    {
      key: 'answer',
      label: '提交答辩状和证据',
      basis: '行政诉讼法第六十七条：收到起诉状副本之日起十五日内提交',
      from: ['served'],
      to: 'answered',
    },
    {
      key: 'request_evidence_delay',
      label: '申请延期提供证据',
      basis: '行政诉讼法第三十六条第一款；行诉解释第三十四条：收到起诉状副本之日起十五日内书面申请',
      from: ['served', 'answered'],
      fields: z.object({ reason: f.longText('不能按期提供证据的正当事由（不可抗力等）') }).extend(postedOnField.shape),
      verify: async (ctx) => {
        const bad = postedNotAfterStep(ctx);
        if (bad) return bad;
        const due = answerDue(ctx);
        const filed = ctx.data.postedOn ?? ctx.on;
        return filed > due ? `延期提供证据应在收到起诉状副本之日起十五日内书面申请（期限至${due}），逾期视为没有相应证据（行诉解释第三十四条）` : undefined;
      },
    },
    {
      key: 'jurisdiction_objection',
      label: '提出管辖异议',
      basis: '行诉解释第十条：被告提出管辖异议的，应当在收到起诉状副本之日起十五日内提出',
      from: ['served', 'answered'],
      fields: z.object({ grounds: f.longText('异议理由') }).extend(postedOnField.shape),
      verify: async (ctx) => {
        const bad = postedNotAfterStep(ctx);
        if (bad) return bad;
        const due = answerDue(ctx);
        return (ctx.data.postedOn ?? ctx.on) > due ? `管辖异议应在收到起诉状副本之日起十五日内提出（期限至${due}）（行诉解释第十条）` : undefined;
      },
    },
    {
      key: 'delayed_evidence',
      label: '经法院准许延期提供证据',
      basis: '行诉解释第三十四条：正当事由消除后十五日内提供',
      from: ['served', 'answered', 'heard'],
      fields: z.object({ causeEndedOn: f.date('正当事由消除日期') }).extend(postedOnField.shape),
      check: ({ events }) => (events.some((e) => e.kind === 'request_evidence_delay') ? undefined : '未在法定期限内申请延期提供证据的，视为没有相应证据（行诉解释第三十四条）'),
      verify: async (ctx) => {
        const { causeEndedOn } = ctx.data;
        if (causeEndedOn > ctx.on) return `正当事由消除日期（${causeEndedOn}）不能晚于提供日期（${ctx.on}）`;
        const due = computeDue(ctx.calendar, causeEndedOn, { length: 15, unit: 'day', rollOverHoliday: true }).due;
        const filed = ctx.data.postedOn ?? ctx.on;
        return filed > due ? `应在正当事由消除后十五日内提供证据（期限至${due}），逾期视为被诉行政行为没有相应的证据（行诉解释第三十四条）` : undefined;
      },
    },
    {
      key: 'hearing',
      label: '记录开庭',
      basis: '行政诉讼法第三条第三款：被诉行政机关负责人应当出庭应诉',
      from: ['answered', 'heard'],
      to: 'heard',
      fields: z.object({
        headAppeared: f.flag('负责人出庭'),
        headName: f.optionalText('出庭负责人', 50),
        headRole: f.choice('出庭负责人职务（出庭应诉规定第二条）', headRoles).optional(),
        reasonType: f.choice('负责人未出庭的正当理由类别（出庭应诉规定第八条）', absenceReasons).optional(),
        reason: f.optionalText('负责人未出庭的理由说明'),
        staffAppeared: f.flag('委托本机关相应的工作人员出庭（负责人未出庭时必填，不得仅委托律师）').optional(),
        writtenExplanation: f.flag('已向人民法院提交不能出庭的书面说明和证明材料（法院通知出庭的案件必填，出庭应诉规定第九条）').optional(),
      }),
      check: hearingCheck,
    },
    {
      key: 'appearance_notice',
      label: '收到负责人出庭应诉通知书',
      basis: '出庭应诉规定第四条、第五条第二款：人民法院通知负责人出庭的，应当在开庭三日前送达出庭通知书；行诉解释第一百二十九条',
      from: ['served', 'answered', 'heard'],
      fields: z.object({
        hearingOn: f.date('通知出庭的开庭日期'),
        ground: f.choice('通知出庭的情形（出庭应诉规定第四条）', noticeGrounds),
      }),
      check: ({ data, on }) => (data.hearingOn < on ? `开庭日期（${data.hearingOn}）不能早于收到通知书的日期（${on}）` : undefined),
    },
    {
      key: 'link_reconsideration',
      label: '关联行政复议案件（确定复议机关的被告地位）',
      basis: '行政诉讼法第二十六条第二款：经复议的案件，复议机关决定维持原行政行为的，作出原行政行为的行政机关和复议机关是共同被告；复议机关改变原行政行为的，复议机关是被告',
      from: ['served', 'answered', 'heard', 'judged'],
      when: ({ events }) => !events.some((e) => e.kind === 'link_reconsideration'),
      fields: z.object({
        reconsiderationNo: f.text('行政复议案号', 60),
        proceduralGround: f.flag('复议机关以违反法定程序为由确认原行政行为违法（视为复议维持）').optional(),
      }),
      check: ({ events }) => (events.some((e) => e.kind === 'link_reconsideration') ? '本案已关联行政复议案件，被告地位已按行政诉讼法第二十六条第二款确定' : undefined),
      refersTo: { find: findReconsideration, mirror: 'sued' },
    },
    {
      // Recorded by the 行政赔偿 case whose 诉讼 step names this case's 案号: the two show each other.
      key: 'compensation_suit',
      label: '关联行政赔偿案件（赔偿请求人起诉）',
      basis: '国家赔偿法第十四条：赔偿义务机关逾期未作决定，或者赔偿请求人对赔偿的方式、项目、数额有异议或者对不予赔偿决定不服的，可以向人民法院提起诉讼',
      from: ['served', 'answered', 'heard', 'judged', 'appealed', 'closed', 'withdrawn'],
      system: true,
      fields: z.object({ linkedCaseId: z.number().int().positive(), linkedNumber: f.text('行政赔偿案号', 100) }),
    },
    {
      key: 'judgment',
      label: '收到裁判文书',
      basis: '行政诉讼法第八十五条：判决书送达之日起十五日内、裁定书送达之日起十日内可以上诉',
      from: ['answered', 'heard'],
      to: 'judged',
      outcome: { field: 'result' },
      fields: z.object({
        result: f.choice('裁判结果', judgments),
        servedOn: f.date('裁判文书送达日期（送达回证）').optional(),
        appealed: f.flag('提起或被提起上诉').optional(),
      }),
      check: servedNotAfterStep,
    },
    {
      key: 'appeal',
      label: '提起上诉',
      basis: '行政诉讼法第八十五条：判决十五日、裁定十日，自送达之日起算；逾期不上诉的，一审裁判发生法律效力',
      from: ['judged'],
      to: 'appealed',
      fields: z.object({ appellant: f.choice('上诉人', { agency: '本机关', plaintiff: '原告或第三人' }) }).extend(postedOnField.shape),
      check: ({ fields }) => (fields.instance === 'second' ? '二审裁判为终审裁判，不能上诉（行政诉讼法第七条），可依法申请再审' : undefined),
      verify: async (ctx) => {
        const bad = postedNotAfterStep(ctx);
        if (bad || ctx.data.appellant !== 'agency') return bad;
        const due = ctx.clocks.appeal?.dueOn;
        const filed = ctx.data.postedOn ?? ctx.on;
        return due && filed > due ? `上诉期限已于${due}届满，一审裁判已发生法律效力（行政诉讼法第八十五条）` : undefined;
      },
    },
    {
      key: 'perform',
      label: '履行生效裁判，结案',
      basis: '行政诉讼法第九十四条',
      from: ['judged'],
      to: 'closed',
      fields: z.object({ performance: f.longText('履行情况') }),
    },
    {
      key: 'retrial',
      label: '申请再审',
      basis: '行诉解释第一百一十条：裁判发生法律效力后六个月内向上一级人民法院申请；有新证据等四种情形的，自知道或者应当知道之日起六个月内',
      from: ['judged', 'closed', 'appealed'],
      fields: z.object({
        effectiveOn: f.date('裁判发生法律效力日期'),
        knownOn: f.date('知道或者应当知道再审事由之日（新证据、主要证据伪造、依据的文书被撤销变更、审判人员枉法的填写）').optional(),
      }).extend(postedOnField.shape),
      verify: async ({ data, on, calendar }) => {
        const from = data.knownOn ?? data.effectiveOn;
        if (from > on) return `起算日期（${from}）不能晚于申请日期（${on}）`;
        const due = computeDue(calendar, from, { length: 6, unit: 'month' }).due;
        return (data.postedOn ?? on) > due ? `申请再审应在${data.knownOn ? '知道或者应当知道再审事由' : '裁判发生法律效力'}后六个月内提出（期限至${due}）（行诉解释第一百一十条）` : undefined;
      },
    },
    { key: 'withdraw', label: '原告撤诉', from: ['served', 'answered', 'heard'], to: 'withdrawn', outcome: 'withdrawn' },
    {
      key: 'judicial_suggestion',
      label: '收到司法建议书',
      basis: '行政诉讼法第六十六条、第九十六条',
      from: ['served', 'answered', 'heard', 'judged', 'appealed', 'closed', 'withdrawn'],
      fields: z.object({ content: f.longText('司法建议内容') }),
    },
  ],
  clocks: [
    { key: 'answer', label: '答辩期限', basis: '行政诉讼法第六十七条：十五日', length: 15, unit: 'day', startOn: ['receive'], stopOn: ['answer', 'withdraw'] },
    {
      key: 'appeal',
      label: '上诉期限',
      basis: '行政诉讼法第八十五条：判决书送达之日起十五日，裁定书送达之日起十日',
      length: 15,
      lengthLabel: '判决15日，裁定10日，自送达之日起',
      lengthFrom: (d) => (isRuling(d) ? 10 : 15),
      unit: 'day',
      rollOverHoliday: true,
      // 二审裁判是终审裁判 (行政诉讼法第七条).
      appliesTo: (x) => x.instance !== 'second',
      startOn: ['judgment'],
      stopOn: ['appeal', 'perform'],
    },
  ],
  outcomes: { ...judgments, withdrawn: '原告撤诉' },
  report: { area: 'oversight', sentences: ['全年办理行政应诉案件{{行政应诉.案件}}件，行政机关负责人出庭应诉率{{行政应诉.出庭率}}。'] },
  indicators: [
    { key: 'cases', label: '案件', unit: '件', description: '期间内收到起诉状副本的行政诉讼案件', count: { events: ['receive'] } },
    { key: 'hearings', label: '开庭', unit: '次', description: '期间内开庭的案件', count: { events: ['hearing'] } },
    { key: 'head_appeared', label: '负责人出庭', unit: '件', description: '期间内行政机关负责人出庭的开庭案件', count: { events: ['hearing'], dataEquals: { headAppeared: true } } },
    { key: 'appearance_rate', label: '出庭率', unit: '%', description: '负责人出庭案件 ÷ 开庭案件（各地口径不一，本平台以开庭案件为分母）', rate: { numerator: 'head_appeared', denominator: 'hearings' } },
    { key: 'notices', label: '通知负责人出庭', unit: '件', description: '期间内收到人民法院负责人出庭应诉通知书的案件（出庭应诉规定第四条）', count: { events: ['appearance_notice'] } },
    { key: 'notified_hearings', label: '通知出庭案件开庭', unit: '件', description: '期间内开庭、且此前已收到负责人出庭通知书的案件', count: { events: ['hearing'], after: ['appearance_notice'] } },
    { key: 'notified_appeared', label: '通知出庭案件负责人出庭', unit: '件', description: '期间内收到出庭通知书后负责人出庭的开庭案件', count: { events: ['hearing'], dataEquals: { headAppeared: true }, after: ['appearance_notice'] } },
    { key: 'notified_appearance_rate', label: '通知出庭案件出庭率', unit: '%', description: '通知出庭案件中负责人出庭的案件 ÷ 通知出庭后开庭的案件', rate: { numerator: 'notified_appeared', denominator: 'notified_hearings' } },
    { key: 'after_reconsideration', label: '经复议案件', unit: '件', description: '期间内关联了行政复议决定的应诉案件（行政诉讼法第二十六条第二款）', count: { events: ['link_reconsideration'] } },
    { key: 'co_defendant', label: '复议机关作共同被告', unit: '件', description: '期间内因复议维持，复议机关与原行政机关为共同被告的应诉案件', count: { events: ['link_reconsideration'], dataEquals: { defendantRole: 'co_defendant' } } },
    { key: 'judged', label: '裁判', unit: '件', description: '期间内收到裁判文书的案件', count: { events: ['judgment'] } },
    { key: 'lost', label: '败诉', unit: '件', description: '期间内败诉或部分败诉的案件', count: { events: ['judgment'], outcomes: ['lost', 'partly_lost'] } },
    { key: 'loss_rate', label: '败诉率', unit: '%', description: '败诉案件 ÷ 裁判案件', rate: { numerator: 'lost', denominator: 'judged' } },
    { key: 'suggestions', label: '司法建议书', unit: '份', description: '期间内收到的司法建议书', count: { events: ['judicial_suggestion'] } },
  ],
});
