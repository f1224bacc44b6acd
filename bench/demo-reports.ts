/**
 * The demo's report phase alone (drafts, checks, 报送 with frozen figures, publication of the 2024
 * and 2025 reports), rerun on a copy of a loaded demo with the reports deleted first: CPU time,
 * statements, laps per step, and the slowest statement shapes. DEMO_DIR keeps a loaded demo
 * between runs (loaded there first if empty); ANALYZE=1 analyzes the case tables of the copy first.
 *
 *   DEMO_DIR=/tmp/fazhi-demo STATS=1 node --import tsx bench/demo-reports.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, migrate } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { loadDemo } from '../src/demo/district.ts';
import { loadDemoReports } from '../src/demo/reports.ts';
import { actorById } from '../src/kernel/auth/sessions.ts';
import { bulkTimings } from '../src/kernel/cases/bulk.ts';
import type { Actor } from '../src/kernel/auth/actor.ts';

process.env.FAZHI_BULK_TIMINGS = '1';
const asOf = process.env.AS_OF ?? '2026-11-26';
const demoDir = process.env.DEMO_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-demo-'));
if (!fs.existsSync(path.join(demoDir, 'PG_VERSION'))) {
  const conn = await connect({ dataDir: demoDir });
  await migrate(conn.db);
  await loadDemo(await Kernel.open(conn, createRegistry(), { today: () => asOf }));
  await conn.close();
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-demo-reports-'));
fs.cpSync(demoDir, dir, { recursive: true });
const conn = await connect({ dataDir: dir });
const pglite = conn.pglite!;
let statements = 0;
const shapes = new Map<string, [number, number]>();
const query = pglite.query.bind(pglite);
pglite.query = (async (...a: Parameters<typeof query>) => {
  statements++;
  const t = performance.now();
  try {
    return await query(...a);
  } finally {
    const key = String(a[0]).replace(/\s+/g, ' ').trim().slice(0, 100);
    const s = shapes.get(key) ?? [0, 0];
    s[0]++;
    s[1] += performance.now() - t;
    shapes.set(key, s);
  }
}) as typeof query;
const k = await Kernel.open(conn, createRegistry(), { today: () => asOf });
await k.db.deleteFrom('reports').execute();
if (process.env.ANALYZE) await pglite.exec('ANALYZE orgs, users, cases, case_parties, case_events, case_clocks');
const orgs = await k.db.selectFrom('orgs').selectAll().orderBy('id').execute();
const users = await k.db.selectFrom('users').select(['id', 'org_id', 'role', 'username']).orderBy('id').execute();
const named = async (username: string) => (await actorById(k.db, users.find((u) => u.username === username)!.id))!;
const admin = await named('admin');
const leader = await named('leader');
const clerks = new Map<number, Actor>();
for (const u of users) if (u.role === 'clerk' && !clerks.has(u.org_id)) clerks.set(u.org_id, (await actorById(k.db, u.id))!);
// As loadDemo picks them: every org but the mediation committees and the 12345 centre, in creation order.
const reporting = orgs
  .filter((o) => o.kind !== 'committee' && o.short_name !== '区12345热线')
  .map((o) => ({ id: o.id, parentId: o.parent_id, name: o.name, shortName: o.short_name, kind: o.kind, path: o.path }));
statements = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const year of [2024, 2025]) await loadDemoReports(k, year, reporting, { clerkOf: (id) => clerks.get(id) ?? admin, leader }, asOf);
const cpu = process.cpuUsage(cpu0);
const s = (ms: number) => (ms / 1000).toFixed(1);
console.log(`reports of ${reporting.length} orgs: wall ${s(performance.now() - t0)} s, CPU ${s((cpu.user + cpu.system) / 1000)} s, ${statements} statements`);
console.log('laps (s):', Object.entries(bulkTimings).map(([label, v]) => `${label} ${s(v)}`).join(', '));
if (process.env.STATS) for (const [shape, [n, t]] of [...shapes].sort((a, b) => b[1][1] - a[1][1]).slice(0, 15)) console.log(`${s(t).padStart(6)} s ${String(n).padStart(6)}×  ${shape}`);
await conn.close();
fs.rmSync(dir, { recursive: true, force: true });
