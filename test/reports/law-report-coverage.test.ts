import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, assignDuties, rejects, type World } from '../helpers.ts';
import { createCase, getCase } from '../../src/kernel/cases/engine.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { createUser, actorById } from '../../src/kernel/auth/sessions.ts';
import { obligationOfOrgs, setObligation } from '../../src/kernel/obligations.ts';
import { lawReportCoverage, lawReportCoverageText } from '../../src/reports/law-report-coverage.ts';
import { buildApp } from '../../src/server/app.ts';

/**
 * Review row 14.1: who must 述法 is the district's list (data, defaulting by org kind), and the
 * 述法覆盖率 divides the listed orgs that 述法'd in the 述法年度 by the listed orgs, naming the rest.
 */
eachDatabase('述法覆盖率', (tdb) => {
  let w: World;
  let committee: number;
  const n: Record<string, string> = {};
  const year2026 = { from: '2026-01-01', to: '2026-12-31' };
  const report = async (name: string, fields: Record<string, unknown>) => {
    const id = await createCase(w.k, w.admin, { type: 'law_report', orgId: w.justice, fields: { form: 'written', reporter: name, position: 'department_head', ...fields } });
    n[name] = (await getCase(w.k, w.admin, id)).number;
  };
  const coverage = (orgId = w.district, period = year2026) => lawReportCoverage(w.k, null, orgId, period);

  before(async () => {
    w = await makeWorld(tdb, '2027-01-20');
    committee = (await createOrg(w.k.db, { parentId: w.justice, name: '城关人民调解委员会', shortName: '城关调委会', kind: 'committee' })).id;
  });
  after(async () => w.conn.close());

  test('by default the 区政府, its departments and the 街道 must 述法; a committee need not', async () => {
    const list = await obligationOfOrgs(w.k.db, 'law_report', '/');
    const required = Object.fromEntries(list.map((o) => [o.id, [o.required, o.source]]));
    assert.deepEqual(required[w.district], [true, 'default']);
    assert.deepEqual(required[w.education], [true, 'default']);
    assert.deepEqual(required[w.township], [true, 'default']);
    assert.deepEqual(required[committee], [false, 'default']);
    const none = await coverage();
    assert.deepEqual([none.value, none.numerator, none.denominator], [0, 0, 4]);
    assert.deepEqual(none.missing.map((m) => m.orgId), [w.district, w.justice, w.education, w.township].sort((a, b) => a - b));
  });

  test('述法 counts for the org it names and for its 述法年度; the rest are listed as missing', async () => {
    await report('司法局', { receivedOn: '2026-12-20' });
    await report('教体局', { receivedOn: '2026-12-21', unit: w.education });
    // The 区长's 年终述法 held in January, recorded for 2026.
    await report('区政府', { receivedOn: '2027-01-10', unit: w.district, year: 2026 });
    // The 街道's 述法 held in December 2026 but on 2025: not 2026's.
    await report('城关街道', { receivedOn: '2026-12-22', unit: w.township, year: 2025 });
    // A committee 述法'd though not on the list: shown apart, outside the rate.
    await report('调委会', { receivedOn: '2026-12-23', unit: committee });
    const c = await coverage();
    assert.deepEqual([c.value, c.numerator, c.denominator], [75, 3, 4]);
    assert.deepEqual(c.missing.map((m) => m.name), ['城关街道办事处']);
    assert.deepEqual(c.orgs.find((o) => o.orgId === w.district)!.cases, [n['区政府']]);
    assert.deepEqual(c.others, [{ orgId: committee, name: '城关人民调解委员会', cases: [n['调委会']] }]);
    assert.match(lawReportCoverageText(c), /述法覆盖率：75%（3\/4）/);
    assert.match(lawReportCoverageText(c), /城关街道办事处\t未述法/);
    // 2025 finds the 街道's 述法 and nobody else's.
    const y2025 = await coverage(w.district, { from: '2025-01-01', to: '2025-12-31' });
    assert.deepEqual([y2025.numerator, y2025.denominator, y2025.orgs.find((o) => o.orgId === w.township)!.reported], [1, 4, true]);
    // A subtree: the 司法局 alone (its committee is not on the list).
    const justice = await coverage(w.justice);
    assert.deepEqual([justice.value, justice.numerator, justice.denominator], [100, 1, 1]);
  });

  test('the district sets its own list: an org taken off or put on, and back to its default', async () => {
    await setObligation(w.k.db, null, w.township, 'law_report', false);
    let c = await coverage();
    assert.deepEqual([c.value, c.numerator, c.denominator, c.missing.length], [100, 3, 3, 0]);
    const on = await setObligation(w.k.db, null, committee, 'law_report', true);
    assert.deepEqual([on.required, on.source], [true, 'set']);
    c = await coverage();
    assert.deepEqual([c.numerator, c.denominator, c.others], [4, 4, []]);
    await setObligation(w.k.db, null, w.township, 'law_report', null);
    await setObligation(w.k.db, null, committee, 'law_report', null);
    c = await coverage();
    assert.deepEqual([c.numerator, c.denominator], [3, 4]);
    assert.equal((await obligationOfOrgs(w.k.db, 'law_report', '/')).find((o) => o.id === w.township)!.source, 'default');
    const audit = await w.k.db.selectFrom('audit_events').select(['action', 'after']).where('action', '=', 'org.obligation').execute();
    assert.equal(audit.length, 4);
    await rejects(setObligation(w.k.db, null, w.township, 'no_such_duty', true), 400, /没有「no_such_duty」这一义务/);
  });

  test('only a holder of obligations.edit sets the list; the coverage answers in the reader\'s scope', async () => {
    const office = await createUser(w.k.db, { orgId: w.district, scopeOrgId: w.district, username: 'office', displayName: '依法治区办', role: 'clerk', password: 'Test@12345' });
    await assignDuties(w.k, office, [{ orgId: w.district, subunits: true, subject: 'obligations', actions: ['edit'] }]);
    await rejects(setObligation(w.k.db, w.clerk, w.township, 'law_report', false), 403);
    await setObligation(w.k.db, (await actorById(w.k.db, office))!, w.township, 'law_report', false);
    const app = await buildApp(w.k);
    try {
      const login = async (username: string) =>
        String((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Test@12345' } })).headers['set-cookie']).split(';')[0];
      const officeCookie = await login('office');
      const put = (cookie: string, required: boolean | null) => app.inject({ method: 'PUT', url: `/api/orgs/${w.township}/obligations/law_report`, headers: { cookie }, payload: { required } });
      const back = await put(officeCookie, null);
      assert.equal(back.statusCode, 200, back.body);
      assert.deepEqual([back.json().required, back.json().source], [true, 'default']);
      assert.equal((await put(await login('clerk'), false)).statusCode, 403);
      const leader = await login('leader');
      const r = await app.inject({ method: 'GET', url: `/api/reports/law-report-coverage?orgId=${w.district}&year=2026`, headers: { cookie: leader } });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual([r.json().numerator, r.json().denominator, r.json().missing.map((m: any) => m.orgId)], [3, 4, [w.township]]);
      const period = await app.inject({ method: 'GET', url: `/api/reports/law-report-coverage?orgId=${w.district}&from=2026-01-01&to=2026-06-30`, headers: { cookie: leader } });
      assert.equal(period.json().numerator, 3, 'a part of a year counts the 述法 of that year');
      assert.equal((await app.inject({ method: 'GET', url: `/api/reports/law-report-coverage?orgId=${w.district}`, headers: { cookie: leader } })).statusCode, 400);
      const hidden = await app.inject({ method: 'GET', url: `/api/reports/law-report-coverage?orgId=${w.district}&year=2026`, headers: { cookie: await login('edu') } });
      assert.equal(hidden.statusCode, 404);
    } finally {
      await app.close();
    }
  });
});
