import { migrationProvider } from '../../src/kernel/db/migrations.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eachDatabase, makeWorld, reconsiderationIntake, applicant, rejects } from '../helpers.ts';
import { connect, resetSchema } from '../../src/kernel/db/connect.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { createRegistry } from '../../src/institutions/index.ts';
import { createCase, getCase, performAction } from '../../src/kernel/cases/engine.ts';
import { createCheckpoint, verifyAudit } from '../../src/kernel/audit/checkpoints.ts';
import { appendAuditMany } from '../../src/kernel/audit/audit.ts';
import { backup, restore, summariseData } from '../../src/kernel/backup.ts';
import { actorById } from '../../src/kernel/auth/sessions.ts';

eachDatabase('backup and restore', (tdb) => {
  test('a small district round-trips: same rows, same canonical hash, audit verifies, parties still decrypt', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-'));
    // One signing key per installation: this district gets its own.
    process.env.FAZHI_AUDIT_KEY = path.join(dir, 'keys', 'audit-sm2.pem');
    const w = await makeWorld(tdb);
    const file = path.join(dir, 'fazhi.backup');
    const url = tdb.engine === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-10') }));
    await performAction(w.k, w.clerk, ids[0], 'accept', { on: '2025-06-12' });
    await createCheckpoint(w.k, w.admin.id);
    const before = await summariseData(w.k.db);

    const m = await backup(w.conn, file, url);
    assert.equal(m.engine, tdb.engine);
    assert.equal(m.schemaVersion, Object.keys(await migrationProvider.getMigrations()).sort().at(-1), 'the newest migration');
    assert.equal(m.counts.cases, 3);
    assert.equal(m.counts.audit_checkpoints, 1);
    assert.equal(m.dataHash, before.dataHash);
    assert.ok(m.auditHeads.length >= 1);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);

    if (url) await resetSchema(w.conn.db);
    const target = { databaseUrl: url, dataDir: path.join(dir, 'restored') };
    const r = await restore(file, target);
    try {
      assert.deepEqual(r.problems, []);
      const after = await summariseData(r.conn.db);
      assert.deepEqual(after.counts, before.counts);
      assert.equal(after.dataHash, before.dataHash);
      const k = await Kernel.open(r.conn, createRegistry());
      const v = await verifyAudit(k);
      assert.equal(v.ok, true, JSON.stringify(v));
      assert.equal(v.checkpoints, 1);
      const clerk = (await actorById(k.db, w.clerk.id))!;
      assert.equal((await getCase(k, clerk, ids[1])).parties[0].idNumber, applicant.idNumber);
      // A second restore onto the restored data refuses to overwrite it.
      await rejects(restore(file, target), 409, /已有/);
    } finally {
      await r.conn.close();
      await w.conn.close();
    }

    // A damaged backup is refused before anything is loaded.
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    fs.writeFileSync(file, bytes);
    await rejects(restore(file, { databaseUrl: url, dataDir: path.join(dir, 'other') }), 400, /已损坏或不完整/);
    assert.equal(fs.existsSync(path.join(dir, 'other')), false);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  test('moving off PGlite: a PGlite backup restores into an empty PostgreSQL with the same data hash and a verifying audit trail', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-move-'));
    process.env.FAZHI_AUDIT_KEY = path.join(dir, 'keys', 'audit-sm2.pem');
    const pglite = { engine: 'pglite' as const, open: () => connect({ dataDir: 'memory://' }) };
    const w = await makeWorld(pglite);
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-10') });
    await performAction(w.k, w.clerk, id, 'accept', { on: '2025-06-12' });
    // More rows than one page, so the hash and the copy page through a table.
    await w.k.db.transaction().execute((trx) => appendAuditMany(trx, Array.from({ length: 6000 }, (_, n) => ({ actorId: null, action: 'test.bulk', entity: 'test', entityId: n }))));
    await createCheckpoint(w.k, w.admin.id);
    const file = path.join(dir, 'pglite.backup');
    const m = await backup(w.conn, file);
    await w.conn.close();

    const pg = await connect({ databaseUrl: pgUrl });
    await resetSchema(pg.db);
    await pg.close();
    const r = await restore(file, { databaseUrl: pgUrl, dataDir: path.join(dir, 'unused') });
    try {
      assert.deepEqual(r.problems, []);
      assert.equal(r.conn.engine, 'postgres');
      const after = await summariseData(r.conn.db);
      assert.equal(after.dataHash, m.dataHash);
      assert.deepEqual(after.counts, m.counts);
      assert.ok(m.counts.audit_events > 6000);
      const k = await Kernel.open(r.conn, createRegistry());
      const v = await verifyAudit(k);
      assert.equal(v.ok, true, JSON.stringify(v));
      // Sequences continue after the copied ids: a new case gets a new id and the trail still verifies.
      const clerk = (await actorById(k.db, w.clerk.id))!;
      const next = await createCase(k, clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-13') });
      assert.ok(next > id);
      assert.equal((await getCase(k, clerk, id)).parties[0].phone, applicant.phone);
      assert.equal((await verifyAudit(k)).ok, true);
    } finally {
      await r.conn.close();
    }
  });
}
