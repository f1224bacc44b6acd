import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Kernel } from '../../kernel/kernel.ts';
import { assertCan } from '../../kernel/auth/permissions.ts';
import { createCheckpoint, publishedCheckpoints } from '../../kernel/audit/checkpoints.ts';
import { requireActor, type App } from '../app.ts';

/** Signed checkpoints of the audit trail: signed on demand by the audit administrator, published to anyone. */
export const auditRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  app.post(
    '/api/audit/checkpoints',
    { schema: { tags: ['系统'], summary: '立即签署审计检查点：以 SM2 密钥签署各审计链的链头（管理员）', body: z.object({}).strict().nullish() } },
    async (req) => {
      const actor = requireActor(req);
      assertCan(actor, 'audit.verify');
      const cp = await createCheckpoint(k, actor.id);
      req.log.info({ auditCheckpoint: cp }, '审计检查点');
      return cp;
    },
  );

  app.get(
    '/api/public/audit-checkpoints',
    {
      schema: {
        tags: ['公开'],
        summary: '审计日志的签名检查点与验签公钥（无需登录）：可保存副本，日后用 npx fazhi audit verify --checkpoints 核对',
        security: [],
        querystring: z.object({ after: z.coerce.number().int().min(0).max(2_147_483_647).optional() }),
      },
    },
    async (req) => {
      const all = await publishedCheckpoints(k.db);
      const after = req.query.after ?? 0;
      return { ...all, checkpoints: all.checkpoints.filter((c) => c.seq > after) };
    },
  );
};
