import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { login, logout, SESSION_HOURS } from '../../kernel/auth/sessions.ts';
import { ROLE_LABELS } from '../../kernel/auth/actor.ts';
import { requireActor, type App, type AppOptions } from '../app.ts';

export const SESSION_COOKIE = 'fazhi_session';

export const authRoutes = (k: Kernel, opts: AppOptions): FastifyPluginAsync => async (app: App) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['登录'],
        summary: '用户名密码登录，成功后设置会话 Cookie',
        body: z.object({ username: z.string().trim().min(1).max(64).meta({ title: '用户名' }), password: z.string().min(1).max(200).meta({ title: '密码' }) }),
      },
    },
    async (req, reply) => {
      const { token, actor } = await login(k.db, req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies ?? false,
        maxAge: SESSION_HOURS * 3600,
      });
      return { ok: true, user: { ...actor, roleLabel: ROLE_LABELS[actor.role], today: k.today() } };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['登录'], summary: '退出登录' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(k.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['登录'], summary: '当前用户' } }, async (req) => {
    const actor = requireActor(req);
    return { ...actor, roleLabel: ROLE_LABELS[actor.role], today: k.today() };
  });
};
