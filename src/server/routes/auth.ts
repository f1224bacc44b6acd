import { z } from 'zod';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { login, loginWithCode, logout, type LoginResult } from '../../kernel/auth/login.ts';
import { readPolicy } from '../../kernel/auth/policy.ts';
import { ROLE_LABELS } from '../../kernel/auth/actor.ts';
import { requireActor, type App, type AppOptions } from '../app.ts';
import { securityEvent } from '../logging.ts';
import { loginReply, ok, sessionUser } from '../responses.ts';

export const SESSION_COOKIE = 'fazhi_session';
/**
 * Readable by the page, holding no secret: it only tells the console that a session may exist, so
 * the login page and the portal do not ask /api/auth/me just to be told 401 (UX audit B21).
 */
export const SIGNED_IN_COOKIE = 'fazhi_signed_in';

export const clientOf = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

/** Security events the kernel sees during a login (an account locked from many addresses) go to the security log. */
export const reporterOf = (req: FastifyRequest) => (event: string, details: Record<string, unknown>) => securityEvent(req, event, details);

/**
 * Secure whenever the request came over HTTPS (directly, or through a proxy trusted with TRUST_PROXY
 * that says so), and always with COOKIE_SECURE: a deployment behind TLS needs no setting for it.
 */
const secureFor = (opts: AppOptions, req: FastifyRequest) => (opts.secureCookies ?? false) || req.protocol === 'https';

/** HttpOnly and SameSite=Strict always; Secure over HTTPS. */
export async function setSessionCookie(k: Kernel, opts: AppOptions, req: FastifyRequest, reply: FastifyReply, token: string) {
  const policy = await readPolicy(k.db);
  const secure = secureFor(opts, req);
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: policy.sessionMaxHours * 3600 });
  reply.setCookie(SIGNED_IN_COOKIE, '1', { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge: policy.sessionMaxHours * 3600 });
}

/** What the console needs after a login step: the next step, or the user. */
export function loginAnswer(k: Kernel, r: LoginResult) {
  if (r.stage !== 'active') return { ok: true, next: r.stage };
  return { ok: true, mustChangePassword: r.mustChangePassword, user: { ...r.actor, roleLabel: ROLE_LABELS[r.actor.role], today: k.today(), mustChangePassword: r.mustChangePassword } };
}

export const authRoutes = (k: Kernel, opts: AppOptions): FastifyPluginAsync => async (app: App) => {
  const now = opts.now ?? (() => new Date());
  const throttle = { rateLimit: { max: opts.loginRateLimit ?? 30, timeWindow: '1 minute' } };

  app.post(
    '/api/auth/login',
    {
      config: throttle,
      schema: {
        tags: ['登录'],
        summary: '用户名密码登录（第一步）；需要动态验证码时返回 next=totp，须先绑定时返回 next=enrol',
        security: [],
        body: z.object({
          // Control characters and surrogates cannot be stored (the name of a failed attempt is audited).
          username: z.string().trim().min(1).max(64).regex(/^[^\u0000-\u001f\ud800-\udfff]*$/, '含有无效字符').meta({ title: '用户名' }),
          password: z.string().min(1).max(200).meta({ title: '密码' }),
        }),
        response: { 200: loginReply },
      },
    },
    async (req, reply) => {
      const r = await login(k.db, req.body.username, req.body.password, now(), clientOf(req), reporterOf(req));
      await setSessionCookie(k, opts, req, reply, r.token);
      return loginAnswer(k, r);
    },
  );

  app.post(
    '/api/auth/login/totp',
    {
      config: throttle,
      schema: {
        tags: ['登录'],
        summary: '输入验证器中的6位动态验证码完成登录（第二步）',
        body: z.object({ code: z.string().trim().regex(/^\d{6}$/, '应为6位数字').meta({ title: '动态验证码' }) }),
        response: { 200: loginReply },
      },
    },
    async (req, reply) => {
      const r = await loginWithCode(k.db, req.cookies[SESSION_COOKIE]!, req.body.code, now(), clientOf(req), reporterOf(req));
      await setSessionCookie(k, opts, req, reply, r.token);
      return loginAnswer(k, r);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['登录'], summary: '退出登录', response: { 200: ok } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(k.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureFor(opts, req) });
    reply.clearCookie(SIGNED_IN_COOKIE, { path: '/', sameSite: 'strict', secure: secureFor(opts, req) });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['登录'], summary: '当前用户', response: { 200: sessionUser } } }, async (req) => {
    const actor = requireActor(req);
    return { ...actor, roleLabel: ROLE_LABELS[actor.role], today: k.today(), mustChangePassword: req.session?.mustChangePassword ?? false };
  });
};
