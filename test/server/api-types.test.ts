import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { eachDatabase, makeWorld, reconsiderationIntake, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { API_TYPES_FILE, apiTypesSource, openApiDocument, schemaToType } from '../../src/server/openapi-types.ts';
import { getCase } from '../../src/kernel/cases/engine.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('web/src/api-types.ts is what the OpenAPI document gives now (npm run docs:api-types)', async () => {
  const fresh = apiTypesSource(await openApiDocument());
  assert.equal(fs.readFileSync(API_TYPES_FILE, 'utf8'), fresh, 'web/src/api-types.ts 已过期：请运行 npm run docs:api-types');
  // The most used routes are typed; the rest answer unknown, never any.
  assert.doesNotMatch(fresh, /\bany\b/);
  for (const p of ['/api/cases', '/api/cases/{id}', '/api/todos', '/api/reports', '/api/reports/{id}', '/api/indicators', '/api/orgs', '/api/users', '/api/auth/me', '/api/dashboard', '/api/notifications']) {
    const block = fresh.slice(fresh.indexOf(`  ${JSON.stringify(p)}: {`));
    const get = block.slice(block.indexOf('    get: {'));
    assert.doesNotMatch(get.slice(0, get.indexOf('\n    };')), /response: unknown/, `GET ${p} has a response type`);
  }
  assert.match(fresh, /"\/api\/audit\/verify": \{\n    get: \{\n      response: unknown;/);
});

test('JSON schema to TypeScript: nullable, enums, records, arrays of unions, named references', () => {
  const doc = { paths: {}, components: { schemas: { Node: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } } } };
  assert.equal(schemaToType({ type: 'string', nullable: true }, doc), 'string | null');
  assert.equal(schemaToType({ type: 'string', enum: ['a', 'b'] }, doc), '"a" | "b"');
  assert.equal(schemaToType({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } }, doc), '(string | number)[]');
  assert.equal(schemaToType({ type: 'object', additionalProperties: { type: 'number' } }, doc), '{\n  [key: string]: number;\n}');
  assert.equal(schemaToType({ type: 'object', properties: { a: { type: 'boolean' }, 'b-c': {} }, required: ['a'], additionalProperties: false }, doc), '{\n  a: boolean;\n  "b-c"?: unknown;\n}');
  assert.equal(schemaToType({ $ref: '#/components/schemas/Node' }, doc), 'Node');
  assert.throws(() => schemaToType({ $ref: '#/components/schemas/Missing' }, doc), /未知的 schema 引用/);
  assert.equal(schemaToType({}, doc), 'unknown');
});

test('a renamed or misspelt field of a typed route fails tsc; the right one passes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-api-types-'));
  const api = JSON.stringify(path.join(root, 'web/src/api.ts'));
  fs.writeFileSync(
    path.join(dir, 'right.ts'),
    `import { get } from ${api};\nexport const n = async () => { const c = await get('/api/cases/{id}', { params: { id: 1 } }); const l = await get('/api/cases', { query: { page: 2 } }); return [c.number, c.clocks[0]?.dueOn, l.items[0]?.nextDue]; };\n`,
  );
  fs.writeFileSync(path.join(dir, 'wrong-field.ts'), `import { get } from ${api};\nexport const n = async () => (await get('/api/cases/{id}', { params: { id: 1 } })).caseNumber;\n`);
  fs.writeFileSync(path.join(dir, 'wrong-param.ts'), `import { get } from ${api};\nexport const n = () => get('/api/cases/{id}', { params: { caseId: 1 } });\n`);
  fs.writeFileSync(path.join(dir, 'wrong-query.ts'), `import { get } from ${api};\nexport const n = () => get('/api/cases', { query: { pageNo: 2 } });\n`);
  fs.writeFileSync(path.join(dir, 'untyped.ts'), `import { get } from ${api};\nexport const n = async () => (await get('/api/audit/verify')).ok;\n`);
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, lib: ['ES2023', 'DOM'], types: [] }, include: ['*.ts'] }),
  );
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const out = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', path.join(dir, 'tsconfig.json')], { cwd: dir }).then(
    () => '',
    (e) => String(e.stdout) + String(e.stderr),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  const errorsIn = (file: string) => out.split('\n').filter((l) => l.includes(`${file}(`) && /error TS/.test(l));
  assert.deepEqual(errorsIn('right.ts'), [], out);
  assert.match(errorsIn('wrong-field.ts').join('\n'), /caseNumber/, out);
  assert.match(errorsIn('wrong-param.ts').join('\n'), /caseId/, out);
  assert.match(errorsIn('wrong-query.ts').join('\n'), /pageNo/, out);
  // A route without a response schema answers unknown: reading a field needs narrowing first.
  assert.match(errorsIn('untyped.ts').join('\n'), /unknown/, out);
});

type Schema = Record<string, any>;

/** Where a JSON value breaks its schema: a field the schema leaves out, a missing required one, a wrong type. */
function mismatches(s: Schema | undefined, v: unknown, doc: Schema, at = '$'): string[] {
  if (!s || !Object.keys(s).length) return [];
  if (s.$ref) return mismatches(doc.components.schemas[s.$ref.split('/').pop()], v, doc, at);
  if (v === null) return s.nullable ? [] : [`${at}: null`];
  if (s.anyOf) return s.anyOf.some((x: Schema) => !mismatches(x, v, doc, at).length) ? [] : [`${at}: no branch of anyOf`];
  if (s.enum && !s.enum.includes(v)) return [`${at}: ${JSON.stringify(v)} not in enum`];
  switch (s.type) {
    case 'object': {
      if (typeof v !== 'object' || Array.isArray(v)) return [`${at}: not an object`];
      const o = v as Record<string, unknown>;
      const props: Schema = s.properties ?? {};
      const out = (s.required ?? []).filter((k: string) => !(k in o)).map((k: string) => `${at}.${k}: required, missing`);
      for (const [k, x] of Object.entries(o)) {
        if (props[k]) out.push(...mismatches(props[k], x, doc, `${at}.${k}`));
        else if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push(...mismatches(s.additionalProperties, x, doc, `${at}.${k}`));
        else if (s.additionalProperties === false || Object.keys(props).length) out.push(`${at}.${k}: not in the schema`);
      }
      return out;
    }
    case 'array':
      return Array.isArray(v) ? v.flatMap((x, i) => mismatches(s.items, x, doc, `${at}[${i}]`)) : [`${at}: not an array`];
    case 'string':
      return typeof v === 'string' ? [] : [`${at}: not a string`];
    case 'integer':
      return Number.isInteger(v) ? [] : [`${at}: not an integer`];
    case 'number':
      return typeof v === 'number' ? [] : [`${at}: not a number`];
    case 'boolean':
      return typeof v === 'boolean' ? [] : [`${at}: not a boolean`];
    default:
      return [];
  }
}

eachDatabase('response schemas match what the routes answer', (tdb) => {
  let w: World;
  let app: App;
  let doc: Schema;
  const cookies: Record<string, string> = {};
  /** Calls a route and checks the answer against the response schema of its OpenAPI path. */
  const checked = async (user: string, method: string, url: string, route: string, payload?: unknown) => {
    const r = await app.inject({ method: method as any, url, payload: payload as any, headers: { cookie: cookies[user] } });
    assert.ok(r.statusCode < 300, `${method} ${url}: ${r.statusCode} ${r.body}`);
    const schema = doc.paths[route][method.toLowerCase()].responses[String(r.statusCode)]?.content?.['application/json']?.schema;
    assert.ok(schema, `${method} ${route} declares a ${r.statusCode} response schema`);
    const body = JSON.parse(r.body);
    assert.deepEqual(mismatches(schema, body, doc), [], `${method} ${url}`);
    return body;
  };

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    app = await buildApp(w.k);
    doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const loginSchema = doc.paths['/api/auth/login'].post.responses['200'].content['application/json'].schema;
    for (const u of ['admin', 'clerk', 'leader']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } });
      assert.equal(r.statusCode, 200);
      assert.ok(r.json().user, 'signed in at once');
      assert.deepEqual(mismatches(loginSchema, r.json(), doc), []);
      cookies[u] = String(r.headers['set-cookie']).split(';')[0];
    }
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('the checker itself finds a field left out, a missing one and a wrong type', () => {
    const s = { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string', nullable: true } }, required: ['a', 'b'], additionalProperties: false };
    assert.deepEqual(mismatches(s, { a: 1, b: null }, doc), []);
    assert.deepEqual(mismatches(s, { a: 1, b: 'x', c: true }, doc), ['$.c: not in the schema']);
    assert.deepEqual(mismatches(s, { a: 1.5 }, doc), ['$.b: required, missing', '$.a: not an integer']);
  });

  test('cases: intake, step, detail (with parties in clear and masked), list, dashboard, orgs', async () => {
    const created = await checked('clerk', 'POST', '/api/reconsideration/cases', '/api/reconsideration/cases', { orgId: w.justice, fields: reconsiderationIntake('2025-06-09') });
    const id = created.id;
    await checked('clerk', 'POST', `/api/reconsideration/cases/${id}/accept`, '/api/reconsideration/cases/{id}/accept', { version: 1, on: '2025-06-10' });
    const form = new FormData();
    form.append('attachment', new Blob(['申请书'], { type: 'text/plain' }), '申请书.txt');
    const up = await app.inject({ method: 'POST', url: `/api/cases/${id}/attachments`, headers: { cookie: cookies.clerk }, body: form as any });
    assert.equal(up.statusCode, 201, up.body);
    const view = await checked('clerk', 'GET', `/api/cases/${id}`, '/api/cases/{id}');
    assert.equal(view.attachments.length, 1);
    assert.ok(view.timeline.length >= 2 && view.parties.length === 1 && view.clocks.length > 0);
    // The serializer is JSON.stringify: the answer is the engine's view, field for field.
    assert.deepEqual(view, JSON.parse(JSON.stringify(await getCase(w.k, w.clerk, id))));
    const masked = await checked('leader', 'GET', `/api/cases/${id}`, '/api/cases/{id}');
    assert.equal(masked.personalDataMasked, true);
    const list = await checked('admin', 'GET', '/api/cases?pageSize=5', '/api/cases');
    assert.equal(list.items[0].id, id);
    await checked('admin', 'GET', '/api/dashboard', '/api/dashboard');
    await checked('admin', 'GET', '/api/orgs', '/api/orgs');
    await checked('clerk', 'GET', '/api/orgs/directory', '/api/orgs/directory');
    const todos = await checked('clerk', 'GET', '/api/todos', '/api/todos');
    assert.ok(todos.items.length > 0);
    // A 督办 on the case: its clerk gets a message.
    assert.equal((await app.inject({ method: 'POST', url: '/api/supervisions', headers: { cookie: cookies.admin }, payload: { caseId: id, subject: '督办事项', demand: '限期答复', replyDays: 5 } })).statusCode, 201);
    const messages = await checked('clerk', 'GET', '/api/notifications', '/api/notifications');
    assert.ok(messages.items.length > 0 && messages.unread > 0);
    const prefs = await checked('clerk', 'PUT', '/api/notifications/preferences', '/api/notifications/preferences', { muted: ['urge'], channels: [], quietFrom: null, quietTo: null, phone: null, email: null });
    assert.deepEqual(prefs.muted, ['urge']);
    await checked('clerk', 'GET', '/api/notifications/preferences', '/api/notifications/preferences');
  });

  test('reports: board, open, save, send for review; indicators; users; session', async () => {
    await checked('admin', 'GET', '/api/reports?year=2025', '/api/reports');
    const opened = await checked('clerk', 'POST', '/api/reports', '/api/reports', { orgId: w.justice, year: 2025 });
    const saved = await checked('clerk', 'PUT', `/api/reports/${opened.id}`, '/api/reports/{id}', { version: opened.version, title: opened.title, sections: opened.sections.map(({ kind, heading, body }: any) => ({ kind, heading, body: body || `${heading}：本年度按计划推进，具体情况见附表说明。` })) });
    const sent = await checked('clerk', 'POST', `/api/reports/${opened.id}/send_review`, '/api/reports/{id}/{action}', { version: saved.version });
    assert.equal(sent.state, 'review');
    assert.ok(sent.timeline.length >= 2);
    await checked('leader', 'GET', `/api/reports/${opened.id}`, '/api/reports/{id}');
    await checked('admin', 'GET', '/api/reports?year=2025', '/api/reports');
    const ind = await checked('admin', 'GET', '/api/indicators?year=2025', '/api/indicators');
    assert.ok(ind.values.some((v: any) => v.denominator !== undefined), 'a rate carries its numerator and denominator');
    const users = await checked('admin', 'GET', '/api/users', '/api/users');
    assert.ok(users.length >= 3);
    const me = await checked('clerk', 'GET', '/api/auth/me', '/api/auth/me');
    assert.ok(me.duties.length > 0);
  });
});
