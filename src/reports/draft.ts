import type { Kernel } from '../kernel/kernel.ts';
import { REPORT_AREAS, type ReportArea } from '../kernel/cases/define.ts';
import { computeIndicators } from '../kernel/indicators/compute.ts';
import { tokensIn } from './tokens.ts';

/**
 * A first draft of the 主要举措和成效 part, generated from the year's records: for each area of the
 * 实施纲要 with activity, the sentences each institution's definition gives, with their figure
 * tokens kept so the writer edits words, never numbers. A sentence whose counts are all zero is left out.
 */
export interface DraftArea {
  area: ReportArea;
  heading: string;
  sentences: string[];
}

export async function draftAchievements(k: Kernel, orgId: number, year: number): Promise<DraftArea[]> {
  const scope = { orgId, from: `${year}-01-01`, to: `${year}-12-31` };
  const candidates = k.types.all().flatMap((t) => (t.report?.sentences ?? []).map((s) => ({ area: t.report!.area, sentence: s })));
  const refs = [...new Set(candidates.flatMap((c) => tokensIn(c.sentence)))];
  const values = new Map((await computeIndicators(k, scope, refs)).map((v, i) => [refs[i], v]));
  const kept = candidates.filter((c) => tokensIn(c.sentence).some((r) => values.get(r)?.unit !== '%' && (values.get(r)?.value ?? 0) > 0));
  return (Object.keys(REPORT_AREAS) as ReportArea[])
    .map((area) => ({ area, heading: REPORT_AREAS[area], sentences: kept.filter((c) => c.area === area).map((c) => c.sentence) }))
    .filter((a) => a.sentences.length > 0);
}
