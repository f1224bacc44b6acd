import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { base32Decode, newTotpSecret, totp } from '../../src/kernel/auth/totp.ts';
import { login, loginWithCode } from '../../src/kernel/auth/login.ts';
import { confirmEnrolment, startEnrolment } from '../../src/kernel/auth/second-factor.ts';
import { resealTotpSecrets, totpSealedCounts } from '../../src/kernel/auth/totp-secrets.ts';
import { addDataKey } from '../../src/kernel/crypto/data-key.ts';

const PW = 'Test@12345';
const T0 = new Date('2025-06-16T01:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** TOTP secrets at rest: SM4-sealed with the data key, sealed on first read when older, re-sealed on rotation. */
eachDatabase('TOTP secrets sealed with the SM4 data key', (tdb) => {
  let w: World;
  let secret: string;
  const defaultKeyFile = process.env.FAZHI_DATA_KEY_FILE;
  const stored = async (username: string) => w.k.db.selectFrom('users').select(['totp_secret', 'totp_pending_secret']).where('username', '=', username).executeTakeFirstOrThrow();
  const signIn = async (username: string, key: string, when: Date) => {
    const step1 = await login(w.k.db, username, PW, when);
    assert.equal(step1.stage, 'totp');
    return loginWithCode(w.k.db, step1.token, totp(base32Decode(key), when), when);
  };

  before(async () => {
    process.env.FAZHI_DATA_KEY_FILE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-totp-')), 'keys', 'data-sm4.json');
    w = await makeWorld(tdb);
  });
  after(async () => {
    process.env.FAZHI_DATA_KEY_FILE = defaultKeyFile;
    await w.conn.close();
  });

  test('the stored value is not the secret, pending or confirmed, and login with a code works', async () => {
    secret = (await startEnrolment(w.k.db, w.leader)).secret;
    const pending = (await stored('leader')).totp_pending_secret!;
    assert.match(pending, /^sm4:k1:[A-Za-z0-9+/=]+$/);
    assert.ok(!pending.includes(secret));
    await confirmEnrolment(w.k.db, w.leader, totp(base32Decode(secret), T0), T0);
    const row = await stored('leader');
    assert.match(row.totp_secret!, /^sm4:k1:/);
    assert.ok(!row.totp_secret!.includes(secret) && !Buffer.from(row.totp_secret!.slice(7), 'base64').toString('latin1').includes(secret));
    assert.equal(row.totp_pending_secret, null);
    assert.equal((await signIn('leader', secret, at(1))).stage, 'active');
  });

  test('a sealed secret copied into another column does not open (the MAC binds it to its column)', async () => {
    const { totp_secret } = await stored('leader');
    await w.k.db.updateTable('users').set({ totp_pending_secret: totp_secret }).where('username', '=', 'edu').execute();
    await assert.rejects(confirmEnrolment(w.k.db, w.eduClerk, '123456', at(1)), /无法解密/);
    await w.k.db.updateTable('users').set({ totp_pending_secret: null }).where('username', '=', 'edu').execute();
  });

  test('secrets stored in clear before this release are sealed on first read and by the start-up pass', async () => {
    const eduKey = newTotpSecret();
    const clerkKey = newTotpSecret();
    await w.k.db.updateTable('users').set({ totp_secret: eduKey }).where('username', '=', 'edu').execute();
    await w.k.db.updateTable('users').set({ totp_secret: clerkKey }).where('username', '=', 'clerk').execute();
    assert.equal((await totpSealedCounts(w.k.db)).plaintext, 2);
    assert.equal((await signIn('edu', eduKey, at(2))).stage, 'active', 'a plaintext secret still works');
    assert.match((await stored('edu')).totp_secret!, /^sm4:k1:/, 'and is sealed once read');
    assert.equal(await resealTotpSecrets(w.k.db, { plaintextOnly: true }), 1);
    assert.deepEqual(await totpSealedCounts(w.k.db), { k1: 3 });
    assert.equal((await signIn('clerk', clerkKey, at(3))).stage, 'active');
  });

  test('key rotation re-seals every secret with the new key, and login with a code still works', async () => {
    assert.equal(addDataKey(), 'k2');
    assert.equal((await signIn('leader', secret, at(4))).stage, 'active', 'k1 secrets still open before the re-seal');
    assert.equal(await resealTotpSecrets(w.k.db), 3);
    assert.deepEqual(await totpSealedCounts(w.k.db), { k2: 3 });
    assert.equal(await resealTotpSecrets(w.k.db), 0, 'nothing left to do');
    assert.match((await stored('leader')).totp_secret!, /^sm4:k2:/);
    assert.equal((await signIn('leader', secret, at(5))).stage, 'active');
  });
});
