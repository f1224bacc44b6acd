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
import { caseListQuery, listCases } from '../../src/kernel/cases/engine.ts';
import { exportCasesXlsx } from '../../src/kernel/cases/export.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { importCases } from '../../src/kernel/cases/import.ts';
import { importRowChunks, STAGE_CASES } from '../../src/kernel/cases/import-stream.ts';

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

  test('while an import is written, readers see the state before it; afterwards all of it', async () => {
    const before = await readers();
    const rows = hotlineRows(w, 3 * STAGE_CASES + 10);
    const seen: Awaited<ReturnType<typeof readers>>[] = [];
    const roundsAtPiece: number[] = [];
    // Readers run between the pieces (PGlite, one connection) or beside the transaction (PostgreSQL).
    let done = false;
    const importing = importCases(w.k, w.admin, {
      type: 'hotline',
      orgId: w.district,
      rows,
      onProgress: () => void roundsAtPiece.push(counted.length),
    }).finally(() => (done = true));
    // A one-query reader as well: each of its queries waits at most for one piece.
    const counted: number[] = [];
    const countHotline = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE type = 'hotline'`.execute(w.k.db)).rows[0].n;
    await Promise.all([
      // Each round is a new task, as a new request would be (a loop of promises alone never lets the import's pause end).
      (async () => {
        while (!done) seen.push(await readers()), await new Promise((r) => setImmediate(r));
      })(),
      (async () => {
        while (!done) counted.push(await countHotline()), await new Promise((r) => setImmediate(r));
      })(),
    ]);
    await importing;
    const afterwards = await readers();
    assert.equal(afterwards.listed, before.listed + rows.length);
    assert.equal(afterwards.exported, before.exported + rows.length);
    assert.equal(afterwards.orders, Number(before.orders) + rows.length);
    assert.equal(afterwards.completed, Number(before.completed) + rows.filter((_, i) => i % 4 === 1).length);
    assert.ok(seen.length > 0, 'the readers ran while the import was being written');
    assert.ok(counted.every((n) => n === before.listed || n === afterwards.listed), 'no count saw part of the import');
    // Each reader is its own query: on PostgreSQL a round of them can straddle the commit, so
    // each reader, not the round, must show the state before the import or after all of it.
    for (const s of seen) {
      for (const key of Object.keys(s) as (keyof typeof s)[]) {
        assert.ok(s[key] === before[key] || s[key] === afterwards[key], `half an import seen by ${key}: ${JSON.stringify(s)}`);
      }
    }
    if (tdb.engine === 'pglite') {
      assert.equal(roundsAtPiece.length, 4, 'written in pieces of STAGE_CASES cases');
      assert.ok(roundsAtPiece.at(-1)! >= 2, 'queries ran between the pieces, before the last was written');
    }
    assert.equal(await stagedRows(), 0, 'nothing is left in the staging tables');
    const chain = await verifyChain(w.k.db);
    assert.equal(chain.ok, true, JSON.stringify(chain.brokenAt));
  });

  test('an import that fails or is interrupted part-way leaves nothing, and the next one goes in whole', async () => {
    const before = await readers();
    const cases = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(w.k.db)).rows[0].n;
    const casesBefore = await cases();
    // A value the database refuses, in the third piece: on PGlite the first two were already staged.
    await assert.rejects(importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: hotlineRows(w, 3 * STAGE_CASES, 2 * STAGE_CASES + 5) }));
    assert.deepEqual(await readers(), before);
    assert.equal(await cases(), casesBefore);
    assert.equal(await stagedRows(), 0);
    if (tdb.engine === 'pglite') {
      // Interrupted after the first piece (PostgreSQL writes in one transaction, without pieces).
      const interrupted = importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows: hotlineRows(w, 2 * STAGE_CASES), onProgress: () => {
        throw new Error('中断');
      } });
      await assert.rejects(interrupted, /中断/);
      assert.deepEqual(await readers(), before);
      assert.equal(await cases(), casesBefore);
      assert.equal(await stagedRows(), 0);
    }
    // What a crash leaves on PGlite (rows of an import that never published) no reader sees, and the next import clears it.
    if (tdb.engine === 'pglite') await sql`INSERT INTO import_cases (import_id, id, type, org_id, number, year, seq, title, state, received_on, fields, version) VALUES (999, 999999, 'hotline', ${w.district}, 'X', 2025, 1, '残留', 'received', '2025-03-01', '{}', 1)`.execute(w.k.db);
    assert.deepEqual(await readers(), before);
    const rows = hotlineRows(w, 20);
    await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows });
    assert.equal((await readers()).listed, before.listed + rows.length);
    assert.equal(await stagedRows(), 0, 'the leftovers were cleared');
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
    const r = await importRowChunks(w.k, w.admin, { type: 'hotline', orgId: w.district, chunks: chunks(rows, 20), onChunk: (n) => seen.push(n) });
    assert.equal(r.imported, 70);
    assert.deepEqual(seen, [20, 40, 60, 70]);
    assert.equal(await count(), before + 70);
    // Row 45 (line 46) has a date in the future: rows of the earlier chunks were already written in the transaction.
    const bad = hotlineRows(w, 70).map((row, i) => (i === 44 ? { ...row, 受理日期: '2026-02-01' } : row));
    await assert.rejects(importRowChunks(w.k, w.admin, { type: 'hotline', orgId: w.district, chunks: chunks(bad, 20) }), /第46行/);
    assert.equal(await count(), before + 70);
    const chain = await verifyChain(w.k.db);
    assert.equal(chain.ok, true, JSON.stringify(chain.brokenAt));
  });
});
