import { verifyChain } from '../../src/kernel/audit/audit.ts';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, reconsiderationIntake, disclosureIntake, type TestDb, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { openReport } from '../../src/reports/report.ts';
import { escalateOverdue } from '../../src/workbench/warnings.ts';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type AddressInfo } from 'node:net';
import { notify, releaseTime, setPreferences } from '../../src/workbench/notify.ts';
import { deliverDue, outboundLog, MAX_ATTEMPTS, type ChannelConfig } from '../../src/workbench/channels.ts';
import { comparisonPeriods } from '../../src/workbench/stats.ts';
import { recomputeInBackground } from '../../src/kernel/calendar/recompute.ts';


/** A small world behind the HTTP API, with a session per user; `call` answers JSON or bytes. */
async function served(tdb: TestDb) {
  const w = await makeWorld(tdb, '2025-06-16');
  const app = await buildApp(w.k);
  const cookies: Record<string, string> = {};
  for (const u of ['admin', 'clerk', 'edu', 'leader']) {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } });
    cookies[u] = String(r.headers['set-cookie']).split(';')[0];
  }
  const call = async (user: string | null, method: string, url: string, payload?: unknown): Promise<{ status: number; body: any; headers: any }> => {
    // A step carries the version the clerk saw, as the console sends it.
    const step = method === 'POST' && /^\/api\/[a-z_]+\/cases\/(\d+)\/[a-z_]+$/.exec(url);
    if (step && payload && typeof payload === 'object' && !('version' in payload)) {
      const seen = await call(user, 'GET', `/api/cases/${step[1]}`);
      if (seen.status === 200) payload = { version: seen.body.version, ...payload };
    }
    const r = await app.inject({ method: method as any, url, payload: payload as any, headers: user ? { cookie: cookies[user] } : {} });
    return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') && r.body ? JSON.parse(r.body) : r.rawPayload, headers: r.headers };
  };
  return { w, app, call };
}
type Call = Awaited<ReturnType<typeof served>>['call'];

eachDatabase('workbench API: 待办, 预警, 督办, messages, search, statistics', (tdb) => {
  let w: World;
  let app: App;
  let call: Call;
  let caseId = 0;

  before(async () => {
    ({ w, app, call } = await served(tdb));
    const created = await call('clerk', 'POST', '/api/reconsideration/cases', { orgId: w.justice, fields: reconsiderationIntake('2025-06-10') });
    assert.equal(created.status, 201);
    caseId = created.body.id;
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('待办: the clerk finds the case step with a link, the leader none, the other unit nothing', async () => {
    const mine = (await call('clerk', 'GET', '/api/todos')).body;
    const item = mine.items.find((i: any) => i.caseId === caseId);
    assert.ok(item, 'the received case waits on the clerk');
    assert.equal(item.kind, 'step');
    assert.equal(item.link, `/cases/${caseId}`);
    assert.match(item.what, /受理/);
    assert.equal(item.mine, true);
    assert.equal(item.handlerName, '复议经办');
    assert.equal(mine.counts.step, mine.items.filter((i: any) => i.kind === 'step').length);
    assert.equal((await call('leader', 'GET', '/api/todos')).body.total, 0);
    assert.equal((await call('edu', 'GET', '/api/todos')).body.items.some((i: any) => i.caseId === caseId), false);
  });

  test('督办: issued on a case, answered by the unit, closed by the issuer, counted as indicators', async () => {
    assert.equal((await call('clerk', 'POST', '/api/supervisions', { caseId, subject: '加快办理', demand: '请说明进度', replyDays: 5 })).status, 403);
    const issued = await call('admin', 'POST', '/api/supervisions', { caseId, subject: '加快办理', demand: '请于期限内说明受理审查进度', replyDays: 5 });
    assert.equal(issued.status, 201);
    const sid = issued.body.id;
    const view = (await call('clerk', 'GET', `/api/cases/${sid}`)).body;
    assert.equal(view.typeName, '督办');
    assert.match(view.number, /^测试区督〔2025〕1号$/);
    // 2025-06-16 is a Monday: 5 working days later is the next Monday.
    assert.equal(view.clocks[0].dueOn, '2025-06-23');
    assert.equal(view.links[0].caseId, caseId);
    const inbox = (await call('clerk', 'GET', '/api/notifications')).body;
    assert.equal(inbox.unread, 1);
    assert.equal(inbox.items[0].kind, 'supervision');
    assert.equal(inbox.items[0].link, `/cases/${sid}`);
    const todo = (await call('clerk', 'GET', '/api/todos')).body.items.find((i: any) => i.caseId === sid);
    assert.equal(todo.kind, 'supervision');
    // The issuer cannot answer for the unit.
    const self = await call('admin', 'POST', `/api/supervision/cases/${sid}/reply`, { data: { reply: '已办', grade: 'done' } });
    assert.equal(self.status, 400);
    assert.match(self.body.message, /应由被督办单位答复/);
    assert.equal((await call('clerk', 'POST', `/api/supervision/cases/${sid}/reply`, { data: { reply: '已受理并告知申请人', grade: 'done' } })).status, 200);
    assert.equal((await call('clerk', 'POST', `/api/supervision/cases/${sid}/close`, { data: { grade: 'done' } })).status, 403);
    const adminTodo = (await call('admin', 'GET', '/api/todos')).body.items.find((i: any) => i.caseId === sid);
    assert.match(adminTodo.what, /办结督办/);
    assert.equal((await call('admin', 'POST', `/api/supervision/cases/${sid}/close`, { data: { grade: 'done', note: '落实到位' } })).status, 200);
    const figures = (await call('admin', 'GET', '/api/indicators?year=2025&keys=supervision.issued,supervision.closed,supervision.on_time_rate')).body.values;
    assert.deepEqual(figures.map((v: any) => v.value), [1, 1, 100]);
    const drill = (await call('admin', 'GET', '/api/indicators/supervision.issued/records?year=2025')).body;
    assert.equal(drill.items[0].caseId, sid);
    assert.equal((await verifyChain(w.k.db)).ok, true, 'the audit chain verifies');
  });

  test('预警: 黄 within the configured days, 红 when overdue, escalated once to the unit leader', async () => {
    assert.equal((await call('clerk', 'PUT', '/api/warning-rules', { type: 'reconsideration', clock: 'acceptance', yellowDays: 1, escalate: true })).status, 403);
    const bad = await call('admin', 'PUT', '/api/warning-rules', { type: 'reconsideration', clock: 'nope', yellowDays: 1, escalate: true });
    assert.equal(bad.status, 400);
    const id = (await call('clerk', 'POST', '/api/disclosure/cases', { orgId: w.justice, fields: disclosureIntake('2025-06-16') })).body.id;
    const answerClock = (await call('clerk', 'GET', `/api/cases/${id}`)).body.clocks.find((c: any) => c.status === 'running');
    const rules = (await call('admin', 'PUT', '/api/warning-rules', { type: 'disclosure', clock: answerClock.key, yellowDays: 2, escalate: true })).body.rules;
    assert.equal(rules.find((r: any) => r.type === 'disclosure' && r.clock === answerClock.key).yellowDays, 2);
    assert.equal((await call('clerk', 'GET', '/api/warnings')).body.items.some((x: any) => x.caseId === id), false);
    w.today.value = answerClock.dueOn;
    const yellow = (await call('clerk', 'GET', '/api/warnings')).body.items.find((x: any) => x.caseId === id);
    assert.equal(yellow.level, 'yellow');
    w.today.value = '2025-08-01';
    const red = (await call('clerk', 'GET', '/api/warnings?level=red')).body;
    assert.ok(red.items.some((x: any) => x.caseId === id && x.level === 'red'));
    assert.ok(red.counts.red >= 1);
    const sent = await escalateOverdue(w.k);
    assert.ok(sent >= 2, 'the leader above the unit and the handler are told');
    assert.equal(await escalateOverdue(w.k), 0, 'once per clock and due date');
    const leaderInbox = (await call('leader', 'GET', '/api/notifications?unread=true')).body;
    assert.ok(leaderInbox.items.some((n: any) => n.kind === 'warning' && n.link === `/cases/${id}`));
    assert.ok((await call('leader', 'POST', '/api/notifications/read', {})).body.marked >= 1);
    assert.equal((await call('leader', 'GET', '/api/notifications')).body.unread, 0);
    w.today.value = '2025-06-16';
  });

  test('reports: 待审批 for the leader, 被退回 with the reason for the clerk, 催报 as a message', async () => {
    const draft = await openReport(w.k, w.clerk, w.justice, 2024);
    // Every part written, so the checker lets 送审 through.
    const sections = (draft.sections as any[]).map((x) => ({ ...x, body: x.body || `${x.heading}：本年度按计划推进，具体情况见附表说明。` }));
    const saved = await call('clerk', 'PUT', `/api/reports/${draft.id}`, { version: draft.version, title: draft.title, sections });
    assert.equal(saved.status, 200, saved.body?.message);
    const sent = await call('clerk', 'POST', `/api/reports/${draft.id}/send_review`, { version: saved.body.version });
    assert.equal(sent.status, 200, sent.body?.message);
    const r = { id: draft.id, version: sent.body.version };
    const leaderMsg = (await call('leader', 'GET', '/api/notifications?unread=true')).body.items.find((n: any) => n.link === `/reports/${r.id}`);
    assert.equal(leaderMsg.kind, 'todo');
    const approval = (await call('leader', 'GET', '/api/todos')).body.items.find((i: any) => i.reportId === r.id);
    assert.equal(approval.kind, 'approval');
    assert.equal(approval.link, `/reports/${r.id}`);
    const returned = await call('leader', 'POST', `/api/reports/${r.id}/return`, { version: r.version, comment: '请补充不足和原因' });
    assert.equal(returned.status, 200);
    const back = (await call('clerk', 'GET', '/api/todos')).body.items.find((i: any) => i.reportId === r.id);
    assert.equal(back.kind, 'returned');
    assert.equal(back.comment, '请补充不足和原因');
    const told = (await call('clerk', 'GET', '/api/notifications')).body.items.find((n: any) => n.kind === 'returned');
    assert.match(told.body, /请补充不足和原因/);
    assert.equal((await call('clerk', 'POST', '/api/reports/urge', { year: 2024, orgIds: [w.education] })).status, 403);
    const urged = await call('admin', 'POST', '/api/reports/urge', { year: 2024, orgIds: [w.education] });
    assert.deepEqual(urged.body.results.map((x: any) => x.notified), [1]);
    const again = await call('admin', 'POST', '/api/reports/urge', { year: 2024, orgIds: [w.education] });
    assert.deepEqual(again.body.results.map((x: any) => x.notified), [0], 'one reminder per unit per day');
    const eduInbox = (await call('edu', 'GET', '/api/notifications')).body;
    assert.equal(eduInbox.items[0].kind, 'urge');
    assert.match(eduInbox.items[0].body, /最迟于2025-02-28/);
  });

  test('search: 案号 or party name in scope, masked for those who do not handle the case, wildcards literal', async () => {
    const byName = (await call('clerk', 'GET', `/api/search?q=${encodeURIComponent('张三丰')}`)).body.items;
    assert.ok(byName.some((i: any) => i.caseId === caseId && i.party === '张三丰'));
    assert.equal((await call('edu', 'GET', `/api/search?q=${encodeURIComponent('张三丰')}`)).body.items.length, 0);
    const leader = (await call('leader', 'GET', `/api/search?q=${encodeURIComponent('张三')}`)).body.items.find((i: any) => i.caseId === caseId);
    assert.notEqual(leader.party, '张三丰');
    assert.match(leader.party, /^张/);
    assert.equal((await call('clerk', 'GET', '/api/search?q=%25')).body.items.length, 0);
    assert.equal((await call('clerk', 'GET', '/api/search?q=')).status, 400);
  });

  test('statistics: trend with 同比, comparison periods, org × indicator matrix and its Excel', async () => {
    const trend = (await call('admin', 'GET', '/api/stats/trend?year=2025&key=reconsideration.received')).body;
    assert.equal(trend.months.length, 6, 'months up to today');
    assert.equal(trend.months[5].value, 1);
    assert.equal(trend.months[5].from, '2025-06-01');
    const cmp = (await call('admin', 'GET', '/api/stats/compare?from=2025-06-01&to=2025-06-30&keys=reconsideration.received')).body;
    assert.deepEqual(cmp.rows[0], { key: 'reconsideration.received', name: '行政复议.收到申请', unit: '件', value: 1, yoy: 0, mom: 0, yoyChange: null, momChange: null });
    assert.deepEqual(comparisonPeriods('2025-06-01', '2025-06-30'), { yoy: { from: '2024-06-01', to: '2024-06-30' }, mom: { from: '2025-05-02', to: '2025-05-31' } });
    const m = (await call('admin', 'GET', '/api/stats/matrix?from=2025-01-01&to=2025-12-31&keys=reconsideration.received,disclosure.received')).body;
    assert.deepEqual(m.columns.map((c: any) => c.key), ['reconsideration.received', 'disclosure.received']);
    const justiceRow = m.rows.find((r: any) => r.orgId === w.justice);
    assert.equal(justiceRow.values['reconsideration.received'], 1);
    const xlsx = await call('admin', 'GET', '/api/stats/matrix.xlsx?from=2025-01-01&to=2025-12-31&keys=reconsideration.received');
    assert.equal(xlsx.status, 200);
    assert.equal((xlsx.body as Buffer).subarray(0, 2).toString(), 'PK');
    assert.equal((await call('admin', 'GET', '/api/stats/ranking?from=2025-01-01&to=2025-12-31&key=reconsideration.received')).status, 400);
    const rank = (await call('admin', 'GET', '/api/stats/ranking?from=2025-01-01&to=2025-12-31&key=reconsideration.on_time_rate')).body;
    assert.equal(rank.rows.length, 3);
    const overdue = (await call('admin', 'GET', '/api/stats/overdue')).body;
    assert.ok(Array.isArray(overdue.types));
    assert.equal((await call('edu', 'GET', `/api/stats/overdue?orgId=${w.justice}`)).status, 404);
  });

  test('抄送 directory shows the whole district to a clerk; preferences validate and quiet hours defer sends', async () => {
    const tree = (await call('clerk', 'GET', '/api/orgs/directory')).body;
    assert.equal(tree.id, w.district);
    assert.ok(tree.children.some((c: any) => c.id === w.education));
    const noPhone = await call('clerk', 'PUT', '/api/notifications/preferences', { muted: [], channels: ['sms'], quietFrom: null, quietTo: null, phone: null, email: null });
    assert.equal(noPhone.status, 400);
    assert.match(noPhone.body.message, /手机号/);
    const saved = await call('clerk', 'PUT', '/api/notifications/preferences', { muted: ['urge'], channels: ['sms'], quietFrom: '22:00', quietTo: '07:30', phone: '13800000000', email: null });
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body.muted, ['urge']);
    // 23:00 China time (15:00 UTC) is quiet until 07:30 the next morning.
    const at = releaseTime({ quiet_from: '22:00', quiet_to: '07:30' }, new Date('2025-06-16T15:00:00Z'));
    assert.equal(at.toISOString(), '2025-06-16T23:30:00.000Z');
    assert.equal(releaseTime({ quiet_from: '22:00', quiet_to: '07:30' }, new Date('2025-06-16T04:00:00Z')).toISOString(), '2025-06-16T04:00:00.000Z');
  });

  test('a holiday change answers at once and recomputes due dates in the background with progress', async () => {
    const r = await call('admin', 'PUT', '/api/calendar/overrides/2025-06-18', { kind: 'holiday', name: '测试调休' });
    assert.equal(r.status, 200);
    assert.equal(r.body.recompute.running, true, 'the answer does not wait for the recompute');
    await recomputeInBackground(w.k);
    const status = (await call('admin', 'GET', '/api/calendar/recompute')).body;
    assert.equal(status.running, false);
    assert.ok(status.total >= 3);
    assert.equal(status.done, status.total);
    assert.equal(status.error, null);
    const c = (await call('clerk', 'GET', `/api/cases/${caseId}`)).body;
    assert.ok(c.clocks.length > 0);
  });
});

eachDatabase('outbound channels against local stubs (SMS gateway, group robot, SMTP)', (tdb) => {
  let w: World;
  let http: Server;
  let smtp: NetServer;
  const got: { path: string; body: any }[] = [];
  const mails: string[] = [];
  let smsFailures = 1;
  let config: ChannelConfig;

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    http = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        got.push({ path: req.url!, body: JSON.parse(data) });
        if (req.url === '/sms' && smsFailures-- > 0) return res.writeHead(500).end('gateway busy');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    // Just enough SMTP to accept one message per connection.
    smtp = createNetServer((sock) => {
      let inData = false;
      let buf = '';
      sock.write('220 stub ESMTP\r\n');
      sock.on('data', (chunk) => {
        buf += chunk.toString('utf8');
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mails.push(buf.slice(0, end));
          buf = buf.slice(end + 5);
          inData = false;
          sock.write('250 queued\r\n');
        }
        let i;
        while (!inData && (i = buf.indexOf('\r\n')) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const cmd = line.slice(0, 4).toUpperCase();
          if (cmd === 'EHLO' || cmd === 'HELO') sock.write('250-stub\r\n250 8BITMIME\r\n');
          else if (cmd === 'DATA') {
            inData = true;
            sock.write('354 go ahead\r\n');
          } else if (cmd === 'QUIT') sock.end('221 bye\r\n');
          else sock.write('250 OK\r\n');
        }
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const hp = (http.address() as AddressInfo).port;
    config = {
      smsUrl: `http://127.0.0.1:${hp}/sms`,
      robotUrl: `http://127.0.0.1:${hp}/robot`,
      smtp: { host: '127.0.0.1', port: (smtp.address() as AddressInfo).port, from: 'fazhi@example.gov.cn' },
      consoleUrl: 'https://fazhi.example.gov.cn',
    };
  });
  after(async () => {
    http.close();
    smtp.close();
    await w.conn.close();
  });

  test('each channel delivers; a failed SMS is retried after a minute; outcomes are logged', async () => {
    await setPreferences(w.k, w.clerk, { muted: [], channels: ['sms', 'robot', 'email'], quietFrom: null, quietTo: null, phone: '13800000000', email: 'clerk@example.gov.cn' });
    const now = new Date('2025-06-16T02:00:00Z');
    assert.deepEqual(await notify(w.k.db, [w.clerk.id], { kind: 'supervision', title: '督办：加快办理', body: '请于5个工作日内答复', link: '/cases/1' }, now), [w.clerk.id]);
    const first = await deliverDue(w.k, config, now);
    assert.deepEqual(first, { sent: 2, failed: 1 });
    const robot = got.find((g) => g.path === '/robot')!;
    assert.deepEqual(robot.body, { msgtype: 'text', text: { content: '督办：加快办理\n请于5个工作日内答复\nhttps://fazhi.example.gov.cn/cases/1' } });
    assert.equal(mails.length, 1);
    assert.match(mails[0], /To: clerk@example\.gov\.cn/);
    assert.deepEqual(await deliverDue(w.k, config, new Date(now.getTime() + 30_000)), { sent: 0, failed: 0 }, 'the retry waits a minute');
    assert.deepEqual(await deliverDue(w.k, config, new Date(now.getTime() + 61_000)), { sent: 1, failed: 0 });
    const sms = got.filter((g) => g.path === '/sms');
    assert.equal(sms.length, 2);
    assert.deepEqual(sms[1].body, { phone: '13800000000', text: '【法治政府建设】督办：加快办理：请于5个工作日内答复' });
    const log = await outboundLog(w.k, 10);
    assert.equal(log.queued, 0);
    const smsJob = log.items.find((j) => j.channel === 'sms')!;
    assert.equal(smsJob.state, 'sent');
    assert.equal(smsJob.attempts, 2);
  });

  test('an unconfigured channel fails for good after the last retry; quiet hours defer the send', async () => {
    await setPreferences(w.k, w.eduClerk, { muted: [], channels: ['email'], quietFrom: '22:00', quietTo: '08:00', phone: null, email: 'edu@example.gov.cn' });
    // 23:30 China time: the e-mail waits until 08:00.
    const late = new Date('2025-06-16T15:30:00Z');
    await notify(w.k.db, [w.eduClerk.id], { kind: 'urge', title: '催报' }, late);
    assert.deepEqual(await deliverDue(w.k, { ...config, smtp: undefined }, late), { sent: 0, failed: 0 });
    let t = new Date('2025-06-17T00:00:00Z');
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      assert.deepEqual(await deliverDue(w.k, { ...config, smtp: undefined }, t), { sent: 0, failed: 1 });
      t = new Date(t.getTime() + 2 ** i * 60_000);
    }
    const job = (await outboundLog(w.k, 10)).items.find((j) => j.title === '催报')!;
    assert.equal(job.state, 'failed');
    assert.match(job.lastError!, /未配置邮件服务器/);
    assert.deepEqual(await deliverDue(w.k, config, new Date('2025-06-18T00:00:00Z')), { sent: 0, failed: 0 }, 'a failed send is not retried again');
  });
});

eachDatabase('文书 from templates', (tdb) => {
  let w: World;
  let app: App;
  let call: Call;
  before(async () => {
    ({ w, app, call } = await served(tdb));
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('a 补正通知书 is filled from the case and the step, numbered per unit, kept and audited; templates version', async () => {
    const id = (await call('clerk', 'POST', '/api/reconsideration/cases', { orgId: w.justice, fields: reconsiderationIntake('2025-06-12') })).body.id;
    let docs = (await call('clerk', 'GET', `/api/cases/${id}/documents`)).body;
    assert.deepEqual(docs.available.map((t: any) => t.key), ['any.receipt', 'any.approval'], 'step templates wait for their step');
    assert.equal((await call('clerk', 'POST', `/api/cases/${id}/documents`, { template: 'reconsideration.correction' })).status, 400);
    await call('clerk', 'POST', `/api/reconsideration/cases/${id}/request_correction`, { data: { items: '请提供行政处罚决定书复印件' } });
    docs = (await call('clerk', 'GET', `/api/cases/${id}/documents`)).body;
    assert.ok(docs.available.some((t: any) => t.key === 'reconsideration.correction'));
    const d = (await call('clerk', 'POST', `/api/cases/${id}/documents`, { template: 'reconsideration.correction' })).body;
    assert.equal(d.number, '区司法局复补〔2025〕1号');
    assert.equal(d.addressee, '张三丰');
    assert.match(d.paragraphs.join('\n'), /于2025-06-12提出的行政复议申请（测试区复〔2025〕1号）/);
    assert.match(d.paragraphs.join('\n'), /请提供行政处罚决定书复印件/);
    assert.equal((await call('clerk', 'POST', `/api/cases/${id}/documents`, { template: 'reconsideration.correction' })).body.number, '区司法局复补〔2025〕2号');
    const seen = (await call('leader', 'GET', `/api/documents/${d.id}`)).body;
    assert.equal(seen.masked, true);
    assert.notEqual(seen.addressee, '张三丰');
    assert.equal((await call('edu', 'GET', `/api/documents/${d.id}`)).status, 404);
    assert.equal((await call('leader', 'POST', `/api/cases/${id}/documents`, { template: 'any.receipt' })).status, 403);
    const docx = await call('clerk', 'GET', `/api/documents/${d.id}/document.docx`);
    assert.equal((docx.body as Buffer).subarray(0, 2).toString(), 'PK');

    assert.equal((await call('clerk', 'PUT', '/api/document-templates/any.receipt', { body: '受送达人：{{当事人}}' })).status, 403);
    const bad = await call('admin', 'PUT', '/api/document-templates/any.receipt', { body: '受送达人：{{不存在的字段}}' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /不存在的字段/);
    assert.deepEqual((await call('admin', 'PUT', '/api/document-templates/reconsideration.correction', { body: '请补正：{{需补正的事项}}（{{案号}}）' })).body, { version: 1 });
    const v1 = (await call('clerk', 'POST', `/api/cases/${id}/documents`, { template: 'reconsideration.correction' })).body;
    assert.deepEqual(v1.paragraphs, ['请补正：请提供行政处罚决定书复印件（测试区复〔2025〕1号）']);
    assert.equal(v1.templateVersion, 1);
    assert.match((await call('clerk', 'GET', `/api/documents/${d.id}`)).body.paragraphs.join(''), /视为放弃/, 'an issued 文书 keeps its text');
    const listed = (await call('clerk', 'GET', `/api/cases/${id}/documents`)).body.issued;
    assert.equal(listed.length, 3);
    assert.equal((await verifyChain(w.k.db)).ok, true, 'the audit chain verifies');
  });
});
