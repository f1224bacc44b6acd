import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';

eachDatabase('legality review: 规范性文件, 重大行政决策, 合同审查', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb, '2025-12-31');
  });
  after(async () => w.conn.close());

  test('规范性文件: 15 工作日 to review, 备案 within 30 日 of 公布, a rejected draft cannot be published', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'normative_document', orgId: w.justice, fields: { receivedOn: '2025-09-25', title: '青溪区养老服务补贴管理办法', drafter: '区民政局', materials: true } });
    assert.equal((await getCase(w.k, w.clerk, id)).clocks.find((c: any) => c.key === 'review')!.dueOn, '2025-10-22', '15 working days across 国庆, with its 调休 Sunday 09-28 and Saturday 10-11');
    await performAction(w.k, w.clerk, id, 'review', { on: '2025-10-20', data: { opinion: 'amended', reviewer: '法制科', issues: '第八条增设义务无上位法依据' } });
    await rejects(performAction(w.k, w.clerk, id, 'issue', { on: '2025-11-03', data: { docNo: '青政规〔2025〕3号' } }), 409, /集体审议.*37号/);
    await performAction(w.k, w.clerk, id, 'deliberate', { on: '2025-10-30', data: { meeting: '区政府第20次常务会议', result: 'passed' } });
    await performAction(w.k, w.clerk, id, 'issue', { on: '2025-11-03', data: { docNo: '青政规〔2025〕3号' } });
    assert.equal((await getCase(w.k, w.clerk, id)).clocks.find((c: any) => c.key === 'publication')!.dueOn, '2025-12-01', '主动公开 20 工作日 of 印发 (条例 art. 26)');
    assert.equal((await getCase(w.k, w.clerk, id)).clocks.find((c: any) => c.key === 'filing')!.dueOn, '2025-12-03');
    await performAction(w.k, w.clerk, id, 'file', { on: '2025-11-20', data: { filedWith: '区人大常委会' } });

    const rejected = await createCase(w.k, w.clerk, { type: 'normative_document', orgId: w.justice, fields: { receivedOn: '2025-10-27', title: '某收费办法', drafter: '区城管局', materials: true } });
    await performAction(w.k, w.clerk, rejected, 'review', { on: '2025-11-05', data: { opinion: 'rejected', reviewer: '法制科' } });
    await rejects(performAction(w.k, w.clerk, rejected, 'issue', { on: '2025-11-06', data: { docNo: 'x' } }), 409);
    await performAction(w.k, w.clerk, rejected, 'close_rejected', { on: '2025-11-06' });
    const v = Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['规范性文件审核.审核', '规范性文件审核.备案'])).map((x) => [x.name, x.value]));
    assert.deepEqual(v, { '规范性文件审核.审核': 2, '规范性文件审核.备案': 1 });
  });

  test('重大行政决策 cannot be decided with a statutory step missing; comment ≥ 30 日 unless urgent (art. 15); the 7 工作日 bind the sender (art. 26)', async () => {
    const id = await createCase(w.k, w.admin, { type: 'major_decision', orgId: w.district, fields: { receivedOn: '2025-03-03', title: '青溪区老旧小区改造三年行动计划', catalogueCode: 'JC-2025-01', needsExperts: true, needsRisk: true } });
    const act = (action: string, on: string, data: Record<string, unknown> = {}) => performAction(w.k, w.admin, id, action, { on, data });
    await rejects(act('consult', '2025-04-05', { from: '2025-03-10', to: '2025-03-31', opinions: 12 }), 409, /不少于30日.*第十五条/);
    await act('consult', '2025-04-15', { from: '2025-03-10', to: '2025-04-10', opinions: 86 });
    await act('experts', '2025-04-20', { experts: 5, conclusion: '方案可行' });
    const missing = await rejects(act('discuss', '2025-05-08', { meetingKind: 'standing', meeting: '区政府第12次常务会议', headDecision: 'majority' }), 400);
    assert.match(missing.message, /尚未完成法定程序：合法性审查、风险评估/);
    // Law (条例 art. 26 ¶2): the 7 工作日 bind the sender; a reviewer who finishes sooner may record the opinion.
    await rejects(act('legality', '2025-05-09', { submittedOn: '2025-05-12', opinion: 'lawful' }), 400, /送审日期/);
    await act('risk', '2025-05-07', { level: 'medium', measures: '分期实施' });
    await rejects(act('legality', '2025-05-09', { submittedOn: '2025-04-28', opinion: 'lawful' }), 409, /法律顾问、公职律师.*第二十八条/);
    await act('counsel', '2025-05-08', { adviser: '区政府法律顾问团', opinion: '无法律障碍' });
    await act('legality', '2025-05-09', { submittedOn: '2025-04-28', opinion: 'lawful' });
    await act('discuss', '2025-05-13', { meetingKind: 'standing', meeting: '区政府第12次常务会议', headDecision: 'majority' });
    await rejects(act('publish', '2025-05-20', { docNo: '青政发〔2025〕8号' }), 409, /同级党委请示报告.*第三十一条/);
    await act('report_party', '2025-05-15', { committee: '中共青溪区委' });
    await act('publish', '2025-05-20', { docNo: '青政发〔2025〕8号' });
    assert.equal((await getCase(w.k, w.admin, id)).state, 'published');
  });

  test('合同审查 turnaround against its 5 工作日 limit, counted by kind', async () => {
    for (const [kind, on, answered] of [['contract', '2025-06-02', '2025-06-05'], ['contract', '2025-06-02', '2025-06-13'], ['opinion', '2025-06-03', '2025-06-04']] as const) {
      const id = await createCase(w.k, w.clerk, { type: 'legal_opinion', orgId: w.justice, fields: { receivedOn: on, kind, requester: '区住建局', subject: `${kind}事项` } });
      await performAction(w.k, w.clerk, id, 'answer', { on: answered, data: { adviser: '张律师', opinion: '同意' } });
    }
    const v = Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['合同审查与法律意见.审查合同', '合同审查与法律意见.法律意见', '合同审查与法律意见.按期办结率'])).map((x) => [x.name, x.value]));
    assert.deepEqual(v, { '合同审查与法律意见.审查合同': 2, '合同审查与法律意见.法律意见': 1, '合同审查与法律意见.按期办结率': 66.7 });
  });
});
