import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';

/**
 * The audit trail: every write appends one event, each carrying the SM3 hash of the previous
 * one, so editing or deleting a row breaks the chain at that row. The table also refuses
 * UPDATE/DELETE by trigger; the chain catches what a database owner might still do.
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
const CHAIN_LOCK = 731_001;

export const sm3 = (data: string | Buffer) => createHash('sm3').update(data).digest('hex');

/** JSON with object keys sorted, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}';
  }
  return JSON.stringify(value);
}

function eventHash(prevHash: string, e: { at: string; actorId: number | null; action: string; entity: string; entityId: string | null; before: unknown; after: unknown }) {
  return sm3(prevHash + canonicalJson(e));
}

const plain = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

/** Appends one event; call inside the transaction that makes the change. */
export async function appendAudit(trx: Database, input: AuditInput): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const e = {
    at: new Date().toISOString(),
    actorId: input.actorId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId == null ? null : String(input.entityId),
    before: plain(input.before),
    after: plain(input.after),
  };
  await trx
    .insertInto('audit_events')
    .values({
      at: new Date(e.at),
      actor_id: e.actorId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
      prev_hash: prevHash,
      hash: eventHash(prevHash, e),
    })
    .execute();
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first event whose link or content does not verify. */
  brokenAt?: { id: string; reason: string };
}

/** Recomputes the chain from the genesis, streaming in pages. */
export async function verifyChain(db: Database, onProgress?: (checked: number) => void): Promise<ChainReport> {
  let prevHash = GENESIS;
  let lastId = '0';
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, brokenAt: { id: String(r.id), reason: '与上一条记录的链接断开（前序记录被删除或改动）' } };
      }
      const expected = eventHash(prevHash, {
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      });
      if (expected !== r.hash) {
        return { ok: false, checked, brokenAt: { id: String(r.id), reason: '记录内容与其哈希不符（该记录被改动）' } };
      }
      prevHash = r.hash;
      lastId = String(r.id);
      checked++;
    }
    onProgress?.(checked);
  }
}
