import type { Kernel } from '../kernel/kernel.ts';
import type { ReportArea } from '../kernel/cases/define.ts';
import { outlineFor, OUTLINES, type Outline } from '../kernel/cases/outlines.ts';
import { computeIndicators, typesWithRecords } from '../kernel/indicators/compute.ts';
import { tokensIn } from './tokens.ts';
import { getOrg, type Org } from '../kernel/orgs.ts';

/** Written in a sentence where the reporting unit's own reach goes: 全区各级, 本镇, 本街道, 本单位指导的. */
export const SCOPE_MARK = '{本级}';

/**
 * Words for what a unit's report covers. Only a government speaks for every level below it
 * (全区各级, 全县各级); a 镇 or 街道 for itself; a department for the organisations it guides.
 */
export function scopeWords(org: Pick<Org, 'kind' | 'name' | 'shortName'>): string {
  if (org.kind === 'government') {
    const place = org.name.replace(/人民政府$/, '');
    return `全${place.at(-1) ?? '区'}各级`;
  }
  if (org.kind === 'township') return /街道/.test(org.name) ? '本街道' : /乡(人民政府)?$/.test(org.name) ? '本乡' : '本镇';
  return '本单位指导的';
}

/**
 * A first draft of the 主要举措和成效 part, generated from the year's records: for each area of the
 * 实施纲要 with activity, the sentences each institution's definition gives, with their figure
 * tokens kept so the writer edits words, never numbers. A sentence whose counts are all zero is left out.
 */
export interface DraftArea {
  /** The heading's key in the year's 纲要 (for the 2021—2025 one, the platform area itself). */
  area: string;
  /** The platform areas written under it. */
  covers: ReportArea[];
  heading: string;
  sentences: string[];
}

export async function draftAchievements(k: Kernel, orgId: number, year: number, outlines: Outline[] = OUTLINES): Promise<DraftArea[]> {
  const scope = { orgId, from: `${year}-01-01`, to: `${year}-12-31` };
  const words = scopeWords(await getOrg(k.db, orgId));
  // A type without records in the scope counts 0 everywhere: a sentence whose figures are all of
  // such types would be left out below, so it is left out before computing anything.
  const active = await typesWithRecords(k, scope);
  const candidates = k.types
    .all()
    .flatMap((t) => (t.report?.sentences ?? []).map((s) => ({ area: t.report!.area, sentence: s })))
    .filter((c) => tokensIn(c.sentence).some((r) => active.has(k.types.indicator(r).type.key)));
  const refs = [...new Set(candidates.flatMap((c) => tokensIn(c.sentence)))];
  const values = new Map((await computeIndicators(k, scope, refs)).map((v, i) => [refs[i], v]));
  const kept = candidates.filter((c) => tokensIn(c.sentence).some((r) => values.get(r)?.unit !== '%' && (values.get(r)?.value ?? 0) > 0));
  // Under the headings of the 纲要 in force for the report year (outlines.ts).
  return outlineFor(year, outlines).outline.areas
    .map((a) => ({ area: a.key, covers: a.covers, heading: a.heading, sentences: kept.filter((c) => a.covers.includes(c.area)).map((c) => c.sentence.replaceAll(SCOPE_MARK, words)) }))
    .filter((a) => a.sentences.length > 0);
}
