import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { describeCaseTypes } from '../../kernel/cases/describe.ts';
import { assertCan } from '../../kernel/auth/permissions.ts';
import { verifyAudit } from '../../kernel/audit/checkpoints.ts';
import { installKind } from '../../kernel/auth/policy.ts';
import { requireActor, type App } from '../app.ts';

export const metaRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查；demo 为真时是演示环境（页面显示提示条）', security: [] } }, async () => {
    await k.db.selectFrom('orgs').select('id').limit(1).execute();
    return { ok: true, db: k.engine, demo: (await installKind(k.db)) === 'demo' };
  });

  app.get('/api/audit/verify', { schema: { tags: ['系统'], summary: '校验审计日志哈希链及其签名检查点（审计管理员）' } }, async (req) => {
    assertCan(requireActor(req), 'audit.verify');
    return verifyAudit(k);
  });

  app.get('/api/case-types', { schema: { tags: ['系统'], summary: '全部案件类型：状态、环节、时限、结果、指标' } }, async () => describeCaseTypes(k.types));
};
