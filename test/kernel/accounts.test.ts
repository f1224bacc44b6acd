import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { base32Decode, base32Encode, hotp, matchTotp, totp } from '../../src/kernel/auth/totp.ts';
import { login, loginWithCode, MAX_FAILED_LOGINS, WRONG_CREDENTIALS } from '../../src/kernel/auth/login.ts';
import { authenticate, purgeExpiredSessions } from '../../src/kernel/auth/session-store.ts';
import { DEFAULT_POLICY, installKind, passwordProblems, readPolicy, updatePolicy } from '../../src/kernel/auth/policy.ts';
import { changeOwnPassword, createAccount, listUsers, resetPassword, setActive, unlockAccount } from '../../src/kernel/auth/accounts.ts';
import { confirmEnrolment, startEnrolment } from '../../src/kernel/auth/second-factor.ts';
import { initProduction } from '../../src/kernel/auth/install.ts';
import { loadDemo } from '../../src/demo/district.ts';
import { AppError } from '../../src/kernel/errors.ts';

const PW = 'Test@12345';
const T0 = new Date('2025-06-16T01:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

test('HOTP matches the RFC 4226 appendix D values', () => {
  const key = Buffer.from('12345678901234567890');
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  assert.deepEqual(expected.map((_, i) => hotp(key, i)), expected);
});

test('TOTP (HMAC-SHA1, 30 s) matches the RFC 6238 appendix B vectors', () => {
  const key = Buffer.from('12345678901234567890');
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of vectors) assert.equal(totp(key, new Date(seconds * 1000), 8), code, `T=${seconds}`);
  // Six digits are the last six of the same value; one step either side is accepted, two are not.
  const secret = base32Encode(key);
  assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  assert.deepEqual(base32Decode(secret), key);
  assert.equal(totp(key, new Date(59_000)), '287082');
  assert.equal(matchTotp(secret, '287082', new Date(59_000 + 30_000)), 1);
  assert.equal(matchTotp(secret, '287082', new Date(59_000 + 60_000)), null);
  assert.equal(matchTotp(secret, '28708', new Date(59_000)), null);
});

test('password policy: length, character classes, user name', () => {
  const p = DEFAULT_POLICY;
  assert.deepEqual(passwordProblems(p, 'Abcdef12#x'), []);
  assert.match(passwordProblems(p, 'Ab1#x').join(), /至少10位/);
  assert.match(passwordProblems(p, 'abcdefghij12').join(), /至少3类（现有2类）/);
  assert.deepEqual(passwordProblems(p, 'abcdefghij12#'), [], 'three classes of four are enough');
  assert.match(passwordProblems(p, 'Zhangsan#2025', 'zhangsan').join(), /不能包含用户名/);
  assert.match(passwordProblems({ ...p, passwordMinClasses: 4 }, 'abcdefghij12#').join(), /至少4类/);
});

eachDatabase('accounts and authentication', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb);
  });
  after(async () => w.conn.close());

  const evaluated = async (userId: number) =>
    (await w.k.db.selectFrom('audit_events').select('action').where('actor_id', '=', userId).where('action', 'in', ['auth.failed', 'auth.locked', 'auth.login', 'auth.password_ok']).execute()).length;

  test('100 parallel guesses: exactly 5 are evaluated, none gets in, and the right password is refused once locked', async () => {
    const { id } = await createAccount(w.k.db, null, { username: 'target', displayName: '被攻击者', orgId: w.justice, role: 'clerk' });
    const { password } = await resetPassword(w.k.db, null, id);
    const guesses = Array.from({ length: 100 }, (_, i) => (i === 99 ? password : `Wrong#guess${i}`));
    const results = await Promise.allSettled(guesses.map((g) => login(w.k.db, 'target', g, T0)));
    const statuses = results.map((r) => (r.status === 'fulfilled' ? 200 : (r.reason as AppError).status));
    assert.equal(statuses.filter((s) => s === 200).length, 0, 'no guess got in');
    assert.equal(statuses[99], 423, 'the right password arriving after the lock is refused');
    assert.equal(await evaluated(id), MAX_FAILED_LOGINS, 'only the reserved attempts were checked');
    assert.equal(statuses.filter((s) => s === 401).length + statuses.filter((s) => s === 423).length, 100);
    await rejects(login(w.k.db, 'target', password, at(1)), 423, /已锁定/);
    // The lock runs out after 15 minutes; an administrator can lift it earlier.
    await unlockAccount(w.k.db, w.admin, id);
    const ok = await login(w.k.db, 'target', password, at(2));
    assert.equal(ok.actor.username, 'target');
    assert.equal(ok.mustChangePassword, true, 'a reset password must be changed');
    const row = await w.k.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.failed_logins, row.locked_until], [0, null]);
  });

  test('an unknown user, a disabled one and a wrong password get the same answer, and all lock alike', async () => {
    const { id } = await createAccount(w.k.db, null, { username: 'gone', displayName: '已调离', orgId: w.justice, role: 'clerk' });
    await setActive(w.k.db, null, id, false);
    const answers = [];
    for (const name of ['clerk', 'nobody-here', 'gone']) {
      const e = await rejects(login(w.k.db, name, 'Wrong#pass1', at(3)), 401);
      answers.push([e.status, e.code, e.message]);
    }
    assert.deepEqual(answers[0], [401, 'unauthorized', WRONG_CREDENTIALS]);
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
    // Four more failures lock the real account and the unknown name with the same message.
    for (let i = 0; i < MAX_FAILED_LOGINS - 2; i++) {
      await rejects(login(w.k.db, 'clerk', 'Wrong#pass1', at(3)), 401);
      await rejects(login(w.k.db, 'nobody-here', 'Wrong#pass1', at(3)), 401);
    }
    const real = await rejects(login(w.k.db, 'clerk', 'Wrong#pass1', at(3)), 423);
    const fake = await rejects(login(w.k.db, 'nobody-here', 'Wrong#pass1', at(3)), 423);
    assert.equal(fake.message, real.message);
    assert.equal((await rejects(login(w.k.db, 'nobody-here', PW, at(4)), 423)).message, (await rejects(login(w.k.db, 'clerk', PW, at(4)), 423)).message);
    assert.equal((await login(w.k.db, 'clerk', PW, at(19))).actor.username, 'clerk', 'the lock runs out after 15 minutes');
    const unknownFailures = await w.k.db.selectFrom('audit_events').select('after').where('action', 'in', ['auth.failed', 'auth.locked']).where('actor_id', 'is', null).execute();
    assert.ok(unknownFailures.some((r) => (r.after as any).username === 'nobody-here'), 'failures for unknown names are audited');
  });

  test('own password change: current password checked, policy enforced, none of the last 5 reused', async () => {
    const { id, password } = await createAccount(w.k.db, null, { username: 'changer', displayName: '改密者', orgId: w.justice, role: 'clerk' });
    const actor = (await login(w.k.db, 'changer', password, at(5))).actor;
    assert.equal(actor.id, id);
    await rejects(changeOwnPassword(w.k.db, actor, null, 'Not#theRight1', 'Brand#New2025a', at(5)), 400, /当前密码不正确/);
    await rejects(changeOwnPassword(w.k.db, actor, null, password, 'short1A#', at(5)), 400, /至少10位/);
    await rejects(changeOwnPassword(w.k.db, actor, null, password, password, at(5)), 400, /最近5次/);
    const used = ['First#pass01', 'Second#pass02', 'Third#pass03', 'Fourth#pass04', 'Fifth#pass05'];
    let current = password;
    for (const p of used) {
      await changeOwnPassword(w.k.db, actor, null, current, p, at(5));
      current = p;
    }
    for (const old of used) await rejects(changeOwnPassword(w.k.db, actor, null, current, old, at(5)), 400, /最近5次/);
    // The one-time password is now six changes back: no longer in the window of five.
    await changeOwnPassword(w.k.db, actor, null, current, password, at(5));
    const row = await w.k.db.selectFrom('users').select('must_change_password').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.must_change_password, false);
    const changes = await w.k.db.selectFrom('audit_events').select('id').where('action', '=', 'user.password_change').where('actor_id', '=', id).execute();
    assert.equal(changes.length, 6);
  });

  test('password expiry follows the policy; 0 means never', async () => {
    const r = await login(w.k.db, 'edu', PW, new Date(Date.now() + 91 * 86_400_000));
    assert.equal(r.mustChangePassword, true, '90 days by default');
    await updatePolicy(w.k.db, w.admin.id, { passwordExpiryDays: 0 });
    assert.equal((await login(w.k.db, 'edu', PW, new Date(Date.now() + 91 * 86_400_000))).mustChangePassword, false);
    await updatePolicy(w.k.db, w.admin.id, { passwordExpiryDays: 90 });
    await assert.rejects(updatePolicy(w.k.db, w.admin.id, { passwordMinLength: 4 }), /超出允许范围/);
    assert.equal((await readPolicy(w.k.db)).passwordMinLength, 10);
  });

  test('sessions end after 30 idle minutes and after 12 hours however busy; last-seen is written at most once a minute', async () => {
    const { token } = await login(w.k.db, 'edu', PW, T0);
    const lastSeen = async () => new Date((await w.k.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', w.eduClerk.id).orderBy('id', 'desc').executeTakeFirstOrThrow()).last_seen_at).getTime();
    assert.ok(await authenticate(w.k.db, token, new Date(T0.getTime() + 30_000)));
    assert.equal(await lastSeen(), T0.getTime(), 'not touched within the minute');
    assert.ok(await authenticate(w.k.db, token, at(29)));
    assert.equal(await lastSeen(), at(29).getTime());
    assert.equal(await authenticate(w.k.db, token, at(29 + 30)), undefined, 'idle for 30 minutes');

    const busy = (await login(w.k.db, 'edu', PW, T0)).token;
    for (let m = 20; m < 12 * 60; m += 20) assert.ok(await authenticate(w.k.db, busy, at(m)), `active at ${m} min`);
    assert.equal(await authenticate(w.k.db, busy, at(12 * 60)), undefined, 'absolute lifetime of 12 hours');

    await updatePolicy(w.k.db, w.admin.id, { sessionIdleMinutes: 10 });
    const short = (await login(w.k.db, 'edu', PW, T0)).token;
    assert.equal(await authenticate(w.k.db, short, at(11)), undefined, 'the idle limit is configurable');
    await updatePolicy(w.k.db, w.admin.id, { sessionIdleMinutes: 30 });
  });

  test('expired sessions are purged by the timer and by every login', async () => {
    const leaderSessions = async () => (await w.k.db.selectFrom('sessions').select('created_at').where('user_id', '=', w.leader.id).execute()).map((s) => new Date(s.created_at).getTime());
    await login(w.k.db, 'leader', PW, T0);
    assert.ok((await leaderSessions()).includes(T0.getTime()));
    assert.ok((await purgeExpiredSessions(w.k.db, at(31))) >= 1);
    assert.ok(!(await leaderSessions()).includes(T0.getTime()), 'idle past the limit: purged');
    await login(w.k.db, 'leader', PW, T0);
    await login(w.k.db, 'leader', PW, at(60 * 24));
    assert.deepEqual(await leaderSessions(), [at(60 * 24).getTime()], 'the login purged the day-old session');
  });

  test('second factor: enrolment needs a correct code; then login is two steps and codes are not reusable', async () => {
    const leader = w.leader;
    const { secret } = await startEnrolment(w.k.db, leader);
    await rejects(confirmEnrolment(w.k.db, leader, '000000', T0), 400, /验证码不正确/);
    assert.equal((await login(w.k.db, 'leader', PW, at(1))).stage, 'active', 'not active until confirmed');
    const key = base32Decode(secret);
    await confirmEnrolment(w.k.db, leader, totp(key, T0), T0);
    const step1 = await login(w.k.db, 'leader', PW, at(2));
    assert.equal(step1.stage, 'totp');
    assert.equal(await (await authenticate(w.k.db, step1.token, at(2)))!.stage, 'totp');
    await rejects(loginWithCode(w.k.db, step1.token, totp(key, T0), at(2)), 401, /验证码错误/);
    const code = totp(key, at(2));
    const done = await loginWithCode(w.k.db, step1.token, code, at(2));
    assert.equal(done.stage, 'active');
    assert.notEqual(done.token, step1.token, 'the pending token is replaced');
    assert.equal(await authenticate(w.k.db, step1.token, at(2)), undefined);
    const again = await login(w.k.db, 'leader', PW, at(2));
    await rejects(loginWithCode(w.k.db, again.token, code, at(2)), 401, /已使用/);
  });

  test('wrong codes count toward the same lock as wrong passwords', async () => {
    const { id, password } = await createAccount(w.k.db, null, { username: 'codeguess', displayName: '验证码', orgId: w.justice, role: 'clerk' });
    const actor = (await login(w.k.db, 'codeguess', password, T0)).actor;
    const { secret } = await startEnrolment(w.k.db, actor);
    await confirmEnrolment(w.k.db, actor, totp(base32Decode(secret), T0), T0);
    const { token } = await login(w.k.db, 'codeguess', password, at(3));
    const wrong = totp(base32Decode(secret), at(600));
    for (let i = 0; i < MAX_FAILED_LOGINS - 2; i++) await rejects(loginWithCode(w.k.db, token, wrong, at(3)), 401);
    await rejects(loginWithCode(w.k.db, token, wrong, at(3)), 423, /已锁定/);
    await rejects(login(w.k.db, 'codeguess', password, at(4)), 423);
    assert.equal(await evaluated(id), 2 + MAX_FAILED_LOGINS - 1, 'first login, the password, then four codes (the fifth attempt locks)');
  });

  test('the privileged must enrol at login when the policy says so; others need not', async () => {
    await updatePolicy(w.k.db, w.admin.id, { requireTotpForPrivileged: true });
    assert.equal((await login(w.k.db, 'admin', PW, T0)).stage, 'enrol');
    assert.equal((await login(w.k.db, 'edu', PW, T0)).stage, 'enrol', 'a clerk who publishes the bureau\'s report is privileged');
    const plain = await createAccount(w.k.db, null, { username: 'caseonly', displayName: '无发布职责', orgId: w.justice, role: 'clerk' });
    assert.equal((await login(w.k.db, 'caseonly', plain.password, T0)).stage, 'active', 'no duty to approve or publish: the password suffices');
    await updatePolicy(w.k.db, w.admin.id, { requireTotpForPrivileged: false });
    assert.equal((await login(w.k.db, 'admin', PW, T0)).stage, 'active');
  });

  test('administration is refused to a clerk and stays inside the administrator\'s scope', async () => {
    await rejects(listUsers(w.k.db, w.clerk), 403, /系统管理员/);
    await rejects(createAccount(w.k.db, w.clerk, { username: 'x1', displayName: 'x', orgId: w.justice, role: 'clerk' }), 403);
    await rejects(createAccount(w.k.db, w.admin, { username: 'admin', displayName: '重名', orgId: w.justice }), 409, /已被使用/);
    await rejects(createAccount(w.k.db, w.admin, { username: 'bad name', displayName: 'x', orgId: w.justice }), 400);
    await rejects(createAccount(w.k.db, null, { username: 'x2', displayName: 'x', orgId: w.justice, scopeOrgId: w.education, role: 'clerk' }), 400, /须包含/);
    await rejects(setActive(w.k.db, w.admin, w.admin.id, false), 403, /自己/);
    const users = await listUsers(w.k.db, w.admin, { role: 'leader' });
    assert.deepEqual(users.map((u) => u.username), ['leader']);
  });

  test('init makes a production install once, and the demo refuses to load into it', async () => {
    assert.equal(await installKind(w.k.db), null);
    // This world already has orgs: init refuses.
    await rejects(initProduction(w.k.db, { admin: 'root' }), 409, /已有单位/);
  });
});

eachDatabase('production install', (tdb) => {
  test('init on an empty database: one admin with a one-time password, TOTP required, and no demo ever', async () => {
    const conn = await tdb.open();
    const { migrate } = await import('../../src/kernel/db/connect.ts');
    await migrate(conn.db);
    const { Kernel } = await import('../../src/kernel/kernel.ts');
    const { createRegistry } = await import('../../src/institutions/index.ts');
    const k = await Kernel.open(conn, createRegistry());
    try {
      const r = await initProduction(k.db, { admin: 'root', orgName: '测试市某区人民政府' });
      assert.equal(await installKind(k.db), 'production');
      assert.equal((await readPolicy(k.db)).requireTotpForPrivileged, true);
      const first = await login(k.db, 'root', r.password, T0);
      assert.equal(first.stage, 'enrol');
      assert.equal(first.mustChangePassword, true);
      const org = await k.db.selectFrom('orgs').select(['name', 'short_name']).executeTakeFirstOrThrow();
      assert.deepEqual(org, { name: '测试市某区人民政府', short_name: '测试市某区' });
      await rejects(loadDemo(k), 409, /正式环境/);
      assert.equal((await k.db.selectFrom('orgs').select('id').execute()).length, 1, 'nothing of the demo was loaded');
      await rejects(initProduction(k.db, { admin: 'root2' }), 409);
    } finally {
      await conn.close();
    }
  });
});
