import type { DutyInput } from '../kernel/auth/permissions.ts';
import type { Org } from '../kernel/orgs.ts';
import { reconsideration as reconsiderationDef } from '../institutions/reconsideration/index.ts';

/**
 * Who in the demo district handles what, as a district would configure it: each clerk the
 * case types and steps of their own org, in that org only. The 12345 operator registers,
 * dispatches, imports and calls back work orders district-wide and does nothing else; a unit
 * signs for, handles or returns the orders sent to it but never calls the citizen back.
 */
/** 复议法 arts. 55 and 62: the 复议机构负责人 approves a conversion and an extension. */
const RECONSIDERATION_APPROVALS = ['convert_to_ordinary', 'approve_extension', 'refuse_extension'];

const own = (org: Org, subject: string, actions: string[] = ['*']): DutyInput => ({ orgId: org.id, subunits: false, subject, actions });
const caseType = (type: string) => `case:${type}`;

export const ACTIVITY_TYPES = ['law_study', 'training', 'exam', 'law_report', 'publicity', 'court_liaison', 'counsel_work'];
/** A unit's part of a 12345 order: sign, handle, return; never the 回访. */
export const HOTLINE_UNIT_STEPS = ['sign', 'return', 'complete', 'request_extension'];
export const HOTLINE_CENTRE_STEPS = ['intake', 'dispatch', 'invalidate', 'visit', 'import', 'approve_extension', 'refuse_extension', 'reorder', 'revisit'];

/** The org's own annual report (not its subordinates') and its own registers. */
const ownPublications = (org: Org): DutyInput[] => [own(org, 'reports', ['edit', 'send_review', 'submit', 'publish']), own(org, 'registers', ['publish'])];

export function clerkDuties(org: Org, opts: { enforcer: boolean; petitions: boolean; justice: boolean; smePayments?: boolean }): DutyInput[] {
  if (org.kind === 'committee') return [own(org, caseType('mediation')), own(org, caseType('dispute_screening'))];
  const out: DutyInput[] = [...ownPublications(org)];
  if (org.kind === 'department' || org.kind === 'township') {
    out.push(own(org, caseType('disclosure')), own(org, caseType('hotline'), HOTLINE_UNIT_STEPS), own(org, caseType('proposal')), own(org, caseType('service_rating')), own(org, caseType('rating_rectification')));
  }
  if (org.kind === 'department' || org.kind === 'office') out.push(...ACTIVITY_TYPES.map((t) => own(org, caseType(t))));
  // A unit answers the 督办 it receives; issuing and closing one is the 依法治区办's.
  if (org.kind !== 'government') out.push(own(org, caseType('supervision'), ['reply']));
  // 行政执法监督: the unit supervised reports its own 整改 and raises its own 异议 (条例 art. 30); the rest is the 监督机构's (officeDuties).
  if (org.kind === 'department' || org.kind === 'township') out.push(own(org, caseType('enforcement_oversight'), ['report_rectification', 'object']));
  if (opts.enforcer) {
    // The demo has no 负责人 account per bureau: its clerk also records the head's approvals of 许可/强制 extensions.
    out.push(own(org, caseType('enforcement_certificate')), own(org, caseType('enforcement')), own(org, caseType('inspection')), own(org, caseType('licensing')), own(org, caseType('coercion')), own(org, caseType('enterprise_inspection')));
    // 国家赔偿法 art. 7: the organ whose act caused the harm is the 赔偿义务机关 and handles the claim itself.
    out.push(own(org, caseType('state_compensation')));
    out.push(own(org, 'draws', ['commit', 'run']), own(org, 'targets', ['import']));
  }
  if (opts.petitions) out.push(own(org, caseType('petition')));
  // 保障中小企业款项支付条例: the government's 中小企业促进 department receives the complaints.
  if (opts.smePayments) out.push(own(org, caseType('sme_payment_complaint')));
  if (opts.justice) {
    // The 司法局's own institutions; what the law gives the 复议机构负责人 to approve is not the clerk's.
    const reconsideration = ['intake', 'import', ...reconsiderationDef.actions.map((a) => a.key).filter((a) => !RECONSIDERATION_APPROVALS.includes(a))];
    out.push(own(org, caseType('reconsideration'), reconsideration));
    for (const t of ['litigation', 'legal_aid', 'legal_consultation', 'duty_lawyer', 'normative_document', 'legal_opinion', 'file_review']) out.push(own(org, caseType(t)));
  }
  return out;
}

export const centreDuties = (root: Org): DutyInput[] => [{ orgId: root.id, subunits: true, subject: caseType('hotline'), actions: HOTLINE_CENTRE_STEPS }];

/**
 * The 依法治区办 (the admin account also administers the system): the district's own report and
 * registers, 重大行政决策, 法制审核 of enforcement district-wide, 复议 extensions, and the 司法局's
 * legality review and 案卷评查.
 */
export function officeDuties(root: Org, justice: Org): DutyInput[] {
  return [
    ...ownPublications(root),
    // The 依法治区办 sits in the 司法局 and writes its annual report (the README's tour).
    own(justice, 'reports', ['edit', 'send_review', 'submit', 'publish']),
    own(root, caseType('major_decision')),
    // Who must 述法 is the 依法治区办's list for the whole district (14.1).
    { orgId: root.id, subunits: true, subject: 'obligations', actions: ['edit'] },
    { orgId: root.id, subunits: true, subject: caseType('supervision'), actions: ['intake', 'close', 'press'] },
    { orgId: root.id, subunits: true, subject: caseType('enforcement'), actions: ['legal_review'] },
    // 行政执法监督条例 art. 6: the 司法行政部门 is the 行政执法监督机构 for every unit of the government.
    { orgId: root.id, subunits: true, subject: caseType('enforcement_oversight'), actions: ['intake', 'accept', 'reject', 'no_issue', 'corrected_on_spot', 'issue', 'accept_rectification', 'reject_rectification', 'uphold', 'withdraw'] },
    own(justice, caseType('reconsideration'), RECONSIDERATION_APPROVALS),
    own(justice, caseType('normative_document')),
    own(justice, caseType('legal_opinion')),
    own(justice, caseType('file_review')),
    own(justice, 'sampling', ['run']),
  ];
}
