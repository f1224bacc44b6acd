/**
 * Upload hardening, measured over HTTP (Fastify inject, PGlite in memory):
 * - how long the 400 MB .docx bomb (a few hundred KB on disk) takes to be refused;
 * - how long /api/health takes while a 5.6 MB report is being analysed in the parse worker.
 * Run: node --import tsx bench/upload-guards.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { databases, makeWorld } from '../test/helpers.ts';
import { zipBomb } from '../test/fixtures/zip-bomb.ts';
import { multipart } from '../test/fixtures/multipart.ts';
import { buildApp } from '../src/server/app.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const w = await makeWorld(databases()[0]);
const app = await buildApp(w.k);
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Test@12345' } });
const cookie = String(login.headers['set-cookie']).split(';')[0];
const send = (name: string, bytes: Buffer) => {
  const m = multipart(name, bytes);
  return app.inject({ method: 'POST', url: '/api/analysis', payload: m.body, headers: { cookie, 'content-type': m.type } });
};

const bomb = zipBomb(['[Content_Types].xml', ...Array.from({ length: 400 }, (_, i) => `word/media/image${i}.bin`), 'word/document.xml'], 1024 * 1024);
const refusals: number[] = [];
for (let i = 0; i < 8; i++) {
  const t = performance.now();
  const r = await send('bomb.docx', bomb);
  if (i) refusals.push(performance.now() - t);
  if (!JSON.parse(r.body).results[0].error) throw new Error('the bomb was not refused');
}
console.log(`400 MB .docx bomb (${(bomb.length / 1024).toFixed(0)} KB on disk): refused in ${median(refusals).toFixed(1)} ms (median of 7)`);

const seed = fs.readFileSync(path.join('test/fixtures/seeds', fs.readdirSync('test/fixtures/seeds').find((f) => f.endsWith('.txt'))!), 'utf8');
const big = Buffer.from(Array(1000).fill(seed).join('\n'));
let done = false;
const t0 = performance.now();
const analysis = send('汇编.txt', big).finally(() => (done = true));
const health: number[] = [];
while (!done) {
  const t = performance.now();
  await app.inject({ url: '/api/health' });
  if (!done) health.push(performance.now() - t);
  await new Promise((r) => setTimeout(r, 20));
}
await analysis;
console.log(`${(big.length / 1048576).toFixed(1)} MB report analysed in ${((performance.now() - t0) / 1000).toFixed(1)} s; meanwhile /api/health answered ${health.length} times, median ${median(health).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms`);
await app.close();
await w.conn.close();
process.exit(0);
