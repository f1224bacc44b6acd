/**
 * On PGlite (one connection, one thread), how long other requests wait while a large import
 * runs: GET /api/cases every 50 ms during an import of N 12345 orders (default 20,000).
 *
 *   npm run bench:pglite-import
 *
 * The import runs in the server process, as an upload would (the upload route's own limits
 * are left out); the list requests go over HTTP on 127.0.0.1. EVERY=ms changes the interval.
 *
 * On a loaded machine the request times measure the load as much as the import, so it also
 * prints the longest hold of PGlite's one connection (a query, or a whole transaction) in CPU
 * time of this process: what a request queued behind it waits on a quiet machine, and a number
 * that barely moves with load.
 */
import { connect, migrate } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { importCases } from '../src/kernel/cases/import.ts';
import { buildApp } from '../src/server/app.ts';
import { hotlineRow, makeCity } from './city.ts';
import { bulkTimings } from '../src/kernel/cases/bulk.ts';
import { PgliteDialect } from '../src/kernel/db/pglite-dialect.ts';

const N = Number(process.env.N ?? 20_000);
const EVERY = Number(process.env.EVERY ?? 50);

// Each hand-over of the connection, from acquire to release: CPU and wall time.
const holds = { cpu: 0, wall: 0, n: 0 };
const driver = Object.getPrototypeOf(new PgliteDialect(null as never).createDriver());
const { acquireConnection, releaseConnection } = driver;
let held: { cpu: NodeJS.CpuUsage; wall: number } | null = null;
driver.acquireConnection = async function (this: unknown) {
  const c = await acquireConnection.call(this);
  held = { cpu: process.cpuUsage(), wall: performance.now() };
  return c;
};
driver.releaseConnection = async function (this: unknown, ...args: unknown[]) {
  if (held) {
    const used = process.cpuUsage(held.cpu);
    holds.cpu = Math.max(holds.cpu, (used.user + used.system) / 1000);
    holds.wall = Math.max(holds.wall, performance.now() - held.wall);
    holds.n++;
    held = null;
  }
  return releaseConnection.apply(this, args);
};
const asOf = '2025-12-31';
const conn = await connect({ dataDir: 'memory://' });
await migrate(conn.db);
const k = await Kernel.open(conn, createRegistry(), { today: () => asOf });
const city = await makeCity(k, 40);
const units = city.units.map((u) => u.shortName);
const app = await buildApp(k);
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Bench@12345' }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];
const rows = Array.from({ length: N }, (_, i) => hotlineRow(i + 1, 2025, units, asOf));

// A request is due every EVERY ms; its time runs from when it was due, so a blocked server (or a
// blocked event loop: PGlite runs on this thread) counts fully, not only once it is sent.
const times: number[] = [];
let importing = true;
const started = performance.now();
const poll = (async () => {
  const pending: Promise<void>[] = [];
  for (let i = 0; importing; i++) {
    const due = started + i * EVERY;
    // Waits in short steps, so a long EVERY (requests off) does not keep the bench from ending.
    while (importing && performance.now() < due) await new Promise((r) => setTimeout(r, Math.min(100, due - performance.now())));
    if (!importing) break;
    pending.push(
      fetch(`http://127.0.0.1:${port}/api/cases?page=1&pageSize=20`, { headers: { cookie } })
        .then((r) => r.text())
        // A request the server could not even accept (connect timeout) waited at least this long too.
        .catch(() => undefined)
        .then(() => void times.push(performance.now() - due)),
    );
  }
  await Promise.all(pending);
})();
Object.assign(holds, { cpu: 0, wall: 0, n: 0 }); // the import's, not the setup's
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const r = await importCases(k, city.admin, { type: 'hotline', orgId: city.government.id, rows });
const seconds = (performance.now() - t0) / 1000;
const cpuUsed = process.cpuUsage(cpu0);
importing = false;
await poll;
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
console.log(`PGlite import of ${r.imported} orders: ${seconds.toFixed(1)} s; ${times.length} list requests meanwhile: p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`);
console.log(`longest hold of the connection: ${holds.cpu.toFixed(0)} ms CPU (${holds.wall.toFixed(0)} ms wall) of ${holds.n}; process CPU during the import ${((cpuUsed.user + cpuUsed.system) / 1e6).toFixed(1)} s`);
if (process.env.FAZHI_BULK_TIMINGS) console.log('phases (s):', Object.entries(bulkTimings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', '));
await app.close();
await conn.close();
