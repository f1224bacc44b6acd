import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, reconsiderationIntake, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { createUser } from '../../src/kernel/auth/sessions.ts';

eachDatabase('HTTP API', (tdb) => {
  let w: World;
  let app: App;
  const cookies: Record<string, string> = {};
  const call = async (user: string | null, method: string, url: string, payload?: unknown) => {
    const r = await app.inject({ method: method as any, url, payload: payload as any, headers: user ? { cookie: cookies[user] } : {} });
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : undefined };
  };

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    app = await buildApp(w.k);
    for (const u of ['admin', 'clerk', 'edu', 'leader']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } });
      assert.equal(r.statusCode, 200);
      const set = String(r.headers['set-cookie']);
      assert.match(set, /HttpOnly/);
      assert.match(set, /SameSite=Strict/);
      cookies[u] = set.split(';')[0];
    }
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('GET /api/health names the database engine', async () => {
    const r = await call(null, 'GET', '/api/health');
    assert.deepEqual(r.body, { ok: true, db: tdb.engine, demo: false });
  });

  test('the OpenAPI document lists every route with its input schema', async () => {
    const doc = (await call(null, 'GET', '/api/openapi.json')).body;
    assert.match(doc.openapi, /^3\./);
    const routes = app.printRoutes({ commonPrefix: false });
    for (const def of w.k.types.all()) {
      const create = doc.paths[`/api/${def.key}/cases`].post;
      const fields = create.requestBody.content['application/json'].schema.properties.fields;
      assert.equal(fields.properties.receivedOn.title, (def.intake.shape.receivedOn as any).meta().title);
      assert.match(fields.properties.receivedOn.title, /日期/);
      for (const a of def.actions.filter((x) => !x.system)) {
        const op = doc.paths[`/api/${def.key}/cases/{id}/${a.key}`]?.post;
        assert.ok(op, `${def.key}.${a.key} is documented`);
        if (a.fields) assert.ok(op.requestBody.content['application/json'].schema.properties.data.properties, `${a.key} documents its fields`);
      }
    }
    for (const p of ['/api/cases', '/api/cases/{id}', '/api/indicators', '/api/indicators/{key}/records', '/api/calendar/deadline', '/api/dashboard', '/api/audit/verify']) {
      assert.ok(doc.paths[p], `${p} documented`);
    }
    assert.ok(routes.length > 0);
  });

  test('without a session every API answers 401 in Chinese', async () => {
    const r = await call(null, 'GET', '/api/cases');
    assert.equal(r.status, 401);
    assert.match(r.body.message, /请重新登录/);
  });

  test('create, act, conflict, and the errors a clerk can meet', async () => {
    const created = await call('clerk', 'POST', '/api/reconsideration/cases', { orgId: w.justice, fields: reconsiderationIntake('2025-06-09') });
    assert.equal(created.status, 201);
    assert.equal(created.body.number, '测试区复〔2025〕1号');
    const id = created.body.id;

    const missing = await call('clerk', 'POST', '/api/reconsideration/cases', { orgId: w.justice, fields: { receivedOn: '2025-06-31' } });
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /「收到申请日期」日期无效/);
    assert.match(missing.body.message, /「被申请人」为必填项/);

    const badJson = await app.inject({ method: 'POST', url: '/api/reconsideration/cases', headers: { cookie: cookies.clerk, 'content-type': 'application/json' }, payload: '{oops' });
    assert.equal(badJson.statusCode, 400);
    assert.match(JSON.parse(badJson.body).message, /无法解析/);

    const noVersion = await call('clerk', 'POST', `/api/reconsideration/cases/${id}/accept`, {});
    assert.equal(noVersion.status, 400, 'an empty body never takes a step');
    assert.match(noVersion.body.message, /「案件版本」为必填项/);
    const wrongState = await call('clerk', 'POST', `/api/reconsideration/cases/${id}/decide`, { version: 1, data: { outcome: 'upheld', approval: 'head', summary: '维持' } });
    assert.equal(wrongState.status, 409);
    assert.match(wrongState.body.message, /不能办理「作出行政复议决定」/);

    const accepted = await call('clerk', 'POST', `/api/reconsideration/cases/${id}/accept`, { version: 1, on: '2025-06-10' });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.state, 'accepted');
    const stale = await call('admin', 'POST', `/api/reconsideration/cases/${id}/suspend`, { version: 1, data: { ground: 'missing', noticeOn: '2025-06-11' } });
    assert.equal(stale.status, 409);
    assert.match(stale.body.message, /已被他人修改/);

    const outsider = await call('edu', 'GET', `/api/cases/${id}`);
    assert.equal(outsider.status, 404);
    const readOnly = await call('leader', 'POST', `/api/reconsideration/cases/${id}/suspend`, { version: 2, data: { ground: 'missing', noticeOn: '2025-06-11' } });
    assert.equal(readOnly.status, 403);
    const wrongType = await call('clerk', 'POST', `/api/disclosure/cases/${id}/withdraw`, { version: 2 });
    assert.equal(wrongType.status, 400);
    assert.match(wrongType.body.message, /不是依申请公开案件/);
    const foreignOrg = await call('edu', 'POST', '/api/reconsideration/cases', { orgId: w.justice, fields: reconsiderationIntake('2025-06-09') });
    assert.equal(foreignOrg.status, 403);
  });

  test('attachments: multipart upload, download, size and permission checks', async () => {
    const id = (await call('clerk', 'POST', '/api/reconsideration/cases', { orgId: w.justice, fields: reconsiderationIntake('2025-06-11') })).body.id;
    const boundary = '----fazhi';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="申请书.txt"\r\nContent-Type: text/plain\r\n\r\n行政复议申请书正文\r\n--${boundary}--\r\n`;
    const up = await app.inject({ method: 'POST', url: `/api/cases/${id}/attachments`, headers: { cookie: cookies.clerk, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    assert.equal(up.statusCode, 201);
    const aid = JSON.parse(up.body).id;
    const down = await app.inject({ method: 'GET', url: `/api/attachments/${aid}`, headers: { cookie: cookies.clerk } });
    assert.equal(down.statusCode, 200);
    assert.equal(down.body, '行政复议申请书正文');
    assert.match(String(down.headers['content-disposition']), /filename\*=UTF-8''/);
    const hidden = await app.inject({ method: 'GET', url: `/api/attachments/${aid}`, headers: { cookie: cookies.edu } });
    assert.equal(hidden.statusCode, 404);
    const big = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.alloc(21 * 1024 * 1024, 1),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const tooBig = await app.inject({ method: 'POST', url: `/api/cases/${id}/attachments`, headers: { cookie: cookies.clerk, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: big });
    assert.equal(tooBig.statusCode, 413);
    assert.match(JSON.parse(tooBig.body).message, /超过20MB 的上限/);
    assert.equal((await call('clerk', 'GET', `/api/cases/${id}`)).body.attachments.length, 1, 'nothing half-stored');
    const notMultipart = await call('clerk', 'POST', `/api/cases/${id}/attachments`, { x: 1 });
    assert.equal(notMultipart.status, 400);
  });

  test('the case list exports to Excel with parties masked', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const r = await app.inject({ method: 'GET', url: '/api/cases/export.xlsx?type=reconsideration', headers: { cookie: cookies.clerk } });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as any);
    const ws = wb.getWorksheet('案件清单')!;
    assert.equal(ws.getRow(1).getCell(1).value, '案号');
    const listed = (await call('clerk', 'GET', '/api/cases?type=reconsideration')).body.total;
    assert.equal(ws.rowCount - 1, listed);
    const partiesCol = ws.getColumn(11).values.slice(2).map(String);
    assert.ok(partiesCol.every((v) => v.startsWith('张**') && v.includes('138****5678')), 'names and phones masked');
  });

  test('report analysis: many files in one upload, each answered or refused in Chinese', async () => {
    const fs = await import('node:fs');
    const seedDir = new URL('../fixtures/seeds/', import.meta.url);
    const s001 = fs.readFileSync(new URL(fs.readdirSync(seedDir).find((f) => f.startsWith('001'))!, seedDir));
    const boundary = '----fazhiAnalysis';
    const part = (name: string, type: string, data: Buffer) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), data, Buffer.from('\r\n')]);
    const body = Buffer.concat([part('001.txt', 'text/plain', s001), part('empty.txt', 'text/plain', Buffer.alloc(0)), Buffer.from(`--${boundary}--\r\n`)]);
    const r = await app.inject({ method: 'POST', url: '/api/analysis', headers: { cookie: cookies.leader, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    assert.equal(r.statusCode, 200);
    const [ok, bad] = JSON.parse(r.body).results;
    assert.equal(ok.entity, '中共昌江区委昌江区人民政府');
    assert.ok(ok.inconsistencies.some((x: any) => x.kind === 'part_exceeds_whole'));
    assert.equal(ok.view.text.slice(...ok.view.inconsistencies[0]).includes('94件'), true);
    assert.match(bad.error, /空文件/);
    const anonymous = await app.inject({ method: 'POST', url: '/api/analysis', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    assert.equal(anonymous.statusCode, 401);
  });

  test('annual report: opened as a draft, saved with a version, checked', async () => {
    const opened = await call('clerk', 'POST', '/api/reports', { orgId: w.justice, year: 2025 });
    assert.equal(opened.status, 200);
    assert.equal(opened.body.title, '测试区司法局2025年法治政府建设年度报告');
    assert.equal(opened.body.sections.length, 4);
    const sections = opened.body.sections.map((x: any) => ({ kind: x.kind, heading: x.heading, body: x.body }));
    sections[1].body = '一是复议案件办理周期偏长，主要原因是人员不足。';
    const saved = await call('clerk', 'PUT', `/api/reports/${opened.body.id}`, { version: opened.body.version, title: opened.body.title, sections });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.version, opened.body.version + 1);
    const stale = await call('clerk', 'PUT', `/api/reports/${opened.body.id}`, { version: opened.body.version, title: opened.body.title, sections });
    assert.equal(stale.status, 409);
    const check = await call('clerk', 'GET', `/api/reports/${opened.body.id}/check`);
    assert.equal(check.body.deadline.due, '2026-02-28', 'a department reports 3月1日之前: the last day is 02-28 (督察工作规定; "之前" excludes the day)');
    assert.deepEqual(check.body.findings.filter((f: any) => f.rule === 'structure').map((f: any) => f.section), ['next_year']);
    assert.equal((await call('edu', 'GET', `/api/reports/${opened.body.id}`)).status, 404);
    assert.equal((await call('leader', 'POST', '/api/reports', { orgId: w.education, year: 2025 })).status, 403);
  });

  test('indicators and drill-down are scoped to what the user may see', async () => {
    const ok = await call('clerk', 'GET', '/api/indicators?year=2025&keys=行政复议.收到申请');
    assert.equal(ok.status, 200);
    assert.equal(ok.body.values[0].value, 2);
    const outside = await call('edu', 'GET', `/api/indicators?year=2025&orgId=${w.justice}`);
    assert.equal(outside.status, 404);
    const unknown = await call('clerk', 'GET', '/api/indicators?keys=行政复议.不存在');
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.message, /指标「行政复议.不存在」不存在/);
    const rec = await call('clerk', 'GET', '/api/indicators/reconsideration.received/records?year=2025');
    assert.equal(rec.body.total, 2);
    const backwards = await call('clerk', 'GET', '/api/indicators?from=2025-12-01&to=2025-01-01');
    assert.equal(backwards.status, 400);
  });

  test('deadline calculator and calendar administration', async () => {
    const r = await call('clerk', 'GET', '/api/calendar/deadline?from=2025-09-26&workdays=5');
    assert.deepEqual(r.body, { due: '2025-10-10', warnings: [] });
    const both = await call('clerk', 'GET', '/api/calendar/deadline?from=2025-09-26&workdays=5&days=3');
    assert.equal(both.status, 400);
    const clerkEdit = await call('clerk', 'PUT', '/api/calendar/overrides/2027-01-01', { kind: 'holiday', name: '元旦' });
    assert.equal(clerkEdit.status, 403);
    const warned = await call('clerk', 'GET', '/api/calendar/deadline?from=2026-12-28&workdays=5');
    assert.equal(warned.body.warnings.length, 1);
    assert.equal((await call('admin', 'PUT', '/api/calendar/overrides/2027-01-01', { kind: 'holiday', name: '元旦' })).status, 200);
    assert.equal((await call('admin', 'POST', '/api/calendar/years', { year: 2027, note: '国办发明电〔2026〕X号' })).status, 200);
    const after = await call('clerk', 'GET', '/api/calendar/deadline?from=2026-12-28&workdays=5');
    assert.deepEqual(after.body, { due: '2027-01-05', warnings: [] });
    // 三员分立: the chain is verified by the audit administrator, not the system administrator.
    assert.equal((await call('admin', 'GET', '/api/audit/verify')).status, 403);
    await createUser(w.k.db, { orgId: w.district, username: 'auditor', displayName: '审计管理员', role: 'auditor', password: 'Test@12345' });
    cookies.auditor = String((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'auditor', password: 'Test@12345' } })).headers['set-cookie']).split(';')[0];
    const verify = await call('auditor', 'GET', '/api/audit/verify');
    assert.equal(verify.body.ok, true);
    assert.equal((await call('auditor', 'GET', '/api/cases')).status, 403, 'the audit administrator does not read the business');
  });
});
