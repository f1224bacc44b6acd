import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, applicant, rejects, type World } from '../helpers.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { importCases } from '../../src/kernel/cases/import.ts';
import { createCase, getCase, performAction } from '../../src/kernel/cases/engine.ts';
import { indicatorRecords } from '../../src/kernel/indicators/compute.ts';
import { govinfoReport, govinfoText, type GovInfoReport } from '../../src/reports/govinfo.ts';
import { govinfoDeadline } from '../../src/reports/duty.ts';
import { buildApp } from '../../src/server/app.ts';

/**
 * The 政府信息公开工作年度报告 (条例 arts. 49–50, 国办公开办函〔2021〕30号): every cell of the tables
 * is the number of seeded records it should count, and the 勾稽关系 holds.
 */
eachDatabase('政府信息公开年报', (tdb) => {
  let w: World;
  let report: GovInfoReport;
  const numbers: Record<string, string> = {};
  const disclosure = async (name: string, receivedOn: string, applicantType: string, steps: [string, string, Record<string, unknown>][]) => {
    const id = await createCase(w.k, w.admin, {
      type: 'disclosure',
      orgId: w.justice,
      fields: { receivedOn, channel: 'in_person', applicantType, content: `申请${name}`, parties: [{ role: 'applicant', name: '王五' }] },
    });
    for (const [on, action, data] of steps) await performAction(w.k, w.admin, id, action, { on, data });
    numbers[name] = (await getCase(w.k, w.admin, id)).number;
  };

  before(async () => {
    w = await makeWorld(tdb, '2026-01-20');
    // Answered in 2024: in no cell of 2025.
    await disclosure('old', '2024-11-01', 'person', [['2024-11-20', 'answer', { outcome: 'disclosed', method: 'electronic' }]]);
    // 上年结转 (商业企业), answered 2025: 予以公开.
    await disclosure('carried', '2024-12-20', 'business', [['2025-01-10', 'answer', { outcome: 'disclosed', method: 'electronic' }]]);
    await disclosure('refused', '2025-03-03', 'person', [['2025-03-20', 'answer', { outcome: 'refused', ground: 'process', reason: '属于过程性信息', method: 'mail' }]]);
    await disclosure('unavailable', '2025-04-01', 'legal_service', [['2025-04-15', 'answer', { outcome: 'unavailable', ground: 'not_held', method: 'mail' }]]);
    await disclosure('partial', '2025-05-06', 'person', [['2025-05-20', 'answer', { outcome: 'partial', reason: '部分涉及个人隐私', method: 'mail' }]]);
    await disclosure('withdrawn', '2025-06-02', 'research', [['2025-06-10', 'withdraw', {}]]);
    await disclosure('fee', '2025-08-04', 'person', [
      ['2025-08-06', 'fee_notice', { method: 'by_count', amount: 100 }],
      ['2025-08-12', 'fee_paid', {}],
      ['2025-08-20', 'answer', { outcome: 'disclosed', method: 'electronic' }],
    ]);
    // Received in 2025, answered in 2026: 结转下年度.
    await disclosure('next', '2025-12-22', 'nonprofit', [['2026-01-08', 'answer', { outcome: 'disclosed', method: 'electronic' }]]);
    // Received in 2026: in no cell of 2025.
    await disclosure('later', '2026-01-05', 'person', []);

    // 复议 about 政府信息公开 with the 司法局 as 被申请人: one withdrawn before acceptance, one pending; one about another body.
    const rec = async (respondent: string, category: string, receivedOn: string, withdraw?: string) => {
      const id = await createCase(w.k, w.admin, {
        type: 'reconsideration',
        orgId: w.justice,
        fields: { receivedOn, channel: 'in_person', respondent, category, actUnderReview: '政府信息公开申请答复', parties: [applicant] },
      });
      if (withdraw) await performAction(w.k, w.admin, id, 'withdraw_application', { on: withdraw, data: {} });
    };
    await rec('测试区司法局', 'disclosure', '2025-06-01', '2025-06-03');
    await rec('测试区司法局', 'disclosure', '2025-12-29');
    await rec('测试区司法局', 'penalty', '2025-06-01');
    await rec('测试区教育体育局', 'disclosure', '2025-06-01');

    // 应诉: direct suit lost (结果纠正), suit after 复议 won (结果维持), a suit not about 政府信息公开.
    const suit = async (no: string, disclosure: boolean, afterReconsideration: boolean, result?: string) => {
      const id = await createCase(w.k, w.admin, {
        type: 'litigation',
        orgId: w.justice,
        fields: { receivedOn: '2025-07-01', court: '测试区人民法院', courtCaseNo: no, plaintiff: '王五', actUnderReview: '政府信息公开答复', instance: 'first', disclosure, afterReconsideration },
      });
      if (result) {
        await performAction(w.k, w.admin, id, 'answer', { on: '2025-07-10', data: {} });
        await performAction(w.k, w.admin, id, 'judgment', { on: '2025-10-10', data: { result } });
      }
    };
    await suit('（2025）测0101行初1号', true, false, 'lost');
    await suit('（2025）测0101行初2号', true, true, 'won');
    await suit('（2025）测0101行初3号', false, false, 'won');
    await suit('（2025）测0101行初4号', true, false);

    // 行政许可: one decided in 2025, one still under review.
    for (const [matter, decided] of [['食品经营许可', true], ['户外广告设置许可', false]] as const) {
      const id = await createCase(w.k, w.admin, { type: 'licensing', orgId: w.justice, fields: { receivedOn: '2025-09-01', matter, channel: 'window', parties: [applicant] } });
      await performAction(w.k, w.admin, id, 'accept', { on: '2025-09-02', data: {} });
      if (decided) await performAction(w.k, w.admin, id, 'decide', { on: '2025-09-10', data: { decision: 'granted' } });
    }

    report = await govinfoReport(w.k, w.admin, w.justice, 2025);
  });
  after(async () => w.conn.close());

  const row = (key: string) => report.requests.rows.find((r) => r.key === key)!;

  test('section 三: each cell is the count of the seeded applications, by applicant type', () => {
    assert.deepEqual(row('new').cells, { person: 3, business: 0, research: 1, nonprofit: 1, legal_service: 1, other: 0, total: 6 });
    assert.deepEqual(row('carried').cells, { person: 0, business: 1, research: 0, nonprofit: 0, legal_service: 0, other: 0, total: 1 });
    assert.deepEqual(row('carried').cases, [numbers.carried]);
    assert.deepEqual([row('disclosed').cells.business, row('disclosed').cells.person, row('disclosed').cells.total], [1, 1, 2]);
    assert.equal(row('partial').cells.person, 1);
    assert.equal(row('refused_process').cells.person, 1);
    assert.equal(row('refused_secret').cells.total, 0);
    assert.equal(row('unavailable_not_held').cells.legal_service, 1);
    assert.deepEqual(row('other').cases, [numbers.withdrawn], 'a withdrawn request is 其他处理');
    assert.equal(row('total').cells.total, 6);
    assert.deepEqual(row('next').cases, [numbers.next], 'answered in 2026: carried into the next year');
    assert.equal(row('next').cells.nonprofit, 1);
    assert.ok(report.requests.balanced);
    assert.equal(row('new').cells.total + row('carried').cells.total, row('total').cells.total + row('next').cells.total);
    // The rows under 三 add up to （七）总计.
    const results = report.requests.rows.filter((r) => !['new', 'carried', 'total', 'next'].includes(r.key));
    assert.equal(results.reduce((n, r) => n + r.cells.total, 0), row('total').cells.total);
  });

  test('a row that an indicator defines drills to the same records', async () => {
    for (const key of ['new', 'disclosed', 'refused_process', 'other', 'total']) {
      const r = row(key);
      const drill = await indicatorRecords(w.k, r.indicator!, { orgId: w.justice, from: '2025-01-01', to: '2025-12-31' });
      assert.equal(drill.total, r.cells.total, key);
      assert.deepEqual(drill.items.map((i) => i.number).sort(), [...r.cases].sort(), key);
    }
  });

  test('section 四: 复议 by 被申请人 and subject, 诉讼 split by whether a 复议 came first', () => {
    const [rec, direct, after] = report.reviews;
    assert.deepEqual([rec.upheld, rec.corrected, rec.other, rec.pending, rec.total], [0, 0, 1, 1, 2]);
    assert.deepEqual([direct.upheld, direct.corrected, direct.other, direct.pending, direct.total], [0, 1, 0, 1, 2]);
    assert.deepEqual([after.upheld, after.corrected, after.other, after.pending, after.total], [1, 0, 0, 0, 1]);
  });

  test('section 二: 行政许可 decisions are counted; what the platform does not record is null, not 0', () => {
    const active = Object.fromEntries(report.active.map((r) => [r.key, r.figures]));
    assert.deepEqual(active.licensing.map((f) => f.value), [1]);
    assert.deepEqual(active.normative.map((f) => f.value), [0, 0, 0]);
    assert.deepEqual(active.rules.map((f) => f.value), [null, null, null]);
    assert.equal(active.fees[0].value, null);
  });

  test('section 六 and 一: the 信息处理费 and the overview come from the same records', () => {
    assert.deepEqual(report.other.figures.map((f) => f.value), [1, 100]);
    assert.match(report.overview, /新收政府信息公开申请6件，上年结转1件，办结6件/);
    assert.match(govinfoText(report), /一、本年新收政府信息公开申请数量\t3\t0\t1\t1\t1\t0\t6/);
  });

  test('the subtree: the district counts the 司法局 and the 教体局 复议; a 街道 has nothing and no art. 49 date', async () => {
    const district = await govinfoReport(w.k, w.admin, w.district, 2025);
    assert.equal(district.requests.rows.find((r) => r.key === 'new')!.cells.total, 6);
    assert.equal(district.reviews[0].total, 3);
    assert.deepEqual(district.deadline, { submitBy: null, publishBy: '2026-03-31' });
    assert.deepEqual(report.deadline, { submitBy: '2026-01-31', publishBy: '2026-01-31' });
    const township = await govinfoReport(w.k, w.admin, w.township, 2025);
    assert.equal(township.requests.rows.find((r) => r.key === 'total')!.cells.total, 0);
    assert.equal(township.deadline, null);
    assert.equal(govinfoDeadline('office', 2025), null);
  });

  test('GET /api/reports/govinfo answers the same report; another org\'s clerk does not see it', async () => {
    const app = await buildApp(w.k);
    try {
      const login = async (username: string) =>
        String((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Test@12345' } })).headers['set-cookie']).split(';')[0];
      const r = await app.inject({ method: 'GET', url: `/api/reports/govinfo?orgId=${w.justice}&year=2025`, headers: { cookie: await login('clerk') } });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().requests.rows.map((x: any) => x.cells.total), report.requests.rows.map((x) => x.cells.total));
      const hidden = await app.inject({ method: 'GET', url: `/api/reports/govinfo?orgId=${w.justice}&year=2025`, headers: { cookie: await login('edu') } });
      assert.equal(hidden.statusCode, 404);
    } finally {
      await app.close();
    }
  });
});

/**
 * A 规范性文件 is filed at the 司法局 (合法性审核) but issued by its 制定机关: the 年报's 规范性文件
 * cells count it for the org that issued it, not for the one that filed it.
 */
eachDatabase('政府信息公开年报：规范性文件按制定机关计', (tdb) => {
  let w: World;
  const numbers: Record<string, string> = {};
  const normative = async (name: string, issuerOrgId: number | undefined, repeal = false) => {
    const id = await createCase(w.k, w.admin, {
      type: 'normative_document',
      orgId: w.justice,
      fields: { receivedOn: '2025-03-03', title: `文件${name}`, drafter: '起草单位', materials: true, ...(issuerOrgId ? { issuerOrgId } : {}) },
    });
    await performAction(w.k, w.admin, id, 'review', { on: '2025-03-10', data: { opinion: 'approved', reviewer: '法制科' } });
    await performAction(w.k, w.admin, id, 'deliberate', { on: '2025-03-20', data: { meeting: '局务会议', result: 'passed' } });
    await performAction(w.k, w.admin, id, 'issue', { on: '2025-04-01', data: { docNo: `测规〔2025〕${name}号` } });
    if (repeal) {
      await performAction(w.k, w.admin, id, 'file', { on: '2025-04-10', data: { filedWith: '区人大常委会' } });
      await performAction(w.k, w.admin, id, 'repeal', { on: '2025-11-03', data: { reason: '上位法修改' } });
    }
    numbers[name] = (await getCase(w.k, w.admin, id)).number;
  };
  const cells = async (orgId: number) => (await govinfoReport(w.k, w.admin, orgId, 2025)).active.find((r) => r.key === 'normative')!.figures;

  before(async () => {
    w = await makeWorld(tdb, '2026-01-20');
    await normative('edu1', w.education);
    await normative('edu2', w.education, true);
    await normative('gov', w.district);
    // A record from before the field: it counts for the org that filed it.
    await normative('old', undefined);
  });
  after(async () => w.conn.close());

  test('a department counts the documents it issued, though filed at the 司法局', async () => {
    const edu = await cells(w.education);
    assert.deepEqual(edu.map((f) => f.value), [2, 1, 1]);
    assert.deepEqual(edu[2].cases, [numbers.edu1]);
    const drill = await indicatorRecords(w.k, 'normative_document.issued', { orgId: w.education, from: '2025-01-01', to: '2025-12-31' });
    assert.equal(drill.total, 2);
    assert.deepEqual(drill.items.map((i) => i.number).sort(), [numbers.edu1, numbers.edu2].sort());
  });

  test('the 司法局 counts only its own (here the record without a 制定机关), the district all of them', async () => {
    const justice = await cells(w.justice);
    assert.deepEqual(justice.map((f) => f.value), [1, 0, 1]);
    assert.deepEqual(justice[2].cases, [numbers.old]);
    assert.deepEqual((await cells(w.district)).map((f) => f.value), [4, 1, 3]);
    assert.deepEqual((await cells(w.township)).map((f) => f.value), [0, 0, 0]);
  });

  test('a department reads (not acts on) the documents that name it as 制定机关: its 制发 drill-down opens, personal data stays masked', async () => {
    // A title that names a person another case knows of: masked for anyone who does not handle the case.
    await createCase(w.k, w.admin, { type: 'disclosure', orgId: w.justice, fields: { receivedOn: '2025-05-06', channel: 'in_person', applicantType: 'person', content: '申请公开', parties: [{ role: 'applicant', name: '欧阳明' }] } });
    const named = await createCase(w.k, w.admin, { type: 'normative_document', orgId: w.justice, fields: { receivedOn: '2025-05-07', title: '关于欧阳明反映问题的处理办法', drafter: '起草单位', materials: true, issuerOrgId: w.education } });
    await performAction(w.k, w.admin, named, 'review', { on: '2025-05-12', data: { opinion: 'approved', reviewer: '法制科' } });
    await performAction(w.k, w.admin, named, 'deliberate', { on: '2025-05-20', data: { meeting: '局务会议', result: 'passed' } });
    await performAction(w.k, w.admin, named, 'issue', { on: '2025-06-01', data: { docNo: '测规〔2025〕9号' } });

    const app = await buildApp(w.k);
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'edu', password: 'Test@12345' } });
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const get = async (url: string) => {
        const r = await app.inject({ method: 'GET', url, headers: { cookie } });
        return { status: r.statusCode, body: r.json() };
      };
      const drill = await get(`/api/indicators/normative_document.issued/records?orgId=${w.education}&year=2025`);
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.equal(drill.body.items.length, 3);
      for (const item of drill.body.items) {
        const c = await get(`/api/cases/${item.caseId}`);
        assert.equal(c.status, 200, `${item.caseId}: ${JSON.stringify(c.body)}`);
        assert.equal(c.body.orgId, w.justice);
        // Filed at the 司法局: its steps are the 司法局's.
        assert.deepEqual(c.body.actions, []);
        assert.deepEqual(c.body.links, []);
        assert.equal(c.body.personalDataMasked, true);
      }
      const c = await get(`/api/cases/${named}`);
      assert.equal(c.status, 200);
      assert.doesNotMatch(JSON.stringify(c.body), /欧阳明/);
      assert.doesNotMatch(JSON.stringify(drill.body), /欧阳明/);
      // Not a document of the 教体局, nor the disclosure case beside it: still not found.
      const ids = await w.k.db.selectFrom('cases').select(['id', 'number', 'type']).where('org_id', '=', w.justice).execute();
      const notMine = ids.filter((r) => r.number === numbers.gov || r.number === numbers.old || r.type === 'disclosure');
      assert.equal(notMine.length, 3);
      for (const r of notMine) assert.equal((await get(`/api/cases/${r.id}`)).status, 404);
      // Reading is not acting: a step on the document is refused as on any case out of scope.
      const step = await app.inject({ method: 'POST', url: `/api/normative_document/cases/${named}/file`, headers: { cookie }, payload: { on: '2025-06-10', data: { filedWith: '区人大常委会' } } });
      assert.ok([403, 404].includes(step.statusCode), `${step.statusCode} ${step.body}`);
      await rejects(performAction(w.k, w.eduClerk, named, 'file', { on: '2025-06-10', data: { filedWith: '区人大常委会' } }), 404, /案件/);
    } finally {
      await app.close();
    }
  });

  test('the 制定机关 must be an org of the district', async () => {
    const intake = (issuerOrgId: number) =>
      createCase(w.k, w.admin, { type: 'normative_document', orgId: w.justice, fields: { receivedOn: '2025-05-06', title: '文件x', drafter: '起草单位', materials: true, issuerOrgId } });
    await rejects(intake(999999), 400, /制定机关（编号999999）不存在/);
    const other = await createOrg(w.k.db, { parentId: null, name: '邻区人民政府', shortName: '邻区', kind: 'government' });
    await rejects(intake(other.id), 400, /制定机关须为本级政府所属单位/);
  });

  test('an import names the 制定机关 by its name; an unknown or outside org is refused on its line', async () => {
    const row = (issuer: string) => ({ 报送审核日期: '2025-06-02', 文件名称: '导入文件', 起草单位: '教体局', '起草说明、征求意见等材料齐全': '是', 制定机关: issuer });
    await rejects(importCases(w.k, w.admin, { type: 'normative_document', orgId: w.justice, rows: [row('区教体局'), row('邻区')] }), 400, /第3行：制定机关/);
    await rejects(importCases(w.k, w.admin, { type: 'normative_document', orgId: w.justice, rows: [row('不存在局')] }), 400, /第2行：制定机关/);
    assert.deepEqual(await importCases(w.k, w.admin, { type: 'normative_document', orgId: w.justice, rows: [row('测试区教育体育局')] }), { imported: 1 });
    const stored = await w.k.db.selectFrom('cases').select('fields').where('title', '=', '导入文件').executeTakeFirstOrThrow();
    assert.equal((stored.fields as any).issuerOrgId, w.education);
  });
});
