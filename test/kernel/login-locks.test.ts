import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { ACCOUNT_MAX_FAILURES, addressKey, login, MAX_FAILED_LOGINS, WRONG_CREDENTIALS } from '../../src/kernel/auth/login.ts';
import { createAccount, listUsers, resetPassword, unlockAccount } from '../../src/kernel/auth/accounts.ts';
import { createUser } from '../../src/kernel/auth/sessions.ts';
import { DEFAULT_POLICY, updatePolicy } from '../../src/kernel/auth/policy.ts';
import { AppError } from '../../src/kernel/errors.ts';

const PW = 'Test@12345';
const T0 = new Date('2025-06-16T01:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const from = (ip: string) => ({ ip });

test('client addresses: an IPv6 /64 counts as one address, IPv4-mapped as IPv4', () => {
  assert.equal(addressKey('10.1.2.3'), '10.1.2.3');
  assert.equal(addressKey('::ffff:10.1.2.3'), '10.1.2.3');
  assert.equal(addressKey('2001:db8:0:1::5'), '2001:db8:0:1::/64');
  assert.equal(addressKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd'), '2001:db8:0:1::/64');
  assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressKey(undefined), '');
});

/** 登录失败处理 without the lock-out of a stranger: per (account, address), and the account only past a far higher bar. */
eachDatabase('login locks per account and address', (tdb) => {
  let w: World;
  let secadminId: number;
  before(async () => {
    w = await makeWorld(tdb);
    secadminId = await createUser(w.k.db, { orgId: w.justice, scopeOrgId: w.district, username: 'secadmin', displayName: '安全管理员', role: 'secadmin', password: PW });
  });
  after(async () => w.conn.close());

  const newUser = async (username: string) => {
    const { id } = await createAccount(w.k.db, null, { username, displayName: username, orgId: w.justice, role: 'clerk' });
    const { password } = await resetPassword(w.k.db, null, id);
    return { id, password };
  };
  const status = (p: Promise<unknown>) => p.then(() => 200, (e: AppError) => e.status);

  test('a stranger guessing locks only their own address: the real user still signs in from theirs', async () => {
    const { password } = await newUser('victim');
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await rejects(login(w.k.db, 'victim', `Wrong#guess${i}`, T0, from('203.0.113.66')), 401, new RegExp(WRONG_CREDENTIALS));
    await rejects(login(w.k.db, 'victim', 'Wrong#guess9', T0, from('203.0.113.66')), 423, /本机已锁定/);
    await rejects(login(w.k.db, 'victim', password, at(1), from('203.0.113.66')), 423, /本机已锁定/);
    const ok = await login(w.k.db, 'victim', password, at(1), from('10.8.0.7'));
    assert.equal(ok.actor.username, 'victim', 'the real user is not locked out');
    // The administrator sees the locked address and can lift it; the attacker's pair is still locked until then.
    const row = (await listUsers(w.k.db, w.admin, { status: 'locked' }, at(1))).find((u) => u.username === 'victim')!;
    assert.deepEqual([row.locked, row.lockedAddresses], [false, 1]);
    await rejects(login(w.k.db, 'victim', password, at(2), from('203.0.113.66')), 423);
    assert.equal((await login(w.k.db, 'victim', password, at(16), from('203.0.113.66'))).actor.username, 'victim', 'the address lock runs out after 15 minutes');
  });

  test('parallel guesses from one address: exactly five are checked, the right password after them is refused', async () => {
    const { id, password } = await newUser('parallel');
    const guesses = Array.from({ length: 60 }, (_, i) => (i === 59 ? password : `Wrong#guess${i}`));
    const statuses = await Promise.all(guesses.map((g) => status(login(w.k.db, 'parallel', g, T0, from('198.51.100.9')))));
    assert.equal(statuses.filter((s) => s === 200).length, 0);
    assert.equal(statuses[59], 423);
    const checked = await w.k.db.selectFrom('audit_events').select('action').where('actor_id', '=', id).where('action', 'in', ['auth.failed', 'auth.locked', 'auth.login', 'auth.password_ok']).execute();
    assert.equal(checked.length, MAX_FAILED_LOGINS);
    assert.equal(await status(login(w.k.db, 'parallel', password, T0, from('198.51.100.10'))), 200, 'another address is unaffected');
  });

  test('past the account-wide threshold from many addresses the account locks everywhere and the security administrator is told', async () => {
    const { id, password } = await newUser('spread');
    const addresses = Array.from({ length: ACCOUNT_MAX_FAILURES / MAX_FAILED_LOGINS }, (_, i) => `192.0.2.${i + 1}`);
    const statuses: number[] = [];
    for (const ip of addresses) for (let i = 0; i < MAX_FAILED_LOGINS; i++) statuses.push(await status(login(w.k.db, 'spread', `Wrong#x${i}`, at(1), from(ip))));
    assert.equal(statuses.filter((s) => s === 423).length, addresses.length, 'each address locked at its fifth');
    const locked = await rejects(login(w.k.db, 'spread', password, at(2), from('10.8.0.7')), 423, /账号已锁定/);
    assert.doesNotMatch(locked.message, /本机/);
    const user = await w.k.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(user.failed_logins, ACCOUNT_MAX_FAILURES);
    assert.ok(user.locked_until);
    const events = await w.k.db.selectFrom('audit_events').select('after').where('action', '=', 'auth.account_locked').where('actor_id', '=', id).execute();
    assert.equal(events.length, 1);
    assert.equal((events[0].after as any).threshold, ACCOUNT_MAX_FAILURES);
    const told = await w.k.db.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', secadminId).execute();
    assert.ok(told.some((n) => n.kind === 'security' && n.title.includes('spread')), 'a message to the security administrator');
    assert.equal((await listUsers(w.k.db, w.admin, { q: 'spread' }, at(2)))[0].locked, true);
    await unlockAccount(w.k.db, w.admin, id);
    assert.equal((await login(w.k.db, 'spread', password, at(3), from('192.0.2.1'))).actor.id, id, 'unlocking lifts the account and its addresses');
  });

  test('below the threshold, failures spread over time from one address never lock the account as a whole', async () => {
    const { password } = await newUser('slow');
    // Five failures per lock period for two hours: 40 failures, but never 50 within a window.
    for (let period = 0; period < 8; period++) {
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) await status(login(w.k.db, 'slow', `Wrong#s${i}`, at(period * 16), from('203.0.113.77')));
    }
    assert.equal((await login(w.k.db, 'slow', password, at(8 * 16), from('10.8.0.7'))).actor.username, 'slow');
  });

  test('an unknown name locks alike, per address and past the account-wide threshold, with the same answers', async () => {
    await newUser('realname');
    const answer = async (name: string, ip: string) => {
      try {
        await login(w.k.db, name, 'Wrong#pass1', at(5), from(ip));
        return 'in';
      } catch (e) {
        return `${(e as AppError).status} ${(e as AppError).message}`;
      }
    };
    for (let n = 0; n < ACCOUNT_MAX_FAILURES / MAX_FAILED_LOGINS; n++) {
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) assert.equal(await answer('nosuchname', `198.18.0.${n}`), await answer('realname', `198.18.0.${n}`));
    }
    const real = await answer('realname', '10.9.9.9');
    assert.match(real, /^423 .*账号已锁定/);
    assert.equal(await answer('nosuchname', '10.9.9.9'), real);
  });
  test('the thresholds are the security policy: a stricter setting locks sooner and for longer, and a bar one address could reach is refused', async () => {
    await rejects(updatePolicy(w.k.db, secadminId, { loginMaxFailures: 10, accountMaxFailures: 30 }), 400, /不少于单一地址锁定次数的4倍/);
    await updatePolicy(w.k.db, secadminId, { loginMaxFailures: 3, loginLockMinutes: 60 });
    try {
      const { password } = await newUser('strict');
      const T = at(500);
      const later = (minutes: number) => new Date(T.getTime() + minutes * 60_000);
      for (let i = 0; i < 2; i++) await rejects(login(w.k.db, 'strict', `Wrong#t${i}`, T, from('203.0.113.5')), 401);
      const locked = await rejects(login(w.k.db, 'strict', 'Wrong#t2', T, from('203.0.113.5')), 423, /本机已锁定/);
      assert.match(locked.message, new RegExp(new Date(later(60).getTime() + 8 * 3_600_000).toISOString().slice(11, 16)), 'locked for the 60 minutes of the policy');
      await rejects(login(w.k.db, 'strict', password, later(30), from('203.0.113.5')), 423);
      assert.equal((await login(w.k.db, 'strict', password, later(61), from('203.0.113.5'))).actor.username, 'strict');
    } finally {
      await updatePolicy(w.k.db, secadminId, { loginMaxFailures: DEFAULT_POLICY.loginMaxFailures, loginLockMinutes: DEFAULT_POLICY.loginLockMinutes });
    }
  });
});
