/**
 * Bulk import of 12345 work orders into PostgreSQL, against a raw COPY of the same rows.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_g N=100000 npm run bench:import
 *
 * The import is the real path (spreadsheet rows → rules worked through in memory → set-based
 * writes of cases, parties, events, clocks, audit, all in one transaction). The baseline then
 * COPYs exactly the rows the import wrote (dumped with COPY TO) into empty tables with the same
 * indexes and foreign keys: what the database alone needs for these rows. The database is dropped and recreated.
 *
 * It prints a progress bar, CPU seconds per 1,000 orders of this process and of PostgreSQL's
 * backends (from /proc: robust to a loaded machine) and the largest RSS seen during the import.
 * BENCH_BASELINE=0 skips the COPY baseline (for 1M-order memory runs); CHUNK sets the rows per
 * chunk read (10,000).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { cpuMeter, cpuSeconds } from './cpu.ts';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { connect, migrate, resetSchema } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { importRowChunks } from '../src/kernel/cases/import-stream.ts';
import { hotlineRow, makeCity } from './city.ts';
import { bulkTimings } from '../src/kernel/cases/bulk.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_g';
const N = Number(process.env.N ?? 100_000);
const CHUNK = Number(process.env.CHUNK ?? 10_000);
const asOf = '2025-12-31';

const conn = await connect({ databaseUrl: url });
await resetSchema(conn.db);
await migrate(conn.db);
const k = await Kernel.open(conn, createRegistry(), { today: () => asOf });
const city = await makeCity(k);
const unitNames = city.units.map((u) => u.shortName);

async function* chunks() {
  for (let start = 0; start < N; start += CHUNK) {
    yield Array.from({ length: Math.min(CHUNK, N - start) }, (_, i) => hotlineRow(start + i + 1, 2025, unitNames, asOf));
  }
}

/** A progress line: bar, rows, rate. */
function progress(done: number, total: number, ms: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / total) * 100).toFixed(0).padStart(3)}% ${done}/${total} orders, ${Math.round((done / ms) * 1000)}/s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB `);
}

const importCpu = await cpuMeter(conn.db, [process.pid]);
let maxRss = 0;
const t0 = performance.now();
const { imported } = await importRowChunks(k, city.admin, {
  type: 'hotline',
  orgId: city.government.id,
  chunks: chunks(),
  onChunk: (rows) => {
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
    progress(rows, N, performance.now() - t0);
  },
});
const importMs = performance.now() - t0;
const { app: importNodeCpu, db: importDbCpu } = await importCpu();
process.stderr.write('\n');
if (process.env.FAZHI_BULK_TIMINGS) console.log('phases (s):', Object.entries(bulkTimings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', '));

const perOrder = (x: number) => ((x * 1000) / imported).toFixed(2);
if (process.env.BENCH_BASELINE === '0') {
  // For memory runs (1M orders): the baseline would hold every table's dump in memory.
  console.log(`CPU per 1,000 orders: import node ${perOrder(importNodeCpu)} s + PostgreSQL ${perOrder(importDbCpu)} s; max RSS ${(maxRss / 2 ** 20).toFixed(0)} MB`);
  console.log(`import: ${Math.round((imported / importMs) * 1000)} orders/s (no COPY baseline)`);
  await conn.close();
  process.exit(0);
}

// The baseline: the same rows, COPYed into empty tables with the same indexes.
const client = new pg.Client({ connectionString: url });
await client.connect();
const tables = ['cases', 'case_parties', 'case_events', 'case_clocks', 'audit_events'];
const dumps: Record<string, Buffer> = {};
for (const t of tables) {
  const parts: Buffer[] = [];
  const stream = client.query(copyTo(`COPY ${t} TO STDOUT`));
  for await (const b of stream) parts.push(b as Buffer);
  dumps[t] = Buffer.concat(parts);
  await client.query(`CREATE TABLE copy_${t} (LIKE ${t} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
}
// The same foreign keys as the real tables: the baseline pays for the same checks.
await client.query(`ALTER TABLE copy_cases ADD FOREIGN KEY (org_id) REFERENCES orgs(id), ADD FOREIGN KEY (handler_id) REFERENCES users(id)`);
for (const t of ['case_parties', 'case_events', 'case_clocks']) await client.query(`ALTER TABLE copy_${t} ADD FOREIGN KEY (case_id) REFERENCES copy_cases(id)`);
await client.query(`ALTER TABLE copy_case_events ADD FOREIGN KEY (actor_id) REFERENCES users(id)`);
const copyPid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
const copyCpu0 = cpuSeconds(copyPid);
const t1 = performance.now();
await client.query('BEGIN');
for (const t of tables) await pipeline(Readable.from([dumps[t]]), client.query(copyFrom(`COPY copy_${t} FROM STDIN`)));
await client.query('COMMIT');
const copyMs = performance.now() - t1;
const copyDbCpu = cpuSeconds(copyPid) - copyCpu0;
const counts = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, Number((await client.query(`SELECT count(*) FROM ${t}`)).rows[0].count)])));
await client.end();
await conn.close();

const rate = Math.round((imported / importMs) * 1000);
console.log(`rows written: ${JSON.stringify(counts)}`);
console.log(`CPU per 1,000 orders: import node ${perOrder(importNodeCpu)} s + PostgreSQL ${perOrder(importDbCpu)} s; raw COPY PostgreSQL ${perOrder(copyDbCpu)} s; max RSS ${(maxRss / 2 ** 20).toFixed(0)} MB`);
console.log(`import ${imported} orders: ${(importMs / 1000).toFixed(1)} s; COPY of the same rows: ${(copyMs / 1000).toFixed(1)} s`);
console.log(`import: ${rate} orders/s, ${(importMs / copyMs).toFixed(2)}× COPY`);
