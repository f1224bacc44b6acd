import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, applicant, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { defendantRole } from '../../src/institutions/litigation/index.ts';
import { verifyChain } from '../../src/kernel/audit/audit.ts';

eachDatabase('行政应诉 links, court-ordered appearance, 值班律师', (tdb) => {
  let w: World;
  const figures = async (orgId: number, keys: string[]) =>
    Object.fromEntries((await computeIndicators(w.k, { orgId, from: '2025-01-01', to: '2025-12-31' }, keys)).map((v) => [v.key, v.value]));
  const reconsideration = async (outcome: string) => {
    const id = await createCase(w.k, w.admin, { type: 'reconsideration', orgId: w.justice, fields: { receivedOn: '2025-03-03', channel: 'mail', respondent: '测试区教育体育局', category: 'penalty', actUnderReview: '罚款决定', parties: [applicant] } });
    await performAction(w.k, w.admin, id, 'accept', { on: '2025-03-04' });
    await performAction(w.k, w.admin, id, 'hear_views', { on: '2025-03-20', data: { method: 'in_person', record: '听取意见' } });
    await performAction(w.k, w.admin, id, 'decide', { on: '2025-04-01', data: { outcome, approval: 'head', summary: '依法决定' } });
    return id;
  };
  const suit = (orgId: number, no: string) =>
    createCase(w.k, null, { type: 'litigation', orgId, fields: { receivedOn: '2025-05-06', court: '测试区人民法院', courtCaseNo: no, plaintiff: '某公司', actUnderReview: '罚款决定', instance: 'first' } });

  before(async () => {
    w = await makeWorld(tdb, '2025-12-31');
  });
  after(async () => w.conn.close());

  test('行政诉讼法第二十六条第二款: 维持 (incl. 驳回请求, procedural 确认违法) makes co-defendants, 改变 the 复议机关 alone', () => {
    assert.equal(defendantRole('upheld'), 'co_defendant');
    assert.equal(defendantRole('dismissed'), 'co_defendant');
    assert.equal(defendantRole('confirmed_illegal', true), 'co_defendant');
    assert.equal(defendantRole('confirmed_illegal'), 'defendant');
    assert.equal(defendantRole('revoked'), 'defendant');
    // 行诉解释 art. 134 ¶2: 部分撤销 keeps the rest of the act, so both organs are 共同被告.
    assert.equal(defendantRole('partly_revoked'), 'co_defendant');
    assert.equal(defendantRole('confirmed_void'), 'defendant');
    assert.equal(defendantRole('application_dismissed'), null);
    assert.equal(defendantRole('mediated'), null);
    assert.equal(defendantRole(null), null);
  });

  test('a suit links to the 复议 case it follows: the role is derived, shown on both cases, and counted for the 复议 org', async () => {
    const r1 = await reconsideration('upheld');
    const r2 = await reconsideration('revoked');
    const r3 = await reconsideration('confirmed_illegal');
    const no = async (id: number) => (await getCase(w.k, w.admin, id)).number;
    // The original organ's suit (教体局) after 维持, and the 复议 org's own suits after 改变.
    const l1 = await suit(w.education, '(2025)测0102行初11号');
    await performAction(w.k, null, l1, 'link_reconsideration', { on: '2025-05-08', data: { reconsiderationNo: await no(r1), defendantRole: 'defendant' } });
    const l2 = await suit(w.justice, '(2025)测0102行初12号');
    await performAction(w.k, w.clerk, l2, 'link_reconsideration', { on: '2025-05-08', data: { reconsiderationNo: await no(r2) } });
    const l3 = await suit(w.justice, '(2025)测0102行初13号');
    await performAction(w.k, w.clerk, l3, 'link_reconsideration', { on: '2025-05-08', data: { reconsiderationNo: await no(r3), proceduralGround: true } });

    const c1 = await getCase(w.k, w.admin, l1);
    const linked = c1.timeline.find((t) => t.kind === 'link_reconsideration')!;
    assert.equal(linked.data.defendantRole, 'co_defendant', 'derived from the decision, not taken from the form');
    assert.equal(linked.data.respondent, '测试区教育体育局');
    assert.deepEqual(c1.links.map((l) => [l.caseId, l.direction]), [[r1, '来源']]);
    const rc1 = await getCase(w.k, w.admin, r1);
    assert.deepEqual(rc1.links.map((l) => [l.caseId, l.direction, l.typeName]), [[l1, '转出', '行政应诉']]);
    const sued = rc1.timeline.find((t) => t.kind === 'sued')!;
    assert.equal(sued.label, '复议决定被诉（复议机关作被告）');
    assert.deepEqual([sued.data.defendantRole, sued.data.linkedNumber, rc1.state], ['co_defendant', c1.number, 'decided']);
    assert.equal((await getCase(w.k, w.admin, l2)).timeline.at(-1)!.data.defendantRole, 'defendant');
    assert.equal((await getCase(w.k, w.admin, l3)).timeline.at(-1)!.data.defendantRole, 'co_defendant');

    // Not a 维持 or 改变 decision: the link is refused and nothing is written on either case.
    const pending = await createCase(w.k, w.admin, { type: 'reconsideration', orgId: w.justice, fields: { receivedOn: '2025-05-05', channel: 'mail', respondent: '测试区教育体育局', category: 'penalty', actUnderReview: '罚款决定', parties: [applicant] } });
    const l4 = await suit(w.justice, '(2025)测0102行初14号');
    await rejects(performAction(w.k, w.clerk, l4, 'link_reconsideration', { on: '2025-05-08', data: { reconsiderationNo: await no(pending) } }), 409, /第二十六条第三款/);
    assert.equal((await getCase(w.k, w.admin, pending)).links.length, 0);
    await rejects(performAction(w.k, null, l1, 'link_reconsideration', { on: '2025-05-09', data: { reconsiderationNo: await no(r2) } }), 409, /已关联/);

    // Two cases written in one step (the suit, and the 复议 case's 被诉 step) leave the audit chain whole.
    const chain = await verifyChain(w.k.db);
    assert.ok(chain.ok, JSON.stringify(chain.brokenAt));
    // The 复议 org (司法局) counts the suits its decisions drew, wherever the suit is handled.
    assert.deepEqual(await figures(w.justice, ['行政复议.复议后被诉', '行政复议.复议维持作共同被告', '行政复议.复议改变作被告']), { 'reconsideration.sued': 3, 'reconsideration.sued_co_defendant': 2, 'reconsideration.sued_defendant': 1 });
    assert.deepEqual(await figures(w.justice, ['行政应诉.经复议案件', '行政应诉.复议机关作共同被告']), { 'litigation.after_reconsideration': 2, 'litigation.co_defendant': 1 });
    assert.deepEqual(await figures(w.district, ['行政应诉.经复议案件', '行政应诉.复议机关作共同被告']), { 'litigation.after_reconsideration': 3, 'litigation.co_defendant': 2 });
  });

  test('出庭应诉规定第四条: after the court notifies the head, absence needs a reason and a written explanation; 通知出庭案件出庭率', async () => {
    const notified = async (no: string) => {
      const id = await suit(w.justice, no);
      await performAction(w.k, w.clerk, id, 'answer', { on: '2025-05-12' });
      await performAction(w.k, w.clerk, id, 'appearance_notice', { on: '2025-06-03', data: { hearingOn: '2025-06-10', ground: 'mass_incident' } });
      return id;
    };
    const a = await notified('(2025)测0102行初21号');
    await rejects(performAction(w.k, w.clerk, a, 'hearing', { on: '2025-06-10', data: { headAppeared: false, staffAppeared: true, reasonType: 'accident', reason: '交通事故' } }), 409, /出庭应诉规定第九条/);
    await performAction(w.k, w.clerk, a, 'hearing', { on: '2025-06-10', data: { headAppeared: false, staffAppeared: true, reasonType: 'accident', reason: '交通事故', writtenExplanation: true } });
    const b = await notified('(2025)测0102行初22号');
    await performAction(w.k, w.clerk, b, 'hearing', { on: '2025-06-10', data: { headAppeared: true, headName: '王局长', headRole: 'principal' } });
    // A hearing without a notice is not in the notified figures.
    const c = await suit(w.justice, '(2025)测0102行初23号');
    await performAction(w.k, w.clerk, c, 'answer', { on: '2025-05-12' });
    await performAction(w.k, w.clerk, c, 'hearing', { on: '2025-06-11', data: { headAppeared: true, headName: '李副局长', headRole: 'deputy' } });
    const v = await figures(w.justice, ['行政应诉.通知负责人出庭', '行政应诉.通知出庭案件开庭', '行政应诉.通知出庭案件负责人出庭', '行政应诉.通知出庭案件出庭率']);
    assert.deepEqual(Object.values(v), [2, 2, 1, 50]);
  });

  test('值班律师: a log of duty days, 法律帮助人次 summed, parts never above the whole, people helped masked', async () => {
    const log = (fields: Record<string, unknown>) =>
      createCase(w.k, w.clerk, { type: 'duty_lawyer', orgId: w.justice, fields: { receivedOn: '2025-07-01', station: 'detention', stationName: '测试区看守所法律援助工作站', lawyer: '赵律师', ...fields } });
    const id = await log({ persons: 5, consultations: 5, procedureAdvice: 2, coercionChange: 1, parties: [{ role: 'applicant', name: '钱五' }] });
    await log({ station: 'court', stationName: '测试区人民法院法律援助工作站', persons: 3, consultations: 1, caseOpinions: 3 });
    await rejects(log({ persons: 2, consultations: 3 }), 400, /不能多于提供法律帮助人次/);
    await rejects(log({ persons: 2 }), 400, /至少填写一项/);
    const v = await figures(w.justice, ['值班律师.值班', '值班律师.法律帮助人次', '值班律师.法律咨询', '值班律师.对案件处理提出意见']);
    assert.deepEqual(Object.values(v), [2, 8, 6, 3]);
    const seen = await getCase(w.k, w.leader, id);
    assert.ok(seen.personalDataMasked);
    assert.notEqual(seen.parties[0].name, '钱五');
    assert.ok(!JSON.stringify(seen).includes('钱五'), 'the name appears nowhere on the page');
  });
});
