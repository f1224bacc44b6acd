/**
 * Reads at a fixed rate against a running server on 127.0.0.1: the case list, a case page and
 * the home page (its five requests: 即将到期, the headline figures, 待办, 预警 and messages), each at RATE
 * requests/s for SECONDS, reporting p50/p99 and the rate achieved; then the most requests/s
 * the server answers with 20 clients in flight, with WORKERS=1 and WORKERS=2.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_g1m npm run bench:reads
 *
 * The database must hold data already (bench/city-sql.ts, or a loaded demo) and an admin
 * account (USERNAME/PASSWORD, default admin / Bench@12345; the demo's is admin / Fazhi@2024).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import { connect } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { escalateOverdue } from '../src/workbench/warnings.ts';
import { cpuLine, cpuMeter, processTree } from './cpu.ts';

// The headline figures exactly as the console's home page asks for them (read from its source, so the two never drift apart).
const HEADLINE = [.../const HEADLINE = \[([^\]]*)\]/.exec(fs.readFileSync('web/src/pages/Dashboard.tsx', 'utf8'))![1].matchAll(/'([^']+)'/g)].map((m) => m[1]);

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_g1m';
const RATE = Number(process.env.RATE ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 10);
const USERNAME = process.env.USERNAME ?? 'admin';
const PASSWORD = process.env.PASSWORD ?? 'Bench@12345';
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(path: string, opts: { method?: string; body?: string; cookie?: string; fresh?: boolean } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, path, method: opts.method ?? 'GET', agent: opts.fresh ? false : agent, headers: { ...(opts.body ? { 'content-type': 'application/json' } : {}), ...(opts.cookie ? { cookie: opts.cookie } : {}) } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

// One session stands for a whole office here, so the per-session ceiling (2,000 a minute) is lifted.
async function startServer(workers: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/fazhi.js', 'serve'], { env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HOST: '127.0.0.1', WORKERS: String(workers), API_RATE_LIMIT: '10000000' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('已启动') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  // Workers listen a moment after the primary prints.
  // Up to a minute: on a loaded machine forked workers take a while to listen.
  for (let i = 0; i < 600; i++) {
    try {
      if ((await request('/api/auth/me')).status) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return child;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * Fires `make()` RATE times a second for SECONDS, measuring each from its scheduled start, and
 * the CPU the server and the database spent per request (`perCall` requests in one `make()`).
 */
async function fixedRate(name: string, make: () => Promise<unknown>, meter: () => Promise<() => Promise<{ app: number; db: number }>>, perCall = 1) {
  const used = await meter();
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const total = RATE * SECONDS;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      make().then(
        () => void times.push(performance.now() - due),
        () => void errors++,
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = await used();
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(14)} ${RATE}/s for ${SECONDS}s: achieved ${(times.length / elapsed).toFixed(0)}/s, p50 ${pct(times, 50).toFixed(0)} ms, p99 ${pct(times, 99).toFixed(0)} ms, errors ${errors}`);
  console.log(`  ${cpuLine(cpu.app, 'server', cpu.db, times.length * perCall, elapsed, 'request')}`);
  return { p99: pct(times, 99) };
}

/** 20 clients back to back for SECONDS: the most the server answers. */
async function saturate(make: () => Promise<unknown>) {
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (performance.now() < until) {
        await make();
        done++;
      }
    }),
  );
  return done / SECONDS;
}

async function run(workers: number) {
  const server = await startServer(workers);
  try {
    const login = await request('/api/auth/login', { method: 'POST', body: JSON.stringify({ username: USERNAME, password: PASSWORD }) });
    if (login.status !== 200) throw new Error(`login failed: ${login.body}`);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const get = async (path: string, fresh = false) => {
      const r = await request(path, { cookie, fresh });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.body.slice(0, 200)}`);
      return r.body;
    };
    const list = JSON.parse(await get('/api/cases?page=1&pageSize=20'));
    const ids: number[] = list.items.map((i: any) => i.id);
    const year = Number(list.items[0]?.receivedOn.slice(0, 4) ?? new Date().getFullYear());
    let n = 0;
    // The home page's requests as the console makes them (web/src/pages/Dashboard.tsx, the 待办 bell, the 预警 panel).
    const home = ['/api/dashboard', `/api/indicators?year=${year}&keys=${HEADLINE.join(',')}`, '/api/todos', '/api/warnings', '/api/notifications?limit=10'];
    const pages = {
      'case list': () => get(`/api/cases?page=${1 + (n++ % 5)}&pageSize=20`),
      'case page': () => get(`/api/cases/${ids[n++ % ids.length]}`),
      'home page': () => Promise.all(home.map((p) => get(p))),
    };
    console.log(`WORKERS=${workers}  (${list.totalCapped ? `more than ${list.total}` : list.total} cases in scope)`);
    // The first answer after a start computes everything (nothing cached yet): what a write costs the next reader.
    for (const p of home) {
      const t = performance.now();
      await get(p);
      console.log(`  first ${p.split('?')[0]}: ${(performance.now() - t).toFixed(0)} ms`);
    }
    // Every worker fills its own cache: new connections go to the workers in turn, so asking each
    // read on a few fresh connections reaches each of them before the timed run (the above reached one).
    for (const p of home) for (let round = 0; round < 2 * workers; round++) await get(p, true);
    const meter = () => cpuMeter(db, processTree(server.pid!));
    for (const [name, make] of Object.entries(pages)) await fixedRate(name, make, meter, name === 'home page' ? home.length : 1);
    const most = await saturate(pages['case list']);
    console.log(`case list, 20 clients: ${most.toFixed(0)} requests/s`);
    return most;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

// The hourly escalation of red clocks runs once before timing, as on a server that has been up:
// its first run over a city's backlog writes one message per red clock, and only the first.
const conn = await connect({ databaseUrl: url });
const db = conn.db;
{
  const k = await Kernel.open(conn, createRegistry());
  const t = performance.now();
  const sent = await escalateOverdue(k);
  console.log(`escalation before timing: ${sent} messages in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const one = await run(1);
const two = await run(2);
await conn.close();
console.log(`workers: 1 → ${one.toFixed(0)}/s, 2 → ${two.toFixed(0)}/s (${(two / one).toFixed(2)}×)`);
agent.destroy();
