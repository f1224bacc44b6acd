import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, reconsiderationIntake, disclosureIntake, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase, listCases, applyExpiries, recomputeAllClocks, caseListQuery, addAttachment } from '../../src/kernel/cases/engine.ts';
import { verifyChain } from '../../src/kernel/audit/audit.ts';

eachDatabase('case engine', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
  });
  after(async () => w.conn.close());

  const count = async (table: 'case_events' | 'cases' | 'audit_events') =>
    Number((await w.k.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('案号 follows X区复〔2024〕N号 with a sequence per org, type and year that is never reused', async () => {
    const a = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2024-12-30') });
    const b = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2024-12-31') });
    const c = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-01-02') });
    const d = await createCase(w.k, w.eduClerk, { type: 'disclosure', orgId: w.education, fields: disclosureIntake('2025-01-02') });
    const num = async (id: number) => (await getCase(w.k, w.admin, id)).number;
    assert.equal(await num(a), '测试区复〔2024〕1号');
    assert.equal(await num(b), '测试区复〔2024〕2号');
    assert.equal(await num(c), '测试区复〔2025〕1号');
    assert.equal(await num(d), '区教体局依申请公开〔2025〕1号');
    // A failed intake does not consume a number.
    await rejects(createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: { ...reconsiderationIntake('2025-01-03'), respondent: '' } }), 400);
    const e = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-01-03') });
    assert.equal(await num(e), '测试区复〔2025〕2号');
  });

  test('a reconsideration runs receipt → 补正 → 受理 → 延期 (approved by the head) → 决定', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-03-03') });
    let c = await getCase(w.k, w.clerk, id);
    assert.equal(c.state, 'received');
    assert.equal(c.clocks.find((x) => x.key === 'acceptance')!.dueOn, '2025-03-10');
    await performAction(w.k, w.clerk, id, 'request_correction', { version: c.version, on: '2025-03-05', data: { items: '请补充身份证明' } });
    await performAction(w.k, w.clerk, id, 'receive_correction', { on: '2025-03-12' });
    c = await getCase(w.k, w.clerk, id);
    const acc = c.clocks.find((x) => x.key === 'acceptance')!;
    assert.equal(acc.startedOn, '2025-03-12');
    assert.equal(acc.dueOn, '2025-03-19');
    await performAction(w.k, w.clerk, id, 'accept', { on: '2025-03-14' });
    c = await getCase(w.k, w.clerk, id);
    assert.equal(c.clocks.find((x) => x.key === 'decision')!.dueOn, '2025-05-13');
    // The clerk may ask; only the head approves (a duty the clerk does not hold).
    await performAction(w.k, w.clerk, id, 'request_extension', { on: '2025-05-06', data: { days: 20, reason: '案情复杂，需补充调查' } });
    await rejects(performAction(w.k, w.clerk, id, 'approve_extension', { on: '2025-05-07', data: { days: 20 } }), 403, /批准延期/);
    await rejects(performAction(w.k, w.admin, id, 'approve_extension', { on: '2025-05-07', data: { days: 25 } }), 400, /不能多于申请的20日/);
    await performAction(w.k, w.admin, id, 'approve_extension', { on: '2025-05-07', data: { days: 20 } });
    c = await getCase(w.k, w.clerk, id);
    const decision = c.clocks.find((x) => x.key === 'decision')!;
    assert.equal(decision.extended, 20);
    assert.equal(decision.dueOn, '2025-06-03');
    // Total extension never exceeds 30 days: asking for more than is left is refused at the request (B23).
    await rejects(performAction(w.k, w.clerk, id, 'request_extension', { on: '2025-05-20', data: { days: 15, reason: '再次延期' } }), 400, /最多可延长30日（已延长20），本次最多10/);
    await performAction(w.k, w.clerk, id, 'request_extension', { on: '2025-05-20', data: { days: 10, reason: '再次延期' } });
    // The approval form starts with the days asked for.
    c = await getCase(w.k, w.admin, id);
    assert.deepEqual(c.actions.find((a) => a.key === 'approve_extension')!.defaults, { days: 10 });
    await performAction(w.k, w.admin, id, 'approve_extension', { on: '2025-05-20', data: { days: 10 } });
    // With the 30 days used, 申请延长 is no longer offered, and asking anyway names the cap.
    c = await getCase(w.k, w.clerk, id);
    assert.ok(!c.actions.some((a) => a.key === 'request_extension'), c.actions.map((a) => a.key).join());
    await rejects(performAction(w.k, w.clerk, id, 'request_extension', { on: '2025-05-21', data: { days: 1, reason: '再延' } }), 400, /最多可延长30日（已延长30）/);
    // 行政复议法 art. 49: the parties are heard first; art. 61: the head approves the decision.
    await performAction(w.k, w.clerk, id, 'hear_views', { on: '2025-05-26', data: { method: 'in_person', record: '申请人认为事实不清' } });
    await performAction(w.k, w.clerk, id, 'decide', { on: '2025-05-28', data: { outcome: 'revoked', approval: 'head', summary: '认定事实不清，撤销' } });
    c = await getCase(w.k, w.clerk, id);
    assert.equal(c.state, 'decided');
    assert.equal(c.outcomeLabel, '撤销');
    assert.equal(c.closedOn, '2025-05-28');
    const done = c.clocks.find((x) => x.key === 'decision')!;
    assert.equal(done.status, 'stopped');
    assert.equal(done.late, false);
    assert.deepEqual(c.actions.map((a) => a.key), ['publish_decision', 'issue_opinion_letter']);
  });

  test('a transition not allowed from the current state is refused and changes nothing', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-04-01') });
    const before = await count('case_events');
    const audits = await count('audit_events');
    await rejects(performAction(w.k, w.clerk, id, 'decide', { data: { outcome: 'upheld', summary: 'x' } }), 409, /受理审查.*不能办理「作出行政复议决定」/);
    await rejects(performAction(w.k, w.clerk, id, 'no_such_step'), 400, /没有名为/);
    await rejects(performAction(w.k, w.clerk, id, 'deem_accept'), 403, /系统依法自动处理/);
    assert.equal(await count('case_events'), before);
    assert.equal(await count('audit_events'), audits);
    assert.equal((await getCase(w.k, w.clerk, id)).version, 1);
  });

  test('missing fields and impossible dates get a Chinese message naming the field', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-04-02') });
    await rejects(performAction(w.k, w.clerk, id, 'reject', { data: {} }), 400, /「不予受理理由」为必填项/);
    await rejects(performAction(w.k, w.clerk, id, 'accept', { on: '2025-02-30' }), 400, /日期「2025-02-30」无效/);
    await rejects(performAction(w.k, w.clerk, id, 'accept', { on: '2025-04-01' }), 400, /不能早于上一办理环节的日期（2025-04-02）/);
    await rejects(performAction(w.k, w.clerk, id, 'accept', { on: '2025-07-01' }), 400, /不能晚于今天/);
    await rejects(
      createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: { ...reconsiderationIntake('2025-13-01'), parties: [] } }),
      400,
      /「收到申请日期」日期无效.*至少填写一名申请人/,
    );
    await rejects(
      createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: { ...reconsiderationIntake('2025-04-01'), parties: [{ role: 'applicant', name: '李四', idNumber: '123' }] } }),
      400,
      /第1项证件号码.*格式不正确/,
    );
  });

  test('two clerks editing the same case: the second gets a conflict, not a lost update', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-04-03') });
    const seen = (await getCase(w.k, w.clerk, id)).version;
    await performAction(w.k, w.clerk, id, 'accept', { version: seen, on: '2025-04-07' });
    await rejects(performAction(w.k, w.admin, id, 'reject', { version: seen, data: { ground: 'scope', reason: '不属于受理范围' } }), 409);
    const c = await getCase(w.k, w.clerk, id);
    assert.equal(c.state, 'accepted');
    assert.equal(c.version, seen + 1);
  });

  test('two steps at the same moment on one case: one is taken, the other is a conflict, and the audit trail has exactly the one', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-04-04') });
    const before = { audit: await count('audit_events'), events: await count('case_events') };
    // Neither passes a version: both read version 1, and only the case update's own check stops the second.
    const results = await Promise.allSettled([
      performAction(w.k, w.clerk, id, 'accept', { on: '2025-04-07' }),
      performAction(w.k, w.admin, id, 'accept', { on: '2025-04-07' }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal(refused.reason.status, 409);
    assert.equal(await count('audit_events'), before.audit + 1);
    assert.equal(await count('case_events'), before.events + 1);
    assert.equal((await verifyChain(w.k.db)).ok, true);
    // The case page (one query for the case, its events, clocks and links) shows the step.
    const c = await getCase(w.k, w.clerk, id);
    assert.equal(c.version, 2);
    assert.deepEqual(c.timeline.map((e) => e.kind), ['receive', 'accept']);
    assert.ok(c.timeline[1].recordedAt instanceof Date);
    assert.equal(c.handlerName, w.clerk.displayName);
    assert.equal(c.clocks.find((x) => x.key === 'acceptance')!.status, 'stopped');
  });

  test('permissions: a clerk acts only in their org, a leader sees but never changes', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-04-08') });
    await rejects(getCase(w.k, w.eduClerk, id), 404);
    await rejects(performAction(w.k, w.eduClerk, id, 'accept'), 404);
    await rejects(createCase(w.k, w.eduClerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-04-08') }), 403, /管辖范围/);
    const seenByLeader = await getCase(w.k, w.leader, id);
    assert.equal(seenByLeader.actions.length, 0);
    await rejects(performAction(w.k, w.leader, id, 'accept'), 403, /只读/);
    const list = await listCases(w.k, w.eduClerk, caseListQuery.parse({}));
    assert.ok(list.items.every((i) => i.orgName === '测试区教育体育局'));
  });

  test("parties' personal data is masked for the leader and shown to the handling clerk", async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-04-09') });
    const clerkView = (await getCase(w.k, w.clerk, id)).parties[0];
    assert.equal(clerkView.name, '张三丰');
    assert.equal(clerkView.idNumber, '110101199003071234');
    const leaderView = (await getCase(w.k, w.leader, id)).parties[0];
    assert.equal(leaderView.name, '张**');
    assert.equal(leaderView.idNumber, '1101**********1234');
    assert.equal(leaderView.phone, '138****5678');
    assert.ok(!leaderView.address!.includes('88号'));
    // The district admin works at the 司法局: its own cases in clear, another department's masked.
    assert.equal((await getCase(w.k, w.admin, id)).parties[0].name, '张三丰');
    const edu = await createCase(w.k, w.eduClerk, { type: 'disclosure', orgId: w.education, fields: disclosureIntake('2025-04-09') });
    assert.equal((await getCase(w.k, w.eduClerk, edu)).parties[0].phone, '13812345678');
    const adminView = await getCase(w.k, w.admin, edu);
    assert.equal(adminView.personalDataMasked, true);
    assert.equal(adminView.parties[0].phone, '138****5678');
  });

  test('an acceptance review that expires is deemed accepted (视为受理) on its due date', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-03') });
    const expired = await w.k.db
      .selectFrom('case_clocks as cc')
      .innerJoin('cases as c', 'c.id', 'cc.case_id')
      .where('cc.clock', '=', 'acceptance')
      .where('cc.status', '=', 'running')
      .where('cc.due_on', '<', w.today.value)
      .where('c.state', '=', 'received')
      .select('c.id')
      .execute();
    assert.ok(expired.some((r) => r.id === id));
    assert.equal(await applyExpiries(w.k), expired.length);
    assert.equal(await applyExpiries(w.k), 0, 'a second sweep finds nothing left');
    const c = await getCase(w.k, w.clerk, id);
    // 06-03 + 5 working days = 06-10 (端午 05-31..06-02 already past)
    assert.equal(c.state, 'accepted');
    const deemed = c.timeline.find((e) => e.kind === 'deem_accept')!;
    assert.equal(deemed.on, '2025-06-10');
    assert.equal(deemed.actorName, '系统');
    assert.equal(c.clocks.find((x) => x.key === 'decision')!.startedOn, '2025-06-10');
  });

  test('due dates are recomputed when the calendar changes', async () => {
    const id = await createCase(w.k, w.eduClerk, { type: 'disclosure', orgId: w.education, fields: disclosureIntake('2025-06-13') });
    const due = (await getCase(w.k, w.eduClerk, id)).clocks.find((x) => x.key === 'answer')!.dueOn;
    await w.k.db.insertInto('calendar_overrides').values({ day: '2025-06-20', kind: 'holiday', name: '测试假日' }).execute();
    await w.k.reloadCalendar();
    await recomputeAllClocks(w.k);
    const later = (await getCase(w.k, w.eduClerk, id)).clocks.find((x) => x.key === 'answer')!.dueOn;
    assert.equal(due, '2025-07-11');
    assert.equal(later, '2025-07-14');
    await w.k.db.deleteFrom('calendar_overrides').execute();
    await w.k.reloadCalendar();
    await recomputeAllClocks(w.k);
  });

  test('依申请公开: refusal without reason is refused; extension beyond 20 working days is refused', async () => {
    const id = await createCase(w.k, w.eduClerk, { type: 'disclosure', orgId: w.education, fields: disclosureIntake('2025-05-06') });
    await rejects(performAction(w.k, w.eduClerk, id, 'answer', { on: '2025-05-20', data: { outcome: 'refused', method: 'electronic' } }), 409, /应当告知申请人理由/);
    await performAction(w.k, w.eduClerk, id, 'extend', { on: '2025-05-20', data: { days: 15, reason: '信息量大', approver: '王局长' } });
    await rejects(performAction(w.k, w.eduClerk, id, 'extend', { on: '2025-05-21', data: { days: 10, reason: '再延', approver: '王局长' } }), 400, /最多可延长20个工作日/);
    await performAction(w.k, w.eduClerk, id, 'answer', { on: '2025-06-10', data: { outcome: 'partial', reason: '涉及第三方商业秘密', method: 'electronic' } });
    const c = await getCase(w.k, w.eduClerk, id);
    assert.equal(c.state, 'answered');
    assert.equal(c.clocks[0].late, false);
  });

  test('attachments are stored with their SM3 hash and audited', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-04-10') });
    await addAttachment(w.k, w.clerk, id, { filename: '申请书.txt', mime: 'text/plain', content: Buffer.from('行政复议申请书') });
    await rejects(addAttachment(w.k, w.leader, id, { filename: 'x.txt', mime: 'text/plain', content: Buffer.from('x') }), 403);
    await rejects(addAttachment(w.k, w.clerk, id, { filename: 'empty.txt', mime: 'text/plain', content: Buffer.alloc(0) }), 400, /空文件/);
    const c = await getCase(w.k, w.clerk, id);
    assert.equal(c.attachments.length, 1);
    assert.equal(c.attachments[0].sm3.length, 64);
    assert.equal((await verifyChain(w.k.db)).ok, true);
  });
});

// 行政复议法实施条例 (国务院令第836号, 2026-04-29, in force 2026-07-01 per art. 77): what it adds to the 复议 clocks and refusals.
eachDatabase('行政复议法实施条例（2026年修订）', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb, '2026-11-26');
  });
  after(async () => w.conn.close());

  const open = (fields: Record<string, unknown>) => createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: { ...reconsiderationIntake('2026-07-06'), ...fields } });
  const clock = async (id: number, key: string) => (await getCase(w.k, w.clerk, id)).clocks.find((c) => c.key === key);
  const nonperformance = { category: 'nonperformance', actUnderReview: '未对举报作出处理' };

  test('第二十四条: a duty not performed counts from the end of its period, or 60 日 after the request; an emergency has no period', async () => {
    const withDeadline = await open({ ...nonperformance, dutyDeadline: '2026-04-30' });
    await rejects(performAction(w.k, w.clerk, withDeadline, 'accept', { on: '2026-07-07', data: {} }), 409, /2026-06-29届满.*实施条例第二十四条/);
    const fromRequest = await open({ ...nonperformance, dutyRequestedOn: '2026-03-02' });
    await rejects(performAction(w.k, w.clerk, fromRequest, 'accept', { on: '2026-07-07', data: {} }), 409, /2026-06-30届满/);
    // The same request with the 紧急情况 of ¶2 is not bound by the period.
    const emergency = await open({ ...nonperformance, dutyRequestedOn: '2026-03-02', emergency: true });
    await performAction(w.k, w.clerk, emergency, 'accept', { on: '2026-07-07', data: {} });
    assert.equal((await getCase(w.k, w.clerk, emergency)).state, 'accepted');
    // Without the 条例 dates the period still runs from knowledge (行政复议法第二十条).
    const known = await open({ ...nonperformance, knewOn: '2026-06-01' });
    await performAction(w.k, w.clerk, known, 'accept', { on: '2026-07-07', data: {} });
  });

  test('第二十六条: the days in court are not counted for applications received from 2026-07-01; earlier ones keep the old count', async () => {
    const excluded = { category: 'disclosure', knewOn: '2026-04-01', excludedBasis: 'litigation', excludedFrom: '2026-04-10', excludedTo: '2026-05-20' };
    const before = await open({ ...excluded, receivedOn: '2026-06-15' });
    await rejects(performAction(w.k, w.clerk, before, 'accept', { on: '2026-06-16', data: {} }), 409, /2026-06-01届满/);
    // 60 日 from 04-01 plus the 40 days 04-10..05-20: 07-10.
    const inTime = await open({ ...excluded, receivedOn: '2026-07-10' });
    await performAction(w.k, w.clerk, inTime, 'accept', { on: '2026-07-10', data: {} });
    const late = await open({ ...excluded, receivedOn: '2026-07-13' });
    await rejects(performAction(w.k, w.clerk, late, 'accept', { on: '2026-07-13', data: {} }), 409, /2026-07-10届满/);
  });

  test('第四十五条、第四十六条: 勘验 and 鉴定 stop the review period, only under the new 条例', async () => {
    const old = await open({ receivedOn: '2026-06-15' });
    await performAction(w.k, w.clerk, old, 'accept', { on: '2026-06-16', data: {} });
    await rejects(performAction(w.k, w.clerk, old, 'start_inspection', { on: '2026-06-20', data: { kind: 'inspection' } }), 409, /2026-07-01起施行.*第四十五条/);
    const id = await open({});
    await performAction(w.k, w.clerk, id, 'accept', { on: '2026-07-07', data: {} });
    assert.equal((await clock(id, 'decision'))!.dueOn, '2026-09-07');
    await performAction(w.k, w.clerk, id, 'start_inspection', { on: '2026-07-10', data: { kind: 'appraisal', appraiser: '模拟司法鉴定所' } });
    // One at a time: a second start while the first is open is a data error (400), not a refusal by law.
    await rejects(performAction(w.k, w.clerk, id, 'start_inspection', { on: '2026-07-11', data: { kind: 'inspection' } }), 400, /尚未登记结束/);
    assert.equal((await clock(id, 'decision'))!.status, 'paused');
    await performAction(w.k, w.clerk, id, 'end_inspection', { on: '2026-07-25', data: { result: '鉴定意见：损失数额' } });
    const c = (await clock(id, 'decision'))!;
    assert.equal(c.pausedDays, 15);
    // 09-05 + 15 = 09-20, a Sunday worked in exchange for 国庆 (调休), so no rollover.
    assert.equal(c.dueOn, '2026-09-20');
  });

  test('第五十八条: 撤销并责令重作 opens a 60 日 (or the statutory) period for the respondent, from 2026-07-01', async () => {
    const decide = (id: number, on: string, extra: Record<string, unknown> = {}) =>
      performAction(w.k, w.clerk, id, 'decide', { on, data: { outcome: 'revoked_redo', approval: 'head', reviewers: '张三、李四', summary: '事实不清', ...extra } });
    const statutory = await open({});
    await performAction(w.k, w.clerk, statutory, 'accept_simple', { on: '2026-07-07', data: { ground: 'consent' } });
    await decide(statutory, '2026-07-20', { redoDays: 30 });
    assert.equal((await clock(statutory, 'redo'))!.dueOn, '2026-08-19');
    await performAction(w.k, w.clerk, statutory, 'redone', { on: '2026-08-25', data: { summary: '重新作出' } });
    assert.equal((await clock(statutory, 'redo'))!.late, true);
    const old = await open({ receivedOn: '2026-06-10' });
    await performAction(w.k, w.clerk, old, 'accept_simple', { on: '2026-06-11', data: { ground: 'consent' } });
    await decide(old, '2026-06-20');
    assert.notEqual((await clock(old, 'redo'))?.status, 'running');
    await rejects(performAction(w.k, w.clerk, old, 'redone', { on: '2026-07-01', data: { summary: '重新作出' } }), 409);
  });

  test('第六十一条: 驳回复议请求 outside 不履行 cases only for the 条例 grounds, and only for applications from 2026-07-01', async () => {
    const dismiss = (id: number, extra: Record<string, unknown>) =>
      performAction(w.k, w.clerk, id, 'decide', { on: '2026-07-20', data: { outcome: 'dismissed', approval: 'head', reviewers: '张三、李四', summary: '驳回', ...extra } });
    const old = await open({ receivedOn: '2026-06-29' });
    await performAction(w.k, w.clerk, old, 'accept_simple', { on: '2026-06-30', data: { ground: 'consent' } });
    await rejects(dismiss(old, { dismissalGround: 'void_refused' }), 409, /应决定维持（第六十八条）/);
    const id = await open({});
    await performAction(w.k, w.clerk, id, 'accept_simple', { on: '2026-07-07', data: { ground: 'consent' } });
    // (二) is for 不履行 cases only: a penalty case cannot be dismissed on it.
    await rejects(dismiss(id, { dismissalGround: 'unable' }), 409, /第六十一条第一款第一项、第三项/);
    await dismiss(id, { dismissalGround: 'worse' });
    assert.equal((await getCase(w.k, w.clerk, id)).outcome, 'dismissed');
  });

  test('第四十条: a 提级 request stops the review period until answered; an ordered 提级 sends the files within 5 工作日 and ends the case here', async () => {
    const old = await open({ receivedOn: '2026-06-22' });
    await performAction(w.k, w.clerk, old, 'accept', { on: '2026-06-23', data: {} });
    await rejects(performAction(w.k, w.clerk, old, 'request_escalation', { on: '2026-07-02', data: { ground: 'novel', superior: '测试市人民政府', reason: '新类型' } }), 409, /第四十条/);
    const id = await open({});
    await performAction(w.k, w.clerk, id, 'accept', { on: '2026-07-07', data: {} });
    await performAction(w.k, w.clerk, id, 'request_escalation', { on: '2026-07-13', data: { ground: 'public_interest', superior: '测试市人民政府', reason: '涉及众多群众' } });
    assert.equal((await clock(id, 'decision'))!.status, 'paused');
    // The superior orders it: the waiting time stays out, and the 5 工作日 run from the notice (国庆 not involved: 07-20 → 07-27).
    await performAction(w.k, w.clerk, id, 'escalation_ordered', { on: '2026-07-20', data: { superior: '测试市人民政府', noticeOn: '2026-07-20' } });
    assert.equal((await clock(id, 'escalation_transfer'))!.dueOn, '2026-07-27');
    await rejects(performAction(w.k, w.clerk, id, 'decide', { on: '2026-07-21', data: { outcome: 'upheld', approval: 'head', summary: '维持' } }), 409, /第四十条第三款/);
    await performAction(w.k, w.clerk, id, 'transfer_files', { on: '2026-07-24', data: { method: 'direct', servedOn: '2026-07-24' } });
    const c = await getCase(w.k, w.clerk, id);
    assert.equal(c.state, 'escalated');
    assert.equal(c.outcome, 'escalated');
    assert.equal(c.clocks.find((x) => x.key === 'escalation_transfer')!.late, false);
    assert.equal(c.clocks.find((x) => x.key === 'decision')!.stoppedBy, 'transfer_files');
  });

  test('第五十二条: after a 复议委员会 opinion the decision says how it was taken up; cases received before 2026-07-01 need not', async () => {
    const decide = (id: number, extra: Record<string, unknown>) =>
      performAction(w.k, w.clerk, id, 'decide', { on: '2026-07-20', data: { outcome: 'upheld', approval: 'collective', reviewers: '张三、李四', summary: '维持', ...extra } });
    const old = await open({ receivedOn: '2026-06-29' });
    await performAction(w.k, w.clerk, old, 'accept_simple', { on: '2026-06-30', data: { ground: 'consent' } });
    await performAction(w.k, w.clerk, old, 'committee_opinion', { on: '2026-07-10', data: { opinion: '建议维持' } });
    await decide(old, {});
    const id = await open({});
    await performAction(w.k, w.clerk, id, 'accept_simple', { on: '2026-07-07', data: { ground: 'consent' } });
    await performAction(w.k, w.clerk, id, 'committee_opinion', { on: '2026-07-10', data: { opinion: '建议撤销' } });
    await rejects(decide(id, {}), 409, /采纳情况/);
    await rejects(decide(id, { committeeAdoption: 'not_adopted' }), 409, /说明理由/);
    await decide(id, { committeeAdoption: 'partly' });
    assert.equal((await getCase(w.k, w.clerk, id)).state, 'decided');
  });

  test('第二十九条: a 错列被申请人 refusal needs the notice to change first, and only under the new 条例', async () => {
    const reject = (id: number, extra: Record<string, unknown>) => performAction(w.k, w.clerk, id, 'reject', { on: '2026-07-08', data: { ground: 'wrong_respondent', reason: '被申请人错列', ...extra } });
    const old = await open({ receivedOn: '2026-06-29' });
    await rejects(reject(old, { respondentToldOn: '2026-06-30' }), 409, /不适用该条规定/);
    const id = await open({});
    await rejects(reject(id, {}), 409, /先告知申请人变更被申请人/);
    await rejects(reject(id, { respondentToldOn: '2026-07-09' }), 400, /不能晚于/);
    await reject(id, { respondentToldOn: '2026-07-07' });
    assert.equal((await getCase(w.k, w.clerk, id)).state, 'not_accepted');
  });
});
