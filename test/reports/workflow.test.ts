import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, reconsiderationIntake, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';

eachDatabase('annual report workflow and public portal', (tdb) => {
  let w: World;
  let app: App;
  const cookies: Record<string, string> = {};
  const call = async (user: string | null, method: string, url: string, payload?: unknown) => {
    const r = await app.inject({ method: method as any, url, payload: payload as any, headers: user ? { cookie: cookies[user] } : {} });
    return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? JSON.parse(r.body) : r.rawPayload };
  };
  const accepted = async (on: string) => {
    const id = await createCase(w.k, null, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake(on) });
    await performAction(w.k, null, id, 'accept', { on });
  };

  before(async () => {
    w = await makeWorld(tdb, '2026-02-10');
    app = await buildApp(w.k);
    for (const u of ['admin', 'clerk', 'edu', 'leader']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } });
      cookies[u] = String(r.headers['set-cookie']).split(';')[0];
    }
    for (const on of ['2025-03-03', '2025-05-06', '2025-09-09']) await accepted(on);
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('draft → review → approval → submission (figures frozen) → publication, with the checker as the gate', async () => {
    let r = (await call('clerk', 'POST', '/api/reports', { orgId: w.justice, year: 2025 })).body;
    assert.equal(r.state, 'draft');
    assert.equal(r.stateLabel, '起草中');
    assert.deepEqual(r.actions.map((a: any) => a.key), ['send_review']);
    assert.match(r.sections[0].body, /\{\{行政复议\.受理\}\}/);
    assert.match(r.sections[0].rendered, /受理3件/);

    // Empty 不足 and 安排: the checker refuses, nothing changes.
    const refused = await call('clerk', 'POST', `/api/reports/${r.id}/send_review`, { version: r.version });
    assert.equal(refused.status, 422);
    assert.match(refused.body.message, /报告检查未通过，不能送审.*尚未填写/);
    assert.equal((await call('clerk', 'GET', `/api/reports/${r.id}`)).body.state, 'draft');

    // Others: a department outside the line sees nothing; a leader cannot edit.
    assert.equal((await call('edu', 'GET', `/api/reports/${r.id}`)).status, 404);
    const sections = r.sections.map(({ kind, heading, body }: any) => ({ kind, heading, body }));
    sections[1].body = '一是复议案件审理周期偏长，主要原因是办案人员不足。';
    sections[3].body = '一是充实复议办案人员，缩短审理周期。';
    sections[0].body += '\n群众张某（身份证号110101199003071234，电话13812345678）来信表示感谢。';
    assert.equal((await call('leader', 'PUT', `/api/reports/${r.id}`, { version: r.version, title: r.title, sections })).status, 403);
    r = (await call('clerk', 'PUT', `/api/reports/${r.id}`, { version: r.version, title: r.title, sections })).body;

    r = (await call('clerk', 'POST', `/api/reports/${r.id}/send_review`, { version: r.version })).body;
    assert.equal(r.state, 'review');
    const locked = await call('clerk', 'PUT', `/api/reports/${r.id}`, { version: r.version, title: r.title, sections });
    assert.equal(locked.status, 409);
    assert.match(locked.body.message, /须退回后才能修改/);
    assert.equal((await call('clerk', 'POST', `/api/reports/${r.id}/approve`, { version: r.version })).status, 403, 'a clerk does not approve');
    assert.equal((await call('leader', 'POST', `/api/reports/${r.id}/approve`, { version: r.version - 1 })).status, 409, 'stale page');

    // Returned with a reason, edited, sent again, approved by the leader.
    assert.equal((await call('leader', 'POST', `/api/reports/${r.id}/return`, { version: r.version })).status, 400, 'a return needs a reason');
    r = (await call('leader', 'POST', `/api/reports/${r.id}/return`, { version: r.version, comment: '请补充复议纠错情况' })).body;
    assert.equal(r.state, 'draft');
    r = (await call('clerk', 'POST', `/api/reports/${r.id}/send_review`, { version: r.version })).body;
    r = (await call('leader', 'POST', `/api/reports/${r.id}/approve`, { version: r.version })).body;
    assert.equal(r.state, 'approved');
    assert.equal(r.approved_on, '2026-02-10');

    // Each recipient the law names is its own 报送; the parent org (本级政府) is implied by the submission.
    const deliveries = [
      { line: 'local_party', recipient: '中共测试区委员会', docNumber: '测司报〔2026〕3号', channel: 'exchange' },
      { line: 'superior_department', recipient: '测试市司法局', sentOn: '2026-02-10', channel: 'e_document' },
    ];
    assert.equal((await call('clerk', 'POST', `/api/reports/${r.id}/submit`, { version: r.version, deliveries: [{ line: 'congress' }] })).status, 400, 'a department does not report to the 人大常委会');
    r = (await call('clerk', 'POST', `/api/reports/${r.id}/submit`, { version: r.version, copyTo: [w.education], deliveries })).body;
    assert.equal(r.state, 'submitted');
    assert.deepEqual(r.lines.map((l: any) => [l.key, l.status, l.recipient]), [
      ['local_party', 'sent', '中共测试区委员会'],
      ['local_government', 'sent', '测试区人民政府'],
      ['superior_department', 'sent', '测试市司法局'],
      ['coordination_office', 'pending', null],
    ]);
    assert.equal(r.lines[0].docNumber, '测司报〔2026〕3号');
    assert.equal(r.lines[2].channel, '电子公文系统');
    assert.equal(r.submitted_on, '2026-02-10');
    assert.equal(r.submittedToName, '测试区人民政府');
    assert.deepEqual(r.copiedToNames, ['测试区教育体育局']);
    assert.equal(r.frozen, true);
    const frozen = r.figures.find((f: any) => f.token === '行政复议.受理');
    assert.equal(frozen.display, '3');
    assert.equal(frozen.records.length, 3, 'provenance: the three accepted cases');
    assert.ok(frozen.records.every((x: any) => /^测试区复〔2025〕\d+号$/.test(x.number)));

    // A late record changes the live figure, not the submitted report; the checker says so.
    await accepted('2025-12-30');
    r = (await call('clerk', 'GET', `/api/reports/${r.id}`)).body;
    assert.match(r.sections[0].rendered, /受理3件/);
    const check = (await call('clerk', 'GET', `/api/reports/${r.id}/check`)).body;
    assert.ok(check.findings.some((f: any) => f.rule === 'drift' && /报送时为3，现据记录为4/.test(f.message)));

    // Not public until published; then public, masked, downloadable without login.
    assert.deepEqual((await call(null, 'GET', '/api/public/reports')).body.reports, []);
    assert.equal((await call(null, 'GET', `/api/public/reports/${r.id}`)).status, 404);
    r = (await call('clerk', 'POST', `/api/reports/${r.id}/publish`, { version: r.version })).body;
    assert.equal(r.state, 'published');
    assert.deepEqual(r.actions, []);
    const list = (await call(null, 'GET', '/api/public/reports?year=2025')).body.reports;
    assert.deepEqual(list.map((x: any) => [x.title, x.orgName, x.publishedOn]), [['测试区司法局2025年法治政府建设年度报告', '测试区司法局', '2026-02-10']]);
    const pub = (await call(null, 'GET', `/api/public/reports/${r.id}`)).body;
    const text = pub.sections.map((s: any) => s.text).join('\n');
    assert.match(text, /受理3件/);
    assert.ok(!text.includes('110101199003071234') && !text.includes('13812345678'), 'no personal data on the portal');
    assert.match(text, /1101\*{10}1234/);
    assert.match(text, /138\*{4}5678/);
    const docx = await call(null, 'GET', `/api/public/reports/${r.id}/report.docx`);
    assert.equal(docx.status, 200);
    assert.equal((docx.body as Buffer).subarray(0, 2).toString(), 'PK');
    assert.equal((await call('leader', 'POST', `/api/reports/${r.id}/return`, { version: r.version, comment: '撤回' })).status, 409, 'a published report is not returned silently');

    const timeline = r.timeline.map((e: any) => e.label);
    assert.deepEqual(timeline, ['生成初稿', '修改', '送审', '退回修改', '送审', '审批通过', '报送上级', '向社会公开']);
    assert.equal(r.timeline[3].comment, '请补充复议纠错情况');
  });

  test('whoever sent a report for review does not approve it', async () => {
    let r = (await call('admin', 'POST', '/api/reports', { orgId: w.education, year: 2025 })).body;
    const sections = r.sections.map(({ kind, heading, body }: any) => ({ kind, heading, body: body || '一是培训不足，原因是经费有限。' }));
    r = (await call('admin', 'PUT', `/api/reports/${r.id}`, { version: r.version, title: r.title, sections })).body;
    r = (await call('admin', 'POST', `/api/reports/${r.id}/send_review`, { version: r.version })).body;
    const own = await call('admin', 'POST', `/api/reports/${r.id}/approve`, { version: r.version });
    assert.equal(own.status, 403);
    assert.match(own.body.message, /送审人不能审批/);
  });

  test('each required recipient is its own 报送: recorded one by one, each line once, each late on its own', async () => {
    const r = (await call('clerk', 'POST', '/api/reports', { orgId: w.justice, year: 2025 })).body;
    const url = `/api/reports/${r.id}/deliveries`;
    assert.equal((await call('edu', 'POST', url, { line: 'coordination_office' })).status, 404, 'another department sees nothing');
    assert.equal((await call('clerk', 'POST', url, { line: 'coordination_office', sentOn: '2026-02-11' })).status, 400, 'not in the future');
    assert.equal((await call('clerk', 'POST', url, { line: 'coordination_office', sentOn: '2026-02-01' })).status, 409, 'not before approval');
    const lines = (await call('clerk', 'POST', url, { line: 'coordination_office', recipient: '中共测试区委全面依法治区委员会办公室', channel: 'in_person' })).body.lines;
    assert.ok(lines.every((l: any) => l.status === 'sent'));
    const again = await call('clerk', 'POST', url, { line: 'coordination_office' });
    assert.equal(again.status, 409);
    assert.match(again.body.message, /已于2026-02-10向「抄送本级党委法治建设议事协调机构办事机构」报送/);
    assert.equal((await call('clerk', 'POST', url, { line: 'nowhere' })).status, 400);
    const view = (await call('clerk', 'GET', `/api/reports/${r.id}`)).body;
    assert.deepEqual(view.timeline.at(-1).label, '登记报送');

    // A report not yet approved and submitted records no 报送.
    const edu = (await call('admin', 'POST', '/api/reports', { orgId: w.education, year: 2025 })).body;
    const early = await call('admin', 'POST', `/api/reports/${edu.id}/deliveries`, { line: 'local_party' });
    assert.equal(early.status, 409);
    assert.match(early.body.message, /督察工作规定第二十五条/);
    // A submission returned loses its lines: they are recorded again when it goes up again.
    let e = (await call('leader', 'POST', `/api/reports/${edu.id}/approve`, { version: edu.version })).body;
    e = (await call('admin', 'POST', `/api/reports/${edu.id}/submit`, { version: e.version, deliveries: [{ line: 'local_party', docNumber: '测教报〔2026〕1号' }] })).body;
    assert.deepEqual(e.lines.filter((l: any) => l.sentOn).map((l: any) => l.key), ['local_party', 'local_government']);
    e = (await call('leader', 'POST', `/api/reports/${edu.id}/return`, { version: e.version, comment: '数据有误，撤回重报' })).body;
    assert.equal(e.state, 'draft');
    assert.ok(e.lines.every((l: any) => l.sentOn === null));

    // After the deadline the checker names each line still open.
    const before = w.today.value;
    await w.k.db.deleteFrom('report_deliveries').where('report_id', '=', r.id).where('line', '=', 'local_party').execute();
    w.today.value = '2026-03-05';
    try {
      const check = (await call('clerk', 'GET', `/api/reports/${r.id}/check`)).body;
      const deadline = check.findings.filter((f: any) => f.rule === 'deadline').map((f: any) => f.message);
      assert.deepEqual(deadline, ['报送期限2026-02-28已过，尚未向「本级党委」报送']);
      const board = (await call('admin', 'GET', '/api/reports?year=2025')).body.orgs;
      assert.deepEqual(board.find((o: any) => o.orgId === w.justice).problems, ['逾期未报送：本级党委']);
    } finally {
      w.today.value = before;
      await w.k.db.insertInto('report_deliveries').values({ report_id: r.id, line: 'local_party', recipient: '中共测试区委员会', recipient_org_id: null, sent_on: '2026-02-10', channel: 'exchange', doc_number: null, recorded_by: null }).execute();
    }
  });

  test('the board shows every reporting org, its state, and who is late', async () => {
    w.today.value = '2026-03-05';
    try {
      const board = (await call('admin', 'GET', '/api/reports?year=2025')).body.orgs;
      const by = Object.fromEntries(board.map((o: any) => [o.orgName, o]));
      assert.deepEqual(Object.keys(by).sort(), ['城关街道办事处', '测试区人民政府', '测试区司法局', '测试区教育体育局'].sort());
      assert.equal(by['测试区司法局'].stateLabel, '已公开');
      assert.equal(by['测试区司法局'].late, false, 'every line of its report was sent in time');
      assert.deepEqual(by['测试区司法局'].lines.map((l: any) => l.status), ['sent', 'sent', 'sent', 'sent']);
      assert.deepEqual(by['测试区教育体育局'].problems, ['逾期未报送'], 'a department reports by 3月1日');
      assert.equal(by['城关街道办事处'].stateLabel, '未起草');
      // Law (督察工作规定, provincial 指引): a district government reports 3月1日之前 too, not by 4月1日.
      assert.deepEqual(by['测试区人民政府'].problems, ['逾期未报送']);
      assert.equal(by['测试区人民政府'].due, '2026-02-28');
      // A department clerk's board is their own department.
      assert.deepEqual((await call('edu', 'GET', '/api/reports?year=2025')).body.orgs.map((o: any) => o.orgName), ['测试区教育体育局']);
    } finally {
      w.today.value = '2026-02-10';
    }
  });
});
