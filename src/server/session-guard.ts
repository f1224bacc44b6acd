import type { FastifyRequest } from 'fastify';
import type { Kernel } from '../kernel/kernel.ts';
import { authenticate } from '../kernel/auth/session-store.ts';
import { AppError, unauthorized } from '../kernel/errors.ts';
import type { SessionStage } from '../kernel/db/schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind the cookie (its id lets a user tell it apart in their session list). */
    session?: { id: number; stage: SessionStage; mustChangePassword: boolean };
    /** The read generation as the request began: a cached read needs no query of its own to check it. */
    readGeneration?: string;
  }
}

/** Routes a half-signed-in session may reach, by stage; everything else waits for the step. */
const OPEN_BY_STAGE: Record<Exclude<SessionStage, 'active'>, Set<string>> = {
  totp: new Set(['POST /api/auth/login/totp', 'POST /api/auth/logout']),
  enrol: new Set(['POST /api/auth/totp/enrol', 'POST /api/auth/totp/confirm', 'POST /api/auth/logout']),
};
/** With an initial, reset or expired password only the change itself (and logout) is allowed. */
const OPEN_WHILE_CHANGE_REQUIRED = new Set(['POST /api/auth/password', 'POST /api/auth/logout', 'GET /api/auth/account']);

/** Sets req.actor from the session cookie and enforces the login steps; throws 401/403 otherwise. */
export async function guardRequest(k: Kernel, req: FastifyRequest, url: string, token: string | undefined, now: Date): Promise<void> {
  const auth = token ? await authenticate(k.db, token, now) : undefined;
  if (!auth) throw unauthorized('登录已失效，请重新登录');
  req.actor = auth.actor;
  req.session = { id: auth.sessionId, stage: auth.stage, mustChangePassword: auth.mustChangePassword };
  req.readGeneration = auth.readGeneration;
  const route = `${req.method} ${url}`;
  if (auth.stage !== 'active') {
    if (OPEN_BY_STAGE[auth.stage].has(route)) return;
    throw new AppError(401, auth.stage === 'totp' ? 'second_factor_required' : 'totp_enrolment_required', auth.stage === 'totp' ? '请输入动态验证码完成登录' : '请先绑定动态验证码（双因素认证）完成登录');
  }
  if (auth.mustChangePassword && !OPEN_WHILE_CHANGE_REQUIRED.has(route)) {
    const { id, username, displayName } = auth.actor;
    throw new AppError(403, 'password_change_required', '初始密码、重置后的密码或已过期的密码须先修改，才能继续使用', { user: { id, username, displayName } });
  }
}
