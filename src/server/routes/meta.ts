import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { describeCaseTypes } from '../../kernel/cases/describe.ts';
import { assertAdmin } from '../../kernel/auth/actor.ts';
import { verifyChain } from '../../kernel/audit/audit.ts';
import { requireActor, type App } from '../app.ts';

export const metaRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查', security: [] } }, async () => {
    await k.db.selectFrom('orgs').select('id').limit(1).execute();
    return { ok: true, db: k.engine };
  });

  app.get('/api/audit/verify', { schema: { tags: ['系统'], summary: '校验审计日志哈希链（管理员）' } }, async (req) => {
    assertAdmin(requireActor(req));
    return verifyChain(k.db);
  });

  app.get('/api/case-types', { schema: { tags: ['系统'], summary: '全部案件类型：状态、环节、时限、结果、指标' } }, async () => describeCaseTypes(k.types));
};
