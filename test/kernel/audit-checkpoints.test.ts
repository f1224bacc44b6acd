import { createUser } from '../../src/kernel/auth/sessions.ts';
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, reconsiderationIntake, type World } from '../helpers.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { appendAuditMany, canonicalJson, sm3, verifyChain, GENESIS } from '../../src/kernel/audit/audit.ts';
import { checkpointLogFile, createCheckpoint, loadSigningKey, publishedCheckpoints, verifyAudit } from '../../src/kernel/audit/checkpoints.ts';
import type { Database } from '../../src/kernel/db/connect.ts';
import { buildApp } from '../../src/server/app.ts';

/** What a database owner can do despite the append-only trigger. */
async function asOwner(db: Database, fn: (trx: Database) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await fn(trx);
  });
}

/** The attacker's re-seal: recompute every hash of a chain from the genesis with the app's own functions. */
async function reseal(trx: Database, chain: number) {
  const rows = await trx.selectFrom('audit_events').selectAll().where('chain', '=', chain).orderBy('id').execute();
  let prev = GENESIS;
  for (const r of rows) {
    const hash = sm3(prev + canonicalJson({ at: new Date(r.at).toISOString(), actorId: r.actor_id, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after }));
    await sql`UPDATE audit_events SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`.execute(trx);
    prev = hash;
  }
}

test('canonical JSON of a value is that of its JSON round trip (the audit chain hashes values as given)', () => {
  const value = {
    z: 1,
    a: [1, undefined, () => 1, new Date('2025-03-01T08:00:00Z'), { y: undefined, b: -0, c: NaN, d: Infinity }],
    m: { skip: undefined, fn: () => 1, when: new Date('2025-03-02T00:00:00Z'), nested: { b: '多行\n"引号"', a: null } },
    '10': 'integer-like key',
    bad: new Date(Number.NaN),
  };
  const text = canonicalJson(value);
  assert.equal(text, canonicalJson(JSON.parse(JSON.stringify(value))));
  assert.equal(text.indexOf('"10"'), 1, 'keys sorted');
  assert.match(text, /"a":\[1,null,null,"2025-03-01T08:00:00.000Z",\{"b":0,"c":null,"d":null\}\]/);
  assert.match(text, /"bad":null/);
});

eachDatabase('signed audit checkpoints', (tdb) => {
  let w: World;
  let keyFile: string;
  let firstHead: { chain: number; id: string };
  const defaultKey = process.env.FAZHI_AUDIT_KEY;

  beforeEach(async () => {
    keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-audit-')), 'keys', 'audit-sm2.pem');
    process.env.FAZHI_AUDIT_KEY = keyFile;
    w = await makeWorld(tdb);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-10') }));
    const cp1 = await createCheckpoint(w.k, w.admin.id);
    const caseChain = cp1.heads.find((h) => h.id === cp1.heads.map((x) => x.id).sort((a, b) => Number(b) - Number(a))[0])!;
    firstHead = { chain: caseChain.chain, id: caseChain.id };
    for (const id of ids) await performAction(w.k, w.clerk, id, 'accept', { on: '2025-06-12' });
    await appendAuditMany(w.k.db, [1, 2, 3].map((n) => ({ actorId: null, action: 'test.bulk', entity: 'test', entityId: n, after: { n } })));
    await createCheckpoint(w.k, w.admin.id);
  });
  afterEach(async () => {
    process.env.FAZHI_AUDIT_KEY = defaultKey;
    await w.conn.close();
  });

  test('an untouched trail verifies against its checkpoints; the key file is private and SM2', async () => {
    const r = await verifyAudit(w.k);
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.checkpoints, 2);
    assert.ok(r.checked >= 14, `checked ${r.checked}`);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(keyFile)).mode & 0o777, 0o700);
    // The published signature verifies with the published public key alone.
    const pub = await publishedCheckpoints(w.k.db);
    const cp = pub.checkpoints[1];
    const payload = canonicalJson({ seq: cp.seq, at: cp.at, total: cp.total, heads: cp.heads, prevDigest: cp.prevDigest });
    assert.equal(crypto.verify('SM3', Buffer.from(payload), crypto.createPublicKey(pub.publicKey), Buffer.from(cp.signature, 'base64')), true);
    assert.equal(cp.prevDigest, pub.checkpoints[0].digest);
    // A bulk append lands in order in one chain.
    const bulk = await w.k.db.selectFrom('audit_events').select(['chain', 'after']).where('action', '=', 'test.bulk').orderBy('id').execute();
    assert.deepEqual(bulk.map((b) => (b.after as any).n), [1, 2, 3]);
    assert.equal(new Set(bulk.map((b) => b.chain)).size, 1);
  });

  test('a bulk append larger than one INSERT stays in order, in one chain, and verifies', async () => {
    await w.k.db.transaction().execute((trx) => appendAuditMany(trx, Array.from({ length: 2500 }, (_, n) => ({ actorId: null, action: 'test.import', entity: 'test', entityId: n, after: { n } }))));
    const rows = await w.k.db.selectFrom('audit_events').select(['chain', 'entity_id']).where('action', '=', 'test.import').orderBy('id').execute();
    assert.equal(rows.length, 2500);
    assert.ok(rows.every((r, i) => r.entity_id === String(i)));
    assert.equal(new Set(rows.map((r) => r.chain)).size, 1);
    await createCheckpoint(w.k);
    const r = await verifyAudit(w.k);
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.checkpoints, 3);
  });

  test('an edited middle row is reported at that row', async () => {
    const victim = await w.k.db.selectFrom('audit_events').select(['id', 'chain']).where('action', '=', 'case.create').orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow();
    await asOwner(w.k.db, (trx) => sql`UPDATE audit_events SET after = '{"forged":true}' WHERE id = ${victim.id}`.execute(trx).then(() => undefined));
    const r = await verifyAudit(w.k);
    assert.equal(r.ok, false);
    assert.equal(r.brokenAt!.id, String(victim.id));
    assert.match(r.brokenAt!.reason, /记录内容与其哈希不符/);
  });

  test('a re-sealed chain passes the bare chain check but not the signed checkpoints', async () => {
    // Forge a row written after the first checkpoint, then re-seal its whole chain.
    const victim = await w.k.db.selectFrom('audit_events').select(['id', 'chain']).where('action', '=', 'case.accept').orderBy('id').limit(1).executeTakeFirst()
      ?? (await w.k.db.selectFrom('audit_events').select(['id', 'chain']).where('action', '=', 'test.bulk').orderBy('id').limit(1).executeTakeFirstOrThrow());
    await asOwner(w.k.db, async (trx) => {
      await sql`UPDATE audit_events SET after = '{"state":"forged"}' WHERE id = ${victim.id}`.execute(trx);
      await reseal(trx, victim.chain);
    });
    assert.equal((await verifyChain(w.k.db)).ok, true, 'the re-seal itself is consistent');
    const r = await verifyAudit(w.k);
    assert.equal(r.ok, false);
    assert.equal(r.brokenAt!.chain, victim.chain);
    assert.match(r.brokenAt!.reason, /签名检查点不符.*重新封链/);
    // The first bad row named is the first one no longer covered by a matching signature, at or before the forged row.
    assert.ok(BigInt(r.brokenAt!.id) <= BigInt(victim.id), `${r.brokenAt!.id} > ${victim.id}`);
    if (victim.chain === firstHead.chain) assert.ok(BigInt(r.brokenAt!.id) > BigInt(firstHead.id), 'rows under the first, still matching checkpoint are not blamed');
  });

  test('a deleted tail is reported: fewer rows than the signed checkpoint counted', async () => {
    const cps = (await publishedCheckpoints(w.k.db)).checkpoints;
    const head = cps[1].heads.reduce((a, b) => (BigInt(a.id) > BigInt(b.id) ? a : b));
    await asOwner(w.k.db, (trx) => sql`DELETE FROM audit_events WHERE chain = ${head.chain} AND id >= ${head.id}`.execute(trx).then(() => undefined));
    assert.equal((await verifyChain(w.k.db)).ok, true, 'without checkpoints the cut is invisible');
    const r = await verifyAudit(w.k);
    assert.equal(r.ok, false);
    assert.equal(r.brokenAt!.id, head.id);
    assert.match(r.brokenAt!.reason, /链尾记录被删除/);
  });

  test('deleting or forging checkpoints is caught by the copy beside the key and by the signature', async () => {
    const logged = fs.readFileSync(checkpointLogFile(keyFile), 'utf8').trim().split('\n');
    assert.equal(logged.length, 2);
    await asOwner(w.k.db, (trx) => sql`DELETE FROM audit_checkpoints WHERE seq = 2`.execute(trx).then(() => undefined));
    const r = await verifyAudit(w.k);
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => /第 2 号检查点已签名发布，但数据库中没有/.test(p)), r.problems.join('；'));

    // A checkpoint signed with another SM2 key is refused.
    const other = loadSigningKey(path.join(path.dirname(keyFile), 'other.pem'));
    const forgedSig = crypto.sign('SM3', Buffer.from('x'), other.privateKey!).toString('base64');
    await asOwner(w.k.db, (trx) => sql`UPDATE audit_checkpoints SET signature = ${forgedSig} WHERE seq = 1`.execute(trx).then(() => undefined));
    const r2 = await verifyAudit(w.k);
    assert.ok(r2.problems.some((p) => /第 1 号检查点的 SM2 签名无效/.test(p)), r2.problems.join('；'));
  });

  test('HTTP: anyone reads the checkpoints and public key; only the audit administrator (三员分立) signs one', async () => {
    const app = await buildApp(w.k);
    try {
      const pub = await app.inject({ method: 'GET', url: '/api/public/audit-checkpoints' });
      assert.equal(pub.statusCode, 200);
      const body = JSON.parse(pub.body);
      assert.match(body.publicKey, /BEGIN PUBLIC KEY/);
      assert.equal(body.checkpoints.length, 2);
      assert.equal(JSON.parse((await app.inject({ method: 'GET', url: '/api/public/audit-checkpoints?after=1' })).body).checkpoints.length, 1);
      const login = async (u: string) => String((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } })).headers['set-cookie']).split(';')[0];
      const clerk = await app.inject({ method: 'POST', url: '/api/audit/checkpoints', headers: { cookie: await login('clerk') } });
      assert.equal(clerk.statusCode, 403, clerk.body);
      const sysadmin = await app.inject({ method: 'POST', url: '/api/audit/checkpoints', headers: { cookie: await login('admin') } });
      assert.equal(sysadmin.statusCode, 403, 'the system administrator does not audit');
      await createUser(w.k.db, { orgId: w.justice, scopeOrgId: w.district, username: 'auditor', displayName: '审计管理员', role: 'auditor', password: 'Test@12345' });
      const admin = await app.inject({ method: 'POST', url: '/api/audit/checkpoints', headers: { cookie: await login('auditor') } });
      assert.equal(admin.statusCode, 200, admin.body);
      assert.equal(JSON.parse(admin.body).seq, 3);
      const verify = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: await login('auditor') } });
      assert.equal(JSON.parse(verify.body).ok, true);
      assert.equal(JSON.parse(verify.body).checkpoints, 3);
    } finally {
      await app.close();
    }
  });
});
