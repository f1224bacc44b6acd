/**
 * Recall and false-alarm rate of the consistency checks, per kind, on the test set in
 * test/fixtures/analysis (generated with a fixed seed, plus hand-written cases).
 *
 *   npm run bench:checks            (add --misses to print what was missed or wrongly flagged)
 */
import { evaluate } from '../test/fixtures/analysis/evaluate.ts';
import { analyze } from '../src/analysis/analyze.ts';
import { crossYearFindings } from '../src/analysis/years.ts';

/** The findings on the last report, with year-on-year checked against the earlier ones. */
const check = (texts: string[]) => {
  const reports = texts.map((t, i) => analyze(`report-${i}.txt`, t));
  const last = reports[reports.length - 1];
  return [...last.inconsistencies, ...(crossYearFindings(reports).get(last.file) ?? [])];
};
const { perKind, all, misses, alarms } = evaluate(check);
console.log('kind        planted  found  recall%  consistent  flagged  false%  high-false');
for (const s of [...perKind, all]) {
  console.log(`${s.kind.padEnd(12)}${String(s.planted).padStart(7)}${String(s.found).padStart(7)}${String(s.recall).padStart(9)}${String(s.consistent).padStart(12)}${String(s.flagged).padStart(9)}${String(s.falseAlarmRate).padStart(8)}${String(s.highFalse).padStart(12)}`);
}
if (process.argv.includes('--misses')) {
  for (const m of misses) console.log('MISS', m.id, m.texts.join(' | ').replace(/\n/g, ' '));
  for (const a of alarms) console.log('FALSE', a.c.id, a.c.texts.join(' | ').replace(/\n/g, ' '), JSON.stringify(a.findings.map((f: any) => f.message)));
}
