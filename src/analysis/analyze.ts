import { identity, originalSpan, type MappedText } from './mapped.ts';
import { normalize } from './normalize.ts';
import { analyzeStructure, type SectionKind } from './structure.ts';
import { extractFigures } from './figures.ts';
import { checkConsistency, type YoyClaim } from './consistency.ts';
import { scoreQuality, type Quality } from './quality.ts';
import type { PageMeta } from './html.ts';
import { readIndicators } from './compare.ts';

export interface Analysis {
  file: string;
  title: string | null;
  entity: string | null;
  year: number | null;
  date: string | null;
  sections: { heading: string; level: number; kind: SectionKind; kinds: SectionKind[]; start: number; end: number }[];
  missing: SectionKind[];
  figures: { text: string; value: number; max?: number; unit: string; approx: boolean; counts: string; start: number; end: number }[];
  inconsistencies: { text: string; kind: string; stated: number; computed: number; confidence: string; message: string; start: number; end: number }[];
  relations: { text: string; kind: string; stated: number; computed: number; parts: number[]; note?: string; start: number; end: number }[];
  /** Year-on-year changes stated without last year's figure (checked against last year's report by crossYearFindings). */
  claims: YoyClaim[];
  /** The comparable indicators the report states (compare.ts), by key. */
  indicators: Record<string, number>;
  quality: Quality;
  chars: number;
  /** The cleaned, simplified text and the same findings as offsets into it, for display. */
  view: { text: string; headings: [number, number, number][]; figures: [number, number][]; inconsistencies: [number, number][]; relations: [number, number][] };
}

/**
 * Reads one report. `source` is the text as the user gave it (for HTML, the page source):
 * every start/end in the result indexes it.
 */
export function analyze(file: string, source: MappedText | string, opts: { deadline?: string; meta?: PageMeta } = {}): Analysis {
  const original = typeof source === 'string' ? identity(source) : source;
  const n = normalize(original);
  const back = (s: number, e: number) => originalSpan(n, s, e);
  const st = analyzeStructure(n.text, opts.meta);
  const figures = extractFigures(n.text.slice(0, st.bodyEnd));
  const { findings, relations, claims } = checkConsistency(n.text, figures);
  return {
    file,
    title: st.title,
    entity: st.entity,
    year: st.year,
    date: st.date,
    sections: st.sections.map((s) => ({ heading: s.heading, level: s.level, kind: s.kind, kinds: s.kinds, ...back(s.start, s.end) })),
    missing: st.missing,
    figures: figures.map(({ start, end, ...f }) => ({ ...f, ...back(start, end) })),
    inconsistencies: findings.map(({ start, end, ...f }) => ({ ...f, ...back(start, end) })),
    relations: relations.map(({ start, end, ...r }) => ({ ...r, ...back(start, end) })),
    claims: claims.map(({ start, end, ...c }) => ({ ...c, ...back(start, end) })),
    indicators: readIndicators(n.text, figures),
    quality: scoreQuality(n.text, st, figures, findings, opts.deadline),
    chars: n.text.length,
    view: {
      text: n.text,
      headings: st.sections.map((s) => [s.start, s.headingEnd, s.level]),
      figures: figures.map((f) => [f.start, f.end]),
      inconsistencies: findings.map((f) => [f.start, f.end]),
      relations: relations.map((r) => [r.start, r.end]),
    },
  };
}
