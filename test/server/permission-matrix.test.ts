import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assignDuties, eachDatabase, makeWorld, reconsiderationIntake, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { createUser } from '../../src/kernel/auth/sessions.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { createCase } from '../../src/kernel/cases/engine.ts';
import { ROLE_BUNDLES, type DutyInput } from '../../src/kernel/auth/permissions.ts';
import { ROUTE_MATRIX, ruleFor } from '../../src/server/route-matrix.ts';
import { centreDuties, clerkDuties } from '../../src/demo/duties.ts';
import type { Role } from '../../src/kernel/db/schema.ts';

/**
 * Every route of the OpenAPI document × every kind of user, against the matrix. Each persona's
 * grants all cover the 教体局, and every probe targets a record of the 教体局, so what a persona
 * holds anywhere is what it holds for the probe. Deny = 401/403/404; allow = anything else.
 * Probes are non-destructive where they can be: steps carry a stale version, creates an empty form.
 */
eachDatabase('the permission matrix, walked', (tdb) => {
  let w: World;
  let app: App;
  const cookies: Record<string, string> = {};
  const personas: { key: string; role: Role | null; duties: DutyInput[] }[] = [];
  const ids: Record<string, number> = {};

  const login = async (username: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Test@12345' } });
    assert.equal(r.statusCode, 200, username);
    return String(r.headers['set-cookie']).split(';')[0];
  };

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    const centre = await createOrg(w.k.db, { parentId: w.district, name: '测试区12345热线中心', shortName: '区12345热线', kind: 'office' });
    const gov = { id: w.district } as any;
    const education = { id: w.education, kind: 'department' } as any;
    const deptDuties = clerkDuties(education, { enforcer: true, petitions: false, justice: false });
    const user = async (username: string, role: Role, orgId: number, scopeOrgId: number, duties: DutyInput[]) => {
      const id = await createUser(w.k.db, { orgId, scopeOrgId, username, displayName: username, role, password: 'Test@12345' });
      if (duties.length) await assignDuties(w.k, id, duties);
      personas.push({ key: username, role, duties });
    };
    personas.push({ key: 'anonymous', role: null, duties: [] });
    await user('dept', 'clerk', w.education, w.education, deptDuties);
    await user('operator', 'clerk', centre.id, w.district, centreDuties(gov));
    await user('boss', 'leader', w.district, w.district, []);
    await user('sysadmin', 'admin', w.justice, w.district, []);
    await user('secadmin', 'secadmin', w.justice, w.district, []);
    await user('auditor', 'auditor', w.justice, w.district, []);
    app = await buildApp(w.k);
    for (const p of personas) if (p.role) cookies[p.key] = await login(p.key);

    // One record of each kind in the 教体局: a case of every type, a report, a register, a draw, an attachment.
    for (const def of w.k.types.all()) {
      const row = await w.k.db.insertInto('cases').values({ type: def.key, org_id: w.education, number: `M-${def.key}`, year: 2025, seq: 1, title: '矩阵测试', state: def.initial, received_on: '2025-06-02', fields: '{}' }).returning('id').executeTakeFirstOrThrow();
      ids[`case:${def.key}`] = row.id;
    }
    ids.attachment = (await w.k.db.insertInto('attachments').values({ case_id: ids['case:disclosure'], event_id: null, filename: 'a.txt', mime: 'text/plain', size: 1, sm3: 'x', content: Buffer.from('a'), uploaded_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    ids.report = (await w.k.db.insertInto('reports').values({ org_id: w.education, year: 2025, state: 'draft', title: '教体局报告', sections: JSON.stringify([]), snapshot: null, submitted_on: null, published_on: null }).returning('id').executeTakeFirstOrThrow()).id;
    const snapshot = { frozenAt: '2025-06-02', title: '教体局公开报告', signature: '测试区教育体育局', date: '2025-06-02', sections: [], figures: [] };
    ids.published = (await w.k.db.insertInto('reports').values({ org_id: w.education, year: 2024, state: 'published', title: '教体局公开报告', sections: JSON.stringify([]), snapshot: JSON.stringify(snapshot), submitted_on: '2025-06-02', published_on: '2025-06-02' }).returning('id').executeTakeFirstOrThrow()).id;
    ids.register = (await w.k.db.insertInto('registers').values({ org_id: w.education, kind: 'powers' }).returning('id').executeTakeFirstOrThrow()).id;
    await w.k.db.insertInto('register_versions').values({ register_id: ids.register, version: 1, items: JSON.stringify([{ code: 'Q1', name: '事项' }]), note: '首次', published_on: '2025-06-02', published_by: null }).execute();
    const spec = { item: '检查', counts: { high: 0, medium: 0, low: 0 }, inspectorsPerTarget: 2, targets: [], inspectors: [], conflicts: [] };
    ids.draw = (await w.k.db.insertInto('draws').values({ org_id: w.education, title: '抽查', item: '检查', joint_org_ids: JSON.stringify([]), spec: JSON.stringify(spec), commitment: 'c', pool_hash: 'p', seed: 's', result: null, drawn_on: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  /** An independent reading of what a persona holds: its role's bundle and its duties (all in or above the 教体局). */
  const holds = (p: (typeof personas)[number], permission: string) => {
    if (!p.role) return false;
    const [subject, action] = [permission.slice(0, permission.lastIndexOf('.')), permission.slice(permission.lastIndexOf('.') + 1)];
    if ((ROLE_BUNDLES[p.role].grants as string[]).includes(permission)) return true;
    return p.role === 'clerk' && p.duties.some((d) => d.subject === subject && (d.actions.includes('*') || d.actions.includes(action)));
  };
  const expected = (p: (typeof personas)[number], need: string) => {
    if (need === 'public') return true;
    if (!p.role) return false;
    if (need === 'login') return true;
    if (need === 'case-duty') return holds(p, 'case:disclosure.answer'); // the probe's attachment is on a 依申请公开 case
    return holds(p, need);
  };

  const multipart = (name: string, content: string) => {
    const boundary = '----matrix';
    return { boundary, payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n` };
  };
  const QUERY: Record<string, string> = { orgId: '', key: 'disclosure.received', kind: 'powers', note: '矩阵', from: '2025-06-02', workdays: '5', year: '2025' };

  test('every OpenAPI route has a matrix line, and every role gets exactly what the matrix says', async () => {
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body);
    const missing: string[] = [];
    const wrong: string[] = [];
    let probes = 0;
    const ops: { method: string; path: string; op: any }[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) for (const [method, op] of Object.entries<any>(item)) ops.push({ method: method.toUpperCase(), path, op });
    // Logging out ends the session the later probes use: last.
    ops.sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
    for (const { method, path, op } of ops) {
      const rule = ruleFor(w.k.types, method, path);
      if (!rule) {
        missing.push(`${method} ${path}`);
        continue;
      }
      const params = (op.parameters ?? []) as any[];
      const enumOf = (name: string) => params.find((x) => x.in === 'path' && x.name === name)?.schema?.enum as string[] | undefined;
      const variants = enumOf('action') ?? [undefined];
      for (const action of variants) {
        const type = path.split('/')[2];
        const caseId = ids[`case:${type}`] ?? ids['case:disclosure'];
        const id = path.startsWith('/api/reports') ? ids.report : path.startsWith('/api/registers') || path.startsWith('/api/public/registers') ? ids.register : path.startsWith('/api/draws') || path.startsWith('/api/public/draws') ? ids.draw : path.startsWith('/api/attachments') ? ids.attachment : path.startsWith('/api/public/reports') ? ids.published : caseId;
        // One's own session: a number nobody holds, so no probe ends a persona's session; the handler's
        // 404 (not one of yours) then shows the guard let the request through.
        // Likewise a 文书 (the walk issues none): the handler's 404 shows the guard let it through.
        const ownRecord = path === '/api/auth/sessions/{id}' || path.startsWith('/api/documents/{id}');
        let url = path.replace('{id}', String(ownRecord ? 2147483647 : id)).replace('{day}', '2027-01-04').replace('{key}', 'disclosure.received').replace('{action}', action ?? '');
        const query = params.filter((x) => x.in === 'query' && x.required).map((x) => `${x.name}=${encodeURIComponent(x.name === 'orgId' ? String(w.education) : (QUERY[x.name] ?? '1'))}`);
        if (query.length) url += `?${query.join('&')}`;
        const isMultipart = Boolean(op.requestBody?.content?.['multipart/form-data']) || /\/(import|attachments)$/.test(path);
        const need = rule.need.replace('{action}', action ?? '');
        for (const p of personas) {
          const headers: Record<string, string> = p.role ? { cookie: cookies[p.key] } : {};
          let payload: any;
          if (isMultipart) {
            const m = multipart(path.includes('attachments') ? 'a.txt' : 'rows.csv', '统一社会信用代码,名称\n');
            headers['content-type'] = `multipart/form-data; boundary=${m.boundary}`;
            payload = m.payload;
          } else if (method !== 'GET') payload = { version: 999999, orgId: w.education, fields: {}, data: {}, comment: '矩阵测试', template: '矩阵测试' };
          const r = await app.inject({ method: method as any, url, headers, payload });
          probes++;
          const allowed = !(ownRecord ? [401, 403] : [401, 403, 404]).includes(r.statusCode);
          if (allowed !== expected(p, need)) wrong.push(`${p.key} ${method} ${url} → ${r.statusCode} (matrix: ${need}, expected ${expected(p, need) ? 'allow' : 'deny'}) ${r.body.slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(missing, [], 'routes in OpenAPI without a line in ROUTE_MATRIX (src/server/route-matrix.ts)');
    assert.deepEqual(wrong, []);
    assert.ok(probes >= 7 * 200, `walked ${probes} probes`);
  });

  test('a matrix line that names no route is a mistake too', async () => {
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body);
    const concrete = new Set<string>();
    for (const [path, item] of Object.entries<any>(doc.paths)) for (const method of Object.keys(item)) concrete.add(`${method.toUpperCase()} ${ruleFor(w.k.types, method.toUpperCase(), path)?.pattern}`);
    const unused = ROUTE_MATRIX.filter(([m, p]) => !concrete.has(`${m} ${p}`) && p !== '/api/openapi.json').map(([m, p]) => `${m} ${p}`);
    assert.deepEqual(unused, []);
  });

  test('the audit findings (H1, M4): the operator and another department stay inside their duties', async () => {
    const call = async (user: string, method: string, url: string, payload?: unknown) => {
      const r = await app.inject({ method: method as any, url, payload: payload as any, headers: { cookie: cookies[user] } });
      return { status: r.statusCode, body: JSON.parse(r.body || '{}') };
    };
    for (const p of personas) if (p.role) cookies[p.key] = await login(p.key); // the walk ended with logging out
    const fyCase = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-09') });
    // The operator has district scope, but 复议 is none of its duties.
    const suspend = await call('operator', 'POST', `/api/reconsideration/cases/${fyCase}/suspend`, { data: { ground: 'other' } });
    assert.equal(suspend.status, 403);
    assert.equal((await call('operator', 'POST', `/api/reports/${ids.report}/publish`, { version: 1 })).status, 403);
    assert.equal((await call('operator', 'POST', '/api/registers', { orgId: w.justice, kind: 'publicity_duties', note: '越权', items: [{ code: 'X', name: 'Y' }] })).status, 403);
    // A department registers only the case types of its duties, and publishes only its own org's register.
    const fy = await call('dept', 'POST', '/api/reconsideration/cases', { orgId: w.education, fields: reconsiderationIntake('2025-06-09') });
    assert.equal(fy.status, 403);
    assert.match(fy.body.message, /行政复议/);
    const foreign = await call('dept', 'POST', '/api/registers', { orgId: w.justice, kind: 'powers', note: '越权', items: [{ code: 'X', name: 'Y', type: 'penalty', basis: 'x' }] });
    assert.equal(foreign.status, 403);
    // The operator registers and dispatches an order; the unit signs and completes it; only the centre calls back.
    const order = await call('operator', 'POST', '/api/hotline/cases', { orgId: w.district, fields: { receivedOn: '2025-06-10', channel: 'phone', kind: 'complaint', category: '教育', content: '学校收费', urgency: 'normal', parties: [{ role: 'applicant', name: '刘会', phone: '13800138000' }] } });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    const dispatched = await call('operator', 'POST', `/api/hotline/cases/${order.body.id}/dispatch`, { version: 1, data: { unitId: w.education } });
    assert.equal(dispatched.status, 200);
    assert.equal(dispatched.body.parties[0].phone, '13800138000', 'the operator sees the number to call back');
    assert.equal((await call('dept', 'POST', `/api/hotline/cases/${order.body.id}/sign`, { version: 2 })).status, 200);
    assert.equal((await call('dept', 'POST', `/api/hotline/cases/${order.body.id}/complete`, { version: 3, data: { result: '已退费' } })).status, 200);
    assert.equal((await call('dept', 'POST', `/api/hotline/cases/${order.body.id}/visit`, { version: 4, data: { resolved: true, satisfaction: 'satisfied' } })).status, 403);
    assert.equal((await call('operator', 'POST', `/api/hotline/cases/${order.body.id}/visit`, { version: 4, data: { resolved: true, satisfaction: 'satisfied' } })).status, 200);
    // The operator sees a 复议 case masked: no duty, no need.
    const seen = await call('operator', 'GET', `/api/cases/${fyCase}`);
    assert.equal(seen.body.personalDataMasked, true);
    assert.equal(seen.body.parties[0].name, '张**');

    // The security administrator sets duties; the audit administrator reads that in the trail, personal data masked.
    const dept = (await w.k.db.selectFrom('users').select('id').where('username', '=', 'dept').executeTakeFirstOrThrow()).id;
    assert.equal((await call('sysadmin', 'PUT', `/api/security/users/${dept}/duties`, { duties: [] })).status, 403, 'not the system administrator');
    const put = await call('secadmin', 'PUT', `/api/security/users/${dept}/duties`, { duties: [{ orgId: w.education, subject: 'case:disclosure', actions: ['*'] }] });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual(put.body.map((d: any) => d.subject), ['case:disclosure']);
    const trail = await call('auditor', 'GET', '/api/audit/events?action=user.duties');
    assert.ok(trail.body.items.some((e: any) => e.entityId === String(dept) && e.username === 'secadmin'));
    const orders = await call('auditor', 'GET', '/api/audit/events?action=case.');
    assert.ok(orders.body.items.length > 0);
    assert.ok(!JSON.stringify(orders.body).includes('13800138000'), 'the trail as the auditor reads it carries no phone numbers');
    assert.equal((await call('auditor', 'GET', `/api/cases/${fyCase}`)).status, 403, 'nor the business');
  });
});
