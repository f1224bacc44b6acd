import fs from 'node:fs';
import path from 'node:path';
import { ingest } from './ingest.ts';
import { analyze, type Analysis } from './analyze.ts';
import { KIND_LABELS } from './structure.ts';
import { AppError } from '../kernel/errors.ts';

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

export type FileResult = (Omit<Analysis, 'view'> & { format: string; view?: Analysis['view'] }) | { file: string; error: string };

/** One file's analysis, or its clerk-readable error; `withView` keeps the display text (console). */
export async function analyzeFile(file: string, bytes: Uint8Array = fs.readFileSync(file), withView = false): Promise<FileResult> {
  try {
    const doc = await ingest(path.basename(file), bytes);
    const { view, ...a } = analyze(file, doc.text);
    return { ...a, format: doc.format, ...(withView ? { view } : {}) };
  } catch (e) {
    if (e instanceof AppError) return { file, error: e.message };
    throw e;
  }
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function summaryCsv(results: FileResult[]): string {
  const head = ['文件', '标题', '报告主体', '年度', '落款日期', '一级标题数', '缺少部分', '数据个数', '矛盾个数', '质量得分', '错误'];
  const rows = results.map((r) =>
    'error' in r
      ? [r.file, '', '', '', '', '', '', '', '', '', r.error]
      : [r.file, r.title, r.entity, r.year, r.date, r.sections.filter((s) => s.level === 1).length, r.missing.map((k) => KIND_LABELS[k]).join('、'), r.figures.length, r.inconsistencies.length, r.quality.score, ''],
  );
  // A BOM so Excel opens the Chinese columns correctly.
  return '\uFEFF' + [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
