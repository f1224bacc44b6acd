import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { claimDue, stateCompensation } from '../../src/institutions/state-compensation/index.ts';
import { checkConsistency } from '../../src/analysis/consistency.ts';
import { TOKEN } from '../../src/reports/tokens.ts';
import { draftAchievements } from '../../src/reports/draft.ts';
import { verifyChain } from '../../src/kernel/audit/audit.ts';
import { bulkBatch } from '../../src/kernel/cases/bulk.ts';

/**
 * 行政赔偿 (国家赔偿法 2012, arts. 12–14, 39) on both databases: the 赔偿义务机关 (here the 教体局,
 * whose act caused the harm) handles its own claims; the clocks and indicators follow the steps.
 */
eachDatabase('行政赔偿', (tdb) => {
  let w: World;
  const open = (receivedOn: string, extra: Record<string, unknown> = {}) =>
    createCase(w.k, w.eduClerk, {
      type: 'state_compensation',
      orgId: w.education,
      fields: { receivedOn, channel: 'mail', act: '违法扣押培训设备', harm: 'property', claimed: 20000, parties: [{ role: 'applicant', name: '李四' }], ...extra },
    });
  const step = (id: number, action: string, on: string, data: Record<string, unknown> = {}, who = w.eduClerk) => performAction(w.k, who, id, action, { on, data });
  const clock = async (id: number, key: string) => (await getCase(w.k, w.eduClerk, id)).clocks.find((c: any) => c.key === key)!;

  before(async () => {
    w = await makeWorld(tdb, '2025-12-31');
  });
  after(async () => w.conn.close());

  test('the 赔偿义务机关 handles its own claim: 听取意见 before 决定赔偿, 决定书 served within 10 日; another bureau cannot even see it', async () => {
    const id = await open('2025-03-03');
    const c = await getCase(w.k, w.eduClerk, id);
    assert.match(c.number, /^区教体局赔〔2025〕\d+号$/);
    await rejects(step(id, 'accept', '2025-03-04', {}, w.clerk), 404, /无权查看/);
    await step(id, 'accept', '2025-03-04');
    await rejects(step(id, 'award', '2025-04-01', { method: 'money', items: '设备损失', amount: 12000 }), 409, /听取赔偿请求人的意见.*第十三条第一款/);
    await step(id, 'hear_views', '2025-04-01', { way: 'in_person', views: '要求赔偿两万元', negotiated: true, agreement: '同意按一万二千元赔偿' });
    await step(id, 'award', '2025-04-02', { method: 'money', items: '设备损失', amount: 12000, apology: false });
    assert.equal((await clock(id, 'decision')).dueOn, '2025-05-06', 'two months from 03-03 end on 05-03, a 劳动节 rest day, so 05-06');
    assert.equal((await clock(id, 'decision')).late, false);
    assert.equal((await clock(id, 'service')).dueOn, '2025-04-14', 'ten natural days end on Saturday 04-12, so the next working day');
    await step(id, 'serve', '2025-04-09', { method: 'direct', servedOn: '2025-04-09' });
    const done = await getCase(w.k, w.eduClerk, id);
    assert.equal(done.state, 'served');
    assert.equal(done.outcome, 'awarded');
  });

  test('art. 39: two years from the day the claimant knew, custody days added; nothing computed without that day', () => {
    const cal = w.k.calendar;
    assert.equal(claimDue(cal, { receivedOn: '2026-01-05' }), null);
    // 2023-06-01 + 24 months = 2025-06-01 (a Sunday) → the next working day.
    assert.equal(claimDue(cal, { knewOn: '2023-06-01' }), '2025-06-03');
    assert.equal(claimDue(cal, { knewOn: '2023-06-01', custodyDays: 15 }), '2025-06-16');
  });

  test('a time-barred claim is not accepted without the art. 39 ¶2 ground; it can be refused with reasons, late, and the claimant sues', async () => {
    const late = await open('2025-06-20', { knewOn: '2023-06-01', custodyDays: 15, harm: 'personal', act: '违法限制人身自由' });
    await rejects(step(late, 'accept', '2025-06-20'), 409, /超过两年请求时效.*2025-06-16届满.*第三十九条/);
    // Refused after the two months: the refusal still counts, as a late decision.
    await step(late, 'refuse', '2025-08-25', { reason: '超过请求时效' });
    assert.equal((await clock(late, 'decision')).late, true);
    await step(late, 'serve', '2025-08-28', { method: 'post', servedOn: '2025-08-28' });
    await rejects(step(late, 'sued', '2025-09-20', { court: '测试区人民法院', filedOn: '2025-08-20' }), 409, /早于决定日期（2025-08-25）.*第十四条第二款/);
    await step(late, 'sued', '2025-09-20', { court: '测试区人民法院', filedOn: '2025-09-15' });
    const c = await getCase(w.k, w.eduClerk, late);
    assert.equal(c.state, 'litigated');
    assert.equal(c.outcome, 'refused', 'the decision stays the outcome; the suit is the end of the case');

    const silent = await open('2025-07-01');
    await step(silent, 'accept', '2025-07-02');
    await rejects(step(silent, 'sued_no_decision', '2025-08-20', { court: '测试区人民法院', filedOn: '2025-08-18' }), 409, /期限届满前.*第十四条第一款/);
    await step(silent, 'sued_no_decision', '2025-09-10', { court: '测试区人民法院', filedOn: '2025-09-05' });
    assert.equal((await getCase(w.k, w.eduClerk, silent)).outcome, 'sued_no_decision');
  });

  test('indicators and the annual report sentence', async () => {
    const names = ['收到申请', '受理', '决定赔偿', '不予赔偿', '赔偿金额合计', '按期决定率', '被提起诉讼'].map((n) => `行政赔偿.${n}`);
    const v = Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, names)).map((x) => [x.name, x.value]));
    assert.equal(v['行政赔偿.收到申请'], 3);
    assert.equal(v['行政赔偿.受理'], 2);
    assert.equal(v['行政赔偿.决定赔偿'], 1);
    assert.equal(v['行政赔偿.不予赔偿'], 1);
    assert.equal(Number(v['行政赔偿.赔偿金额合计']), 12000);
    assert.equal(Number(v['行政赔偿.按期决定率']), 50, 'one on time, one late; a suit for no decision is not a decision');
    assert.equal(v['行政赔偿.被提起诉讼'], 2);

    const filled = stateCompensation.report!.sentences[0].replace(TOKEN, (_, ref: string) => (ref.endsWith('率') ? `${Number(v[ref]).toFixed(1)}%` : String(v[ref])));
    assert.match(filled, /决定赔偿1件、赔偿金额12000元，决定不予赔偿1件，按期决定率50\.0%/);
    assert.deepEqual(checkConsistency(filled, []).findings, []);
    const draft = await draftAchievements(w.k, w.district, 2025);
    assert.match(draft.find((a) => a.area === 'oversight')?.sentences.join('') ?? '', /\{\{行政赔偿\.按期决定率\}\}/);
  });

  const decided = async (receivedOn: string, amount: number, servedOn: string) => {
    const id = await open(receivedOn);
    await step(id, 'accept', receivedOn);
    await step(id, 'hear_views', receivedOn, { way: 'phone', views: '同意协商' });
    await step(id, 'award', receivedOn, { method: 'money', items: '设备损失', amount });
    await step(id, 'serve', servedOn, { method: 'direct', servedOn });
    return id;
  };

  test('art. 37 and the 费用管理条例: payment applied for with the 决定书, 补正 told once within 3 个工作日, 7 日 to the 财政部门, 15 日 to pay', async () => {
    const id = await decided('2025-09-01', 8000, '2025-11-03');
    const pay = { form: 'written', document: 'decision', documentNo: '区教体局赔决〔2025〕1号', amount: 8000 };
    await rejects(step(id, 'payment_apply', '2025-11-03', { ...pay, amount: 9000 }), 409, /超过生效文书确定的赔偿金额（8000元）.*第三十七条/);
    await rejects(step(id, 'payment_apply', '2025-11-03', { ...pay, document: 'judgment' }), 409, /赔偿决定书.*第三十七条第二款/);
    await step(id, 'payment_apply', '2025-11-03', pay);
    assert.equal((await clock(id, 'payment_correction_notice')).dueOn, '2025-11-06');
    assert.equal((await clock(id, 'payment_request')).dueOn, '2025-11-10');
    await step(id, 'payment_correction', '2025-11-05', { items: '身份证明复印件' });
    await rejects(step(id, 'payment_correction', '2025-11-06', { items: '再补一份' }), 409);
    assert.equal((await clock(id, 'payment_request')).status, 'paused', 'waiting for the 补正 the 7 日 do not run');
    await rejects(step(id, 'finance_apply', '2025-11-06', { finance: '测试区财政局', application: true, document: true, identity: true }), 409, /收到补正材料才为受理.*第六条第二款/);
    await step(id, 'payment_supplement', '2025-11-10');
    assert.equal((await clock(id, 'payment_request')).dueOn, '2025-11-17', '受理 on the day the 补正 arrives: 7 日 from 11-10');
    await rejects(step(id, 'finance_apply', '2025-11-14', { finance: '测试区财政局', application: true, document: true, identity: false }), 409, /身份证明.*第八条/);
    await step(id, 'finance_apply', '2025-11-14', { finance: '测试区财政局', application: true, document: true, identity: true });
    assert.equal((await clock(id, 'payment_request')).late, false);
    assert.equal((await clock(id, 'finance_payment')).dueOn, '2025-12-01', '15 日 end on Saturday 11-29, so the next working day');
    await step(id, 'finance_correction', '2025-11-18', { items: '生效文书加盖公章的复印件' });
    assert.equal((await clock(id, 'finance_supplement')).dueOn, '2025-11-25', '5 个工作日');
    await rejects(step(id, 'pay', '2025-11-19', { amount: 8000 }), 409, /第九条第三项/);
    await step(id, 'finance_supplement', '2025-11-20');
    assert.equal((await clock(id, 'finance_payment')).dueOn, '2025-12-05');
    await rejects(step(id, 'pay', '2025-12-03', { amount: 8001 }), 400, /超过申请支付的赔偿金/);
    await step(id, 'pay', '2025-12-03', { amount: 8000 });
    const c = await getCase(w.k, w.eduClerk, id);
    assert.deepEqual([c.state, c.outcome], ['paid', 'awarded']);
    assert.equal((await clock(id, 'finance_payment')).late, false);

    // A late application to the 财政部门, and a 补正 told after the 3 个工作日.
    const late = await decided('2025-09-02', 2000, '2025-11-03');
    await step(late, 'payment_apply', '2025-11-03', { ...pay, amount: 2000 });
    await rejects(step(late, 'payment_correction', '2025-11-07', { items: '身份证明' }), 409, /2025-11-06届满.*即为受理/);
    await step(late, 'finance_apply', '2025-11-12', { finance: '测试区财政局', application: true, document: true, identity: true });
    assert.equal((await clock(late, 'payment_request')).late, true);

    // Nothing to pay on a refusal; after a suit, only with the court's effective judgment.
    const refusedCase = await open('2025-09-03');
    await step(refusedCase, 'refuse', '2025-09-20', { reason: '不属于赔偿范围' });
    await step(refusedCase, 'serve', '2025-09-22', { method: 'direct', servedOn: '2025-09-22' });
    await rejects(step(refusedCase, 'payment_apply', '2025-10-09', pay), 409, /没有可以申请支付的赔偿金/);

    const v = Object.fromEntries(
      (await computeIndicators(w.k, { orgId: w.district, from: '2025-11-01', to: '2025-12-31' }, ['行政赔偿.支付申请', '行政赔偿.赔偿金支付', '行政赔偿.支付赔偿金额', '行政赔偿.按期申请支付率', '行政赔偿.按期支付率'])).map((x) => [x.name, x.value]),
    );
    assert.deepEqual([v['行政赔偿.支付申请'], v['行政赔偿.赔偿金支付'], Number(v['行政赔偿.支付赔偿金额']), Number(v['行政赔偿.按期申请支付率']), Number(v['行政赔偿.按期支付率'])], [2, 1, 8000, 50, 100]);
  });

  test('the 诉讼 step links the 行政应诉 case of the same 案号 (court or platform), shown on both; the judgment then carries the payment', async () => {
    const suit = await createCase(w.k, null, {
      type: 'litigation',
      orgId: w.education,
      fields: { receivedOn: '2025-10-20', court: '测试区人民法院', courtCaseNo: '(2025)测0102行赔初5号', plaintiff: '李四', actUnderReview: '行政赔偿决定', instance: 'first' },
    });
    const id = await decided('2025-09-04', 3000, '2025-09-16');
    await step(id, 'sued', '2025-10-21', { court: '测试区人民法院', filedOn: '2025-10-15', litigationNumber: '(2025)测0102行赔初5号' });
    const c = await getCase(w.k, w.eduClerk, id);
    const lit = await getCase(w.k, w.eduClerk, suit);
    assert.deepEqual(c.links.map((l) => [l.caseId, l.direction, l.typeName]), [[suit, '转出', '行政应诉']]);
    assert.deepEqual(lit.links.map((l) => [l.caseId, l.direction, l.typeName]), [[id, '来源', '行政赔偿']]);
    assert.equal(c.timeline.at(-1)!.data.litigationNumber, lit.number, 'the platform 案号 of the 应诉 case is recorded');
    const mirrored = lit.timeline.find((t) => t.kind === 'compensation_suit')!;
    assert.deepEqual([mirrored.data.linkedCaseId, mirrored.data.linkedNumber, lit.state], [id, c.number, 'served']);

    // Two cases written in one step leave the audit chain whole.
    assert.ok((await verifyChain(w.k.db)).ok);
    // An unknown 案号 is recorded as typed, without a link.
    const other = await decided('2025-09-05', 1000, '2025-09-16');
    await step(other, 'sued', '2025-10-21', { court: '测试区人民法院', filedOn: '2025-10-16', litigationNumber: '(2025)测0102行赔初99号' });
    assert.equal((await getCase(w.k, w.eduClerk, other)).links.length, 0);

    // A spreadsheet import takes a suit without an 应诉案号, not one that names a case.
    const row = (litigationNumber?: string) => ({
      type: 'state_compensation',
      orgId: w.education,
      actor: w.eduClerk,
      fields: { receivedOn: '2025-09-08', channel: 'mail', act: '违法扣押设备', harm: 'property', parties: [{ role: 'applicant', name: '王五' }] },
      steps: [
        { action: 'refuse', on: '2025-09-20', data: { reason: '不属于赔偿范围' }, actor: w.eduClerk },
        { action: 'sued', on: '2025-10-20', data: { court: '测试区人民法院', filedOn: '2025-10-15', ...(litigationNumber ? { litigationNumber } : {}) }, actor: w.eduClerk },
      ],
    });
    const batch = await bulkBatch(w.k);
    assert.equal(await batch.add(row()), true, batch.problems.join('；'));
    assert.equal(await batch.add({ ...row('(2025)测0102行赔初5号'), line: 3 }), false);
    assert.match(batch.problems[0], /关联其他案件.*不能批量导入/);

    await rejects(step(id, 'payment_apply', '2025-11-24', { form: 'written', document: 'judgment', documentNo: '(2025)测0102行赔初5号', amount: 5000 }), 409, /先记录生效裁判/);
    await step(id, 'court_judgment', '2025-11-24', { result: 'award', documentNo: '(2025)测0102行赔初5号', amount: 5000, effectiveOn: '2025-11-20' });
    await rejects(step(id, 'payment_apply', '2025-11-24', { form: 'written', document: 'decision', documentNo: '区教体局赔决〔2025〕9号', amount: 3000 }), 409, /生效判决书或调解书/);
    await step(id, 'payment_apply', '2025-11-24', { form: 'oral', document: 'judgment', documentNo: '(2025)测0102行赔初5号', amount: 5000 });
    assert.equal((await getCase(w.k, w.eduClerk, id)).state, 'payment_review');
  });
});
