import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, reconsiderationIntake, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';

/**
 * Walks EVERY operation of /api/openapi.json (so routes added later are covered too) and sends it
 * malformed input, as an admin and anonymously: every answer must be below 500 with a Chinese message
 * free of technical tokens, no refused request may write, and nothing but a GET may succeed.
 */

const PER_ROUTE = 20;
const ANON_PER_ROUTE = 4;
const COUNTED_TABLES = ['cases', 'case_events', 'audit_events', 'reports', 'registers'];
const CJK = /[\u4e00-\u9fff]/;
// zod/JSON-schema words, camelCase keys and dotted paths a clerk cannot read.
const TECHNICAL = /\b(int|string|number|boolean|undefined|null|NaN|object|array|Expected|Invalid|Required)\b|[a-z][A-Z]|\b[a-z_]+\.\d+\b|期望|<=|>=/;

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Schema = Record<string, any>;
interface Probe {
  label: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

/** A value that satisfies the JSON schema (required fields only), used as the base that one mutation spoils. */
function sample(s: Schema | undefined): unknown {
  if (!s) return null;
  if (s.anyOf) return sample(s.anyOf.find((x: Schema) => x.type !== 'null') ?? s.anyOf[0]);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  switch (s.type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k: string) => [k, sample(s.properties?.[k])]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      return s.format === 'date' ? '2025-06-10' : 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return 'x';
  }
}

/** Leaf fields of an object schema (required and optional), with their paths, to one level of nesting. */
function fields(s: Schema | undefined, prefix: string[] = [], depth = 0): { path: string[]; schema: Schema }[] {
  if (!s || s.type !== 'object' || !s.properties) return [];
  return Object.entries(s.properties as Record<string, Schema>).flatMap(([k, v]) =>
    v.type === 'object' && v.properties && depth < 1 ? fields(v, [...prefix, k], depth + 1) : [{ path: [...prefix, k], schema: v }],
  );
}

function setAt(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base ?? {}) as Record<string, any>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] = typeof o[k] === 'object' && o[k] ? o[k] : {};
  o[path[path.length - 1]] = value;
  return copy;
}

/** Values that must never be accepted for a field of this schema. */
function badValues(s: Schema): { label: string; value: unknown }[] {
  const type = s.type ?? (s.enum ? 'string' : s.anyOf ? 'any' : 'object');
  const out: { label: string; value: unknown }[] = [];
  if (type === 'integer' || type === 'number') {
    out.push({ label: 'negative', value: -1 }, { label: 'int4+1', value: 2147483648 }, { label: 'text', value: 'abc' }, { label: '1e308', value: 1e308 });
  } else if (type === 'string') {
    out.push({ label: 'NUL', value: 'a\u0000b' }, { label: 'lone surrogate', value: 'a\ud800b' }, { label: 'number', value: 12 }, { label: 'object', value: { x: 1 } });
    if (s.format === 'date') out.push({ label: '2025-02-30', value: '2025-02-30' });
    if (s.enum) out.push({ label: 'not an option', value: 'no_such_option' });
  } else if (type === 'boolean') {
    out.push({ label: 'text', value: 'yes' });
  } else if (type === 'array') {
    out.push({ label: 'object', value: { x: 1 } }, { label: 'NUL item', value: ['\u0000'] });
  } else if (type === 'object') {
    out.push({ label: 'text', value: 'x' }, { label: 'array', value: [] });
  }
  return out;
}

const paramValues = (s: Schema): string[] =>
  s.type === 'integer' || s.type === 'number'
    ? ['-1', '0', '2147483648', '9007199254740993', '1e308', 'abc', '%00']
    : ['%00', '%ED%A0%80', '2025-02-30', 'x'.repeat(300), 'no_such'];

const queryValues = (s: Schema): string[] => {
  const base = ['%00', 'a%ED%A0%80b'];
  if (s.type === 'integer' || s.type === 'number') return [...base, '-1', '2147483648', '9007199254740991', '1e308', 'abc'];
  if (s.format === 'date') return [...base, '2025-02-30', 'yesterday'];
  if (s.enum) return [...base, 'no_such_option'];
  return [...base, 'x'.repeat(65_536)];
};

function probesFor(method: string, path: string, op: any, pick: () => number): Probe[] {
  const params = (op.parameters ?? []) as { in: string; name: string; schema: Schema; required?: boolean }[];
  const pathParams = params.filter((p) => p.in === 'path');
  const query = params.filter((p) => p.in === 'query');
  const validPath = pathParams.reduce((u, p) => u.replace(`{${p.name}}`, encodeURIComponent(String(p.schema.enum?.[0] ?? (p.schema.format === 'date' ? '2025-06-10' : sample(p.schema))))), path);
  const validQuery = query
    .filter((q) => q.required)
    .map((q) => `${q.name}=${encodeURIComponent(String(sample(q.schema)))}`)
    .join('&');
  const url = (p = validPath, q = validQuery) => (q ? `${p}?${q}` : p);
  const json = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const multipart = Boolean(op.requestBody?.content?.['multipart/form-data']);
  const bodyless = !json && !multipart;
  const base = json ? sample(json) : undefined;
  const withBase = (extra: Partial<Probe>): Probe => ({ label: '', method, url: url(), ...(json ? { payload: JSON.stringify(base), contentType: 'application/json' } : {}), ...extra });

  const out: Probe[] = [];
  for (const p of pathParams) for (const v of paramValues(p.schema)) out.push(withBase({ label: `path ${p.name}=${v.slice(0, 20)}`, url: url(validPath.replace(encodeURIComponent(String(p.schema.enum?.[0] ?? (p.schema.format === 'date' ? '2025-06-10' : sample(p.schema)))), v)) }));
  for (const q of query) {
    for (const v of queryValues(q.schema)) out.push(withBase({ label: `query ${q.name}=${v.slice(0, 20)}`, url: url(validPath, [validQuery, `${q.name}=${v}`].filter(Boolean).join('&').replace(new RegExp(`(^|&)${q.name}=[^&]*&(?=.*${q.name}=)`), '$1')) }));
    out.push(withBase({ label: `query ${q.name} twice`, url: url(validPath, `${validQuery ? `${validQuery}&` : ''}${q.name}=1&${q.name}=2`) }));
  }
  if (query.some((q) => q.required)) out.push(withBase({ label: 'no query', url: url(validPath, '') }));
  // A route without declared input still gets its query string checked.
  if (!query.length) out.push(withBase({ label: 'undeclared query NUL', url: url(validPath, 'x=%00') }));
  if (!bodyless || method !== 'get') {
    out.push({ label: 'invalid JSON', method, url: url(), payload: '{oops', contentType: 'application/json' });
    if (json) {
      out.push({ label: 'no body', method, url: url() });
      for (const [label, payload] of [
        ['{}', '{}'],
        ['null', 'null'],
        ['[]', '[]'],
        ['string body', '"text"'],
        ['1e308 body', '1e308'],
        ['__proto__', `{"__proto__":{"polluted":1},${JSON.stringify(base ?? {}).slice(1)}`],
        ['constructor.prototype', `{"constructor":{"prototype":{"polluted":1}},${JSON.stringify(base ?? {}).slice(1)}`],
      ] as const) {
        if (label === '{}' && (json.required ?? []).length === 0) continue; // {} is valid here
        out.push({ label, method, url: url(), payload, contentType: 'application/json' });
      }
      const leaves = fields(json);
      // 5000 levels deep in a field the schema checks (extra keys are merely dropped, so they would prove nothing).
      const nested = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      out.push({ label: 'deep nesting', method, url: url(), contentType: 'application/json', payload: leaves.length ? JSON.stringify(setAt(base, leaves[0].path, 0)).replace(`"${leaves[0].path.at(-1)}":0`, `"${leaves[0].path.at(-1)}":${nested}`) : nested });
      const firstString = leaves.find((l) => l.schema.type === 'string' && !l.schema.enum);
      if (firstString) out.push(withBase({ label: `1 MB ${firstString.path.join('.')}`, payload: JSON.stringify(setAt(base, firstString.path, '法'.repeat(350_000))) }));
      for (const leaf of leaves) for (const bad of badValues(leaf.schema)) out.push(withBase({ label: `${leaf.path.join('.')} ${bad.label}`, payload: JSON.stringify(setAt(base, leaf.path, bad.value)) }));
    }
    if (multipart) {
      out.push({ label: 'multipart: JSON instead', method, url: url(), payload: '{}', contentType: 'application/json' });
      out.push({ label: 'multipart: no body', method, url: url() });
    }
  }
  // Bounded and deterministic: the same seed picks the same probes every run.
  while (out.length > PER_ROUTE) out.splice(Math.floor(pick() * out.length), 1);
  return out;
}

eachDatabase('every route refuses malformed input without a 5xx or a write', (tdb) => {
  let w: World;
  let app: App;
  let cookie = '';
  before(async () => {
    w = await makeWorld(tdb);
    app = await buildApp(w.k);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Test@12345' } });
    cookie = String(login.headers['set-cookie']).split(';')[0];
    // A real case, so ids in the probes point at something a successful write would change.
    const created = await app.inject({ method: 'POST', url: '/api/reconsideration/cases', headers: { cookie }, payload: { orgId: w.justice, fields: reconsiderationIntake('2025-06-09') } });
    assert.equal(created.statusCode, 201);
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  async function counts() {
    const out: Record<string, number> = {};
    for (const t of COUNTED_TABLES) {
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(w.k.db).catch(() => null);
      if (r) out[t] = r.rows[0].n;
    }
    return out;
  }

  test('malformed input to every operation in the OpenAPI document', async () => {
    const doc = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body);
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method, path, op })));
    assert.ok(ops.length >= 200, `expected the whole API, found ${ops.length} operations`);
    const before = await counts();
    const pick = rng(20261126);
    const failures: string[] = [];
    let sent = 0;
    const spent: Record<string, number> = {};
    let covered = 0;
    for (const { method, path, op } of ops) {
      if (path === '/api/auth/logout') continue; // ends the probing session; it takes no input
      const probes = probesFor(method, path, op, pick);
      if (probes.length) covered++;
      const anonymous = probes.slice(0, ANON_PER_ROUTE);
      for (const [who, list] of [['admin', probes], ['anonymous', anonymous]] as const) {
        for (const p of list) {
          sent++;
          const headers: Record<string, string> = who === 'admin' ? { cookie } : {};
          if (p.contentType) headers['content-type'] = p.contentType;
          const t0 = performance.now();
          const r = await app.inject({ method: p.method.toUpperCase() as any, url: p.url, headers, ...(p.payload !== undefined ? { payload: p.payload } : {}) });
          const kind = p.label.replace(/=.*| .*/, '');
          spent[kind] = (spent[kind] ?? 0) + performance.now() - t0;
          const where = `${who} ${method.toUpperCase()} ${path} [${p.label}] → ${r.statusCode}`;
          if (r.statusCode >= 500) failures.push(`${where}: ${r.body.slice(0, 200)}`);
          else if (r.statusCode >= 400) {
            let message = '';
            try {
              message = JSON.parse(r.body).message ?? '';
            } catch {
              failures.push(`${where}: not JSON: ${r.body.slice(0, 100)}`);
              continue;
            }
            if (!CJK.test(message)) failures.push(`${where}: message not Chinese: ${message}`);
            else if (TECHNICAL.test(message)) failures.push(`${where}: technical wording: ${message}`);
          } else if (method !== 'get') failures.push(`${where}: malformed input accepted`);
        }
      }
    }
    if (process.env.FUZZ_TIMES) console.log(Object.entries(spent).sort((a, b) => b[1] - a[1]).slice(0, 12));
    assert.deepEqual(failures, [], `${failures.length} of ${sent} probes failed:\n${failures.slice(0, 40).join('\n')}`);
    assert.equal(covered, ops.length - 1, 'every operation but logout got probes');
    assert.deepEqual(await counts(), before, 'refused requests wrote nothing');
    const health = await app.inject({ url: '/api/health' });
    assert.equal(health.statusCode, 200);
  });
});
