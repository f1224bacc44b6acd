import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/kernel/calendar/calendar.ts';
import { evaluateClock } from '../../src/kernel/cases/clocks.ts';
import { reconsideration } from '../../src/institutions/reconsideration/index.ts';
import { disclosure } from '../../src/institutions/disclosure/index.ts';

const cal = new WorkCalendar();
const clock = (def: { clocks: any[] }, key: string) => def.clocks.find((c) => c.key === key)!;
const ev = (kind: string, on: string, data: Record<string, any> = {}) => ({ kind, on, data });

test('复议 acceptance review: 5 working days, restarted by corrected materials', () => {
  const def = clock(reconsideration, 'acceptance');
  const first = evaluateClock(cal, def, [ev('receive', '2025-09-26')]);
  assert.equal(first.status, 'running');
  assert.equal(first.dueOn, '2025-10-10');
  const corrected = evaluateClock(cal, def, [ev('receive', '2025-09-26'), ev('request_correction', '2025-09-29'), ev('receive_correction', '2025-10-13')]);
  assert.equal(corrected.startedOn, '2025-10-13');
  assert.equal(corrected.dueOn, '2025-10-20');
});

test('复议 decision: 60 days, paused by 中止, extended by approval', () => {
  const def = clock(reconsideration, 'decision');
  const base = [ev('receive', '2025-03-01'), ev('accept', '2025-03-05')];
  assert.equal(evaluateClock(cal, def, base).dueOn, '2025-05-06'); // 03-05+60 = 05-04 (Sun, 劳动节调休? no: 05-04 holiday) → 05-06
  const paused = evaluateClock(cal, def, [...base, ev('suspend', '2025-03-10')]);
  assert.equal(paused.status, 'paused');
  assert.equal(paused.dueOn, null);
  const resumed = evaluateClock(cal, def, [...base, ev('suspend', '2025-03-10'), ev('resume', '2025-03-20')]);
  assert.equal(resumed.pausedDays, 10);
  assert.equal(resumed.dueOn, '2025-05-14'); // 60 counted days + 10 paused = 03-05 + 70 = 05-14 (Wed)
  const extended = evaluateClock(cal, def, [...base, ev('approve_extension', '2025-04-20', { days: 30 })]);
  assert.equal(extended.extended, 30);
  assert.equal(extended.dueOn, '2025-06-03'); // 03-05 + 90 = 06-03 (Tue)
  const done = evaluateClock(cal, def, [...base, ev('decide', '2025-04-30')]);
  assert.equal(done.status, 'stopped');
  assert.equal(done.stoppedBy, 'decide');
});

test('依申请公开 answer clock: paused by third-party consultation, restarted by 补正', () => {
  const def = clock(disclosure, 'answer');
  const plain = evaluateClock(cal, def, [ev('receive', '2025-09-15')]);
  // working days after 09-15: 16..19 (4), 22..26 (9), 28 调休 (10), 29, 30 (12), 10-09, 10 (14), 11 调休 (15), 13..17 (20)
  assert.equal(plain.dueOn, '2025-10-17');
  const consulted = evaluateClock(cal, def, [ev('receive', '2025-09-15'), ev('consult', '2025-09-19'), ev('consult_reply', '2025-09-26')]);
  assert.equal(consulted.pausedDays, 5);
  assert.equal(consulted.dueOn, '2025-10-24');
  const correction = evaluateClock(cal, def, [ev('receive', '2025-09-15'), ev('request_correction', '2025-09-16')]);
  assert.equal(correction.status, 'paused');
  const restarted = evaluateClock(cal, def, [ev('receive', '2025-09-15'), ev('request_correction', '2025-09-16'), ev('receive_correction', '2025-11-03')]);
  assert.equal(restarted.startedOn, '2025-11-03');
  assert.equal(restarted.dueOn, '2025-12-01');
  const ext = evaluateClock(cal, def, [ev('receive', '2025-09-15'), ev('extend', '2025-10-10', { days: 20 })]);
  assert.equal(ext.dueOn, '2025-11-14');
});

test('a clock never started is pending', () => {
  const s = evaluateClock(cal, clock(reconsideration, 'decision'), [ev('receive', '2025-03-01')]);
  assert.equal(s.status, 'pending');
  assert.equal(s.dueOn, null);
});

test('a period fixed by the starting step (lengthFrom): each restart takes its own figure, from service', async () => {
  const { enforcementOversight } = await import('../../src/institutions/enforcement-oversight/index.ts');
  const def = clock(enforcementOversight, 'rectification');
  const issued = [ev('receive', '2025-03-03'), ev('issue', '2025-03-10', { days: 30, servedOn: '2025-03-11' })];
  const first = evaluateClock(cal, def, issued);
  assert.equal(first.length, 30);
  assert.equal(first.startedOn, '2025-03-11');
  assert.equal(first.dueOn, '2025-04-10');
  const again = evaluateClock(cal, def, [...issued, ev('report_rectification', '2025-04-01'), ev('reject_rectification', '2025-04-08', { days: 10, servedOn: '2025-04-08' })]);
  assert.equal(again.length, 10);
  assert.equal(again.dueOn, '2025-04-18');
  assert.equal(evaluateClock(cal, def, [ev('receive', '2025-03-03')]).status, 'pending');
});

test('hour clocks (review 8.2/8.3): natural hours from the minute of the start step, kept by the minute; day clocks carry no instants', async () => {
  const { hotline } = await import('../../src/institutions/hotline/index.ts');
  const { keptTime, pastDue } = await import('../../src/kernel/cases/clocks.ts');
  const { defineCaseType } = await import('../../src/kernel/cases/define.ts');
  const urgent = { urgency: 'urgent' };
  const sign = clock(hotline, 'sign');
  // Dispatched on a Saturday evening: 2 hours later, across midnight, no working-day skipping.
  const running = evaluateClock(cal, sign, [ev('receive', '2025-09-27'), ev('dispatch', '2025-09-27', { unitId: 1, at: '23:10' })], urgent);
  assert.deepEqual([running.status, running.startedAt, running.dueAt, running.dueOn], ['running', '2025-09-27 23:10', '2025-09-28 01:10', '2025-09-28']);
  assert.equal(pastDue(running, '2025-09-28 01:10'), false, 'due at 01:10: not yet past');
  assert.equal(pastDue(running, '2025-09-28 01:11'), true);
  const signedAt = (at?: string) => evaluateClock(cal, sign, [ev('receive', '2025-09-27'), ev('dispatch', '2025-09-27', { unitId: 1, at: '23:10' }), ev('sign', '2025-09-28', at ? { at } : {})], urgent);
  assert.equal(keptTime(signedAt('01:10')), true);
  assert.equal(keptTime(signedAt('01:11')), false, 'one minute late is late, though on the due date');
  assert.equal(signedAt().stoppedAt, null);
  assert.equal(keptTime(signedAt()), true, 'a stop without its time is judged by the date');
  // Without the start's time: counted from the start of the day, only the due date is known.
  const untimed = evaluateClock(cal, clock(hotline, 'handling'), [ev('receive', '2025-09-27'), ev('dispatch', '2025-09-27', { unitId: 1 })], urgent);
  assert.deepEqual([untimed.dueAt, untimed.dueOn], [null, '2025-09-28']);
  assert.equal(pastDue(untimed, '2025-09-28 23:59'), false, 'judged by the date');
  // The same clock for a 一般 order is 1 working day, as before: no instants.
  const normal = evaluateClock(cal, sign, [ev('receive', '2025-09-26'), ev('dispatch', '2025-09-26', { unitId: 1, at: '09:00' })], { urgency: 'normal' });
  assert.deepEqual([normal.dueOn, normal.dueAt, normal.startedAt], ['2025-09-28', null, null], '09-26 Fri + 1 工作日 = the 调休 Sunday');
  // An extension adds data.hours, or whole days of 24 hours.
  const def = { key: 'h', label: '时限', basis: '本地规定', length: 2, unit: 'hour' as const, startOn: ['a'], stopOn: ['b'], extendOn: ['x'] };
  const ext = evaluateClock(cal, def, [ev('a', '2025-01-01', { at: '08:00' }), ev('x', '2025-01-01', { hours: 3 }), ev('x', '2025-01-01', { days: 1 })]);
  assert.deepEqual([ext.extended, ext.dueAt], [27, '2025-01-02 13:00'], '08:00 + 2 + 3 + 24 hours');
  // A pause cannot be expressed in hours: refused when the type is defined.
  assert.throws(() => defineCaseType({ ...hotline, key: 'x', clocks: [{ ...def, pauseOn: ['p'], resumeOn: ['q'] }] }), /takes no pauses/);
});
