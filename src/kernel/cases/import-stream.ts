import fs from 'node:fs';
import type { Kernel } from '../kernel.ts';
import type { Actor } from '../auth/actor.ts';
import { badRequest } from '../errors.ts';
import { sql } from 'kysely';
import { chainRows, CHAIN_LOCK_KEY, GENESIS, IMPORT_CHAIN } from '../audit/audit.ts';
import { bulkBatch, bulkTimings, OrgDirectory, type BulkBatch } from './bulk.ts';
import { failOnProblems, rowToCase } from './import.ts';

/**
 * Imports of any size (a city's year of 12345 orders): rows arrive in chunks, each chunk is
 * worked through in memory and written set-based, all inside one transaction, so memory stays
 * bounded and the user still gets all or nothing. After the first bad row nothing more is
 * written, but every later row is still checked so the report names every bad line.
 *
 * Rows are worked through and written in batches of WORK_ROWS, whatever the size of the chunks
 * they arrive in. Two batches take turns: while one is being written (COPY on PostgreSQL, which
 * works in the database's own process), the next is worked through here, yielding every few
 * hundred rows so that the write's next COPY is sent. Only for case types whose rules never
 * read the database and open no other case, so nothing else needs the transaction's connection
 * meanwhile; other types wait for each write before working on.
 */
export async function importRowChunks(
  k: Kernel,
  actor: Actor,
  input: { type: string; orgId: number; chunks: AsyncIterable<Record<string, unknown>[]>; onChunk?: (rows: number) => void; batchRows?: number },
): Promise<{ imported: number }> {
  const batchRows = input.batchRows ?? WORK_ROWS;
  const def = k.types.get(input.type);
  const overlap = !def.followUp && !def.actions.some((a) => a.verify || a.spawn);
  let line = 1; // row 1 is the header
  let imported = 0;
  const problems: string[] = [];
  await k.db.transaction().execute(async (trx) => {
    const orgs = await OrgDirectory.load(trx);
    const batches = [await bulkBatch(k, trx), await bulkBatch(k, trx)];
    let writing: Promise<number> = Promise.resolve(0);
    const settle = async () => {
      const p = writing;
      writing = Promise.resolve(0);
      imported += await p;
    };
    let batch = batches[0];
    let turn = 0;
    let inBatch = 0;
    // The batch worked through goes to be written; the other one (already written) takes the next rows.
    const handOver = async () => {
      problems.push(...batch.problems.splice(0));
      await settle();
      if (problems.length === 0) {
        writing = batch.write(trx);
        writing.catch(() => undefined); // awaited with the next batch; a failure must not go unhandled until then
      } else batch.clear(); // after a bad row nothing more is written; memory stays bounded
      batch = batches[++turn % 2];
      inBatch = 0;
    };
    for await (const rows of input.chunks) {
      for (const row of rows) {
        if (inBatch === 0 && !overlap) await settle();
        const t = performance.now();
        await batch.add(rowToCase(def, orgs, actor, input.orgId, row, ++line));
        bulkTimings.prepare = (bulkTimings.prepare ?? 0) + performance.now() - t;
        if (++inBatch === batchRows) await handOver();
        // Let the other batch's write move on (its next COPY) while this one is worked through.
        else if (overlap && inBatch % 200 === 0) await yieldToRequests();
      }
      input.onChunk?.(line - 1);
    }
    if (inBatch) await handOver();
    await settle();
    if (line === 1) throw badRequest('表格中没有数据行');
    failOnProblems(problems);
  });
  return { imported };
}

/** Rows per batch written: small enough that the last write, which nothing overlaps, is short. */
const WORK_ROWS = 2000;

const STAGING_TABLES = ['import_cases', 'import_case_parties', 'import_case_events', 'import_case_clocks', 'import_case_links', 'import_audit_events'];
/** Cases per staging transaction: short enough that a request waiting behind one is not noticed. */
export const STAGE_CASES = 250;
const STAGE_AUDITS = 1000;

/** Staged imports take turns in this process: the import chain has one writer. */
let staging: Promise<unknown> = Promise.resolve();

/** Lets requests that arrived meanwhile take PGlite's one connection before the next piece. */
const yieldToRequests = () => new Promise((r) => setImmediate(r));

/**
 * Writes a worked-through batch so that readers see all of it or none of it.
 *
 * On PostgreSQL this is one transaction: other connections do not wait for it and do not see
 * it before it commits. On PGlite one transaction would hold the only connection for seconds,
 * so the rows go in pieces of STAGE_CASES cases, each its own short transaction, into staging
 * tables no reader reads; requests run between the pieces. The audit events are hashed onto
 * the import chain, which only staged imports write, so the staged hashes stay valid until
 * they are published. The publish is one transaction that moves the rows into the real tables
 * (after checking the import chain's head did not move). On failure, and before the next
 * staged import (after a crash), the staging tables are emptied; nothing of the import was
 * ever visible. 案号 numbers taken for an import that then fails are not reused.
 */
export async function writeBatch(k: Kernel, batch: BulkBatch, onProgress?: (done: number, total: number) => void): Promise<number> {
  if (k.conn.engine !== 'pglite') return k.db.transaction().execute((trx) => batch.write(trx));
  const run = staging.then(() => writeStaged(k, batch, onProgress));
  staging = run.catch(() => undefined);
  return run;
}

async function clearStaging(k: Kernel) {
  await sql.raw(`TRUNCATE ${STAGING_TABLES.join(', ')}`).execute(k.db);
}

async function importChainHead(db: Kernel['db']): Promise<string> {
  const last = await db.selectFrom('audit_events').select('hash').where('chain', '=', IMPORT_CHAIN).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.hash ?? GENESIS;
}

async function writeStaged(k: Kernel, batch: BulkBatch, onProgress?: (done: number, total: number) => void): Promise<number> {
  if (batch.drafts.length === 0) return batch.clear();
  await clearStaging(k); // what an interrupted import left
  try {
    const { rows } = await sql<{ id: number }>`SELECT nextval('import_ids')::int AS id`.execute(k.db);
    const importId = rows[0].id;
    await k.db.transaction().execute((trx) => batch.allocate(trx));
    const total = batch.drafts.length;
    for (let i = 0; i < total; i += STAGE_CASES) {
      await k.db.transaction().execute((trx) => batch.stage(trx, importId, i, Math.min(total, i + STAGE_CASES)));
      onProgress?.(Math.min(total, i + STAGE_CASES), total);
      await yieldToRequests();
    }
    const head = await importChainHead(k.db);
    const audits = batch.auditInputs();
    const at = new Date();
    let prev = head;
    for (let i = 0; i < audits.length; i += STAGE_AUDITS) {
      const rows = chainRows(audits.slice(i, i + STAGE_AUDITS), IMPORT_CHAIN, prev, at);
      prev = rows.at(-1)!.hash;
      await k.db.transaction().execute((trx) => batch.stageAudit(trx, importId, rows));
      await yieldToRequests();
    }
    const t = performance.now();
    await k.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY}, ${IMPORT_CHAIN})`.execute(trx);
      if ((await importChainHead(trx)) !== head) throw new Error('导入审计链在导入期间被改动');
      await publish(trx, importId);
    });
    if (process.env.FAZHI_BULK_TIMINGS) bulkTimings.publish = performance.now() - t;
    return batch.clear();
  } finally {
    batch.clear();
    await clearStaging(k);
  }
}

const MOVES: [table: string, columns: string][] = [
  ['cases', 'id, type, org_id, number, year, seq, title, state, outcome, received_on, closed_on, handler_id, fields, version'],
  ['case_parties', 'case_id, role, name, kind, id_number, phone, address, id_number_bidx, phone_bidx'],
  ['case_events', 'case_id, type, org_id, kind, occurred_on, outcome, from_state, to_state, data, actor_id'],
  ['case_clocks', 'case_id, clock, type, org_id, length, unit, status, started_on, due_on, stopped_on, stopped_by, extended, paused_days, warnings'],
  ['case_links', 'from_case_id, to_case_id, kind'],
  ['audit_events', 'at, actor_id, action, entity, entity_id, before, after, prev_hash, hash, chain'],
];

/** The staged rows into the real tables, in the order they were staged (serial ids follow it). */
async function publish(trx: Kernel['db'], importId: number) {
  for (const [table, columns] of MOVES) {
    await sql.raw(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM import_${table} WHERE import_id = ${Number(importId)} ORDER BY n`).execute(trx);
  }
}

/** Splits CSV text arriving in pieces into rows (quotes may span pieces and lines). */
export class CsvSplitter {
  private row: string[] = [];
  private cell = '';
  private quoted = false;
  private pendingQuote = false;
  private skipLf = false;

  push(text: string, out: string[][]) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.skipLf) {
        this.skipLf = false;
        if (ch === '\n') continue;
      }
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (ch === '"') {
          this.cell += '"';
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (ch === '"') this.pendingQuote = true;
        else this.cell += ch;
      } else if (ch === '"') this.quoted = true;
      else if (ch === ',') this.row.push(this.cell), (this.cell = '');
      else if (ch === '\n' || ch === '\r') {
        this.skipLf = ch === '\r';
        this.row.push(this.cell);
        out.push(this.row);
        this.row = [];
        this.cell = '';
      } else this.cell += ch;
    }
  }

  end(out: string[][]) {
    if (this.cell || this.row.length) this.row.push(this.cell), out.push(this.row);
    this.row = [];
    this.cell = '';
  }
}

/** A CSV file (UTF-8, optional BOM) read in chunks of rows, header → cell. */
export async function* csvFileChunks(path: string, chunkRows = 5000, onBytes?: (read: number, total: number) => void): AsyncGenerator<Record<string, unknown>[]> {
  const total = fs.statSync(path).size;
  const splitter = new CsvSplitter();
  let head: string[] | undefined;
  let pending: string[][] = [];
  let read = 0;
  const toRecords = (rows: string[][]) =>
    rows.filter((r) => r.some((c) => c.trim())).map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
  for await (const piece of fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    read += Buffer.byteLength(piece as string);
    splitter.push(head || pending.length ? (piece as string) : (piece as string).replace(/^\uFEFF/, ''), pending);
    if (!head && pending.length) head = pending.shift()!.map((h) => h.trim().replace(/\*$/, ''));
    while (pending.length >= chunkRows) yield toRecords(pending.splice(0, chunkRows));
    onBytes?.(read, total);
  }
  splitter.end(pending);
  if (!head && pending.length) head = pending.shift()!.map((h) => h.trim().replace(/\*$/, ''));
  if (pending.length) yield toRecords(pending);
}
