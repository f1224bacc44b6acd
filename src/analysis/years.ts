import { samePercent, type Finding, type YoyClaim } from './consistency.ts';

/**
 * Year-on-year statements checked against last year's report of the same body: 同比增长20% with
 * this year's 150件 needs last year's figure for the same thing, which only that report states.
 */
export interface YearReport {
  file: string;
  entity: string | null;
  year: number | null;
  figures: { text: string; value: number; unit: string; approx: boolean; counts: string; max?: number }[];
  claims: YoyClaim[];
}

/** The body a report is about, written the same way in every year's title (青溪区人民政府 = 青溪区政府). */
export const entityKey = (e: string) => e.replace(/\s+/g, '').replace(/人民政府/g, '政府').replace(/^中共/, '');
/** What a figure counts, without the words that change from year to year. */
export const countsKey = (c: string) =>
  c.replace(/^(\d{4}年(度)?|全年|今年以来|本年度|截至年底|年内|共|累计|其中|全区|全县|全市|全镇|区政府|县政府|我局|我委|我办|各级)+/u, '').replace(/^[，,、]+/, '');

export function crossYearFindings(reports: YearReport[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const byKey = new Map<string, YearReport[]>();
  for (const r of reports) {
    if (!r.entity || !r.year) continue;
    const k = `${entityKey(r.entity)}|${r.year}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  for (const r of reports) {
    if (!r.entity || !r.year || !r.claims.length) continue;
    const last = byKey.get(`${entityKey(r.entity)}|${r.year - 1}`);
    if (!last || last.length !== 1) continue;
    const prevReport = last[0];
    for (const c of r.claims) {
      const key = countsKey(c.counts);
      if (key.length < 3) continue;
      // The same words, or one phrase ending the other (收到行政复议申请 / 行政复议申请), at least 4 characters.
      const sameKey = (k: string) => k === key || (Math.min(k.length, key.length) >= 4 && (k.endsWith(key) || key.endsWith(k)));
      const same = prevReport.figures.filter((f) => !f.approx && f.max === undefined && f.unit === c.unit && sameKey(countsKey(f.counts)));
      // Only one figure for the same thing last year: anything else is a guess.
      if (same.length !== 1) continue;
      const prev = same[0];
      const computed = ((c.value - prev.value) / prev.value) * 100;
      const stated = Math.abs(c.change);
      const wrongWay = Math.abs(computed) >= 10 ** -c.decimals && computed > 0 !== c.change > 0;
      if (!wrongWay && samePercent(stated, c.decimals, Math.abs(computed))) continue;
      const said = `${c.change > 0 ? '增长' : '下降'}${stated}%`;
      const f: Finding = {
        kind: 'yoy_mismatch',
        text: c.text,
        start: c.start,
        end: c.end,
        stated: c.change,
        computed: Math.round(computed * 100) / 100,
        confidence: 'medium',
        message: `上年报告（${prevReport.file}）中“${prev.counts}”为${prev.text}，本年${c.value}${c.unit}应为${computed >= 0 ? '增长' : '下降'}${Math.round(Math.abs(computed) * 10) / 10}%，而文中称${said}`,
      };
      out.set(r.file, [...(out.get(r.file) ?? []), f]);
    }
  }
  return out;
}
