import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { registerWorkbook } from '../../src/kernel/registers.ts';
import { multipart } from '../fixtures/multipart.ts';
import { createRegisterKinds } from '../../src/institutions/registers/index.ts';

const run = promisify(execFile);

eachDatabase('registers, draws and 公示 over HTTP; draw verify from the published record', (tdb) => {
  let w: World;
  let app: App;
  const cookies: Record<string, string> = {};
  const call = async (user: string | null, method: string, url: string, payload?: unknown) => {
    const r = await app.inject({ method: method as any, url, payload: payload as any, headers: user ? { cookie: cookies[user] } : {} });
    return { status: r.statusCode, body: r.body && r.headers['content-type']?.toString().includes('json') ? JSON.parse(r.body) : r.rawPayload };
  };
  const upload = async (user: string, url: string, filename: string, content: Buffer) => {
    const m = multipart(filename, content);
    const r = await app.inject({ method: 'POST', url, payload: m.body, headers: { cookie: cookies[user], 'content-type': m.type } });
    return { status: r.statusCode, body: JSON.parse(r.body) };
  };

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    app = await buildApp(w.k);
    for (const u of ['admin', 'clerk', 'edu']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } });
      cookies[u] = String(r.headers['set-cookie']).split(';')[0];
    }
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('a register is published from Excel, refused whole when a row is bad, and public with its change log', async () => {
    const kind = createRegisterKinds().get('exemptions');
    const item = (code: string, name: string) => ({ code, name, kind: 'first_violation', condition: '首次违法并及时改正', basis: '行政处罚法第三十三条' });
    const good = await registerWorkbook(kind, [item('MF-1', '未按规定公示执业信息'), item('MF-2', '未按规定悬挂执业证书')]);
    const url = `/api/registers/import?orgId=${w.justice}&kind=exemptions&note=${encodeURIComponent('首次发布')}`;
    const bad = await upload('clerk', url, '免罚清单.xlsx', await registerWorkbook(kind, [item('MF-1', '未按规定公示执业信息'), item('MF-1', '重复')]));
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /第2项：编码「MF-1」重复/);
    assert.deepEqual((await call(null, 'GET', '/api/public/registers')).body, []);
    assert.equal((await upload('edu', url, '免罚清单.xlsx', good)).status, 403, 'another department may not publish the 司法局 list');
    const ok = await upload('clerk', url, '免罚清单.xlsx', good);
    assert.deepEqual(ok.body.version, 1);
    const list = (await call(null, 'GET', '/api/public/registers')).body;
    assert.deepEqual(list.map((r: any) => [r.orgName, r.kindName, r.version, r.count]), [['测试区司法局', '轻微违法行为免罚清单', 1, 2]]);
    const pub = (await call(null, 'GET', `/api/public/registers/${list[0].id}`)).body;
    assert.deepEqual(pub.items.map((i: any) => i.code), ['MF-1', 'MF-2']);
    assert.deepEqual(pub.changes[0].added, ['MF-1', 'MF-2']);
    const xlsx = await call('clerk', 'GET', `/api/registers/${list[0].id}/export.xlsx`);
    assert.equal((xlsx.body as Buffer).subarray(0, 2).toString(), 'PK');
  });

  test('a draw over HTTP: targets imported from CSV, committed, drawn, published, verified by the CLI from its record', async () => {
    for (const no of ['SF2025101', 'SF2025102', 'SF2025103']) {
      await createCase(w.k, null, { type: 'enforcement_certificate', orgId: w.justice, fields: { receivedOn: '2025-01-02', holder: `检查员${no.slice(-3)}`, certNo: no, field: '综合' } });
    }
    const csv = ['统一社会信用代码,名称,行业类别,风险等级', ...Array.from({ length: 12 }, (_, i) => `9131000000000${String(i).padStart(4, '0')}X,法律服务所${i},法律服务,${['高', '中', '低'][i % 3]}`)].join('\n');
    const imported = await upload('clerk', `/api/inspection-targets/import?orgId=${w.justice}`, '名录.csv', Buffer.from(csv));
    assert.deepEqual(imported.body, { imported: 12 });
    const committed = await call('clerk', 'POST', '/api/draws', { orgId: w.justice, title: '法律服务所抽查', item: '执业行为检查', counts: { high: 2, medium: 1, low: 1 } });
    assert.equal(committed.status, 201);
    const id = committed.body.id;
    const early = (await call(null, 'GET', `/api/public/draws/${id}`)).body;
    assert.equal(early.seed, null);
    assert.equal(early.verification, null);
    assert.match(early.commitment, /^[0-9a-f]{64}$/);
    const drawn = (await call('clerk', 'POST', `/api/draws/${id}/draw`)).body;
    assert.equal(drawn.result.targets.length, 4);
    const record = (await call(null, 'GET', `/api/public/draws/${id}`)).body;
    assert.deepEqual(record.verification, { ok: true, problems: [] });
    assert.equal(record.commitment, early.commitment, 'the commitment did not change at the draw');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-draw-'));
    const file = path.join(dir, 'draw.json');
    const cli = (f: string) => run(process.execPath, ['bin/fazhi.js', 'draw', 'verify', '--file', f]).then((r) => ({ code: 0, ...r }), (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));
    fs.writeFileSync(file, JSON.stringify(record));
    const good = await cli(file);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /复核通过.*（4户）/);
    fs.writeFileSync(file, JSON.stringify({ ...record, seed: record.seed.replace(/.$/, (c: string) => (c === '0' ? '1' : '0')) }));
    const bad = await cli(file);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /种子被改动过/);
    fs.writeFileSync(file, '{"not":"a draw"}');
    assert.equal((await cli(file)).code, 2);
  });

  test('执法决定公示 is public, with personal data masked', async () => {
    await createCase(w.k, null, { type: 'enforcement_certificate', orgId: w.justice, fields: { receivedOn: '2025-01-02', holder: '执法员甲', certNo: 'SF2025201', field: '综合' } });
    await createCase(w.k, null, { type: 'enforcement_certificate', orgId: w.justice, fields: { receivedOn: '2025-01-02', holder: '执法员乙', certNo: 'SF2025202', field: '综合' } });
    const id = await createCase(w.k, w.clerk, { type: 'enforcement', orgId: w.justice, fields: { receivedOn: '2025-05-06', kind: 'penalty', source: 'report', matter: '未经许可从事法律服务', major: false } });
    for (const [action, data] of [
      ['file', { officer1: 'SF2025201', officer2: 'SF2025202' }],
      ['investigate', { findings: '属实' }],
      ['notify', { proposal: '拟罚款', sanction: 'fine', proposedFine: 3000, partyType: 'person' }],
      ['decide', { decision: 'penalty', fine: 3000 }],
      ['publicize', { summary: '对当事人王某（电话13812345678）罚款3000元' }],
    ] as const) {
      await performAction(w.k, w.clerk, id, action, { on: '2025-05-20', data });
    }
    const rows = (await call(null, 'GET', '/api/public/enforcement?year=2025')).body;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].decision, '给予行政处罚');
    assert.match(rows[0].summary, /138\*{4}5678/);
    assert.ok(!rows[0].summary.includes('13812345678'));
  });
});
