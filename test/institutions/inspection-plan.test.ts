import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase } from '../../src/kernel/cases/engine.ts';
import { publishRegister } from '../../src/kernel/registers.ts';
import { registerKinds } from '../../src/institutions/registers/index.ts';

/** 国办发〔2024〕54号 (review 11.4): a case naming its 年度检查计划 item is held to the cap the plan published. */
eachDatabase('涉企行政检查: the year’s inspection plan', (tdb) => {
  let w: World;
  const record = { officer1: 'JC2025001', officer2: 'JC2025002', certificatesShown: true, told: true, findings: '查看台账' };
  const inspection = (receivedOn: string, creditCode: string, extra: Record<string, unknown> = {}) =>
    createCase(w.k, w.clerk, {
      type: 'enterprise_inspection',
      orgId: w.justice,
      fields: { receivedOn, kind: 'routine', item: '法律服务机构执业检查', target: '某律师事务所', creditCode, mode: 'onsite', ...extra },
    });
  const inspect = async (on: string, creditCode: string, extra: Record<string, unknown>) => {
    const id = await inspection(on, creditCode, extra);
    await performAction(w.k, w.clerk, id, 'approve', { on, data: { approver: '局长' } });
    await performAction(w.k, w.clerk, id, 'record', { on, data: record });
    return id;
  };

  before(async () => {
    w = await makeWorld(tdb, '2026-03-31');
    for (const certNo of ['JC2025001', 'JC2025002']) {
      await createCase(w.k, null, { type: 'enforcement_certificate', orgId: w.justice, fields: { receivedOn: '2025-01-10', holder: `执法员${certNo.slice(-2)}`, certNo, field: '司法行政' } });
    }
    // Published by the government above the 司法局, numbers as a spreadsheet gives them (text).
    await publishRegister(w.k.db, w.admin, {
      orgId: w.district,
      kind: registerKinds.find((k) => k.key === 'inspection_plans')!,
      items: [{ code: 'JH2025-01', name: '法律服务机构执业检查', year: '2025', scope: '本区律师事务所、基层法律服务所', annualCap: '1' }],
      note: '2025年度检查计划',
      on: '2025-01-15',
    });
  });
  after(async () => w.conn.close());

  test('the plan’s cap wins over a typed one; an item outside the plan or its year is refused', async () => {
    const A = '91360000MA0000101X';
    await inspect('2025-03-03', A, { planItem: 'JH2025-01', annualCap: 5 });
    const second = await inspection('2025-04-01', A, { planItem: 'JH2025-01', annualCap: 5 });
    await performAction(w.k, w.clerk, second, 'approve', { on: '2025-04-01', data: { approver: '局长' } });
    await rejects(performAction(w.k, w.clerk, second, 'record', { on: '2025-04-01', data: record }), 409, /年度检查频次上限1次/);
    assert.equal((await getCase(w.k, w.clerk, second)).state, 'approved');

    // Without the plan item the typed cap still applies, as before the register existed.
    await inspect('2025-04-02', A, { annualCap: 5 });

    const B = '91360000MA0000102X';
    await rejects(inspect('2025-05-06', B, { planItem: 'JH2025-99' }), 409, /不在本单位或上级公布的年度涉企行政检查计划中/);
    await rejects(inspect('2026-01-06', B, { planItem: 'JH2025-01' }), 409, /属于2025年度计划，不在2026年度/);
  });
});
