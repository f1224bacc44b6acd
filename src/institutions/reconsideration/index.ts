import { z } from 'zod';
import { defineCaseType, f, partySchema, type EventView } from '../../kernel/cases/define.ts';
import { serviceFields, postedOnField, servedNotAfterStep, postedNotAfterStep } from '../../kernel/cases/service.ts';
import { computeDue, type WorkCalendar } from '../../kernel/calendar/calendar.ts';
import { statuteUnit } from '../../kernel/calendar/statutes.ts';
import { DEFENDANT_ROLES } from '../litigation/index.ts';

/**
 * 行政复议 under the 行政复议法 (2023 revision, in force 2024-01-01).
 * 3/5/7/10日 in the law are working days (art. 88 ¶2); the 60/30日 periods are natural days
 * ending on the next working day when they fall on a holiday (art. 88 ¶1, 民事诉讼法 art. 85).
 * The 行政复议法实施条例 as revised 2026-04-29 (in force 2026-07-01) adds periods and refusals; where it
 * changes what the platform did, only applications received from that day follow it (`underRegulation`).
 */

const ACCEPTED = ['accept', 'accept_simple', 'deem_accept'];
const CONCLUDED = ['decide', 'mediate', 'terminate', 'dismiss_application'];
/** Steps after which the case is no longer ours: concluded here, or 提级 and handed to the superior organ (条例 art. 40). */
const CLOSED = [...CONCLUDED, 'transfer_files'];
const isSimple = (events: EventView[]) => events.some((e) => e.kind === 'accept_simple') && !events.some((e) => e.kind === 'convert_to_ordinary');

export const outcomes = {
  upheld: '维持',
  dismissed: '驳回复议请求',
  revoked: '撤销',
  partly_revoked: '部分撤销',
  revoked_redo: '撤销并责令重新作出',
  altered: '变更',
  confirmed_illegal: '确认违法',
  confirmed_void: '确认无效',
  ordered_performance: '责令履行',
  agreement_liability: '责令承担行政协议责任',
  agreement_compensation: '责令依法给予合理补偿（行政协议）',
  mediated: '调解结案',
  withdrawn: '撤回申请终止（含和解）',
  suspension_expired: '中止满六十日原因未消除终止',
  terminated_other: '其他原因终止',
  withdrawn_before_acceptance: '受理前撤回申请',
  not_accepted: '不予受理',
  abandoned: '补正逾期视为放弃',
  application_dismissed: '驳回行政复议申请',
  escalated: '提级审理，案件材料移送上级行政复议机关',
};

/** Decisions that correct the reviewed act: the numerator of 纠错率 (project convention; no statutory formula). */
export const correctingOutcomes = ['revoked', 'partly_revoked', 'revoked_redo', 'altered', 'confirmed_illegal', 'confirmed_void', 'ordered_performance', 'agreement_liability', 'agreement_compensation'];

/** Arts. 63–69 and 71: the decisions a 复议机关 may make (72 adds the 赔偿 part, recorded beside). */
const decisionOutcomes = {
  upheld: outcomes.upheld,
  dismissed: outcomes.dismissed,
  revoked: outcomes.revoked,
  partly_revoked: outcomes.partly_revoked,
  revoked_redo: outcomes.revoked_redo,
  altered: outcomes.altered,
  confirmed_illegal: outcomes.confirmed_illegal,
  confirmed_void: outcomes.confirmed_void,
  ordered_performance: outcomes.ordered_performance,
  agreement_liability: outcomes.agreement_liability,
  agreement_compensation: outcomes.agreement_compensation,
};
/** Art. 72: 赔偿 may be awarded only together with a decision that finds the act unlawful or sets it aside. */
const COMPENSABLE = ['altered', 'revoked', 'partly_revoked', 'revoked_redo', 'confirmed_illegal', 'confirmed_void'];

const terminationGrounds = {
  withdrawn: '申请人撤回申请（含和解后撤回）',
  suspension_expired: '因申请人死亡、丧失行为能力或组织终止中止满六十日，中止原因仍未消除',
  terminated_other: '申请人死亡或终止无承继人、承继人放弃，或因同一违法行为被采取刑事强制措施等其他法定情形',
};

const suspensionGrounds = {
  death: '作为申请人的公民死亡，近亲属尚未确定是否参加',
  incapacity: '申请人丧失参加行政复议的行为能力，尚未确定法定代理人',
  missing: '申请人下落不明',
  dissolved: '作为申请人的法人或其他组织终止，尚未确定权利义务承受人',
  force_majeure: '因不可抗力等正当理由不能参加',
  mediation: '依法进行调解、和解，申请人和被申请人同意中止',
  interpretation: '案件涉及法律适用问题，需要有权机关作出解释或确认',
  related_case: '案件审理需以其他尚未审结案件的审理结果为依据',
  document_review: '申请人依法提出对有关规范性文件的附带审查申请（第五十六条）',
  basis_review: '行政复议机关认为行政行为的依据不合法，需要处理或者转送（第五十七条）',
  other: '其他需要中止的情形',
};
/** Arts. 56–57: a 中止 for the review of a 规范性文件 or 依据, handled by this organ or forwarded. */
const REVIEW_GROUNDS = ['document_review', 'basis_review'];
/** A clock's start condition read from the start event's own data. */
const byData = (test: (d: Record<string, any>) => boolean) => (e: EventView) => test(e.data ?? {});

const reviewBy = (competence: string) => (d: Record<string, any>) => REVIEW_GROUNDS.includes(d.ground) && d.competence === competence;

/**
 * Art. 39 ¶1 (九) suspends the case while the art. 56/57 review is under way: the cause is gone
 * only once this organ has handled it or forwarded it (the reply may come after the resumption).
 */
const reviewStillPending = ({ clocks }: { clocks: Record<string, any> }) => {
  if (clocks.review_handling?.status === 'running') return '本机关有权处理的附带审查（依据审查）尚未处理完毕，中止的原因未消除，不能恢复审理（行政复议法第三十九条第一款第九项、第五十六条、第五十七条）';
  if (clocks.review_forward?.status === 'running') return '无权处理的附带审查（依据审查）尚未转送有权机关，中止的原因未消除，不能恢复审理（行政复议法第三十九条第一款第九项、第五十六条、第五十七条）';
  return undefined;
};

/** Art. 32 ¶1: only a penalty made on the spot or from electronic-monitoring records may be lodged through the organ that made it. */
const forwardedUnderArt32 = (fields: Record<string, any>) => fields.category === 'penalty' && typeof fields.forwarderReceivedOn === 'string';

/** Art. 41 (五): a case suspended on art. 39 ¶1 (一)(二)(四) is terminated after 60 日 if the cause remains. */
const SUCCESSION_GROUNDS = ['death', 'incapacity', 'dissolved'];

/** Art. 30 ¶1: the conditions of 受理; a 不予受理 names the one not met. */
const rejectionGrounds = {
  parties: '没有明确的申请人或者被申请人不符合规定',
  standing: '申请人与被申请复议的行政行为没有利害关系',
  request: '没有具体的行政复议请求和理由',
  late: '超过法定申请期限',
  scope: '不属于行政复议范围',
  jurisdiction: '不属于本机关管辖',
  repeat: '已就同一行政行为申请过行政复议或者提起过行政诉讼并被受理',
  wrong_respondent: '错列被申请人，经告知后申请人不同意变更或者变更后仍不符合规定（行政复议法实施条例第二十九条）',
};

const last = (events: EventView[], kind: string) => events.findLast((e) => e.kind === kind);

/** Art. 49: an ordinary case is decided only after the parties' views were heard (a 听证 hears them too). */
const viewsHeard = (events: EventView[]) => events.some((e) => e.kind === 'hear_views' || e.kind === 'hold_hearing');

/** What a decision needs before it may be made, and which decisions fit the case (arts. 49–52, 61, 69, 71, 72). */
function decisionRefusal(events: EventView[], data: Record<string, any>, fields: Record<string, any>): string | undefined {
  if (events.some((e) => e.kind === 'escalation_ordered')) return '上级行政复议机关已决定提级审理，本机关应当移送案件材料，不再作出决定（行政复议法实施条例第四十条第三款）';
  if (!isSimple(events) && !viewsHeard(events)) return '适用普通程序审理的，应当当面或者通过互联网、电话等方式听取当事人的意见并记录在案后，才能作出决定（行政复议法第四十九条）';
  const kind = last(events, 'designate')?.data ?? {};
  if (kind.major && !events.some((e) => e.kind === 'hold_hearing')) return '案情重大、疑难、复杂的，应当组织听证后再作出决定（行政复议法第五十条）';
  if ((kind.major || kind.technical) && !events.some((e) => e.kind === 'committee_opinion')) return '案情重大、疑难、复杂或者专业性、技术性较强的，应当提请行政复议委员会提出咨询意见（行政复议法第五十二条）';
  // 条例 art. 52: the decision goes up with the committee's opinion and says how it was taken up (why not, if not).
  if (underRegulation(fields) && events.some((e) => e.kind === 'committee_opinion')) {
    if (!data.committeeAdoption) return '提请行政复议委员会提出咨询意见的案件，报请签发决定时应当附具咨询意见并对采纳情况作出说明（行政复议法实施条例第五十二条）';
    if (data.committeeAdoption === 'not_adopted' && !data.committeeNote) return '不采纳行政复议委员会咨询意见的，应当说明理由（行政复议法实施条例第五十二条）';
  }
  if (data.outcome === 'dismissed' && fields.category !== 'nonperformance') {
    // 条例 art. 61 ¶1 (一)(三) opens 驳回 to two situations outside 不履行 cases, for applications received from 2026-07-01.
    if (!underRegulation(fields)) return '驳回行政复议请求只适用于申请人认为被申请人不履行法定职责的案件（行政复议法第六十九条）；其他案件行政行为合法适当的，应决定维持（第六十八条）';
    if (!['void_refused', 'worse'].includes(data.dismissalGround)) return '驳回行政复议请求只适用于不履行法定职责的案件（行政复议法第六十九条），或者申请确认无效经释明拒绝变更请求、变更对申请人更为不利的情形（行政复议法实施条例第六十一条第一款第一项、第三项），请选择驳回的情形';
  }
  if (data.outcome === 'dismissed' && data.dismissalGround === 'worse' && data.thirdPartyContrary) return '第三人提出相反请求的，不能以变更对申请人更为不利为由驳回行政复议请求（行政复议法实施条例第六十一条第二款）';
  if (data.outcome?.startsWith('agreement_') && fields.category !== 'agreement') return '承担行政协议责任或者给予合理补偿的决定只适用于行政协议案件（行政复议法第七十一条）';
  if (fields.compensationClaim && !data.compensation) return '申请人一并提出了行政赔偿请求，作出决定时应当同时决定给予赔偿或者驳回赔偿请求（行政复议法第七十二条第一款）';
  if (data.compensation === 'refused' && !fields.compensationClaim) return '申请人未一并提出行政赔偿请求，无需驳回（行政复议法第七十二条）';
  if (data.compensation === 'awarded' && !COMPENSABLE.includes(data.outcome)) return '只有在决定撤销、部分撤销、变更或者确认违法、无效时，才能同时决定被申请人依法给予赔偿（行政复议法第七十二条）';
  // 条例 art. 39 (2007 text art. 32 said the same without the 简易程序 exception); asked of the
  // applications the 2026 条例 governs, so decisions recorded before the field existed stand.
  if (underRegulation(fields) && reviewerCount(data.reviewers) < (isSimple(events) ? 1 : 2)) {
    return isSimple(events) ? '适用简易程序的，应当记录审理案件的行政复议人员（行政复议法实施条例第三十九条）' : '审理行政复议案件应当由2名以上行政复议人员参加，请填写参加审理的行政复议人员（行政复议法实施条例第三十九条）';
  }
  return undefined;
}

/** Distinct names in 参加审理的行政复议人员, however they were separated. */
const reviewerCount = (text: unknown) => new Set(String(text ?? '').split(/[、，,;；\s]+/).filter(Boolean)).size;

/**
 * Arts. 20, 32: the application is due 60 日 from the day the applicant knew (or should have known)
 * of the act; if the organ did not tell them of the right to apply, at most one year from then.
 * A forwarded application (art. 32) counts from the day the original organ received it.
 * Without the date of knowledge nothing is computed; art. 21's 5/20-year bars run from the act's date.
 */
export function applicationDue(cal: WorkCalendar, fields: Record<string, any>): string | null {
  const start = nonperformanceStart(cal, fields) ?? fields.knewOn;
  if (!start || (fields.category === 'nonperformance' && fields.emergency)) return null;
  return computeDue(cal, start, fields.notInformed ? { length: 12, unit: 'month' } : { length: 60, unit: 'day' }, excludedSpan(fields)).due;
}

/** 行政复议法实施条例（2026年修订）施行之日（第七十七条）: its new rules govern applications received from then on. */
export const REGULATION_IN_FORCE = '2026-07-01';
const underRegulation = (fields: Record<string, any>) => typeof fields.receivedOn === 'string' && fields.receivedOn >= REGULATION_IN_FORCE;
const REGULATION_ONLY = `行政复议法实施条例（2026年修订）自${REGULATION_IN_FORCE}起施行（第七十七条），本案申请在此之前收到，不适用该条规定`;

/**
 * 条例 art. 24 ¶1: when an organ fails to perform a duty it was asked to perform, the period runs from
 * the end of the performance period, or, with none, from the day 60 日 after the organ received the request.
 * (The 2007 条例 art. 16 said the same (mem.), so it applies whatever the receipt date.)
 */
function nonperformanceStart(cal: WorkCalendar, fields: Record<string, any>): string | null {
  if (fields.category !== 'nonperformance') return null;
  if (fields.dutyDeadline) return fields.dutyDeadline;
  if (fields.dutyRequestedOn) return computeDue(cal, fields.dutyRequestedOn, { length: 60, unit: 'day', rollOverHoliday: false }).due;
  return null;
}

/**
 * 条例 art. 26 (a suit filed without the 复议 the organ failed to say was required, until the 驳回起诉 ruling
 * is served) and art. 38 ¶2 (an application left with the penalising organ that corrected itself, until it told
 * the applicant) are not counted in the application period. New in 2026: only for applications received from then.
 */
function excludedSpan(fields: Record<string, any>): { from: string; to: string }[] {
  if (!underRegulation(fields) || !fields.excludedFrom || !fields.excludedTo || fields.excludedTo < fields.excludedFrom) return [];
  return [{ from: fields.excludedFrom, to: fields.excludedTo }];
}

/** 受理 of a late application needs the reason the law accepts (art. 20 ¶1: 不可抗力或者其他正当理由). */
const applicationInTime = async ({ fields, data, calendar }: { fields: Record<string, any>; data: Record<string, any>; calendar: WorkCalendar }) => {
  const due = applicationDue(calendar, fields);
  // Art. 32: the organ's receipt counts only on the channel that article opens (penalties).
  const filed = forwardedUnderArt32(fields) ? fields.forwarderReceivedOn : fields.receivedOn;
  if (fields.actOn) {
    // Art. 21: an absolute bar from the act itself, which no 正当理由 lifts.
    const bar = computeDue(calendar, fields.actOn, { length: fields.immovable ? 240 : 60, unit: 'month' }).due;
    if (filed > bar) return `自行政行为作出之日（${fields.actOn}）起已超过${fields.immovable ? '二十年（不动产）' : '五年'}，应当不予受理（行政复议法第二十一条）`;
  }
  if (!due || filed <= due || data.lateReason) return undefined;
  if (fields.forwarderReceivedOn && !forwardedUnderArt32(fields)) return `经原行政机关提交申请只适用于对当场作出或者依据电子技术监控设备记录作出的行政处罚决定不服的情形（行政复议法第三十二条），本案申请期限以本机关收到之日（${filed}）计算，已超过法定申请期限（${due}届满）；有正当理由的，请填写「逾期仍受理的理由」（行政复议法第二十条）`;
  const duty = nonperformanceStart(calendar, fields) !== null;
  const from = duty ? '自履行期限届满之日或者行政机关收到履职申请满六十日起' : '自知道行政行为之日起';
  return `申请于${filed}提出，已超过法定申请期限（${from}${fields.notInformed ? '最长一年' : '六十日'}，${due}届满），应当决定不予受理；因不可抗力等正当理由耽误或者法律规定的期限更长的，请填写「逾期仍受理的理由」（行政复议法第二十条、第三十条第一款第四项${duty ? '，行政复议法实施条例第二十四条' : ''}）`;
};
const lateReason = f.optionalText('逾期仍受理的理由（不可抗力等正当理由、法律规定更长期限）', 500);

/** Art. 51 ¶1: the hearing notice goes out 5日 (art. 88 ¶2: 工作日) before the hearing. */
const HEARING_NOTICE = { length: 5, unit: statuteUnit('reconsideration', 5, 'day') };

/** The written notice of a 中止 or 恢复 (art. 39 ¶3) cannot predate the step it announces. */
const noticeNotBefore = ({ data, on }: { data: Record<string, any>; on: string }) =>
  data.noticeOn && data.noticeOn < on ? `书面告知日期（${data.noticeOn}）不能早于登记日期（${on}）` : undefined;

/** Art. 53: the kinds of case the simple procedure is open to (or any case, with the parties' consent). */
const simpleGrounds = {
  on_the_spot: '被申请行政复议的行政行为是当场作出的',
  warning: '被申请行政复议的行政行为是警告或者通报批评',
  small_amount: '案件涉及款额三千元以下',
  disclosure: '属于政府信息公开案件',
  consent: '当事人各方同意适用简易程序',
};

/** An extension request is pending when the last request has no approval or refusal after it. */
export const extensionPending = (events: EventView[]) => {
  const last = events.findLast((e) => ['request_extension', 'approve_extension', 'refuse_extension'].includes(e.kind));
  return last?.kind === 'request_extension';
};

/** Both review periods end with the case and stand still while it is suspended. */
// 条例 arts. 45, 46: the time of a 现场勘验 or 鉴定 is not counted either (one pause at a time: see inspection actions).
// 条例 art. 40 ¶2: so is the time a 提级 request waits on the superior organ; ¶3: once ordered, the case leaves with its files.
const REVIEW_PERIOD = {
  unit: 'day' as const,
  stopOn: CLOSED,
  pauseOn: ['suspend', 'start_inspection', 'request_escalation'],
  resumeOn: ['resume', 'end_inspection', 'escalation_declined'],
};
const escalationPending = (events: EventView[]) => events.findLastIndex((e) => e.kind === 'request_escalation') > events.findLastIndex((e) => e.kind === 'escalation_declined' || e.kind === 'escalation_ordered');
const escalationGrounds = {
  public_interest: '涉及重大社会公共利益或者有重大影响',
  novel: '属于新类型案件，且案情重大、疑难、复杂',
  guidance: '具有法律适用指导意义',
  other: '确有必要提级审理的其他情形',
};

/** A 勘验 or 鉴定 started and not yet ended. */
const inspectionOpen = (events: EventView[]) => events.findLastIndex((e) => e.kind === 'start_inspection') > events.findLastIndex((e) => e.kind === 'end_inspection');

export const reconsideration = defineCaseType({
  key: 'reconsideration',
  name: '行政复议',
  basis: '《中华人民共和国行政复议法》（2023年修订）、《中华人民共和国行政复议法实施条例》（2026年修订）',
  statute: 'reconsideration',
  number: ({ government, year, seq }) => `${government}复〔${year}〕${seq}号`,
  numberedBy: 'government',
  states: {
    received: { label: '受理审查' },
    correction_requested: { label: '补正中' },
    accepted: { label: '审理中' },
    suspended: { label: '中止审理' },
    not_accepted: { label: '不予受理', final: true },
    abandoned: { label: '视为放弃', final: true },
    decided: { label: '已作出决定', final: true },
    terminated: { label: '终止', final: true },
    withdrawn: { label: '受理前撤回', final: true },
    escalated: { label: '提级审理（已移送上级）', final: true },
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到申请日期'),
    channel: f.choice('申请方式', { in_person: '当面递交', mail: '邮寄', online: '网上申请', forwarded: '经原行政机关转送' }),
    respondent: f.text('被申请人', 100),
    category: f.choice('行政行为类别', {
      penalty: '行政处罚',
      coercion: '行政强制',
      licensing: '行政许可',
      disclosure: '政府信息公开',
      nonperformance: '不履行法定职责',
      expropriation: '征收征用及补偿',
      work_injury: '工伤认定',
      agreement: '行政协议',
      other: '其他',
    }),
    actUnderReview: f.text('被申请复议的行政行为', 300),
    request: f.optionalText('行政复议请求'),
    compensationClaim: f.flag('一并提出行政赔偿请求').optional(),
    knewOn: f.date('知道或者应当知道该行政行为之日').optional(),
    notInformed: f.flag('作出行政行为时未告知申请复议的权利、复议机关和申请期限').optional(),
    forwarderReceivedOn: f.date('经原行政机关转送的：原行政机关收到申请之日').optional(),
    actOn: f.date('行政行为作出之日').optional(),
    immovable: f.flag('因不动产提出的申请').optional(),
    dutyRequestedOn: f.date('不履行法定职责的：行政机关收到履职申请之日（条例第二十四条）').optional(),
    dutyDeadline: f.date('不履行法定职责的：法定履行期限届满之日（条例第二十四条）').optional(),
    emergency: f.flag('紧急情况下请求履行保护人身权、财产权的法定职责（条例第二十四条第二款，申请期限不受限制）').optional(),
    excludedBasis: f.choice('不计入申请期限的期间', { litigation: '未被告知复议前置而直接起诉，至驳回起诉裁定送达（条例第二十六条）', self_correction: '向作出处罚的机关提交申请，至其告知自行纠正情况（条例第三十八条第二款）' }).optional(),
    excludedFrom: f.date('不计入期间的起始日（起诉之日或者提交申请之日）').optional(),
    excludedTo: f.date('不计入期间的终止日（裁定送达之日或者告知之日）').optional(),
    parties: z.array(partySchema).min(1, { message: '至少填写一名申请人' }).meta({ title: '当事人' }),
  }),
  title: (x) => `不服${x.respondent}${x.actUnderReview}`.slice(0, 80),
  actions: [
    {
      key: 'request_correction',
      label: '通知补正',
      basis: '行政复议法第三十一条：收到申请之日起五日内书面通知补正，一次性载明需要补正的事项',
      from: ['received'],
      to: 'correction_requested',
      fields: z.object({ items: f.longText('需补正的事项') }),
      // 一次性: once notified, the step is no longer offered (check keeps the law's reason for the API).
      when: ({ events }) => !events.some((e) => e.kind === 'request_correction'),
      check: ({ events, clocks, on }) => {
        if (events.some((e) => e.kind === 'request_correction')) return '补正通知应一次性载明需要补正的事项，不能再次通知补正（行政复议法第三十一条）';
        const due = clocks.acceptance?.dueOn;
        return due && on > due ? `应自收到申请之日起五个工作日内通知补正，期限已于${due}届满（行政复议法第三十一条）` : undefined;
      },
    },
    {
      key: 'serve_correction',
      label: '补正通知送达',
      basis: '行政复议法第三十一条：申请人应当自收到补正通知之日起十日内提交补正材料（第八十八条：工作日）',
      from: ['correction_requested'],
      fields: serviceFields,
      check: servedNotAfterStep,
      when: ({ events }) => !events.some((e) => e.kind === 'serve_correction'),
    },
    {
      key: 'extend_correction',
      label: '因正当理由延长补正期限',
      basis: '行政复议法第三十一条：申请人有正当理由的，可以延长合理的补正期限',
      from: ['correction_requested'],
      fields: z.object({ days: f.days('延长工作日数', 20), reason: f.longText('正当理由') }),
    },
    {
      key: 'receive_correction',
      label: '收到补正材料',
      basis: '行政复议法第三十一条：受理审查期限自收到补正材料之日起重新计算；邮寄的以交邮日期为准（第八十八条、民事诉讼法第八十五条）',
      from: ['correction_requested'],
      to: 'received',
      fields: postedOnField,
      check: postedNotAfterStep,
    },
    {
      key: 'abandon',
      label: '逾期未补正，视为放弃',
      basis: '行政复议法第三十一条：无正当理由逾期不补正的，视为放弃行政复议申请',
      from: ['correction_requested'],
      to: 'abandoned',
      outcome: 'abandoned',
      check: ({ clocks, on }) => {
        const c = clocks.correction;
        if (!c || !c.dueOn) return '补正通知尚未送达申请人，补正期限未起算，不能认定视为放弃（行政复议法第三十一条）';
        return on <= c.dueOn ? `补正期限至${c.dueOn}尚未届满，不能认定视为放弃（行政复议法第三十一条）` : undefined;
      },
    },
    {
      key: 'accept',
      label: '受理（普通程序）',
      basis: '行政复议法第三十条；第二十条：自知道行政行为之日起六十日内提出申请',
      from: ['received'],
      to: 'accepted',
      fields: z.object({ lateReason }),
      verify: applicationInTime,
    },
    {
      key: 'accept_simple',
      label: '受理（简易程序）',
      basis: '行政复议法第五十三条：事实清楚、权利义务关系明确、争议不大，且属于所列四类案件或当事人各方同意的，可以适用简易程序',
      from: ['received'],
      to: 'accepted',
      fields: z.object({ ground: f.choice('适用简易程序的情形', simpleGrounds), note: f.optionalText('事实清楚、争议不大的说明'), lateReason }),
      verify: applicationInTime,
    },
    {
      key: 'convert_to_ordinary',
      label: '简易程序转为普通程序',
      basis: '行政复议法第五十五条：不宜适用简易程序的，经行政复议机构负责人批准，可以转为普通程序审理',
      from: ['accepted', 'suspended'],
      when: ({ events }) => isSimple(events),
      fields: z.object({ reason: f.longText('转为普通程序的理由') }),
    },
    {
      key: 'send_copy',
      label: '向被申请人发送申请书副本',
      basis: '行政复议法第四十八条（普通程序七日）、第五十四条（简易程序三日）：自受理之日起发送；被申请人自收到之日起十日（简易程序五日）内提出书面答复',
      from: ['accepted', 'suspended'],
      fields: serviceFields,
      check: servedNotAfterStep,
      when: ({ events }) => !isSimple(events) && !events.some((e) => e.kind.startsWith('send_copy')),
    },
    {
      key: 'send_copy_simple',
      label: '向被申请人发送申请书副本（简易程序）',
      basis: '行政复议法第五十四条：自受理之日起三日内发送；被申请人自收到之日起五日内提出书面答复',
      from: ['accepted', 'suspended'],
      fields: serviceFields,
      check: servedNotAfterStep,
      when: ({ events }) => isSimple(events) && !events.some((e) => e.kind.startsWith('send_copy')),
    },
    {
      key: 'respondent_answer',
      label: '收到被申请人书面答复及证据',
      basis: '行政复议法第四十八条、第五十四条；逾期未答复的，依第七十条视为没有证据',
      from: ['accepted', 'suspended'],
      fields: postedOnField,
      check: postedNotAfterStep,
      when: ({ events }) => events.some((e) => e.kind.startsWith('send_copy')) && !events.some((e) => e.kind === 'respondent_answer'),
    },
    {
      key: 'dismiss_application',
      label: '驳回行政复议申请',
      basis: '行政复议法第三十三条：受理后发现不符合受理条件的，决定驳回申请并说明理由',
      from: ['accepted', 'suspended'],
      to: 'decided',
      outcome: 'application_dismissed',
      fields: z.object({ reason: f.longText('不符合受理条件的理由') }),
    },
    {
      key: 'deem_accept',
      label: '审查期满视为受理',
      basis: '行政复议法第三十条第三款：审查期限届满未作出不予受理决定的，视为受理',
      from: ['received'],
      to: 'accepted',
      system: true,
    },
    {
      key: 'reject',
      label: '决定不予受理',
      basis: '行政复议法第三十条：不予受理的应说明理由；不属于本机关管辖的应告知有管辖权的机关',
      from: ['received'],
      to: 'not_accepted',
      outcome: 'not_accepted',
      fields: z.object({
        ground: f.choice('不符合的受理条件', rejectionGrounds),
        reason: f.longText('不予受理理由'),
        competentOrgan: f.optionalText('告知的有管辖权的行政复议机关', 100),
        respondentToldOn: f.date('错列被申请人的：告知申请人变更被申请人之日（条例第二十九条）').optional(),
      }),
      check: ({ data, fields, on }) => {
        if (data.ground === 'jurisdiction' && !data.competentOrgan) return '不属于本机关管辖的，应当在不予受理决定中告知申请人有管辖权的行政复议机关（行政复议法第三十条第二款）';
        if (data.ground !== 'wrong_respondent') return undefined;
        if (!underRegulation(fields)) return REGULATION_ONLY + '（第二十九条）；错列被申请人的请按「没有明确的申请人或者被申请人不符合规定」处理';
        if (!data.respondentToldOn) return '申请人错列被申请人的，应当先告知申请人变更被申请人；申请人不同意变更或者变更后仍不符合规定的，才能决定不予受理（行政复议法实施条例第二十九条）';
        return data.respondentToldOn > on ? `告知变更被申请人的日期（${data.respondentToldOn}）不能晚于不予受理决定（${on}）` : undefined;
      },
    },
    {
      key: 'withdraw_application',
      label: '申请人撤回申请（受理前）',
      basis: '行政复议法第七十四条：申请人可以撤回行政复议申请；受理前撤回的，不再审查受理',
      from: ['received', 'correction_requested'],
      to: 'withdrawn',
      outcome: 'withdrawn_before_acceptance',
      fields: z.object({ reason: f.optionalText('撤回理由') }),
    },
    {
      key: 'suspend',
      label: '中止审理',
      basis: '行政复议法第三十九条；中止期间不计入审理期限（本平台按此计算，可调整）',
      from: ['accepted'],
      to: 'suspended',
      fields: z.object({
        ground: f.choice('中止情形', suspensionGrounds),
        competence: f.choice('附带审查的处理（第五十六条、第五十七条）', { own: '本机关有权处理', forward: '本机关无权处理，转送有权机关' }).optional(),
        noticeOn: f.date('书面告知当事人日期'),
      }),
      check: (ctx) =>
        REVIEW_GROUNDS.includes(ctx.data.ground) && !ctx.data.competence ? '附带审查或依据审查中止的，应写明本机关有权处理还是转送有权机关（行政复议法第五十六条、第五十七条）' : noticeNotBefore(ctx),
    },
    {
      key: 'notify_drafter',
      label: '书面通知制定机关答复',
      basis: '行政复议法第五十八条：自中止之日起三日内书面通知规范性文件或者依据的制定机关就相关条款的合法性提出书面答复；制定机关自收到通知之日起十日内答复',
      from: ['suspended'],
      when: ({ events }) => reviewBy('own')(last(events, 'suspend')?.data ?? {}) && !events.some((e) => e.kind === 'notify_drafter'),
      fields: serviceFields,
      check: servedNotAfterStep,
    },
    {
      key: 'drafter_reply',
      label: '收到制定机关书面答复',
      basis: '行政复议法第五十八条',
      from: ['suspended'],
      when: ({ clocks }) => clocks.drafter_reply?.status === 'running',
      fields: postedOnField,
      check: postedNotAfterStep,
    },
    {
      key: 'review_handled',
      label: '附带审查处理完毕',
      basis: '行政复议法第五十六条、第五十七条：有权处理的，三十日内依法处理；第五十九条：认为超越权限或者违法的，决定停止执行并责令制定机关纠正',
      from: ['suspended'],
      when: ({ clocks }) => clocks.review_handling?.status === 'running',
      // Art. 58 ¶1: the drafting organ is asked for its written answer before the organ rules on the text.
      check: ({ events }) => (events.some((e) => e.kind === 'notify_drafter') ? undefined : '本机关有权处理的，应当先书面通知规范性文件或者依据的制定机关就相关条款的合法性提出书面答复，才能作出处理（行政复议法第五十八条）'),
      fields: z.object({ result: f.choice('处理结果', { lawful: '有关条款合法', unlawful: '超越权限或者违法，决定停止执行，责令制定机关纠正' }), summary: f.longText('处理意见') }),
    },
    {
      key: 'forward_review',
      label: '转送有权机关处理',
      basis: '行政复议法第五十六条、第五十七条：无权处理的，七日内转送有权处理的机关；第六十条：接受转送的机关自收到之日起六十日内回复处理意见',
      from: ['suspended'],
      when: ({ clocks }) => clocks.review_forward?.status === 'running',
      fields: serviceFields.extend({ recipient: f.text('接受转送的机关', 100) }),
      check: servedNotAfterStep,
    },
    {
      key: 'review_reply',
      label: '收到转送机关处理意见',
      basis: '行政复议法第六十条',
      from: ['suspended', 'accepted'],
      when: ({ clocks }) => clocks.forward_reply?.status === 'running',
      fields: z.object({ summary: f.longText('处理意见') }),
    },
    {
      key: 'resume',
      label: '恢复审理',
      basis: '行政复议法第三十九条：中止的原因消除后及时恢复审理，并书面告知当事人',
      from: ['suspended'],
      to: 'accepted',
      fields: z.object({ noticeOn: f.date('书面告知当事人日期') }),
      check: (ctx) => reviewStillPending(ctx) ?? noticeNotBefore(ctx),
    },
    {
      key: 'request_extension',
      label: '申请延长审理期限',
      basis: '行政复议法第六十二条：情况复杂的，经行政复议机构负责人批准可以延长，最多不超过三十日',
      from: ['accepted'],
      fields: z.object({ days: f.days('申请延长天数', 30), reason: f.longText('延期理由') }),
      when: ({ events }) => !extensionPending(events),
    },
    {
      key: 'approve_extension',
      label: '批准延期（复议机构负责人）',
      basis: '行政复议法第六十二条：书面告知当事人',
      from: ['accepted'],
      fields: z.object({ days: f.days('批准延长天数', 30) }),
      when: ({ events }) => extensionPending(events),
      prefill: ({ events }) => ({ days: events.findLast((e) => e.kind === 'request_extension')?.data.days }),
      check: ({ events, data }) => {
        const asked = Number(events.findLast((e) => e.kind === 'request_extension')?.data.days);
        return data.days > asked ? `批准天数不能多于申请的${asked}日` : undefined;
      },
    },
    {
      key: 'refuse_extension',
      label: '不批准延期',
      from: ['accepted'],
      fields: z.object({ reason: f.optionalText('不批准理由') }),
      when: ({ events }) => extensionPending(events),
    },
    {
      key: 'hear_views',
      label: '听取当事人意见',
      basis: '行政复议法第四十九条：适用普通程序审理的，当面或者通过互联网、电话等方式听取当事人的意见并记录在案；因当事人原因不能听取的，可以书面审理',
      from: ['accepted'],
      fields: z.object({
        method: f.choice('听取方式', { in_person: '当面听取', online: '通过互联网听取', phone: '通过电话听取', written: '因当事人原因不能听取，书面审理' }),
        record: f.longText('听取的意见（记录在案）'),
      }),
    },
    {
      key: 'designate',
      label: '认定案件情形（听证、复议委员会）',
      basis: '行政复议法第五十条：重大、疑难、复杂的案件应当组织听证；第五十二条：案情重大、疑难、复杂或者专业性、技术性较强的，应当提请行政复议委员会提出咨询意见',
      from: ['accepted'],
      fields: z.object({ major: f.flag('案情重大、疑难、复杂'), technical: f.flag('专业性、技术性较强') }),
    },
    {
      key: 'notify_hearing',
      label: '书面通知听证',
      basis: '行政复议法第五十一条：于举行听证的五日前（第八十八条：工作日）将听证的时间、地点和拟听证事项书面通知当事人',
      from: ['accepted'],
      fields: z.object({ hearingOn: f.date('听证日期'), place: f.text('听证地点', 100), matters: f.longText('拟听证事项') }),
      verify: async ({ data, on, calendar }) => {
        const earliest = computeDue(calendar, on, HEARING_NOTICE).due;
        return data.hearingOn < earliest ? `应当于举行听证的五个工作日前书面通知当事人：${on}通知的，听证最早于${earliest}举行（行政复议法第五十一条、第八十八条第二款）` : undefined;
      },
    },
    {
      key: 'hold_hearing',
      label: '举行听证',
      basis: '行政复议法第五十一条：申请人无正当理由拒不参加的，视为放弃听证权利；被申请人的负责人应当参加听证，不能参加的应当说明理由并委托工作人员参加',
      from: ['accepted'],
      when: ({ events }) => events.some((e) => e.kind === 'notify_hearing'),
      fields: z.object({
        applicant: f.choice('申请人', { attended: '参加听证', waived: '无正当理由拒不参加，视为放弃听证权利' }),
        respondentHead: f.choice('被申请人负责人', { attended: '负责人参加听证', delegated: '负责人不能参加，说明理由并委托工作人员参加' }),
        absenceReason: f.optionalText('负责人不能参加的理由', 500),
        record: f.longText('听证笔录要点'),
      }),
      check: ({ events, data, on }) => {
        const notice = last(events, 'notify_hearing');
        if (!notice) return '尚未书面通知当事人听证的时间、地点和拟听证事项（行政复议法第五十一条）';
        if (on < notice.data.hearingOn) return `听证通知的日期是${notice.data.hearingOn}，不能提前举行（行政复议法第五十一条）`;
        return data.respondentHead === 'delegated' && !data.absenceReason ? '被申请人的负责人不能参加听证的，应当说明理由（行政复议法第五十一条）' : undefined;
      },
    },
    {
      key: 'request_escalation',
      label: '报请上级提级审理',
      basis: '行政复议法实施条例第四十条第二款：下级行政复议机关认为需要由上级审理的，可以报请上级决定；报请提级审理期间不计入行政复议案件办理期限',
      from: ['accepted'],
      fields: z.object({ ground: f.choice('提级审理的情形', escalationGrounds), superior: f.text('上级行政复议机关', 100), reason: f.longText('报请理由') }),
      when: ({ events }) => !escalationPending(events) && !events.some((e) => e.kind === 'escalation_ordered'),
      check: ({ fields, events }) => {
        if (!underRegulation(fields)) return REGULATION_ONLY + '（第四十条）';
        return inspectionOpen(events) ? '现场勘验或者鉴定尚未登记结束，请先登记结束再报请提级（两段期间均不计入审理期限，平台一次只记一段）' : undefined;
      },
    },
    {
      key: 'escalation_declined',
      label: '上级不予提级，继续审理',
      basis: '行政复议法实施条例第四十条第二款：报请期间不计入办理期限，审理期限自此继续计算',
      from: ['accepted'],
      fields: z.object({ note: f.optionalText('上级答复') }),
      when: ({ events }) => escalationPending(events),
      check: ({ events }) => (escalationPending(events) ? undefined : '没有待上级决定的提级审理报请'),
    },
    {
      key: 'escalation_ordered',
      label: '上级决定提级审理',
      basis: '行政复议法实施条例第四十条第三款：上级决定提级审理的，通知下级于五个工作日内移送案件材料，并书面告知当事人',
      from: ['accepted'],
      fields: z.object({ superior: f.text('上级行政复议机关', 100), noticeOn: f.date('收到提级审理通知之日') }),
      when: ({ events }) => !events.some((e) => e.kind === 'escalation_ordered'),
      check: ({ fields, data, on }) => {
        if (!underRegulation(fields)) return REGULATION_ONLY + '（第四十条）';
        if (data.noticeOn > on) return `收到通知之日（${data.noticeOn}）不能晚于登记日期（${on}）`;
        return undefined;
      },
    },
    {
      key: 'transfer_files',
      label: '移送案件材料（提级审理）',
      basis: '行政复议法实施条例第四十条第三款：于五个工作日内移送案件材料；审理期限自上级收到案件材料之日起重新计算',
      from: ['accepted'],
      to: 'escalated',
      outcome: 'escalated',
      fields: serviceFields,
      check: servedNotAfterStep,
      when: ({ events }) => events.some((e) => e.kind === 'escalation_ordered'),
    },
    {
      key: 'start_inspection',
      label: '现场勘验、鉴定开始（不计入审理期限）',
      basis: '行政复议法实施条例第四十五条：现场勘验所用时间不计入行政复议审理期限；第四十六条：鉴定所用时间不计入行政复议审理期限',
      from: ['accepted'],
      fields: z.object({
        kind: f.choice('事项', { inspection: '现场勘验', appraisal: '鉴定（当事人申请，复议机构审查同意）' }),
        appraiser: f.optionalText('鉴定机构（当事人协商确定或者复议机构指定）', 100),
      }),
      when: ({ events }) => !inspectionOpen(events),
      check: ({ fields, data, events }) => {
        if (!underRegulation(fields)) return REGULATION_ONLY + '（第四十五条、第四十六条），勘验、鉴定时间照常计入审理期限';
        if (inspectionOpen(events)) return '上一项现场勘验或者鉴定尚未登记结束';
        if (escalationPending(events)) return '提级审理报请待上级决定，其间已不计入审理期限；请待上级答复后再登记勘验、鉴定';
        return data.kind === 'appraisal' && !data.appraiser ? '鉴定的，应写明当事人协商确定或者行政复议机构指定的鉴定机构（行政复议法实施条例第四十六条）' : undefined;
      },
    },
    {
      key: 'end_inspection',
      label: '现场勘验、鉴定结束',
      basis: '行政复议法实施条例第四十五条、第四十六条：审理期限自勘验、鉴定结束后继续计算',
      from: ['accepted'],
      fields: z.object({ result: f.longText('勘验笔录或者鉴定意见要点') }),
      when: ({ events }) => inspectionOpen(events),
      check: ({ events }) => (inspectionOpen(events) ? undefined : '没有正在进行的现场勘验或者鉴定'),
    },
    {
      key: 'redone',
      label: '被申请人重新作出行政行为',
      basis: '行政复议法实施条例第五十八条：责令重新作出行政行为的，被申请人应当在法律、法规、规章规定的期限内重新作出；未规定期限的，为六十日',
      from: ['decided'],
      when: ({ clocks }) => clocks.redo?.status === 'running',
      fields: z.object({ summary: f.longText('重新作出的行政行为') }),
    },
    {
      key: 'committee_opinion',
      label: '收到行政复议委员会咨询意见',
      basis: '行政复议法第五十二条：法定情形应当提请行政复议委员会提出咨询意见；第六十一条：咨询意见作为作出决定的重要参考依据',
      from: ['accepted', 'suspended'],
      fields: z.object({ opinion: f.longText('咨询意见') }),
    },
    {
      key: 'decide',
      label: '作出行政复议决定',
      basis: '行政复议法第六十一条：经行政复议机关的负责人同意或者集体讨论通过后作出；第六十三条至第六十九条、第七十一条、第七十二条',
      from: ['accepted'],
      to: 'decided',
      outcome: { field: 'outcome' },
      fields: z.object({
        outcome: f.choice('决定类型', decisionOutcomes),
        approval: f.choice('决定的作出', { head: '经行政复议机关负责人同意', collective: '经集体讨论通过' }),
        compensation: f.choice('一并提出的行政赔偿请求', { awarded: '同时决定被申请人依法给予赔偿', refused: '同时决定驳回行政赔偿请求' }).optional(),
        dismissalGround: f.choice('驳回复议请求的情形（条例第六十一条）', {
          void_refused: '申请确认无效，不属于无效情形，经释明拒绝变更请求',
          unable: '不履行法定职责案件，被申请人因不可抗力等正当事由客观上无法履行',
          worse: '行政行为依法应予变更，但变更对申请人更为不利',
        }).optional(),
        thirdPartyContrary: f.flag('第三人提出相反请求').optional(),
        committeeAdoption: f.choice('复议委员会咨询意见的采纳情况（条例第五十二条）', { adopted: '采纳', partly: '部分采纳', not_adopted: '不采纳' }).optional(),
        committeeNote: f.optionalText('采纳情况说明；不采纳的理由', 500),
        redoDays: f.days('责令重作的：法律、法规、规章规定的重作期限（日，未规定的留空为六十日）', 365).optional(),
        reviewers: f.optionalText('参加审理的行政复议人员（姓名，以顿号分隔）', 200),
        summary: f.longText('决定要旨'),
      }),
      check: ({ events, data, fields }) => decisionRefusal(events, data, fields),
    },
    {
      key: 'publish_decision',
      label: '决定书公开与抄告',
      basis: '行政复议法第七十九条：根据被申请行政复议的行政行为的公开情况，按照国家有关规定将行政复议决定书向社会公开；以本级政府工作部门为被申请人的，决定书、意见书同时抄告被申请人的上一级主管部门',
      from: ['decided'],
      when: ({ events }) => events.some((e) => e.kind === 'decide') && !events.some((e) => e.kind === 'publish_decision'),
      fields: z.object({
        publicity: f.choice('向社会公开', { published: '已向社会公开', withheld: '按规定不予公开（写明理由）' }),
        withheldReason: f.optionalText('不予公开的理由', 500),
        copiedTo: f.optionalText('抄告的上一级主管部门', 100),
      }),
      check: ({ data }) => (data.publicity === 'withheld' && !data.withheldReason ? '决定书不予公开的，应写明依据的规定和理由（行政复议法第七十九条）' : undefined),
    },
    {
      // Recorded by the 应诉 case that links to this one: the 复议 org's figures count the suits its decisions drew.
      key: 'sued',
      label: '复议决定被诉（复议机关作被告）',
      basis: '行政诉讼法第二十六条第二款：复议机关决定维持原行政行为的，作出原行政行为的行政机关和复议机关是共同被告；复议机关改变原行政行为的，复议机关是被告',
      from: ['decided'],
      system: true,
      fields: z.object({
        defendantRole: f.choice('复议机关的诉讼地位', DEFENDANT_ROLES),
        linkedCaseId: z.number().int().positive(),
        linkedNumber: f.text('行政应诉案号', 100),
      }),
    },
    {
      key: 'mediate',
      label: '调解结案（制作调解书）',
      basis: '行政复议法第七十三条',
      from: ['accepted', 'suspended'],
      to: 'decided',
      outcome: 'mediated',
      fields: z.object({ summary: f.longText('调解协议内容') }),
    },
    {
      key: 'terminate',
      label: '终止行政复议',
      basis: '行政复议法第四十一条、第七十四条',
      from: ['accepted', 'suspended'],
      to: 'terminated',
      outcome: { field: 'ground' },
      fields: z.object({ ground: f.choice('终止情形', terminationGrounds), note: f.optionalText('说明') }),
      check: ({ data, clocks, on }) => {
        if (data.ground !== 'suspension_expired') return undefined;
        const c = clocks.suspension_limit;
        if (!c || c.status !== 'running' || !c.dueOn) return '只有因申请人死亡、丧失参加行政复议的行为能力或者组织终止而中止的案件，中止满六十日原因仍未消除的，才能据此终止（行政复议法第四十一条第五项）';
        return on <= c.dueOn ? `中止至${c.dueOn}才满六十日，不能据此终止（行政复议法第四十一条第五项）` : undefined;
      },
    },
    {
      key: 'issue_opinion_letter',
      label: '制发行政复议意见书',
      basis: '行政复议法第七十六条：在办理过程中和作出决定后均可制发；有关机关应当自收到之日起六十日内将纠正情况报送行政复议机构',
      from: ['accepted', 'suspended', 'decided', 'terminated'],
      fields: z.object({ recipient: f.text('送达对象', 100), content: f.longText('意见书要点') }),
      when: ({ clocks }) => clocks.opinion_reply?.status !== 'running',
    },
    {
      key: 'opinion_reply',
      label: '收到意见书纠正情况报告',
      basis: '行政复议法第七十六条',
      from: ['accepted', 'suspended', 'decided', 'terminated'],
      when: ({ clocks }) => clocks.opinion_reply?.status === 'running',
      fields: z.object({ summary: f.longText('纠正情况') }),
    },
  ],
  clocks: [
    {
      key: 'acceptance',
      label: '受理审查期限',
      basis: '行政复议法第三十条：收到申请之日起五日内审查',
      length: 5,
      unit: 'day',
      startOn: ['receive', 'receive_correction'],
      stopOn: ['accept', 'accept_simple', 'deem_accept', 'reject', 'request_correction', 'withdraw_application'],
      onExpiry: { action: 'deem_accept' },
    },
    {
      key: 'correction',
      label: '补正期限',
      basis: '行政复议法第三十一条：申请人应当自收到补正通知之日起十日内提交补正材料；有正当理由的可以延长',
      length: 10,
      unit: 'day',
      startOn: ['serve_correction'],
      stopOn: ['receive_correction', 'abandon', 'withdraw_application'],
      extendOn: ['extend_correction'],
      // Local choice: an extension for 正当理由 of at most 20 工作日 in all (the law fixes no cap).
      maxExtension: 20,
    },
    {
      key: 'forwarding',
      label: '原行政机关转送期限',
      basis: '行政复议法第三十二条：通过作出当场处罚或者依据电子技术监控设备记录作出处罚的行政机关提交申请的，该机关认为需要维持处罚决定的，应当自收到申请之日起五日内转送行政复议机关',
      length: 5,
      unit: 'day',
      startOn: ['receive'],
      startIf: byData((d) => d.channel === 'forwarded' && forwardedUnderArt32(d)),
      startFrom: 'forwarderReceivedOn',
      // The forwarding ends when the application reaches us: the clock shows whether the 5 工作日 were kept.
      stopOn: ['receive'],
    },
    {
      key: 'copy',
      label: '发送申请书副本期限',
      basis: '行政复议法第四十八条、第五十四条：自受理之日起七日（简易程序三日）内发送被申请人',
      length: 7,
      unit: 'day',
      startOn: ['accept', 'deem_accept'],
      stopOn: ['send_copy', 'send_copy_simple', ...CLOSED],
    },
    {
      key: 'copy_simple',
      label: '发送申请书副本期限（简易程序）',
      basis: '行政复议法第五十四条：三日',
      length: 3,
      unit: 'day',
      startOn: ['accept_simple'],
      stopOn: ['send_copy', 'send_copy_simple', ...CLOSED],
    },
    {
      key: 'respondent_answer',
      label: '被申请人答复期限',
      basis: '行政复议法第四十八条：被申请人自收到申请书副本之日起十日内提出书面答复（简易程序第五十四条：五日）',
      length: 10,
      unit: 'day',
      startOn: ['send_copy'],
      stopOn: ['respondent_answer', ...CLOSED],
    },
    {
      key: 'respondent_answer_simple',
      label: '被申请人答复期限（简易程序）',
      basis: '行政复议法第五十四条：自收到申请书副本之日起五日内',
      length: 5,
      unit: 'day',
      startOn: ['send_copy_simple'],
      stopOn: ['respondent_answer', ...CLOSED],
    },
    {
      key: 'suspension_limit',
      label: '中止满六十日',
      basis: '行政复议法第四十一条第五项：因第三十九条第一款第一项、第二项、第四项中止满六十日，中止的原因仍未消除的，决定终止行政复议',
      length: 60,
      unit: 'day',
      startOn: ['suspend'],
      startIf: byData((d) => SUCCESSION_GROUNDS.includes(d.ground)),
      stopOn: ['resume', ...CONCLUDED],
    },
    {
      key: 'review_handling',
      label: '附带审查处理期限',
      basis: '行政复议法第五十六条、第五十七条：本机关有权处理的，应当在三十日内依法处理',
      length: 30,
      unit: 'day',
      startOn: ['suspend'],
      startIf: byData(reviewBy('own')),
      stopOn: ['review_handled', ...CONCLUDED],
    },
    {
      key: 'drafter_notice',
      label: '通知制定机关期限',
      basis: '行政复议法第五十八条：自行政复议中止之日起三日内书面通知制定机关',
      length: 3,
      unit: 'day',
      startOn: ['suspend'],
      startIf: byData(reviewBy('own')),
      stopOn: ['notify_drafter', ...CONCLUDED],
    },
    {
      key: 'drafter_reply',
      label: '制定机关答复期限',
      basis: '行政复议法第五十八条：制定机关应当自收到书面通知之日起十日内提交书面答复及相关材料',
      length: 10,
      unit: 'day',
      startOn: ['notify_drafter'],
      stopOn: ['drafter_reply', ...CONCLUDED],
    },
    {
      key: 'review_forward',
      label: '附带审查转送期限',
      basis: '行政复议法第五十六条、第五十七条：无权处理的，应当在七日内转送有权处理的机关',
      length: 7,
      unit: 'day',
      startOn: ['suspend'],
      startIf: byData(reviewBy('forward')),
      stopOn: ['forward_review', ...CONCLUDED],
    },
    {
      key: 'forward_reply',
      label: '转送机关回复期限',
      basis: '行政复议法第六十条：接受转送的机关应当自收到转送之日起六十日内将处理意见回复转送的行政复议机关',
      length: 60,
      unit: 'day',
      startOn: ['forward_review'],
      stopOn: ['review_reply'],
    },
    {
      key: 'opinion_reply',
      label: '意见书纠正情况报送期限',
      basis: '行政复议法第七十六条：自收到意见书之日起六十日内',
      length: 60,
      unit: 'day',
      startOn: ['issue_opinion_letter'],
      stopOn: ['opinion_reply'],
    },
    {
      key: 'escalation_transfer',
      label: '提级审理移送案件材料期限',
      basis: '行政复议法实施条例第四十条第三款：上级决定提级审理的，下级于五个工作日内移送案件材料',
      length: 5,
      unit: 'workday',
      startOn: ['escalation_ordered'],
      startFrom: 'noticeOn',
      stopOn: ['transfer_files'],
    },
    {
      key: 'redo',
      label: '重新作出行政行为期限',
      basis: '行政复议法实施条例第五十八条第一款：法律、法规、规章未规定期限的，重新作出行政行为的期限为六十日',
      length: 60,
      unit: 'day',
      startOn: ['decide'],
      startIf: (e, _earlier, fields) => e.data?.outcome === 'revoked_redo' && underRegulation(fields),
      lengthFrom: (d) => Number(d.redoDays) || 60,
      stopOn: ['redone'],
    },
    {
      key: 'decision',
      label: '审理期限（普通程序）',
      basis: '行政复议法第六十二条：受理之日起六十日内作出决定，经批准可延长不超过三十日',
      ...REVIEW_PERIOD,
      length: 60,
      startOn: ['accept', 'deem_accept', 'convert_to_ordinary'],
      // A converted case keeps its 受理 date: the 60 日 run from 受理, not from the conversion.
      countFrom: { convert_to_ordinary: 'accept_simple' },
      extendOn: ['approve_extension'],
      requestOn: ['request_extension'],
      maxExtension: 30,
    },
    {
      key: 'decision_simple',
      label: '审理期限（简易程序）',
      basis: '行政复议法第六十二条第二款：简易程序自受理之日起三十日内作出决定',
      ...REVIEW_PERIOD,
      length: 30,
      startOn: ['accept_simple'],
      stopOn: [...CLOSED, 'convert_to_ordinary'],
    },
  ],
  outcomes,
  report: { area: 'disputes', sentences: ['全年共收到行政复议申请{{行政复议.收到申请}}件，受理{{行政复议.受理}}件，审结{{行政复议.审结}}件，纠错率{{行政复议.纠错率}}，按期审结率{{行政复议.按期审结率}}。'] },
  indicators: [
    { key: 'received', label: '收到申请', unit: '件', description: '期间内收到的行政复议申请数', count: { events: ['receive'] } },
    { key: 'accepted', label: '受理', unit: '件', description: '期间内受理（含简易程序、视为受理）的案件数', count: { events: ACCEPTED } },
    { key: 'not_accepted', label: '不予受理', unit: '件', description: '期间内决定不予受理的申请数', count: { events: ['reject'] } },
    { key: 'concluded', label: '审结', unit: '件', description: '期间内以决定、调解或终止审结的案件数', count: { events: CONCLUDED } },
    { key: 'corrected', label: '纠错', unit: '件', description: '期间内作出撤销（含部分撤销、责令重作）、变更、确认违法、确认无效、责令履行及行政协议责任决定的案件数', count: { events: ['decide'], outcomes: correctingOutcomes } },
    { key: 'correction_rate', label: '纠错率', unit: '%', description: '纠错案件数 ÷ 审结案件数（平台口径，法无统一定义）', rate: { numerator: 'corrected', denominator: 'concluded' } },
    { key: 'settled', label: '调解撤回', unit: '件', description: '期间内调解结案或撤回申请终止的案件数', count: { events: ['mediate', 'terminate'], outcomes: ['mediated', 'withdrawn'] } },
    { key: 'settlement_rate', label: '调撤率', unit: '%', description: '调解、撤回结案数 ÷ 审结案件数', rate: { numerator: 'settled', denominator: 'concluded' } },
    { key: 'timed', label: '审结（计时）', unit: '件', description: '期间内审结且有审理期限的案件数', count: { clocks: ['decision', 'decision_simple'], stoppedBy: CONCLUDED } },
    { key: 'on_time', label: '按期审结', unit: '件', description: '在审理期限（含批准延长）内审结的案件数', count: { clocks: ['decision', 'decision_simple'], stoppedBy: CONCLUDED, onTime: true } },
    { key: 'on_time_rate', label: '按期审结率', unit: '%', description: '按期审结数 ÷ 审结（计时）数', rate: { numerator: 'on_time', denominator: 'timed' } },
    { key: 'compensation', label: '决定赔偿', unit: '件', description: '期间内在复议决定中同时决定被申请人依法给予行政赔偿的案件数（第七十二条）', count: { events: ['decide'], dataEquals: { compensation: 'awarded' } } },
    { key: 'sued', label: '复议后被诉', unit: '件', description: '期间内复议决定被提起行政诉讼、复议机关作被告或共同被告的复议案件（由关联的行政应诉案件记录）', count: { events: ['sued'] } },
    { key: 'sued_co_defendant', label: '复议维持作共同被告', unit: '件', description: '其中复议维持、复议机关与原行政机关为共同被告的复议案件（行政诉讼法第二十六条第二款）', count: { events: ['sued'], dataEquals: { defendantRole: 'co_defendant' } } },
    { key: 'sued_defendant', label: '复议改变作被告', unit: '件', description: '其中复议改变原行政行为、复议机关为被告的复议案件（行政诉讼法第二十六条第二款）', count: { events: ['sued'], dataEquals: { defendantRole: 'defendant' } } },
    { key: 'opinion_letters', label: '意见书', unit: '份', description: '期间内制发的行政复议意见书', count: { events: ['issue_opinion_letter'] } },
  ],
});
