import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ingest } from '../../src/analysis/ingest.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { analyzeFile } from '../../src/analysis/files.ts';
import { AppError } from '../../src/kernel/errors.ts';
import { clearMainContent, htmlDocument } from '../../src/analysis/html.ts';

const bytes = (p: string) => new Uint8Array(fs.readFileSync(new URL(`../fixtures/reports/${p}`, import.meta.url)));

test('encodings: GBK, Big5, UTF-16 LE/BE with and without BOM read as the same report (fixtures made with iconv)', async () => {
  const plain = await ingest('report.txt', bytes('encodings/report.txt'));
  for (const f of ['report-gbk.txt', 'report-utf16le.txt', 'report-utf16be.txt', 'report-utf16bom.txt']) {
    const doc = await ingest(f, bytes(`encodings/${f}`));
    assert.equal(doc.text.text, plain.text.text, f);
  }
  const big5 = await analyzeFile('report-big5.txt', bytes('encodings/report-big5.txt'));
  assert.ok(!('error' in big5));
  if (!('error' in big5)) {
    assert.equal(big5.title, '临江县司法局2024年法治政府建设年度报告');
    assert.equal(big5.entity, '临江县司法局');
    assert.deepEqual(big5.figures.slice(0, 3).map((f) => f.value), [120, 112, 108]);
  }
});

test('a file no encoding reads as Chinese is refused with a clear message, not returned as garbage', async () => {
  await assert.rejects(ingest('undecodable.txt', bytes('encodings/undecodable.txt')), (e: unknown) => e instanceof AppError && /无法可靠识别.*编码/.test(e.message));
});

test('web page: main content by Readability; related articles, counters, footer and metadata lines yield no figures', async () => {
  const r = await analyzeFile('page-noisy.html', bytes('page-noisy.html'), true);
  assert.ok(!('error' in r));
  if ('error' in r) return;
  assert.equal(r.title, '临江县司法局2024年法治政府建设年度报告');
  assert.equal(r.entity, '临江县司法局');
  assert.equal(r.year, 2024);
  assert.equal(r.date, '2025-03-20', '成文日期 is the date of the report');
  assert.deepEqual(r.meta, { title: '临江县司法局2024年法治政府建设年度报告', publisher: '临江县司法局', date: '2025-03-20', index: '11330100MB0000000X/2025-00012' });
  for (const junk of ['相关文章', '300件', '5万人次', '99%', '1,800次', '8,000件', '访问量', '访客', '浏览次数', '索引号', '发布机构', '分享到', 'ICP备']) {
    assert.ok(!r.view!.text.includes(junk), junk);
  }
  assert.deepEqual(r.figures.map((f) => f.text).slice(0, 3), ['120件', '112件', '108件']);
  const source = new TextDecoder().decode(bytes('page-noisy.html'));
  for (const f of r.figures) assert.equal(source.slice(f.start, f.end), f.text, 'offsets index the page source');
  // Headings written 第一部分…第四部分 are the four standard parts.
  assert.deepEqual(r.sections.filter((s) => s.level === 1).map((s) => s.kind), ['achievements', 'shortcomings', 'first_responsibility', 'next_year']);
  assert.deepEqual(r.missing, []);
});

test('who and when from the preamble and the page metadata when the title does not say', () => {
  const a = analyze('x', '2024年以来，昌江区政府坚持以习近平法治思想为指导，推进法治政府建设。\n一、主要举措和成效\n受理案件10件。\n');
  assert.equal(a.entity, '昌江区政府');
  assert.equal(a.year, 2024);
  const b = analyze('y', '2024年，我局坚持依法行政。\n一、主要举措和成效\n受理案件10件。\n', { meta: { publisher: '临江县司法局', date: '2025-03-01', title: '临江县司法局2024年度法治政府建设情况报告' } });
  assert.equal(b.entity, '临江县司法局');
  assert.equal(b.date, '2025-03-01');
  assert.equal(b.title, '临江县司法局2024年度法治政府建设情况报告');
});

test('web page without a DOM: a clear main content is found in one scan, with the same text as Readability; an unclear page goes to Readability', () => {
  for (const f of ['page-noisy.html', '004-page.html']) {
    const source = new TextDecoder().decode(bytes(f));
    assert.ok(clearMainContent(source), `${f}: the content is clear`);
    const fast = htmlDocument(source);
    const slow = htmlDocument(source, { readability: 'always' });
    assert.equal(fast.text.text, slow.text.text, f);
    assert.deepEqual([...fast.text.map], [...slow.text.map], f);
    assert.deepEqual(fast.meta, slow.meta, f);
  }
  const para = (n: number) => `<p>全年收到行政复议申请${n}件，受理${n - 8}件，审结${n - 12}件，其中维持${n - 40}件，撤销9件，驳回23件，组织行政执法人员参加考试420人，合格399人。</p>`;
  // A list of links inside the content container is not report text.
  const linked = `<html><head><title>某县2024年法治政府建设年度报告</title></head><body><div class="c">${para(120)}${para(130)}${para(140)}<ul><li><a href="/1">临江县2023年收到行政复议申请300件审结280件</a></li><li><a href="/2">县司法局开展普法活动200场惠及群众5万人次</a></li></ul></div></body></html>`;
  assert.ok(clearMainContent(linked));
  const t = htmlDocument(linked).text.text;
  assert.match(t, /申请140件/);
  assert.doesNotMatch(t, /300件|5万人次/);
  // Two columns of equal weight: no clear main content, so Readability decides.
  const twoColumns = `<html><body><div class="a">${para(120)}${para(130)}</div><div><div><div class="b">${para(150)}${para(160)}</div></div></div></body></html>`;
  assert.equal(clearMainContent(twoColumns), null);
  assert.match(htmlDocument(twoColumns).text.text, /申请1[2-6]0件/);
  // Broken markup nested 200,000 deep, with stray end tags, is read in one pass and does not overflow the stack.
  const deep = `<html><body>${'<div>'.repeat(200_000)}${para(120)}${'</span>'.repeat(50_000)}${para(130)}${para(140)}</body></html>`;
  assert.match(htmlDocument(deep).text.text, /申请140件/);
});
