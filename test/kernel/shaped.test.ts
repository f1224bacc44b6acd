import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompiledQuery } from 'kysely';
import { eachDatabase } from '../helpers.ts';
import { migrate, type Connection, type Database } from '../../src/kernel/db/connect.ts';
import { builtByShape } from '../../src/kernel/db/shaped.ts';
import { chainHeadOf, chainLockColumns } from '../../src/kernel/audit/audit.ts';

// A statement built once per shape must send exactly what the query builder would have built for
// the same values: the same SQL text and the same parameters, whatever the values and the shape.
eachDatabase('statements built once per shape', (tdb) => {
  let conn: Connection;
  let sent: CompiledQuery[];
  let db: Database;
  before(async () => {
    conn = await tdb.open();
    await migrate(conn.db);
    // Records what is sent instead of running it (the builder's methods still run on the real instance).
    const real = conn.db;
    db = new Proxy(real, {
      get: (t, p) => (p === 'executeQuery' ? async (q: CompiledQuery) => (sent.push(q), { rows: [] }) : typeof (t as any)[p] === 'function' ? (t as any)[p].bind(t) : (t as any)[p]),
    });
  });
  after(() => conn.close());

  const clock = (n: number, over: Record<string, unknown> = {}) => ({
    case_id: n,
    clock: `c${n}`,
    type: 'reconsideration',
    length: n,
    unit: 'workday',
    status: 'running',
    started_on: '2025-06-16',
    due_on: n % 2 ? null : '2025-07-01',
    stopped_on: null,
    stopped_by: null,
    extended: 0,
    paused_days: n,
    warnings: JSON.stringify([{ on: '2025-06-20' }]),
    org_id: 7,
    ...over,
  });
  const build = (d: Database, v: { event: Record<string, any>; clocks: Record<string, any>[]; chain: number | undefined }, variant: string) =>
    d
      .with('e', (d) => d.insertInto('case_events').values(v.event as any))
      .with('k', (d) => (v.clocks.length ? d.insertInto('case_clocks').values(v.clocks as any).onConflict((oc) => oc.columns(['case_id', 'clock']).doUpdateSet((eb) => ({ status: eb.ref('excluded.status') }))) : d.selectNoFrom((eb) => eb.lit(1).as('x'))) as any)
      .selectNoFrom((eb) => (variant === 'lock' ? [chainHeadOf(eb as unknown as Database, v.chain!).as('head')] : [eb.lit(null).as('head')]));

  test('the same SQL and parameters as the builder, over shapes and values', async () => {
    const shaped = builtByShape('test_write', build);
    const event = (n: number, over: Record<string, unknown> = {}) => ({ case_id: n, type: 'reconsideration', org_id: 7, kind: 'accept', occurred_on: '2025-06-16', outcome: n % 2 ? null : 'ok', from_state: 'received', to_state: 'accepted', data: JSON.stringify({ n, text: '受理' }), actor_id: n, ...over });
    const runs: [{ event: Record<string, any>; clocks: Record<string, any>[]; chain: number | undefined }, string][] = [
      [{ event: event(1), clocks: [clock(1), clock(2)], chain: 3 }, 'lock'],
      [{ event: event(2), clocks: [clock(3), clock(4)], chain: 5 }, 'lock'], // same shape, other values
      [{ event: event(3), clocks: [clock(5), clock(6)], chain: undefined }, ''], // another variant
      [{ event: event(4), clocks: [clock(7)], chain: 9 }, 'lock'], // one row fewer
      [{ event: event(5), clocks: [], chain: 9 }, 'lock'], // none
      [{ event: event(6, { outcome: undefined }), clocks: [clock(8, { length: undefined }), clock(9)], chain: 2 }, 'lock'], // columns left out
      [{ event: event(7), clocks: [clock(10, { warnings: null, stopped_on: '2025-06-30' }), clock(11)], chain: 0 }, 'lock'],
      [{ event: event(1), clocks: [clock(1), clock(2)], chain: 3 }, 'lock'], // the first again, from the cache
    ];
    for (const [values, variant] of runs) {
      sent = [];
      await shaped(db, values, variant);
      const want = build(conn.db, values, variant).compile();
      assert.equal(sent.length, 1);
      assert.equal(sent[0].sql, want.sql);
      assert.deepEqual(sent[0].parameters, want.parameters);
    }
  });

  test('an update with a Date, nulls and the chain lock columns', async () => {
    const update = (d: Database, v: { set: Record<string, unknown>; id: number; version: number }, variant: string) =>
      d
        .with('u', (d) => d.updateTable('cases').set(v.set as any).where('id', '=', v.id).where('version', '=', v.version).returning('version'))
        .selectFrom('u')
        .select('u.version')
        .$if(variant === 'lock', (q) => q.select(chainLockColumns()));
    const shaped = builtByShape('test_update', update);
    for (const [n, variant] of [[1, 'lock'], [2, 'lock'], [3, ''], [4, 'lock']] as const) {
      const values = { set: { state: 'accepted', outcome: n % 2 ? null : 'x', closed_on: n === 4 ? '2025-06-16' : null, version: n + 1, updated_at: new Date(Date.UTC(2025, 5, n)) }, id: n, version: n };
      sent = [];
      await shaped(db, values, variant);
      const want = update(conn.db, values, variant).compile();
      assert.equal(sent[0].sql, want.sql);
      assert.deepEqual(sent[0].parameters, want.parameters);
    }
  });

  test('a builder that reads a value instead of placing it is refused', async () => {
    const shaped = builtByShape('test_bad', (d, v: { id: number; n: number }) => d.selectFrom('cases').select('id').where('id', '=', v.id).limit(Number(v.n) || 1));
    await assert.rejects(shaped(db, { id: 1, n: 5 }), /value 1 is not a parameter/);
  });
});
