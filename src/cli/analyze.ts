import fs from 'node:fs';
import { once } from 'node:events';
import { analyzeFile, compareCsv, expandPaths, summaryCsvHead, summaryCsvRow, type CompareRow, type FileResult } from '../analysis/files.ts';
import { KIND_LABELS } from '../analysis/structure.ts';
import { crossYearFindings, entityKey, type YearReport } from '../analysis/years.ts';
import { AppError } from '../kernel/errors.ts';
import { progress } from './progress.ts';

/** Writes to stdout, waiting when the pipe is full: results stream out instead of piling up in memory. */
async function out(line: string) {
  if (!process.stdout.write(line + '\n')) await once(process.stdout, 'drain');
}

type Ok = Exclude<FileResult, { error: string }>;
const asYearReport = (r: Ok): YearReport => ({ file: r.file, entity: r.entity, year: r.year, figures: r.figures, claims: r.claims });

/**
 * npx fazhi analyze 文件或目录… [--json] [--csv 汇总.csv] [--compare 对比.csv]
 * Memory stays bounded for thousands of files: each result is printed and dropped; what is kept
 * is one short row per report (for the tables) and the year-on-year claims, which are checked at
 * the end against last year's report of the same body (re-read then, one at a time).
 */
export async function analyzeCommand(paths: string[], opts: { json: boolean; csv?: string; compare?: string }): Promise<number> {
  if (paths.length === 0) throw new AppError(400, 'bad_request', '用法：npx fazhi analyze 文件或目录… [--json] [--csv 汇总.csv] [--compare 对比.csv]');
  const files = expandPaths(paths);
  const bar = progress('分析报告');
  const csv = opts.csv ? fs.openSync(opts.csv, 'w') : null;
  if (csv !== null) fs.writeSync(csv, summaryCsvHead());
  const rows: CompareRow[] = [];
  const byYear = new Map<string, string[]>();
  const claiming: YearReport[] = [];
  let failed = false;
  for (const [i, file] of files.entries()) {
    const r = await analyzeFile(file);
    if (csv !== null) fs.writeSync(csv, summaryCsvRow(r));
    if ('error' in r) failed = true;
    else {
      rows.push({ entity: r.entity ?? '（未识别）', year: r.year, file: r.file, values: r.indicators });
      if (r.entity && r.year) {
        const k = `${entityKey(r.entity)}|${r.year}`;
        byYear.set(k, [...(byYear.get(k) ?? []), r.file]);
        if (r.claims.length) claiming.push({ ...asYearReport(r), figures: [] });
      }
    }
    if (opts.json) await out(JSON.stringify(r));
    else if ('error' in r) await out(`✗ ${file}：${r.error}`);
    else {
      await out(`${file}\n  ${r.title ?? '（无标题）'} | ${r.entity ?? '主体未识别'} | ${r.year ?? '?'}年 | 落款 ${r.date ?? '无'} | 得分 ${r.quality.score}`);
      if (r.missing.length) await out(`  缺少：${r.missing.map((k) => KIND_LABELS[k]).join('、')}`);
      for (const x of r.inconsistencies) await out(`  矛盾：${x.message}`);
    }
    if (files.length > 1) bar(i + 1, files.length);
  }
  if (csv !== null) {
    fs.closeSync(csv);
    console.error(`汇总表已写入 ${opts.csv}`);
  }

  // 同比 statements against last year's report of the same body, when it was among the files.
  for (const c of claiming) {
    const last = byYear.get(`${entityKey(c.entity!)}|${c.year! - 1}`);
    if (last?.length !== 1) continue;
    const prev = await analyzeFile(last[0]);
    if ('error' in prev) continue;
    const found = crossYearFindings([asYearReport(prev), c]).get(c.file) ?? [];
    if (!found.length) continue;
    if (opts.json) await out(JSON.stringify({ file: c.file, crossYear: found }));
    else for (const x of found) await out(`${c.file}\n  矛盾（与上年报告对比）：${x.message}`);
  }

  if (opts.compare) {
    fs.writeFileSync(opts.compare, compareCsv(rows));
    console.error(`指标对比表已写入 ${opts.compare}（${rows.length}份报告）`);
  }
  return failed ? 2 : 0;
}
