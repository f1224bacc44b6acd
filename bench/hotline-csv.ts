/**
 * Writes a city's 12345 year as the CSV a hotline system exports, for `fazhi import`:
 *   node --import tsx bench/hotline-csv.ts OUT.csv N
 * Units are named 承办1…承办320 (bench/city.ts makes them).
 */
import fs from 'node:fs';
import { csvLine, HEADER, hotlineRow } from './city.ts';

const [out = 'hotline.csv', n = '100000'] = process.argv.slice(2);
const units = Array.from({ length: 320 }, (_, i) => `承办${i + 1}`);
const file = fs.createWriteStream(out);
file.write(HEADER.join(',') + '\n');
for (let i = 1; i <= Number(n); i++) {
  if (!file.write(csvLine(hotlineRow(i, 2025, units, '2025-12-31')))) await new Promise<void>((r) => file.once('drain', () => r()));
}
file.end();
