import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { multipart } from '../fixtures/multipart.ts';

eachDatabase('a PDF report uploaded for analysis', (tdb) => {
  let w: World;
  let app: App;
  let cookie = '';
  before(async () => {
    w = await makeWorld(tdb);
    app = await buildApp(w.k);
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Test@12345' } });
    cookie = String(r.headers['set-cookie']).split(';')[0];
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('is read in the parse worker by pdf.js in its own worker, twice in a row', async () => {
    for (let i = 0; i < 2; i++) {
      const m = multipart('昌江区2024年度报告.pdf', fs.readFileSync(new URL('../fixtures/reports/001.pdf', import.meta.url)));
      const r = await app.inject({ method: 'POST', url: '/api/analysis', payload: m.body, headers: { cookie, 'content-type': m.type } });
      assert.equal(r.statusCode, 200);
      const [result] = JSON.parse(r.body).results;
      assert.equal(result.format, 'pdf');
      assert.equal(result.year, 2024);
      assert.ok(result.figures.length > 20);
    }
  });
});
