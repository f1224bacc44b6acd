import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pdfText } from '../../src/analysis/ingest.ts';
import { AppError } from '../../src/kernel/errors.ts';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { multipart } from '../fixtures/multipart.ts';

const pdf = () => new Uint8Array(fs.readFileSync(new URL('../fixtures/reports/001.pdf', import.meta.url)));

test('a PDF is read by pdf.js in its own worker: the text comes back, pdf.js never loads in this thread', async () => {
  const text = await pdfText(pdf(), { name: '001.pdf' });
  assert.match(text, /法治政府建设/);
  assert.ok(text.length > 3000);
  // pdf.js announces itself on the global object of the thread that loads it.
  assert.equal((globalThis as { pdfjsLib?: unknown }).pdfjsLib, undefined);
  assert.equal((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker, undefined);
});

test('a PDF that needs more memory than the cap is refused in Chinese (413), and the next PDF is read as usual', async () => {
  await assert.rejects(pdfText(pdf(), { name: '001.pdf', memoryMb: 8 }), (e: unknown) => e instanceof AppError && e.status === 413 && /PDF 文件「001\.pdf」读取时所需内存超过8MB 的上限/.test(e.message));
  assert.match(await pdfText(pdf()), /法治政府建设/);
});

eachDatabase('PDF over its memory cap in an upload', (tdb) => {
  let w: World;
  let app: App;
  let cookie = '';
  before(async () => {
    // Read by the parse worker when it starts (at the first upload of this process).
    process.env.FAZHI_PDF_MEMORY_MB = '8';
    w = await makeWorld(tdb);
    app = await buildApp(w.k);
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Test@12345' } });
    cookie = String(r.headers['set-cookie']).split(';')[0];
  });
  after(async () => {
    delete process.env.FAZHI_PDF_MEMORY_MB;
    await app.close();
    await w.conn.close();
  });

  test('the report gets a Chinese error of its own, not a 500; the server and the parse worker go on', async () => {
    const m = multipart('年度报告.pdf', Buffer.from(pdf()));
    const r = await app.inject({ method: 'POST', url: '/api/analysis', payload: m.body, headers: { cookie, 'content-type': m.type } });
    assert.equal(r.statusCode, 200);
    const [result] = JSON.parse(r.body).results;
    assert.match(result.error, /PDF 文件「年度报告\.pdf」读取时所需内存超过8MB 的上限，已停止处理/);
    const t = multipart('报告.txt', fs.readFileSync(new URL('../fixtures/reports/annotated-county.txt', import.meta.url)));
    const next = await app.inject({ method: 'POST', url: '/api/analysis', payload: t.body, headers: { cookie, 'content-type': t.type } });
    assert.equal(next.statusCode, 200);
    assert.ok(JSON.parse(next.body).results[0].figures.length > 0);
  });
});
