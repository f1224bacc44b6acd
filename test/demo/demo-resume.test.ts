import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDatabase } from '../helpers.ts';
import { migrate } from '../../src/kernel/db/connect.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { createRegistry } from '../../src/institutions/index.ts';
import { DEMO_ROOT, interruptedDemo, loadDemo } from '../../src/demo/district.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { verifyChain } from '../../src/kernel/audit/audit.ts';

eachDatabase('an interrupted demo load', (tdb) => {
  test('is detected by its marker and loaded again from scratch; with other data present it is refused', async () => {
    const conn = await tdb.open();
    await migrate(conn.db);
    const k = await Kernel.open(conn, createRegistry(), { today: () => '2024-02-20' });
    // Interrupted halfway through its cases (a crash, a closed laptop).
    await assert.rejects(
      loadDemo(k, {
        onProgress: (done, total) => {
          if (done === Math.floor(total / 2)) throw new Error('断电');
        },
      }),
      /断电/,
    );
    assert.deepEqual(await interruptedDemo(k), { databaseWasEmpty: true });
    const r = await loadDemo(k);
    assert.equal(r.created, true);
    assert.equal(await interruptedDemo(k), undefined, 'the marker is cleared last');
    const roots = await k.db.selectFrom('orgs').select('id').where('name', '=', DEMO_ROOT).execute();
    assert.equal(roots.length, 1, 'nothing of the first attempt is left');
    const cases = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM cases`.execute(k.db)).rows[0].n);
    assert.ok(cases >= r.cases, 'every planned case (and the cases they opened) is there');
    assert.equal((await verifyChain(k.db)).ok, true);
    assert.equal((await loadDemo(k)).created, false, 'a complete demo is kept');

    // A database with real data is never emptied: the admin restores from a backup instead.
    await sql`INSERT INTO demo_loads (as_of, database_was_empty) VALUES ('2024-02-20', false)`.execute(k.db);
    await createOrg(k.db, { parentId: null, name: '另一区人民政府', shortName: '另一区', kind: 'government' });
    await assert.rejects(loadDemo(k), /无法自动重做/);
    assert.equal((await k.db.selectFrom('orgs').select('id').where('name', '=', '另一区人民政府').execute()).length, 1);
    await conn.close();
  });
});
