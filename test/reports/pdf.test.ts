import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { reportDocx } from '../../src/reports/docx.ts';
import { docxToPdf, findSoffice, PDF_UNAVAILABLE } from '../../src/reports/pdf.ts';
import { AppError } from '../../src/kernel/errors.ts';

const MM = 72 / 25.4; // points per millimetre
const sentence = '全区各级人民调解组织共开展矛盾纠纷排查605次，受理人民调解案件297起，成功调解271起，调解成功率达91.2%。';
const input = {
  title: '青溪区人民政府2025年法治政府建设年度报告',
  orgName: '青溪区人民政府',
  signature: '青溪区人民政府',
  date: '2026-03-01',
  sections: [
    { number: '一、', heading: '2025年推进法治政府建设的主要举措和成效', rendered: `（一）依法化解矛盾纠纷。${sentence.repeat(5)}\n${sentence.repeat(6)}\n（二）加强法治宣传。${sentence.repeat(6)}` },
    { number: '二、', heading: '2025年推进法治政府建设存在的不足和原因', rendered: sentence.repeat(8) },
  ],
};

interface Word { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }
function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pages: { width: number; height: number }[] = [];
  const out: Word[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else out.push({ page: pages.length, text: m[7], xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
  }
  return { pages, words: out };
}

test('PDF through LibreOffice: A4 pages, 公文 margins, 28.95 pt lines, title on two lines, page numbers odd right / even left', { timeout: 180_000 }, async () => {
  const docx = await reportDocx(input);
  if (!findSoffice()) {
    // Without LibreOffice the platform says so plainly (CI installs it, so the branch below runs there).
    await assert.rejects(docxToPdf(docx), (e) => e instanceof AppError && e.status === 503 && e.message === PDF_UNAVAILABLE);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-pdf-test-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, await docxToPdf(docx));
  assert.equal(fs.readFileSync(file).subarray(0, 5).toString(), '%PDF-');

  const { pages, words: all } = words(file);
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  for (const p of pages) assert.deepEqual([Math.round(p.width / MM), Math.round(p.height / MM)], [210, 297], 'A4');

  const [page1, page2] = [1, 2].map((n) => all.filter((w) => w.page === n));
  const body = page1.filter((w) => w.yMax < pages[0].height - 35 * MM);
  // The text block: top 37 mm, left 28 mm, right 26 mm (1 pt of rounding allowed).
  assert.ok(Math.min(...body.map((w) => w.yMin)) >= 37 * MM - 1, 'top margin');
  assert.ok(Math.abs(Math.min(...body.map((w) => w.xMin)) - 28 * MM) < 1.5, 'left margin');
  assert.ok(Math.max(...body.map((w) => w.xMax)) <= pages[0].width - 26 * MM + 1, 'right margin');
  // Title: the org on its own line, the rest below it, both centred.
  const lineTops = [...new Set(body.map((w) => w.yMin))].sort((a, b) => a - b);
  const titleLines = lineTops.slice(0, 2).map((y) => body.filter((w) => w.yMin === y));
  assert.deepEqual(titleLines.map((l) => l.map((w) => w.text).join('')), ['青溪区人民政府', '2025年法治政府建设年度报告'], 'title broken after the org name');
  for (const l of titleLines) {
    const centre = (Math.min(...l.map((w) => w.xMin)) + Math.max(...l.map((w) => w.xMax))) / 2;
    assert.ok(Math.abs(centre - (28 * MM + (pages[0].width - 54 * MM) / 2)) < 3, 'title centred');
  }
  // Body lines stand 28.95 pt apart: 22 lines in the 225 mm block.
  const starts = [...new Set(body.filter((w) => Math.abs(w.xMin - 28 * MM) < 1.5).map((w) => Math.round(w.yMin * 10) / 10))].sort((a, b) => a - b);
  const pitches = starts.slice(1).map((y, i) => y - starts[i]).filter((d) => d < 40);
  assert.ok(pitches.length >= 5 && pitches.every((d) => Math.abs(d - 28.95) < 0.3), `line pitch ${pitches.join(', ')}`);
  // Page numbers "— 1 —" at the foot: odd pages on the right, even pages on the left.
  const foot = (ws: Word[], n: string) => ws.find((w) => w.text === n && w.yMin > pages[0].height - 35 * MM);
  assert.ok(foot(page1, '1')!.xMin > pages[0].width / 2, 'page 1 number on the right');
  assert.ok(foot(page2, '2')!.xMax < pages[0].width / 2, 'page 2 number on the left');

  // The first page as an image, for a person to look at (kept in test-results/ when run from CI).
  execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
  const png = fs.readFileSync(fs.readdirSync(dir).map((f) => path.join(dir, f)).find((f) => f.endsWith('.png'))!);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(Math.abs(height / width - 297 / 210) < 0.01, `page image ${width}×${height}`);
  if (fs.existsSync('test-results')) fs.writeFileSync('test-results/report-page1.png', png);
  fs.rmSync(dir, { recursive: true, force: true });
});
