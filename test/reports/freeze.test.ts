import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase } from '../helpers.ts';
import { migrate } from '../../src/kernel/db/connect.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { createRegistry } from '../../src/institutions/index.ts';
import { loadDemo } from '../../src/demo/district.ts';
import { figureRecords, indicatorRecords } from '../../src/kernel/indicators/compute.ts';

// A report freezes the records behind its figures in one query per case type and table
// (figureRecords); the drill-down lists them one figure at a time (indicatorRecords). On the
// same data both must give the same records, in the same order, with the same numerator marks.
eachDatabase('frozen figures', (tdb) => {
  test('figureRecords gives every indicator the records indicatorRecords lists, for the district, departments and a 街道', async () => {
    const conn = await tdb.open();
    await migrate(conn.db);
    // Four months of the demo district: every institution has cases, 12345 orders move between units.
    const k = await Kernel.open(conn, createRegistry(), { today: () => '2024-04-30' });
    await loadDemo(k);
    const refs = k.types.all().flatMap((t) => t.indicators.map((d) => `${t.key}.${d.key}`));
    const orgs = await k.db.selectFrom('orgs').select(['id', 'short_name']).where('short_name', 'in', ['青溪区', '区司法局', '区市场监管局', '城关街道']).execute();
    assert.equal(orgs.length, 4);
    let records = 0;
    let marked = 0;
    for (const org of orgs) {
      // The district also over part of the period, cutting cases whose first counted event falls before it.
      for (const [from, to] of org.short_name === '青溪区' ? [['2024-01-01', '2024-12-31'], ['2024-02-01', '2024-03-15']] : [['2024-01-01', '2024-12-31']]) {
        const scope = { orgId: org.id, from, to };
        const frozen = await figureRecords(k, refs, scope);
        assert.equal(frozen.size, refs.length);
        for (const ref of refs) {
          const one = await indicatorRecords(k, ref, scope, { limit: 1_000_000, offset: 0 });
          const expected = one.items.map((r) => ({ number: r.number, ...(r.inNumerator !== undefined ? { inNumerator: r.inNumerator } : {}) }));
          assert.deepEqual(frozen.get(ref), expected, `${org.short_name} ${from}–${to} ${ref}`);
          records += expected.length;
          marked += expected.filter((r) => r.inNumerator === true).length;
        }
      }
    }
    // The comparison is only worth something over real records and rates with both marks.
    assert.ok(records > 1000, `${records} records compared`);
    assert.ok(marked > 100 && marked < records, `${marked} marked in a numerator`);
    await conn.close();
  });
});
