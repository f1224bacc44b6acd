/**
 * Where the first start's time goes on PGlite: a fresh data directory, migrations, then the
 * demo district loaded as `npm start` loads it (the web console's build is timed apart).
 *
 *   FAZHI_BULK_TIMINGS=1 node --import tsx bench/first-start.ts
 *
 * Besides wall time it prints the process's CPU time (all threads: PGlite runs in-process, scrypt
 * on libuv's pool), which moves much less than wall time when the machine is shared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, migrate } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { loadDemo } from '../src/demo/district.ts';
import { bulkTimings } from '../src/kernel/cases/bulk.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-first-start-'));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const conn = await connect({ dataDir: path.join(dir, 'data') });
const opened = performance.now();
await migrate(conn.db);
const migrated = performance.now();
const k = await Kernel.open(conn, createRegistry());
const r = await loadDemo(k);
const loaded = performance.now();
await conn.close();
fs.rmSync(dir, { recursive: true, force: true });
const cpu = process.cpuUsage(cpu0);
const s = (ms: number) => (ms / 1000).toFixed(1);
console.log(`open PGlite ${s(opened - t0)} s, migrations ${s(migrated - opened)} s, demo ${s(loaded - migrated)} s (${r.cases} cases); total ${s(loaded - t0)} s; CPU ${s((cpu.user + cpu.system) / 1000)} s`);
console.log('phases (s):', Object.entries(bulkTimings).map(([k, v]) => `${k} ${s(v)}`).join(', '));
