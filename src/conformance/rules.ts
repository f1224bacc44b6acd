/**
 * The conformance registry: every rule the platform enforces, with the statute and article, the
 * rule in one sentence, where it is encoded, the review row it answers (law-review-2026-11), and
 * — found by the test suite in test/scenarios/ — the scenario that proves it. docs/conformance.md
 * is generated from this list; a rule without a scenario fails the suite.
 */
export interface ConformanceRule {
  id: string;
  statute: string;
  article: string;
  rule: string;
  /** file#key of the definition that encodes it. */
  encodedIn: string;
  /** Rows of the legal review this rule settles. */
  review?: string[];
}

const R = 'src/institutions/reconsideration/index.ts';
const D = 'src/institutions/disclosure/index.ts';
const E = 'src/institutions/enforcement/index.ts';
const P = 'src/institutions/petition/index.ts';
const EI = 'src/institutions/enterprise-inspection/index.ts';
const EO = 'src/institutions/enforcement-oversight/index.ts';
const LA = 'src/institutions/legal-aid/index.ts';
const LT = 'src/institutions/litigation/index.ts';
const PR = 'src/institutions/proposals/index.ts';
const HL = 'src/institutions/hotline/index.ts';
const SC = 'src/institutions/state-compensation/index.ts';
const SME = 'src/institutions/sme-payment/index.ts';

export const RULES: ConformanceRule[] = [
  // 0. Period counting
  { id: 'kernel.start-day', statute: '民法典', article: '第二百零一条', rule: '期间开始的当日不计入，自下一日开始计算。', encodedIn: 'src/kernel/calendar/calendar.ts#computeDue', review: ['0.1'] },
  { id: 'kernel.holiday-rollover', statute: '民事诉讼法（行政诉讼法第一百零一条、行政复议法第八十八条准用）', article: '第八十五条第三款', rule: '以日计算的期间届满最后一日为法定休假日的，以休假日后的第一日为届满日。', encodedIn: 'src/kernel/calendar/calendar.ts#computeDue', review: ['0.2'] },
  { id: 'kernel.statute-workdays.penalty', statute: '行政处罚法', article: '第八十五条', rule: '本法中“二日”“三日”“五日”“七日”是指工作日；机构按法条写“7日”，由内核换算为工作日。', encodedIn: 'src/kernel/calendar/statutes.ts#penalty', review: ['0.5', '10.17'] },
  { id: 'kernel.statute-workdays.reconsideration', statute: '行政复议法', article: '第八十八条第二款', rule: '本法“三日”“五日”“七日”“十日”是指工作日。', encodedIn: 'src/kernel/calendar/statutes.ts#reconsideration', review: ['0.5', '1.1'] },
  { id: 'kernel.statute-workdays.licensing', statute: '行政许可法', article: '第八十二条', rule: '实施行政许可的期限以工作日计算。', encodedIn: 'src/kernel/calendar/statutes.ts#licensing', review: ['0.5'] },
  { id: 'kernel.statute-workdays.coercion', statute: '行政强制法', article: '第六十九条', rule: '十日以内期限是指工作日；超过十日的按自然日。', encodedIn: 'src/kernel/calendar/statutes.ts#coercion', review: ['0.5'] },
  { id: 'kernel.in-transit', statute: '民事诉讼法（行政复议法第八十八条准用）', article: '第八十五条第四款', rule: '期间不包括在途时间，邮寄的材料在期满前交邮的不算过期。', encodedIn: 'src/kernel/cases/clocks.ts#stopDate; src/kernel/cases/service.ts#postedOnField', review: ['0.6'] },
  { id: 'kernel.deemed-on-expiry', statute: '行政复议法', article: '第三十条第三款', rule: '审查期限届满未作出不予受理决定的，自届满之日起视为受理。', encodedIn: `${R}#clocks.acceptance.onExpiry`, review: ['0.8', '1.2'] },

  // 1. 行政复议
  { id: 'reconsideration.correction-notice-window', statute: '行政复议法', article: '第三十一条第一款', rule: '补正通知应在收到申请之日起五个工作日内一次性发出，不能再次补正。', encodedIn: `${R}#actions.request_correction`, review: ['1.4'] },
  { id: 'reconsideration.correction-from-receipt', statute: '行政复议法', article: '第三十一条第二款', rule: '十个工作日补正期限自申请人收到补正通知（送达回证）之日起算，有正当理由可以延长。', encodedIn: `${R}#clocks.correction`, review: ['1.5', '1.6'] },
  { id: 'reconsideration.abandon-only-after', statute: '行政复议法', article: '第三十一条第二款', rule: '补正期限（含延长）届满前，或补正通知尚未送达时，不能认定视为放弃；邮寄的补正材料以交邮日为准。', encodedIn: `${R}#actions.abandon`, review: ['1.6', '0.6'] },
  { id: 'reconsideration.respondent-answer', statute: '行政复议法', article: '第四十八条、第五十四条', rule: '受理后七个工作日内（简易程序三个）发送申请书副本；被申请人自收到之日起十个工作日内（简易程序五个）答复。', encodedIn: `${R}#clocks.copy, copy_simple, respondent_answer, respondent_answer_simple`, review: ['1.11'] },
  { id: 'reconsideration.simple-eligibility', statute: '行政复议法', article: '第五十三条', rule: '简易程序只适用于所列四类案件或当事人各方同意的案件，情形须从法定列表中选择。', encodedIn: `${R}#actions.accept_simple`, review: ['1.19'] },
  { id: 'reconsideration.convert', statute: '行政复议法', article: '第五十五条、第六十二条', rule: '简易程序经复议机构负责人批准可转为普通程序，审理期限按普通程序六十日自受理之日起计算。', encodedIn: `${R}#actions.convert_to_ordinary; clocks.decision.countFrom`, review: ['1.20'] },
  { id: 'reconsideration.dismiss-application', statute: '行政复议法', article: '第三十三条', rule: '受理后发现不符合受理条件的，决定驳回行政复议申请。', encodedIn: `${R}#actions.dismiss_application`, review: ['1.10'] },
  { id: 'reconsideration.decision-60', statute: '行政复议法', article: '第六十二条', rule: '普通程序自受理之日起六十日内作出决定，经批准可延长不超过三十日；中止期间不计入。', encodedIn: `${R}#clocks.decision`, review: ['1.16', '1.17', '1.22'] },
  { id: 'reconsideration.opinion-letter', statute: '行政复议法', article: '第七十六条', rule: '意见书可在办理过程中或决定后制发，有关机关应在六十日内报送纠正情况。', encodedIn: `${R}#clocks.opinion_reply`, review: ['1.31'] },
  { id: 'reconsideration.application-period', statute: '行政复议法', article: '第二十条、第二十一条、第三十条第一款第四项、第三十二条', rule: '自知道行政行为之日起六十日内申请（未告知申请权利的最长一年，经原机关转送的以原机关收到之日为准），逾期的须写明正当理由才能受理；自行政行为作出起超过五年（不动产二十年）的一律不予受理。', encodedIn: `${R}#applicationDue; actions.accept.verify`, review: ['1.8'] },
  { id: 'reconsideration.forwarding', statute: '行政复议法', article: '第三十二条、第八十八条第二款', rule: '只有对当场作出或者依据电子技术监控设备记录作出的行政处罚决定不服的，才能经作出处罚的机关提交申请：该机关认为需要维持的，自收到之日起五个工作日内转送，迟转的显示逾期，申请期限以该机关收到之日计算；其他案件经原机关转来的，申请期限以复议机关收到之日计算。', encodedIn: `${R}#clocks.forwarding (startFrom); forwardedUnderArt32`, review: ['1.9'] },
  { id: 'reconsideration.reject-names-organ', statute: '行政复议法', article: '第三十条第二款', rule: '不予受理须写明不符合的受理条件；不属于本机关管辖的，须告知有管辖权的行政复议机关。', encodedIn: `${R}#actions.reject`, review: ['1.3'] },
  { id: 'reconsideration.withdraw-before-acceptance', statute: '行政复议法', article: '第七十四条', rule: '受理前申请人可以撤回申请，撤回后不再视为受理。', encodedIn: `${R}#actions.withdraw_application`, review: ['1.30'] },
  { id: 'reconsideration.hear-views', statute: '行政复议法', article: '第四十九条', rule: '普通程序须当面或通过互联网、电话听取当事人意见并记录在案（或听证）后才能作出决定；简易程序可以书面审理。', encodedIn: `${R}#decisionRefusal; actions.hear_views`, review: ['1.12'] },
  { id: 'reconsideration.hearing', statute: '行政复议法', article: '第五十条、第五十一条', rule: '认定为重大、疑难、复杂的案件须举行听证后才能作出决定；被申请人负责人不能参加的须说明理由并委托工作人员。', encodedIn: `${R}#actions.designate, hold_hearing; decisionRefusal`, review: ['1.13'] },
  { id: 'reconsideration.hearing-notice', statute: '行政复议法', article: '第五十一条、第八十八条第二款', rule: '听证的时间、地点和事项须在举行听证的五个工作日前书面通知，听证不得早于通知的日期。', encodedIn: `${R}#actions.notify_hearing.verify`, review: ['1.13'] },
  { id: 'reconsideration.committee', statute: '行政复议法', article: '第五十二条', rule: '案情重大、疑难、复杂或专业性、技术性较强的，须收到行政复议委员会咨询意见后才能作出决定。', encodedIn: `${R}#actions.committee_opinion; decisionRefusal`, review: ['1.14'] },
  { id: 'reconsideration.approval', statute: '行政复议法', article: '第六十一条', rule: '每个复议决定须记录经行政复议机关负责人同意或者集体讨论通过。', encodedIn: `${R}#actions.decide.fields.approval`, review: ['1.15'] },
  { id: 'reconsideration.dismiss-only-nonperformance', statute: '行政复议法', article: '第六十八条、第六十九条', rule: '驳回复议请求只用于不履行法定职责案件；其他案件行政行为合法适当的决定维持。', encodedIn: `${R}#decisionRefusal`, review: ['1.27'] },
  { id: 'reconsideration.decision-types', statute: '行政复议法', article: '第六十三条至第六十九条', rule: '决定类型区分变更、撤销、部分撤销、撤销并责令重作、确认违法、责令履行、确认无效、维持、驳回请求，纠错率按此计算。', encodedIn: `${R}#decisionOutcomes; correctingOutcomes`, review: ['1.26'] },
  { id: 'reconsideration.agreement', statute: '行政复议法', article: '第七十一条', rule: '行政协议案件可决定被申请人承担继续履行、补救、赔偿等责任或给予合理补偿，仅限行政协议案件。', encodedIn: `${R}#decisionOutcomes.agreement_liability, agreement_compensation`, review: ['1.28'] },
  { id: 'reconsideration.compensation', statute: '行政复议法', article: '第七十二条', rule: '一并提出行政赔偿请求的，决定时须同时决定赔偿或驳回；赔偿只随撤销、部分撤销、变更、确认违法或无效决定，并计入「决定赔偿」指标。', encodedIn: `${R}#decisionRefusal; indicators.compensation`, review: ['1.28'] },
  { id: 'reconsideration.suspension-notice', statute: '行政复议法', article: '第三十九条第三款', rule: '中止、恢复审理须记录书面告知当事人的日期，且不早于中止、恢复的日期。', encodedIn: `${R}#actions.suspend, resume`, review: ['1.23'] },
  { id: 'reconsideration.basis-review', statute: '行政复议法', article: '第三十九条第一款第九项、第五十七条', rule: '复议机关自行认为行政行为的依据不合法而需处理或转送的，是独立的中止情形（与申请人提出的附带审查分列）。', encodedIn: `${R}#suspensionGrounds.basis_review`, review: ['1.21'] },
  { id: 'reconsideration.document-review', statute: '行政复议法', article: '第五十六条至第六十条、第八十八条第二款', rule: '附带审查（或依据审查）中止时写明有权处理或转送：有权处理的三十日内处理、三个工作日内通知制定机关、制定机关十个工作日内答复；无权处理的七个工作日内转送、对方六十日内回复。', encodedIn: `${R}#clocks.review_handling, drafter_notice, drafter_reply, review_forward, forward_reply`, review: ['1.25'] },
  { id: 'reconsideration.review-pending', statute: '行政复议法', article: '第三十九条第一款第九项、第五十六条至第五十八条', rule: '附带审查（依据审查）中止后，本机关有权处理的未处理完毕、无权处理的未转送前，不能恢复审理；有权处理的须先书面通知制定机关提出书面答复，才能作出处理。', encodedIn: `${R}#reviewStillPending; actions.resume, review_handled.check`, review: ['1.25'] },
  { id: 'reconsideration.suspension-60', statute: '行政复议法', article: '第四十一条第五项', rule: '因申请人死亡、丧失行为能力或组织终止中止的，计满六十日提醒；满六十日原因未消除的才能据此终止，其他中止情形不适用。', encodedIn: `${R}#clocks.suspension_limit; actions.terminate.check`, review: ['1.24'] },
  { id: 'reconsideration.publication', statute: '行政复议法', article: '第七十九条', rule: '决定书公开或按规定不公开（写明理由），并记录抄告被申请人的上一级主管部门。', encodedIn: `${R}#actions.publish_decision`, review: ['1.32'] },
  { id: 'reconsideration.nonperformance-period', statute: '行政复议法实施条例（2026年修订）', article: '第二十四条', rule: '申请履行法定职责而行政机关未履行的，申请期限自履行期限届满之日起算，没有履行期限的自行政机关收到申请满六十日起算；紧急情况下请求保护人身权、财产权的不受期限限制。', encodedIn: `${R}#nonperformanceStart; applicationDue` },
  { id: 'reconsideration.excluded-application-days', statute: '行政复议法实施条例（2026年修订）', article: '第二十六条、第三十八条第二款、第七十七条', rule: '2026-07-01起收到的申请：未被告知复议前置而直接起诉至驳回起诉裁定送达的期间、向作出处罚的机关提交申请至其告知自行纠正情况的期间，不计入申请期限。', encodedIn: `${R}#excludedSpan; applicationDue` },
  { id: 'reconsideration.inspection-excluded', statute: '行政复议法实施条例（2026年修订）', article: '第四十五条、第四十六条、第七十七条', rule: '2026-07-01起收到的申请：现场勘验、鉴定所用时间不计入审理期限；鉴定须写明协商确定或指定的鉴定机构。', encodedIn: `${R}#actions.start_inspection, end_inspection; REVIEW_PERIOD.pauseOn` },
  { id: 'reconsideration.redo-period', statute: '行政复议法实施条例（2026年修订）', article: '第五十八条第一款、第七十七条', rule: '2026-07-01起收到的申请：责令重新作出行政行为的，被申请人在法律、法规、规章规定的期限内重作，未规定的为六十日。', encodedIn: `${R}#clocks.redo; actions.redone` },
  { id: 'reconsideration.dismiss-under-regulation', statute: '行政复议法实施条例（2026年修订）', article: '第六十一条、第七十七条', rule: '2026-07-01起收到的申请：不履行法定职责案件以外，申请确认无效经释明拒绝变更请求的、变更对申请人更为不利的（第三人提出相反请求的除外），也决定驳回复议请求；此前收到的仍只适用于不履行法定职责案件。', encodedIn: `${R}#decisionRefusal; actions.decide.fields.dismissalGround` },
  { id: 'reconsideration.escalation', statute: '行政复议法实施条例（2026年修订）', article: '第四十条、第七十七条', rule: '2026-07-01起收到的申请：报请上级提级审理的期间不计入审理期限；上级决定提级的，下级自收到通知五个工作日内移送案件材料，本机关审理期限随移送停止。', encodedIn: `${R}#actions.request_escalation, escalation_declined, escalation_ordered, transfer_files; clocks.escalation_transfer` },
  { id: 'reconsideration.two-reviewers', statute: '行政复议法实施条例（2026年修订）', article: '第三十九条、第七十七条', rule: '2026-07-01起收到的申请：审理行政复议案件应当由2名以上行政复议人员参加，适用简易程序的可以由1名审理；决定时记录参加审理的人员，人数不足的不得作出决定。', encodedIn: `${R}#decisionRefusal, reviewerCount; actions.decide.fields.reviewers`, review: ['1.12'] },
  { id: 'reconsideration.committee-adoption', statute: '行政复议法实施条例（2026年修订）', article: '第五十二条、第七十七条', rule: '2026-07-01起收到的申请：提请复议委员会提出咨询意见的案件，作出决定时须说明咨询意见的采纳情况，不采纳的须说明理由。', encodedIn: `${R}#decisionRefusal; actions.decide.fields.committeeAdoption` },
  { id: 'reconsideration.wrong-respondent', statute: '行政复议法实施条例（2026年修订）', article: '第二十九条、第七十七条', rule: '2026-07-01起收到的申请：错列被申请人的，须先告知申请人变更，申请人不同意变更或变更后仍不符合规定的才决定不予受理。', encodedIn: `${R}#actions.reject.check` },

  // 2. 依申请公开
  { id: 'disclosure.answer-20', statute: '政府信息公开条例', article: '第三十三条第二款', rule: '自收到申请之日起二十个工作日内答复，经同意可延长不超过二十个工作日。', encodedIn: `${D}#clocks.answer`, review: ['2.1', '2.8'] },
  { id: 'disclosure.correction-once-within-7', statute: '政府信息公开条例', article: '第三十条', rule: '补正应在收到申请之日起七个工作日内一次性告知；迟延或再次补正被拒绝。', encodedIn: `${D}#actions.request_correction`, review: ['2.3'] },
  { id: 'disclosure.answer-from-corrected', statute: '政府信息公开条例', article: '第三十条', rule: '答复期限自收到补正的申请之日起计算。', encodedIn: `${D}#clocks.answer.startOn`, review: ['2.4'] },
  { id: 'disclosure.consultation-cap', statute: '政府信息公开条例', article: '第三十二条、第三十三条第三款', rule: '征求第三方意见所需时间不计入答复期限，但最多为第三方收到之日起十五个工作日；没有期限会无限暂停。', encodedIn: `${D}#clocks.answer.pauseLimit`, review: ['2.6'] },
  { id: 'disclosure.receipt-day', statute: '政府信息公开条例', article: '第三十一条', rule: '当面提交以提交日、邮寄以签收日、平常信函以到达当日确认日为收到申请之日；只有网络、传真以双方确认之日为准，可晚于到达日。', encodedIn: `${D}#receiptDay`, review: ['2.2'] },
  { id: 'disclosure.consult-organs', statute: '政府信息公开条例', article: '第三十三条第三款、第三十四条', rule: '征求共同制作信息的其他行政机关意见，所需时间不计入答复期限（最多十五个工作日）；被征求意见机关逾期未提出意见的视为同意公开。', encodedIn: `${D}#actions.consult, consult_reply`, review: ['2.7'] },
  { id: 'disclosure.fee', statute: '政府信息公开条例；国办函〔2020〕109号', article: '第四十二条；《信息处理费管理办法》（缴费期限见四川省财政厅转述）', rule: '收取信息处理费的，自申请人收到收费通知次日起二十个工作日内缴纳，期间答复期限暂停；期满未缴纳的才可认定视为放弃。', encodedIn: `${D}#actions.fee_notice, abandon.verify; clocks.fee`, review: ['2.12'] },
  { id: 'disclosure.deferral', statute: '政府信息公开条例', article: '第三十五条', rule: '申请数量、频次明显超过合理范围且理由合理的，可以确定延迟答复的合理期限并告知申请人，此后按该期限计算是否逾期。', encodedIn: `${D}#actions.defer; clocks.deferred`, review: ['2.9'] },
  { id: 'disclosure.answer-grounds', statute: '政府信息公开条例；国办公开办函〔2021〕30号', article: '第三十六条、第五十条；《政府信息公开工作年度报告格式》第三部分', rule: '不予公开、无法提供、不予处理的答复须选择年度报告表中的具体情形（不予公开8项、无法提供3项、不予处理5项），其他答复类型不选；年度报告按情形分项统计。', encodedIn: `${D}#ANSWER_GROUNDS; actions.answer.check; indicators`, review: ['2.11'] },

  // 3. 人民调解
  { id: 'mediation.escalation-report', statute: '人民调解法', article: '第二十五条', rule: '纠纷可能激化的采取预防措施；可能引起治安案件、刑事案件的，须写明报告的公安机关或其他有关部门。', encodedIn: 'src/institutions/mediation/index.ts#actions.prevent', review: ['3.10'] },
  { id: 'mediation.supervise-performance', statute: '人民调解法', article: '第三十一条第二款', rule: '达成调解协议后，人民调解委员会督促履行并记录履行情况。', encodedIn: 'src/institutions/mediation/index.ts#actions.supervise', review: ['3.9'] },
  { id: 'mediation.judicial-confirmation-30', statute: '人民调解法；民事诉讼法', article: '调解法第三十三条；民诉法第八十五条', rule: '司法确认由双方当事人自调解协议生效之日起三十日内共同申请，末日逢休假日顺延，交邮日为准。', encodedIn: 'src/institutions/mediation/index.ts#actions.judicial_confirmation', review: ['3.8'] },

  // 4. 信访
  { id: 'petition.bureau-transfer-15', statute: '信访工作条例', article: '第二十二条、第二十三条', rule: '信访部门登记后十五日内转送或交办（交办须指定反馈期限），转送、交办在承办单位开立关联案件；承办单位自收到之日起十五日内告知接收情况及处理途径和程序。', encodedIn: `${P}#actions.transfer; clocks.acceptance`, review: ['4.1', '4.3'] },
  { id: 'petition.transfer-objection-5-workdays', statute: '信访工作条例', article: '第二十三条第三款', rule: '转送、交办的事项不属本机关职权范围的，自收到之日起五个工作日内提出异议交还；直接收到的事项不能交还。', encodedIn: `${P}#actions.return_transfer`, review: ['4.2'] },
  { id: 'petition.handling-60-claims-only', statute: '信访工作条例', article: '第三十四条、第三十五条', rule: '六十日（可延长三十日）办理期限只适用于申诉求决事项；复查只针对申诉求决事项的处理意见。', encodedIn: `${P}#clocks.handling.appliesTo; actions.request_review.check`, review: ['4.4', '4.10'] },
  { id: 'petition.review-by-superior', statute: '信访工作条例', article: '第三十五条、第三十六条', rule: '复查、复核由上一级机关在自己的关联案件中办理（不能是原办理机关或其下级），三十日自其收到请求之日起算，不经受理程序。', encodedIn: `${P}#tierSpawn; superiorOrg; clocks.review, recheck`, review: ['4.8'] },
  { id: 'petition.recheck-hearing-excluded', statute: '信访工作条例', article: '第三十六条', rule: '复核机关举行听证的，听证所需时间不计入三十日复核期限。', encodedIn: `${P}#clocks.recheck.pauseOn`, review: ['4.9'] },
  { id: 'petition.review-from-receipt', statute: '信访工作条例', article: '第三十五条、第三十六条', rule: '复查、复核申请自收到书面答复之日起三十日内提出，末日逢休假日顺延，交邮日为准。', encodedIn: `${P}#within30`, review: ['4.7'] },
  { id: 'petition.route-no-fake-reconsideration', statute: '行政复议法；信访工作条例', article: '复议法第二十二条、第三十条；条例第三十一条', rule: '信访事项导入行政复议只是引导信访人申请，不得凭空生成复议案件及其视为受理。', encodedIn: `${P}#actions.route.spawn`, review: ['4.12'] },

  // 5. 行政应诉
  { id: 'litigation.appeal-from-service', statute: '行政诉讼法', article: '第八十五条、第一百零一条', rule: '一审判决十五日、裁定十日的上诉期限自裁判文书送达之日起算，末日逢休假日顺延；本机关逾期上诉被拒绝，交邮日为准。', encodedIn: `${LT}#clocks.appeal; actions.appeal`, review: ['5.8'] },
  { id: 'litigation.evidence-delay', statute: '行政诉讼法；行诉解释', article: '诉讼法第三十六条；解释第三十四条', rule: '延期提供证据须在收到起诉状副本之日起十五日内书面申请；经准许的，在正当事由消除后十五日内提供，逾期视为没有相应证据。', encodedIn: `${LT}#actions.request_evidence_delay, delayed_evidence`, review: ['5.2'] },
  { id: 'litigation.jurisdiction-objection', statute: '行诉解释', article: '第十条', rule: '被告提出管辖异议，应在收到起诉状副本之日起十五日内提出，交邮日为准。', encodedIn: `${LT}#actions.jurisdiction_objection`, review: ['5.3'] },
  { id: 'litigation.retrial-6-months', statute: '行诉解释', article: '第一百一十条', rule: '申请再审应在裁判发生法律效力后六个月内提出；新证据等四种情形自知道或者应当知道之日起六个月。', encodedIn: `${LT}#actions.retrial`, review: ['5.9'] },
  { id: 'litigation.head-appearance', statute: '行政诉讼法；行诉解释；出庭应诉规定', article: '诉讼法第三条第三款；解释第一百二十八条；规定第二条、第七条、第八条', rule: '出庭负责人须为正职、副职或参与分管的负责人；负责人不出庭须选择法定正当理由并委托本机关相应工作人员出庭，不得仅委托律师；同一审级已出庭一次的不再要求理由。', encodedIn: `${LT}#hearingCheck`, review: ['5.4', '5.5', '5.6'] },
  { id: 'litigation.court-notice-appearance', statute: '出庭应诉规定；行诉解释', article: '规定第四条、第五条、第七条、第九条；解释第一百二十九条', rule: '人民法院通知负责人出庭的案件（重大公共利益、社会高度关注、可能引发群体性事件等），记录通知书和开庭日期；此后开庭负责人未出庭的，须选择正当理由并记录已提交书面说明和证明材料，否则拒绝登记；通知后此前的出庭不再免除出庭义务；通知出庭案件单独计算出庭率。', encodedIn: `${LT}#actions.appearance_notice; hearingCheck; indicators.notified_appearance_rate`, review: ['5.7'] },
  { id: 'litigation.reconsideration-defendant', statute: '行政诉讼法；最高人民法院关于适用《中华人民共和国行政诉讼法》的解释（法释〔2018〕1号）', article: '诉讼法第二十六条第二款、第三款；解释第二十二条、第一百三十三条、第一百三十四条第二款', rule: '应诉案件可按案号关联本级政府的行政复议案件：复议维持（含驳回复议请求、以违反法定程序为由确认违法、部分撤销即部分维持）的，复议机关与原机关为共同被告；改变（撤销、变更、确认无效、责令履行、其他确认违法等）的，复议机关为被告；未作出维持或改变决定的不能关联；两案互相显示，复议案件记录“复议后被诉”并计入复议机关的统计。', encodedIn: `${LT}#actions.link_reconsideration (defendantRole); src/institutions/reconsideration/index.ts#actions.sued, indicators.sued`, review: ['5.13'] },

  // 6. 法律援助
  { id: 'legal-aid.notice-assign-3', statute: '法律援助法', article: '第二十五条、第三十六条、第四十三条', rule: '办案机关通知辩护、代理的，不经申请审查，收到通知之日起三日内指派律师；依申请的案件须先决定给予再指派。', encodedIn: `${LA}#clocks.notice_assignment; actions.assign.check`, review: ['6.8'] },
  { id: 'legal-aid.provisional', statute: '法律援助法', article: '第四十四条', rule: '距时效或期限届满不足七日、需立即申请保全或先予执行等情形，可以决定先行提供法律援助，随后三日内指派。', encodedIn: `${LA}#actions.provisional`, review: ['6.7'] },
  { id: 'legal-aid.objection-5', statute: '法律援助法', article: '第四十九条', rule: '对不予、终止法律援助决定的异议，司法行政部门自收到之日起五日内审查，维持或责令改正。', encodedIn: `${LA}#actions.object; clocks.objection`, review: ['6.10'] },
  { id: 'legal-aid.deemed-withdrawn', statute: '法律援助法', article: '第四十三条第二款', rule: '一次性告知补充材料；未按期补充的视为撤回申请，审查期限不会永远暂停。', encodedIn: 'src/institutions/legal-aid/index.ts#actions.deem_withdrawn', review: ['6.3', '6.2'] },
  { id: 'legal-aid.means-categories', statute: '法律援助法', article: '第三十二条、第四十二条', rule: '“不受经济困难条件限制”（第三十二条）与“免予核查经济困难状况”（第四十二条）是两类情形，分别记录。', encodedIn: 'src/institutions/legal-aid/index.ts#intake.noMeansCondition, noMeansTest', review: ['6.6'] },
  { id: 'legal-aid.duty-lawyer', statute: '法律援助法；法律援助值班律师工作办法（司规〔2020〕6号）', article: '第三十条、第三十七条；办法第六条', rule: '值班律师在人民法院、人民检察院、看守所等场所为没有辩护人的犯罪嫌疑人、被告人提供法律帮助，按值班日记录人次及法律咨询、程序选择建议、申请变更强制措施、对案件处理提出意见等各项帮助的人次（各项不多于总人次），年度报告统计“法律帮助人次”。', encodedIn: 'src/institutions/duty-lawyer/index.ts#intake; indicators.persons', review: ['6.9'] },

  // 7. 建议提案
  { id: 'proposals.contact-before-answer', statute: '全国人民代表大会和地方各级人民代表大会代表法（2025年修正）', article: '第五十一条第二款', rule: '研究办理人大代表建议应当与代表联系沟通、充分听取意见；答复（含重新办理后的再次答复）前须记录联系沟通的日期和方式。', encodedIn: `${PR}#actions.contact; actions.answer.check`, review: ['7.4'] },
  { id: 'proposals.publish-results', statute: '全国人民代表大会和地方各级人民代表大会代表法（2025年修正）', article: '第五十一条第三款（办理情况的报告应当予以公开）', rule: '答复后可记录办理结果的公开日期和载体（一次），计入「办理结果公开」指标。', encodedIn: `${PR}#actions.publish; indicators.published`, review: ['7.5'] },
  { id: 'proposals.redo-one-month', statute: '本区建议提案办理规定（可配置，默认值）', article: 'PROPOSAL_PERIODS.redoMonths', rule: '代表委员对答复不满意的重新办理，自重新交办之日起一个月内再次答复；首次答复的按期结果不变。', encodedIn: `${PR}#PROPOSAL_PERIODS; clocks.redo`, review: ['7.7'] },
  { id: 'proposals.return-window', statute: '本区建议提案办理规定（可配置，默认值）', article: 'PROPOSAL_PERIODS.returnWorkdays', rule: '不属于本单位职责的，应在交办之日起五个工作日内退回或申请调整，逾期退回被拒绝（409）。', encodedIn: `${PR}#PROPOSAL_PERIODS; clocks.return_window; actions.return.check`, review: ['7.8'] },

  // 8. 12345 热线
  { id: 'hotline.extension-approved', statute: '本地12345热线办理规定（国办发〔2020〕53号未设天数）', article: 'EXTENSION_MAX_WORKDAYS', rule: '承办单位在办理时限届满前申请延期，热线中心同意后按同意的工作日数延长（不多于申请的，累计不超过十五个工作日）；时限届满后不能再延期。', encodedIn: `${HL}#actions.request_extension, approve_extension; clocks.handling, rehandling`, review: ['8.5'] },
  { id: 'hotline.urgent-sign-hours', statute: '本地12345热线办理规定（国办发〔2020〕53号未设时限）', article: 'URGENT_SIGN_HOURS', rule: '紧急工单自派单时刻起二小时内签收响应，按自然小时计（不避开夜间和休息日）；签收晚于届满时刻的，即使同日也为超时。', encodedIn: `${HL}#clocks.sign.unitFor; src/kernel/cases/clocks.ts#evaluateClock, keptTime`, review: ['8.2'] },
  { id: 'hotline.urgent-handling-hours', statute: '本地12345热线办理规定（国办发〔2020〕53号未设时限）', article: 'URGENT_HANDLING_HOURS', rule: '紧急工单自派单时刻起二十四小时内办结，按自然小时计，不顺延至工作日，不予延期；一般、复杂工单仍按工作日计。', encodedIn: `${HL}#clocks.handling.unitFor, rehandling.unitFor; actions.request_extension.check`, review: ['8.3'] },
  { id: 'hotline.reorder-fresh-clock', statute: '本地12345热线办理规定', article: '重办', rule: '回访不满意或诉求人申诉的，热线中心可重办一次：工单回到承办单位，重办时限按紧急程度重新计算；首次办理的按时结果和首次回访不被改写，重办另计重办率、重办后满意率。', encodedIn: `${HL}#actions.reorder, revisit; clocks.rehandling; indicators.reorder_rate`, review: ['8.6'] },

  // 9. 政务服务"好差评"
  { id: 'service-rating.real-name-visit', statute: '国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见（国办发〔2019〕51号）', article: '建立差评核实、整改和反馈机制（段落序号未核对）', rule: '评价记录是否实名，差评整改工单继承实名标记；实名差评整改后回访或核实后办结的，计入「实名差评回访整改率」（要求达到100%），匿名差评只计入全部差评的差评整改率。', encodedIn: 'src/institutions/service-rating/index.ts#serviceRating.intake.realName, followUp; ratingRectification.indicators.real_name_rate', review: ['9.4'] },

  // 10. 行政执法
  { id: 'penalty.service-7-workdays', statute: '行政处罚法', article: '第六十一条、第八十五条', rule: '当事人不在场的，决定书七个工作日内送达。', encodedIn: `${E}#clocks.service`, review: ['10.17'] },
  { id: 'penalty.hearing-right-from-sanction', statute: '行政处罚法', article: '第六十三条', rule: '吊销、责令停产停业等处罚种类或较大数额罚款，当然享有听证权利，不取决于手工勾选。', encodedIn: `${E}#hearingRightOf`, review: ['10.7'] },
  { id: 'penalty.hearing-window', statute: '行政处罚法', article: '第六十四条第一项、第六十二条、第八十五条', rule: '告知听证权利后五个工作日内当事人可要求听证，期满前（未听证、未放弃）不得作出决定。', encodedIn: `${E}#actions.decide.verify`, review: ['10.8'] },
  { id: 'penalty.no-penalty-without-list', statute: '行政处罚法', article: '第三十三条', rule: '首违不罚、轻微免罚、无主观过错不予处罚不以免罚清单为前提；写明的清单事项须真实存在。', encodedIn: `${E}#actions.decide`, review: ['10.15', '10.14'] },
  { id: 'penalty.collective-discussion', statute: '行政处罚法', article: '第五十七条第二款', rule: '对情节复杂或重大违法行为给予处罚，须负责人集体讨论决定。', encodedIn: `${E}#actions.decide.check`, review: ['10.13'] },
  { id: 'penalty.reviewer-qualification', statute: '行政处罚法', article: '第五十八条第二款', rule: '只有初次从事法制审核的人员须取得法律职业资格。', encodedIn: `${E}#actions.legal_review.check`, review: ['10.11'] },
  { id: 'penalty.legal-review-required', statute: '行政处罚法', article: '第五十八条第一款', rule: '重大执法决定或经听证的案件，未经法制审核或审核不同意的，不得作出决定。', encodedIn: `${E}#needsLegalReview`, review: ['10.10'] },
  { id: 'penalty.withdraw-publicity', statute: '行政处罚法', article: '第四十八条第二款、第八十五条', rule: '已公开的决定被变更、撤销、确认违法或无效的，三个工作日内撤回公开信息。', encodedIn: `${E}#clocks.withdrawal`, review: ['10.19'] },
  { id: 'penalty.transfer', statute: '行政处罚法', article: '第二十七条、第五十七条第一款第四项', rule: '违法行为涉嫌犯罪的，移送司法机关作为一种结案决定，须写明接收机关。', encodedIn: `${E}#DECISIONS.transferred`, review: ['10.14'] },
  { id: 'transfer.report-approval', statute: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）', article: '第五条', rule: '应当移送的涉嫌犯罪案件，由2名以上执法人员组成专案组提出书面报告；本机关正职负责人或者主持工作的负责人自接到报告之日起3日内作出批准或不批准移送的决定，不批准的理由记录在案。', encodedIn: `${E}#actions.transfer_report, transfer_approval; clocks.transfer_approval`, review: ['10.14', '§16'] },
  { id: 'transfer.send-24h', statute: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）', article: '第五条第二款、第六条', rule: '批准移送的，24小时内（自记录的时刻按小时计）向同级公安机关移送，附移送书、调查报告和涉案物品清单（以及检验报告或鉴定结论）；移送件数、按期移送率由此计算。', encodedIn: `${E}#actions.transfer; clocks.transfer_send; indicators.transfers, transfer_rate`, review: ['§16'] },
  { id: 'transfer.police-decision', statute: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）', article: '第八条', rule: '公安机关自接受移送之日起3日内决定是否立案（逾期显示）；不予立案的须载明理由；公安立案数由此计算。', encodedIn: `${E}#actions.police_decision; clocks.police_filing; indicators.police_filed`, review: ['§16'] },
  { id: 'transfer.reconsideration', statute: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）', article: '第九条', rule: '对不予立案决定，自接到通知书之日起3日内提请公安机关复议，公安机关3日内作出复议决定；对复议决定仍有异议的，3日内建议人民检察院立案监督；逾期的提请、建议被拒绝。', encodedIn: `${E}#actions.reconsideration_request, reconsideration_result, supervision_request; clocks.police_reconsideration`, review: ['§16'] },
  { id: 'transfer.hand-over', statute: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）', article: '第十二条', rule: '公安机关决定立案的，自接到立案通知书之日起3日内移交涉案物品和有关材料并办结交接手续。', encodedIn: `${E}#actions.hand_over; clocks.hand_over`, review: ['§16'] },
  { id: 'transfer.police-forward', statute: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）', article: '第七条、第八条', rule: '公安机关对不属于本机关管辖的移送案件，应当在24小时内（自记录的时刻按小时计）转送有管辖权的机关并书面告知；转送逾期显示为逾期，有管辖权机关的3日立案审查期限自其接受之日起算；公安转送件数由此计算。', encodedIn: `${E}#actions.police_forwarded; clocks.police_forward, police_filing; indicators.police_forwarded`, review: ['§16'] },
  { id: 'transfer.police-return', statute: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）', article: '第十三条', rule: '公安机关立案后认为没有犯罪事实或者犯罪事实显著轻微、不需要追究刑事责任而将案件移送回的，执法机关应当依法作出处理：尚未决定的不能再以移送司法机关结案，已按移送结案的生成新的执法线索（来源：移送）并关联；尚未移交的涉案物品不再移交。', encodedIn: `${E}#actions.police_return (spawn), decide.check; clocks.hand_over; indicators.police_returned`, review: ['§16'] },
  { id: 'transfer.no-penalty-instead', statute: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）', article: '第十一条第一款', rule: '已批准移送而尚未移送的，不得作出行政处罚决定代替移送。', encodedIn: `${E}#approvedNotSent; actions.decide.check`, review: ['10.14', '§16'] },
  { id: 'penalty.two-officers', statute: '行政处罚法', article: '第四十二条、第五十五条', rule: '立案须两名持有效执法证件的执法人员。', encodedIn: `${E}#actions.file`, review: ['10.1'] },
  { id: 'penalty.limitation', statute: '行政处罚法', article: '第三十六条', rule: '违法行为二年内未被发现的不再给予行政处罚（涉及公民生命健康安全、金融安全且有危害后果的为五年），自行为发生或终了之日起算；超过时效的不能立案或当场处罚。', encodedIn: `${E}#timeBarred; actions.file, on_the_spot`, review: ['10.4'] },
  { id: 'penalty.recusal', statute: '行政处罚法', article: '第四十二条、第四十三条', rule: '回避申请由负责人决定，不停止调查；决定回避的须更换为另一名持有效执法证件的执法人员。', encodedIn: `${E}#actions.recusal`, review: ['10.5'] },
  { id: 'penalty.hearing-notice', statute: '行政处罚法', article: '第六十四条第二项、第四项、第六项，第八十五条', rule: '听证七个工作日前通知当事人，由非本案调查人员主持；当事人无正当理由拒不出席的视为放弃听证权利。', encodedIn: `${E}#actions.hearing`, review: ['10.9'] },
  { id: 'penalty.decision-period-by-field', statute: '行政处罚法；市场监督管理行政处罚程序规定；治安管理处罚法（2012年）', article: '处罚法第六十条；市场监管程序规定第六十四条；治安管理处罚法（2012年）第九十九条', rule: '决定期限按执法领域：一般自立案起九十日、不得延长；市场监管九十日经负责人批准延长三十日；治安（2026年1月1日前立案的）自受理起三十日经上一级公安机关批准延长三十日，只有鉴定期间不计入；不计入的期间另计。', encodedIn: `${E}#ENFORCEMENT_FIELDS; clocks.decision, decision_market, decision_public_security; actions.exclude_period`, review: ['10.16'] },
  { id: 'penalty.decision-period-police-2025', statute: '治安管理处罚法（2025年修订，2026年1月1日施行）', article: '第一百一十八条', rule: '2026年1月1日起立案的治安案件，自立案之日起三十日内办结；案情重大、复杂的，经上一级公安机关批准每次延长三十日，以二次为限；只有鉴定期间和听证期间不计入。', encodedIn: `${E}#ENFORCEMENT_FIELDS.public_security.revised; clocks.decision_public_security_2025; actions.extend_decision_public_security, exclude_period`, review: ['10.16'] },
  { id: 'penalty.on-the-spot-police-2025', statute: '治安管理处罚法（2025年修订，2026年1月1日施行）', article: '第一百一十九条、第一百二十条第四款', rule: '2026年1月1日起，治安当场处罚限于警告或者五百元以下罚款（此前为二百元），当场决定二十四小时内报所属公安机关备案（自记录的时刻按小时计）。', encodedIn: `${E}#ruleOn; actions.on_the_spot; clocks.filing`, review: ['10.16', '10.21'] },
  { id: 'penalty.service-police', statute: '治安管理处罚法（2012年）；治安管理处罚法（2025年修订，2026年1月1日施行）', article: '2012年第九十七条第一款；2025年第一百一十六条第一款', rule: '治安管理处罚决定书向被处罚人宣告并当场交付，无法当场宣告的二日以内送达（自然日，替代行政处罚法第六十一条的七日）；决定给予行政拘留的，送达时须已通知被处罚人的家属，行政拘留只能在治安案件中决定。', encodedIn: `${E}#ENFORCEMENT_FIELDS.public_security.service; clocks.service_public_security; actions.serve.check, decide.check`, review: ['10.16'] },
  { id: 'penalty.on-the-spot-single-officer-2025', statute: '治安管理处罚法（2025年修订，2026年1月1日施行）', article: '第一百二十条第三款', rule: '2026年1月1日起的治安当场处罚，被处罚人对拟作出处罚的内容及事实、理由、依据没有异议的，可以由一名人民警察作出，并应当全程同步录音录像；其他当场处罚仍须两名执法人员。', encodedIn: `${E}#ENFORCEMENT_FIELDS.public_security.revised.singleOfficerSpot; actions.on_the_spot.check`, review: ['10.16', '10.21'] },
  { id: 'penalty.market-collective-extension', statute: '市场监督管理行政处罚程序规定', article: '第六十四条', rule: '经负责人批准延长三十日后仍不能作出处理决定的，由负责人集体讨论决定是否继续延期并确定合理期限；须记录集体讨论（日期、参加人、纪要），不经延期不能集体讨论继续延期。', encodedIn: `${E}#actions.extend_decision_market, extend_decision_market_collective; clocks.decision_market`, review: ['10.16'] },
  { id: 'penalty.publicity-scope', statute: '行政处罚法；国办发〔2018〕118号', article: '第四十八条第一款', rule: '公示期限只对行政处罚决定计算；不予处罚、违法事实不成立、移送司法机关和当场处罚不计公示期限。', encodedIn: `${E}#clocks.publicity.startIf`, review: ['10.18'] },
  { id: 'penalty.on-the-spot', statute: '行政处罚法', article: '第五十一条至第五十三条', rule: '对公民二百元以下、对法人或其他组织三千元以下罚款或警告可当场决定，出示执法证件、当场交付决定书并报所属行政机关备案；超过限额须立案按普通程序办理。', encodedIn: `${E}#actions.on_the_spot, file_record; clocks.filing`, review: ['10.21'] },
  { id: 'penalty.preservation', statute: '行政处罚法', article: '第五十六条、第八十五条', rule: '先行登记保存经负责人批准，七个工作日内作出处理决定。', encodedIn: `${E}#clocks.preservation`, review: ['10.22'] },
  { id: 'penalty.fine-payment', statute: '行政处罚法', article: '第六十六条第二款、第六十七条第三款、第七十二条', rule: '罚款自收到决定书之日起十五日内缴纳，经批准可暂缓或分期；逾期每日加处罚款数额的百分之三，加处罚款不超过罚款数额。', encodedIn: `${E}#clocks.payment; actions.pay, defer_payment`, review: ['10.23'] },
  { id: 'penalty.court-application', statute: '行政强制法；行政诉讼法', article: '强制法第五十三条、第五十四条；诉讼法第四十六条', rule: '催告书送达十个工作日后仍未履行的才可申请法院强制执行；申请期限为起诉期限（六个月）届满后三个月内。', encodedIn: `${E}#actions.apply_court; clocks.court_application`, review: ['10.24'] },

  // 10.25 / 10.26: their own case types
  { id: 'licensing.deemed-accepted', statute: '行政许可法', article: '第三十二条第一款第四项', rule: '五个工作日内未一次告知补正的，自收到申请材料之日起即为受理，决定期限从收到材料起算。', encodedIn: 'src/institutions/licensing/index.ts#clocks.acceptance, decision.countFrom', review: ['10.25'] },
  { id: 'licensing.decision-20-plus-10', statute: '行政许可法', article: '第四十二条、第四十五条、第八十二条', rule: '二十个工作日内作出决定，经负责人批准可延长十个工作日；听证、检验、鉴定等时间不计入。', encodedIn: 'src/institutions/licensing/index.ts#clocks.decision', review: ['10.25'] },
  { id: 'coercion.custody-30-plus-30', statute: '行政强制法', article: '第二十五条', rule: '查封、扣押不得超过三十日，经批准可延长不超过三十日；检测、鉴定时间不计入。', encodedIn: 'src/institutions/coercion/index.ts#clocks.custody', review: ['10.26'] },
  { id: 'coercion.warning-10-workdays', statute: '行政强制法', article: '第三十五条、第五十四条、第六十九条', rule: '催告书送达十个工作日后仍未履行的，才能作出强制执行决定或申请法院执行。', encodedIn: 'src/institutions/coercion/index.ts#actions.execute', review: ['10.26', '10.24'] },

  // 11.4 and §16: 涉企行政检查 and 行政执法监督, their own case types
  { id: 'enterprise-inspection.certified-inspectors', statute: '行政处罚法；国办发〔2024〕54号', article: '第四十二条、第五十五条；「明确行政检查主体」', rule: '行政检查由两名持有效执法证件的执法人员实施，未取得执法证件的人员不得实施检查。', encodedIn: `${EI}#actions.record.check, record.verify`, review: ['11.4'] },
  { id: 'enterprise-inspection.show-and-tell', statute: '行政处罚法；国办发〔2024〕54号', article: '第五十五条；「严格行政检查标准、程序」', rule: '检查时主动出示执法证件，告知检查事项、依据和企业的权利；检查结果告知企业后才办结。', encodedIn: `${EI}#actions.record.check, conclude.check`, review: ['11.4'] },
  { id: 'enterprise-inspection.approval', statute: '国办发〔2024〕54号；司法部有关问题解答', article: '「严格行政检查标准、程序」', rule: '实施检查须经行政执法主体负责人批准；情况紧急先行检查的，补办批准后才能出具检查结果。', encodedIn: `${EI}#actions.record.check, approve_after, conclude.check`, review: ['11.4'] },
  { id: 'enterprise-inspection.annual-cap', statute: '国办发〔2024〕54号；司法部有关问题解答', article: '「合理确定行政检查方式」', rule: '同一执法主体对同一企业一个年度内的检查不得超过公布的频次上限；上级部署的专项检查不计入、不受限。', encodedIn: `${EI}#inspectionsThisYear; actions.record.verify`, review: ['11.4'] },
  { id: 'enterprise-inspection.plan-item', statute: '国办发〔2024〕54号', article: '「合理确定行政检查方式」（检查计划的写法为本平台做法）', rule: '检查案件可引用「年度涉企行政检查计划」清单中的事项编码：须是本单位或上级公布的、检查当年的计划事项，否则不得实施检查；引用后同一企业年度频次上限按计划公布的上限计算，不再按案件上填写的上限。', encodedIn: `${EI}#planItem; actions.record.verify; src/institutions/registers/index.ts#inspection_plans`, review: ['11.4'] },
  { id: 'inspection.finding-opens-case', statute: '国发〔2019〕5号；国办发〔2024〕54号', article: '文件未分条（原文未核对，见docs/domain.md）', rule: '双随机抽查或涉企检查发现违法行为转立案查处的，同时生成本单位的行政执法案件线索并与检查关联。', encodedIn: 'src/institutions/inspection-draw/index.ts#actions.inspect.spawn; src/institutions/enterprise-inspection/index.ts#actions.conclude.spawn', review: ['11.3'] },
  { id: 'oversight.rectification-deadline', statute: '行政执法监督条例（国务院令第825号）', article: '第二十七条第二款、第二十八条第二款', rule: '行政执法机关在督办函、意见书规定的时限内报送纠正情况：时限由文书逐案写明（条例未规定天数，也未使用工作日），自送达之日起算；复查不到位重新限期的，期限重新计算；逾期报送的计为逾期。', encodedIn: `${EO}#clocks.rectification (lengthFrom)`, review: ['§16'] },
  { id: 'oversight.unit-reports-rectification', statute: '行政执法监督条例（国务院令第825号）', article: '第二条、第六条、第二十七条第二款、第二十八条第二款', rule: '监督机构（司法行政部门）与被监督单位分设：纠正情况由被监督的行政执法机关报送，启动监督的人员不能代为报送。', encodedIn: `${EO}#notTheIssuer`, review: ['§16'] },
  { id: 'oversight.decision-by-government', statute: '行政执法监督条例（国务院令第825号）', article: '第二十六条第一款、第二十九条', rule: '行政执法监督决定书由监督机构提出处理建议、报本级人民政府决定后制发，只用于涉及重大问题或者未按督办函、意见书要求履职、纠正的情形：初次处理非重大问题制发决定书的、未记录本级人民政府决定日期的，均拒绝。', encodedIn: `${EO}#decisionByGovernment`, review: ['§16'] },
  { id: 'oversight.no-duplicate-of-review', statute: '行政执法监督条例（国务院令第825号）', article: '第三十三条第三款', rule: '已经进入行政复议、行政诉讼程序的行政争议不重复监督（拒绝受理，只能不予受理）；符合行政复议、行政诉讼受理条件的，受理或者不予受理时须记录引导当事人申请复议、提起诉讼的情况。', encodedIn: `${EO}#reviewRouting`, review: ['§16'] },
  { id: 'oversight.objection', statute: '行政执法监督条例（国务院令第825号）', article: '第三十条', rule: '行政执法机关对处理结果有异议的，可以向监督机构提出并说明理由（须由被监督单位提出，启动监督的人员不能代为提出），监督机构及时处理：维持的继续纠正，异议成立的撤销办结；“及时”未规定天数，不设时钟。', encodedIn: `${EO}#objectionByUnit; actions.object, actions.uphold, actions.withdraw`, review: ['§16'] },
  { id: 'oversight.on-spot-correction', statute: '行政执法监督条例（国务院令第825号）', article: '第二十六条第二款', rule: '发现的问题能够当场纠正的，督促行政执法机关立即纠正，不再制发文书、限期整改，以“当场纠正”办结。', encodedIn: `${EO}#actions.corrected_on_spot`, review: ['§16'] },

  // §16: 行政赔偿, its own case type
  { id: 'sme-payment.payment-term', statute: '保障中小企业款项支付条例', article: '第九条第一款、第二款；第十条第一款', rule: '机关、事业单位自交付之日起30日内付款，合同约定以检验或者验收合格为付款条件的自合格之日起算，约定期限最长60日（超过的按60日计）；大型企业60日或者按约定；投诉时付款期限尚未届满的，不能认定拖欠，未填交付（验收）日期的也不能认定。', encodedIn: `${SME}#paymentDue; actions.conclude.verify`, review: ['§16'] },
  { id: 'sme-payment.overdue-interest', statute: '保障中小企业款项支付条例', article: '第十七条', rule: '约定逾期利率低于合同订立时1年期贷款市场报价利率的，不得按该约定计息；未约定的，按每日万分之五计算，记录的逾期利息不得少于已付款项自付款期限届满次日至支付日按此计算的数额。', encodedIn: `${SME}#statutoryInterest; actions.conclude.check, verify`, review: ['§16'] },
  { id: 'sme-payment.review-10-workdays', statute: '保障中小企业款项支付条例（2025年修订）', article: '第二十五条第一款', rule: '自正式受理（收到投诉）之日起10个工作日内转交处理投诉部门或者不予受理，按期审查由此计算；已支付金额不得超过投诉涉及金额，“已全额支付”须付清。', encodedIn: `${SME}#clocks.review; actions.conclude.check`, review: ['§16'] },
  { id: 'sme-payment.handling-30-days', statute: '保障中小企业款项支付条例（2025年修订）', article: '第二十五条第二款', rule: '处理投诉部门自收到投诉材料（本平台以转交之日计）之日起30日内形成处理结果并书面反馈；情况复杂或者有其他特殊原因的，经部门负责人批准可以延长，合计不得超过90日，超出的延长被拒绝；按期办结、按期办结率由此计算。', encodedIn: `${SME}#clocks.handling; actions.extend; indicators.concluded_on_time`, review: ['§16'] },
  { id: 'state-compensation.correction-once-within-5', statute: '国家赔偿法', article: '第十二条第四款', rule: '申请材料不齐全的，当场或者在收到申请之日起五日内一次性告知需要补正的全部内容；逾期告知或者再次要求补正被拒绝。', encodedIn: `${SC}#actions.request_correction; clocks.correction_notice`, review: ['§16'] },
  { id: 'state-compensation.receipt', statute: '国家赔偿法', article: '第十二条第四款', rule: '当面递交申请书的，须记录已当场出具加盖本行政机关专用印章并注明收讫日期的书面凭证，才能受理。', encodedIn: `${SC}#actions.accept.check`, review: ['§16'] },
  { id: 'state-compensation.decision-two-months', statute: '国家赔偿法', article: '第十三条第一款', rule: '自收到申请之日起两个月内作出是否赔偿的决定；补正不中止、不重新计算该期限（法律未规定）；按期决定率由此计算。', encodedIn: `${SC}#clocks.decision; indicators.on_time_rate`, review: ['§16'] },
  { id: 'state-compensation.hear-views', statute: '国家赔偿法', article: '第十三条第一款、第三十二条', rule: '作出赔偿决定前须记录听取赔偿请求人意见（可就赔偿方式、项目和数额协商）；决定写明赔偿方式、项目，以支付赔偿金方式的写明金额，计入「赔偿金额合计」。', encodedIn: `${SC}#actions.hear_views, award.check; indicators.amount`, review: ['§16'] },
  { id: 'state-compensation.service-10', statute: '国家赔偿法', article: '第十三条第二款、第三款', rule: '决定赔偿的自作出决定之日起十日内送达赔偿决定书；决定不予赔偿的十日内书面通知并说明理由；逾期送达的显示逾期。', encodedIn: `${SC}#actions.refuse, serve; clocks.service`, review: ['§16'] },
  { id: 'state-compensation.suit', statute: '国家赔偿法', article: '第十四条', rule: '赔偿请求人对决定不服或者不予赔偿的，自决定之日起三个月内起诉；逾期未作决定的，自两个月期限届满之日起三个月内起诉，期限届满前不能以未作决定为由登记起诉，对决定不服的起诉日期不能早于决定日期；起诉记录为案件结果（可填写行政应诉案号）。', encodedIn: `${SC}#actions.sued, sued_no_decision`, review: ['§16'] },
  { id: 'state-compensation.payment-application', statute: '国家赔偿法；国家赔偿费用管理条例（国务院令第589号）', article: '国家赔偿法第三十七条第二款；条例第五条、第六条', rule: '赔偿请求人凭生效的赔偿决定书（起诉的，凭人民法院生效的判决书或者调解书）申请支付赔偿金，金额不超过生效文书确定的数额；不予赔偿或未确定赔偿金的不能申请；材料不完整的，当场或者3个工作日内一次告知补正，逾期或者再次告知被拒绝，收到补正材料即为受理。', encodedIn: `${SC}#actions.court_judgment, payment_apply, payment_correction, payment_supplement, payment_reject; clocks.payment_correction_notice`, review: ['§16'] },
  { id: 'state-compensation.payment-7-15', statute: '国家赔偿法；国家赔偿费用管理条例（国务院令第589号）', article: '国家赔偿法第三十七条第三款；条例第八条至第十条', rule: '赔偿义务机关自受理支付申请之日起7日内向财政部门提出书面支付申请（附申请、生效文书和身份证明），财政部门自受理之日起15日内支付；财政部门要求补正的，5个工作日内提交，补正期间不计；按期申请支付率、赔偿金支付和按期支付率由此计算。', encodedIn: `${SC}#actions.finance_apply, finance_correction, finance_supplement, pay; clocks.payment_request, finance_supplement, finance_payment; indicators.finance_request_rate, paid, paid_amount, paid_rate`, review: ['§16'] },
  { id: 'state-compensation.suit-link', statute: '国家赔偿法', article: '第十四条', rule: '赔偿请求人起诉的，登记的案号与本级政府行政应诉案件的案号或者法院案号一致时，两案相互关联，应诉案件记录赔偿案件的起诉；案号不一致的照常登记，不关联。', encodedIn: `${SC}#findLitigation; actions.sued, sued_no_decision (refersTo); src/institutions/litigation/index.ts#actions.compensation_suit`, review: ['5.13', '§16'] },
  { id: 'state-compensation.limitation-two-years', statute: '国家赔偿法', article: '第三十九条', rule: '记录知道或者应当知道之日的，请求时效两年自该日起算，被羁押等限制人身自由期间不计入；超过时效的不能受理（应当决定不予赔偿），最后六个月内因不可抗力或者其他障碍时效中止的须写明理由。', encodedIn: `${SC}#claimDue; actions.accept.verify`, review: ['§16'] },

  // 12. 规范性文件, 重大行政决策
  { id: 'decision.comment-period', statute: '重大行政决策程序暂行条例', article: '第十四条、第十五条', rule: '公开征求意见一般不少于三十日；情况紧急缩短的须说明理由；座谈会、听证会等方式和依法不公开事项不受此限。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.actions.consult', review: ['12.9'] },
  { id: 'policy.fair-competition', statute: '公平竞争审查条例（国务院令第783号）；重大行政决策程序暂行条例', article: '第二条、第十二条、第十七条、第十八条；决策条例第二十九条第一项', rule: '涉及经营者经济活动的规范性文件和重大行政决策须经公平竞争审查并记录结论；未经审查，或结论为违反第八至十一条且不符合例外情形的，不得提交讨论、印发或出台；适用例外须写明情形、期限并详细说明。', encodedIn: 'src/institutions/legality-review/index.ts#fairCompetitionStep, fairCompetitionRefusal', review: ['12.8'] },
  { id: 'decision.counsel-opinion', statute: '重大行政决策程序暂行条例', article: '第二十八条', rule: '合法性审查过程中应当组织法律顾问、公职律师提出法律意见，未登记法律意见不能出具审查意见。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.actions.counsel, legality.check', review: ['12.14'] },
  { id: 'decision.exploratory-reform', statute: '重大行政决策程序暂行条例', article: '第二十五条第二款', rule: '经审查不合法的不得提交讨论；国家尚无明确规定的探索性改革决策事项，明示法律风险后可以提交讨论。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.actions.legality, discuss.check', review: ['12.13'] },
  { id: 'decision.hearing-materials', statute: '重大行政决策程序暂行条例', article: '第十六条第三款', rule: '以听证会方式听取意见的，听证会材料应当于召开听证会7日前送达听证参加人。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.actions.consult', review: ['12.11'] },
  { id: 'decision.collective-discussion', statute: '重大行政决策程序暂行条例', article: '第三十条', rule: '决策草案经常务会议或全体会议讨论，行政首长最后发表意见并作出决定；与多数人意见不一致的须在会上说明理由，不同意见如实载明。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.actions.discuss', review: ['12.15'] },
  { id: 'decision.party-report', statute: '重大行政决策程序暂行条例', article: '第三十一条', rule: '重大行政决策出台前应当向同级党委请示报告，未报告的不能公布。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.actions.report_party, publish.check', review: ['12.16'] },
  { id: 'decision.congress', statute: '重大行政决策程序暂行条例', article: '第八条', rule: '登记为人大及其常委会讨论决定或出台前须报告的事项，未提请或报告的不能公布。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.intake.congress, actions.report_congress', review: ['12.17'] },
  { id: 'decision.suspend-adjust', statute: '重大行政决策程序暂行条例', article: '第三十五条、第三十七条', rule: '执行中出现第三十五条情形、情况紧急的，行政首长可先决定中止执行；需要重大调整的，重新履行法定程序（此前的程序不再算数）。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.actions.suspend, resume, readjust; round', review: ['12.20'] },
  { id: 'normative.materials', statute: '国办发〔2018〕115号（未核对原文）；重大行政决策程序暂行条例（同类规定）', article: '决策条例第二十六条第一款', rule: '送审材料不符合要求的，可以退回或要求补充；补充期间审核期限暂停，收到齐全材料后重新计算（本平台做法）。', encodedIn: 'src/institutions/legality-review/index.ts#normativeDocument.actions.request_materials; clocks.review', review: ['12.2'] },
  { id: 'normative.collective-deliberation', statute: '国办发〔2018〕37号（第二部分第（三）项、第（六）项已读，见docs/domain.md）；115号（未核对原文）', article: '37号二（三）「集体审议决定」、二（六）「未经合法性审核或者经审核不合法的，不得提交集体审议」；「统一登记、统一编号、统一印发」（原文未读到）', rule: '规范性文件经合法性审核后提交制定机关集体审议，审议通过后方可统一编号印发；不予通过的不得提交审议。', encodedIn: 'src/institutions/legality-review/index.ts#normativeDocument.actions.deliberate, issue.check', review: ['12.3', '12.4'] },
  { id: 'normative.public-comment', statute: '国办发〔2018〕37号（原文未读到，据中央依法治国办《市县法治政府建设示范指标体系》第24项转述）', article: '「严格落实公开征求意见」', rule: '对公民、法人和其他组织权利义务有重大影响或涉及群众切身利益的规范性文件须向社会公开征求意见，期限一般不少于7个工作日（与市场主体生产经营活动密切相关的一般不少于30日），缩短须说明理由；未公开征求意见或征求意见期限届满前不得印发。', encodedIn: 'src/institutions/legality-review/index.ts#normativeDocument.actions.consult, issue.check (commentRefusal); COMMENT_PERIOD', review: ['12.4'] },
  { id: 'normative.dual-filing', statute: '监督法（2024年修正）；法规规章备案审查条例（2024年）', article: '监督法第三十九条、第四十条；备案审查条例第二十五条（规范性文件备案由地方规定）', rule: '人民政府制定的规范性文件分别报上一级人民政府和本级人大常委会备案，两条线各自计时（公布后30日，地方规定）、各自判断逾期；部门文件只报政府备案。', encodedIn: 'src/institutions/legality-review/index.ts#normativeDocument.actions.file, file_congress; clocks.filing, filing_congress', review: ['12.6'] },
  { id: 'normative.publication-20', statute: '政府信息公开条例', article: '第二十六条', rule: '规范性文件属于主动公开的政府信息，自印发之日起二十个工作日内公开。', encodedIn: 'src/institutions/legality-review/index.ts#normativeDocument.clocks.publication', review: ['12.5', '2.14'] },
  { id: 'decision.review-time-is-senders-duty', statute: '重大行政决策程序暂行条例', article: '第二十六条第二款', rule: '“一般不少于7个工作日”是对送审机关的要求，审查机构提前出具意见不被拒绝。', encodedIn: 'src/institutions/legality-review/index.ts#majorDecision.actions.legality', review: ['12.12'] },

  // 14. 述法
  { id: 'law-report.evaluation-rectification', statute: '党政主要负责人履行推进法治建设第一责任人职责规定；省级述法工作方案', article: '履行第一责任人职责情况列入年终述职内容（条款序号未核对）', rule: '述法登记述法人、形式（会议或书面）和年度；评议须记录结果，反馈问题的写明问题项数和整改期限，整改期限自评议之日起算，未经评议不能整改办结；评议率、整改完成率和按期整改由此计算。', encodedIn: 'src/institutions/activities/index.ts#lawReport (actions.evaluate, evaluate_with_issues, rectify; clocks.rectification)', review: ['14.1'] },
  { id: 'law-report.who-must', statute: '党政主要负责人履行推进法治建设第一责任人职责规定；中央全面依法治国委员会关于党政主要负责人履行推进法治建设第一责任人职责情况列入年终述职内容工作的意见（2021）；地方述法工作方案', article: '述法主体（条款序号未核对）', rule: '（选择）应述法单位由本区设定（单位逐一设定，可恢复默认）；未设定的按单位类别：区政府、政府部门、乡镇（街道）应述法，党委工作机关和调解委员会等不列入；述法覆盖率 = 应述法单位中述法年度内已述法的单位 ÷ 应述法单位，列出未述法单位。', encodedIn: 'src/kernel/obligations.ts#OBLIGATIONS, setObligation; src/reports/law-report-coverage.ts', review: ['14.1'] },

  // 15. Annual report
  { id: 'report.district-deadline', statute: '法治政府建设与责任落实督察工作规定；省级工作指引', article: '第二十四条、第二十五条', rule: '区县政府、部门、乡镇街道每年3月1日之前报送（末日为2月底），4月1日之前公开（末日为3月31日）；按省设置。', encodedIn: 'src/reports/duty.ts#DEFAULT_RULE', review: ['15.3', '15.4'] },
  { id: 'govinfo-report.deadline', statute: '政府信息公开条例', article: '第四十九条', rule: '县级以上人民政府部门每年1月31日前（含当日）向本级政府信息公开工作主管部门提交上一年度政府信息公开工作年度报告并向社会公布；本级人民政府的年度报告由主管部门3月31日前（含当日）公布；登记的报送、公开日期晚于期限的为逾期，期限届满未登记的为逾期未报送、逾期未公开；条例未规定期限的单位不列期限，也不列为逾期。', encodedIn: 'src/reports/duty.ts#GOVINFO_RULE, govinfoDeadline; src/reports/annual.ts#filingStatus, recordSubmission, recordPublication', review: ['2.13', '15.9'] },
  { id: 'enforcement-data.deadline', statute: '国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见（国办发〔2018〕118号）', article: '行政执法公示制度·加强事后公开', rule: '行政执法机关（平台取县级以上人民政府部门）每年1月31日前（含当日）公开本机关上年度行政执法总体情况有关数据；登记的公开日期晚于期限的为逾期公开，期限届满未登记的为逾期未公开；不要求报送；人民政府、乡镇（街道）和党委工作机关不列期限，也不列为逾期。', encodedIn: 'src/reports/duty.ts#ENFORCEMENT_DATA_RULE, enforcementDataDeadline; src/reports/annual.ts#filingStatus, recordPublication', review: ['15.9'] },
  { id: 'proposals.yearly-report', statute: '《全国人民代表大会和地方各级人民代表大会代表法》；本区建议提案办理规定（各地办理办法不一）', article: '第五十一条（办理情况公开）；地方办理办法（办理情况报告）', rule: '（选择）当年交办的人大代表建议和政协委员提案：承办部门10月10日前（含当日）向区政府办公室书面总结，区政府12月31日前（含当日）向区人大常委会、区政协报告办理情况；登记的报送日期晚于期限的为逾期报送，期限届满未登记的为逾期未报送；办理情况的公开只登记、不列期限；乡镇（街道）和党委工作机关不列期限，也不列为逾期。', encodedIn: 'src/reports/duty.ts#PROPOSALS_REPORT_RULE, proposalsReportDeadline; src/reports/annual.ts#ANNUAL_REPORTS.proposals, filingStatus, recordSubmission; src/reports/proposals.ts', review: ['15.9'] },
  { id: 'report.parallel-lines', statute: '法治政府建设与责任落实督察工作规定；省级工作指引', article: '第二十五条', rule: '每一报送对象各自登记报送（对象、日期、文号或方式）：县级政府报同级党委、人大常委会和上一级党委、政府，部门报本级党委、政府和上一级政府有关部门，乡镇（街道）报上一级党委、政府，并抄送党委法治建设议事协调机构办事机构；期限届满未报送的对象逐一列为逾期，不负报送义务的单位没有报送对象。', encodedIn: 'src/reports/duty.ts#DEFAULT_LINES, lineStatus; src/reports/workflow.ts#recordDelivery, reportingBoard', review: ['15.5'] },
  { id: 'report.no-duty-not-late', statute: '法治政府建设与责任落实督察工作规定', article: '第二十四条', rule: '党委办事机构、事业单位不负报送义务，不列为逾期。', encodedIn: 'src/reports/duty.ts#REPORTING_KINDS', review: ['15.6'] },
];
