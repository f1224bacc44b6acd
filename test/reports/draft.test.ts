import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { loadSeed001 } from '../fixtures/seed001-records.ts';
import { draftAchievements } from '../../src/reports/draft.ts';
import { renderTokens, tokensIn } from '../../src/reports/tokens.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { openReport, updateReport, renderReport, reportAsDocx } from '../../src/reports/report.ts';
import { unzipSync, strFromU8 } from 'fflate';
import { checkReport } from '../../src/reports/check.ts';
import { rejects, assignDuties } from '../helpers.ts';
import { createUser, actorById } from '../../src/kernel/auth/sessions.ts';
import { OUTLINES, outlineFor, type Outline } from '../../src/kernel/cases/outlines.ts';

eachDatabase('report sentences and drafts', (tdb) => {
  let w: World;
  let gov: number;
  const year2024 = { from: '2024-01-01', to: '2024-12-31' };
  before(async () => {
    w = await makeWorld(tdb, '2025-01-20');
    gov = (await loadSeed001(w.k)).government;
  });
  after(async () => w.conn.close());

  test("every institution's report sentences name only indicators that exist", () => {
    for (const t of w.k.types.all()) {
      for (const s of t.report?.sentences ?? []) for (const ref of tokensIn(s)) assert.doesNotThrow(() => w.k.types.indicator(ref), `${t.key}: ${ref}`);
    }
    assert.ok(w.k.types.all().filter((t) => t.report).length >= 19, 'every case type and activity has report sentences');
  });

  test("seed 001's figures as records: the draft states them, with 调解成功率 91.2% computed", async () => {
    const draft = await draftAchievements(w.k, gov, 2024);
    const text = draft.flatMap((a) => a.sentences).join('');
    const rendered = await renderTokens(w.k, text, { orgId: gov, ...year2024 });
    assert.deepEqual(rendered.unknown, []);
    assert.match(rendered.text, /全区各级人民调解组织共开展矛盾纠纷排查605次/);
    assert.match(rendered.text, /受理人民调解案件297起，成功调解271起，调解成功率达91\.2%/);
    assert.match(rendered.text, /全年共收到行政复议申请57件，受理50件，审结49件/);
    assert.match(rendered.text, /办理法律援助案件502件，受援人数602人/);
    assert.match(rendered.text, /开展普法宣传活动200场，受众26000人次/);
    const rate = rendered.figures.find((f) => f.token === '人民调解.成功率')!;
    assert.deepEqual([rate.numerator, rate.denominator, rate.display], [271, 297, '91.2%']);
    // Areas with no records this year are not in the draft.
    assert.ok(!/12345/.test(rendered.text));
    assert.deepEqual(draft.map((a) => a.area), ['disputes', 'publicity']);
    // The platform's own checker finds the rendered draft consistent.
    const a = analyze('draft', rendered.text);
    assert.deepEqual(a.inconsistencies, []);
    assert.ok(a.relations.some((r) => r.kind === 'rate' && r.stated === 91.2));
  });

  test('the areas follow the 纲要 in force for the report year; a year past the last one keeps it provisionally', async () => {
    assert.deepEqual([outlineFor(2025).outline.key, outlineFor(2025).provisional], ['2021-2025', false]);
    assert.deepEqual([outlineFor(2026).outline.key, outlineFor(2026).provisional], ['2021-2025', true]);
    // A successor entered for 2026 applies to 2026 reports only; 2025 keeps its own.
    const next: Outline = { key: 'next', title: '后续纲要（测试）', from: 2026, to: 2030, areas: [{ key: 'all', heading: '测试领域', covers: ['disputes', 'publicity'] }] };
    assert.equal(outlineFor(2026, [...OUTLINES, next]).outline.key, 'next');
    assert.equal(outlineFor(2026, [...OUTLINES, next]).provisional, false);
    assert.equal(outlineFor(2025, [...OUTLINES, next]).outline.key, '2021-2025');
    // Grouping follows the outline: one heading that covers two platform areas takes both areas' sentences.
    const merged: Outline = { key: 'merged', title: '合并（测试）', from: 2024, to: 2024, areas: [{ key: 'all', heading: '化解纠纷与普法', covers: ['disputes', 'publicity'] }] };
    const draft = await draftAchievements(w.k, gov, 2024, [merged]);
    assert.deepEqual(draft.map((a) => a.heading), ['化解纠纷与普法']);
    assert.ok(draft[0].sentences.some((x) => x.includes('人民调解')) && draft[0].sentences.some((x) => x.includes('普法活动')));
    // The checker tells the writer of a 2026 report that the areas are carried over.
    const r = await openReport(w.k, null, gov, 2026);
    const found = await checkReport(w.k, { ...r, sections: r.sections as any[] });
    assert.ok(found.findings.some((f) => f.rule === 'outline' && /尚未登记适用于2026年度/.test(f.message)));
    const r24 = await openReport(w.k, null, gov, 2024);
    assert.ok(!(await checkReport(w.k, { ...r24, sections: r24.sections as any[] })).findings.some((f) => f.rule === 'outline'));
  });

  test('a report opens as a draft from records; the checker names what is missing, typed figures and contradictions', async () => {
    const r = await openReport(w.k, null, gov, 2024);
    assert.equal(r.title, '昌江区人民政府2024年法治政府建设年度报告');
    const sections = r.sections as any[];
    assert.deepEqual(sections.map((s) => s.kind), ['achievements', 'shortcomings', 'first_responsibility', 'next_year']);
    assert.match(sections[0].body, /\{\{人民调解\.受理\}\}/, 'the draft keeps tokens, not numbers');
    const first = await checkReport(w.k, { ...r, sections });
    assert.equal(first.ok, false);
    assert.deepEqual(first.findings.filter((f) => f.rule === 'structure').map((f) => f.section), ['shortcomings', 'next_year']);
    // Law: a district government reports 3月1日之前 (last day 02-28), not by 4月1日.
    assert.deepEqual(first.deadline, { due: '2025-02-28', daysLeft: 39 });

    // The writer fills the gaps, and hand-types seed 001's contradiction and a number the platform holds.
    sections[0].body += '\n录入双随机监管事项93件，其中联合部门检查事项94件，占比100%。另受理人民调解案件297起。';
    sections[1].body = '一是部分执法人员专业素质不高，主要原因是培训不够系统。';
    sections[3].body = '一是加强执法人员专业培训，全年轮训一遍。';
    const writerId = await createUser(w.k.db, { orgId: gov, username: 'cj-writer', displayName: '昌江区起草人', role: 'clerk', password: 'Test@12345' });
    await assignDuties(w.k, writerId, [{ orgId: gov, subunits: false, subject: 'reports', actions: ['edit'] }]);
    const writer = (await actorById(w.k.db, writerId))!;
    await rejects(updateReport(w.k, w.admin, r.id, { version: r.version, title: r.title, sections }), 403, /管辖范围/);
    await updateReport(w.k, writer, r.id, { version: r.version, title: r.title, sections });
    await rejects(updateReport(w.k, writer, r.id, { version: r.version, title: r.title, sections }), 409, /已被他人修改/);
    const saved = await openReport(w.k, null, gov, 2024);
    const second = await checkReport(w.k, { ...saved, sections: saved.sections as any });
    assert.deepEqual(second.findings.filter((f) => f.rule === 'structure'), []);
    assert.ok(second.findings.some((f) => f.rule === 'consistency' && /94件大于总数93件/.test(f.message)));
    const typed = second.findings.find((f) => f.rule === 'typed_figure')!;
    assert.match(typed.message, /「297起」.*\{\{人民调解\.受理\}\}/);
    assert.ok(!second.findings.some((f) => f.rule === 'causes' || f.rule === 'plans'), 'causes given, plans answer the problem');
    const rendered = await renderReport(w.k, { ...saved, sections: saved.sections as any });
    assert.equal(rendered.sections[0].number, '一、');
    assert.match(rendered.sections[0].rendered, /调解成功率达91\.2%/);
  });

  test('the report renders as a GB/T 9704 公文 .docx: A4, margins, fonts, 22-line grid, page numbers, signature', async () => {
    const r = await openReport(w.k, null, gov, 2024);
    const files = unzipSync(new Uint8Array(await reportAsDocx(w.k, { ...r, sections: r.sections as any })));
    const doc = strFromU8(files['word/document.xml']);
    assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
    for (const [side, twips] of [['top', 2098], ['right', 1474], ['bottom', 1985], ['left', 1588]] as const) assert.match(doc, new RegExp(`w:${side}="${twips}"`), side);
    assert.match(doc, /<w:docGrid w:type="lines" w:linePitch="579"/);
    assert.match(doc, /w:line="579" w:lineRule="exact"/);
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体']) assert.ok(doc.includes(`w:eastAsia="${font}"`), font);
    assert.match(doc, /<w:sz w:val="44"\/>[\s\S]*?<w:t[^>]*>昌江区人民政府<\/w:t>[\s\S]*?<w:br\/>[\s\S]*?<w:t[^>]*>2024年法治政府建设年度报告<\/w:t>/, 'title in 2号, broken after the org name');
    assert.match(doc, /一、2024年推进法治政府建设的主要举措和成效/);
    assert.match(doc, /受理人民调解案件297起，成功调解271起，调解成功率达91\.2%/);
    assert.match(doc, /昌江区人民政府<\/w:t>[\s\S]*2025年1月20日<\/w:t>/, 'signature and date at the end');
    assert.match(strFromU8(files['word/settings.xml']), /<w:evenAndOddHeaders/);
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => strFromU8(files[f]));
    assert.equal(footers.length, 2);
    assert.ok(footers.every((f) => /PAGE/.test(f) && f.includes('— ')), 'page numbers — n — on odd and even pages');
    assert.deepEqual(footers.map((f) => /w:jc w:val="(\w+)"/.exec(f)![1]).sort(), ['left', 'right']);
  });

  test('tokens of different institutions, interleaved, each render their own value', async () => {
    const r = await renderTokens(w.k, '复议受理{{行政复议.受理}}件，调解受理{{人民调解.受理}}起，复议收到{{reconsideration.received}}件，成功率{{人民调解.成功率}}。', { orgId: gov, ...year2024 });
    assert.equal(r.text, '复议受理50件，调解受理297起，复议收到57件，成功率91.2%。');
  });

  test('an unknown token is named, never guessed', async () => {
    const r = await renderTokens(w.k, '受理{{人民调解.受理}}起，另有{{人民调解.不存在}}件。', { orgId: gov, ...year2024 });
    assert.equal(r.text, '受理297起，另有{{人民调解.不存在}}件。');
    assert.deepEqual(r.unknown, ['人民调解.不存在']);
  });
});
