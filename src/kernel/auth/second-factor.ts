import type { Database } from '../db/connect.ts';
import { appendAudit } from '../audit/audit.ts';
import { badRequest, conflict } from '../errors.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';
import { openTotp, sealTotp } from './totp-secrets.ts';
import type { Actor } from './actor.ts';

/**
 * Enrolment of an authenticator app: a new secret is pending until the user types a code it
 * produces, so a mistyped or unscanned secret never locks anyone out. Both are stored SM4-sealed.
 */
export async function startEnrolment(db: Database, actor: Actor): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_pending_secret: sealTotp('totp_pending_secret', secret) }).where('id', '=', actor.id).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'user.totp_enrol', entity: 'user', entityId: actor.id });
  });
  return { secret, uri: otpauthUri(secret, actor.username) };
}

export async function confirmEnrolment(db: Database, actor: Actor, code: string, now = new Date()): Promise<void> {
  const u = await db.selectFrom('users').select('totp_pending_secret').where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!u.totp_pending_secret) throw conflict('请先生成绑定密钥，再输入验证码');
  const secret = openTotp('totp_pending_secret', u.totp_pending_secret);
  const step = matchTotp(secret, code.trim(), now);
  if (step === null) throw badRequest('验证码不正确：请确认已扫描最新的二维码，且手机时间准确');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret: sealTotp('totp_secret', secret), totp_pending_secret: null, totp_last_step: String(step) })
      .where('id', '=', actor.id)
      .execute();
    await appendAudit(trx, { actorId: actor.id, action: 'user.totp_enable', entity: 'user', entityId: actor.id });
  });
}
