import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { unzipSync, strFromU8 } from 'fflate';
import { assignDuties, eachDatabase, makeWorld, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { createUser, actorById } from '../../src/kernel/auth/sessions.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { openReport, updateReport } from '../../src/reports/report.ts';
import { actOnReport } from '../../src/reports/workflow.ts';
import { publishRegister } from '../../src/kernel/registers.ts';
import { createRegisterKinds } from '../../src/institutions/registers/index.ts';
import { centreDuties } from '../../src/demo/duties.ts';
import type { Actor } from '../../src/kernel/auth/actor.ts';
import type { CaseTypeDef } from '../../src/kernel/cases/define.ts';

/**
 * The personal-data scanner: a fixed set of fake names, 身份证号, mobile and landline numbers and
 * addresses goes into every text field of every case type (intake and steps), a report's title and
 * sections, and a register's items; everything is published. Then every public route of the
 * OpenAPI document and every export is read, and none of the seeded values may appear; nor may
 * they for readers without the need (a leader, another department, the hotline operator on a
 * non-hotline case), while the handling clerk sees them.
 */
const NAMES = ['刘会', '张社', '欧阳明月'];
const SEEDED = [...NAMES, '990101199001011237', '13800138000', '6123456', '幸福路1号', '大坪村三组'];
const PII = '刘会（身份证990101199001011237，手机13800138000，固话0799-6123456，(0799)6123456，住青溪区城关街道幸福路1号）与张社、欧阳明月，石门乡大坪村三组';
const SHORT = '刘会13800138000';
const PARTIES = [
  { role: 'applicant', kind: 'person', name: '刘会', idNumber: '990101199001011237', phone: '13800138000', address: '青溪区城关街道幸福路1号' },
  { role: 'third_party', kind: 'person', name: '张社', phone: '0799-6123456', address: '石门乡大坪村三组' },
  { role: 'agent', name: '欧阳明月', phone: '(0799)6123456' },
];

const leaks = (text: string) => SEEDED.filter((s) => text.includes(s));

/** A value for every field of a form: personal data in every free-text field, something valid elsewhere. */
function sample(schema: z.ZodType, orgId: number, maxParties: number): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as any;
  const out: Record<string, unknown> = {};
  for (const [key, p] of Object.entries<any>(json.properties ?? {})) {
    if (key === 'parties') out[key] = PARTIES.slice(0, Math.max(1, Math.min(maxParties, p.maxItems ?? 3)));
    else if (p.widget === 'org') out[key] = orgId;
    else if (p.format === 'date') out[key] = '2025-06-02';
    else if (p.enum) out[key] = p.enum[0];
    else if (p.type === 'boolean') out[key] = key === 'qualified' || key === 'materials' || key === 'passed';
    else if (p.type === 'integer' || p.type === 'number') out[key] = Math.max(p.minimum ?? 1, Math.min(p.maximum ?? 10, 10));
    else if (p.type === 'string' && p.pattern) out[key] = ['JT2025901', '91350100MA0000000X', '2025-06-02', 'A1'].find((c) => new RegExp(p.pattern).test(c));
    else if (p.type === 'string') out[key] = (p.maxLength ?? 5000) >= PII.length ? PII : SHORT.slice(0, p.maxLength);
    else if (p.type === 'array' && p.items?.type === 'string') out[key] = [SHORT];
  }
  return out;
}

eachDatabase('personal data: the scanner', (tdb) => {
  let w: World;
  let app: App;
  let handler: Actor;
  const cookies: Record<string, string> = {};
  const caseIds: { id: number; type: string }[] = [];
  const seededFields: string[] = [];

  const call = async (user: string | null, url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: user ? { cookie: cookies[user] } : {} });
    const type = String(r.headers['content-type'] ?? '');
    const file = decodeURIComponent(String(r.headers['content-disposition'] ?? ''));
    let text = r.body;
    if (/wordprocessingml|spreadsheetml/.test(type)) {
      const files = unzipSync(new Uint8Array(r.rawPayload));
      text = Object.entries(files).filter(([n]) => n.endsWith('.xml')).map(([, b]) => strFromU8(b)).join('\n');
    }
    return { status: r.statusCode, text: `${file}\n${text}` };
  };

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
    const centre = await createOrg(w.k.db, { parentId: w.district, name: '测试区12345热线中心', shortName: '区12345热线', kind: 'office' });
    const pw = 'Test@12345';
    // The handling clerk: every case type and every capability, in the 教体局 only.
    const hid = await createUser(w.k.db, { orgId: w.education, username: 'handler', displayName: '经办', role: 'clerk', password: pw });
    await assignDuties(w.k, hid, [
      ...w.k.types.all().map((t) => ({ orgId: w.education, subject: `case:${t.key}`, actions: ['*'] })),
      ...['reports', 'registers', 'draws', 'targets'].map((s) => ({ orgId: w.education, subject: s, actions: ['*'] })),
    ]);
    handler = (await actorById(w.k.db, hid))!;
    const op = await createUser(w.k.db, { orgId: centre.id, scopeOrgId: w.district, username: 'operator', displayName: '话务员', role: 'clerk', password: pw });
    await assignDuties(w.k, op, centreDuties({ id: w.district } as any));
    app = await buildApp(w.k);
    for (const u of ['handler', 'operator', 'leader', 'admin', 'clerk']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: pw } });
      cookies[u] = String(r.headers['set-cookie']).split(';')[0];
    }

    // Every case type: intake with personal data in every text field, then every step it can take, likewise.
    for (const def of w.k.types.all()) {
      const maxParties = (def.intake.shape as any).parties ? 3 : 0;
      const fields = { ...sample(def.intake, w.education, maxParties), receivedOn: '2025-06-02' };
      let id: number;
      try {
        id = await createCase(w.k, handler, { type: def.key, orgId: w.education, fields });
      } catch (e) {
        throw new Error(`${def.key}: the sample intake was refused: ${(e as Error).message}`);
      }
      caseIds.push({ id, type: def.key });
      if (Object.values(fields).some((v) => v === PII || v === SHORT.slice(0, 40))) seededFields.push(def.key);
      await walkSteps(def, id);
    }
    // 执法决定公示: a case taken to publication, its summary written with personal data.
    for (const no of ['JT2025001', 'JT2025002']) await createCase(w.k, handler, { type: 'enforcement_certificate', orgId: w.education, fields: { receivedOn: '2025-01-02', holder: `执法员${no}`, certNo: no, field: '教育' } });
    const enf = await createCase(w.k, handler, { type: 'enforcement', orgId: w.education, fields: { receivedOn: '2025-05-06', kind: 'penalty', source: 'report', matter: `对${PII}违规办学`.slice(0, 300), major: false, parties: PARTIES } as any });
    for (const [action, data] of [
      ['file', { officer1: 'JT2025001', officer2: 'JT2025002' }],
      ['investigate', { findings: PII }],
      ['notify', { proposal: '拟罚款', sanction: 'fine', proposedFine: 3000, partyType: 'person' }],
      ['decide', { decision: 'penalty', fine: 3000 }],
      ['publicize', { summary: `对${PII}罚款3000元` }],
    ] as const) {
      await performAction(w.k, handler, enf, action, { on: '2025-05-20', data });
    }
    caseIds.push({ id: enf, type: 'enforcement' });
    // A report: title and every section, published through the workflow.
    const report = await openReport(w.k, handler, w.education, 2024);
    const sections = (report.sections as any[]).map((s) => ({ ...s, heading: `${s.heading}（${SHORT}）`, body: PII }));
    await updateReport(w.k, handler, report.id, { version: report.version, title: `教体局报告：联系人${PII}`.slice(0, 200), sections });
    const snapshot = { frozenAt: '2025-06-02', title: `教体局报告：联系人${PII}`.slice(0, 200), signature: '测试区教育体育局', date: '2025-06-02', sections: sections.map((s, i) => ({ kind: s.kind, number: `${i + 1}、`, heading: s.heading, rendered: s.body })), figures: [] };
    await w.k.db.updateTable('reports').set({ state: 'submitted', snapshot: JSON.stringify(snapshot), submitted_on: '2025-06-02', version: report.version + 2 }).where('id', '=', report.id).execute();
    await actOnReport(w.k, handler, report.id, 'publish', { version: report.version + 2 });
    // A register: every text field of every item.
    const kinds = createRegisterKinds();
    for (const kind of kinds.all()) {
      const item = { ...sample(kind.item, w.education, 0), code: 'PII-1' };
      await publishRegister(w.k.db, handler, { orgId: w.education, kind, note: `调整：${SHORT}`, on: '2025-06-02', items: [item] });
    }
    // A draw whose title names a person.
    const spec = { item: '检查', counts: { high: 0, medium: 0, low: 0 }, inspectorsPerTarget: 2, targets: [], inspectors: [], conflicts: [] };
    await w.k.db.insertInto('draws').values({ org_id: w.education, title: `抽查（举报人${SHORT}）`, item: `核查${PII}`.slice(0, 200), joint_org_ids: '[]', spec: JSON.stringify(spec), commitment: 'c', pool_hash: 'p', seed: 's', result: null, drawn_on: null, created_by: hid }).execute();
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  /** Takes every step the case can take from where it is, with personal data in every text field, until none is accepted. */
  async function walkSteps(def: CaseTypeDef, id: number) {
    for (let round = 0; round < 12; round++) {
      const c = await w.k.db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirstOrThrow();
      let moved = false;
      for (const a of def.actions.filter((x) => !x.system && x.from.includes(c.state))) {
        try {
          await performAction(w.k, handler, id, a.key, { on: '2025-06-10', data: a.fields ? sample(a.fields, w.education, 0) : {} });
          moved = true;
          break;
        } catch {
          // a step whose other rules the sample does not meet: try the next one
        }
      }
      if (!moved) return;
    }
  }

  test('the seeds went in: every case type was registered with personal data, and the handling clerk sees it', async () => {
    assert.equal(caseIds.length, w.k.types.all().length + 1);
    assert.ok(seededFields.length >= w.k.types.all().length - 3, `free text seeded in ${seededFields.length} types`);
    const shown = await call('handler', `/api/cases/${caseIds.find((c) => c.type === 'reconsideration')!.id}`);
    assert.deepEqual(leaks(shown.text).sort(), [...SEEDED].sort(), 'the clerk who handles the case sees all of it');
  });

  test('no public route of the OpenAPI document shows any of it', async () => {
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body);
    const ids = {
      reports: (await w.k.db.selectFrom('reports').select('id').where('state', '=', 'published').execute()).map((r) => r.id),
      registers: (await w.k.db.selectFrom('registers').select('id').execute()).map((r) => r.id),
      draws: (await w.k.db.selectFrom('draws').select('id').execute()).map((r) => r.id),
    };
    let read = 0;
    for (const path of Object.keys(doc.paths).filter((p) => p.startsWith('/api/public/') && doc.paths[p].get)) {
      const family = path.split('/')[3] as keyof typeof ids;
      const urls = path.includes('{id}') ? (ids[family] ?? []).map((id) => path.replace('{id}', String(id))) : [path];
      for (const url of urls) {
        const r = await call(null, url);
        if (r.status === 503) continue; // PDF without LibreOffice: the .docx it would convert is scanned
        assert.equal(r.status, 200, url);
        assert.deepEqual(leaks(r.text), [], url);
        read++;
      }
    }
    assert.ok(read >= 8, `${read} public responses read`);
    const enforcement = await call(null, '/api/public/enforcement');
    assert.match(enforcement.text, /罚款3000元/, 'the 公示 itself is there');
  });

  test('exports never carry it, whoever exports', async () => {
    const register = (await w.k.db.selectFrom('registers').select('id').executeTakeFirstOrThrow()).id;
    const report = (await w.k.db.selectFrom('reports').select('id').executeTakeFirstOrThrow()).id;
    for (const [user, url] of [
      ['handler', '/api/cases/export.xlsx'],
      ['leader', '/api/cases/export.xlsx'],
      ['leader', `/api/registers/${register}/export.xlsx`],
      ['leader', `/api/reports/${report}/report.docx`],
      ['operator', `/api/reports/${report}/report.docx`],
    ]) {
      const r = await call(user, url);
      assert.equal(r.status, 200, url);
      assert.ok(r.text.length > 500, url);
      assert.deepEqual(leaks(r.text), [], `${user} ${url}`);
    }
  });

  test('readers without the need never see it: the leader, another department, the operator on other cases', async () => {
    for (const { id, type } of caseIds) {
      const leader = await call('leader', `/api/cases/${id}`);
      assert.equal(leader.status, 200);
      assert.deepEqual(leaks(leader.text), [], `leader: ${type}`);
      const operator = await call('operator', `/api/cases/${id}`);
      if (type !== 'hotline') assert.deepEqual(leaks(operator.text), [], `operator: ${type}`);
      const other = await call('clerk', `/api/cases/${id}`);
      assert.equal(other.status, 404, 'another department does not even see it');
    }
    const hotline = caseIds.find((c) => c.type === 'hotline')!;
    assert.ok(leaks((await call('operator', `/api/cases/${hotline.id}`)).text).includes('13800138000'), 'the operator sees the number to call back');
    // The yearly publications computed from records list 案号 and figures, never a person.
    const yearly = ['govinfo', 'enforcement-data', 'proposals', 'law-report-coverage'].map((p) => `/api/reports/${p}?orgId=${w.education}&year=2025`);
    for (const url of ['/api/cases?pageSize=200', '/api/dashboard', '/api/indicators/disclosure.received/records?year=2025', '/api/reports?year=2024', '/api/registers', '/api/draws', ...yearly]) {
      const r = await call('leader', url);
      assert.equal(r.status, 200, url);
      assert.deepEqual(leaks(r.text), [], `leader ${url}`);
    }
    const report = (await w.k.db.selectFrom('reports').select('id').executeTakeFirstOrThrow()).id;
    assert.deepEqual(leaks((await call('leader', `/api/reports/${report}`)).text), [], 'the leader reads the report masked');
    assert.ok(leaks((await call('handler', `/api/reports/${report}`)).text).length > 0, "the report's own writer sees what they wrote");
  });
});
