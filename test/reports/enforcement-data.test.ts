import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, applicant, type World } from '../helpers.ts';
import { createCase, getCase, performAction } from '../../src/kernel/cases/engine.ts';
import { indicatorRecords } from '../../src/kernel/indicators/compute.ts';
import { enforcementData, enforcementDataText, type EnforcementDataReport } from '../../src/reports/enforcement-data.ts';
import { buildApp } from '../../src/server/app.ts';

/**
 * 行政执法年度数据 (国办发〔2018〕118号): every cell is the number of seeded records it should
 * count, a cell an indicator gives drills to the same records, and the route answers only in scope.
 */
eachDatabase('行政执法年度数据', (tdb) => {
  let w: World;
  let report: EnforcementDataReport;
  const numbers: Record<string, string> = {};
  const step = (id: number, action: string, on: string, data: Record<string, unknown> = {}, who = w.admin) => performAction(w.k, who, id, action, { on, data });
  const cert = (certNo: string) =>
    createCase(w.k, null, { type: 'enforcement_certificate', orgId: w.justice, fields: { receivedOn: '2025-01-10', holder: `执法员${certNo.slice(-2)}`, certNo, field: '司法行政' } });
  const officers = { officer1: 'SF2025001', officer2: 'SF2025002' };
  const penaltyCase = async (receivedOn: string, extra: Record<string, unknown> = {}) => {
    const id = await createCase(w.k, w.clerk, { type: 'enforcement', orgId: w.justice, fields: { receivedOn, kind: 'penalty', source: 'inspection', matter: '未经许可从事法律服务', major: false, ...extra } });
    await step(id, 'file', receivedOn, officers, w.clerk);
    await step(id, 'investigate', receivedOn, { findings: '查明违法事实' }, w.clerk);
    return id;
  };
  const notice = (hearingRight = false) => ({ proposal: '拟罚款', sanction: 'fine', proposedFine: 5000, partyType: 'organization', hearingRight });
  const review = { reviewer: '王审核', qualified: true, opinion: 'approved' };

  before(async () => {
    w = await makeWorld(tdb, '2026-01-20');
    await cert('SF2025001');
    await cert('SF2025002');

    // 行政许可: three accepted in 2025 (one granted, one refused, one pending); one decided in 2024.
    const licence = async (receivedOn: string, decision?: string) => {
      const id = await createCase(w.k, w.admin, { type: 'licensing', orgId: w.justice, fields: { receivedOn, matter: '法律援助机构设立许可', channel: 'window', parties: [applicant] } });
      await step(id, 'accept', receivedOn);
      if (decision) await step(id, 'decide', receivedOn.replace(/-(\d\d)$/, '-20'), { decision, reason: decision === 'refused' ? '不符合条件，可依法申请复议或起诉' : undefined });
    };
    await licence('2024-09-02', 'granted');
    await licence('2025-03-03', 'granted');
    await licence('2025-04-01', 'refused');
    await licence('2025-11-03');

    // 行政处罚: ordinary (5000), 重大 after 法制审核 (3000), after 听证 and 法制审核 (8000), 当场 (100), 首违不罚 (not a 处罚).
    const plain = await penaltyCase('2025-03-03');
    await step(plain, 'notify', '2025-03-04', notice(), w.clerk);
    await step(plain, 'decide', '2025-03-20', { decision: 'penalty', fine: 5000 });
    const major = await penaltyCase('2025-05-06', { major: true });
    await step(major, 'notify', '2025-05-07', notice(), w.clerk);
    await step(major, 'legal_review', '2025-05-12', review);
    await step(major, 'decide', '2025-05-20', { decision: 'lighter', fine: 3000, collective: true });
    const heard = await penaltyCase('2025-06-02');
    await step(heard, 'notify', '2025-06-03', notice(true), w.clerk);
    await step(heard, 'hearing', '2025-06-12', { noticeOn: '2025-06-03', host: '李主持', hostNotInvestigator: true, attendance: 'attended', summary: '当事人陈述申辩' }, w.clerk);
    await step(heard, 'legal_review', '2025-06-13', review);
    await step(heard, 'decide', '2025-06-20', { decision: 'penalty', fine: 8000 });
    const spot = await createCase(w.k, w.clerk, { type: 'enforcement', orgId: w.justice, fields: { receivedOn: '2025-07-01', kind: 'penalty', source: 'inspection', matter: '当场处罚', major: false } });
    await step(spot, 'on_the_spot', '2025-07-01', { ...officers, certificatesShown: true, partyType: 'organization', sanction: 'fine', fine: 100 }, w.clerk);
    const exempt = await penaltyCase('2025-08-01');
    await step(exempt, 'notify', '2025-08-04', notice(), w.clerk);
    await step(exempt, 'decide', '2025-08-20', { decision: 'minor', waived: 2000 });

    // 行政强制: one 查封扣押, one 强制执行 applied to the court after the 催告 period.
    await createCase(w.k, w.admin, { type: 'coercion', orgId: w.justice, fields: { receivedOn: '2025-04-01', procedure: 'measure', matter: '扣押非法财物', parties: [applicant] } });
    const exec = await createCase(w.k, w.admin, { type: 'coercion', orgId: w.justice, fields: { receivedOn: '2025-05-01', procedure: 'execution', matter: '罚款强制执行', parties: [applicant] } });
    await step(exec, 'warn', '2025-05-06', { method: 'direct', servedOn: '2025-05-06' });
    await step(exec, 'execute', '2025-06-02', { result: 'court' });

    // 涉企检查: two recorded inspections.
    for (const on of ['2025-03-03', '2025-09-01']) {
      const id = await createCase(w.k, w.clerk, {
        type: 'enterprise_inspection',
        orgId: w.justice,
        fields: { receivedOn: on, kind: 'routine', item: '法律服务机构执业检查', target: '某律师事务所', creditCode: '91360000MA0000009X', mode: 'onsite', annualCap: 3 },
      });
      await step(id, 'approve', on, { approver: '局长' }, w.clerk);
      await step(id, 'record', on, { ...officers, certificatesShown: true, told: true, findings: '查看台账' }, w.clerk);
    }

    // 复议 of the 司法局's acts: a 处罚 revoked (纠错), a 处罚 upheld, a 政府信息公开 revoked (not an enforcement act).
    const rec = async (name: string, category: string, outcome: string) => {
      const id = await createCase(w.k, w.admin, { type: 'reconsideration', orgId: w.justice, fields: { receivedOn: '2025-06-02', channel: 'mail', respondent: '测试区司法局', category, actUnderReview: '行政行为', parties: [applicant] } });
      await step(id, 'accept', '2025-06-05');
      await step(id, 'hear_views', '2025-07-01', { method: 'phone', record: '听取双方意见' });
      await step(id, 'decide', '2025-07-10', { outcome, approval: 'head', summary: '依法决定' });
      numbers[name] = (await getCase(w.k, w.admin, id)).number;
    };
    await rec('revoked', 'penalty', 'revoked');
    await rec('upheld', 'penalty', 'upheld');
    await rec('disclosure', 'disclosure', 'revoked');

    report = await enforcementData(w.k, w.admin, w.justice, 2025);
  });
  after(async () => w.conn.close());

  const cell = (key: string) => report.rows.find((r) => r.key === key)!;

  test('each cell is the count of the seeded records', () => {
    const got = Object.fromEntries(report.rows.map((r) => [r.key, r.value]));
    assert.deepEqual(got, {
      licensing_accepted: 3,
      licensing_granted: 1,
      licensing_refused: 1,
      penalty_decisions: 4,
      penalty_kinds: null,
      penalty_fines: 16100,
      coercion_measures: 1,
      coercion_executed: 1,
      inspections: 2,
      legal_reviews: 2,
      hearings: 1,
      reconsideration_corrected: 1,
      litigation_corrected: null,
    });
    assert.deepEqual(cell('reconsideration_corrected').cases, [numbers.revoked]);
    assert.ok(cell('penalty_kinds').note);
    assert.deepEqual(report.deadline, { submitBy: null, publishBy: '2026-01-31' });
    assert.match(enforcementDataText(report), /行政处罚\t罚没金额\t16100元/);
  });

  test('a cell an indicator gives drills to the same number of records', async () => {
    for (const r of report.rows.filter((x) => x.indicator && x.unit !== '元')) {
      const drill = await indicatorRecords(w.k, r.indicator!, { orgId: w.justice, from: '2025-01-01', to: '2025-12-31' });
      assert.equal(drill.total, r.value, r.key);
    }
  });

  test('the subtree: the district counts its departments; a 街道 has no records and no 118号 date', async () => {
    const district = await enforcementData(w.k, w.admin, w.district, 2025);
    assert.equal(district.rows.find((r) => r.key === 'penalty_decisions')!.value, 4);
    assert.equal(district.deadline, null);
    const township = await enforcementData(w.k, w.admin, w.township, 2025);
    assert.equal(township.rows.find((r) => r.key === 'licensing_accepted')!.value, 0);
    assert.equal(township.deadline, null);
  });

  test('GET /api/reports/enforcement-data answers the same data; outside the caller\'s scope it is 404', async () => {
    const app = await buildApp(w.k);
    try {
      const login = async (username: string) =>
        String((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Test@12345' } })).headers['set-cookie']).split(';')[0];
      const r = await app.inject({ method: 'GET', url: `/api/reports/enforcement-data?orgId=${w.justice}&year=2025`, headers: { cookie: await login('clerk') } });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().rows.map((x: any) => x.value), report.rows.map((x) => x.value));
      const hidden = await app.inject({ method: 'GET', url: `/api/reports/enforcement-data?orgId=${w.justice}&year=2025`, headers: { cookie: await login('edu') } });
      assert.equal(hidden.statusCode, 404);
    } finally {
      await app.close();
    }
  });
});
