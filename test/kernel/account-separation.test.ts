import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { caseActions, eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { assignRole, createAccount, getAccount, listUsers, resetPassword, resetSecondFactor, setActive, unlockAccount, updateAccount } from '../../src/kernel/auth/accounts.ts';
import { can, loadDuties, setDuties } from '../../src/kernel/auth/permissions.ts';
import { actorById, createUser } from '../../src/kernel/auth/sessions.ts';
import { login } from '../../src/kernel/auth/login.ts';
import type { Actor } from '../../src/kernel/auth/actor.ts';

const PW = 'Test@12345';
const T0 = new Date('2025-06-16T01:00:00Z');

/** 三员分立 in the kernel: accounts (admin), roles and duties (secadmin), the audit trail (auditor). */
eachDatabase('三员分立: who may create accounts, who may grant', (tdb) => {
  let w: World;
  let secadmin: Actor;
  let auditor: Actor;
  const auditOf = (userId: number, action: string) =>
    w.k.db.selectFrom('audit_events').select(['actor_id', 'before', 'after']).where('entity', '=', 'user').where('entity_id', '=', String(userId)).where('action', '=', action).execute();

  before(async () => {
    w = await makeWorld(tdb);
    const mk = async (username: string, role: 'secadmin' | 'auditor') =>
      (await actorById(w.k.db, await createUser(w.k.db, { orgId: w.justice, scopeOrgId: w.district, username, displayName: username, role, password: PW })))!;
    secadmin = await mk('secadmin', 'secadmin');
    auditor = await mk('auditor', 'auditor');
  });
  after(async () => w.conn.close());

  test('the system administrator creates an account without any right; the security administrator then grants the role, scope and duties', async () => {
    const { id, password } = await createAccount(w.k.db, w.admin, { username: 'newhire', displayName: '新同事', orgId: w.education });
    const fresh = await getAccount(w.k.db, w.admin, id);
    assert.deepEqual([fresh.role, fresh.roleLabel, fresh.scopeOrgId], ['none', '未分配角色', w.education]);
    const none = (await login(w.k.db, 'newhire', password, T0)).actor;
    assert.equal(can(none, 'business.read'), false, 'no role, no reading of the business');
    assert.equal(can(none, 'users.manage') || can(none, 'security.manage') || can(none, 'audit.read'), false);

    const granted = await assignRole(w.k.db, secadmin, id, { role: 'clerk' });
    assert.deepEqual([granted.role, granted.scopeOrgId], ['clerk', w.education]);
    await setDuties(w.k.db, secadmin, id, [{ orgId: w.education, subject: 'case:disclosure', actions: ['*'] }], caseActions(w.k));
    const clerk = (await actorById(w.k.db, id))!;
    assert.equal(can(clerk, 'business.read'), true);
    assert.equal(can(clerk, 'case:disclosure.accept', `${(await w.k.db.selectFrom('orgs').select('path').where('id', '=', w.education).executeTakeFirstOrThrow()).path}`), true);

    const [create] = await auditOf(id, 'user.create');
    assert.equal(create.actor_id, w.admin.id);
    assert.equal((create.after as any).role, 'none');
    const [role] = await auditOf(id, 'user.role');
    assert.equal(role.actor_id, secadmin.id);
    assert.deepEqual([(role.before as any).role, (role.after as any).role], ['none', 'clerk']);
    const [duties] = await auditOf(id, 'user.duties');
    assert.equal(duties.actor_id, secadmin.id);
  });

  test('the system administrator cannot grant or revoke roles, scopes or duties', async () => {
    await rejects(createAccount(w.k.db, w.admin, { username: 'withrole', displayName: 'x', orgId: w.justice, role: 'clerk' }), 403, /安全管理员分配/);
    await rejects(createAccount(w.k.db, w.admin, { username: 'withadmin', displayName: 'x', orgId: w.justice, role: 'admin' }), 403, /安全管理员分配/);
    await rejects(createAccount(w.k.db, w.admin, { username: 'widescope', displayName: 'x', orgId: w.justice, scopeOrgId: w.district }), 403, /安全管理员分配/);
    await rejects(updateAccount(w.k.db, w.admin, w.eduClerk.id, { role: 'leader' }), 403, /安全管理员分配/);
    await rejects(updateAccount(w.k.db, w.admin, w.eduClerk.id, { scopeOrgId: w.district }), 403, /安全管理员分配/);
    await rejects(assignRole(w.k.db, w.admin, w.eduClerk.id, { role: 'leader' }), 403, /仅安全管理员/);
    await rejects(setDuties(w.k.db, w.admin, w.eduClerk.id, [], caseActions(w.k)), 403, /仅安全管理员/);
    // Moving someone to a unit outside what they may see would widen it: the scope is the security administrator's.
    await rejects(updateAccount(w.k.db, w.admin, w.eduClerk.id, { orgId: w.justice }), 400, /可查看范围/);
    const edu = await getAccount(w.k.db, w.admin, w.eduClerk.id);
    assert.deepEqual([edu.role, edu.orgId, edu.scopeOrgId], ['clerk', w.education, w.education]);
    assert.equal((await loadDuties(w.k.db, w.eduClerk.id)).length > 0, true, 'duties untouched');
    // What is theirs still works: the name.
    assert.equal((await updateAccount(w.k.db, w.admin, w.eduClerk.id, { displayName: '教体局经办（改）' })).displayName, '教体局经办（改）');
  });

  test('the security administrator cannot create accounts, set passwords, disable or unlock', async () => {
    await rejects(createAccount(w.k.db, secadmin, { username: 'bysec', displayName: 'x', orgId: w.justice }), 403, /仅系统管理员/);
    await rejects(resetPassword(w.k.db, secadmin, w.clerk.id), 403, /仅系统管理员/);
    await rejects(resetSecondFactor(w.k.db, secadmin, w.clerk.id), 403, /仅系统管理员/);
    await rejects(setActive(w.k.db, secadmin, w.clerk.id, false), 403, /仅系统管理员/);
    await rejects(unlockAccount(w.k.db, secadmin, w.clerk.id), 403, /仅系统管理员/);
    await rejects(updateAccount(w.k.db, secadmin, w.clerk.id, { displayName: 'x' }), 403, /仅系统管理员/);
    await rejects(listUsers(w.k.db, secadmin), 403);
  });

  test('nobody grants themselves: an attempt to self-grant a role, a scope or duties is refused and changes nothing', async () => {
    await rejects(assignRole(w.k.db, secadmin, secadmin.id, { role: 'admin' }), 403, /不能修改自己的角色/);
    await rejects(assignRole(w.k.db, secadmin, secadmin.id, { role: 'secadmin', scopeOrgId: w.district }), 403, /不能修改自己的/);
    await rejects(setDuties(w.k.db, secadmin, secadmin.id, [{ orgId: w.justice, subject: 'reports', actions: ['*'] }], caseActions(w.k)), 403, /不能设定自己的职责/);
    await rejects(updateAccount(w.k.db, w.admin, w.admin.id, { role: 'secadmin' }), 403);
    await rejects(setDuties(w.k.db, w.admin, w.admin.id, [], caseActions(w.k)), 403);
    assert.equal((await actorById(w.k.db, secadmin.id))!.role, 'secadmin');
    assert.equal((await actorById(w.k.db, w.admin.id))!.role, 'admin');
    assert.equal((await auditOf(secadmin.id, 'user.role')).length, 0, 'nothing was written');
  });

  test('the system administrator cannot take over or silence the security and audit administrators\' accounts', async () => {
    for (const other of [secadmin, auditor]) {
      await rejects(resetPassword(w.k.db, w.admin, other.id), 403, /三员分立/);
      await rejects(resetSecondFactor(w.k.db, w.admin, other.id), 403, /三员分立/);
      await rejects(setActive(w.k.db, w.admin, other.id, false), 403, /三员分立/);
      await rejects(updateAccount(w.k.db, w.admin, other.id, { displayName: '改名' }), 403, /三员分立/);
      await unlockAccount(w.k.db, w.admin, other.id);
    }
    assert.equal((await actorById(w.k.db, secadmin.id))?.displayName, 'secadmin', 'still active, unchanged');
    // The server's operator recovers them with the CLI (by = null), in the audit trail.
    assert.match((await resetPassword(w.k.db, null, auditor.id)).password, /^.{14,}$/);
    const [reset] = await auditOf(auditor.id, 'user.password_reset');
    assert.equal(reset.actor_id, null);
  });

  test('the auditor only reads the audit trail', async () => {
    assert.equal(can(auditor, 'audit.read'), true);
    assert.equal(can(auditor, 'business.read'), false);
    await rejects(listUsers(w.k.db, auditor), 403);
    await rejects(createAccount(w.k.db, auditor, { username: 'byaud', displayName: 'x', orgId: w.justice }), 403);
    await rejects(resetPassword(w.k.db, auditor, w.clerk.id), 403);
    await rejects(assignRole(w.k.db, auditor, w.clerk.id, { role: 'leader' }), 403);
    await rejects(setDuties(w.k.db, auditor, w.clerk.id, [], caseActions(w.k)), 403);
  });

  test('a role that takes no duties drops the old ones in the same audited step; the scope stays within the grantor\'s', async () => {
    const { id } = await createAccount(w.k.db, w.admin, { username: 'mover', displayName: '转岗', orgId: w.justice });
    await assignRole(w.k.db, secadmin, id, { role: 'clerk' });
    await setDuties(w.k.db, secadmin, id, [{ orgId: w.justice, subject: 'case:reconsideration', actions: ['*'] }], caseActions(w.k));
    const leader = await assignRole(w.k.db, secadmin, id, { role: 'leader', scopeOrgId: w.district });
    assert.deepEqual([leader.role, leader.scopeOrgId], ['leader', w.district]);
    assert.deepEqual(await loadDuties(w.k.db, id), []);
    const [last] = (await auditOf(id, 'user.role')).slice(-1);
    assert.equal((last.after as any).dutiesRemoved[0].subject, 'case:reconsideration');
    await rejects(assignRole(w.k.db, secadmin, id, { role: 'clerk', scopeOrgId: w.education }), 400, /须包含/);
    // A security administrator of the 教体局 only grants within it.
    const narrow = (await actorById(w.k.db, await createUser(w.k.db, { orgId: w.education, username: 'edusec', displayName: '教体局安全员', role: 'secadmin', password: PW })))!;
    await rejects(assignRole(w.k.db, narrow, id, { role: 'clerk' }), 404);
    await rejects(assignRole(w.k.db, narrow, w.eduClerk.id, { role: 'clerk', scopeOrgId: w.district }), 403, /管辖范围之外/);
  });
});
