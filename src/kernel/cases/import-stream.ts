import fs from 'node:fs';
import type { Kernel } from '../kernel.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, badRequest } from '../errors.ts';
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
  const overlap = !def.followUp && !def.actions.some((a) => a.verify || a.spawn || a.refersTo);
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
/** Cases per publish transaction (with their parties, events, clocks, links and audit rows). */
export const PUBLISH_CASES = 250;
const STAGE_AUDITS = 1000;

/** What a staged write is doing: staging (checked rows into the staging tables) or publishing (正在写入). */
export type ImportPhase = 'stage' | 'publish';
export type ImportProgress = (done: number, total: number, phase: ImportPhase) => void;

/** Staged imports take turns in this process: the import chain has one writer. */
let staging: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = staging.then(work);
  staging = run.catch(() => undefined);
  return run;
}

/** Lets requests that arrived meanwhile take PGlite's one connection before the next piece. */
const yieldToRequests = () => new Promise((r) => setImmediate(r));

/**
 * Writes a worked-through batch, all of it or (on failure before it is accepted) none of it.
 *
 * On PostgreSQL this is one transaction: other connections do not wait for it and do not see
 * it before it commits. On PGlite one transaction would hold the only connection for seconds,
 * so the write is staged and then published, each in pieces that are short transactions, with
 * requests answered between the pieces:
 *
 * 1. Staging: the rows go in pieces of STAGE_CASES cases into staging tables no reader reads.
 *    The audit events are hashed onto the import chain, which only staged imports write, so
 *    the staged hashes stay valid until they are published. A failure here empties the staging
 *    tables: nothing of the import is kept (案号 numbers taken for it are not reused).
 * 2. Accepting: once every row is staged, a row in import_runs records that the import must be
 *    published. From here on it is never thrown away.
 * 3. Publishing: PUBLISH_CASES cases at a time, each piece moves its cases, parties, events,
 *    clocks, links and the audit rows up to its last case's into the real tables and deletes
 *    them from staging, in one transaction. The import chain in audit_events is therefore always
 *    a whole prefix of the import's chain, which verification accepts and a checkpoint may sign.
 *    Readers see the import arrive over a few seconds, piece by piece, as they see live entry.
 *    If publishing stops (an error, a crash), the next import and the next start finish it
 *    (resumeImports): a piece already moved is no longer staged, so nothing goes in twice.
 *
 * `staged` forces the staged path on PostgreSQL too (tests run it on both engines).
 */
export async function writeBatch(k: Kernel, batch: BulkBatch, onProgress?: ImportProgress, opts: { staged?: boolean } = {}): Promise<number> {
  if (!(opts.staged ?? k.conn.engine === 'pglite')) return k.db.transaction().execute((trx) => batch.write(trx));
  return inTurn(() => writeStaged(k, batch, onProgress));
}

/** Publishes what imports accepted before a crash left staged; returns how many cases that was. */
export function resumeImports(k: Kernel): Promise<number> {
  return inTurn(() => publishAccepted(k));
}

async function publishAccepted(k: Kernel, onProgress?: ImportProgress): Promise<number> {
  const runs = await sql<{ id: number; cases: number }>`SELECT id, cases FROM import_runs ORDER BY id`.execute(k.db);
  let published = 0;
  for (const run of runs.rows) published += await publishPieces(k, run.id, run.cases, onProgress);
  return published;
}

/** Empties the staging tables of what an import that was never accepted left there. */
async function clearStaging(k: Kernel) {
  const accepted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM import_runs`.execute(k.db);
  if (accepted.rows[0].n > 0) throw new Error('已受理的导入尚未写完，不能清空暂存表');
  await sql.raw(`TRUNCATE ${STAGING_TABLES.join(', ')}`).execute(k.db);
}

async function importChainHead(db: Kernel['db']): Promise<string> {
  const last = await db.selectFrom('audit_events').select('hash').where('chain', '=', IMPORT_CHAIN).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.hash ?? GENESIS;
}

async function writeStaged(k: Kernel, batch: BulkBatch, onProgress?: ImportProgress): Promise<number> {
  if (batch.drafts.length === 0) return batch.clear();
  // An import accepted before a crash goes in first: this one's audit rows continue its chain.
  try {
    await publishAccepted(k);
  } catch (e) {
    throw Object.assign(new AppError(503, 'import_publishing', '上一次已受理的导入尚未写完，继续写入时出错，本次导入未执行；请稍后重试或联系管理员'), { cause: e });
  }
  await clearStaging(k); // what an import interrupted before it was accepted left
  const total = batch.drafts.length;
  let importId: number;
  let written: number;
  try {
    const { rows } = await sql<{ id: number }>`SELECT nextval('import_ids')::int AS id`.execute(k.db);
    importId = rows[0].id;
    await k.db.transaction().execute((trx) => batch.allocate(trx));
    for (let i = 0; i < total; i += STAGE_CASES) {
      await k.db.transaction().execute((trx) => batch.stage(trx, importId, i, Math.min(total, i + STAGE_CASES)));
      onProgress?.(Math.min(total, i + STAGE_CASES), total, 'stage');
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
    await k.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY}, ${IMPORT_CHAIN})`.execute(trx);
      if ((await importChainHead(trx)) !== head) throw new Error('导入审计链在导入期间被改动');
      await sql`INSERT INTO import_runs (id, state, cases) VALUES (${importId}, 'publishing', ${total})`.execute(trx);
    });
  } catch (e) {
    await clearStaging(k);
    throw e;
  } finally {
    written = batch.clear();
  }
  const t = performance.now();
  try {
    await publishPieces(k, importId, total, onProgress);
  } catch (e) {
    throw Object.assign(new AppError(503, 'import_publishing', `导入已受理（${written}行），正在写入时中断；系统将在下次导入或重新启动时自动继续写入，请勿重复导入`), { cause: e });
  }
  if (process.env.FAZHI_BULK_TIMINGS) bulkTimings.publish = performance.now() - t;
  return written;
}

const MOVES: [table: string, columns: string, key: 'case' | 'party' | 'link' | 'audit'][] = [
  ['cases', 'id, type, org_id, number, year, seq, title, state, outcome, received_on, closed_on, handler_id, fields, version', 'case'],
  ['case_parties', 'case_id, role, name, kind, id_number, phone, address, id_number_bidx, phone_bidx', 'party'],
  ['case_events', 'case_id, type, org_id, kind, occurred_on, outcome, from_state, to_state, data, actor_id', 'party'],
  ['case_clocks', 'case_id, clock, type, org_id, length, unit, status, started_on, due_on, stopped_on, due_at, stopped_at, stopped_by, extended, paused_days, warnings', 'party'],
  ['case_links', 'from_case_id, to_case_id, kind', 'link'],
  ['audit_events', 'at, actor_id, action, entity, entity_id, before, after, prev_hash, hash, chain', 'audit'],
];

/** Publishes an accepted import's staged rows piece by piece; returns how many cases were published. */
async function publishPieces(k: Kernel, importId: number, total: number, onProgress?: ImportProgress): Promise<number> {
  const staged = await sql<{ n: number }>`SELECT count(*)::int AS n FROM import_cases WHERE import_id = ${importId}`.execute(k.db);
  let left = staged.rows[0].n;
  for (;;) {
    const piece = await k.db.transaction().execute((trx) => publishPiece(trx, importId));
    left = piece.last ? 0 : left - piece.cases;
    onProgress?.(total - left, total, 'publish');
    if (piece.last) return staged.rows[0].n;
    await yieldToRequests();
  }
}

/**
 * Moves the next PUBLISH_CASES staged cases with their rows and the audit rows up to theirs
 * (or, for the last piece, everything left) and deletes them from staging; the last piece also
 * deletes the import's run. Rows keep their staged order, so serial ids follow it.
 */
async function publishPiece(trx: Kernel['db'], importId: number): Promise<{ cases: number; last: boolean }> {
  const id = Number(importId);
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY}, ${IMPORT_CHAIN})`.execute(trx);
  const next = await sql<{ id: number; at: string }>`SELECT id, n::text AS at FROM import_cases WHERE import_id = ${id} ORDER BY n LIMIT ${PUBLISH_CASES + 1}`.execute(trx);
  const last = next.rows.length <= PUBLISH_CASES;
  const piece = next.rows.slice(0, PUBLISH_CASES);
  const hi = piece.length ? Math.max(...piece.map((r) => r.id)) : 0;
  let auditCut: string | null = null;
  if (!last) {
    const cut = await sql<{ at: string | null }>`SELECT max(n)::text AS at FROM import_audit_events WHERE import_id = ${id} AND entity = 'case' AND entity_id = ANY(${piece.map((r) => String(r.id))}::text[])`.execute(trx);
    auditCut = cut.rows[0].at ?? '0';
  }
  const first = await sql<{ prev_hash: string }>`SELECT prev_hash FROM import_audit_events WHERE import_id = ${id} ORDER BY n LIMIT 1`.execute(trx);
  if (first.rows.length && first.rows[0].prev_hash !== (await importChainHead(trx))) throw new Error('导入审计链在导入期间被改动');
  const where = {
    case: last ? 'TRUE' : `n <= ${Number(piece.at(-1)!.at)}`,
    party: last ? 'TRUE' : `case_id <= ${hi}`,
    link: last ? 'TRUE' : `greatest(from_case_id, to_case_id) <= ${hi}`,
    audit: last ? 'TRUE' : `n <= ${Number(auditCut)}`,
  };
  for (const [table, columns, key] of MOVES) {
    const from = `import_${table} WHERE import_id = ${id} AND ${where[key]}`;
    await sql.raw(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${from} ORDER BY n`).execute(trx);
    await sql.raw(`DELETE FROM ${from}`).execute(trx);
  }
  if (last) await sql`DELETE FROM import_runs WHERE id = ${id}`.execute(trx);
  return { cases: piece.length, last };
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
