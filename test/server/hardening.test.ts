import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { eachDatabase, logLine, makeWorld, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { registerWorkbook } from '../../src/kernel/registers.ts';
import { createRegisterKinds } from '../../src/institutions/registers/index.ts';
import { multipart } from '../fixtures/multipart.ts';
import { ROUTE_MATRIX } from '../../src/server/route-matrix.ts';
import { zipBomb } from '../fixtures/zip-bomb.ts';
import Fastify from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import { securityHeaderOptions } from '../../src/server/headers.ts';


eachDatabase('uploads, logs and headers', (tdb) => {
  let w: World;
  let app: App;
  let logDir: string;
  const cookies: Record<string, string> = {};
  const upload = async (user: string, url: string, filename: string, content: Buffer) => {
    const m = multipart(filename, content);
    const r = await app.inject({ method: 'POST', url, payload: m.body, headers: { cookie: cookies[user], 'content-type': m.type } });
    return { status: r.statusCode, body: JSON.parse(r.body) };
  };
  const count = async (table: 'inspection_targets' | 'registers' | 'cases') => Number((await w.k.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-logs-'));
    // A route that fails on purpose, given its line in the permission matrix like any route.
    if (!ROUTE_MATRIX.some(([, p]) => p === '/api/public/test-failure')) ROUTE_MATRIX.push(['GET', '/api/public/test-failure', 'public']);
    app = await buildApp(w.k, { log: { dir: logDir } });
    app.get('/api/public/test-failure', { schema: { hide: true } }, async () => {
      throw new Error('故意的测试故障');
    });
    for (const u of ['admin', 'clerk', 'edu', 'leader']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } });
      cookies[u] = String(r.headers['set-cookie']).split(';')[0];
    }
  });
  after(async () => {
    await app.close();
    await w.conn.close();
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  test('an upload over its limit is refused whole with 413 naming the limit, never cut and accepted', async () => {
    const header = '统一社会信用代码,名称,行业类别,风险等级,地址\n';
    const row = (i: number) => `91350100${String(i).padStart(9, '0')}X,测试商户${i},餐饮,中,${'青溪区幸福路'.repeat(40)}\n`;
    let csv = header;
    for (let i = 0; csv.length < 4.2 * 1024 * 1024; i++) csv += row(i);
    const big = Buffer.from(csv); // about 10.5 MB in UTF-8: past the 10MB import limit
    assert.ok(big.length > 10 * 1024 * 1024);
    const r = await upload('clerk', `/api/inspection-targets/import?orgId=${w.justice}`, '名录.csv', big);
    assert.equal(r.status, 413);
    assert.match(r.body.message, /超过10MB 的上限，未保存任何内容/);
    assert.equal(await count('inspection_targets'), 0);
    const refused = await logLine(logDir, (l) => l.log === 'security' && l.event === 'upload_refused');
    assert.ok(refused, 'the refusal is a security event');
    assert.equal(refused.limitBytes, 10 * 1024 * 1024);
  });

  test('zip bombs are refused from the central directory, before any parser inflates them', async () => {
    const docx = zipBomb(['[Content_Types].xml', ...Array.from({ length: 400 }, (_, i) => `word/media/image${i}.bin`), 'word/document.xml'], 1024 * 1024);
    assert.ok(docx.length < 1024 * 1024, `the bomb is small on disk (${docx.length} bytes)`);
    const m = multipart('bomb.docx', docx);
    const a = await app.inject({ method: 'POST', url: '/api/analysis', payload: m.body, headers: { cookie: cookies.leader, 'content-type': m.type } });
    // Analysis answers file by file: the bomb gets its own refusal, the other files of the upload would still be read.
    assert.equal(a.statusCode, 200);
    assert.match(JSON.parse(a.body).results[0].error, /文件「bomb\.docx」解压后超过200MB的上限/);
    const xlsx = zipBomb(['[Content_Types].xml', 'xl/workbook.xml', ...Array.from({ length: 300 }, (_, i) => `xl/worksheets/sheet${i}.xml`)], 1024 * 1024);
    const i = await upload('clerk', `/api/inspection-targets/import?orgId=${w.justice}`, '名录.xlsx', xlsx);
    assert.equal(i.status, 413);
    assert.match(i.body.message, /解压后超过200MB的上限/);
    const many = zipBomb(Array.from({ length: 6000 }, (_, n) => `xl/x${n}.xml`), 10);
    const e = await upload('clerk', `/api/inspection-targets/import?orgId=${w.justice}`, '名录.xlsx', many);
    assert.equal(e.status, 413);
    assert.match(e.body.message, /6000个压缩条目，超过5000个的上限/);
  });

  test('file type is read from the content, not the name', async () => {
    const kind = createRegisterKinds().get('exemptions');
    const item = { code: 'MF-1', name: '未按规定公示执业信息', kind: 'first_violation', condition: '首次违法并及时改正', basis: '行政处罚法第三十三条' };
    const url = `/api/registers/import?orgId=${w.justice}&kind=exemptions&note=${encodeURIComponent('按内容识别')}`;
    const asCsv = await upload('clerk', url, '免罚清单.csv', await registerWorkbook(kind, [item]));
    assert.equal(asCsv.status, 200, 'an .xlsx named .csv is still read as Excel');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const old = await upload('clerk', url, '免罚清单.xlsx', ole);
    assert.equal(old.status, 400);
    assert.match(old.body.message, /旧版 Excel（\.xls）/);
  });

  test('formula cells: imported by their cached value or refused; exports neutralise formula-looking text', async () => {
    const kind = createRegisterKinds().get('exemptions');
    const item = (code: string, name: string) => ({ code, name, kind: 'first_violation', condition: '首次违法并及时改正', basis: '行政处罚法第三十三条' });
    const withFormula = async (result: unknown) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await registerWorkbook(kind, [item('MF-9', '占位')])) as any);
      const ws = wb.worksheets[0];
      const col = (ws.getRow(1).values as unknown[]).findIndex((v) => String(v).startsWith('违法行为'));
      ws.getRow(2).getCell(col).value = { formula: 'CONCAT("未按规定","公示")', ...(result === undefined ? {} : { result }) } as any;
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const url = `/api/registers/import?orgId=${w.education}&kind=exemptions&note=${encodeURIComponent('公式')}`;
    const registersBefore = await count('registers');
    const noResult = await upload('edu', url, '免罚清单.xlsx', await withFormula(undefined));
    assert.equal(noResult.status, 400);
    assert.match(noResult.body.message, /第2行「违法行为[^」]*」是公式且没有可用的计算结果/);
    assert.equal(await count('registers'), registersBefore);
    const cached = await upload('edu', url, '免罚清单.xlsx', await withFormula('未按规定公示'));
    assert.equal(cached.status, 200);
    const list = JSON.parse((await app.inject({ url: '/api/public/registers' })).body);
    const mine = list.find((r: any) => r.orgName === '测试区教育体育局');
    const pub = JSON.parse((await app.inject({ url: `/api/public/registers/${mine.id}` })).body);
    assert.equal(pub.items[0].name, '未按规定公示', 'the cached value, never [object Object]');

    const hostile = '=HYPERLINK("http://evil.example","点我")';
    const published = await app.inject({ method: 'POST', url: '/api/registers', headers: { cookie: cookies.clerk }, payload: { orgId: w.justice, kind: 'exemptions', note: '导出测试', items: [item('MF-7', hostile), item('MF-8', '+86 热线'), item('MF-6', '@某人')] } });
    assert.equal(published.statusCode, 200, published.body);
    const regs = JSON.parse((await app.inject({ url: '/api/public/registers' })).body);
    const justiceReg = regs.find((r: any) => r.orgName === '测试区司法局');
    const exported = await app.inject({ url: `/api/registers/${justiceReg.id}/export.xlsx`, headers: { cookie: cookies.clerk } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as any);
    const texts: string[] = [];
    wb.worksheets[0].eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    assert.ok(texts.includes(`'${hostile}`) && texts.includes("'+86 热线") && texts.includes("'@某人"), texts.join(' | '));
    assert.ok(!texts.some((t) => /^[=+@]/.test(t)), 'no exported cell starts like a formula');
    const reimported = await upload('clerk', `/api/registers/import?orgId=${w.justice}&kind=exemptions&note=${encodeURIComponent('原样导回')}`, '导出.xlsx', exported.rawPayload);
    assert.equal(reimported.status, 200);
    const again = JSON.parse((await app.inject({ url: `/api/public/registers/${justiceReg.id}` })).body);
    assert.deepEqual(again.items.map((i: any) => i.name).sort(), ['+86 热线', '@某人', hostile].sort(), 'an exported list imports back unchanged');
  });

  test('a large report is parsed off the request thread: the server answers meanwhile', async () => {
    const seed = fs.readFileSync(path.join('test/fixtures/seeds', fs.readdirSync('test/fixtures/seeds').find((f) => f.endsWith('.txt'))!), 'utf8');
    const big = Buffer.from(Array(1000).fill(seed).join('\n'));
    const m = multipart('汇编.txt', big);
    let settled = false;
    const analysis = app.inject({ method: 'POST', url: '/api/analysis', payload: m.body, headers: { cookie: cookies.leader, 'content-type': m.type } }).finally(() => (settled = true));
    let answeredDuring = 0;
    while (!settled) {
      const h = await app.inject({ url: '/api/health' });
      assert.equal(h.statusCode, 200);
      if (!settled) answeredDuring++;
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = await analysis;
    assert.equal(r.statusCode, 200);
    assert.ok(JSON.parse(r.body).results[0].figures.length > 1000);
    assert.ok(answeredDuring >= 2, `health answered ${answeredDuring} times while the report was parsed`);
  });

  test('logs: access lines with request ids, 5xx with their stack (never in the answer), security events, no secrets', async () => {
    const boom = await app.inject({ url: '/api/public/test-failure' });
    assert.equal(boom.statusCode, 500);
    const answer = JSON.parse(boom.body);
    assert.match(answer.message, /系统内部错误/);
    assert.ok(answer.requestId && boom.headers['x-request-id'] === answer.requestId);
    assert.doesNotMatch(boom.body, /故意的测试故障|at |\.ts/);
    const error = await logLine(logDir, (l) => l.log === 'error' && l.reqId === answer.requestId);
    assert.ok(error, 'the 500 is in the error log');
    assert.match(error.err.stack, /故意的测试故障[\s\S]*hardening\.test\.ts/);

    const anon = await app.inject({ url: '/api/cases' });
    assert.equal(anon.statusCode, 401);
    const denied = await app.inject({ method: 'PUT', url: '/api/calendar/overrides/2025-10-01', headers: { cookie: cookies.clerk }, payload: { kind: 'holiday', name: '国庆' } });
    assert.equal(denied.statusCode, 403);
    const e401 = await logLine(logDir, (l) => l.log === 'security' && l.event === 'unauthenticated' && l.reqId === JSON.parse(anon.body).requestId);
    const e403 = await logLine(logDir, (l) => l.log === 'security' && l.event === 'permission_denied' && l.reqId === JSON.parse(denied.body).requestId);
    assert.ok(e401 && e403);
    assert.equal(e403.username, 'clerk');
    assert.equal(e403.path, '/api/calendar/overrides/2025-10-01');
    const access = await logLine(logDir, (l) => l.log === 'access' && l.reqId === JSON.parse(denied.body).requestId);
    assert.equal(access.status, 403);

    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'Wrong-密码-12345' } });
    await logLine(logDir, (l) => l.log === 'access' && l.path === '/api/auth/login' && l.status === 401);
    const all = fs.readdirSync(logDir).map((f) => fs.readFileSync(path.join(logDir, f), 'utf8')).join('');
    assert.doesNotMatch(all, /Wrong-密码-12345|Test@12345/, 'no password in the logs');
    assert.ok(!all.includes(cookies.clerk.split('=')[1]), 'no session token in the logs');
    for (const f of fs.readdirSync(logDir)) assert.equal(fs.statSync(path.join(logDir, f)).mode & 0o077, 0, 'log files are 0600');
  });

  test('security headers on the API; JSON answers are not cached', async () => {
    const r = await app.inject({ url: '/api/health' });
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['referrer-policy'], 'same-origin');
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    const https = await buildApp(w.k, { secureCookies: true });
    const s = await https.inject({ url: '/api/health' });
    assert.match(String(s.headers['strict-transport-security']), /max-age=31536000/);
    await https.close();
  });

  test('the security headers are exactly those @fastify/helmet sent with the same options', async () => {
    // headers.ts builds helmet's middleware once instead of through @fastify/helmet per request.
    const standard = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
    for (const secure of [false, true]) {
      const reference = Fastify();
      // The same options object; helmet's types come twice (its ESM and CJS builds), hence the cast.
      await reference.register(fastifyHelmet, securityHeaderOptions({ https: secure }) as object);
      reference.get('/*', async () => ({}));
      const ours = secure ? await buildApp(w.k, { secureCookies: true }) : app;
      for (const url of ['/api/health', '/cases/1', '/api/no-such-route']) {
        const want = (await reference.inject({ url })).headers;
        const got = (await ours.inject({ url })).headers;
        const helmetHeaders = Object.keys(want).filter((h) => !standard.has(h));
        assert.ok(helmetHeaders.length >= 10, `helmet set ${helmetHeaders.join(', ')}`);
        for (const h of helmetHeaders) assert.equal(got[h], want[h], `${h} on ${url} (https ${secure})`);
        assert.equal(got['x-powered-by'], undefined);
      }
      if (secure) await ours.close();
      await reference.close();
    }
  });

  test('the session cookie is Secure whenever the request came over HTTPS, with no setting needed', async () => {
    const sessionCookie = (r: { headers: Record<string, unknown> }) => ([] as string[]).concat(r.headers['set-cookie'] as string[]).find((c) => c.startsWith('fazhi_session='))!;
    const signIn = (a: App, headers: Record<string, string> = {}) => a.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username: 'clerk', password: 'Test@12345' } });
    const plain = sessionCookie(await signIn(app));
    assert.match(plain, /HttpOnly/);
    assert.doesNotMatch(plain, /Secure/, 'plain HTTP on the office network: a Secure cookie would never come back');
    const proxied = await buildApp(w.k, { trustProxy: true });
    try {
      assert.match(sessionCookie(await signIn(proxied, { 'x-forwarded-proto': 'https' })), /; Secure/, 'behind a TLS proxy the cookie is Secure');
      assert.doesNotMatch(sessionCookie(await signIn(proxied)), /Secure/);
    } finally {
      await proxied.close();
    }
    // Without TRUST_PROXY the header is anyone's to send, so it changes nothing.
    assert.doesNotMatch(sessionCookie(await signIn(app, { 'x-forwarded-proto': 'https' })), /Secure/);
  });
});
