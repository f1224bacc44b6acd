import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { eachDatabase, makeWorld, applicant, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { importCases, readRows } from '../../src/kernel/cases/import.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { decodeText } from '../../src/analysis/ingest.ts';

const other = { role: 'applicant', name: '李四', phone: '13900001111' };

eachDatabase('disputes, petitions and requests', (tdb) => {
  let w: World;
  let committee: number;
  const clock = async (id: number, key: string, actor = w.admin) => (await getCase(w.k, actor, id)).clocks.find((c) => c.key === key)!;
  const figures = async (keys: string[], from = '2025-01-01', to = '2025-12-31') =>
    Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from, to }, keys)).map((v) => [v.key, v.value]));

  before(async () => {
    w = await makeWorld(tdb, '2025-12-31');
    committee = (await createOrg(w.k.db, { parentId: w.justice, name: '测试区人民调解委员会', shortName: '区调委会', kind: 'committee' })).id;
  });
  after(async () => w.conn.close());

  test('人民调解: 30 日 by default rolling past 国庆, a per-case limit, success rate from records, 司法确认 window', async () => {
    const mk = (on: string, extra: Record<string, unknown> = {}) =>
      createCase(w.k, w.clerk, { type: 'mediation', orgId: committee, fields: { receivedOn: on, source: 'application', category: 'neighbour', summary: '相邻通行纠纷', parties: [applicant, other], ...extra } });
    const a = await mk('2025-09-03');
    await performAction(w.k, w.clerk, a, 'accept', { on: '2025-09-05', data: { mediator: '王调解' } });
    assert.equal((await clock(a, 'mediation')).dueOn, '2025-10-09', '09-05 + 30 = 10-05 (国庆) → 10-09');
    const b = await mk('2025-09-03', { timeLimitDays: 20 });
    await performAction(w.k, w.clerk, b, 'accept', { on: '2025-09-05', data: { mediator: '王调解' } });
    assert.equal((await clock(b, 'mediation')).dueOn, '2025-09-25');
    await rejects(performAction(w.k, w.clerk, a, 'accept', { data: { mediator: 'x' } }), 409);
    await performAction(w.k, w.clerk, a, 'agree', { on: '2025-09-20', data: { form: 'written', content: '赔偿2000元', amount: 2000 } });
    await rejects(performAction(w.k, w.clerk, a, 'judicial_confirmation', { on: '2025-10-22', data: { court: '测试区人民法院' } }), 409, /三十日内.*人民调解法第三十三条/);
    await performAction(w.k, w.clerk, a, 'judicial_confirmation', { on: '2025-10-20', data: { court: '测试区人民法院' } });
    await performAction(w.k, w.clerk, b, 'fail', { on: '2025-09-22', data: { routes: '可向人民法院起诉' } });
    for (const on of ['2025-10-13', '2025-10-14']) {
      const id = await mk(on);
      await performAction(w.k, w.clerk, id, 'accept', { on, data: { mediator: '李调解' } });
      await performAction(w.k, w.clerk, id, 'agree', { on: '2025-10-20', data: { form: 'oral', content: '口头协议' } });
    }
    // Hand count: 4 accepted, 3 agreed → 75.0%; amounts 2000.
    const v = await figures(['人民调解.受理', '人民调解.成功', '人民调解.成功率', '人民调解.涉及金额', '人民调解.司法确认']);
    assert.deepEqual(Object.values(v), [4, 3, 75, 2000, 1]);
  });

  test('矛盾纠纷排查 and 法律咨询 are logs whose counts and sums are indicators', async () => {
    for (const n of [3, 0, 5]) {
      await createCase(w.k, w.clerk, { type: 'dispute_screening', orgId: committee, fields: { receivedOn: '2025-06-02', target: '城关社区', disputesFound: n } });
    }
    await createCase(w.k, w.clerk, { type: 'legal_consultation', orgId: w.justice, fields: { receivedOn: '2025-06-03', channel: 'visit', topic: '劳动合同', persons: 3 } });
    await createCase(w.k, w.clerk, { type: 'legal_consultation', orgId: w.justice, fields: { receivedOn: '2025-06-04', channel: 'phone', topic: '继承', persons: 1 } });
    const v = await figures(['矛盾纠纷排查.排查', '矛盾纠纷排查.排查发现纠纷', '法律咨询.咨询人次']);
    assert.deepEqual(Object.values(v), [3, 8, 4]);
  });

  test('法律援助: 7 日 decision excluding the time to supply materials, 3 日 assignment, 受援人数 summed', async () => {
    const mk = (on: string) => createCase(w.k, w.clerk, { type: 'legal_aid', orgId: w.justice, fields: { receivedOn: on, category: 'labour_arbitration', matter: '追索劳动报酬', parties: [applicant] } });
    const a = await mk('2025-09-26');
    assert.equal((await clock(a, 'decision')).dueOn, '2025-10-09', '09-26 + 7 = 10-03 (国庆) → 10-09');
    await performAction(w.k, w.clerk, a, 'request_materials', { on: '2025-09-28', data: { items: '经济困难证明' } });
    assert.equal((await clock(a, 'decision')).status, 'paused');
    await performAction(w.k, w.clerk, a, 'receive_materials', { on: '2025-10-05' });
    assert.equal((await clock(a, 'decision')).dueOn, '2025-10-10', '7 days counted outside 09-29..10-05');
    await performAction(w.k, w.clerk, a, 'grant', { on: '2025-10-09', data: { recipients: 3 } });
    assert.equal((await clock(a, 'assignment')).dueOn, '2025-10-13', '10-09 + 3 = 10-12 (Sunday) → 10-13');
    await rejects(performAction(w.k, w.clerk, a, 'close', { data: { result: 'won' } }), 409, /待指派/);
    await performAction(w.k, w.clerk, a, 'assign', { on: '2025-10-10', data: { lawyer: '赵律师', firm: '测试律师事务所' } });
    const b = await mk('2025-11-03');
    await performAction(w.k, w.clerk, b, 'grant', { on: '2025-11-20', data: { recipients: 2 } });
    const c = await mk('2025-11-04');
    await performAction(w.k, w.clerk, c, 'refuse', { on: '2025-11-05', data: { reason: '不符合经济困难标准' } });
    // Hand count: 2 granted, 5 recipients; decisions 3, on time 2 (b decided after 17 days).
    const v = await figures(['法律援助.办理案件', '法律援助.受援人数', '法律援助.审查决定', '法律援助.按期决定']);
    assert.deepEqual(Object.values(v), [2, 5, 3, 2]);
  });

  test('信访: 15 日 acceptance, 60 + 30 日 handling, routing opens a linked mediation, 复查 within 30 日', async () => {
    const mk = (on: string) => createCase(w.k, w.clerk, { type: 'petition', orgId: w.justice, fields: { receivedOn: on, channel: 'visit', category: 'claim', content: '反映邻居违章搭建影响通行', parties: [applicant] } });
    const a = await mk('2025-09-22');
    assert.equal((await clock(a, 'acceptance')).dueOn, '2025-10-09', '09-22 + 15 = 10-07 (国庆) → 10-09');
    await performAction(w.k, w.clerk, a, 'accept', { on: '2025-09-24' });
    await performAction(w.k, w.clerk, a, 'extend', { on: '2025-11-10', data: { days: 30, reason: '需多部门会商', approver: '局长' } });
    await rejects(performAction(w.k, w.clerk, a, 'extend', { on: '2025-11-11', data: { days: 1, reason: 'x', approver: '局长' } }), 400, /最多可延长30日/);
    assert.equal((await clock(a, 'handling')).dueOn, '2025-12-23', '09-24 + 90 = 12-23');
    await performAction(w.k, w.clerk, a, 'conclude', { on: '2025-11-20', data: { opinion: 'support', summary: '责令拆除' } });
    // Law (条例 art. 35; 民诉法 art. 85): 30 日 from receipt; 11-20 + 30 = 12-20 (Sat) → 12-22, so 12-22 is in time.
    await rejects(performAction(w.k, w.clerk, a, 'request_review', { on: '2025-12-23' }), 409, /三十日内.*期限至2025-12-22/);
    await performAction(w.k, w.clerk, a, 'request_review', { on: '2025-12-23', data: { postedOn: '2025-12-22' } });
    // 复查 is the 上一级's own case (条例 art. 35): not the deciding unit or one below it; its 30 日 run from its receipt.
    const r = await mk('2025-09-22');
    await performAction(w.k, w.clerk, r, 'accept', { on: '2025-09-24' });
    await performAction(w.k, w.clerk, r, 'conclude', { on: '2025-11-20', data: { opinion: 'not_support', summary: '不予支持' } });
    await rejects(performAction(w.k, w.clerk, r, 'request_review', { on: '2025-12-01', data: { reviewOrgId: committee } }), 409, /上一级机关.*第三十五条/);
    await performAction(w.k, w.clerk, r, 'request_review', { on: '2025-12-01', data: { reviewOrgId: w.district } });
    const original = await getCase(w.k, w.admin, r);
    assert.equal(original.state, 'review');
    const review = await getCase(w.k, w.admin, original.links[0].caseId);
    assert.equal(review.fields.tier, 'review');
    assert.equal((await clock(review.id, 'review')).dueOn, '2025-12-31', '12-01 + 30, counted from the superior unit receiving it');
    // The superior unit's own clerk would act here; the test acts as the system (no duties in the government org).
    await rejects(performAction(w.k, null, review.id, 'accept', { on: '2025-12-02' }), 409, /第三十五条/);
    await performAction(w.k, null, review.id, 'answer_review', { on: '2025-12-20', data: { opinion: 'explain', summary: '维持' } });

    const b = await mk('2025-10-09');
    await rejects(performAction(w.k, w.clerk, b, 'route', { on: '2025-10-10', data: { target: 'mediation' } }), 400, /须选择承办单位/);
    await performAction(w.k, w.clerk, b, 'route', { on: '2025-10-10', data: { target: 'mediation', targetOrgId: committee } });
    const routed = await getCase(w.k, w.clerk, b);
    assert.equal(routed.state, 'routed');
    assert.equal(routed.links.length, 1);
    const med = await getCase(w.k, w.clerk, routed.links[0].caseId);
    assert.equal(med.type, 'mediation');
    assert.equal(med.orgName, '测试区人民调解委员会');
    assert.equal(med.parties[0].name, applicant.name, 'parties carried over');
    assert.equal(med.links[0].caseId, b, 'the link is kept both ways');
    // Guiding into 复议 opens no 复议 case: there is no 复议申请 yet (行政复议法第二十二条、第三十条).
    const c = await mk('2025-10-09');
    await rejects(performAction(w.k, w.clerk, c, 'route', { on: '2025-10-10', data: { target: 'reconsideration' } }), 409, /告知的复议机关/);
    await performAction(w.k, w.clerk, c, 'route', { on: '2025-10-10', data: { target: 'reconsideration', respondent: '测试区人民政府（复议机关）' } });
    assert.equal((await getCase(w.k, w.clerk, c)).links.length, 0);
    const v = await figures(['信访.登记', '信访.受理', '信访.办结', '信访.化解', '信访.导入法定途径', '信访.按期办结率']);
    // a, r, r's 复查 case (registered in the district), b, c; 复查意见 is not a 办结 of the original unit.
    assert.deepEqual(Object.values(v), [5, 2, 2, 3, 2, 100]);

    // 信访部门 转送/交办 (条例 art. 22) opens the handling unit's case; it may hand it back within 5 工作日 (art. 23 ¶3).
    const t = await mk('2025-10-09');
    await rejects(performAction(w.k, w.clerk, t, 'transfer', { on: '2025-10-10', data: { mode: 'assign', targetOrgId: w.education } }), 409, /指定办理期限.*第二十二条/);
    await performAction(w.k, w.clerk, t, 'transfer', { on: '2025-10-10', data: { mode: 'assign', targetOrgId: w.education, feedbackBy: '2025-12-10' } });
    const sent = await getCase(w.k, w.admin, t);
    assert.equal(sent.state, 'transferred');
    const handled = await getCase(w.k, w.admin, sent.links[0].caseId);
    assert.equal(handled.fields.transferredBy, 'assign');
    assert.equal(handled.orgName, '测试区教育体育局');
    assert.equal((await clock(handled.id, 'acceptance')).dueOn, '2025-10-27', '10-10 + 15 = 10-25 (Sat) → 10-27');
    // 10-10 + 5 工作日 = 10-16: 10-11 (Sat) is a 调休 working day in 2025. Acting as the system: the test's clerks hold no 信访 duties there.
    await rejects(performAction(w.k, null, handled.id, 'return_transfer', { on: '2025-10-17', data: { reason: '不属本单位职责' } }), 409, /期限至2025-10-16/);
    await performAction(w.k, null, handled.id, 'return_transfer', { on: '2025-10-16', data: { reason: '不属本单位职责' } });
    assert.equal((await getCase(w.k, w.admin, handled.id)).state, 'returned');
  });

  test('行政应诉: 15 日 answer, 负责人出庭 recorded with reasons, 出庭率 and 败诉率', async () => {
    const mk = (on: string) => createCase(w.k, w.clerk, { type: 'litigation', orgId: w.justice, fields: { receivedOn: on, court: '测试区人民法院', courtCaseNo: '(2025)测0102行初1号', plaintiff: '某公司', actUnderReview: '行政处罚决定', instance: 'first' } });
    const a = await mk('2025-09-20');
    assert.equal((await clock(a, 'answer')).dueOn, '2025-10-09', '09-20 + 15 = 10-05 (国庆) → 10-09');
    await performAction(w.k, w.clerk, a, 'answer', { on: '2025-09-30' });
    await rejects(performAction(w.k, w.clerk, a, 'hearing', { on: '2025-10-20', data: { headAppeared: false } }), 409, /正当理由/);
    await performAction(w.k, w.clerk, a, 'hearing', { on: '2025-10-20', data: { headAppeared: true, headName: '张副局长', headRole: 'deputy' } });
    await performAction(w.k, w.clerk, a, 'judgment', { on: '2025-11-20', data: { result: 'won' } });
    const b = await mk('2025-10-13');
    await performAction(w.k, w.clerk, b, 'answer', { on: '2025-10-20' });
    await performAction(w.k, w.clerk, b, 'hearing', { on: '2025-11-10', data: { headAppeared: false, reasonType: 'official_duty', reason: '参加全省防汛会议', staffAppeared: true } });
    await performAction(w.k, w.clerk, b, 'judgment', { on: '2025-12-01', data: { result: 'lost' } });
    const v = await figures(['行政应诉.案件', '行政应诉.出庭率', '行政应诉.败诉率']);
    assert.deepEqual(Object.values(v), [2, 50, 50]);
  });

  test('建议提案: 3 个月 to the corresponding day (or the month end), extended to 6, satisfaction by kind', async () => {
    const mk = (on: string, kind: string, code: string) => createCase(w.k, w.clerk, { type: 'proposal', orgId: w.justice, fields: { receivedOn: on, kind, code, proposer: '王代表', subject: '加强社区法律服务' } });
    const a = await mk('2025-01-31', 'deputy', '101');
    assert.equal((await clock(a, 'answer')).dueOn, '2025-04-30', 'no 31 April: the month end');
    await performAction(w.k, w.clerk, a, 'sign', { on: '2025-02-05' });
    await performAction(w.k, w.clerk, a, 'extend', { on: '2025-04-01', data: { days: 3, reason: '涉及多部门', approver: '局长' } });
    assert.equal((await clock(a, 'answer')).dueOn, '2025-07-31');
    await rejects(performAction(w.k, w.clerk, a, 'extend', { on: '2025-04-02', data: { days: 1, reason: '再延', approver: '局长' } }), 400, /最多可延长3个月/);
    // 代表法 art. 51: no answer to a deputy before 联系沟通 is recorded.
    await rejects(performAction(w.k, w.clerk, a, 'answer', { on: '2025-06-30', data: { grade: 'A', summary: '已落实' } }), 409, /联系沟通.*代表法第五十一条/);
    await performAction(w.k, w.clerk, a, 'contact', { on: '2025-06-20', data: { way: 'visit', opinion: '希望尽快落实' } });
    await performAction(w.k, w.clerk, a, 'answer', { on: '2025-06-30', data: { grade: 'A', summary: '已落实' } });
    await performAction(w.k, w.clerk, a, 'feedback', { on: '2025-07-05', data: { opinion: 'satisfied' } });
    const b = await mk('2025-07-01', 'cppcc', '55');
    assert.equal((await clock(b, 'answer')).dueOn, '2025-10-09', '07-01 + 3 months = 10-01 (国庆) → 10-09');
    await performAction(w.k, w.clerk, b, 'sign', { on: '2025-07-02' });
    await performAction(w.k, w.clerk, b, 'answer', { on: '2025-09-01', data: { grade: 'B', summary: '列入计划' } });
    await performAction(w.k, w.clerk, b, 'feedback', { on: '2025-09-10', data: { opinion: 'unsatisfied' } });
    const v = await figures(['建议提案.人大代表建议', '建议提案.政协提案', '建议提案.办结率', '建议提案.满意率']);
    assert.deepEqual(Object.values(v), [1, 1, 100, 50]);
  });

  test('12345: dispatch hands the order to a unit, limits by urgency from dispatch, return and redispatch, 回访', async () => {
    const mk = (on: string, urgency: string, businessEnv = false) =>
      createCase(w.k, w.admin, { type: 'hotline', orgId: w.district, fields: { receivedOn: on, channel: 'phone', kind: 'complaint', category: '教育收费', content: '学校违规收取资料费', urgency, businessEnv, parties: [applicant] } });
    const a = await mk('2025-09-26', 'normal', true);
    await performAction(w.k, w.admin, a, 'dispatch', { on: '2025-09-26', data: { unitId: w.township } });
    assert.equal((await clock(a, 'handling')).dueOn, '2025-10-10', '5 working days across 国庆 with the 调休 Sunday');
    await performAction(w.k, w.admin, a, 'return', { on: '2025-09-28', data: { reason: '属教育部门职责' } });
    await performAction(w.k, w.admin, a, 'dispatch', { on: '2025-09-28', data: { unitId: w.education } });
    assert.equal((await getCase(w.k, w.eduClerk, a)).orgName, '测试区教育体育局', 'the unit now sees and handles it');
    assert.equal((await clock(a, 'handling', w.eduClerk)).startedOn, '2025-09-28', 'redispatch restarts the limit');
    await performAction(w.k, w.eduClerk, a, 'sign', { on: '2025-09-29' });
    await performAction(w.k, w.eduClerk, a, 'complete', { on: '2025-10-09', data: { result: '已责令退费' } });
    // The 回访 is the hotline centre's, never the unit that handled the order.
    await rejects(performAction(w.k, w.eduClerk, a, 'visit', { on: '2025-10-10', data: { resolved: true, satisfaction: 'satisfied' } }), 403, /回访/);
    await rejects(performAction(w.k, w.admin, a, 'visit', { on: '2025-10-10', data: { resolved: true } }), 400, /满意度/);
    await performAction(w.k, w.admin, a, 'visit', { on: '2025-10-10', data: { resolved: true, satisfaction: 'satisfied' } });
    const urgent = await mk('2025-09-26', 'urgent');
    await performAction(w.k, w.admin, urgent, 'dispatch', { on: '2025-09-26', data: { unitId: w.education, at: '16:30' } });
    const h = await clock(urgent, 'handling');
    assert.deepEqual([h.unit, h.length, h.dueOn, h.dueAt], ['hour', 24, '2025-09-27', '2025-09-27 16:30'], '紧急: 24 natural hours from the minute of dispatch (review 8.3)');
    assert.equal((await clock(urgent, 'sign')).dueAt, '2025-09-26 18:30', '紧急: 签收 within 2 hours (review 8.2)');
    await performAction(w.k, w.eduClerk, urgent, 'sign', { on: '2025-10-09' });
    await performAction(w.k, w.eduClerk, urgent, 'complete', { on: '2025-10-09', data: { result: '已处理' } });
    await performAction(w.k, w.admin, urgent, 'visit', { on: '2025-10-10', data: { resolved: false, satisfaction: 'unsatisfied' } });
    // Hand count: 2 signed, 1 on time (urgent signed late); 2 completed, 1 on time; 2 visits, 1 resolved, 1 satisfied.
    assert.deepEqual(Object.values(await figures(['12345工单.营商环境工单承办单位'])), [2], 'the business order went to the 街道, then to the 教体局');
    const v = await figures(['12345工单.工单', '12345工单.营商环境工单', '12345工单.按时接单率', '12345工单.按时办结率', '12345工单.解决率', '12345工单.满意率']);
    assert.deepEqual(Object.values(v), [2, 1, 50, 50, 50, 50]);
  });

  test('12345 延期 and 重办: the unit asks, the centre approves; 重办 runs its own clock and the first figures stand', async () => {
    const id = await createCase(w.k, w.admin, { type: 'hotline', orgId: w.district, fields: { receivedOn: '2025-12-01', channel: 'phone', kind: 'complaint', category: '教育收费', content: '培训机构拒不退费', urgency: 'normal', parties: [applicant] } });
    await performAction(w.k, w.admin, id, 'dispatch', { on: '2025-12-01', data: { unitId: w.education } });
    await performAction(w.k, w.eduClerk, id, 'sign', { on: '2025-12-01' });
    await performAction(w.k, w.eduClerk, id, 'request_extension', { on: '2025-12-05', data: { days: 5, reason: '需调取合同' } });
    // Approving is the centre's, never the unit's own.
    await rejects(performAction(w.k, w.eduClerk, id, 'approve_extension', { on: '2025-12-08', data: { days: 5 } }), 403);
    await performAction(w.k, w.admin, id, 'approve_extension', { on: '2025-12-08', data: { days: 4 } });
    assert.equal((await clock(id, 'handling')).dueOn, '2025-12-12', '12-08 + 4 working days');
    await performAction(w.k, w.eduClerk, id, 'complete', { on: '2025-12-12', data: { result: '已协调退费' } });
    await performAction(w.k, w.admin, id, 'visit', { on: '2025-12-15', data: { resolved: false, satisfaction: 'unsatisfied' } });
    const period = ['2025-12-01', '2025-12-31'] as const;
    const keys = ['12345工单.按时办结率', '12345工单.满意率', '12345工单.批准延期'];
    assert.deepEqual(Object.values(await figures(keys, ...period)), [100, 0, 1]);
    await rejects(performAction(w.k, w.eduClerk, id, 'reorder', { on: '2025-12-16', data: { ground: 'unsatisfied', reason: '未退费' } }), 403);
    await performAction(w.k, w.admin, id, 'reorder', { on: '2025-12-16', data: { ground: 'unsatisfied', reason: '未退费' } });
    const c = await getCase(w.k, w.eduClerk, id);
    assert.equal(c.state, 'handling', 'back with the unit');
    assert.equal(c.clocks.find((x) => x.key === 'rehandling')!.dueOn, '2025-12-23');
    await performAction(w.k, w.eduClerk, id, 'complete', { on: '2025-12-25', data: { result: '已退费' } });
    await performAction(w.k, w.admin, id, 'revisit', { on: '2025-12-26', data: { resolved: true, satisfaction: 'satisfied' } });
    const v = await figures([...keys, '12345工单.重办率', '12345工单.重办按时办结', '12345工单.重办后满意率'], ...period);
    assert.deepEqual(Object.values(v), [100, 0, 1, 100, 0, 100], 'the first handling stays on time and the first 回访 unsatisfied; the late 重办 counts apart');
  });

  test('12345 import: a hotline export with one bad row imports nothing and names the row; fixed, it imports with its history', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['热线工单编号', '受理日期', '来源渠道', '诉求类型', '问题分类', '诉求内容', '紧急程度', '当事人姓名/名称', '联系电话', '承办单位', '派单日期', '签收日期', '办结日期', '办理结果', '回访日期', '是否解决', '满意度']);
    ws.addRow(['RX001', new Date(Date.UTC(2025, 10, 3)), '电话', '投诉', '噪音', '夜间施工噪音', '一般', '周某', '13700001111', '测试区教育体育局', '2025-11-03', '2025-11-03', '2025-11-06', '已协调停工', '2025-11-07', '是', '满意']);
    ws.addRow(['RX002', '2025/11/04', '网站', '咨询', '入学', '咨询入学政策', '紧急', '吴某', '13700002222', '测试区教育体育局', '2025-11-04', '2025-11-04', '2025-11-04', '已答复', '', '', '']);
    ws.addRow(['RX003', '2025-11-31', '电话', '求助', '路灯', '路灯不亮', '一般', '郑某', '', '', '', '', '', '', '', '', '']);
    const rows = await readRows('export.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()), decodeText);
    const before = (await figures(['12345工单.工单'])) as Record<string, number>;
    await rejects(importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows }), 400, /第4行：.*受理日期/);
    assert.deepEqual(await figures(['12345工单.工单']), before, 'nothing half-imported');
    rows[2]['受理日期'] = '2025-11-05';
    assert.deepEqual(await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows }), { imported: 3 });
    const v = await figures(['12345工单.工单', '12345工单.回访'], '2025-11-01', '2025-11-30');
    assert.deepEqual(Object.values(v), [3, 1]);
    const csv = new TextEncoder().encode('热线工单编号,受理日期,来源渠道,诉求类型,问题分类,诉求内容,紧急程度\nRX010,2025-11-10,电话,咨询,"社保,医保","咨询""参保""流程",复杂\n');
    const csvRows = await readRows('export.csv', csv, decodeText);
    assert.equal(csvRows[0]['问题分类'], '社保,医保');
    assert.equal(csvRows[0]['诉求内容'], '咨询"参保"流程');
    assert.deepEqual(await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: csvRows }), { imported: 1 });
  });

  test('好差评: a 差评 opens a linked 整改 order with a 5 工作日 limit; rates from records', async () => {
    const rate = (grade: string, active = true) =>
      createCase(w.k, w.eduClerk, { type: 'service_rating', orgId: w.education, fields: { receivedOn: '2025-09-26', channel: 'window', service: '教师资格认定', grade, active } });
    await rate('very_good');
    await rate('good', false);
    const bad = await rate('bad');
    const c = await getCase(w.k, w.eduClerk, bad);
    assert.equal(c.links.length, 1);
    const fix = c.links[0].caseId;
    assert.equal((await clock(fix, 'rectify', w.eduClerk)).dueOn, '2025-10-10');
    await performAction(w.k, w.eduClerk, fix, 'rectify', { on: '2025-10-09', data: { measures: '加强窗口人员培训' } });
    await performAction(w.k, w.eduClerk, fix, 'visit', { on: '2025-10-10', data: { satisfaction: 'satisfied' } });
    // A 差评 found malicious on 申诉复核 is closed without 整改 and still counts as handled.
    const malicious = (await getCase(w.k, w.eduClerk, await rate('very_bad'))).links[0].caseId;
    await performAction(w.k, w.eduClerk, malicious, 'resolve', { on: '2025-09-30', data: { finding: 'malicious', detail: '同一人当日连续差评二十次，复核属实' } });
    assert.equal((await getCase(w.k, w.eduClerk, malicious)).state, 'resolved');
    const v = await figures(['好差评.评价', '好差评.主动评价率', '好差评.差评', '差评整改.差评整改率', '差评整改.回访满意率']);
    assert.deepEqual(Object.values(v), [4, 75, 2, 100, 100]);
  });
});
