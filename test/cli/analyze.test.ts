import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-analyze-'));

test('analyze --compare: the same indicators by body and year as CSV; 同比 checked against last year\'s report', async () => {
  const csv = path.join(dir, 'compare.csv');
  const r = await run(process.execPath, ['bin/fazhi.js', 'analyze', 'test/fixtures/analysis/years', 'test/fixtures/seeds/001_979756853a958e69.txt', '--json', '--compare', csv]);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 4, 'three reports and one year-on-year finding');
  const cross = lines.find((l) => l.crossYear);
  assert.match(cross.file, /baishi-2024/);
  assert.equal(cross.crossYear[0].computed, 25);
  assert.match(cross.crossYear[0].message, /上年报告.*baishi-2023.*120件.*应为增长25%/);
  const rows = fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  const head = rows[0];
  const col = (label: string) => head.indexOf(label);
  assert.deepEqual(head.slice(0, 3), ['报告主体', '年度', '文件']);
  const baishi = rows.filter((x) => x[0] === '白石县人民政府');
  assert.deepEqual(baishi.map((x) => x[1]), ['2023', '2024'], 'sorted by body, then year');
  assert.deepEqual(baishi.map((x) => [x[col('行政复议 收到申请')], x[col('行政复议 受理')], x[col('行政复议 审结')], x[col('行政应诉 负责人出庭率(%)')]]), [['120', '112', '108', '90'], ['150', '140', '138', '100']]);
  const changjiang = rows.find((x) => x[0].includes('昌江'))!;
  assert.equal(changjiang[col('人民调解 调解成功率(%)')], '91.2');
  assert.match(r.stderr, /指标对比表已写入/);
});

test('analyze reads PDFs from the command-line entry (pdf.js in its worker, without tsx), and a scanned one gets its Chinese error', async () => {
  const r = await run(process.execPath, ['bin/fazhi.js', 'analyze', 'test/fixtures/reports/001.pdf', 'test/fixtures/reports/scanned.pdf', '--json']).catch((e) => e);
  const [text, scanned] = r.stdout.trim().split('\n').map((l: string) => JSON.parse(l));
  assert.equal(text.format, 'pdf');
  assert.equal(text.year, 2024);
  assert.ok(text.figures.length > 20);
  assert.match(scanned.error, /没有文字层/);
  assert.equal(r.code, 2, 'a file that failed sets the exit code');
});
