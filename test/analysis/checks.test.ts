import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis/analyze.ts';
import { crossYearFindings } from '../../src/analysis/years.ts';
import { evaluate, consistencySet } from '../fixtures/analysis/evaluate.ts';
import { generateCases, KINDS } from '../fixtures/analysis/generate.ts';

const check = (texts: string[]) => {
  const reports = texts.map((t, i) => analyze(`report-${i}.txt`, t));
  const last = reports[reports.length - 1];
  return [...last.inconsistencies, ...(crossYearFindings(reports).get(last.file) ?? [])];
};
const findings = (t: string) => analyze('x', t).inconsistencies;

test('the goal on the test set: ≥95% of planted errors found, ≤2% of consistent texts flagged, no high-confidence false alarm', () => {
  const { perKind, all } = evaluate(check);
  for (const k of perKind) {
    assert.ok(k.recall >= 95, `${k.kind}: recall ${k.recall}%`);
    assert.ok(k.falseAlarmRate <= 2, `${k.kind}: false alarms ${k.falseAlarmRate}%`);
    assert.equal(k.highFalse, 0, `${k.kind}: high-confidence false alarms`);
  }
  assert.ok(all.planted >= 500 && all.consistent >= 500);
  assert.deepEqual(perKind.map((k) => k.kind), KINDS);
});

test('the goal holds on a set drawn with another seed (nothing tuned to one sample)', () => {
  const { all } = evaluate(check, generateCases(7, 40));
  assert.ok(all.recall >= 95, `recall ${all.recall}%`);
  assert.ok(all.falseAlarmRate <= 2, `false alarms ${all.falseAlarmRate}%`);
  assert.equal(all.highFalse, 0);
});

test('the set is what it says: every kind has planted and consistent cases, each case has text', () => {
  const set = consistencySet();
  for (const k of KINDS) {
    assert.ok(set.some((c) => c.kind === k && c.planted) && set.some((c) => c.kind === k && !c.planted), k);
  }
  assert.ok(set.every((c) => c.texts.every((t) => t.length > 10)));
  assert.equal(new Set(set.map((c) => c.id)).size, set.length);
});

test('rates: the numerator and denominator the sentence names, in every usual form', () => {
  const [f] = findings('受理投诉举报320件，办结304件，办结率90%。');
  assert.deepEqual([f.kind, f.stated, f.computed, f.confidence], ['rate_mismatch', 90, 95, 'high']);
  assert.match(f.message, /304件÷320件=95%/);
  assert.equal(findings('办结1258件，占全年受理投诉举报2067件的46.9%。')[0]?.computed, 60.86);
  assert.equal(findings('全年共发生行政应诉案件24件，行政机关负责人出庭应诉21件，出庭应诉率达到百分之百。')[0]?.computed, 87.5);
  // Precision traps: rounding both ways, another base, 均为100%, a rate with no stated parts.
  assert.deepEqual(findings('审结行政复议案件80件，其中直接纠错5件，纠错率6.2%。'), []);
  assert.deepEqual(findings('审结行政复议案件80件，其中直接纠错5件，纠错率6.3%。'), []);
  assert.deepEqual(findings('收到申请45件，受理41件，审结43件，其中纠错6件，纠错率为14.6%。').filter((x) => x.kind === 'rate_mismatch'), []);
  assert.deepEqual(findings('办理人大代表建议60件、政协提案40件，办结率、满意率均为100%。'), []);
  assert.deepEqual(findings('检查企业120家，发现问题45家，整改率100%。'), []);
});

test('parts and wholes: across the sentence boundary, split by ；, totals after the parts, 在…中, nested 其中', () => {
  assert.equal(findings('全年新收行政复议案件86件。其中，维持52件，撤销19件，驳回17件，终止5件。')[0]?.kind, 'parts_exceed_whole');
  assert.equal(findings('受理1373起，其中：劳动争议288起；交通事故纠纷149起；邻里纠纷1386起。')[0]?.kind, 'part_exceeds_whole');
  const [sum] = findings('行政许可186项；行政处罚1203项；行政强制47项；其他215项，共计1641项。');
  assert.deepEqual([sum.kind, sum.stated, sum.computed, sum.confidence], ['sum_mismatch', 1641, 1651, 'high']);
  assert.equal(findings('在全年办理的214件信访事项中，按期办结198件，逾期办结23件。')[0]?.stated, 221);
  assert.deepEqual(findings('审查规范性文件42件，其中提出修改意见的31件（其中被采纳29件），退回补正3件。'), []);
  assert.deepEqual(findings('开展普法活动120场，包括宪法宣传周30场、民法典进社区40场等。'), []);
});

test('year on year, reductions and counted lists', () => {
  assert.equal(findings('全年新收行政诉讼案件56件，较上年的70件增长20%。')[0]?.kind, 'yoy_mismatch');
  assert.equal(findings('全年新收行政诉讼案件56件，较上年的70件下降25%。')[0]?.computed, -20);
  assert.deepEqual(findings('全年新收行政诉讼案件56件，较上年的70件下降20%。'), []);
  assert.deepEqual(findings('行政复议案件数量同比增长35.6%。'), []);
  assert.equal(findings('企业开办时间由3个工作日压缩至5个工作日。')[0]?.kind, 'reduction_mismatch');
  assert.equal(findings('所需材料由86份精简至52份，精简率达到45.3%。')[0]?.computed, 39.53);
  assert.deepEqual(findings('审批时限由法定的20-30个工作日压缩至8个工作日，压缩60%。').filter((x) => x.kind !== 'reduction_mismatch'), []);
  assert.equal(findings('开展3场法治讲座：行政复议法解读、行政诉讼实务、行政处罚法要点、行政许可法要点。')[0]?.computed, 4);
  assert.equal(findings('我局从五个方面推进依法行政：一是健全制度；二是规范执法。三是强化监督；四是提升素质。')[0]?.computed, 4);
  assert.deepEqual(findings('出台三项制度：《行政执法公示、全过程记录办法》、《重大执法决定法制审核办法》和《行政裁量权基准》。'), []);
});

test('year on year against last year\'s report of the same body (and not of another body)', () => {
  const last = analyze('2023.txt', '白石县人民政府2023年法治政府建设年度报告\n一、主要举措和成效\n全县收到行政复议申请120件。\n');
  const now = analyze('2024.txt', '白石县政府2024年法治政府建设年度报告\n一、主要举措和成效\n全县收到行政复议申请150件，同比增长20%。\n');
  const other = analyze('other.txt', '临江县2024年法治政府建设年度报告\n一、主要举措和成效\n全县收到行政复议申请150件，同比增长20%。\n');
  const [f] = crossYearFindings([last, now, other]).get('2024.txt') ?? [];
  assert.equal(f?.computed, 25);
  assert.match(f.message, /上年报告（2023\.txt）/);
  assert.equal(crossYearFindings([last, now, other]).get('other.txt'), undefined);
});

test('numerals: 万/亿 inside Chinese numerals, traditional 萬, full-width digits, digits broken by spaces', () => {
  const fig = (t: string) => analyze('x', t).figures.map((f) => f.value);
  assert.deepEqual(fig('受理一万一千件，其中咨询类八千四百件，办结一万零四百五十件'), [11000, 8400, 10450]);
  assert.deepEqual(fig('接待來訪群眾一萬八千人次'), [18000]);
  assert.deepEqual(fig('受理１２４５件，办结率９６.４％'), [1245, 96.4]);
  assert.deepEqual(fig('检查市场主体4 827 家次，其中企业1 215 家次'), [4827, 1215]);
  assert.deepEqual(fig('资金三万元，满意率百分之百，合格率百分之九十五'), [3, 100, 95]);
  assert.equal(findings('检查市场主体4 827 家次，其中企业1 215 家次，个体户3 812 家次。')[0]?.kind, 'parts_exceed_whole');
});
