import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, reconsiderationIntake, rejects, type World } from '../helpers.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { verifyChain, sm3 } from '../../src/kernel/audit/audit.ts';
import { login, actorFromToken, logout, MAX_FAILED_LOGINS } from '../../src/kernel/auth/sessions.ts';

test('SM3 matches the GB/T 32905 test vector', () => {
  assert.equal(sm3('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
});

eachDatabase('audit chain and login', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb);
  });
  after(async () => w.conn.close());

  test('every write appends an event with before/after, and the chain verifies', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-05-06') });
    await performAction(w.k, w.clerk, id, 'accept', { on: '2025-05-07' });
    const events = await w.k.db.selectFrom('audit_events').selectAll().where('entity', '=', 'case').where('entity_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['case.create', 'case.accept']);
    assert.equal(events[1].actor_id, w.clerk.id);
    assert.equal((events[1].before as any).state, 'received');
    assert.equal((events[1].after as any).state, 'accepted');
    // Parties enter the audit trail masked.
    assert.equal((events[0].after as any).parties[0].name, '张**');
    const report = await verifyChain(w.k.db);
    assert.equal(report.ok, true);
    assert.ok(report.checked >= 7);
  });

  test('the table refuses UPDATE and DELETE', async () => {
    await assert.rejects(sql`update audit_events set action = 'x'`.execute(w.k.db), /只允许追加/);
    await assert.rejects(sql`delete from audit_events`.execute(w.k.db), /只允许追加/);
  });

  test('tampering with a row (trigger disabled by the owner) is found at that row', async () => {
    const rows = await w.k.db.selectFrom('audit_events').select(['id']).orderBy('id').execute();
    const victim = rows[3].id;
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(w.k.db);
    try {
      await sql`update audit_events set after = '{"state":"forged"}' where id = ${victim}`.execute(w.k.db);
      const report = await verifyChain(w.k.db);
      assert.equal(report.ok, false);
      assert.equal(report.brokenAt!.id, String(victim));
      assert.match(report.brokenAt!.reason, /内容与其哈希不符/);
      // Deleting a row breaks the link of the row after it.
      const next = rows[6].id;
      await sql`delete from audit_events where id = ${rows[5].id}`.execute(w.k.db);
      await sql`update audit_events set after = before where id = ${victim}`.execute(w.k.db);
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(w.k.db);
    }
    const report = await verifyChain(w.k.db);
    assert.equal(report.ok, false);
    assert.equal(report.brokenAt!.id, String(rows[3].id), 'the first broken link is reported first');
  });

  test('login: wrong passwords lock the account after the fifth; a session cookie token works until logout', async () => {
    await rejects(login(w.k.db, 'nobody', 'x'), 401, /^用户名或密码错误$/);
    // No countdown in the message: it would tell a stranger that the account exists.
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await rejects(login(w.k.db, 'edu', 'wrong'), 401, /^用户名或密码错误$/);
    await rejects(login(w.k.db, 'edu', 'wrong'), 423, /已锁定/);
    await rejects(login(w.k.db, 'edu', 'Test@12345'), 423, /已锁定/);
    // After the lock expires the right password works.
    const later = new Date(Date.now() + 16 * 60_000);
    const { token, actor } = await login(w.k.db, 'edu', 'Test@12345', later);
    assert.equal(actor.username, 'edu');
    assert.equal((await actorFromToken(w.k.db, token))!.id, actor.id);
    await logout(w.k.db, token);
    assert.equal(await actorFromToken(w.k.db, token), undefined);
    const failures = await w.k.db.selectFrom('audit_events').select(['action', 'actor_id']).where('action', 'in', ['auth.failed', 'auth.locked']).execute();
    // The unknown name is recorded too (without an actor), then the five against edu.
    assert.equal(failures.length, MAX_FAILED_LOGINS + 1);
    assert.equal(failures.filter((f) => f.actor_id === actor.id).length, MAX_FAILED_LOGINS);
  });
});
