/**
 * An indicator is defined once, with its case type, and computed in SQL for any org subtree and
 * period. A count names exactly which records it counts, so the same definition drives the
 * figure and its drill-down; a rate is always computed from two counts, never typed.
 */
export type CountSource =
  /**
   * Cases with an event of these kinds dated in the period, optionally with these outcomes or
   * with these values recorded in the step's data; `sum` adds up a numeric field of the step
   * (受援人数, 咨询人次) instead of counting cases; `distinctOrgs` counts the units involved
   * (营商环境工单 sent to 12 units); `caseEquals` tests the case's own intake fields; `after`
   * keeps only events preceded (same day included) by an event of these kinds in the same case
   * (a hearing the court had ordered the head to attend); `everyEvent` counts each such event,
   * not the cases (派单件次: an order sent on to a second unit counts for each), a figure that adds
   * up across days and units. `orgField` counts the case for the org an intake field names (a
   * 规范性文件's 制定机关, filed as a case at the 司法局), the event's org when the field is empty.
   */
  | { events: string[]; outcomes?: string[]; dataEquals?: Record<string, string | boolean | string[]>; caseEquals?: Record<string, string | boolean>; after?: string[]; sum?: string; distinctOrgs?: boolean; everyEvent?: boolean; orgField?: string }
  /**
   * Cases whose clock stopped in the period (by one of stoppedBy, if given);
   * onTime narrows to those stopped on or before the due date (an hour clock: by its due instant when both instants are known).
   */
  | { clocks: string[]; stoppedBy?: string[]; onTime?: boolean };

export interface CountIndicator {
  key: string;
  label: string;
  unit: string;
  description: string;
  count: CountSource;
}

export interface RateIndicator {
  key: string;
  label: string;
  unit: '%';
  description: string;
  rate: { numerator: string; denominator: string };
}

export type IndicatorDef = CountIndicator | RateIndicator;

export const isRate = (d: IndicatorDef): d is RateIndicator => 'rate' in d;
