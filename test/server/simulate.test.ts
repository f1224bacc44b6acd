import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { eachDatabase, makeWorld, reconsiderationIntake, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';

eachDatabase('POST /api/simulate', (tdb) => {
  let w: World;
  let app: App;
  let cookie = '';
  before(async () => {
    w = await makeWorld(tdb, '2026-03-20');
    app = await buildApp(w.k);
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Test@12345' } });
    cookie = String(r.headers['set-cookie']).split(';')[0];
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  const scenario = {
    type: 'reconsideration',
    intake: reconsiderationIntake('2026-02-27'),
    steps: [
      { on: '2026-03-02', action: 'request_correction', fields: { items: '补充材料' } },
      { on: '2026-03-06', action: 'serve_correction', fields: { method: 'post', servedOn: '2026-03-05' } },
      { on: '2026-03-17', action: 'abandon' },
    ],
  };

  test('any logged-in user gets every clock after each step; nothing is stored', async () => {
    const before = await w.k.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const r = await app.inject({ method: 'POST', url: '/api/simulate', payload: scenario, headers: { cookie } });
    assert.equal(r.statusCode, 200);
    const body = JSON.parse(r.body);
    const served = body.steps[2];
    assert.deepEqual(
      served.clocks.filter((c: any) => c.key === 'correction').map((c: any) => [c.startedOn, c.dueOn, c.unit]),
      [['2026-03-05', '2026-03-19', 'workday']],
    );
    assert.equal(body.final.ok, false);
    assert.equal(body.final.refusalStatus, 409);
    assert.match(body.final.refusal, /尚未届满.*行政复议法第三十一条/);
    assert.deepEqual([body.steps[1].state, body.steps[1].stateLabel, body.steps[1].outcomeLabel], ['correction_requested', '补正中', null], 'states and outcomes come with their Chinese labels');
    const after = await w.k.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('a step that ends a case names its outcome in Chinese', async () => {
    const scenario = JSON.parse(fs.readFileSync('test/scenarios/disclosure.answer-grounds.json', 'utf8'));
    const r = await app.inject({ method: 'POST', url: '/api/simulate', payload: { type: scenario.type, intake: scenario.intake, steps: scenario.steps.map(({ expect: _e, ...s }: any) => s) }, headers: { cookie } });
    const last = JSON.parse(r.body).steps.at(-1);
    assert.deepEqual([last.outcome, last.outcomeLabel], ['refused', '不予公开']);
  });

  test('without a session the what-if is refused; a malformed scenario gets a clear message', async () => {
    assert.equal((await app.inject({ method: 'POST', url: '/api/simulate', payload: scenario })).statusCode, 401);
    const bad = await app.inject({ method: 'POST', url: '/api/simulate', payload: { ...scenario, steps: [{ on: '2026-02-30', action: 'accept' }] }, headers: { cookie } });
    assert.equal(bad.statusCode, 400);
    assert.match(JSON.parse(bad.body).message, /日期无效/);
  });
});
