import { hash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { builtByShape } from '../db/shaped.ts';

/**
 * The audit trail: every write appends one event, each carrying the SM3 hash of the previous
 * event of its chain, so editing or deleting a row breaks the chain at that row. The table also
 * refuses UPDATE/DELETE by trigger; the chain catches what a database owner might still do, and
 * signed checkpoints (checkpoints.ts) catch a chain re-sealed or cut short by someone who has
 * the database but not the signing key.
 *
 * There are AUDIT_CHAINS chains, not one: a transaction appends to the chain of its database
 * session (backend pid modulo AUDIT_CHAINS) and locks only that chain's head until it commits,
 * so concurrent clerks on PostgreSQL do not queue behind one another. One session means one
 * chain per transaction, so two transactions can never wait on each other's chain locks.
 */
export interface AuditInput {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS = '0'.repeat(64);
export const AUDIT_CHAINS = 16;
/** The chain of staged imports (cases/import-stream.ts): one writer at a time, so its head is known while the import is staged. */
export const IMPORT_CHAIN = AUDIT_CHAINS;
export const CHAIN_LOCK_KEY = 731_001;
const CHAIN_LOCK = CHAIN_LOCK_KEY;

/** One-shot hash: no Hash object per event (a bulk import hashes hundreds of thousands). */
export const sm3 = (data: string | Buffer) => hash('sm3', data, 'hex');

/**
 * JSON with object keys sorted, so jsonb's own key order cannot change a hash. It reads a value
 * as JSON.stringify does (toJSON, so a Date is its ISO text; undefined, functions and symbols
 * left out of objects and null in arrays), so a value and its JSON round trip give the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null || typeof value === 'function' || typeof value === 'symbol') return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  // Loops rather than entries/filter/map: bulk imports hash hundreds of thousands of events.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}

interface HashedEvent {
  at: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

function eventHash(prevHash: string, e: HashedEvent) {
  return sm3(prevHash + canonicalJson(e));
}

/** A value's JSON text for its jsonb column (null for none). */
const jsonText = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** Locks this session's chain until the transaction ends and returns it with its head hash. */
export async function lockChainHead(trx: Database): Promise<{ chain: number; head: string }> {
  const { rows } = await sql<{ chain: number }>`SELECT c AS chain FROM (SELECT pg_backend_pid() % ${AUDIT_CHAINS} AS c) s, pg_advisory_xact_lock(${CHAIN_LOCK}, s.c)`.execute(trx);
  const chain = Number(rows[0].chain);
  // A separate statement: its snapshot is taken after the lock, so it sees the last committed head.
  const last = await trx.selectFrom('audit_events').select('hash').where('chain', '=', chain).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { chain, head: last?.hash ?? GENESIS };
}

/**
 * For a hot path that saves round trips: select columns that lock this session's chain (as
 * lockChainHead does) inside a statement the transaction runs anyway, and name it `audit_chain`.
 * Only in a statement that has already locked the rows it writes, and with no row locks taken
 * after it in the transaction: every writer takes row locks before the chain lock, so two
 * transactions cannot wait on each other.
 */
export const chainLockColumns = () => [
  sql<number>`pg_backend_pid() % ${AUDIT_CHAINS}`.as('audit_chain'),
  sql<string>`pg_advisory_xact_lock(${CHAIN_LOCK}, pg_backend_pid() % ${AUDIT_CHAINS})::text`.as('audit_lock'),
];

/** The head hash of a chain this transaction has locked, as a scalar subquery for a later statement. */
export const chainHeadOf = (db: Database, chain: number) => db.selectFrom('audit_events').select('hash').where('chain', '=', chain).orderBy('id', 'desc').limit(1);

const ROWS_PER_INSERT = 1000;

const insertAuditRows = builtByShape('audit_insert', (db, rows: AuditRow[]) => db.insertInto('audit_events').values(rows));

/**
 * Appends events in order, all to one chain, with one lock and one head lookup: for bulk
 * imports. Call inside the transaction that makes the change.
 */
export async function appendAuditMany(trx: Database, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await appendToLockedChain(trx, await lockChainHead(trx), inputs);
}

/**
 * Appends to a chain this transaction already holds (chainLockColumns), with the head read by a
 * statement that ran after the lock (chainHeadOf; null for a new chain).
 */
export async function appendToLockedChain(trx: Database, locked: { chain: number; head: string | null }, inputs: AuditInput[]): Promise<void> {
  const rows = chainRows(inputs, Number(locked.chain), locked.head ?? GENESIS);
  // A step's few rows: the statement is built once per shape (a bulk import's chunks are not).
  if (rows.length <= 4) {
    await insertAuditRows(trx, rows);
    return;
  }
  // Ids follow VALUES order, and the chain lock keeps other writers out, so id order is chain order.
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx.insertInto('audit_events').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
  }
}

export type AuditRow = ReturnType<typeof chainRows>[number];

/** The rows of events appended in order to `chain` after `head`: hashed, not yet written. */
export function chainRows(inputs: AuditInput[], chain: number, head: string, at = new Date()) {
  let prevHash = head;
  const atText = at.toISOString();
  return inputs.map((input) => {
    const before = jsonText(input.before);
    const after = jsonText(input.after);
    // Hashed as given: canonicalJson reads a value as its JSON text does, which is what verify reads back.
    const e: HashedEvent = {
      at: atText,
      actorId: input.actorId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId == null ? null : String(input.entityId),
      before: before === null ? null : input.before,
      after: after === null ? null : input.after,
    };
    const hash = eventHash(prevHash, e);
    const row = {
      at,
      actor_id: e.actorId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before,
      after,
      prev_hash: prevHash,
      hash,
      chain,
    };
    prevHash = hash;
    return row;
  });
}

/** Appends one event; call inside the transaction that makes the change. */
export async function appendAudit(trx: Database, input: AuditInput): Promise<void> {
  await appendAuditMany(trx, [input]);
}

/** A chain head as a signed checkpoint saw it: its last event, that event's hash, and how many events the chain had. */
export interface ChainHead {
  chain: number;
  id: string;
  hash: string;
  count: number;
}

export interface SignedHeads {
  seq: number;
  heads: ChainHead[];
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first event (lowest id over all chains) whose link, content or signed head does not verify. */
  brokenAt?: { id: string; chain: number; reason: string };
}

interface ChainState {
  chain: number;
  prevHash: string;
  count: number;
  firstId?: string;
  /** The first row after the last checkpoint head that matched: where unsigned-for changes could begin. */
  firstUnconfirmed?: string;
  expected: ChainHead[];
  seqs: number[];
  next: number;
  broken: boolean;
}

const byId = (a: { id: string }, b: { id: string }) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0);

/**
 * Recomputes every chain from its genesis, streaming in pages, and compares the chain heads
 * recorded by signed checkpoints (already signature-checked by the caller): a chain re-sealed
 * after a checkpoint no longer has the signed hash there, and a chain cut short no longer
 * reaches the signed head.
 */
export async function verifyChain(db: Database, onProgress?: (checked: number) => void, signed: SignedHeads[] = []): Promise<ChainReport> {
  const expectedByChain = new Map<number, { head: ChainHead; seq: number }[]>();
  for (const cp of signed)
    for (const head of cp.heads) expectedByChain.set(head.chain, [...(expectedByChain.get(head.chain) ?? []), { head, seq: cp.seq }]);
  for (const list of expectedByChain.values()) list.sort((a, b) => byId(a.head, b.head));

  const problems: NonNullable<ChainReport['brokenAt']>[] = [];
  let checked = 0;
  const open = (chain: number): ChainState => {
    const list = expectedByChain.get(chain) ?? [];
    expectedByChain.delete(chain);
    return { chain, prevHash: GENESIS, count: 0, expected: list.map((x) => x.head), seqs: list.map((x) => x.seq), next: 0, broken: false };
  };
  const close = (st: ChainState, lastId: string | undefined) => {
    if (st.broken || st.next >= st.expected.length) return;
    const head = st.expected[st.next];
    problems.push({
      id: head.id,
      chain: st.chain,
      reason: `链尾记录被删除：第 ${st.seqs[st.next]} 号签名检查点时第 ${st.chain} 号链有 ${head.count} 条、末条为第 ${head.id} 号记录，现只有 ${st.count} 条${lastId ? `、末条为第 ${lastId} 号` : ''}`,
    });
  };
  const fail = (st: ChainState, id: string, reason: string) => {
    problems.push({ id, chain: st.chain, reason });
    st.broken = true;
  };

  let st: ChainState | undefined;
  let lastChain = -1;
  let lastId = '0';
  let prevRowId: string | undefined;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where(sql<boolean>`(chain, id) > (${lastChain}, ${lastId})`)
      .orderBy('chain')
      .orderBy('id')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const id = String(r.id);
      lastChain = r.chain;
      lastId = id;
      if (!st || st.chain !== r.chain) {
        if (st) close(st, prevRowId);
        st = open(r.chain);
        prevRowId = undefined;
      }
      if (st.broken) continue;
      st.firstId ??= id;
      st.firstUnconfirmed ??= id;
      if (r.prev_hash !== st.prevHash) {
        fail(st, id, '与上一条记录的链接断开（前序记录被删除或改动）');
        continue;
      }
      const expected = eventHash(st.prevHash, {
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      });
      if (expected !== r.hash) {
        fail(st, id, '记录内容与其哈希不符（该记录被改动）');
        continue;
      }
      st.prevHash = r.hash;
      st.count++;
      prevRowId = id;
      const head = st.expected[st.next];
      if (head && BigInt(head.id) < BigInt(id)) {
        fail(st, head.id, `第 ${st.seqs[st.next]} 号签名检查点的链头（第 ${head.id} 号记录）已不存在：记录被删除`);
        continue;
      }
      // Two checkpoints may have signed the same head when nothing was written in between.
      while (st.expected[st.next]?.id === id) {
        const signedHead = st.expected[st.next];
        if (signedHead.hash !== r.hash || signedHead.count !== st.count) break;
        st.next++;
        st.firstUnconfirmed = undefined;
      }
      if (st.expected[st.next]?.id === id) {
        fail(
          st,
          st.firstUnconfirmed ?? id,
          `与第 ${st.seqs[st.next]} 号签名检查点不符：第 ${id} 号记录的哈希或链长与签名时不同，第 ${st.firstUnconfirmed ?? id} 至 ${id} 号之间的记录在签名后被改动并重新封链`,
        );
        continue;
      }
      checked++;
    }
    onProgress?.(checked);
  }
  if (st) close(st, prevRowId);
  // Chains that a checkpoint signed but that have no rows left at all.
  for (const [chain, list] of expectedByChain) {
    const { head, seq } = list[0];
    problems.push({ id: head.id, chain, reason: `第 ${chain} 号链的记录全部被删除（第 ${seq} 号签名检查点时有 ${head.count} 条）` });
  }
  problems.sort(byId);
  return problems.length ? { ok: false, checked, brokenAt: problems[0] } : { ok: true, checked };
}
