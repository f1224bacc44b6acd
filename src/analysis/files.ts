import fs from 'node:fs';
import path from 'node:path';
import { ingest } from './ingest.ts';
import { analyze, type Analysis } from './analyze.ts';
import { KIND_LABELS } from './structure.ts';
import { AppError } from '../kernel/errors.ts';
import { csvField } from '../kernel/spreadsheet.ts';
import { crossYearFindings } from './years.ts';
import type { PageMeta } from './html.ts';
import { INDICATORS } from './compare.ts';

const READABLE = /\.(txt|text|html?|docx|pdf|md)$/i;

/** Files named on the command line, with folders walked recursively (readable types only). */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, named: boolean) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) throw new AppError(404, 'not_found', `找不到文件或目录「${p}」`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e), false);
    else if (named || READABLE.test(p)) out.push(p);
  };
  for (const p of paths) walk(p, true);
  return out;
}

export type FileResult = (Omit<Analysis, 'view'> & { format: string; meta?: PageMeta; view?: Analysis['view'] }) | { file: string; error: string };

/** One file's analysis, or its clerk-readable error; `withView` keeps the display text (console). */
export async function analyzeFile(file: string, bytes: Uint8Array = fs.readFileSync(file), withView = false): Promise<FileResult> {
  try {
    const doc = await ingest(path.basename(file), bytes);
    const { view, ...a } = analyze(file, doc.text, { meta: doc.meta });
    return { ...a, format: doc.format, ...(doc.meta ? { meta: doc.meta } : {}), ...(withView ? { view } : {}) };
  } catch (e) {
    if (e instanceof AppError) return { file, error: e.message };
    throw e;
  }
}

/** Year-on-year claims checked against last year's report of the same body among `results`. */
export function addCrossYear(results: FileResult[]): FileResult[] {
  const ok = results.filter((r): r is Exclude<FileResult, { error: string }> => !('error' in r));
  const cross = crossYearFindings(ok);
  for (const r of ok) r.inconsistencies.push(...(cross.get(r.file) ?? []));
  return results;
}

const SUMMARY_HEAD = ['文件', '标题', '报告主体', '年度', '落款日期', '一级标题数', '缺少部分', '数据个数', '矛盾个数', '质量得分', '错误'];
/** The summary table's header line, with a BOM so Excel opens the Chinese columns correctly. */
export const summaryCsvHead = () => '\uFEFF' + SUMMARY_HEAD.join(',') + '\r\n';
/** One file's line of the summary table. */
export function summaryCsvRow(r: FileResult): string {
  const cells =
    'error' in r
      ? [r.file, '', '', '', '', '', '', '', '', '', r.error]
      : [r.file, r.title, r.entity, r.year, r.date, r.sections.filter((s) => s.level === 1).length, r.missing.map((k) => KIND_LABELS[k]).join('、'), r.figures.length, r.inconsistencies.length, r.quality.score, ''];
  return cells.map(csvField).join(',') + '\r\n';
}

export function summaryCsv(results: FileResult[]): string {
  return summaryCsvHead() + results.map(summaryCsvRow).join('');
}

/** One report's row in the comparison table. */
export interface CompareRow {
  entity: string;
  year: number | null;
  file: string;
  values: Record<string, number>;
}

/** The same indicators across reports, one row per report, by body then year. */
export function compareCsv(rows: CompareRow[]): string {
  const sorted = [...rows].sort((a, b) => a.entity.localeCompare(b.entity, 'zh-CN') || (a.year ?? 0) - (b.year ?? 0) || a.file.localeCompare(b.file));
  const head = ['报告主体', '年度', '文件', ...INDICATORS.map((d) => (d.unit === 'rate' ? `${d.label}(%)` : d.label))];
  const lines = sorted.map((r) => [r.entity, r.year, r.file, ...INDICATORS.map((d) => r.values[d.key])]);
  return '\uFEFF' + [head, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
