/**
 * Report-analysis throughput: MB of text per second through ingest + normalise + structure +
 * figures + consistency + quality, on a corpus shaped like a year of published reports
 * (thousands of files of 5–10 KB), and on single large files.
 *
 *   npm run bench:analysis
 */
import fs from 'node:fs';
import { analyzeFile } from '../src/analysis/files.ts';

const seedsDir = new URL('../test/fixtures/seeds/', import.meta.url);
const seeds = fs.readdirSync(seedsDir).map((f) => new Uint8Array(fs.readFileSync(new URL(f, seedsDir))));
const html = new Uint8Array(fs.readFileSync(new URL('../test/fixtures/reports/004-page.html', import.meta.url)));

async function corpus(label: string, files: Uint8Array[], names: string[]) {
  const bytes = files.reduce((n, f) => n + f.length, 0);
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let figures = 0;
  for (let i = 0; i < files.length; i++) {
    const r = await analyzeFile(names[i], files[i]);
    if (!('error' in r)) figures += r.figures.length;
  }
  const s = (performance.now() - start) / 1000;
  // CPU seconds of this process: on a shared machine wall time measures the neighbours too.
  const cpu = process.cpuUsage(cpu0);
  const c = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ corpus: label, files: files.length, MB: +(bytes / 1e6).toFixed(1), seconds: +s.toFixed(2), MBps: +(bytes / 1e6 / s).toFixed(1), cpuSeconds: +c.toFixed(2), MBperCpuSecond: +(bytes / 1e6 / c).toFixed(1), figures }));
}

// Warm-up: the 繁→简 tables and regexes.
for (const s of seeds) await analyzeFile('w.txt', s);

const N = Number(process.env.BENCH_FILES ?? 4000);
await corpus('text reports', Array.from({ length: N }, (_, i) => seeds[i % seeds.length]), Array.from({ length: N }, (_, i) => `r${i}.txt`));
await corpus('html pages', Array.from({ length: N / 4 }, () => html), Array.from({ length: N / 4 }, (_, i) => `p${i}.html`));
const one = new TextEncoder().encode(new TextDecoder().decode(seeds[1]).repeat(1000));
await corpus('one 10 MB file', [one], ['big.txt']);
