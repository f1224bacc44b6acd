import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeWorld, databases, type World } from '../helpers.ts';
import { performAction } from '../../src/kernel/cases/engine.ts';
import { AppError } from '../../src/kernel/errors.ts';
import { createOrg } from '../../src/kernel/orgs.ts';

/**
 * Every case type, every state, every step that the definition does not allow from that state:
 * refused with 409 (or 403 for the system's own steps), and nothing is written. The case is put
 * into each state directly, so the guard itself is what is tested.
 */
let w: World;
before(async () => {
  w = await makeWorld(databases()[0], '2025-06-30');
});
after(async () => w.conn.close());

test('every disallowed transition of every institution is refused and changes nothing', async () => {
  const committee = (await createOrg(w.k.db, { parentId: w.justice, name: '转换测试调委会', shortName: '转换调委会', kind: 'committee' })).id;
  let checked = 0;
  for (const def of w.k.types.all()) {
    const org = def.key === 'mediation' || def.key === 'dispute_screening' ? committee : w.justice;
    const c = await w.k.db
      .insertInto('cases')
      .values({ type: def.key, org_id: org, number: `T-${def.key}`, year: 2025, seq: 1, title: '转换测试', state: def.initial, received_on: '2025-06-02', fields: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const state of Object.keys(def.states)) {
      await w.k.db.updateTable('cases').set({ state }).where('id', '=', c.id).execute();
      for (const action of def.actions.filter((a) => !a.from.includes(state))) {
        const events = await w.k.db.selectFrom('case_events').select('id').where('case_id', '=', c.id).execute();
        await assert.rejects(
          performAction(w.k, w.admin, c.id, action.key, { on: '2025-06-30', data: {} }),
          (e: unknown) => e instanceof AppError && (e.status === 409 || (action.system === true && e.status === 403)),
          `${def.key}: ${action.key} from ${state}`,
        );
        assert.equal((await w.k.db.selectFrom('case_events').select('id').where('case_id', '=', c.id).execute()).length, events.length);
        checked++;
      }
    }
  }
  assert.ok(checked > 150, `checked ${checked} transitions`);
});
