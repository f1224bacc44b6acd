import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { buildApp } from '../../src/server/app.ts';
import { govinfoReport, govinfoText } from '../../src/reports/govinfo.ts';
import { createOrg } from '../../src/kernel/orgs.ts';

/**
 * 2.13, 15.9: the 政府信息公开 年报 and the 行政执法 annual data are computed; each org-year's
 * 报送 and 公开 is recorded, and lateness against 条例第四十九条 / 118号 shows on the 年报, the data
 * and the reporting board, never for an org that has no duty.
 */
eachDatabase('政府信息公开年报、行政执法数据的报送与公开', (tdb) => {
  let w: World;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const cookies: Record<string, string> = {};
  const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const r = await app.inject({ method, url, payload: payload as any, headers: { cookie: cookies[user] } });
    return { status: r.statusCode, body: r.json() };
  };

  before(async () => {
    w = await makeWorld(tdb, '2026-02-10');
    app = await buildApp(w.k);
    for (const u of ['admin', 'edu', 'leader']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Test@12345' } });
      cookies[u] = String(r.headers['set-cookie']).split(';')[0];
    }
  });
  after(async () => {
    await app.close();
    await w.conn.close();
  });

  test('a department\'s 年报: submitted after 1月31日 is late, published by then is in time; the 年报 and its text show the record', async () => {
    const sub = await call('admin', 'POST', '/api/reports/govinfo/submission', { orgId: w.education, year: 2025, sentOn: '2026-02-03', channel: 'e_document', docNumber: '测教〔2026〕3号' });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    assert.equal(sub.body.submitStatus, 'late');
    assert.deepEqual(sub.body.problems, ['政府信息公开年报逾期报送', '政府信息公开年报逾期未公开']);
    assert.equal(sub.body.submission.recipient, '本级政府信息公开工作主管部门');
    const pub = await call('admin', 'POST', '/api/reports/govinfo/publication', { orgId: w.education, year: 2025, publishedOn: '2026-01-30', url: 'https://www.example.gov.cn/xxgk/2025.html' });
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    assert.equal(pub.body.publishStatus, 'sent');
    assert.deepEqual(pub.body.problems, ['政府信息公开年报逾期报送']);

    const view = await call('admin', 'GET', `/api/reports/govinfo?orgId=${w.education}&year=2025`);
    assert.equal(view.status, 200);
    assert.deepEqual(view.body.filing.submission, { sentOn: '2026-02-03', recipient: '本级政府信息公开工作主管部门', channel: '电子公文系统', docNumber: '测教〔2026〕3号' });
    assert.deepEqual(view.body.filing.publication, { publishedOn: '2026-01-30', way: '政府网站', url: 'https://www.example.gov.cn/xxgk/2025.html' });
    assert.match(govinfoText(await govinfoReport(w.k, null, w.education, 2025)), /报送：2026-02-03报本级政府信息公开工作主管部门（电子公文系统，测教〔2026〕3号），逾期\n公开：2026-01-30，政府网站 https:/);
    const audit = await w.k.db.selectFrom('audit_events').select('action').where('entity', '=', 'annual_filing').orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['annual.submit', 'annual.publish']);
  });

  test('the reporting board lists each publication\'s lateness apart from the 法治政府 report\'s, and none for an org with no duty', async () => {
    const pub = await call('admin', 'POST', '/api/reports/enforcement-data/publication', { orgId: w.education, year: 2025, publishedOn: '2026-02-05', way: 'notice_board' });
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    assert.equal(pub.body.publishStatus, 'late');
    const board = await call('admin', 'GET', '/api/reports?year=2025');
    assert.equal(board.status, 200, JSON.stringify(board.body));
    const row = (orgId: number) => board.body.orgs.find((o: any) => o.orgId === orgId);
    const annual = (orgId: number) => Object.fromEntries(row(orgId).annual.map((a: any) => [a.report, a]));
    // The 法治政府 report is due 3月1日之前: not late on 2月10日, whatever the other publications.
    assert.equal(row(w.education).late, false);
    assert.deepEqual(annual(w.education).govinfo.problems, ['政府信息公开年报逾期报送']);
    assert.deepEqual(annual(w.education).enforcement_data.problems, ['行政执法数据逾期公开']);
    assert.equal(annual(w.education).enforcement_data.publishedOn, '2026-02-05');
    // The 司法局 recorded nothing: both of its duties are overdue.
    assert.deepEqual(annual(w.justice).govinfo.problems, ['政府信息公开年报逾期未报送', '政府信息公开年报逾期未公开']);
    assert.deepEqual(annual(w.justice).enforcement_data.problems, ['行政执法数据逾期未公开']);
    // The 区政府's 年报 is due 3月31日 and submitted to no one; it is no enforcement body (its
    // 建议提案 办理情况 is its own duty, below).
    assert.deepEqual(Object.keys(annual(w.district)), ['govinfo', 'proposals']);
    assert.equal(annual(w.district).govinfo.publishStatus, 'pending');
    assert.equal(annual(w.district).govinfo.submitStatus, null);
    assert.equal(annual(w.district).govinfo.late, false);
    // A 街道 has neither duty: never listed, so never late.
    assert.deepEqual(row(w.township).annual, []);
  });

  test('a 街道 may publish its data of its own accord; that is recorded, never late', async () => {
    const r = await call('admin', 'POST', '/api/reports/enforcement-data/publication', { orgId: w.township, year: 2025, publishedOn: '2026-02-09', url: 'https://www.example.gov.cn/jd/2025.html' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.publishBy, r.body.publishStatus, r.body.late], [null, null, false]);
    const data = await call('admin', 'GET', `/api/reports/enforcement-data?orgId=${w.township}&year=2025`);
    assert.equal(data.body.filing.publication.publishedOn, '2026-02-09');
  });

  test('refusals: twice, a 报送 the rule does not ask for, dates, a website without its address, a user without the duty or out of scope', async () => {
    const sub = (body: Record<string, unknown>) => call('admin', 'POST', '/api/reports/govinfo/submission', { year: 2025, ...body });
    let r = await sub({ orgId: w.education, sentOn: '2026-02-04' });
    assert.equal(r.status, 409);
    assert.match(r.body.message, /已于2026-02-03登记报送，不能重复登记/);
    r = await sub({ orgId: w.district });
    assert.equal(r.status, 409);
    assert.match(r.body.message, /无须报送.*政府信息公开条例第四十九条/);
    r = await call('admin', 'POST', '/api/reports/enforcement-data/submission', { orgId: w.justice, year: 2025 });
    assert.equal(r.status, 409);
    assert.match(r.body.message, /国办发〔2018〕118号/);
    r = await sub({ orgId: w.justice, sentOn: '2025-12-31' });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /年度结束后报送/);
    r = await sub({ orgId: w.justice, sentOn: '2026-02-11' });
    assert.equal(r.status, 400);
    // A receiving org picked by id must be one of this district's; another district's is refused.
    const elsewhere = await createOrg(w.k.db, { parentId: null, name: '邻区人民政府', shortName: '邻区', kind: 'government' });
    r = await sub({ orgId: w.justice, sentOn: '2026-02-09', recipientOrgId: elsewhere.id });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /不是本区的单位/);
    r = await call('admin', 'POST', '/api/reports/govinfo/publication', { orgId: w.justice, year: 2025 });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /公开网址/);
    // A leader approves reports but does not record their 公开; another org's clerk does not see the 司法局.
    r = await call('leader', 'POST', '/api/reports/govinfo/publication', { orgId: w.education, year: 2024, way: 'gazette' });
    assert.equal(r.status, 403);
    r = await call('edu', 'POST', '/api/reports/govinfo/publication', { orgId: w.justice, year: 2024, way: 'gazette' });
    assert.equal(r.status, 404);
    // Nothing of the refused calls was stored.
    const rows = await w.k.db.selectFrom('annual_filings').select(['report', 'org_id', 'step']).orderBy('id').execute();
    assert.equal(rows.length, 4);
  });

  test('the 建议提案 办理情况: sent within the year of the 交办, late after 10月10日 for a department, its 公开 recorded but never late', async () => {
    const sub = await call('admin', 'POST', '/api/reports/proposals/submission', { orgId: w.education, year: 2025, sentOn: '2025-10-09', channel: 'exchange', docNumber: '测教〔2025〕41号' });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    assert.deepEqual([sub.body.submitBy, sub.body.submitStatus, sub.body.publishBy, sub.body.publishStatus, sub.body.late], ['2025-10-10', 'sent', null, null, false]);
    assert.equal(sub.body.submission.recipient, '区政府办公室（书面总结）');
    const pub = await call('admin', 'POST', '/api/reports/proposals/publication', { orgId: w.education, year: 2025, publishedOn: '2026-01-20', way: 'gazette' });
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    assert.deepEqual([pub.body.publication.way, pub.body.publishStatus, pub.body.late], ['政府公报', null, false]);
    const late = await call('admin', 'POST', '/api/reports/proposals/submission', { orgId: w.justice, year: 2025, sentOn: '2025-10-13' });
    assert.equal(late.body.submitStatus, 'late');
    assert.deepEqual(late.body.problems, ['建议提案办理情况逾期报送']);

    const view = await call('admin', 'GET', `/api/reports/proposals?orgId=${w.education}&year=2025`);
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal(view.body.filing.submission.sentOn, '2025-10-09');
    const board = await call('admin', 'GET', '/api/reports?year=2025');
    const annual = (orgId: number) => Object.fromEntries(board.body.orgs.find((o: any) => o.orgId === orgId).annual.map((a: any) => [a.report, a]));
    assert.equal(annual(w.education).proposals.submitStatus, 'sent');
    assert.deepEqual(annual(w.justice).proposals.problems, ['建议提案办理情况逾期报送']);
    // The 区政府 reports to the 人大常委会 by 12月31日: nothing recorded by 2月10日 is overdue.
    assert.deepEqual(annual(w.district).proposals.problems, ['建议提案办理情况逾期未报送']);
    assert.equal(annual(w.township).proposals, undefined);

    let r = await call('admin', 'POST', '/api/reports/proposals/submission', { orgId: w.township, year: 2025, sentOn: '2025-10-01' });
    assert.equal(r.status, 409);
    assert.match(r.body.message, /不承担.*报送义务/);
    r = await call('admin', 'POST', '/api/reports/proposals/submission', { orgId: w.district, year: 2025, sentOn: '2024-12-30' });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /不能早于2025-01-01/);
  });
});
