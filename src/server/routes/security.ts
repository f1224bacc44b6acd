import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Role } from '../../kernel/db/schema.ts';
import { loadDuties, ROLE_LABELS, setDuties } from '../../kernel/auth/permissions.ts';
import { assignRole } from '../../kernel/auth/accounts.ts';
import { maskDeep } from '../../kernel/privacy.ts';
import { securityChange } from '../logging.ts';
import { describeMatrix } from '../route-matrix.ts';
import { requireActor, type App } from '../app.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2147483647) });

const duty = z.object({
  orgId: z.number().int().positive().meta({ title: '单位' }),
  subunits: z.boolean().default(true).meta({ title: '含下级单位' }),
  subject: z.string().trim().min(1).max(60).meta({ title: '业务或权限', description: '案件类型写作 case:类型（如 case:reconsideration），其他写权限组（reports、registers、draws…）' }),
  actions: z.array(z.string().trim().min(1).max(60)).min(1).max(50).meta({ title: '环节', description: '环节或操作的键；* 表示全部' }),
});

const role = z.enum(Object.keys(ROLE_LABELS) as [Role, ...Role[]]).meta({ title: '角色' });

/** 三员分立's own pages: the permission matrix, roles and duties (安全管理员) and the audit trail (审计管理员). */
export const securityRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  const caseActions = () => Object.fromEntries(k.types.all().map((t) => [t.key, t.actions.filter((a) => !a.system).map((a) => a.key)]));

  app.get('/api/permissions/matrix', { schema: { tags: ['权限'], summary: '权限矩阵：每个接口所需的权限、各角色默认权限与可设定的职责' } }, async () => describeMatrix(k.types));

  app.get('/api/security/users', { schema: { tags: ['权限'], summary: '用户的角色与职责（安全管理员）' } }, async (req) => {
    const actor = requireActor(req);
    const users = await k.db
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .innerJoin('orgs as s', 's.id', 'u.scope_org_id')
      .select(['u.id', 'u.username', 'u.display_name as displayName', 'u.role', 'u.active', 'u.org_id as orgId', 'o.name as orgName', 'u.scope_org_id as scopeOrgId', 's.name as scopeOrgName'])
      .where('o.path', 'like', `${actor.scopePath}%`)
      .orderBy('o.path')
      .orderBy('u.id')
      .execute();
    return Promise.all(users.map(async (u) => ({ ...u, roleLabel: ROLE_LABELS[u.role], duties: await loadDuties(k.db, u.id) })));
  });

  app.put(
    '/api/security/users/:id/role',
    {
      schema: {
        tags: ['权限'],
        summary: '分配用户的角色与可查看范围（安全管理员；不能改自己的）',
        params: idParams,
        body: z.object({ role, scopeOrgId: z.number().int().positive().max(2147483647).optional().meta({ title: '可查看范围（单位）' }) }),
      },
    },
    async (req) => {
      const r = await assignRole(k.db, requireActor(req), req.params.id, req.body);
      securityChange(req, 'user.role', { targetUserId: req.params.id, role: r.role, scopeOrgId: r.scopeOrgId });
      return r;
    },
  );

  app.put(
    '/api/security/users/:id/duties',
    { schema: { tags: ['权限'], summary: '设定用户的职责（整体替换；安全管理员；不能设自己的）', params: idParams, body: z.object({ duties: z.array(duty).max(200) }) } },
    async (req) => {
      const r = await setDuties(k.db, requireActor(req), req.params.id, req.body.duties, caseActions());
      securityChange(req, 'user.duties', { targetUserId: req.params.id, duties: r.length });
      return r;
    },
  );

  app.get(
    '/api/audit/events',
    {
      schema: {
        tags: ['系统'],
        summary: '查阅审计日志（审计管理员；只读，任何人不能修改或删除）',
        querystring: z.object({
          action: z.string().max(60).optional().meta({ title: '操作（前缀，如 auth. 或 case.）' }),
          actorId: z.coerce.number().int().positive().max(2147483647).optional().meta({ title: '操作人' }),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (req) => {
      const { action, actorId, page, pageSize } = req.query;
      let q = k.db.selectFrom('audit_events as a').leftJoin('users as u', 'u.id', 'a.actor_id');
      if (action) q = q.where('a.action', 'like', `${action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
      if (actorId) q = q.where('a.actor_id', '=', actorId);
      const rows = await q
        .select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id as entityId', 'a.before', 'a.after', 'a.hash', 'u.username', 'u.display_name as actorName'])
        .orderBy('a.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      // The audit administrator checks who did what; the parties' personal data is not theirs to read.
      return { page, pageSize, items: rows.map((r) => ({ ...r, before: maskDeep(r.before), after: maskDeep(r.after) })) };
    },
  );
};
