import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';

/**
 * 行刑衔接 (行政执法机关移送涉嫌犯罪案件的规定, 2020) on the 行政执法 case; 治安 cases under the
 * 2012 and the 2025 治安管理处罚法 by their 立案 date; 市场监管's 集体讨论 further extension.
 */
eachDatabase('enforcement: 行刑衔接, 治安 2012/2025, 市场监管 集体讨论延期', (tdb) => {
  let w: World;
  const clue = (receivedOn: string, extra: Record<string, unknown> = {}) =>
    createCase(w.k, w.clerk, { type: 'enforcement', orgId: w.justice, fields: { receivedOn, kind: 'penalty', source: 'inspection', matter: '涉嫌非法经营', major: false, ...extra } });
  const step = (id: number, action: string, on: string, data: Record<string, unknown> = {}) => performAction(w.k, w.clerk, id, action, { on, data });
  const clock = async (id: number, key: string): Promise<any> => (await getCase(w.k, w.clerk, id)).clocks.find((c: any) => c.key === key);
  const officers = { officer1: 'XT2026001', officer2: 'XT2026002' };
  const members = { member1: 'XT2026001', member2: 'XT2026002', suspicion: '涉嫌非法经营罪，经营数额约三十万元' };
  const materials = { police: '测试区公安分局', letter: true, report: true, items: true, tests: 'none', copiedToProcuratorate: true };
  const approve = { decision: 'approved', approver: '李局长', approverRole: 'head' };

  before(async () => {
    w = await makeWorld(tdb, '2026-06-30');
    for (const certNo of ['XT2026001', 'XT2026002']) {
      await createCase(w.k, null, { type: 'enforcement_certificate', orgId: w.justice, fields: { receivedOn: '2025-12-01', holder: `执法员${certNo.slice(-1)}`, certNo, field: '司法行政' } });
    }
  });
  after(async () => w.conn.close());

  test('移送: 专案组 report, the head decides in 3 日, transfer in 1 日; no 处罚 in its place; counted', async () => {
    const id = await clue('2026-03-02');
    await step(id, 'file', '2026-03-03', officers);
    await step(id, 'investigate', '2026-03-09', { findings: '经营数额约三十万元' });
    await step(id, 'notify', '2026-03-09', { proposal: '拟罚款', sanction: 'fine', proposedFine: 20000, partyType: 'organization' });
    // Art. 5 ¶1: the 专案组 has two or more officers with valid certificates.
    await rejects(step(id, 'transfer_report', '2026-03-10', { ...members, member2: 'XT2026001' }), 409, /2名或者2名以上.*第五条第一款/);
    await rejects(step(id, 'transfer_report', '2026-03-10', { ...members, member2: 'NOSUCH99' }), 409, /NOSUCH99不是有效的执法证件/);
    // No approval before a report.
    await rejects(step(id, 'transfer_approval', '2026-03-10', approve), 409);
    await step(id, 'transfer_report', '2026-03-10', members);
    assert.deepEqual(await clock(id, 'transfer_approval').then((c) => [c.startedOn, c.dueOn, c.unit]), ['2026-03-10', '2026-03-13', 'day'], '3 自然日, not 行政处罚法 art. 85 工作日');
    // Art. 5: only the 正职负责人 or 主持工作的负责人 decides; a refusal records its reason.
    await rejects(step(id, 'transfer_approval', '2026-03-12', { ...approve, approverRole: 'other' }), 409, /正职负责人或者主持工作的负责人/);
    await rejects(step(id, 'transfer_approval', '2026-03-12', { ...approve, decision: 'refused' }), 409, /不予批准的理由记录在案/);
    await step(id, 'transfer_approval', '2026-03-12', approve);
    const send = await clock(id, 'transfer_send');
    assert.deepEqual([send.startedOn, send.dueOn], ['2026-03-12', '2026-03-13'], '24 小时 kept as 1 日');
    // Art. 11 ¶1: approved and not yet sent, a 处罚 cannot stand in for the transfer.
    await rejects(step(id, 'decide', '2026-03-13', { decision: 'penalty', fine: 20000 }), 409, /不得以行政处罚代替移送.*第十一条第一款/);
    await rejects(step(id, 'transfer', '2026-03-13', { ...materials, items: false }), 409, /第六条/);
    await step(id, 'transfer', '2026-03-16', materials);
    const sent = await clock(id, 'transfer_send');
    assert.equal(sent.late, true, 'sent on 03-16, due 03-13');
    assert.equal((await clock(id, 'police_filing')).dueOn, '2026-03-19');
    await step(id, 'police_decision', '2026-03-18', { decision: 'filed', noticeNo: '测公立字〔2026〕5号' });
    // Art. 12: 3 日 from the 立案通知; 03-21 is a Saturday, so the period ends on Monday 03-23.
    assert.deepEqual(await clock(id, 'hand_over').then((c) => [c.startedOn, c.dueOn]), ['2026-03-18', '2026-03-23']);
    await step(id, 'hand_over', '2026-03-20', { items: '账册、银行流水', receipt: '交接清单2026-5' });
    assert.equal((await clock(id, 'hand_over')).late, false);
    // After the transfer the case may be closed as 移送司法机关.
    await step(id, 'decide', '2026-03-20', { decision: 'transferred', transferredTo: '测试区公安分局' });

    // A second case, sent on time and declined by the police: 移送 2, on time 1, 公安立案 1.
    const other = await clue('2026-04-01');
    await step(other, 'file', '2026-04-01', officers);
    await step(other, 'transfer_report', '2026-04-02', members);
    await step(other, 'transfer_approval', '2026-04-02', { ...approve, approverRole: 'acting' });
    await step(other, 'transfer', '2026-04-03', materials);
    await step(other, 'police_decision', '2026-04-03', { decision: 'not_filed', noticeNo: '测公不立字〔2026〕2号', reason: '未达追诉标准' });
    assert.equal((await clock(other, 'hand_over')).status, 'pending', 'nothing to hand over when the police decline');
    const v = Object.fromEntries(
      (await computeIndicators(w.k, { orgId: w.district, from: '2026-01-01', to: '2026-06-30' }, ['行政执法.移送件数', '行政执法.按期移送率', '行政执法.公安立案数'])).map((x) => [x.name, x]),
    );
    assert.equal(v['行政执法.移送件数'].value, 2);
    assert.deepEqual([v['行政执法.按期移送率'].numerator, v['行政执法.按期移送率'].denominator, v['行政执法.按期移送率'].value], [1, 2, 50]);
    assert.equal(v['行政执法.公安立案数'].value, 1);
  });

  test('不予立案: 复议 within 3 日, the police answer in 3 日, then 3 日 to ask the 检察院; 复议后立案 counts', async () => {
    const id = await clue('2026-05-04');
    await step(id, 'file', '2026-05-04', officers);
    await step(id, 'transfer_report', '2026-05-05', members);
    await step(id, 'transfer_approval', '2026-05-05', approve);
    await step(id, 'transfer', '2026-05-06', materials);
    await rejects(step(id, 'police_decision', '2026-05-07', { decision: 'not_filed', noticeNo: '测公不立字〔2026〕7号' }), 409, /说明理由.*第八条/);
    await step(id, 'police_decision', '2026-05-07', { decision: 'not_filed', noticeNo: '测公不立字〔2026〕7号', reason: '证据不足' });
    // 05-07 + 3 日 = 05-10, a Sunday: the period ends on Monday 05-11, so 05-12 is too late.
    await rejects(step(id, 'reconsideration_request', '2026-05-12', { grounds: '证据已补强' }), 409, /至2026-05-11已过.*第九条第一款/);
    await step(id, 'reconsideration_request', '2026-05-11', { grounds: '证据已补强' });
    assert.equal((await clock(id, 'police_reconsideration')).dueOn, '2026-05-14');
    await step(id, 'reconsideration_result', '2026-05-13', { decision: 'filed', noticeNo: '测公复字〔2026〕1号' });
    assert.equal((await clock(id, 'police_reconsideration')).late, false);
    assert.equal((await clock(id, 'hand_over')).startedOn, '2026-05-13', '立案 on 复议 starts the hand-over');
    // Filed on 复议: nothing left to ask the 检察院.
    await rejects(step(id, 'supervision_request', '2026-05-14', { procuratorate: '测试区人民检察院', grounds: '—' }), 409);
    const v = await computeIndicators(w.k, { orgId: w.district, from: '2026-05-01', to: '2026-05-31' }, ['行政执法.公安立案数']);
    assert.equal(v[0].value, 1);
  });

  test('治安: the 2012 text for cases filed before 2026-01-01, the 2025 text from then on', async () => {
    const old = await clue('2025-12-01', { field: 'public_security' });
    await step(old, 'file', '2025-12-03', officers);
    const o = await getCase(w.k, w.clerk, old);
    const oc: any = o.clocks.find((c: any) => c.key === 'decision_public_security');
    assert.deepEqual([oc.startedOn, oc.status], ['2025-12-01', 'running'], '2012 art. 99: from 受理');
    assert.equal(o.clocks.find((c: any) => c.key === 'decision_public_security_2025')?.status, 'pending');
    await rejects(step(old, 'exclude_period', '2025-12-10', { reason: 'hearing' }), 409, /2012年）第九十九条第二款/);

    const now = await clue('2026-02-02', { field: 'public_security' });
    await step(now, 'file', '2026-02-04', officers);
    const nc = await clock(now, 'decision_public_security_2025');
    assert.deepEqual([nc.startedOn, nc.dueOn], ['2026-02-04', '2026-03-06'], '2025 art. 118: from 立案');
    assert.equal((await clock(now, 'decision_public_security')).status, 'pending');
    await step(now, 'exclude_period', '2026-02-10', { reason: 'hearing' });
    await step(now, 'resume_period', '2026-02-12', {});
    const ext = { approver: '市公安局', reason: '案情重大、复杂' };
    await rejects(step(now, 'extend_decision_public_security', '2026-02-20', { days: 31, ...ext }), 400);
    await step(now, 'extend_decision_public_security', '2026-02-20', { days: 20, ...ext });
    await step(now, 'extend_decision_public_security', '2026-03-20', { days: 30, ...ext });
    // Two extensions used (50 of the 60 日): art. 118 allows no third.
    await rejects(step(now, 'extend_decision_public_security', '2026-04-01', { days: 10, ...ext }), 409, /已延长2次.*以二次为限/);
    assert.equal((await clock(now, 'decision_public_security_2025')).extended, 50);

    // 当场: 300元 is over the 2012 cap (200), within the 2025 one (500).
    const spot = { ...officers, certificatesShown: true, partyType: 'person', sanction: 'fine', fine: 300 };
    const before2026 = await clue('2025-12-20', { field: 'public_security' });
    await rejects(step(before2026, 'on_the_spot', '2025-12-20', spot), 409, /200元以下.*2012年）第一百条/);
    const after2026 = await clue('2026-01-20', { field: 'public_security' });
    await step(after2026, 'on_the_spot', '2026-01-20', spot);
    await rejects(step(await clue('2026-01-20', { field: 'public_security' }), 'on_the_spot', '2026-01-20', { ...spot, fine: 600 }), 409, /500元以下.*第一百一十九条/);
    assert.equal((await clock(after2026, 'filing')).dueOn, '2026-01-21', '24 小时 kept as 1 工作日');
  });

  test('市场监管: 集体讨论 may extend further, only after the head’s 30 日', async () => {
    const id = await clue('2026-03-02', { field: 'market' });
    await step(id, 'file', '2026-03-02', officers);
    const collective = { days: 45, discussedOn: '2026-06-01', participants: '局长、副局长', grounds: '涉案主体众多', minutes: '局务会纪要〔2026〕3号' };
    await rejects(step(id, 'extend_decision_market_collective', '2026-06-01', collective), 409, /须先经负责人批准延长三十日.*第六十四条/);
    await step(id, 'extend_decision_market', '2026-05-20', { days: 30, approver: '局长', reason: '案情复杂' });
    assert.equal((await clock(id, 'decision_market')).dueOn, '2026-06-30');
    await rejects(step(id, 'extend_decision_market', '2026-05-25', { days: 5, approver: '局长', reason: '再延' }), 409, /经批准的延长已用完.*集体讨论/);
    await rejects(step(id, 'extend_decision_market_collective', '2026-06-01', { ...collective, discussedOn: '2026-05-10' }), 400, /集体讨论日期/);
    await step(id, 'extend_decision_market_collective', '2026-06-01', collective);
    const c = await clock(id, 'decision_market');
    assert.deepEqual([c.extended, c.dueOn], [75, '2026-08-14']);
    // A general case has no such clock.
    const general = await clue('2026-03-02');
    await step(general, 'file', '2026-03-02', officers);
    await rejects(step(general, 'extend_decision_market_collective', '2026-04-01', collective), 400, /未在计时/);
  });

  test('art. 7: the police forward a case to the competent organ in 24 小时 (1 日), whose 3 日 then run; art. 13: a case sent back is the agency’s to decide', async () => {
    const sent = async (receivedOn: string) => {
      const id = await clue(receivedOn);
      await step(id, 'file', receivedOn, officers);
      await step(id, 'investigate', receivedOn, { findings: '经营数额约三十万元' });
      await step(id, 'notify', receivedOn, { proposal: '拟罚款', sanction: 'fine', proposedFine: 20000, partyType: 'organization' });
      await step(id, 'transfer_report', receivedOn, members);
      await step(id, 'transfer_approval', receivedOn, approve);
      await step(id, 'transfer', '2026-06-02', materials);
      return id;
    };
    const id = await sent('2026-06-01');
    await step(id, 'police_forwarded', '2026-06-04', { forwardedTo: '测试市公安局经侦支队', noticeNo: '测公转字〔2026〕3号' });
    const forward = await clock(id, 'police_forward');
    assert.deepEqual([forward.startedOn, forward.dueOn, forward.stoppedOn, forward.late], ['2026-06-02', '2026-06-03', '2026-06-04', true]);
    assert.deepEqual(await clock(id, 'police_filing').then((c) => [c.startedOn, c.dueOn]), ['2026-06-04', '2026-06-08'], 'the competent organ’s 3 日 from its receipt; 06-07 is a Sunday');
    await rejects(step(id, 'police_forwarded', '2026-06-05', { forwardedTo: '另一机关', noticeNo: '—' }), 409);
    await step(id, 'police_decision', '2026-06-05', { decision: 'filed', noticeNo: '测公（经）立字〔2026〕9号' });
    assert.equal((await clock(id, 'hand_over')).status, 'running');
    await step(id, 'police_return', '2026-06-08', { ground: 'minor', police: '测试市公安局经侦支队', noticeNo: '测公移字〔2026〕1号' });
    assert.deepEqual(await clock(id, 'hand_over').then((c) => [c.status, c.stoppedBy]), ['stopped', 'police_return']);
    await rejects(step(id, 'hand_over', '2026-06-08', { items: '账册', receipt: '—' }), 409);
    await rejects(step(id, 'decide', '2026-06-09', { decision: 'transferred', transferredTo: '测试市公安局' }), 409, /移送回本机关.*第十三条/);
    await step(id, 'decide', '2026-06-09', { decision: 'penalty', fine: 20000 });
    assert.equal((await getCase(w.k, w.clerk, id)).links.length, 0, 'not yet decided: the case itself goes on');

    // Closed as 移送司法机关 before the police sent it back: a new 线索 (来源：移送) is opened and linked.
    const closed = await sent('2026-06-01');
    await step(closed, 'police_decision', '2026-06-03', { decision: 'filed', noticeNo: '测公（经）立字〔2026〕10号' });
    await step(closed, 'hand_over', '2026-06-04', { items: '账册', receipt: '交接清单2026-20' });
    await step(closed, 'decide', '2026-06-04', { decision: 'transferred', transferredTo: '测试区公安分局' });
    await step(closed, 'police_return', '2026-06-10', { ground: 'no_crime', police: '测试区公安分局', noticeNo: '测公移字〔2026〕2号' });
    const c = await getCase(w.k, w.clerk, closed);
    assert.deepEqual(c.links.map((l) => [l.direction, l.typeName]), [['转出', '行政执法']]);
    const reopened = await getCase(w.k, w.clerk, c.links[0].caseId);
    assert.deepEqual([reopened.state, reopened.fields.source, reopened.fields.matter, reopened.fields.receivedOn], ['clue', 'transfer', '涉嫌非法经营', '2026-06-10']);

    const v = await computeIndicators(w.k, { orgId: w.district, from: '2026-06-01', to: '2026-06-30' }, ['行政执法.公安转送', '行政执法.公安移送回']);
    assert.deepEqual(v.map((x) => x.value), [1, 2]);
  });

  test('治安 送达: 当场 or within 2 日 under both texts, the family told of a 拘留; one officer on the spot from 2026 with no objection and full recording', async () => {
    const decided = async (receivedOn: string, decideOn: string, detentionDays?: number) => {
      const id = await clue(receivedOn, { field: 'public_security', matter: '殴打他人' });
      await step(id, 'file', receivedOn, officers);
      await step(id, 'investigate', receivedOn, { findings: '殴打他人致轻微伤' });
      await step(id, 'notify', receivedOn, { proposal: '拟行政拘留', sanction: 'other_heavy', partyType: 'person' });
      await step(id, 'decide', decideOn, { decision: 'penalty', fine: 0, hearingWaived: true, ...(detentionDays ? { detentionDays } : {}) });
      return id;
    };
    // 2025 text: decided Friday 2026-06-05, 2 日 end on Sunday 06-07, so Monday 06-08; no 7-day 行政处罚法 clock.
    const now = await decided('2026-06-01', '2026-06-05', 5);
    const c = await getCase(w.k, w.clerk, now);
    assert.deepEqual(c.clocks.filter((x: any) => x.key.startsWith('service')).map((x: any) => [x.key, x.status, x.dueOn]), [
      ['service', 'pending', null],
      ['service_public_security', 'running', '2026-06-08'],
    ]);
    await rejects(step(now, 'serve', '2026-06-08', { method: 'direct' }), 409, /及时通知被处罚人的家属（治安管理处罚法（2025年修订）第一百一十六条第一款）/);
    await step(now, 'serve', '2026-06-08', { method: 'direct', familyNotified: true });
    assert.equal((await clock(now, 'service_public_security')).late, false);
    // 2012 text (filed 2025-12): the same 2 日 in its art. 97, served late on the third working day.
    const old = await decided('2025-12-15', '2026-06-10', 3);
    await rejects(step(old, 'serve', '2026-06-15', { method: 'post' }), 409, /2012年）第九十七条第一款/);
    await step(old, 'serve', '2026-06-15', { method: 'post', familyNotified: true });
    assert.deepEqual(await clock(old, 'service_public_security').then((x) => [x.dueOn, x.late]), ['2026-06-12', true]);
    // 拘留 is for 治安 cases only.
    const general = await clue('2026-06-01');
    await step(general, 'file', '2026-06-01', officers);
    await step(general, 'investigate', '2026-06-01', { findings: '—' });
    await step(general, 'notify', '2026-06-01', { proposal: '拟警告', sanction: 'warning', partyType: 'person' });
    await rejects(step(general, 'decide', '2026-06-02', { decision: 'penalty', fine: 0, detentionDays: 3 }), 409, /行政处罚法第十八条第三款/);

    // Art. 120 ¶3: one officer, only with no objection and full recording, and only under the 2025 text.
    const spot = { officer1: 'XT2026001', certificatesShown: true, partyType: 'person', sanction: 'fine', fine: 300, singleOfficer: true };
    const one = await clue('2026-06-03', { field: 'public_security' });
    await rejects(step(one, 'on_the_spot', '2026-06-03', { ...spot, noObjection: true }), 409, /全程同步录音录像（治安管理处罚法（2025年修订）第一百二十条第三款）/);
    await rejects(step(one, 'on_the_spot', '2026-06-03', { ...spot, singleOfficer: false, noObjection: true, fullRecording: true }), 409, /不得少于两人.*第四十二条/);
    await step(one, 'on_the_spot', '2026-06-03', { ...spot, noObjection: true, fullRecording: true });
    assert.equal((await getCase(w.k, w.clerk, one)).state, 'served');
    const otherField = await clue('2026-06-03');
    await rejects(step(otherField, 'on_the_spot', '2026-06-03', { ...spot, fine: 100, noObjection: true, fullRecording: true }), 409, /只有2026年1月1日起的治安当场处罚/);
  });
});
