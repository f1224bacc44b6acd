import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { isSealed, loadKeyring, seal, unseal } from '../crypto/data-key.ts';

/*
 * TOTP secrets are the second factor itself: whoever reads the users table could otherwise make
 * every code. They are stored SM4-sealed with the platform's data key (crypto/data-key.ts), bound
 * to their column, and opened only to check a code. Secrets stored before sealing are sealed on
 * first read, by the start-up pass and by `npx fazhi keys rotate`.
 */
const COLUMNS = ['totp_secret', 'totp_pending_secret'] as const;
type Column = (typeof COLUMNS)[number];

export const sealTotp = (column: Column, secret: string) => seal(column, secret);
export const openTotp = (column: Column, stored: string) => unseal(column, stored);

/** The confirmed secret in clear; a plaintext one left from before is sealed in place now. */
export async function openTotpSecret(db: Database, userId: number, stored: string): Promise<string> {
  const secret = openTotp('totp_secret', stored);
  if (!isSealed(stored)) {
    await db.updateTable('users').set({ totp_secret: sealTotp('totp_secret', secret) }).where('id', '=', userId).where('totp_secret', '=', stored).execute();
  }
  return secret;
}

/**
 * Seals every TOTP secret that is plaintext or (unless plaintextOnly) sealed with an older key.
 * Few rows (one per user), so one transaction.
 */
export async function resealTotpSecrets(db: Database, opts: { plaintextOnly?: boolean } = {}): Promise<number> {
  const ring = loadKeyring();
  const wanted = opts.plaintextOnly ? 'sm4:%' : `sm4:${ring.current}:%`;
  const stale = sql<boolean>`(${sql.join(
    COLUMNS.map((c) => sql`(${sql.ref(c)} IS NOT NULL AND ${sql.ref(c)} NOT LIKE ${wanted})`),
    sql` OR `,
  )})`;
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('users').select(['id', 'totp_secret', 'totp_pending_secret']).where(stale).orderBy('id').forUpdate().execute();
    for (const r of rows) {
      await trx
        .updateTable('users')
        .set({
          totp_secret: r.totp_secret && seal('totp_secret', unseal('totp_secret', r.totp_secret, ring), ring),
          totp_pending_secret: r.totp_pending_secret && seal('totp_pending_secret', unseal('totp_pending_secret', r.totp_pending_secret, ring), ring),
        })
        .where('id', '=', r.id)
        .execute();
    }
    return rows.length;
  });
}

/** How many stored TOTP secrets each key has sealed, and how many are still plaintext. */
export async function totpSealedCounts(db: Database): Promise<Record<string, number>> {
  const { rows } = await sql<{ key: string; n: number }>`
    SELECT CASE WHEN v LIKE 'sm4:%' THEN split_part(v, ':', 2) ELSE 'plaintext' END AS key, count(*)::int AS n
    FROM (SELECT totp_secret AS v FROM users UNION ALL SELECT totp_pending_secret FROM users) s
    WHERE v IS NOT NULL GROUP BY 1`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}
