import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { analyze } from '../../src/analysis/analyze.ts';
import { extractFigures, chineseNumber } from '../../src/analysis/figures.ts';
import { ingest, htmlText, MAX_INPUT_BYTES } from '../../src/analysis/ingest.ts';
import { analyzeFile } from '../../src/analysis/files.ts';
import { AppError } from '../../src/kernel/errors.ts';

const fixture = (p: string) => new URL(`../fixtures/${p}`, import.meta.url);
const seedFile = (n: string) => fs.readdirSync(fixture('seeds/')).find((f) => f.startsWith(n))!;
const seed = (n: string) => fs.readFileSync(fixture(`seeds/${seedFile(n)}`), 'utf8');
const bytes = (p: string) => new Uint8Array(fs.readFileSync(fixture(p)));

test('seed 003: traditional text with pinyin artefacts becomes clean simplified text, offsets point into the original', () => {
  const raw = seed('003');
  const a = analyze('003', raw);
  assert.equal(a.title, '新荣经济技术开发区2024年法治政府建设年度报告');
  assert.equal(a.entity, '新荣经济技术开发区');
  assert.doesNotMatch(a.view.text, /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}\)/u);
  assert.doesNotMatch(a.view.text, /[經濟術開發區這們國會]/);
  assert.match(a.view.text, /领导班子带头学法述法,4名班子成员进行了年终述法/);
  const four = a.figures.find((f) => f.text === '4名')!;
  assert.equal(raw.slice(four.start, four.end), '4名');
  const first = a.sections.find((s) => s.level === 1)!;
  assert.equal(raw.slice(first.start, first.start + 8), '一、主要工作成效');
  // Scanning text of the web page is not part of the report.
  assert.ok(!a.view.text.includes('扫一扫'));
});

test('seed 001: 93件…其中…94件…占比100% is flagged; 271 ÷ 297 = 91.2% is recognised', () => {
  const raw = seed('001');
  const a = analyze('001', raw);
  const part = a.inconsistencies.find((x) => x.kind === 'part_exceeds_whole')!;
  assert.deepEqual([part.stated, part.computed], [94, 93]);
  assert.match(raw.slice(part.start, part.end), /录入双随机监管事项93件,其中联合部门检查事项94件,占比100%/);
  const rate = a.inconsistencies.find((x) => x.kind === 'rate_mismatch')!;
  assert.equal(rate.stated, 100);
  assert.equal(rate.computed, 101.08);
  const ok = a.relations.find((r) => r.kind === 'rate' && r.stated === 91.2)!;
  assert.deepEqual(ok.parts, [271, 297]);
  assert.equal(ok.note, undefined);
  // Two independent totals followed by 办结率100% are not a contradiction.
  assert.ok(!a.inconsistencies.some((x) => x.stated === 100 && x.computed !== 101.08));
  assert.equal(a.inconsistencies.length, 2);
});

test('seed 002: 60项 = 6 + 3 + 11 + 40 is recognised; its merged first part covers two standard parts', () => {
  const a = analyze('002', seed('002'));
  const sum = a.relations.find((r) => r.kind === 'sum' && r.stated === 60)!;
  assert.equal(sum.stated, 60);
  assert.deepEqual(sum.parts, [6, 3, 11, 40]);
  assert.deepEqual(a.sections.find((s) => s.level === 1)!.kinds, ['achievements', 'first_responsibility']);
  assert.deepEqual(a.missing, []);
  assert.equal(a.year, 2021);
  assert.equal(a.date, '2022-01-18');
});

test("seed 004: the web page's footer is stripped and the missing parts are named", () => {
  const raw = seed('004');
  const a = analyze('004', raw);
  for (const junk of ['网站标识码', '推荐使用IE8', '主办单位', '联系方式']) assert.ok(!a.view.text.includes(junk), junk);
  assert.equal(a.title, '区政务服务办2024年度法治政府建设情况报告');
  assert.deepEqual(a.missing, ['shortcomings', 'next_year']);
  const footer = raw.indexOf('主办单位');
  assert.ok(a.figures.every((f) => f.end <= footer));
  assert.ok(a.figures.some((f) => f.text === '99.8%'));
  assert.ok(a.figures.some((f) => f.text === '987件' && f.counts.includes('12345')));
});

test('every seed: its top-level sections are found and mapped onto the standard structure', () => {
  const expected: Record<string, string[]> = {
    '000': ['achievements', 'shortcomings', 'next_year'],
    '001': ['achievements', 'shortcomings', 'next_year'],
    '002': ['achievements', 'shortcomings', 'next_year'],
    '003': ['achievements', 'shortcomings', 'next_year'],
    '004': ['first_responsibility', 'achievements'],
  };
  for (const [n, kinds] of Object.entries(expected)) {
    const raw = seed(n);
    const top = analyze(n, raw).sections.filter((s) => s.level === 1);
    assert.deepEqual(top.map((s) => s.kind), kinds, n);
    for (const s of top) assert.match(raw.slice(s.start, s.start + 2), /^[一二三四]、/, `${n} heading offset`);
  }
  const s000 = analyze('000', seed('000'));
  assert.ok(s000.sections.some((s) => s.level === 2 && s.kind === 'first_responsibility'), '000 reports 第一责任人 inside part one');
  assert.ok(s000.sections.filter((s) => s.level === 5).length >= 6, '一是/二是 items are found');
});

test('the hand-annotated county report: every figure, relation and problem as annotated', () => {
  const raw = fs.readFileSync(fixture('reports/annotated-county.txt'), 'utf8');
  const want = JSON.parse(fs.readFileSync(fixture('reports/annotated-county.json'), 'utf8'));
  const a = analyze('annotated', raw);
  assert.equal(a.title, want.title);
  assert.equal(a.entity, want.entity);
  assert.equal(a.year, want.year);
  assert.equal(a.date, want.date);
  assert.deepEqual(a.sections.filter((s) => s.level === 1).map((s) => s.heading), want.headings);
  assert.deepEqual(a.missing, want.missing);
  assert.deepEqual(a.figures.map((f) => [f.text, f.value, f.unit, f.approx]), want.figures);
  for (const f of a.figures) assert.equal(raw.slice(f.start, f.end).replace('，', ','), f.text);
  assert.deepEqual(a.inconsistencies.map((x) => [x.kind, x.stated, x.computed]), want.inconsistencies);
  const [kind, stated, parts] = want.relations[0];
  const rel = a.relations.find((r) => r.kind === kind && r.stated === stated)!;
  assert.deepEqual(rel.parts, parts);
  assert.match(rel.note!, /而非紧邻的6件÷43件/);
});

test('not figures: dates, years, document numbers, section numbers, fixed phrases', () => {
  const text = '2024年12月5日，依据青政办发〔2023〕12号和[2022]3号文件，落实“三项制度”、“八五普法”、“两个维护”和“三重一大”，推进“一件事一次办”。1.加强领导。(2)完善制度。党的二十届三中全会。一起部署，一项重要任务。第3次会议。7.0版方案。';
  assert.deepEqual(extractFigures(text).map((f) => f.text), []);
});

test('figures: Chinese numerals, 万/亿, ranges, approximations, units, and what they count', () => {
  assert.equal(chineseNumber('一千二百零五'), 1205);
  assert.equal(chineseNumber('两万'), 20000);
  assert.equal(chineseNumber('十二'), 12);
  const f = extractFigures('普法活动200余场，受众2万余人次，近80个单位参加，处理期限为5-15个工作日，资金1.5亿元，合格率提高3.2个百分点，全年培训执法人员三百人，15个部门梳理权责清单。');
  const by = (t: string) => f.find((x) => x.text === t)!;
  assert.deepEqual([by('200余场').value, by('200余场').approx], [200, true]);
  assert.deepEqual([by('2万余人次').value, by('2万余人次').unit], [20000, '人次']);
  assert.equal(by('近80个').approx, true);
  assert.deepEqual([by('5-15个工作日').value, by('5-15个工作日').max, by('5-15个工作日').unit], [5, 15, '个工作日']);
  assert.deepEqual([by('1.5亿元').value, by('1.5亿元').unit], [1.5, '亿元']);
  assert.equal(by('3.2个百分点').unit, '个百分点');
  assert.equal(by('三百人').value, 300);
  assert.equal(by('15个').counts, '部门梳理权责清单');
  assert.equal(by('200余场').counts, '普法活动');
});

test('formats: HTML page, GBK text, .docx and PDF give the same findings as the plain text', async () => {
  const html = await ingest('004-page.html', bytes('reports/004-page.html'));
  assert.equal(html.format, 'html');
  const fromHtml = analyze('004-page.html', html.text);
  const fromText = analyze('004', seed('004'));
  assert.deepEqual(fromHtml.figures.map((f) => f.text), fromText.figures.map((f) => f.text));
  for (const f of fromHtml.figures) assert.equal(html.source.slice(f.start, f.end), f.text, 'offsets index the page source');
  for (const junk of ['首页', '当前位置', '分享到', '统计代码', '字体大小', '网站标识码', '无障碍']) assert.ok(!fromHtml.view.text.includes(junk), junk);
  assert.equal(fromHtml.title, '区政务服务办2024年度法治政府建设情况报告');

  const gbk = await analyzeFile('001-gbk.txt', bytes('reports/001-gbk.txt'));
  assert.ok(!('error' in gbk) && gbk.inconsistencies.some((x) => x.kind === 'part_exceeds_whole'));

  const docx = await analyzeFile('002.docx', bytes('reports/002.docx'));
  assert.ok(!('error' in docx) && docx.format === 'docx');
  assert.ok(!('error' in docx) && docx.relations.some((r) => r.kind === 'sum' && r.stated === 60));

  const pdf = await analyzeFile('001.pdf', bytes('reports/001.pdf'));
  assert.ok(!('error' in pdf), 'pdf read');
  if (!('error' in pdf)) {
    assert.equal(pdf.entity, '中共昌江区委昌江区人民政府');
    assert.ok(pdf.inconsistencies.some((x) => x.kind === 'part_exceeds_whole'));
    assert.ok(pdf.relations.some((r) => r.stated === 91.2));
  }
});

test('bad input gets a clear message, never a crash or a hang', async () => {
  const reject = async (name: string, data: Uint8Array, re: RegExp) => {
    await assert.rejects(ingest(name, data), (e: unknown) => e instanceof AppError && re.test(e.message));
  };
  await reject('empty.txt', new Uint8Array(0), /空文件/);
  await reject('blob.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256), /不是文本、网页、Word/);
  await reject('huge.txt', new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41), /超过30MB/);
  await reject('scanned.pdf', bytes('reports/scanned.pdf'), /没有文字层/);
  await reject('broken.pdf', new TextEncoder().encode('%PDF-1.4 garbage'), /PDF 文件无法打开/);
  await reject('old.doc', new TextEncoder().encode('whatever'), /另存为 \.docx/);
  await reject('fake.docx', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]), /损坏|不是/);
  // Broken HTML: unclosed tags and an unclosed nav still give the text.
  const broken = htmlText('<div><p>一、主要举措<p>受理案件10件，其中办结12件<div class="nav">首页');
  assert.match(broken.text, /一、主要举措\n受理案件10件，其中办结12件/);
  // A 20 MB report-like text is processed, not refused, and in bounded time.
  const big = seed('001').repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(seed('001'))));
  const r = await analyzeFile('big.txt', new TextEncoder().encode(big));
  assert.ok(!('error' in r) && r.figures.length > 1000);
});
