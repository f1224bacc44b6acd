import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, assignDuties, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { inspectionsThisYear, enterpriseInspection } from '../../src/institutions/enterprise-inspection/index.ts';
import { checkConsistency } from '../../src/analysis/consistency.ts';
import { TOKEN } from '../../src/reports/tokens.ts';
import { clerkDuties } from '../../src/demo/duties.ts';
import { draftAchievements } from '../../src/reports/draft.ts';
import { getOrg } from '../../src/kernel/orgs.ts';
import { actorById } from '../../src/kernel/auth/sessions.ts';

/**
 * 涉企行政检查 (国办发〔2024〕54号) and 行政执法监督 (国务院令第825号) on both databases: the yearly
 * cap reads other inspections in SQL, and the indicators count what the steps recorded.
 */
eachDatabase('涉企行政检查 and 行政执法监督', (tdb) => {
  let w: World;
  const CODE = '91360000MA0000009X';
  const cert = (certNo: string) => createCase(w.k, null, { type: 'enforcement_certificate', orgId: w.justice, fields: { receivedOn: '2025-01-10', holder: `执法员${certNo.slice(-2)}`, certNo, field: '司法行政' } });
  const record = { officer1: 'JC2025001', officer2: 'JC2025002', certificatesShown: true, told: true, findings: '查看台账' };
  const inspection = (receivedOn: string, extra: Record<string, unknown> = {}) =>
    createCase(w.k, w.clerk, {
      type: 'enterprise_inspection',
      orgId: w.justice,
      fields: { receivedOn, kind: 'routine', item: '法律服务机构执业检查', target: '某律师事务所', creditCode: CODE, mode: 'onsite', annualCap: 2, ...extra },
    });
  const step = (id: number, action: string, on: string, data: Record<string, unknown> = {}, who = w.clerk) => performAction(w.k, who, id, action, { on, data });
  /** The 监督机构's steps (demo: officeDuties); the unit only reports and objects. */
  const OFFICE = ['intake', 'accept', 'reject', 'no_issue', 'corrected_on_spot', 'issue', 'accept_rectification', 'reject_rectification', 'uphold', 'withdraw'];

  before(async () => {
    w = await makeWorld(tdb, '2025-12-31');
    await cert('JC2025001');
    await cert('JC2025002');
  });
  after(async () => w.conn.close());

  test('the yearly cap counts this org’s recorded inspections of the enterprise, not exempt ones, not last year’s', async () => {
    const done = async (receivedOn: string, extra: Record<string, unknown> = {}) => {
      const id = await inspection(receivedOn, extra);
      await step(id, 'approve', receivedOn, { approver: '局长' });
      await step(id, 'record', receivedOn, { ...record, scanned: true });
      await step(id, 'conclude', receivedOn, { result: 'rectify', told: true });
      return id;
    };
    await done('2025-03-03');
    await done('2025-04-01', { kind: 'special', superiorSpecial: true, joint: true, partners: '区市场监管局' });
    assert.equal(await inspectionsThisYear(w.k.db, w.justice, CODE, '2025-06-01'), 1, 'the superior-deployed 专项检查 is not counted');
    await done('2025-05-06', { mode: 'offsite' });
    assert.equal(await inspectionsThisYear(w.k.db, w.justice, CODE, '2025-06-01'), 2);
    assert.equal(await inspectionsThisYear(w.k.db, w.justice, CODE, '2026-01-05'), 0, 'a new year starts from zero');
    assert.equal(await inspectionsThisYear(w.k.db, w.education, CODE, '2025-06-01'), 0, 'another department has its own count');

    const third = await inspection('2025-06-02');
    await step(third, 'approve', '2025-06-02', { approver: '局长' });
    // A step the 意见 (国办发〔2024〕54号) does not allow is a 409, like one an article forbids.
    await rejects(step(third, 'record', '2025-06-03', record), 409, /年度检查频次上限2次.*54号/);
    assert.equal((await getCase(w.k, w.clerk, third)).state, 'approved', 'a refused step changes nothing');

    const v = Object.fromEntries(
      (await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['涉企行政检查.涉企检查', '涉企行政检查.联合检查', '涉企行政检查.入企检查', '涉企行政检查.非现场检查', '涉企行政检查.联合检查占比', '涉企行政检查.扫码入企率', '涉企行政检查.发现问题'])).map((x) => [x.name, x.value]),
    );
    assert.equal(v['涉企行政检查.涉企检查'], 3);
    assert.equal(v['涉企行政检查.入企检查'], 2);
    assert.equal(v['涉企行政检查.非现场检查'], 1);
    assert.equal(Math.round(Number(v['涉企行政检查.联合检查占比'])), 33);
    assert.equal(v['涉企行政检查.发现问题'], 3);
    // The report sentence, filled in, passes the report checker: its rate follows its own parts.
    const filled = enterpriseInspection.report!.sentences[0].replace(TOKEN, (_, ref: string) => (ref.endsWith('占比') ? `${Number(v[ref]).toFixed(1)}%` : String(v[ref])));
    assert.match(filled, /联合检查1户次，联合检查占比33\.3%/);
    assert.deepEqual(checkConsistency(filled, []).findings, []);
  });

  test('行政执法监督: the unit reports its own 整改 against the deadline the 意见书 set; indicators count it', async () => {
    const edu = await getOrg(w.k.db, w.education);
    // The 教体局 clerk has the unit's duty only: reporting 整改, nothing else of the 监督机构's.
    await assignDuties(w.k, w.eduClerk.id, clerkDuties(edu, { enforcer: false, petitions: false, justice: false }));
    await assignDuties(w.k, w.admin.id, [{ orgId: w.district, subunits: true, subject: 'case:enforcement_oversight', actions: OFFICE }]);
    const admin = (await actorById(w.k.db, w.admin.id))!;
    const unit = (await actorById(w.k.db, w.eduClerk.id))!;
    const open = (receivedOn: string, source = 'complaint') =>
      createCase(w.k, admin, { type: 'enforcement_oversight', orgId: w.education, fields: { receivedOn, source, matter: '校外培训检查未亮证', parties: [{ role: 'applicant', name: '赵六' }] } });
    const id = await open('2025-09-01');
    await step(id, 'accept', '2025-09-02', {}, admin);
    await step(id, 'issue', '2025-09-10', { document: 'opinion', problems: '未亮证', days: 20, method: 'direct', servedOn: '2025-09-10' }, admin);
    await rejects(step(id, 'issue', '2025-09-10', { document: 'decision', problems: 'x', days: 5, method: 'direct', servedOn: '2025-09-10' }, unit), 403);
    await rejects(step(id, 'report_rectification', '2025-09-25', { summary: '已整改' }, admin), 403);
    await step(id, 'report_rectification', '2025-09-25', { summary: '已整改' }, unit);
    const c = await getCase(w.k, admin, id);
    const clock = c.clocks.find((k: any) => k.key === 'rectification')!;
    assert.equal(clock.dueOn, '2025-09-30');
    assert.equal(clock.late, false);
    await step(id, 'accept_rectification', '2025-09-26', { review: '到位' }, admin);

    const other = await open('2025-10-09', 'routine');
    await step(other, 'accept', '2025-10-09', {}, admin);
    // A 决定书 is the government's, for a 重大问题 (条例 art. 29).
    await step(other, 'issue', '2025-10-10', { document: 'decision', major: true, governmentDecidedOn: '2025-10-09', problems: '越权检查', days: 10, method: 'direct', servedOn: '2025-10-10' }, admin);
    const v = Object.fromEntries(
      (await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['行政执法监督.监督事项', '行政执法监督.投诉举报', '行政执法监督.监督意见书', '行政执法监督.监督决定书', '行政执法监督.整改率', '行政执法监督.按期整改率'])).map((x) => [x.name, x.value]),
    );
    assert.equal(v['行政执法监督.监督事项'], 2);
    assert.equal(v['行政执法监督.投诉举报'], 1);
    assert.equal(v['行政执法监督.监督意见书'], 1);
    assert.equal(v['行政执法监督.监督决定书'], 1);
    assert.equal(Number(v['行政执法监督.整改率']), 50);
    assert.equal(Number(v['行政执法监督.按期整改率']), 100);

    // The annual report's first draft states both, under their areas of the 实施纲要.
    const draft = await draftAchievements(w.k, w.district, 2025);
    const said = (area: string) => draft.find((a) => a.area === area)?.sentences.join('') ?? '';
    assert.match(said('enforcement'), /\{\{涉企行政检查\.涉企检查\}\}户次/);
    assert.match(said('oversight'), /整改到位\{\{行政执法监督\.整改到位\}\}件/);
  });

  test('行政执法监督: the 条例’s step rules (arts. 26, 29, 30, 33) are 409s naming the article; the 条例 sets no day count', async () => {
    // Dated before the 条例's entry into force only because the test world's today is 2025-12-31.
    const edu = await getOrg(w.k.db, w.education);
    await assignDuties(w.k, w.eduClerk.id, clerkDuties(edu, { enforcer: false, petitions: false, justice: false }));
    // The 司法局 is given the unit's 异议 duty too here, so that the article's own check is what refuses it.
    await assignDuties(w.k, w.admin.id, [{ orgId: w.district, subunits: true, subject: 'case:enforcement_oversight', actions: [...OFFICE, 'object'] }]);
    const admin = (await actorById(w.k.db, w.admin.id))!;
    const unit = (await actorById(w.k.db, w.eduClerk.id))!;
    const open = (fields: Record<string, unknown>) =>
      createCase(w.k, admin, { type: 'enforcement_oversight', orgId: w.education, fields: { receivedOn: '2025-11-03', source: 'complaint', matter: '反映校外培训检查罚款过重', parties: [{ role: 'applicant', name: '钱七' }], ...fields } });
    const served = { method: 'direct', servedOn: '2025-11-10' };

    // Art. 33 ¶3: a dispute already before 复议 or a court is not supervised again.
    const pending = await open({ reviewStatus: 'pending' });
    await rejects(step(pending, 'accept', '2025-11-04', { guidance: '已告知' }, admin), 409, /不重复监督.*第三十三条第三款/);
    await step(pending, 'reject', '2025-11-04', { reason: '已在行政复议中' }, admin);
    assert.equal((await getCase(w.k, admin, pending)).state, 'not_accepted');
    // One that could go there: the 引导 is recorded before either answer.
    const eligible = await open({ reviewStatus: 'eligible' });
    await rejects(step(eligible, 'reject', '2025-11-04', { reason: '不予受理' }, admin), 409, /引导当事人.*第三十三条第三款/);
    await rejects(step(eligible, 'accept', '2025-11-04', {}, admin), 409, /引导当事人/);
    await step(eligible, 'accept', '2025-11-04', { guidance: '已告知可申请行政复议' }, admin);

    // Art. 29: no 决定书 for an ordinary first finding, and none without the government's decision.
    await rejects(step(eligible, 'issue', '2025-11-10', { document: 'decision', problems: '罚款过重', days: 15, ...served }, admin), 409, /重大问题.*第二十九条/);
    await rejects(step(eligible, 'issue', '2025-11-10', { document: 'decision', major: true, problems: '罚款过重', days: 15, ...served }, admin), 409, /本级人民政府决定.*第二十九条/);
    await rejects(step(eligible, 'issue', '2025-11-10', { document: 'decision', major: true, governmentDecidedOn: '2025-11-11', problems: '罚款过重', days: 15, ...served }, admin), 400, /不能晚于/);
    await rejects(step(eligible, 'issue', '2025-11-10', { document: 'opinion', governmentDecidedOn: '2025-11-07', problems: '罚款过重', days: 15, ...served }, admin), 400, /只有行政执法监督决定书/);
    await step(eligible, 'issue', '2025-11-10', { document: 'opinion', problems: '罚款过重，未考虑减轻情节', days: 15, ...served }, admin);

    // Art. 30: the 异议 is the unit's, with reasons; upheld, the deadline the 意见书 set still runs.
    await rejects(step(eligible, 'object', '2025-11-11', { reasons: '代提' }, admin), 409, /被监督的行政执法机关提出.*第三十条/);
    await rejects(step(eligible, 'object', '2025-11-11', { reasons: '' }, unit), 400);
    await step(eligible, 'object', '2025-11-11', { reasons: '已按裁量基准' }, unit);
    await rejects(step(eligible, 'uphold', '2025-11-12', { reply: '维持' }, unit), 403);
    await step(eligible, 'uphold', '2025-11-13', { reply: '基准未考虑首违情节，维持' }, admin);
    let c = await getCase(w.k, admin, eligible);
    assert.equal(c.state, 'rectifying');
    assert.equal(c.clocks.find((k: any) => k.key === 'rectification')!.dueOn, '2025-11-25');

    // Not corrected as the 意见书 required: the 决定书 the government decided, with a new 时限.
    await step(eligible, 'report_rectification', '2025-11-20', { summary: '已重新审查' }, unit);
    await rejects(step(eligible, 'reject_rectification', '2025-11-24', { review: '未变更', days: 10, document: 'decision', method: 'direct', servedOn: '2025-11-24' }, admin), 409, /本级人民政府决定日期.*第二十九条/);
    await step(eligible, 'reject_rectification', '2025-11-28', { review: '未变更，报区政府决定', days: 10, document: 'decision', governmentDecidedOn: '2025-11-27', method: 'direct', servedOn: '2025-11-28' }, admin);
    c = await getCase(w.k, admin, eligible);
    assert.equal(c.clocks.find((k: any) => k.key === 'rectification')!.dueOn, '2025-12-08');

    // Art. 26 ¶2: corrected on the spot, closed without a 文书.
    const spot = await open({ source: 'routine', parties: undefined });
    await step(spot, 'accept', '2025-11-03', {}, admin);
    await step(spot, 'corrected_on_spot', '2025-11-03', { correction: '现场更新公示栏' }, admin);
    assert.equal((await getCase(w.k, admin, spot)).outcome, 'corrected');

    const v = Object.fromEntries(
      (await computeIndicators(w.k, { orgId: w.district, from: '2025-11-01', to: '2025-12-31' }, ['行政执法监督.监督决定书', '行政执法监督.监督意见书', '行政执法监督.当场纠正', '行政执法监督.异议'])).map((x) => [x.name, x.value]),
    );
    assert.equal(v['行政执法监督.监督决定书'], 1, 'the 决定书 after a failed 复查 counts');
    assert.equal(v['行政执法监督.监督意见书'], 1);
    assert.equal(v['行政执法监督.当场纠正'], 1);
    assert.equal(v['行政执法监督.异议'], 1);
  });
});
