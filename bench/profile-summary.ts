/**
 * Summarises a V8 .cpuprofile (`node --cpu-prof`): self and total time by function and by
 * package, over a window of the run (startup and shutdown left out).
 *
 *   node --import tsx bench/profile-summary.ts FILE.cpuprofile [--from SECONDS] [--to SECONDS] [--top N] [--match TEXT]
 *
 * --from/--to are seconds from the start of the profile; either may be negative, counting back
 * from its end (write it --to=-0.5).
 * --match lists the callers of the functions whose name or file contains TEXT.
 * --skip NAME leaves out samples whose leaf is the function NAME, e.g. writev: the profiler samples
 * wall time, and a socket write that wakes PostgreSQL on a busy machine is often descheduled.
 * "Total" counts each function once per sample however deep it recurses.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string' }, match: { type: 'string' }, skip: { type: 'string', multiple: true } },
});
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
const prof: { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number } = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));
const top = Number(values.top ?? 30);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const span = (prof.endTime - prof.startTime) / 1e6;
const at = (v: string | undefined, otherwise: number) => (v === undefined ? otherwise : Number(v) < 0 ? span + Number(v) : Number(v));
const from = at(values.from, 0);
const to = at(values.to, span);

/** A package: node_modules/<name>, the project's src/<dir>, node's internals, or V8's own rows. */
function pkg(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const src = url.indexOf('/src/');
  if (src >= 0) return 'src/' + url.slice(src + 5).split('/').slice(0, -1).join('/');
  return url;
}
const label = (n: Node) => {
  const f = n.callFrame;
  const file = f.url ? f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench|bin)\//, '$1/') : '';
  return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const pkgSelf = new Map<string, number>();
const pkgTotal = new Map<string, number>();
const callers = new Map<string, number>();
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
let t = 0;
let busy = 0;
let idle = 0;
for (let i = 0; i < prof.samples.length; i++) {
  t += prof.timeDeltas[i] / 1e6;
  const dt = (prof.timeDeltas[i + 1] ?? 0) / 1e3; // ms this sample stands for
  if (t < from || t > to) continue;
  const leaf = byId.get(prof.samples[i])!;
  if (leaf.callFrame.functionName === '(idle)' || values.skip?.includes(leaf.callFrame.functionName)) {
    idle += dt;
    continue;
  }
  busy += dt;
  add(self, label(leaf), dt);
  add(pkgSelf, pkg(leaf.callFrame.url, leaf.callFrame.functionName), dt);
  const seen = new Set<string>();
  const seenPkg = new Set<string>();
  let matchedBelow = false;
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const n = byId.get(id)!;
    const l = label(n);
    if (!seen.has(l)) add(total, l, dt), seen.add(l);
    const p = pkg(n.callFrame.url, n.callFrame.functionName);
    if (!seenPkg.has(p)) add(pkgTotal, p, dt), seenPkg.add(p);
    if (values.match) {
      const hit = l.includes(values.match);
      if (matchedBelow && !hit) {
        add(callers, l, dt);
        matchedBelow = false;
      }
      if (hit) matchedBelow = true;
    }
  }
}
const show = (title: string, m: Map<string, number>, n = top) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${v.toFixed(0).padStart(8)} ms ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`window ${from.toFixed(1)}–${to.toFixed(1)} s of ${span.toFixed(1)} s: busy ${busy.toFixed(0)} ms, idle ${idle.toFixed(0)} ms`);
show('self time by package', pkgSelf, 25);
show('total time by package', pkgTotal, 25);
show('self time by function', self);
show('total time by function', total);
if (values.match) show(`nearest callers of "${values.match}"`, callers);
