import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-'));
const fazhi = (...args: string[]) =>
  run(process.execPath, ['bin/fazhi.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );

test('deadline prints the due date; --days counts natural days; unpublished years warn', async () => {
  assert.equal((await fazhi('deadline', '--from', '2025-09-26', '--workdays', '5')).stdout.trim(), '2025-10-10');
  assert.equal((await fazhi('deadline', '--from', '2025-09-01', '--days', '30')).stdout.trim(), '2025-10-09');
  const warned = await fazhi('deadline', '--from', '2026-12-20', '--days', '60');
  assert.equal(warned.stdout.trim(), '2027-02-18');
  assert.match(warned.stderr, /警告：2027年节假日安排尚未录入/);
  const json = JSON.parse((await fazhi('deadline', '--from', '2026-12-20', '--workdays', '10', '--json')).stdout);
  assert.equal(json.warnings.length, 1);
});

test('bad CLI input gets a Chinese message and exit code 2', async () => {
  const r = await fazhi('deadline', '--from', '2025-02-30', '--workdays', '5');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /起算日期/);
  const both = await fazhi('deadline', '--from', '2025-02-03', '--workdays', '5', '--days', '3');
  assert.equal(both.code, 2);
  const unknown = await fazhi('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未知命令/);
});

test('case-types --json lists every case type with states, clocks and outcomes', async () => {
  const types = JSON.parse((await fazhi('case-types', '--json')).stdout);
  const rc = types.find((t: any) => t.key === 'reconsideration');
  assert.equal(rc.name, '行政复议');
  assert.ok(rc.states.some((s: any) => s.label === '审理中'));
  const decision = rc.clocks.find((c: any) => c.key === 'decision');
  assert.deepEqual([decision.length, decision.unit, decision.maxExtension], [60, 'day', 30]);
  assert.ok(rc.outcomes.some((o: any) => o.label === '确认违法'));
  const dc = types.find((t: any) => t.key === 'disclosure');
  assert.deepEqual([dc.clocks[0].length, dc.clocks[0].unit, dc.clocks[0].maxExtension], [20, 'workday', 20]);
});

test('audit verify reports an intact chain on a fresh database', async () => {
  const r = await fazhi('audit', 'verify', '--json');
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(r.stdout).ok, true);
});

test('analyze walks a folder: one JSON object per file, a CSV summary, progress on stderr', async () => {
  const csv = path.join(dataDir, 'summary.csv');
  const r = await fazhi('analyze', 'test/fixtures/seeds', '--json', '--csv', csv);
  assert.equal(r.code, 0);
  const lines = r.stdout.trim().split('\n').map((l: string) => JSON.parse(l));
  assert.equal(lines.length, 5);
  for (const a of lines) for (const key of ['file', 'title', 'entity', 'year', 'date', 'sections', 'missing', 'figures', 'inconsistencies', 'quality']) assert.ok(key in a, key);
  assert.ok(lines[1].figures.every((f: any) => ['text', 'value', 'unit', 'approx', 'counts', 'start', 'end'].every((k) => k in f)));
  assert.match(r.stderr, /分析报告 5\/5 100%/);
  const table = fs.readFileSync(csv, 'utf8');
  assert.match(table, /^\uFEFF文件,标题,报告主体/);
  assert.equal(table.trim().split('\r\n').length, 6);
  const bad = await fazhi('analyze', 'test/fixtures/reports/scanned.pdf');
  assert.equal(bad.code, 2);
  assert.match(bad.stdout, /没有文字层/);
});

test('report check prints the checker\'s findings for the top org and exits 1 while errors remain', async () => {
  const demo = await fazhi('demo', '--as-of', '2024-02-20');
  assert.equal(demo.code, 0, demo.stderr);
  const r = await fazhi('report', 'check', '--year', '2024', '--json');
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.org, '青溪区人民政府');
  assert.equal(out.deadline.due, '2025-02-28', 'a district government reports 3月1日之前 (督察工作规定; provincial 指引), not by 4月1日');
  assert.ok(out.findings.some((f: any) => f.rule === 'structure' && f.section === 'shortcomings'));
});

test('report pdf writes a PDF of a department\'s report, or says plainly that LibreOffice is missing', { timeout: 180_000 }, async () => {
  const { findSoffice } = await import('../../src/reports/pdf.ts');
  const out = path.join(dataDir, 'report.pdf');
  const r = await fazhi('report', 'pdf', '--org', '青溪区司法局', '--year', '2024', '--out', out);
  if (!findSoffice()) {
    assert.equal(r.code, 2);
    assert.match(r.stderr, /未安装 LibreOffice/);
    return;
  }
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /青溪区司法局2024年法治政府建设年度报告/);
  assert.equal(fs.readFileSync(out).subarray(0, 5).toString(), '%PDF-');
});

test('init refuses a database that holds the demo (its password is published)', async () => {
  const r = await fazhi('init', '--admin', 'boss');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /演示数据/);
});

test('simulate replays a report-date scenario as well as a case scenario, and exits 1 when the law is not met', async () => {
  const lines = await fazhi('simulate', 'test/scenarios/report.parallel-lines-department.json');
  assert.equal(lines.code, 0, lines.stderr);
  assert.match(lines.stdout, /local_government：sent/);
  const json = JSON.parse((await fazhi('simulate', 'test/scenarios/govinfo-report.township-no-date.json', '--json')).stdout);
  assert.deepEqual([json.ok, json.computed], [true, { submitBy: null, publishBy: null }]);
  // The same scenario with a wrong expectation: the CLI says what differs and fails.
  const wrong = JSON.parse(fs.readFileSync('test/scenarios/govinfo-report.department-deadline.json', 'utf8'));
  wrong.govinfoDeadline.expect.submitBy = '2026-02-28';
  const file = path.join(dataDir, 'wrong.json');
  fs.writeFileSync(file, JSON.stringify(wrong));
  const failed = await fazhi('simulate', file);
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /✗ submitBy 应为 2026-02-28/);
});
