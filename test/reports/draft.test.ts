import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { loadSeed001 } from '../fixtures/seed001-records.ts';
import { draftAchievements } from '../../src/reports/draft.ts';
import { renderTokens, tokensIn } from '../../src/reports/tokens.ts';
import { analyze } from '../../src/analysis/analyze.ts';

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

  test('an unknown token is named, never guessed', async () => {
    const r = await renderTokens(w.k, '受理{{人民调解.受理}}起，另有{{人民调解.不存在}}件。', { orgId: gov, ...year2024 });
    assert.equal(r.text, '受理297起，另有{{人民调解.不存在}}件。');
    assert.deepEqual(r.unknown, ['人民调解.不存在']);
  });
});
