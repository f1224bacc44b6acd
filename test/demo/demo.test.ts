import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, migrate } from '../../src/kernel/db/connect.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { createRegistry } from '../../src/institutions/index.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/district.ts';
import { verifyPassword } from '../../src/kernel/auth/password.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { topOrg } from '../../src/kernel/orgs.ts';
import { verifyChain } from '../../src/kernel/audit/audit.ts';

async function demoAsOf(asOf: string) {
  const conn = await connect({ dataDir: 'memory://' });
  await migrate(conn.db);
  const k = await Kernel.open(conn, createRegistry(), { today: () => asOf });
  const r = await loadDemo(k);
  return { k, r };
}

const year2024 = async (k: Kernel) => {
  const root = (await topOrg(k.db))!;
  return Object.fromEntries((await computeIndicators(k, { orgId: root.id, from: '2024-01-01', to: '2024-12-31' })).map((v) => [v.key, v.value]));
};

test('the demo district is deterministic, realistic in volume, idempotent, and has overdue cases', async () => {
  const a = await demoAsOf('2025-02-14');
  const b = await demoAsOf('2025-05-20');
  const fa = await year2024(a.k);
  // A full year 2024 is the same whatever the as-of date (given it is past the year's cases).
  assert.deepEqual(fa, await year2024(b.k));
  // The scale of a real district (seed 001: 57 received, 50 accepted, 49 concluded).
  assert.equal(fa['reconsideration.received'], 57);
  assert.ok(fa['reconsideration.accepted']! >= 45 && fa['reconsideration.accepted']! <= 55);
  assert.ok(fa['reconsideration.concluded']! >= 42);
  assert.equal(fa['disclosure.received'], 180);
  assert.ok(fa['disclosure.on_time_rate']! > 90 && fa['disclosure.on_time_rate']! < 100, 'some late answers, mostly on time');
  const orgs = await b.k.db.selectFrom('orgs').select('kind').execute();
  assert.equal(orgs.filter((o) => o.kind === 'department').length, 30);
  assert.equal(orgs.filter((o) => o.kind === 'township').length, 6);
  const overdue = await b.k.db.selectFrom('case_clocks').select('case_id').where('status', '=', 'running').where('due_on', '<', '2025-05-20').execute();
  assert.ok(overdue.length >= 4, `overdue cases exist (${overdue.length})`);
  // Last year's reports: most published with frozen figures, some late, the 司法局's left to write.
  const reports = await b.k.db.selectFrom('reports as r').innerJoin('orgs as o', 'o.id', 'r.org_id').select(['o.name', 'o.kind', 'r.state', 'r.submitted_on', 'r.snapshot']).where('r.year', '=', 2024).execute();
  const published = reports.filter((r) => r.state === 'published');
  assert.ok(published.length >= 20 && published.length < 37, `${published.length} published`);
  assert.ok(published.every((r) => (r.snapshot as any).figures.length > 0));
  assert.ok(reports.some((r) => r.kind === 'department' && r.submitted_on! > '2025-03-01'), 'some departments were late');
  assert.ok(!reports.some((r) => r.name === '青溪区司法局'));
  // The accounts were hashed side by side: each hash opens with the demo password, each with its own salt.
  const users = await b.k.db.selectFrom('users').select(['username', 'password_hash']).execute();
  assert.ok(users.length > 40, `${users.length} accounts`);
  const opens = await Promise.all(users.map((u) => verifyPassword(DEMO_PASSWORD, u.password_hash)));
  assert.deepEqual(users.filter((_, i) => !opens[i]).map((u) => u.username), []);
  assert.equal(new Set(users.map((u) => u.password_hash.split('$')[4])).size, users.length, 'one salt per account');
  const again = await loadDemo(b.k);
  assert.equal(again.created, false);
  assert.equal((await verifyChain(b.k.db)).ok, true);
  await a.k.conn.close();
  await b.k.conn.close();
});

test('the demo loads on any later date: every org with a 2025 report got through the checker, however little it did', async () => {
  const { k } = await demoAsOf('2026-03-20');
  const reports = await k.db.selectFrom('reports').select(['year', 'state']).execute();
  assert.ok(reports.some((r) => r.year === 2025 && r.state === 'submitted'), 'mid-cycle: 2025 reports submitted');
  assert.ok(reports.some((r) => r.year === 2024 && r.state === 'published'));
  assert.equal((await verifyChain(k.db)).ok, true);
  await k.conn.close();
});
