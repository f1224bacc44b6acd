import { CaseTypeRegistry } from '../kernel/cases/registry.ts';
import { reconsideration } from './reconsideration/index.ts';
import { disclosure } from './disclosure/index.ts';
import { mediation, disputeScreening } from './mediation/index.ts';
import { petition } from './petition/index.ts';
import { litigation } from './litigation/index.ts';
import { legalAid, legalConsultation } from './legal-aid/index.ts';
import { dutyLawyer } from './duty-lawyer/index.ts';
import { proposal } from './proposals/index.ts';
import { hotline } from './hotline/index.ts';
import { serviceRating, ratingRectification } from './service-rating/index.ts';
import { activities } from './activities/index.ts';
import { enforcement, fileReview } from './enforcement/index.ts';
import { enforcementCertificate } from './enforcement/certificate.ts';
import { normativeDocument, majorDecision, legalOpinion } from './legality-review/index.ts';
import { inspection } from './inspection-draw/index.ts';
import { licensing } from './licensing/index.ts';
import { coercion } from './coercion/index.ts';
import { supervision } from './supervision/index.ts';
import { enterpriseInspection } from './enterprise-inspection/index.ts';
import { enforcementOversight } from './enforcement-oversight/index.ts';
import { stateCompensation } from './state-compensation/index.ts';
import { smePaymentComplaint } from './sme-payment/index.ts';

/** Every institution the platform runs. Adding one is adding a folder and a line here. */
export const institutions = [
  reconsideration,
  disclosure,
  mediation,
  disputeScreening,
  petition,
  litigation,
  legalAid,
  legalConsultation,
  dutyLawyer,
  proposal,
  hotline,
  serviceRating,
  ratingRectification,
  enforcementCertificate,
  enforcement,
  fileReview,
  licensing,
  coercion,
  inspection,
  enterpriseInspection,
  enforcementOversight,
  stateCompensation,
  smePaymentComplaint,
  normativeDocument,
  majorDecision,
  legalOpinion,
  supervision,
  ...activities,
];

export const createRegistry = () => new CaseTypeRegistry(institutions);
