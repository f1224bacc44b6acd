import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, assignDuties, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { getOrg } from '../../src/kernel/orgs.ts';
import { actorById } from '../../src/kernel/auth/sessions.ts';
import type { Actor } from '../../src/kernel/auth/actor.ts';
import { clerkDuties } from '../../src/demo/duties.ts';
import { paymentDue, statutoryInterest, smePaymentComplaint } from '../../src/institutions/sme-payment/index.ts';
import { TOKEN } from '../../src/reports/tokens.ts';
import { checkConsistency } from '../../src/analysis/consistency.ts';

/**
 * 拖欠中小企业账款投诉 (保障中小企业款项支付条例, revised 2025) on both databases. The 教体局 of the test
 * world stands in for the 中小企业促进 department that receives complaints.
 */
eachDatabase('拖欠中小企业账款投诉', (tdb) => {
  let w: World;
  let dept: Actor;
  const open = (receivedOn: string, extra: Record<string, unknown> = {}) =>
    createCase(w.k, dept, {
      type: 'sme_payment_complaint',
      orgId: w.education,
      fields: { receivedOn, complainant: '测试区某印务有限公司', payer: '测试区某中心学校', payerKind: 'institution', subject: 'services', amount: 300000, deliveredOn: '2025-06-03', ...extra },
    });
  const step = (id: number, action: string, on: string, data: Record<string, unknown> = {}, who: Actor = dept) => performAction(w.k, who, id, action, { on, data });

  before(async () => {
    w = await makeWorld(tdb, '2025-12-31');
    const edu = await getOrg(w.k.db, w.education);
    await assignDuties(w.k, w.eduClerk.id, clerkDuties(edu, { enforcer: true, petitions: false, justice: false, smePayments: true }));
    dept = (await actorById(w.k.db, w.eduClerk.id))!;
  });
  after(async () => w.conn.close());

  test('art. 9: 30 日 from 交付 or 验收合格, an agreed term capped at 60 日 for 机关、事业单位 only; art. 17: 万分之五 a day', () => {
    const cal = w.k.calendar;
    assert.equal(paymentDue(cal, { payerKind: 'organ', deliveredOn: '2025-06-03' }), '2025-07-03');
    assert.equal(paymentDue(cal, { payerKind: 'organ', deliveredOn: '2025-06-03', acceptedOn: '2025-06-10' }), '2025-07-10');
    // 06-03 + 60 = 08-02, a Saturday: the next working day.
    assert.equal(paymentDue(cal, { payerKind: 'institution', deliveredOn: '2025-06-03', agreedDays: 90 }), '2025-08-04');
    assert.equal(paymentDue(cal, { payerKind: 'large', deliveredOn: '2025-06-03', agreedDays: 90 }), '2025-09-01');
    assert.equal(paymentDue(cal, { payerKind: 'large', deliveredOn: '2025-06-03' }), '2025-08-04');
    assert.equal(paymentDue(cal, { payerKind: 'organ' }), null);
    assert.equal(statutoryInterest(100000, '2026-02-04', '2026-03-06'), 1500);
    assert.equal(statutoryInterest(100000, '2026-02-04', '2026-02-01'), 0, 'paid in time owes nothing');
  });

  test('the receiving department handles its complaints; another bureau cannot see them; the refusals name the article', async () => {
    const id = await open('2025-07-14');
    assert.match((await getCase(w.k, dept, id)).number, /^测试区清欠〔2025〕\d+号$/);
    await rejects(step(id, 'accept', '2025-07-15', { handler: '区财政局' }, w.clerk), 404, /无权查看/);
    await step(id, 'accept', '2025-07-15', { handler: '区财政局' });
    const paid = { finding: 'paid', paid: 300000, paidOn: '2025-07-30', result: '已督促付清并书面反馈' };
    await rejects(step(id, 'conclude', '2025-07-31', { ...paid, interestBasis: 'statutory', interest: 4000 }), 409, /2025-07-03次日至2025-07-30，逾期利息不少于4050元.*第十七条/);
    await step(id, 'conclude', '2025-07-31', { ...paid, interestBasis: 'statutory', interest: 4050 });
    const done = await getCase(w.k, dept, id);
    assert.deepEqual([done.state, done.outcome], ['closed', 'paid']);

    const early = await open('2025-07-01');
    await step(early, 'accept', '2025-07-02', { handler: '区财政局' });
    await rejects(step(early, 'conclude', '2025-07-20', { finding: 'plan', paid: 0, interestBasis: 'none', result: '约定分期' }), 409, /付款期限至2025-07-03届满，投诉时（2025-07-01）尚未逾期.*第九条|第九条，付款期限至2025-07-03届满/);
    // Art. 25 ¶2: 30 日 from 07-02 ended on 08-01; no extension was approved, so 08-04 is late.
    await step(early, 'conclude', '2025-08-04', { finding: 'not_arrears', paid: 0, interestBasis: 'none', result: '付款期限未届满，已说明' });
    const late = (await getCase(w.k, dept, early)).clocks.find((c: any) => c.key === 'handling')!;
    assert.deepEqual([late.dueOn, late.late], ['2025-08-01', true]);

    const undated = await open('2025-07-14', { deliveredOn: undefined, amount: 200000.25 });
    await step(undated, 'accept', '2025-07-15', { handler: '区财政局' });
    await rejects(step(undated, 'conclude', '2025-07-25', { finding: 'partly_paid', paid: 50000.25, paidOn: '2025-07-24', interestBasis: 'none', result: '部分支付' }), 409, /应当在投诉信息中填写交付日期.*第九条/);

    const refused = await open('2025-08-01');
    await step(refused, 'reject', '2025-08-05', { reason: '投诉事项已由人民法院受理' });
  });

  test('indicators and the annual report sentence', async () => {
    const names = ['投诉件数', '涉及金额', '不予受理', '办结', '按期办结', '按期办结率', '认定拖欠', '已支付金额'].map((n) => `拖欠中小企业账款投诉.${n}`);
    const v = Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, names)).map((x) => [x.name, x.value]));
    assert.equal(v['拖欠中小企业账款投诉.投诉件数'], 4);
    assert.equal(v['拖欠中小企业账款投诉.涉及金额'], 1100000.25);
    assert.equal(v['拖欠中小企业账款投诉.不予受理'], 1);
    assert.equal(v['拖欠中小企业账款投诉.办结'], 2);
    assert.equal(v['拖欠中小企业账款投诉.按期办结'], 1);
    assert.equal(v['拖欠中小企业账款投诉.按期办结率'], 50);
    assert.equal(v['拖欠中小企业账款投诉.认定拖欠'], 1);
    assert.equal(v['拖欠中小企业账款投诉.已支付金额'], 300000);
    const filled = smePaymentComplaint.report!.sentences[0].replace(TOKEN, (_, ref: string) => String(v[ref]));
    assert.match(filled, /投诉4件、涉及金额1100000\.25元，办结2件（按期办结1件），推动支付账款300000元/);
    assert.deepEqual(checkConsistency(filled, []).findings, []);
  });

  test('art. 25 ¶2: 30 日 to the result, extended with the head\'s approval to at most 90 日 in all', async () => {
    const id = await open('2025-09-01');
    await step(id, 'accept', '2025-09-10', { handler: '区财政局' });
    let c = (await getCase(w.k, dept, id)).clocks.find((x: any) => x.key === 'handling')!;
    assert.equal(c.dueOn, '2025-10-10');
    await step(id, 'extend', '2025-09-30', { days: 40, approver: '某科长', reason: '涉及多个项目结算，情况复杂' });
    await rejects(step(id, 'extend', '2025-10-10', { days: 30, approver: '某科长', reason: '仍需核实' }), 400, /最多可延长60日.*本次最多20/);
    await step(id, 'extend', '2025-10-10', { days: 20, approver: '某科长', reason: '仍需核实' });
    c = (await getCase(w.k, dept, id)).clocks.find((x: any) => x.key === 'handling')!;
    // 09-10 + 90 日 = 12-09: the 90 日 cap of art. 25 ¶2.
    assert.equal(c.dueOn, '2025-12-09');
    await step(id, 'conclude', '2025-12-08', { finding: 'not_arrears', paid: 0, interestBasis: 'none', result: '不构成拖欠，书面反馈投诉人' });
    c = (await getCase(w.k, dept, id)).clocks.find((x: any) => x.key === 'handling')!;
    assert.deepEqual([c.status, c.late], ['stopped', false]);
  });
});
