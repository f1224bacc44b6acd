import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, reconsiderationIntake, disclosureIntake, type World } from '../helpers.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { computeIndicators, indicatorRecords, percent } from '../../src/kernel/indicators/compute.ts';

test('rates are rounded to one decimal the way reports state them', () => {
  assert.equal(percent(271, 297), 91.2);
  assert.equal(percent(0, 0), null);
  assert.equal(percent(49, 49), 100);
});

/**
 * Hand-computed fixture: in 2024 the 司法局 receives 6 applications: 1 rejected, 5 accepted;
 * of those, 2 upheld, 1 revoked, 1 withdrawn (concluded), 1 still open at year end.
 * 纠错率 = 1 / 4 = 25.0%; 调撤率 = 1 / 4 = 25.0%.
 * The 教体局 receives 3 disclosure requests: 2 answered on time, 1 answered late → 按期答复率 66.7%.
 */
eachDatabase('indicators', (tdb) => {
  let w: World;
  const year = { orgId: 0, from: '2024-01-01', to: '2024-12-31' };
  before(async () => {
    w = await makeWorld(tdb, '2025-03-31');
    year.orgId = w.district;
    const rc = (on: string) => createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake(on) });
    const act = (id: number, a: string, on: string, data: Record<string, unknown> = {}) => performAction(w.k, w.clerk, id, a, { on, data });
    const r1 = await rc('2024-02-01');
    await act(r1, 'reject', '2024-02-05', { ground: 'late', reason: '超过申请期限' });
    for (const [on, end, data] of [
      ['2024-03-01', 'decide', { outcome: 'upheld', approval: 'head', summary: '维持' }],
      ['2024-04-01', 'decide', { outcome: 'upheld', approval: 'head', summary: '维持' }],
      ['2024-05-06', 'decide', { outcome: 'revoked', approval: 'collective', summary: '撤销' }],
      ['2024-06-03', 'terminate', { ground: 'withdrawn' }],
    ] as const) {
      const id = await rc(on);
      await act(id, 'accept', on);
      if (end === 'decide') await act(id, 'hear_views', on, { method: 'phone', record: '听取双方意见' });
      await act(id, end, on.replace(/-0(\d)-/, (_, m) => `-0${Number(m) + 1}-`), data);
    }
    const open = await rc('2024-12-20');
    await act(open, 'accept', '2024-12-23');
    const dc = (on: string) => createCase(w.k, w.eduClerk, { type: 'disclosure', orgId: w.education, fields: disclosureIntake(on) });
    for (const [on, answered] of [['2024-03-04', '2024-03-20'], ['2024-03-05', '2024-03-21'], ['2024-03-06', '2024-05-06']]) {
      const id = await dc(on);
      await performAction(w.k, w.eduClerk, id, 'answer', { on: answered, data: { outcome: 'disclosed', method: 'electronic' } });
    }
  });
  after(async () => w.conn.close());

  test('counts and rates for the district in 2024 match the hand-computed fixture', async () => {
    const vals = Object.fromEntries((await computeIndicators(w.k, year)).map((v) => [v.key, v]));
    assert.equal(vals['reconsideration.received'].value, 6);
    assert.equal(vals['reconsideration.accepted'].value, 5);
    assert.equal(vals['reconsideration.not_accepted'].value, 1);
    assert.equal(vals['reconsideration.concluded'].value, 4);
    assert.equal(vals['reconsideration.corrected'].value, 1);
    assert.equal(vals['reconsideration.correction_rate'].value, 25);
    assert.equal(vals['reconsideration.settlement_rate'].value, 25);
    assert.equal(vals['reconsideration.on_time_rate'].value, 100);
    assert.equal(vals['disclosure.received'].value, 3);
    assert.equal(vals['disclosure.answered'].value, 3);
    assert.equal(vals['disclosure.on_time'].value, 2);
    assert.equal(vals['disclosure.on_time_rate'].value, 66.7);
    assert.equal(vals['disclosure.on_time_rate'].denominator, 3);
  });

  test('an org subtree and a period narrow the figures', async () => {
    const edu = await computeIndicators(w.k, { ...year, orgId: w.education }, ['行政复议.收到申请', 'disclosure.received']);
    assert.deepEqual(edu.map((v) => v.value), [0, 3]);
    const h1 = await computeIndicators(w.k, { orgId: w.district, from: '2024-01-01', to: '2024-03-31' }, ['reconsideration.received']);
    assert.equal(h1[0].value, 2);
  });

  test('drill-down lists exactly the records a figure counts', async () => {
    const rec = await indicatorRecords(w.k, 'reconsideration.accepted', year);
    assert.equal(rec.total, 5);
    assert.deepEqual(rec.items.map((i) => i.on), ['2024-03-01', '2024-04-01', '2024-05-06', '2024-06-03', '2024-12-23']);
    const rate = await indicatorRecords(w.k, '依申请公开.按期答复率', year);
    assert.equal(rate.total, 3);
    assert.deepEqual(rate.items.map((i) => i.inNumerator), [true, true, false]);
    const corr = await indicatorRecords(w.k, 'reconsideration.correction_rate', year);
    assert.equal(corr.items.filter((i) => i.inNumerator).length, 1);
    assert.equal(corr.items.find((i) => i.inNumerator)!.outcomeLabel, '撤销');
  });
});
