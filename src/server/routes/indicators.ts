import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { computeIndicators, indicatorRecords } from '../../kernel/indicators/compute.ts';
import { canSeeOrg } from '../../kernel/auth/actor.ts';
import { getOrg } from '../../kernel/orgs.ts';
import { badRequest, notFound } from '../../kernel/errors.ts';
import { f } from '../../kernel/cases/define.ts';
import { MAX_PAGE, recordIdParam } from '../../kernel/validation.ts';
import { maskTitlesFor } from '../../kernel/cases/engine.ts';
import { requireActor, type App } from '../app.ts';
import { indicatorsReply } from '../responses.ts';
import { sendCachedJson } from '../cached-json.ts';

const scopeQuery = z.object({
  orgId: recordIdParam('单位（含下级）').optional(),
  from: f.date('起始日期').optional(),
  to: f.date('截止日期').optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
});

export const indicatorRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  async function resolveScope(req: any, q: z.infer<typeof scopeQuery>) {
    const actor = requireActor(req);
    const orgId = q.orgId ?? actor.scopeOrgId;
    if (!canSeeOrg(actor, (await getOrg(k.db, orgId)).path)) throw notFound('单位');
    const year = q.year ?? Number(k.today().slice(0, 4));
    const from = q.from ?? `${year}-01-01`;
    const to = q.to ?? `${year}-12-31`;
    if (from > to) throw badRequest('起始日期不能晚于截止日期');
    return { orgId, from, to };
  }

  app.get(
    '/api/indicators',
    {
      schema: {
        tags: ['指标'],
        summary: '计算指标（单位及其下级、期间）',
        querystring: scopeQuery.extend({ keys: z.string().max(2000).optional().meta({ title: '指标', description: '逗号分隔，如 reconsideration.accepted 或 行政复议.受理；缺省为全部' }) }),
        response: { 200: indicatorsReply },
      },
    },
    async (req, reply) => {
      const scope = await resolveScope(req, req.query);
      const keys = req.query.keys?.split(',').map((s) => s.trim()).filter(Boolean);
      // The figures depend on the scope and keys only (who may see the scope was checked above).
      return sendCachedJson(k, req, reply, `indicators:${JSON.stringify([scope, keys ?? null])}`, async () => ({ scope, values: await computeIndicators(k, scope, keys) }));
    },
  );

  app.get(
    '/api/indicators/:key/records',
    {
      schema: {
        tags: ['指标'],
        summary: '指标钻取：计入该数字的全部记录',
        params: z.object({ key: z.string().min(1).max(200).meta({ title: '指标' }) }),
        querystring: scopeQuery.extend({ page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1).meta({ title: '页码' }), pageSize: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }) }),
      },
    },
    async (req) => {
      const scope = await resolveScope(req, req.query);
      const { page, pageSize } = req.query;
      const records = await indicatorRecords(k, req.params.key, scope, { limit: pageSize, offset: (page - 1) * pageSize });
      return { ...records, items: await maskTitlesFor(k, requireActor(req), records.items, (i) => i.caseId) };
    },
  );
};
