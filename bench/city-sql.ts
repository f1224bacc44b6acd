/**
 * A city's 12345 year generated inside PostgreSQL (generate_series), for read benches at
 * sizes the import path would take too long to fill on a shared machine:
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_g N=1000000 node --import tsx bench/city-sql.ts
 *
 * Same shape as bench/city.ts: 14 categories, 5 channels, 320 units with a long-tailed load,
 * monthly peaks; each order received, dispatched, signed, completed and visited (most), with
 * its three clocks. No audit rows: this is data for reading, not a write benchmark.
 * Starts from an empty schema with a migrated database and the city's orgs and admin.
 */
import { sql } from 'kysely';
import { connect, migrate, resetSchema } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { makeCity } from './city.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_g';
const N = Number(process.env.N ?? 1_000_000);
const YEAR = 2025;

export async function generateCity(databaseUrl: string, n: number) {
  const conn = await connect({ databaseUrl });
  await resetSchema(conn.db);
  await migrate(conn.db);
  const k = await Kernel.open(conn, createRegistry(), { today: () => `${YEAR}-12-31` });
  const city = await makeCity(k);
  const t0 = performance.now();
  const unitIds = city.units.map((u) => u.id);
  // One row per order with everything drawn from its number (deterministic).
  await sql`CREATE UNLOGGED TABLE gen AS
    SELECT g AS n,
      -- A summer peak: a fifth of the orders fall in June to August on top of the even spread.
      ${`${YEAR}-01-01`}::date + (CASE WHEN (g * 13) % 10 < 2 THEN 151 + (g * 7919) % 92 ELSE (g * 7919) % 365 END)::int AS received,
      (${unitIds}::int[])[1 + floor(power(((g * 48271) % 100000) / 100000.0, 2.2) * ${unitIds.length})::int] AS unit,
      (ARRAY['城市管理','城市管理','住房物业','住房物业','交通出行','市场监管','环境保护','劳动社保','教育','医疗卫生','公安','供水供电供气','农业农村','民政','文化旅游','其他'])[1 + (g * 31) % 16] AS category,
      (ARRAY['phone','phone','phone','phone','phone','phone','phone','wechat','app','web'])[1 + (g * 17) % 10] AS channel,
      (ARRAY['normal','normal','normal','normal','complex','normal','normal','normal','normal','urgent'])[1 + (g * 13) % 10] AS urgency,
      ((g * 7) % 100)::int AS r
    FROM generate_series(1::bigint, ${n}::bigint) g`.execute(k.db);
  // A bulk load builds its secondary indexes once at the end, sorted, instead of inserting tens of
  // millions of keys one by one (the 案号 index alone took most of an hour at 10M that way).
  // (A unique constraint's index goes and comes back with its constraint; primary keys stay.)
  const { rows: indexes } = await sql<{ name: string; drop: string; def: string }>`
    SELECT i.relname AS name,
      CASE WHEN c.conname IS NULL THEN format('DROP INDEX %I', i.relname) ELSE format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, c.conname) END AS drop,
      CASE WHEN c.conname IS NULL THEN pg_get_indexdef(i.oid) ELSE format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, c.conname, pg_get_constraintdef(c.oid)) END AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    LEFT JOIN pg_constraint c ON c.conindid = i.oid
    WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN ('cases', 'case_events', 'case_clocks') AND NOT x.indisprimary`.execute(k.db);
  for (const i of indexes) await sql.raw(i.drop).execute(k.db);
  await sql`INSERT INTO cases (id, type, org_id, number, year, seq, title, state, outcome, received_on, closed_on, handler_id, fields, version)
    SELECT n::int, 'hotline', unit, '示例市12345〔' || ${YEAR} || '〕' || n || '号', ${YEAR}, n::int, category || '：市民反映' || category || '问题',
      CASE WHEN r < 80 THEN 'closed' WHEN r < 92 THEN 'done' ELSE 'handling' END,
      CASE WHEN r < 64 THEN 'satisfied' WHEN r < 74 THEN 'basically' WHEN r < 80 THEN 'unsatisfied' END,
      received, CASE WHEN r < 80 THEN received + 5 END, ${city.admin.id},
      jsonb_build_object('receivedOn', received, 'channel', channel, 'kind', 'complaint', 'category', category, 'content', '市民反映' || category || '问题', 'urgency', urgency),
      CASE WHEN r < 80 THEN 5 WHEN r < 92 THEN 4 ELSE 3 END
    FROM gen ORDER BY n`.execute(k.db);
  await sql`SELECT setval(pg_get_serial_sequence('cases', 'id'), ${n}::int)`.execute(k.db);
  await sql`INSERT INTO case_sequences (org_id, type, year, last) VALUES (${city.government.id}, 'hotline', ${YEAR}, ${n}::int)`.execute(k.db);
  await sql`INSERT INTO case_events (case_id, type, org_id, kind, occurred_on, outcome, from_state, to_state, data, actor_id)
    SELECT n::int, 'hotline', CASE WHEN s.kind = 'receive' THEN ${city.government.id} ELSE unit END, s.kind, received + s.day, s.outcome, s.from_state, s.to_state, s.data, ${city.admin.id}
    FROM gen, LATERAL (VALUES
      ('receive', 0, NULL, NULL, 'registered', '{}'::jsonb),
      ('dispatch', 0, NULL, 'registered', 'dispatched', jsonb_build_object('unitId', unit)),
      ('sign', CASE WHEN r % 10 = 3 THEN 2 ELSE 0 END, NULL, 'dispatched', 'handling', '{}'::jsonb),
      ('complete', 3 + r % 5, NULL, 'handling', 'done', '{"result":"已办理"}'::jsonb),
      ('visit', 5, CASE WHEN r < 64 THEN 'satisfied' WHEN r < 74 THEN 'basically' ELSE 'unsatisfied' END, 'done', 'closed', jsonb_build_object('resolved', r < 66, 'satisfaction', CASE WHEN r < 64 THEN 'satisfied' WHEN r < 74 THEN 'basically' ELSE 'unsatisfied' END))
    ) AS s(kind, day, outcome, from_state, to_state, data)
    WHERE s.kind IN ('receive', 'dispatch', 'sign') OR (s.kind = 'complete' AND r < 92) OR (s.kind = 'visit' AND r < 80)
    ORDER BY n`.execute(k.db);
  await sql`INSERT INTO case_clocks (case_id, clock, type, org_id, length, unit, status, started_on, due_on, stopped_on, stopped_by)
    SELECT n::int, c.clock, 'hotline', unit, c.len, 'workday', c.status, c.started, c.due, c.stopped, c.stopped_by
    FROM gen, LATERAL (VALUES
      ('sign', 1, 'stopped', received, received + 1, received + CASE WHEN r % 10 = 3 THEN 2 ELSE 0 END, 'sign'),
      ('handling', CASE urgency WHEN 'urgent' THEN 1 WHEN 'complex' THEN 15 ELSE 5 END, CASE WHEN r < 92 THEN 'stopped' ELSE 'running' END, received,
        received + CASE urgency WHEN 'urgent' THEN 1 WHEN 'complex' THEN 21 ELSE 7 END, CASE WHEN r < 92 THEN received + 3 + r % 5 END, CASE WHEN r < 92 THEN 'complete' END),
      ('visit', 3, CASE WHEN r < 80 THEN 'stopped' WHEN r < 92 THEN 'running' ELSE 'pending' END, CASE WHEN r < 92 THEN received + 3 + r % 5 END,
        CASE WHEN r < 92 THEN received + 8 + r % 5 END, CASE WHEN r < 80 THEN received + 5 END, CASE WHEN r < 80 THEN 'visit' END)
    ) AS c(clock, len, status, started, due, stopped, stopped_by)`.execute(k.db);
  await sql`DROP TABLE gen`.execute(k.db);
  for (const i of indexes) {
    const t = performance.now();
    await k.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL maintenance_work_mem = '1GB'`.execute(trx);
      await sql.raw(i.def).execute(trx);
    });
    console.log(`index ${i.name}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  await sql`ANALYZE`.execute(k.db);
  const seconds = (performance.now() - t0) / 1000;
  await conn.close();
  return { city, seconds };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { seconds } = await generateCity(url, N);
  console.log(`generated ${N} orders in ${seconds.toFixed(0)} s`);
}
