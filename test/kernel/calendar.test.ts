import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar, computeDue, workdaysBetween } from '../../src/kernel/calendar/calendar.ts';
import { addDays, isIsoDate } from '../../src/kernel/calendar/dates.ts';

const cal = new WorkCalendar();

test('5 working days from 2025-09-26 skip 国庆 and count the 调休 Sunday 09-28', () => {
  assert.equal(computeDue(cal, '2025-09-26', { length: 5, unit: 'workday' }).due, '2025-10-10');
  assert.equal(cal.isWorkday('2025-09-28'), true, '调休 Sunday is a working day');
  assert.equal(cal.isWorkday('2025-10-08'), false);
});

test('15 working days from 2025-09-26 end on 2025-10-23 (checked by hand)', () => {
  assert.equal(computeDue(cal, '2025-09-26', { length: 15, unit: 'workday' }).due, '2025-10-23');
});

test('春节 2026: 20 working days from 2026-02-06 cross Feb 15–23 and the 调休 Saturdays', () => {
  // Working days after 02-06: 09,10,11,12,13,14(调休 Sat)=6, then 24,25,26,27=10, 28(调休 Sat)=11,
  // 03-02..06=16, 09,10,11,12=20
  assert.equal(computeDue(cal, '2026-02-06', { length: 20, unit: 'workday' }).due, '2026-03-12');
});

test('a natural-day period ending on a holiday moves to the next working day', () => {
  // 2025-09-01 + 30 days = 2025-10-01, inside 国庆 (Oct 1–8) → 2025-10-09
  assert.equal(computeDue(cal, '2025-09-01', { length: 30, unit: 'day' }).due, '2025-10-09');
  assert.equal(computeDue(cal, '2025-09-01', { length: 30, unit: 'day', rollOverHoliday: false }).due, '2025-10-01');
  // ending on an ordinary Saturday rolls to Monday
  assert.equal(computeDue(cal, '2025-05-09', { length: 15, unit: 'day' }).due, '2025-05-26');
});

test('holidays inside a natural-day period are not deducted', () => {
  assert.equal(computeDue(cal, '2025-09-20', { length: 20, unit: 'day' }).due, '2025-10-10');
});

test('pauses exclude the days after the pause up to the resume', () => {
  const plain = computeDue(cal, '2025-03-03', { length: 20, unit: 'workday' }).due;
  const paused = computeDue(cal, '2025-03-03', { length: 20, unit: 'workday' }, [{ from: '2025-03-07', to: '2025-03-14' }]).due;
  assert.equal(workdaysBetween(cal, plain, paused), 5, 'one paused week = 5 working days later');
});

test('a year with no published schedule answers with a warning, not a silent guess', () => {
  const r = computeDue(cal, '2026-12-15', { length: 20, unit: 'workday' });
  assert.match(r.warnings.join(), /2027年节假日安排尚未录入/);
  assert.deepEqual(computeDue(cal, '2025-12-01', { length: 5, unit: 'workday' }).warnings, []);
});

test('admin overrides make a year published and move a day', () => {
  const c2 = new WorkCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-04', kind: 'holiday', name: '测试' }], [2027]);
  const r = computeDue(c2, '2026-12-31', { length: 1, unit: 'workday' });
  assert.equal(r.due, '2027-01-05');
  assert.equal(r.warnings.length, 0);
});

test('isIsoDate rejects impossible dates', () => {
  assert.equal(isIsoDate('2025-02-29'), false);
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2025-13-01'), false);
  assert.equal(isIsoDate('2025/01/01'), false);
});

test('working days between two dates equal a day-by-day walk, with holidays, 调休 and overrides', () => {
  const walk = (c: WorkCalendar, from: string, to: string) => {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (c.isWorkday(d)) n++;
    return n;
  };
  // An override that makes a weekday off, one that makes a Saturday on, and one that cancels a 调休 day.
  const c2 = new WorkCalendar([{ date: '2025-06-18', kind: 'holiday', name: '测试' }, { date: '2025-06-21', kind: 'workday', name: '补班' }, { date: '2025-09-28', kind: 'holiday', name: '取消调休' }]);
  let checked = 0;
  for (const c of [cal, c2]) {
    for (let from = '2024-12-20'; from <= '2026-01-10'; from = addDays(from, 11)) {
      for (const span of [0, 1, 2, 5, 6, 7, 8, 13, 30, 45, 200, 400]) {
        const to = addDays(from, span);
        assert.equal(workdaysBetween(c, from, to), walk(c, from, to), `${from}…${to}`);
        assert.equal(workdaysBetween(c, to, from), span ? -walk(c, from, to) : 0);
        checked++;
      }
    }
  }
  assert.ok(checked > 800);
  assert.equal(workdaysBetween(c2, '2025-06-17', '2025-06-23'), 4, 'the 18th off, the 21st on: 19, 20, 21, 23');
});
