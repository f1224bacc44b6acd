import { sql, type Selectable } from 'kysely';
import type { CasePartyTable } from '../db/schema.ts';
import type { Database } from '../db/connect.ts';
import { blindIndex, loadKeyring, seal, unseal, type Keyring } from '../crypto/data-key.ts';

/**
 * The one place where parties are written and read. ID numbers, phones and addresses are stored
 * SM4-sealed (crypto/data-key.ts) and come back in clear here, so everything above (case page,
 * masking in privacy.ts, exports) sees the same plain values as before.
 */
export interface PartyInput {
  role: string;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  kind?: 'person' | 'organisation' | null;
}

/** A stored party with its values in clear. */
export type PartyRow = Omit<Selectable<CasePartyTable>, 'id_number_bidx' | 'phone_bidx'>;

const SEALED_COLUMNS = ['id_number', 'phone', 'address'] as const;

const sealOrNull = (column: string, v: string | null | undefined, ring: Keyring) => (v ? seal(column, v, ring) : null);

/** The stored columns of one party: for bulk writers that insert rows themselves (who pass the keyring read once). */
export function partyColumns(caseId: number, p: PartyInput, ring = loadKeyring()) {
  return {
    case_id: caseId,
    role: p.role,
    name: p.name,
    kind: p.kind ?? null,
    id_number: sealOrNull('id_number', p.idNumber, ring),
    phone: sealOrNull('phone', p.phone, ring),
    address: sealOrNull('address', p.address, ring),
    id_number_bidx: p.idNumber ? blindIndex('id_number', p.idNumber, ring) : null,
    phone_bidx: p.phone ? blindIndex('phone', p.phone, ring) : null,
  };
}

export async function insertParties(trx: Database, caseId: number, parties: PartyInput[]): Promise<void> {
  if (parties.length) await trx.insertInto('case_parties').values(parties.map((p) => partyColumns(caseId, p))).execute();
}

// The keyring is read once per batch of rows: reading it checks the key file on disk.
const openRow = <T extends PartyRow>(r: T, ring: Keyring): T => ({
  ...r,
  id_number: r.id_number && unseal('id_number', r.id_number, ring),
  phone: r.phone && unseal('phone', r.phone, ring),
  address: r.address && unseal('address', r.address, ring),
});
/** Stored parties with their values in clear. */
export const openParties = <T extends PartyRow>(rows: T[]): T[] => {
  const ring = rows.length ? loadKeyring() : undefined;
  return rows.map((r) => openRow(r, ring!));
};

/** Parties of some cases, decrypted, in the order they were entered. */
export async function readParties(db: Database, caseIds: number[]): Promise<PartyRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('case_parties')
    .select(['id', 'case_id', 'role', 'name', 'kind', 'id_number', 'phone', 'address'])
    .where('case_id', 'in', caseIds)
    .orderBy('id')
    .execute();
  return openParties(rows);
}

/**
 * The parties of the case aliased `c`, as a JSON column of a larger query (the case page reads
 * its case in one round trip); open the result with openParties.
 */
export const partiesOfCaseColumn = () =>
  sql<PartyRow[]>`(SELECT coalesce(json_agg(json_build_object('id', p.id, 'case_id', p.case_id, 'role', p.role, 'name', p.name, 'kind', p.kind, 'id_number', p.id_number, 'phone', p.phone, 'address', p.address) ORDER BY p.id), '[]') FROM case_parties p WHERE p.case_id = c.id)`;

/** Cases with a party whose ID number or phone is exactly this value (blind index, no decryption). */
export function casesWithPartyContact(value: string) {
  const phone = blindIndex('phone', value);
  const id = blindIndex('id_number', value);
  return sql<boolean>`exists (select 1 from case_parties cp where cp.case_id = c.id and (cp.phone_bidx = ${phone} or cp.id_number_bidx = ${id}))`;
}

/** Looks like a phone or ID number a clerk would search by. */
export const isContactQuery = (q: string) => /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{17}[\dXx])$/.test(q.trim());

const BATCH = 500;

/**
 * Re-seals every party value that is plaintext or (unless plaintextOnly) sealed with an older key, in batches of
 * BATCH rows (each its own transaction, so a large table is never locked for long and an
 * interrupted run simply continues next time).
 */
export async function resealParties(db: Database, opts: { plaintextOnly?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
  const ring = loadKeyring();
  const sealedAsWanted = opts.plaintextOnly ? 'sm4:%' : `sm4:${ring.current}:%`;
  const stale = sql<boolean>`(${sql.join(
    SEALED_COLUMNS.map((c) => sql`(${sql.ref(c)} IS NOT NULL AND ${sql.ref(c)} NOT LIKE ${sealedAsWanted})`),
    sql` OR `,
  )})`;
  const [{ total }] = await db.selectFrom('case_parties').select(sql<number>`count(*)::int`.as('total')).where(stale).execute();
  let done = 0;
  let lastId = 0;
  while (done < total) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('case_parties')
        .select(['id', 'case_id', 'role', 'name', 'kind', 'id_number', 'phone', 'address'])
        .where('id', '>', lastId)
        .where(stale)
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .execute();
      for (const r of openParties(rows)) {
        const cols = partyColumns(r.case_id, { role: r.role, name: r.name, idNumber: r.id_number, phone: r.phone, address: r.address });
        await trx
          .updateTable('case_parties')
          .set({ id_number: cols.id_number, phone: cols.phone, address: cols.address, id_number_bidx: cols.id_number_bidx, phone_bidx: cols.phone_bidx })
          .where('id', '=', r.id)
          .execute();
        lastId = r.id;
      }
      return rows.length;
    });
    if (n === 0) break;
    done += n;
    opts.onProgress?.(done, total);
  }
  return done;
}

/** How many stored values each key has sealed, and how many are still plaintext. */
export async function sealedValueCounts(db: Database): Promise<Record<string, number>> {
  const { rows } = await sql<{ key: string; n: number }>`
    SELECT CASE WHEN v LIKE 'sm4:%' THEN split_part(v, ':', 2) ELSE 'plaintext' END AS key, count(*)::int AS n
    FROM (SELECT id_number AS v FROM case_parties UNION ALL SELECT phone FROM case_parties UNION ALL SELECT address FROM case_parties) s
    WHERE v IS NOT NULL GROUP BY 1`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}
