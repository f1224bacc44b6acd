import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { createOrg } from '../../src/kernel/orgs.ts';

// A district has fewer orgs than autovacuum's threshold, so without this the planner never knows
// how many orgs a scope holds (it guessed 2 of 48, and sorted a district's cases for one page).
eachDatabase('the org tree always has planner statistics', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb);
  });
  after(async () => w.conn.close());

  const planned = async () => Number((await sql<{ n: number }>`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'orgs'`.execute(w.k.db)).rows[0].n);

  test('after the orgs are created, and again after one more', async () => {
    assert.equal(await planned(), 4);
    await createOrg(w.k.db, { parentId: w.district, name: '测试区市场监督管理局', shortName: '区市场监管局', kind: 'department' });
    assert.equal(await planned(), 5);
  });
});
