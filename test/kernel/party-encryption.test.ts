import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, reconsiderationIntake, applicant, rejects, type World } from '../helpers.ts';
import { createCase, getCase, listCases, caseListQuery } from '../../src/kernel/cases/engine.ts';
import { addDataKey, blindIndex, writeKeyring, loadKeyring, unseal, seal } from '../../src/kernel/crypto/data-key.ts';
import { resealParties, sealedValueCounts } from '../../src/kernel/cases/parties.ts';

eachDatabase('parties sealed with SM4 at rest', (tdb) => {
  let w: World;
  let dir: string;
  let caseId: number;
  const defaultKeyFile = process.env.FAZHI_DATA_KEY_FILE;
  const raw = () => w.k.db.selectFrom('case_parties').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-sm4-'));
    process.env.FAZHI_DATA_KEY_FILE = path.join(dir, 'keys', 'data-sm4.json');
    w = await makeWorld(tdb);
    caseId = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-10') });
  });
  after(async () => {
    process.env.FAZHI_DATA_KEY_FILE = defaultKeyFile;
    await w.conn.close();
  });

  test('the stored bytes are not the plaintext; the handler reads them back in clear', async () => {
    const row = await raw();
    for (const [col, plain] of [['id_number', applicant.idNumber], ['phone', applicant.phone], ['address', applicant.address]] as const) {
      assert.match(row[col]!, /^sm4:k1:[A-Za-z0-9+/=]+$/);
      assert.ok(!row[col]!.includes(plain) && !Buffer.from(row[col]!.slice(7), 'base64').toString('latin1').includes(plain), `${col} leaks`);
    }
    const hits = await sql<{ n: number }>`select count(*)::int as n from case_parties where id_number like '%1990%' or phone like '%1381%' or address like '%幸福路%'`.execute(w.k.db);
    assert.equal(hits.rows[0].n, 0);
    assert.equal(fs.statSync(process.env.FAZHI_DATA_KEY_FILE!).mode & 0o777, 0o600);
    const mine = await getCase(w.k, w.clerk, caseId);
    assert.equal(mine.parties[0].idNumber, applicant.idNumber);
    assert.equal(mine.parties[0].phone, applicant.phone);
    assert.equal(mine.parties[0].address, applicant.address);
    // Masking (privacy.ts) still works on the decrypted values for viewers outside the handling org.
    const leader = await getCase(w.k, w.leader, caseId);
    assert.equal(leader.personalDataMasked, true);
    assert.notEqual(leader.parties[0].phone, applicant.phone);
    assert.match(leader.parties[0].phone!, /^138\*+5678$/);
  });

  test('the case list finds a party by exact phone or ID number through the blind index', async () => {
    const find = (q: string) => listCases(w.k, w.clerk, caseListQuery.parse({ q }));
    assert.deepEqual((await find(applicant.phone)).items.map((i) => i.id), [caseId]);
    assert.deepEqual((await find(applicant.idNumber)).items.map((i) => i.id), [caseId]);
    assert.equal((await find('13800000000')).total, 0);
    assert.equal((await raw()).phone_bidx, blindIndex('phone', applicant.phone));
  });

  test('plaintext rows written before encryption are sealed by the start-up pass', async () => {
    await sql`insert into case_parties (case_id, role, name, id_number, phone, address) values (${caseId}, 'third_party', '李四', '110101198001011234', '13900001111', '旧地址1号')`.execute(w.k.db);
    assert.equal((await sealedValueCounts(w.k.db)).plaintext, 3);
    assert.equal(await resealParties(w.k.db, { plaintextOnly: true }), 1);
    assert.deepEqual(await sealedValueCounts(w.k.db), { k1: 6 });
    const parties = (await getCase(w.k, w.clerk, caseId)).parties;
    assert.equal(parties[1].phone, '13900001111');
    assert.equal((await listCases(w.k, w.clerk, caseListQuery.parse({ q: '13900001111' }))).total, 1);
  });

  test('rotation re-seals every value with the new key; old values still read until then', async () => {
    const reports: number[] = [];
    assert.equal(addDataKey(), 'k2');
    assert.equal((await getCase(w.k, w.clerk, caseId)).parties[0].phone, applicant.phone, 'k1 values still open');
    assert.equal(await resealParties(w.k.db, { onProgress: (done) => reports.push(done) }), 2);
    assert.deepEqual(reports, [2]);
    assert.deepEqual(await sealedValueCounts(w.k.db), { k2: 6 });
    assert.equal((await getCase(w.k, w.clerk, caseId)).parties[0].idNumber, applicant.idNumber);
    assert.equal((await listCases(w.k, w.clerk, caseListQuery.parse({ q: applicant.phone }))).total, 1, 'the blind index survives rotation');
  });

  test('a wrong or missing key gives a clear Chinese error, and a value moved to another column does not open', async () => {
    const good = loadKeyring();
    const otherFile = path.join(dir, 'wrong.json');
    writeKeyring(otherFile, { ...good, keys: { k2: 'ab'.repeat(32) } });
    process.env.FAZHI_DATA_KEY_FILE = otherFile;
    await rejects(getCase(w.k, w.clerk, caseId), 500, /个人信息无法解密：数据密钥「k2」与加密时所用的不符/);
    writeKeyring(otherFile, { ...good, current: 'k1', keys: { k1: good.keys.k1 } });
    process.env.FAZHI_DATA_KEY_FILE = otherFile + '.2';
    fs.copyFileSync(otherFile, otherFile + '.2');
    await rejects(getCase(w.k, w.clerk, caseId), 500, /缺少编号为「k2」的数据密钥/);
    process.env.FAZHI_DATA_KEY_FILE = path.join(dir, 'keys', 'data-sm4.json');
    const sealedPhone = seal('phone', '13812345678');
    assert.equal(unseal('phone', sealedPhone), '13812345678');
    assert.throws(() => unseal('address', sealedPhone), /无法解密/);
    // The keyring may also come from the environment.
    process.env.FAZHI_DATA_KEY = JSON.stringify(good);
    try {
      assert.equal((await getCase(w.k, w.clerk, caseId)).parties[0].phone, applicant.phone);
    } finally {
      delete process.env.FAZHI_DATA_KEY;
    }
  });
});
