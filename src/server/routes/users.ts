import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Role } from '../../kernel/db/schema.ts';
import { ROLE_LABELS } from '../../kernel/auth/actor.ts';
import {
  changeOwnPassword,
  createAccount,
  getAccount,
  listUsers,
  ownAccount,
  resetPassword,
  resetSecondFactor,
  setActive,
  unlockAccount,
  updateAccount,
} from '../../kernel/auth/accounts.ts';
import { endOwnSession, listOwnSessions } from '../../kernel/auth/session-store.ts';
import { confirmEnrolment, startEnrolment } from '../../kernel/auth/second-factor.ts';
import { finishEnrolmentLogin } from '../../kernel/auth/login.ts';
import { readPolicy, securityPolicySchema, updatePolicy } from '../../kernel/auth/policy.ts';
import { assertMayAdministerSecurityPolicy } from '../../kernel/auth/gates.ts';
import { requireActor, type App, type AppOptions } from '../app.ts';
import { clientOf, loginAnswer, SESSION_COOKIE, setSessionCookie } from './auth.ts';
import { securityChange } from '../logging.ts';
import { userRow } from '../responses.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
const orgId = z.number().int().positive().max(2147483647);
// The roles the kernel knows, read from its labels so a new role needs no change here.
const role = z.enum(Object.keys(ROLE_LABELS) as [Role, ...Role[]]).meta({ title: '角色' });
// Control characters and lone surrogates cannot be stored in PostgreSQL text.
const PRINTABLE = /^[^\u0000-\u001f\ud800-\udfff]*$/;
const displayName = z.string().trim().min(1).max(40).regex(PRINTABLE, '含有无效字符').meta({ title: '姓名' });

/** Own account (password, sessions, second factor) and user administration (系统管理 → 用户管理). */
export const userRoutes = (k: Kernel, opts: AppOptions): FastifyPluginAsync => async (app: App) => {
  const now = opts.now ?? (() => new Date());

  app.get('/api/auth/account', { schema: { tags: ['账号'], summary: '本人账号：双因素状态、密码有效期、密码策略' } }, async (req) => ownAccount(k.db, requireActor(req), now()));

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['账号'],
        summary: '修改本人密码（初始密码、重置密码或过期密码须先修改）；其他会话随之结束',
        body: z.object({
          currentPassword: z.string().min(1).max(200).meta({ title: '当前密码' }),
          newPassword: z.string().min(1).max(200).meta({ title: '新密码' }),
        }),
      },
    },
    async (req) => {
      await changeOwnPassword(k.db, requireActor(req), req.session?.id ?? null, req.body.currentPassword, req.body.newPassword, now(), clientOf(req));
      return { ok: true };
    },
  );

  app.get('/api/auth/sessions', { schema: { tags: ['账号'], summary: '本人的登录会话：登录时间、最近活动、地址、浏览器' } }, async (req) =>
    listOwnSessions(k.db, requireActor(req), req.session?.id ?? null),
  );

  app.delete('/api/auth/sessions/:id', { schema: { tags: ['账号'], summary: '结束本人的某个会话（如在其他电脑上忘记退出）', params: idParams } }, async (req) => {
    await endOwnSession(k.db, requireActor(req), req.params.id);
    return { ok: true };
  });

  app.post('/api/auth/totp/enrol', { schema: { tags: ['账号'], summary: '生成动态验证码密钥（otpauth 链接与 Base32），输入验证码确认后生效' } }, async (req) =>
    startEnrolment(k.db, requireActor(req)),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      schema: {
        tags: ['账号'],
        summary: '输入验证器显示的6位验证码，确认绑定动态验证码',
        body: z.object({ code: z.string().trim().regex(/^\d{6}$/, '应为6位数字').meta({ title: '动态验证码' }) }),
      },
    },
    async (req, reply) => {
      await confirmEnrolment(k.db, requireActor(req), req.body.code, now());
      if (req.session?.stage !== 'enrol') return { ok: true };
      // Enrolment was the missing step of this login: the session becomes a full one.
      const r = await finishEnrolmentLogin(k.db, req.cookies[SESSION_COOKIE]!, now(), clientOf(req));
      await setSessionCookie(k, opts, req, reply, r.token);
      return loginAnswer(k, r);
    },
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['用户管理'],
        summary: '用户列表（本人管辖范围内），可按姓名/用户名、单位、角色、状态筛选',
        querystring: z.object({
          q: z.string().trim().max(40).regex(PRINTABLE, '含有无效字符').optional().meta({ title: '姓名或用户名' }),
          orgId: z.coerce.number().int().positive().max(2147483647).optional().meta({ title: '单位（含下级）' }),
          role: role.optional(),
          status: z.enum(['active', 'disabled', 'locked']).optional().meta({ title: '状态' }),
        }),
        response: { 200: z.array(userRow) },
      },
    },
    async (req) => listUsers(k.db, requireActor(req), req.query, now()),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['用户管理'],
        summary: '新建账号（系统管理员）：返回一次性初始密码（仅显示一次，首次登录须修改）；角色由安全管理员另行分配',
        body: z.object({
          username: z.string().trim().min(2).max(32).meta({ title: '用户名' }),
          displayName,
          orgId: orgId.meta({ title: '所在单位' }),
          // Accepted only so that a request to grant at creation is refused out loud (三员分立), not silently dropped.
          scopeOrgId: orgId.optional().meta({ title: '可查看范围（由安全管理员分配，此处不可设）' }),
          role: role.optional().meta({ title: '角色（由安全管理员分配，此处不可设）' }),
        }),
      },
    },
    async (req, reply) => {
      const r = await createAccount(k.db, requireActor(req), req.body);
      securityChange(req, 'user.create', { targetUserId: r.id, username: req.body.username });
      return reply.code(201).send({ ok: true, ...r });
    },
  );

  app.get('/api/users/roles', { schema: { tags: ['用户管理'], summary: '可分配的角色及其名称' } }, async (req) => {
    requireActor(req);
    return Object.entries(ROLE_LABELS).map(([key, label]) => ({ key, label }));
  });

  app.get('/api/users/:id', { schema: { tags: ['用户管理'], summary: '用户详情', params: idParams } }, async (req) => getAccount(k.db, requireActor(req), req.params.id, now()));

  app.put(
    '/api/users/:id',
    {
      schema: {
        tags: ['用户管理'],
        summary: '修改用户姓名、所在单位（须在其可查看范围内）；角色与可查看范围由安全管理员分配',
        params: idParams,
        body: z.object({ displayName: displayName.optional(), orgId: orgId.optional(), scopeOrgId: orgId.optional(), role: role.optional() }),
      },
    },
    async (req) => {
      const r = await updateAccount(k.db, requireActor(req), req.params.id, req.body);
      securityChange(req, 'user.update', { targetUserId: req.params.id });
      return r;
    },
  );

  const action = (path: string, summary: string, run: (by: ReturnType<typeof requireActor>, id: number) => Promise<unknown>) =>
    app.post(`/api/users/:id/${path}`, { schema: { tags: ['用户管理'], summary, params: idParams } }, async (req) => {
      const r = (await run(requireActor(req), req.params.id)) as object;
      securityChange(req, `user.${path}`, { targetUserId: req.params.id });
      return { ok: true, ...r };
    });
  action('disable', '停用账号（立即结束其全部会话）', (by, id) => setActive(k.db, by, id, false));
  action('enable', '启用账号', (by, id) => setActive(k.db, by, id, true));
  action('unlock', '解除登录失败锁定', (by, id) => unlockAccount(k.db, by, id));
  action('reset-password', '重置密码：返回一次性密码（仅显示一次），下次登录须修改', (by, id) => resetPassword(k.db, by, id));
  action('reset-totp', '重置动态验证码（手机丢失时）：用户下次登录重新绑定', (by, id) => resetSecondFactor(k.db, by, id));

  app.get('/api/security-policy', { schema: { tags: ['用户管理'], summary: '安全策略：密码、会话、双因素' } }, async (req) => {
    assertMayAdministerSecurityPolicy(requireActor(req));
    return readPolicy(k.db);
  });

  app.put('/api/security-policy', { schema: { tags: ['用户管理'], summary: '修改安全策略（只改提交的项）', body: securityPolicySchema.partial() } }, async (req) => {
    const actor = requireActor(req);
    assertMayAdministerSecurityPolicy(actor);
    const r = await updatePolicy(k.db, actor.id, req.body);
    securityChange(req, 'security.policy', { changed: Object.keys(req.body) });
    return r;
  });
};
