import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../../src/kernel/db/connect.ts';

const run = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-integrity-'));
const fazhi = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['bin/fazhi.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', FAZHI_AUDIT_KEY: '', FAZHI_DATA_KEY_FILE: '', FAZHI_DATA_KEY: '' } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );

test('audit checkpoint, verify, backup and restore from the command line; a deleted checkpoint fails verify with exit 1', async () => {
  const data = path.join(root, 'data');
  const cp = await fazhi(data, 'audit', 'checkpoint');
  assert.equal(cp.code, 0, cp.stderr);
  assert.match(cp.stdout, /已签署第 1 号审计检查点/);
  // The key sits under the data directory, private, with its public half beside it.
  assert.equal(fs.statSync(path.join(data, 'keys', 'audit-sm2.pem')).mode & 0o777, 0o600);
  assert.match(fs.readFileSync(path.join(data, 'keys', 'audit-sm2.pub.pem'), 'utf8'), /BEGIN PUBLIC KEY/);
  const ok = await fazhi(data, 'audit', 'verify');
  assert.equal(ok.code, 0);
  assert.match(ok.stdout, /审计链完整：共校验 1 条记录，与 1 个签名检查点相符/);

  const file = path.join(root, 'fazhi.backup');
  const b = await fazhi(data, 'backup', '--out', file);
  assert.equal(b.code, 0, b.stderr);
  assert.match(b.stdout, /密钥不在备份中/);
  // The restored copy uses the same keys (they travel separately from the backup).
  const restored = path.join(root, 'restored');
  fs.mkdirSync(path.join(restored, 'keys'), { recursive: true });
  for (const f of fs.readdirSync(path.join(data, 'keys'))) fs.copyFileSync(path.join(data, 'keys', f), path.join(restored, 'keys', f));
  const r2 = await fazhi(restored, 'restore', file);
  assert.equal(r2.code, 0, r2.stdout + r2.stderr);
  const again = await fazhi(restored, 'restore', file);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /已有数据/);
  assert.match(r2.stdout, /各表行数、审计链头与数据哈希均与备份清单一致/);

  const conn = await connect({ dataDir: data });
  await conn.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`DELETE FROM audit_checkpoints`.execute(trx);
  });
  await conn.close();
  const bad = await fazhi(data, 'audit', 'verify');
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /检查点问题：第 1 号检查点已签名发布，但数据库中没有/);
});
