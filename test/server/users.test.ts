import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eachDatabase, logLine, makeWorld, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { base32Decode, totp } from '../../src/kernel/auth/totp.ts';
import { markInstall, updatePolicy } from '../../src/kernel/auth/policy.ts';
import { createUser } from '../../src/kernel/auth/sessions.ts';

const PW = 'Test@12345';

eachDatabase('accounts over HTTP', (tdb) => {
  let w: World;
  let app: App;
  const clock = { now: new Date('2025-06-16T01:00:00Z') };
  const advance = (minutes: number) => (clock.now = new Date(clock.now.getTime() + minutes * 60_000));

  const call = async (cookie: string | null, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const r = await app.inject({ method: method as any, url, payload: payload as any, headers: { ...(cookie ? { cookie } : {}), ...headers } });
    const set = r.headers['set-cookie'];
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : undefined, cookie: set ? String(set).split(';')[0] : undefined };
  };
  const signIn = async (username: string, password = PW) => {
    const r = await call(null, 'POST', '/api/auth/login', { username, password });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.cookie!;
  };

  let logDir: string;
  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-users-logs-'));
    app = await buildApp(w.k, { now: () => clock.now, loginRateLimit: 1000, log: { dir: logDir } });
    await createUser(w.k.db, { orgId: w.justice, scopeOrgId: w.district, username: 'secadmin', displayName: '安全管理员', role: 'secadmin', password: PW });
    await createUser(w.k.db, { orgId: w.justice, scopeOrgId: w.district, username: 'auditor', displayName: '审计管理员', role: 'auditor', password: PW });
  });
  after(async () => {
    await app.close();
    await w.conn.close();
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  test('an unknown user and a wrong password get byte-identical answers', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'no-such-person', password: 'Wrong#pass1' } });
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Wrong#pass1' } });
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, unknown.statusCode);
    // Identical but for the request id every answer carries.
    const withoutId = (body: string) => body.replace(/"requestId":"[^"]*"/, '');
    assert.equal(withoutId(wrong.body), withoutId(unknown.body));
    const { requestId, ...answer } = JSON.parse(wrong.body);
    assert.match(requestId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(answer, { ok: false, code: 'unauthorized', message: '用户名或密码错误' });
    const nul = await call(null, 'POST', '/api/auth/login', { username: 'ad\u0000min', password: 'x' });
    assert.equal(nul.status, 400, 'a NUL byte is bad input, not a 500');
  });

  test('user administration: a clerk and a leader get 403; the admin creates, lists, edits, disables, enables, unlocks, resets; the secadmin grants the role', async () => {
    const clerk = await signIn('clerk');
    const leader = await signIn('leader');
    for (const c of [clerk, leader]) {
      assert.equal((await call(c, 'GET', '/api/users')).status, 403);
      assert.equal((await call(c, 'POST', '/api/users', { username: 'x9', displayName: 'x', orgId: w.justice, role: 'clerk' })).status, 403);
      assert.equal((await call(c, 'POST', `/api/users/${w.eduClerk.id}/reset-password`)).status, 403);
      assert.equal((await call(c, 'GET', '/api/security-policy')).status, 403);
    }
    const admin = await signIn('admin');
    const created = await call(admin, 'POST', '/api/users', { username: 'newclerk', displayName: '新经办', orgId: w.education });
    assert.equal(created.status, 201);
    assert.equal((await call(admin, 'GET', `/api/users/${created.body.id}`)).body.role, 'none');
    const granted = await call(await signIn('secadmin'), 'PUT', `/api/security/users/${created.body.id}/role`, { role: 'clerk', scopeOrgId: w.district });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.match(created.body.password, /^.{14,}$/);
    const id = created.body.id;
    const listed = await call(admin, 'GET', `/api/users?orgId=${w.education}`);
    assert.deepEqual(listed.body.map((u: any) => u.username).sort(), ['edu', 'newclerk']);
    const row = listed.body.find((u: any) => u.username === 'newclerk');
    assert.equal(row.mustChangePassword, true);
    assert.deepEqual([row.role, row.scopeOrgId], ['clerk', w.district]);
    assert.deepEqual((await call(admin, 'GET', '/api/users?q=新经')).body.map((u: any) => u.id), [id]);

    const edited = await call(admin, 'PUT', `/api/users/${id}`, { displayName: '新经办（已改）', orgId: w.township });
    assert.equal(edited.status, 200);
    assert.deepEqual([edited.body.displayName, edited.body.orgId, edited.body.scopeOrgId], ['新经办（已改）', w.township, w.district]);

    // Forced change: everything but the change and logout answers 403 password_change_required.
    const fresh = await signIn('newclerk', created.body.password);
    const blocked = await call(fresh, 'GET', '/api/cases');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'password_change_required');
    assert.equal((await call(fresh, 'GET', '/api/auth/me')).body.code, 'password_change_required');
    const weak = await call(fresh, 'POST', '/api/auth/password', { currentPassword: created.body.password, newPassword: 'abcdefgh' });
    assert.equal(weak.status, 400);
    assert.match(weak.body.message, /不符合密码策略/);
    assert.equal((await call(fresh, 'POST', '/api/auth/password', { currentPassword: created.body.password, newPassword: 'Township#2025' })).status, 200);
    assert.equal((await call(fresh, 'GET', '/api/cases')).status, 200);

    // Disabling ends the user's sessions at once and the login answers like an unknown user.
    assert.equal((await call(admin, 'POST', `/api/users/${id}/disable`)).status, 200);
    assert.equal((await call(fresh, 'GET', '/api/cases')).status, 401);
    const refused = await call(null, 'POST', '/api/auth/login', { username: 'newclerk', password: 'Township#2025' });
    assert.deepEqual([refused.status, refused.body.message], [401, '用户名或密码错误']);
    assert.equal((await call(admin, 'POST', `/api/users/${id}/enable`)).status, 200);
    await signIn('newclerk', 'Township#2025');

    // Lock by five wrong passwords; the admin unlocks.
    for (let i = 0; i < 5; i++) await call(null, 'POST', '/api/auth/login', { username: 'newclerk', password: `Wrong#${i}abcdef` });
    assert.equal((await call(null, 'POST', '/api/auth/login', { username: 'newclerk', password: 'Township#2025' })).status, 423);
    assert.equal((await call(admin, 'GET', '/api/users?status=locked')).body.some((u: any) => u.id === id), true);
    assert.equal((await call(admin, 'POST', `/api/users/${id}/unlock`)).status, 200);
    await signIn('newclerk', 'Township#2025');

    // Reset: a new one-time password, the old one is dead, the change is forced again.
    const reset = await call(admin, 'POST', `/api/users/${id}/reset-password`);
    assert.equal(reset.status, 200);
    assert.equal((await call(null, 'POST', '/api/auth/login', { username: 'newclerk', password: 'Township#2025' })).status, 401);
    const again = await call(null, 'POST', '/api/auth/login', { username: 'newclerk', password: reset.body.password });
    assert.deepEqual([again.status, again.body.mustChangePassword], [200, true]);

    const actions = (await w.k.db.selectFrom('audit_events').select('action').where('entity', '=', 'user').where('entity_id', '=', String(id)).execute()).map((a) => a.action);
    for (const a of ['user.create', 'user.role', 'user.update', 'user.password_change', 'user.disable', 'user.enable', 'auth.locked', 'user.unlock', 'user.password_reset']) assert.ok(actions.includes(a), a);
    assert.equal((await call(admin, 'GET', '/api/users/2147483648')).status, 400, 'an id past int4 is bad input, not a 500');
  });

  test('三员分立 over HTTP: each administrator is refused the others\' work and their own grants; every change is in the security log', async () => {
    const admin = await signIn('admin');
    const sec = await signIn('secadmin');
    const aud = await signIn('auditor');
    const secId = (await call(sec, 'GET', '/api/auth/me')).body.id;
    // The system administrator: no role at creation, no role or scope by edit, not the grant route.
    const withRole = await call(admin, 'POST', '/api/users', { username: 'sneaky', displayName: 'x', orgId: w.justice, role: 'admin' });
    assert.deepEqual([withRole.status, withRole.body.message], [403, '角色和可查看范围由安全管理员分配（三员分立）：系统管理员新建的账号在分配角色前没有任何权限']);
    assert.equal((await call(admin, 'PUT', `/api/users/${w.eduClerk.id}`, { role: 'leader' })).status, 403);
    assert.equal((await call(admin, 'PUT', `/api/security/users/${w.eduClerk.id}/role`, { role: 'leader' })).status, 403);
    assert.equal((await call(admin, 'PUT', `/api/security/users/${w.admin.id}/duties`, { duties: [] })).status, 403);
    // The security administrator: no accounts, no passwords, nothing of their own.
    assert.equal((await call(sec, 'POST', '/api/users', { username: 'bysec', displayName: 'x', orgId: w.justice })).status, 403);
    assert.equal((await call(sec, 'POST', `/api/users/${w.clerk.id}/reset-password`)).status, 403);
    const self = await call(sec, 'PUT', `/api/security/users/${secId}/role`, { role: 'admin' });
    assert.deepEqual([self.status, self.body.message], [403, '不能修改自己的角色或可查看范围（三员分立：须由另一位安全管理员分配）']);
    assert.equal((await call(sec, 'PUT', `/api/security/users/${secId}/duties`, { duties: [{ orgId: w.justice, subject: 'reports', actions: ['*'] }] })).status, 403);
    // The auditor reads the trail and nothing else.
    assert.equal((await call(aud, 'GET', '/api/users')).status, 403);
    assert.equal((await call(aud, 'GET', '/api/security/users')).status, 403);
    assert.equal((await call(aud, 'PUT', `/api/security/users/${w.clerk.id}/role`, { role: 'leader' })).status, 403);
    assert.equal((await call(aud, 'GET', '/api/audit/events?action=user.')).status, 200);
    assert.equal((await call(await signIn('edu'), 'GET', '/api/auth/me')).body.role, 'clerk', 'nothing changed');

    // A grant that goes through: the audit trail and the security log both have it; refusals are security events.
    const made = await call(admin, 'POST', '/api/users', { username: 'granted', displayName: '授权', orgId: w.justice });
    const ok = await call(sec, 'PUT', `/api/security/users/${made.body.id}/role`, { role: 'leader' });
    assert.equal(ok.status, 200);
    const audit = await w.k.db.selectFrom('audit_events').select(['actor_id', 'after']).where('action', '=', 'user.role').where('entity_id', '=', String(made.body.id)).executeTakeFirstOrThrow();
    assert.deepEqual([audit.actor_id, (audit.after as any).role], [secId, 'leader']);
    assert.ok(await logLine(logDir, (l) => l.log === 'security' && l.event === 'user.role' && l.targetUserId === made.body.id && l.userId === secId));
    assert.ok(await logLine(logDir, (l) => l.log === 'security' && l.event === 'user.create' && l.targetUserId === made.body.id));
    assert.ok(await logLine(logDir, (l) => l.log === 'security' && l.event === 'permission_denied' && l.userId === secId && /不能修改自己的角色/.test(l.reason)));
  });

  test('an account locked from many addresses: the real user is refused everywhere, the secadmin gets a security event', async () => {
    await createUser(w.k.db, { orgId: w.justice, username: 'target2', displayName: '被攻击', role: 'clerk', password: PW });
    const from = (ip: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: 'target2', password } });
    assert.equal((await from('203.0.113.5', 'Wrong#1abcdef')).statusCode, 401);
    for (let i = 0; i < 4; i++) await from('203.0.113.5', 'Wrong#1abcdef');
    assert.equal((await from('203.0.113.5', PW)).statusCode, 423, 'the guessing address is locked');
    assert.equal((await from('10.20.0.1', PW)).statusCode, 200, 'the real user\'s address is not');
    for (let n = 6; n < 16; n++) for (let i = 0; i < 5; i++) await from(`203.0.113.${n}`, 'Wrong#1abcdef');
    const locked = await from('10.20.0.1', PW);
    assert.equal(locked.statusCode, 423);
    assert.match(JSON.parse(locked.body).message, /账号已锁定/);
    assert.ok(await logLine(logDir, (l) => l.log === 'security' && l.event === 'account_locked' && l.scope === 'account' && l.username === 'target2'));
    const inbox = await call(await signIn('secadmin'), 'GET', '/api/notifications');
    assert.equal(inbox.status, 200);
    assert.ok(JSON.stringify(inbox.body).includes('target2'), 'the secadmin is told');
  });

  test('a cross-site write is refused even with a session cookie; the same origin and scripts without Origin pass', async () => {
    const admin = await signIn('admin');
    const evil = await call(admin, 'POST', `/api/users/${w.eduClerk.id}/unlock`, undefined, { origin: 'http://evil.example' });
    assert.deepEqual([evil.status, evil.body.code], [403, 'cross_origin']);
    assert.equal((await call(admin, 'POST', '/api/auth/logout', undefined, { origin: 'null' })).status, 403, 'an opaque origin is cross-site');
    assert.equal((await call(admin, 'POST', `/api/users/${w.eduClerk.id}/unlock`, undefined, { origin: 'http://localhost' })).status, 200);
    assert.equal((await call(admin, 'POST', `/api/users/${w.eduClerk.id}/unlock`)).status, 200);
    assert.ok(await logLine(logDir, (l) => l.log === 'security' && l.event === 'permission_denied' && l.code === 'cross_origin'));
  });

  test('own sessions: listed with address and browser, and any of them can be ended', async () => {
    const first = await signIn('edu');
    const r2 = await call(null, 'POST', '/api/auth/login', { username: 'edu', password: PW }, { 'user-agent': 'Phone browser' });
    const second = r2.cookie!;
    const list = await call(first, 'GET', '/api/auth/sessions');
    assert.equal(list.status, 200);
    const current = list.body.find((s: any) => s.current);
    const other = list.body.find((s: any) => s.userAgent === 'Phone browser');
    assert.ok(current && other && current.id !== other.id);
    assert.equal(other.ip, '127.0.0.1');
    assert.equal((await call(second, 'GET', '/api/cases')).status, 200);
    assert.equal((await call(first, 'DELETE', `/api/auth/sessions/${other.id}`)).status, 200);
    assert.equal((await call(second, 'GET', '/api/cases')).status, 401);
    // Another user's session is not yours to end.
    const leader = await signIn('leader');
    const leaderSession = (await call(leader, 'GET', '/api/auth/sessions')).body[0].id;
    assert.equal((await call(first, 'DELETE', `/api/auth/sessions/${leaderSession}`)).status, 404);
    assert.equal((await call(leader, 'GET', '/api/auth/me')).status, 200);
  });

  test('idle timeout and absolute lifetime over HTTP (injected clock)', async () => {
    const c = await signIn('edu');
    advance(29);
    assert.equal((await call(c, 'GET', '/api/auth/me')).status, 200);
    advance(29);
    assert.equal((await call(c, 'GET', '/api/auth/me')).status, 200, 'activity keeps it alive');
    advance(31);
    const gone = await call(c, 'GET', '/api/auth/me');
    assert.equal(gone.status, 401);
    assert.match(gone.body.message, /重新登录/);
    const busy = await signIn('edu');
    for (let m = 0; m < 12 * 60 - 25; m += 25) {
      advance(25);
      assert.equal((await call(busy, 'GET', '/api/auth/me')).status, 200);
    }
    advance(25);
    assert.equal((await call(busy, 'GET', '/api/auth/me')).status, 401);
  });

  test('two-step login: the privileged enrol, then give a code; a clerk does not', async () => {
    await updatePolicy(w.k.db, w.admin.id, { requireTotpForPrivileged: true });
    try {
      const step1 = await call(null, 'POST', '/api/auth/login', { username: 'admin', password: PW });
      assert.deepEqual(step1.body, { ok: true, next: 'enrol' });
      const pending = step1.cookie!;
      const waiting = await call(pending, 'GET', '/api/cases');
      assert.deepEqual([waiting.status, waiting.body.code], [401, 'totp_enrolment_required']);
      const enrol = await call(pending, 'POST', '/api/auth/totp/enrol');
      assert.match(enrol.body.uri, /^otpauth:\/\/totp\/.+secret=[A-Z2-7]{32}&issuer=.+&algorithm=SHA1&digits=6&period=30$/);
      const key = base32Decode(enrol.body.secret);
      assert.equal((await call(pending, 'POST', '/api/auth/totp/confirm', { code: '123456' === totp(key, clock.now) ? '654321' : '123456' })).status, 400);
      const confirmed = await call(pending, 'POST', '/api/auth/totp/confirm', { code: totp(key, clock.now) });
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.body.user.username, 'admin');
      const full = confirmed.cookie!;
      assert.notEqual(full, pending);
      assert.equal((await call(full, 'GET', '/api/cases')).status, 200);
      assert.equal((await call(pending, 'GET', '/api/cases')).status, 401, 'the pending token is gone');

      advance(1);
      const again = await call(null, 'POST', '/api/auth/login', { username: 'admin', password: PW });
      assert.deepEqual(again.body, { ok: true, next: 'totp' });
      const half = again.cookie!;
      assert.equal((await call(half, 'GET', '/api/auth/me')).body.code, 'second_factor_required');
      const bad = await call(half, 'POST', '/api/auth/login/totp', { code: totp(key, new Date(clock.now.getTime() + 600_000)) });
      assert.equal(bad.status, 401);
      const good = await call(half, 'POST', '/api/auth/login/totp', { code: totp(key, clock.now) });
      assert.equal(good.status, 200);
      assert.equal((await call(good.cookie!, 'GET', '/api/auth/account')).body.totpEnabled, true);

      await createUser(w.k.db, { orgId: w.justice, username: 'caseonly', displayName: '只办案件', role: 'clerk', password: PW });
      assert.equal((await call(null, 'POST', '/api/auth/login', { username: 'caseonly', password: PW })).body.user.username, 'caseonly', 'a clerk who neither approves nor publishes signs in with the password');
      assert.deepEqual((await call(null, 'POST', '/api/auth/login', { username: 'clerk', password: PW })).body, { ok: true, next: 'enrol' }, 'a clerk who publishes the bureau\'s report is privileged');

      // Lost phone: the administrator resets; the next login asks for enrolment again.
      const leader = await call(null, 'POST', '/api/auth/login', { username: 'leader', password: PW });
      assert.deepEqual(leader.body, { ok: true, next: 'enrol' }, 'the leader is privileged too and must enrol first');
      const reset = await call(good.cookie!, 'POST', `/api/users/${w.admin.id}/reset-totp`);
      assert.equal(reset.status, 200);
      assert.deepEqual((await call(null, 'POST', '/api/auth/login', { username: 'admin', password: PW })).body, { ok: true, next: 'enrol' });
    } finally {
      await updatePolicy(w.k.db, w.admin.id, { requireTotpForPrivileged: false });
    }
  });

  test('security policy: read and changed by the security administrator (三员分立), validated', async () => {
    assert.equal((await call(await signIn('admin'), 'GET', '/api/security-policy')).status, 403, 'the system administrator manages users, not the policy');
    const admin = await signIn('secadmin');
    const p = await call(admin, 'GET', '/api/security-policy');
    assert.equal(p.body.passwordMinLength, 10);
    assert.equal((await call(admin, 'PUT', '/api/security-policy', { passwordMinLength: 3 })).status, 400);
    const changed = await call(admin, 'PUT', '/api/security-policy', { passwordMinLength: 12 });
    assert.equal(changed.body.passwordMinLength, 12);
    await call(admin, 'PUT', '/api/security-policy', { passwordMinLength: 10 });
    const audit = await w.k.db.selectFrom('audit_events').select('after').where('action', '=', 'security.policy').execute();
    assert.ok(audit.some((a) => (a.after as any).passwordMinLength === 12));
  });

  test('health tells the console whether this is the demo', async () => {
    assert.equal((await call(null, 'GET', '/api/health')).body.demo, false);
    await w.k.db.transaction().execute((trx) => markInstall(trx, 'demo'));
    assert.equal((await call(null, 'GET', '/api/health')).body.demo, true);
  });

  test('every new route is in the OpenAPI document with a Chinese summary', async () => {
    const doc = (await call(null, 'GET', '/api/openapi.json')).body;
    const routes: [string, string][] = [
      ['/api/auth/login/totp', 'post'],
      ['/api/auth/password', 'post'],
      ['/api/auth/account', 'get'],
      ['/api/auth/sessions', 'get'],
      ['/api/auth/sessions/{id}', 'delete'],
      ['/api/auth/totp/enrol', 'post'],
      ['/api/auth/totp/confirm', 'post'],
      ['/api/users', 'get'],
      ['/api/users', 'post'],
      ['/api/users/roles', 'get'],
      ['/api/users/{id}', 'get'],
      ['/api/users/{id}', 'put'],
      ['/api/users/{id}/disable', 'post'],
      ['/api/users/{id}/enable', 'post'],
      ['/api/users/{id}/unlock', 'post'],
      ['/api/users/{id}/reset-password', 'post'],
      ['/api/users/{id}/reset-totp', 'post'],
      ['/api/security/users/{id}/role', 'put'],
      ['/api/security-policy', 'get'],
      ['/api/security-policy', 'put'],
    ];
    for (const [path, method] of routes) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path}`);
      assert.match(op.summary, /[\u4e00-\u9fff]/);
      assert.ok(op.tags.length > 0);
    }
  });
});

eachDatabase('rate limits', (tdb) => {
  let w: World;
  let app: App;
  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    app = await buildApp(w.k, { loginRateLimit: 3, apiRateLimit: 5 });
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('the login route answers 429 in Chinese past the per-address limit; other addresses are not affected', async () => {
    const from = (ip: string, password = 'Wrong#pass1') => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: 'leader', password } });
    for (let i = 0; i < 3; i++) assert.equal((await from('10.0.0.1')).statusCode, 401);
    const limited = await from('10.0.0.1', PW);
    assert.equal(limited.statusCode, 429);
    assert.match(JSON.parse(limited.body).message, /请求过于频繁，请\d+秒后再试/);
    assert.equal((await from('10.0.0.2', PW)).statusCode, 200);
  });

  test('the whole API has a ceiling per address too', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.9' })).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
  });

  test('signed-in users count per session, so colleagues behind one address do not share a ceiling', async () => {
    const signIn = async (username: string) =>
      String((await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.20', payload: { username, password: PW } })).headers['set-cookie']).split(';')[0];
    const a = await signIn('clerk');
    const b = await signIn('edu');
    const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress: '10.0.0.20', headers: { cookie } }).then((r) => r.statusCode);
    const first = [];
    for (let i = 0; i < 6; i++) first.push(await me(a));
    assert.deepEqual(first, [200, 200, 200, 200, 200, 429]);
    assert.equal(await me(b), 200);
  });
});
