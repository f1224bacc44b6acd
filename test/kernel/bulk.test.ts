import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, type World } from '../helpers.ts';
import { bulkBatch, type BulkCase } from '../../src/kernel/cases/bulk.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { verifyChain } from '../../src/kernel/audit/audit.ts';
import { readParties } from '../../src/kernel/cases/parties.ts';
import type { Database } from '../../src/kernel/db/connect.ts';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { caseListQuery, listCases } from '../../src/kernel/cases/engine.ts';
import { exportCasesXlsx } from '../../src/kernel/cases/export.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { importCases } from '../../src/kernel/cases/import.ts';
import { importRowChunks, PUBLISH_CASES, resumeImports, STAGE_CASES, type ImportPhase } from '../../src/kernel/cases/import-stream.ts';
import { createCheckpoint, listCheckpoints, verifyAudit } from '../../src/kernel/audit/checkpoints.ts';

/** The same cases, once through the engine step by step and once through the bulk path. */
function inputs(w: World): BulkCase[] {
  const order = (n: number, urgency: string, steps: BulkCase['steps']): BulkCase => ({
    type: 'hotline',
    orgId: w.district,
    actor: w.admin,
    fields: { receivedOn: '2025-06-02', orderNo: `RX${n}`, channel: 'phone', kind: 'complaint', category: '噪音', content: `夜间施工噪音${n}`, urgency, parties: [{ role: 'applicant', name: '周某某', phone: '13700001111' }] },
    steps,
  });
  const clerkOf = (orgId: number) => (orgId === w.education ? w.eduClerk : w.admin);
  return [
    order(1, 'normal', [
      { action: 'dispatch', on: '2025-06-03', data: { unitId: w.education }, actor: w.admin },
      { action: 'sign', on: '2025-06-05', actor: clerkOf },
      { action: 'complete', on: '2025-06-06', data: { result: '已协调停工' }, actor: clerkOf },
      { action: 'visit', on: '2025-06-09', data: { resolved: true, satisfaction: 'satisfied' }, actor: w.admin },
    ]),
    order(2, 'urgent', [
      { action: 'dispatch', on: '2025-06-03', data: { unitId: w.township }, actor: w.admin },
      { action: 'return', on: '2025-06-03', data: { reason: '不属于本单位职责' }, actor: w.admin },
      { action: 'dispatch', on: '2025-06-04', data: { unitId: w.education }, actor: w.admin },
    ]),
    order(3, 'complex', []),
    {
      type: 'service_rating',
      orgId: w.education,
      actor: w.eduClerk,
      fields: { receivedOn: '2025-06-03', channel: 'window', service: '教师资格认定', grade: 'bad', active: true, comment: '等候时间长' },
      linkedSteps: [{ action: 'rectify', on: '2025-06-06', data: { measures: '增设窗口' }, actor: clerkOf }],
    },
    {
      type: 'reconsideration',
      orgId: w.justice,
      actor: w.clerk,
      fields: { receivedOn: '2025-03-03', channel: 'mail', respondent: '区市场监管局', category: 'penalty', actUnderReview: '罚款决定', request: '请求撤销', parties: [{ role: 'applicant', name: '某某公司' }] },
      steps: [
        { action: 'accept', on: '2025-03-05', actor: w.clerk },
        { action: 'request_extension', on: '2025-04-20', data: { days: 30, reason: '案情复杂' }, actor: w.clerk },
        { action: 'approve_extension', on: '2025-04-21', data: { days: 30 }, actor: w.admin },
        { action: 'hear_views', on: '2025-05-28', data: { method: 'phone', record: '双方意见' }, actor: w.clerk },
        { action: 'decide', on: '2025-05-30', data: { outcome: 'upheld', approval: 'head', summary: '维持' }, actor: w.clerk },
      ],
    },
  ];
}

async function viaEngine(w: World, trx: Database, cases: BulkCase[]) {
  for (const c of cases) {
    const id = await createCase(w.k, c.actor, { type: c.type, orgId: c.orgId, fields: c.fields }, trx);
    const run = async (caseId: number, steps: BulkCase['steps']) => {
      for (const s of steps ?? []) {
        const { org_id } = await trx.selectFrom('cases').select('org_id').where('id', '=', caseId).executeTakeFirstOrThrow();
        await performAction(w.k, typeof s.actor === 'function' ? s.actor(org_id) : s.actor, caseId, s.action, { on: s.on, data: s.data }, trx);
      }
    };
    await run(id, c.steps);
    const link = await trx.selectFrom('case_links').select('to_case_id').where('from_case_id', '=', id).executeTakeFirst();
    if (link) await run(link.to_case_id, c.linkedSteps);
  }
}

/** Every row the cases wrote, with ids replaced by their order so two runs compare. */
async function snapshot(trx: Database, fromCase: number, fromAudit: string) {
  const cases = await trx.selectFrom('cases').select(['id', 'type', 'org_id', 'number', 'year', 'seq', 'title', 'state', 'outcome', 'received_on', 'closed_on', 'handler_id', 'fields', 'version']).where('id', '>', fromCase).orderBy('id').execute();
  const ids = new Map(cases.map((c, i) => [c.id, i]));
  const rel = (id: number | string | null) => (id == null ? null : ids.get(Number(id)) ?? `other:${id}`);
  const events = await trx.selectFrom('case_events').select(['case_id', 'type', 'org_id', 'kind', 'occurred_on', 'outcome', 'from_state', 'to_state', 'data', 'actor_id']).where('case_id', '>', fromCase).orderBy('case_id').orderBy('id').execute();
  const clocks = await trx.selectFrom('case_clocks').selectAll().where('case_id', '>', fromCase).orderBy('case_id').orderBy('clock').execute();
  // Read through the one decryption path: sealed values carry a random IV, so compare what they hold.
  const partyRows = await trx.selectFrom('case_parties').select(['case_id', 'phone_bidx', 'id_number_bidx']).where('case_id', '>', fromCase).orderBy('id').execute();
  const parties = (await readParties(trx, cases.map((c) => c.id))).map(({ id, ...p }) => p);
  assert.deepEqual(partyRows.map((r) => r.case_id), parties.map((p) => p.case_id), 'every party row is read back');
  assert.ok(partyRows.every((r, i) => (parties[i].phone ? r.phone_bidx : !r.phone_bidx)), 'a phone is indexed for search');
  const links = await trx.selectFrom('case_links').select(['from_case_id', 'to_case_id', 'kind']).where('from_case_id', '>', fromCase).orderBy('from_case_id').execute();
  const audit = await trx.selectFrom('audit_events').select(['actor_id', 'action', 'entity', 'entity_id', 'before', 'after']).where('id', '>', fromAudit).orderBy('id').execute();
  return {
    cases: cases.map(({ id, ...c }) => c),
    events: events.map((e) => ({ ...e, case_id: rel(e.case_id) })),
    clocks: clocks.map((c) => ({ ...c, case_id: rel(c.case_id) })),
    parties: parties.map((p) => ({ ...p, case_id: rel(p.case_id) })),
    links: links.map((l) => ({ ...l, from_case_id: rel(l.from_case_id), to_case_id: rel(l.to_case_id) })),
    audit: audit.map((a) => ({ ...a, entity_id: rel(a.entity_id) })),
  };
}

const marks = async (db: Database) => ({
  fromCase: (await db.selectFrom('cases').select(sql<number>`coalesce(max(id), 0)`.as('m')).executeTakeFirstOrThrow()).m,
  fromAudit: String((await db.selectFrom('audit_events').select(sql<string>`coalesce(max(id), 0)`.as('m')).executeTakeFirstOrThrow()).m),
});

eachDatabase('bulk writes', (tdb) => {
  let w: World;
  before(async () => (w = await makeWorld(tdb)));
  after(async () => w.conn.close());

  test('the bulk path writes exactly the rows the engine writes step by step', async () => {
    const cases = inputs(w);
    let engine: Awaited<ReturnType<typeof snapshot>> | undefined;
    // The engine's run is rolled back, so the bulk run starts from the same sequences and chain.
    await w.k.db
      .transaction()
      .execute(async (trx) => {
        const m = await marks(trx);
        await viaEngine(w, trx, cases);
        engine = await snapshot(trx, m.fromCase, m.fromAudit);
        throw new Error('rollback');
      })
      .catch((e) => assert.equal(e.message, 'rollback'));
    const m = await marks(w.k.db);
    const batch = await bulkBatch(w.k);
    for (const c of cases) assert.equal(await batch.add(c), true, batch.problems.join('；'));
    assert.equal(await w.k.db.transaction().execute((trx) => batch.write(trx)), cases.length);
    const bulk = await snapshot(w.k.db, m.fromCase, m.fromAudit);
    assert.equal(bulk.cases.length, 6, 'five cases and the 整改 order the 差评 opened');
    assert.deepEqual(bulk, engine);
    assert.equal((await verifyChain(w.k.db)).ok, true);
  });

  test('a bad case is reported by its line and the batch keeps none of it; numbers continue the sequence', async () => {
    const cases = inputs(w).slice(0, 2);
    const batch = await bulkBatch(w.k);
    assert.equal(await batch.add({ ...cases[0], line: 2 }), true);
    assert.equal(await batch.add({ ...cases[1], line: 3, steps: [...cases[1].steps!, { action: 'visit', on: '2025-06-05', data: { resolved: true, satisfaction: 'satisfied' }, actor: w.admin }] }), false);
    assert.match(batch.problems[0], /^第3行：案件当前处于「待签收」，不能办理「回访」/);
    assert.equal(batch.drafts.length, 1, 'the bad case left nothing behind');
    const before = (await w.k.db.selectFrom('cases').select('number').where('type', '=', 'hotline').orderBy('id', 'desc').executeTakeFirstOrThrow()).number;
    await w.k.db.transaction().execute((trx) => batch.write(trx));
    const last = (await w.k.db.selectFrom('cases').select('number').where('type', '=', 'hotline').orderBy('id', 'desc').executeTakeFirstOrThrow()).number;
    const seq = (n: string) => Number(/〕(\d+)号/.exec(n)![1]);
    assert.equal(seq(last), seq(before) + 1);
    assert.equal((await verifyChain(w.k.db)).ok, true);
  });
});

/** 12345 orders as spreadsheet rows; `bad` puts a NUL (which no database text can hold) into that row. */
function hotlineRows(w: World, n: number, bad?: number) {
  return Array.from({ length: n }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return {
      受理日期: `2025-03-${day}`,
      来源渠道: '电话',
      诉求类型: '投诉',
      问题分类: '噪音',
      诉求内容: i === bad ? `工单\u0000${i}` : `分批工单${i}`,
      紧急程度: '一般',
      ...(i % 2 ? { 承办单位: '测试区教育体育局', 派单日期: `2025-03-${day}`, 签收日期: `2025-03-${day}` } : {}),
      ...(i % 4 === 1 ? { 办结日期: `2025-04-${day}`, 办理结果: '已处理' } : {}),
    };
  });
}

const STAGING = ['import_cases', 'import_case_parties', 'import_case_events', 'import_case_clocks', 'import_case_links', 'import_audit_events'];

eachDatabase('large imports: readers see all of one or none of it', (tdb) => {
  let w: World;
  before(async () => (w = await makeWorld(tdb, '2025-12-31')));
  after(async () => w.conn.close());

  /** What the case list, the indicators and the export show of March's 12345 orders. */
  async function readers() {
    const q = caseListQuery.parse({ type: 'hotline' });
    const list = await listCases(w.k, w.admin, q);
    const figures = await computeIndicators(w.k, { orgId: w.district, from: '2025-03-01', to: '2025-04-30' }, ['hotline.orders', 'hotline.completed']);
    const live = await computeIndicators(w.k, { orgId: w.district, from: '2025-03-01', to: '2025-04-30' }, ['hotline.orders', 'hotline.completed'], { live: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportCasesXlsx(w.k, w.admin, q)) as any);
    return { listed: list.total, orders: figures[0].value, completed: figures[1].value, liveOrders: live[0].value, exported: wb.worksheets[0].rowCount - 1 };
  }
  const stagedRows = async () => {
    let n = 0;
    for (const t of STAGING) n += (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.raw(t)}`.execute(w.k.db)).rows[0].n;
    return n;
  };

  /** The staged path (PGlite's) runs on PostgreSQL too when asked, so both engines test it. */
  const staged = true;
  const hotlineCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE type = 'hotline'`.execute(w.k.db)).rows[0].n;
  const accepted = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM import_runs`.execute(w.k.db)).rows[0].n;

  test('while an import is written, readers see none of it until it is accepted, then whole pieces of it; afterwards all of it', async () => {
    const before = await readers();
    const rows = hotlineRows(w, 3 * STAGE_CASES + 10);
    const seen: Awaited<ReturnType<typeof readers>>[] = [];
    const roundsAt: Record<ImportPhase, number[]> = { stage: [], publish: [] };
    // Readers run between the pieces (PGlite, one connection) or beside them (PostgreSQL).
    let done = false;
    const importing = importCases(w.k, w.admin, {
      type: 'hotline',
      orgId: w.district,
      rows,
      staged,
      onProgress: (_done, _total, phase) => void roundsAt[phase].push(counted.length),
    }).finally(() => (done = true));
    // A one-query reader as well: each of its queries waits at most for one piece.
    const counted: number[] = [];
    await Promise.all([
      // Each round is a new task, as a new request would be (a loop of promises alone never lets the import's pause end).
      (async () => {
        while (!done) seen.push(await readers()), await new Promise((r) => setImmediate(r));
      })(),
      (async () => {
        while (!done) counted.push(await hotlineCount()), await new Promise((r) => setImmediate(r));
      })(),
    ]);
    await importing;
    const afterwards = await readers();
    assert.equal(afterwards.listed, before.listed + rows.length);
    assert.equal(afterwards.exported, before.exported + rows.length);
    assert.equal(afterwards.orders, Number(before.orders) + rows.length);
    assert.equal(afterwards.completed, Number(before.completed) + rows.filter((_, i) => i % 4 === 1).length);
    assert.ok(seen.length > 0, 'the readers ran while the import was being written');
    assert.equal(roundsAt.stage.length, 4, 'staged in pieces of STAGE_CASES cases');
    assert.equal(roundsAt.publish.length, 4, 'published in pieces of PUBLISH_CASES cases');
    // A reader sees the import's published pieces, whole: never a case without its rows.
    const whole = (n: number) => n === afterwards.listed || ((n - before.listed) % PUBLISH_CASES === 0 && n >= before.listed && n < afterwards.listed);
    assert.ok(counted.every(whole), `a count saw part of a piece: ${counted}`);
    assert.deepEqual(counted, [...counted].sort((a, b) => a - b), 'pieces only ever arrive');
    for (const s of seen) {
      assert.ok(whole(s.listed) && whole(s.exported), `part of a piece listed: ${JSON.stringify(s)}`);
      for (const key of ['orders', 'completed', 'liveOrders'] as const) assert.ok(Number(s[key]) >= Number(before[key]) && Number(s[key]) <= Number(afterwards[key]), `${key} outside the import: ${JSON.stringify(s)}`);
    }
    if (tdb.engine === 'pglite') {
      assert.ok(roundsAt.stage.at(-1)! >= 2, 'queries ran between the staging pieces');
      assert.ok(counted.slice(0, roundsAt.stage.at(-1)!).every((n) => n === before.listed), 'nothing was seen before the import was accepted');
      assert.ok(counted.some((n) => n > before.listed && n < afterwards.listed), 'a query ran between two publish pieces');
    }
    assert.equal(await stagedRows(), 0, 'nothing is left in the staging tables');
    assert.equal(await accepted(), 0);
    const chain = await verifyChain(w.k.db);
    assert.equal(chain.ok, true, JSON.stringify(chain.brokenAt));
  });

  test('between two publish pieces another request is answered, and sees exactly the pieces published so far', async () => {
    const before = await hotlineCount();
    let asked: Promise<{ n: number; publishedThen: number }> | undefined;
    let published = 0;
    await importCases(w.k, w.admin, {
      type: 'hotline',
      orgId: w.district,
      rows: hotlineRows(w, 2 * PUBLISH_CASES + 10),
      staged,
      onProgress: (done, _total, phase) => {
        if (phase !== 'publish') return;
        published = done;
        // Asked right after the first piece, as a request arriving then would be.
        if (done === PUBLISH_CASES) asked = hotlineCount().then((n) => ({ n, publishedThen: published }));
      },
    });
    assert.ok(asked, 'asked while the import was publishing');
    const answer = await asked;
    if (tdb.engine === 'pglite') {
      // One connection, handed out in turn: the request queued between the pieces is answered before the next piece is written.
      assert.deepEqual(answer, { n: before + PUBLISH_CASES, publishedThen: PUBLISH_CASES });
    } else {
      // Its own connection: it sees the pieces committed by then, whole.
      assert.ok([1, 2].some((j) => answer.n === before + j * PUBLISH_CASES) || answer.n === before + 2 * PUBLISH_CASES + 10, JSON.stringify(answer));
    }
    assert.equal(await hotlineCount(), before + 2 * PUBLISH_CASES + 10);
  });

  test('an import that fails before it is accepted leaves nothing, and the next one goes in whole', async () => {
    const before = await readers();
    const cases = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(w.k.db)).rows[0].n;
    const casesBefore = await cases();
    // A value the database refuses, in the third piece: the first two were already staged.
    await assert.rejects(importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: hotlineRows(w, 3 * STAGE_CASES, 2 * STAGE_CASES + 5), staged }));
    assert.deepEqual(await readers(), before);
    assert.equal(await cases(), casesBefore);
    assert.equal(await stagedRows(), 0);
    // Interrupted after the first staging piece.
    const interrupted = importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: hotlineRows(w, 2 * STAGE_CASES), staged, onProgress: () => {
      throw new Error('中断');
    } });
    await assert.rejects(interrupted, /中断/);
    assert.deepEqual(await readers(), before);
    assert.equal(await cases(), casesBefore);
    assert.equal(await stagedRows(), 0);
    assert.equal(await accepted(), 0);
    // What a crash before acceptance leaves (rows of an import never accepted) no reader sees, and the next import clears it.
    await sql`INSERT INTO import_cases (import_id, id, type, org_id, number, year, seq, title, state, received_on, fields, version) VALUES (999, 999999, 'hotline', ${w.district}, 'X', 2025, 1, '残留', 'received', '2025-03-01', '{}', 1)`.execute(w.k.db);
    assert.deepEqual(await readers(), before);
    const rows = hotlineRows(w, 20);
    await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows, staged });
    assert.equal((await readers()).listed, before.listed + rows.length);
    assert.equal(await stagedRows(), 0, 'the leftovers were cleared');
    const chain = await verifyChain(w.k.db);
    assert.equal(chain.ok, true, JSON.stringify(chain.brokenAt));
  });

  /** Every table's rows for the cases whose 诉求内容 starts with `mark`, and how many distinct cases. */
  async function rowsOf(mark: string) {
    const ids = sql`SELECT id FROM cases WHERE type = 'hotline' AND fields->>'content' LIKE ${mark + '%'}`;
    const n = async (q: ReturnType<typeof sql>) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${q}) q`.execute(w.k.db)).rows[0].n;
    return {
      cases: await n(ids),
      distinct: await n(sql`SELECT DISTINCT fields->>'content' FROM cases WHERE id IN (${ids})`),
      parties: await n(sql`SELECT 1 FROM case_parties WHERE case_id IN (${ids})`),
      events: await n(sql`SELECT 1 FROM case_events WHERE case_id IN (${ids})`),
      clocks: await n(sql`SELECT 1 FROM case_clocks WHERE case_id IN (${ids})`),
      audit: await n(sql`SELECT 1 FROM audit_events WHERE entity = 'case' AND entity_id IN (SELECT id::text FROM (${ids}) i)`),
    };
  }
  const marked = (mark: string, n: number) => hotlineRows(w, n).map((r, i) => ({ ...r, 诉求内容: `${mark}${i}` }));

  test('a publish interrupted after some pieces is finished by the next import, each row once; the chain verifies at every step', async () => {
    const total = 3 * PUBLISH_CASES + 10;
    await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: marked('参照', total), staged });
    const expected = await rowsOf('参照');
    assert.equal(expected.cases, total);
    const fault = importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: marked('续写', total), staged, onProgress: (done, _total, phase) => {
      if (phase === 'publish' && done === 2 * PUBLISH_CASES) throw new Error('进程中止');
    } });
    await assert.rejects(fault, (e: any) => e.status === 503 && /已受理/.test(e.message) && /进程中止/.test(e.cause.message));
    // Accepted and half published: two whole pieces are in, the rest is staged, the chain is a valid prefix.
    assert.equal(await accepted(), 1);
    const half = await rowsOf('续写');
    assert.equal(half.cases, 2 * PUBLISH_CASES);
    assert.ok(half.audit > 0 && half.audit < expected.audit);
    const mid = await verifyChain(w.k.db);
    assert.equal(mid.ok, true, JSON.stringify(mid.brokenAt));
    // A key of this test's own: the log of signed checkpoints beside it is per database.
    const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-')), 'audit-sm2.pem');
    const cp = await createCheckpoint(w.k, null, keyFile);
    // The next import publishes the accepted one first, then goes in itself.
    await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: marked('其后', 20), staged });
    assert.deepEqual(await rowsOf('续写'), expected, 'every staged row once: none lost, none twice');
    assert.equal((await rowsOf('其后')).cases, 20);
    assert.equal(await accepted(), 0);
    assert.equal(await stagedRows(), 0);
    const v = await verifyAudit(w.k, { keyFile });
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(v.checkpoints >= 1 && (await listCheckpoints(w.k.db)).some((c) => c.seq === cp.seq), 'the checkpoint signed mid-publish still holds');
  });

  test('a piece that fails half-way is rolled back whole; the next start (resumeImports) finishes the import, each row once', async () => {
    const total = 3 * PUBLISH_CASES + 10;
    const expected = await rowsOf('参照');
    // A fault inside the third piece's transaction, after its cases, parties, events and clocks went in.
    await sql.raw(`CREATE FUNCTION test_publish_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM cases WHERE id::text = NEW.entity_id AND fields->>'content' = '中途${2 * PUBLISH_CASES + 5}') THEN RAISE EXCEPTION '写入中途出错'; END IF;
        RETURN NEW;
      END $$`).execute(w.k.db);
    await sql`CREATE TRIGGER test_publish_fault BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.chain = 16) EXECUTE FUNCTION test_publish_fault()`.execute(w.k.db);
    try {
      await assert.rejects(importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: marked('中途', total), staged }), (e: any) => e.status === 503 && /写入中途出错/.test(e.cause.message));
      assert.equal((await rowsOf('中途')).cases, 2 * PUBLISH_CASES, 'the failed piece left none of its rows');
      assert.equal(await accepted(), 1);
      const mid = await verifyChain(w.k.db);
      assert.equal(mid.ok, true, JSON.stringify(mid.brokenAt));
      // Still failing: resuming moves nothing and keeps the import; a new import waits its turn and is refused.
      await assert.rejects(resumeImports(w.k), /写入中途出错/);
      await assert.rejects(importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: marked('未执行', 5), staged }), (e: any) => e.status === 503 && /本次导入未执行/.test(e.message));
      assert.equal((await rowsOf('中途')).cases, 2 * PUBLISH_CASES);
      assert.equal((await rowsOf('未执行')).cases, 0);
    } finally {
      await sql`DROP TRIGGER test_publish_fault ON audit_events`.execute(w.k.db);
      await sql`DROP FUNCTION test_publish_fault()`.execute(w.k.db);
    }
    assert.equal(await resumeImports(w.k), PUBLISH_CASES + 10);
    assert.deepEqual(await rowsOf('中途'), expected);
    assert.equal(await resumeImports(w.k), 0, 'resuming again finds nothing to do');
    assert.equal(await accepted(), 0);
    assert.equal(await stagedRows(), 0);
    const chain = await verifyChain(w.k.db);
    assert.equal(chain.ok, true, JSON.stringify(chain.brokenAt));
  });

  test('a streamed import (fazhi import) writes chunk after chunk in one transaction; a bad row anywhere keeps none', async () => {
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE type = 'hotline'`.execute(w.k.db)).rows[0].n;
    const before = await count();
    async function* chunks(rows: Record<string, unknown>[], size: number) {
      for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
    }
    const rows = hotlineRows(w, 70);
    const seen: number[] = [];
    const r = await importRowChunks(w.k, w.admin, { type: 'hotline', orgId: w.district, chunks: chunks(rows, 20), onChunk: (n) => seen.push(n), batchRows: 15 });
    assert.equal(r.imported, 70);
    assert.deepEqual(seen, [20, 40, 60, 70]);
    assert.equal(await count(), before + 70);
    // Row 45 (line 46) has a date in the future: rows of the earlier batches were already written in the transaction.
    const bad = hotlineRows(w, 70).map((row, i) => (i === 44 ? { ...row, 受理日期: '2026-02-01' } : row));
    await assert.rejects(importRowChunks(w.k, w.admin, { type: 'hotline', orgId: w.district, chunks: chunks(bad, 20), batchRows: 15 }), /第46行/);
    assert.equal(await count(), before + 70);
    const chain = await verifyChain(w.k.db);
    assert.equal(chain.ok, true, JSON.stringify(chain.brokenAt));
  });

  test('a streamed import in many small batches writes the same rows as the same rows in one batch', async () => {
    // Parties to seal, and text that COPY must escape (tab, newline, backslash).
    const rows = hotlineRows(w, 45).map((row, i) => ({
      ...row,
      ...(i % 3 ? { '当事人姓名/名称': `市民${i}`, 联系电话: `1390000${String(i).padStart(4, '0')}` } : {}),
      ...(i % 5 === 0 ? { 诉求内容: `多行\n反映\t问题\\${i}` } : {}),
    }));
    const m1 = await marks(w.k.db);
    await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows });
    const one = await snapshot(w.k.db, m1.fromCase, m1.fromAudit);
    async function* chunks() {
      for (let i = 0; i < rows.length; i += 20) yield rows.slice(i, i + 20);
    }
    const m2 = await marks(w.k.db);
    // Batches of 7 across chunks of 20: seven writes, each overlapping the next batch's rules.
    const r = await importRowChunks(w.k, w.admin, { type: 'hotline', orgId: w.district, chunks: chunks(), batchRows: 7 });
    assert.equal(r.imported, rows.length);
    const many = await snapshot(w.k.db, m2.fromCase, m2.fromAudit);
    // The second import's 案号 continue the sequence; every other column is the same.
    const unnumbered = (s: typeof one) => ({
      ...s,
      cases: s.cases.map(({ number, seq, ...c }) => c),
      audit: s.audit.map((a) => ({ ...a, after: a.after && { ...(a.after as object), number: undefined } })),
    });
    assert.equal(many.cases.length, rows.length);
    assert.equal(many.parties.length, 30);
    assert.ok(many.cases.some((c) => (c.fields as any).content === `多行\n反映\t问题\\0`), 'escaped text comes back as written');
    assert.deepEqual(unnumbered(many), unnumbered(one));
    const chain = await verifyChain(w.k.db);
    assert.equal(chain.ok, true, JSON.stringify(chain.brokenAt));
  });
});
