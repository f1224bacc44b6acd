import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { sql } from 'kysely';
import { createCase, performAction, getCase, addAttachment } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { publishRegister, readRegister, registerWorkbook, rowsToItems, parseItems } from '../../src/kernel/registers.ts';
import { readRows } from '../../src/kernel/cases/import.ts';
import { createRegisterKinds } from '../../src/institutions/registers/index.ts';
import { sampleCaseFiles } from '../../src/institutions/enforcement/sampling.ts';

eachDatabase('enforcement: certificates, 三项制度, 免罚清单, 案卷评查; registers', (tdb) => {
  let w: World;
  const kinds = createRegisterKinds();
  const cert = async (certNo: string, issued: string) =>
    createCase(w.k, null, { type: 'enforcement_certificate', orgId: w.justice, fields: { receivedOn: issued, holder: `执法员${certNo.slice(-2)}`, certNo, field: '司法行政' } });
  const clue = (receivedOn: string, extra: Record<string, unknown> = {}) =>
    createCase(w.k, w.clerk, { type: 'enforcement', orgId: w.justice, fields: { receivedOn, kind: 'penalty', source: 'inspection', matter: '未经许可从事法律服务', major: false, ...extra } });
  const step = (id: number, action: string, on: string, data: Record<string, unknown> = {}, who = w.clerk) => performAction(w.k, who, id, action, { on, data });
  const toNotified = async (id: number, on: string, hearingRight = false) => {
    await step(id, 'file', on, { officer1: 'SF2025001', officer2: 'SF2025002' });
    await step(id, 'investigate', on, { findings: '查明违法事实' });
    await step(id, 'notify', on, { proposal: '拟罚款5000元', sanction: 'fine', proposedFine: 5000, partyType: 'organization', hearingRight });
  };

  before(async () => {
    w = await makeWorld(tdb, '2025-12-31');
    await cert('SF2025001', '2025-01-10');
    await cert('SF2025002', '2025-01-10');
    const revoked = await cert('SF2025003', '2025-01-10');
    await performAction(w.k, null, revoked, 'revoke', { on: '2025-03-01', data: { reason: 'left' } });
    await cert('SF2024009', '2024-02-01'); // never reviewed: its 年审 fell due on 2025-02-01
  });
  after(async () => w.conn.close());

  test('only two different officers with valid certificates may open a case', async () => {
    const id = await clue('2025-04-01');
    // A step the law forbids (art. 42) is a 409 naming the article, not a 400 for a malformed form.
    await rejects(step(id, 'file', '2025-04-02', { officer1: 'SF2025001', officer2: 'SF2025001' }), 409, /不得少于两人.*第四十二条/);
    await rejects(step(id, 'file', '2025-04-02', { officer1: 'SF2025001', officer2: 'SF2025003' }), 409, /SF2025003不是有效的执法证件/);
    await rejects(step(id, 'file', '2025-04-02', { officer1: 'SF2024009', officer2: 'SF2025002' }), 409, /SF2024009不是有效/);
    await rejects(step(id, 'file', '2025-04-02', { officer1: 'NOSUCH01', officer2: 'SF2025002' }), 409, /NOSUCH01/);
    await step(id, 'file', '2025-04-02', { officer1: 'SF2025001', officer2: 'SF2025002' });
    const c = await getCase(w.k, w.clerk, id);
    assert.equal(c.state, 'filed');
    assert.equal(c.clocks.find((k: any) => k.key === 'decision')!.dueOn, '2025-07-01', '90 日 from 立案');
  });

  test('全过程记录: files belong to the current step, a closed step takes no more, stored files never change', async () => {
    const id = await clue('2025-04-07');
    await step(id, 'file', '2025-04-08', { officer1: 'SF2025001', officer2: 'SF2025002' });
    const fileEvent = (await getCase(w.k, w.clerk, id)).timeline.at(-1)!.id;
    await addAttachment(w.k, w.clerk, id, { filename: '现场检查笔录.pdf', mime: 'application/pdf', content: Buffer.from('笔录'), eventId: fileEvent });
    await step(id, 'investigate', '2025-04-20', { findings: '属实' });
    await rejects(addAttachment(w.k, w.clerk, id, { filename: '补拍照片.jpg', mime: 'image/jpeg', content: Buffer.from('jpg'), eventId: fileEvent }), 409, /该环节已办结/);
    const later = await addAttachment(w.k, w.clerk, id, { filename: '调查终结报告.pdf', mime: 'application/pdf', content: Buffer.from('报告') });
    const files = (await getCase(w.k, w.clerk, id)).attachments;
    assert.deepEqual(files.map((a: any) => a.step), ['2025-04-08 立案', '2025-04-20 调查终结']);
    await assert.rejects(sql`update attachments set filename = 'x' where id = ${later}`.execute(w.k.db), /不得修改或删除/);
    await assert.rejects(sql`delete from attachments where id = ${later}`.execute(w.k.db), /不得修改或删除/);
  });

  test('a major case cannot be decided without 法制审核, and no handler may review it', async () => {
    const id = await clue('2025-05-06', { major: true });
    await toNotified(id, '2025-05-07');
    await rejects(step(id, 'decide', '2025-05-20', { decision: 'penalty', fine: 5000 }), 409, /须经法制审核同意后才能作出决定/);
    const review = { reviewer: '王审核', qualified: true, opinion: 'approved' };
    await rejects(step(id, 'legal_review', '2025-05-12', review), 409, /非案件承办人员.*118号/);
    // Law (art. 58 ¶2): only a reviewer doing it for the first time needs 法律职业资格.
    await rejects(step(id, 'legal_review', '2025-05-12', { ...review, qualified: false, firstTime: true }, w.admin), 409, /初次从事.*法律职业资格/);
    await step(id, 'legal_review', '2025-05-12', { ...review, qualified: false }, w.admin);
    // Law (art. 57 ¶2): a major case's penalty is decided by the heads collectively.
    await rejects(step(id, 'decide', '2025-05-20', { decision: 'penalty', fine: 5000 }), 409, /集体讨论.*第五十七条第二款/);
    await step(id, 'decide', '2025-05-20', { decision: 'penalty', fine: 5000, collective: true });
    assert.equal((await getCase(w.k, w.clerk, id)).outcome, 'penalty');
  });

  test('a hearing makes 法制审核 required too; a rejecting review blocks the decision', async () => {
    const id = await clue('2025-06-02');
    await toNotified(id, '2025-06-03', true);
    const hearing = { noticeOn: '2025-06-03', host: '李主持', hostNotInvestigator: true, attendance: 'attended', summary: '当事人陈述申辩' };
    // Art. 64 (二), 85: notified 06-03, the hearing is held on the 7th working day (06-12) at the earliest.
    await rejects(step(id, 'hearing', '2025-06-11', hearing), 409, /最早于2025-06-12举行.*第六十四条第二项/);
    await rejects(step(id, 'hearing', '2025-06-12', { ...hearing, hostNotInvestigator: false }), 409, /非本案调查人员主持.*第六十四条第四项/);
    await step(id, 'hearing', '2025-06-12', hearing);
    await rejects(step(id, 'decide', '2025-06-20', { decision: 'penalty', fine: 8000 }), 409, /经过听证/);
    await step(id, 'legal_review', '2025-06-12', { reviewer: '王审核', qualified: true, opinion: 'rejected' }, w.admin);
    await rejects(step(id, 'decide', '2025-06-20', { decision: 'penalty', fine: 8000 }), 409, /须经法制审核同意|不同意/);
  });

  test('首违不罚 cites an item of the current 免罚清单 and is not published; 公示 within 7 工作日 across 国庆', async () => {
    const id = await clue('2025-09-01');
    await toNotified(id, '2025-09-02');
    // Law (art. 33 ¶1): 不予处罚 does not depend on a list; but an item that is cited must be on it.
    await rejects(step(id, 'decide', '2025-09-28', { decision: 'first_violation', waived: 2000, exemptionItem: 'MF-001' }), 400, /不在本单位现行免罚清单/);
    // The district's list applies to its departments.
    await publishRegister(w.k.db, w.admin, { orgId: w.district, kind: kinds.get('exemptions'), note: '首次发布', on: '2025-09-01', items: [{ code: 'MF-001', name: '未按规定公示执业信息', kind: 'first_violation', condition: '首次违法且及时改正', basis: '《律师执业管理办法》' }] });
    await step(id, 'decide', '2025-09-28', { decision: 'first_violation', waived: 2000, exemptionItem: 'MF-001' });
    // Art. 48 ¶1: a 不予处罚 decision is not a 处罚 to publish, so no 公示 clock runs.
    assert.equal((await getCase(w.k, w.clerk, id)).clocks.find((k: any) => k.key === 'publicity')!.status, 'pending');
    const fined = await clue('2025-09-01');
    await toNotified(fined, '2025-09-02');
    await step(fined, 'decide', '2025-09-28', { decision: 'penalty', fine: 3000 });
    const publicity = (await getCase(w.k, w.clerk, fined)).clocks.find((k: any) => k.key === 'publicity')!;
    assert.equal(publicity.dueOn, '2025-10-14', '7 working days: 9-29, 9-30, 10-9, 10-10, 10-11 (调休), 10-13, 10-14');
    await step(fined, 'serve', '2025-09-30', { method: 'direct' });
    await step(fined, 'publicize', '2025-10-15', { summary: '某法律服务所罚款3000元' });
    const other = await clue('2025-09-01', { kind: 'inspection' });
    await toNotified(other, '2025-09-02');
    await step(other, 'decide', '2025-09-28', { decision: 'other_decision' });
    assert.equal((await getCase(w.k, w.clerk, other)).clocks.find((k: any) => k.key === 'publicity')!.dueOn, '2025-10-31', 'other decisions: 20 工作日');
    await step(other, 'publicize', '2025-10-20', { summary: '检查决定' });

    const v = Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2025-01-01', to: '2025-12-31' }, ['行政执法.不予处罚', '行政执法.免罚金额', '行政执法.法制审核', '行政执法.罚没金额', '行政执法.按期公示率'])).map((x) => [x.name, x]));
    assert.equal(v['行政执法.不予处罚'].value, 1);
    assert.equal(v['行政执法.免罚金额'].value, 2000);
    assert.equal(v['行政执法.法制审核'].value, 2);
    assert.equal(v['行政执法.罚没金额'].value, 8000);
    assert.deepEqual([v['行政执法.按期公示率'].numerator, v['行政执法.按期公示率'].denominator, v['行政执法.按期公示率'].value], [1, 2, 50]);
  });

  test('案卷评查 samples closed case files at random, never one twice', async () => {
    for (const on of ['2025-07-01', '2025-07-02', '2025-07-03']) {
      const id = await clue(on);
      await toNotified(id, on);
      await step(id, 'decide', on, { decision: 'penalty', fine: 1000 });
      await step(id, 'serve', on, { method: 'direct' });
      await step(id, 'execute', '2025-07-20', { performance: 'performed' });
    }
    const input = { reviewerOrgId: w.justice, fromOrgId: w.district, year: 2025, count: 2 };
    const first = await sampleCaseFiles(w.k, w.admin, input);
    assert.deepEqual([first.sampled, first.of], [2, 3]);
    const second = await sampleCaseFiles(w.k, w.admin, { ...input, count: 5 });
    assert.deepEqual([second.sampled, second.of], [1, 1]);
    assert.equal(new Set([...first.numbers, ...second.numbers]).size, 3);
    await rejects(sampleCaseFiles(w.k, w.admin, input), 400, /没有可供评查的已结案卷/);
    await rejects(sampleCaseFiles(w.k, w.eduClerk, input), 403);
  });

  test('案卷评查: the grade must match the score; problems are rectified', async () => {
    const id = await createCase(w.k, w.admin, { type: 'file_review', orgId: w.justice, fields: { receivedOn: '2025-11-03', caseNumber: '区司法局执〔2025〕1号', caseOrg: '测试区司法局' } });
    const scores = { subject: 10, evidence: 25, procedure: 20, law: 15, documents: 8 };
    await rejects(performAction(w.k, w.admin, id, 'score', { on: '2025-11-04', data: { ...scores, grade: 'excellent' } }), 400, /总分78分，对应等次应为「合格」/);
    await performAction(w.k, w.admin, id, 'score', { on: '2025-11-04', data: { ...scores, grade: 'pass', problems: '告知书未载明听证权利' } });
    assert.equal((await getCase(w.k, w.admin, id)).clocks[0].dueOn, '2025-12-04');
  });

  test('registers: versions with a change log, bad lists refused whole, Excel round trip', async () => {
    const kind = kinds.get('licence_reform');
    const item = (code: string, mode: string) => ({ code, name: `许可事项${code}`, mode, basis: '国发〔2021〕7号' });
    const v1 = [item('ZZ01', 'cancelled'), item('ZZ02', 'filing'), item('ZZ03', 'pledge')];
    await publishRegister(w.k.db, w.clerk, { orgId: w.justice, kind, items: v1, note: '首次发布', on: '2025-03-01' });
    const bad = await rejects(publishRegister(w.k.db, w.clerk, { orgId: w.justice, kind, items: [item('ZZ01', 'cancelled'), item('ZZ01', 'pledge'), { code: 'ZZ09', name: '', mode: 'nope', basis: 'x' }], note: '错误', on: '2025-04-01' }), 400);
    assert.match(bad.message, /第2项：编码「ZZ01」重复/);
    assert.match(bad.message, /第3项/);
    await rejects(publishRegister(w.k.db, w.eduClerk, { orgId: w.justice, kind, items: v1, note: '越权', on: '2025-04-01' }), 403);
    const { registerId } = await publishRegister(w.k.db, w.clerk, { orgId: w.justice, kind, items: [item('ZZ01', 'cancelled'), item('ZZ02', 'optimised'), item('ZZ04', 'pledge')], note: '动态调整', on: '2025-06-01' });
    const reg = await readRegister(w.k.db, registerId);
    assert.equal(reg.version, 2, 'the refused list wrote no version');
    assert.deepEqual(reg.changes[0], { version: 2, publishedOn: '2025-06-01', note: '动态调整', added: ['ZZ04'], removed: ['ZZ03'], changed: ['ZZ02'] });

    const xlsx = await registerWorkbook(kind, reg.items);
    const rows = await readRows('证照分离.xlsx', new Uint8Array(xlsx), (b) => new TextDecoder().decode(b));
    assert.equal(rows[1]['改革方式'], '优化审批服务', 'options exported as their labels');
    assert.deepEqual(parseItems(kind, rowsToItems(kind, rows)), reg.items);
  });
});
