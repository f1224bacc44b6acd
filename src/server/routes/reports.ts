import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { notFound } from '../../kernel/errors.ts';
import { canSeeOrg } from '../../kernel/auth/actor.ts';
import { getOrg } from '../../kernel/orgs.ts';
import { openReport, renderReport, reportAsDocx, updateReport, type ReportSection } from '../../reports/report.ts';
import { checkReport } from '../../reports/check.ts';
import { requireActor, type App } from '../app.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const section = z.object({
  kind: z.enum(['achievements', 'shortcomings', 'first_responsibility', 'next_year', 'other']),
  heading: z.string().trim().min(1).max(200).meta({ title: '标题' }),
  body: z.string().max(100_000).meta({ title: '正文' }),
});

export const reportRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  const load = async (req: any, id: number) => {
    const r = await k.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || !canSeeOrg(requireActor(req), (await getOrg(k.db, r.org_id)).path)) throw notFound('报告');
    return { ...r, sections: r.sections as ReportSection[] };
  };

  app.post(
    '/api/reports',
    { schema: { tags: ['年度报告'], summary: '打开单位某年度的法治政府建设年度报告（没有时按记录生成初稿）', body: z.object({ orgId: z.number().int().positive().meta({ title: '单位' }), year: z.number().int().min(2000).max(2100).meta({ title: '年度' }) }) } },
    async (req) => {
      const r = await openReport(k, requireActor(req), req.body.orgId, req.body.year);
      return { ...r, ...(await renderReport(k, { ...r, sections: r.sections as ReportSection[] })) };
    },
  );

  app.get('/api/reports/:id', { schema: { tags: ['年度报告'], summary: '报告及按记录计算的全部数据', params: idParams } }, async (req) => {
    const r = await load(req, req.params.id);
    return { ...r, ...(await renderReport(k, r)) };
  });

  app.put(
    '/api/reports/:id',
    { schema: { tags: ['年度报告'], summary: '保存报告（版本号防止覆盖他人修改）', params: idParams, body: z.object({ version: z.number().int().positive(), title: z.string().trim().min(1).max(200), sections: z.array(section).min(1).max(10) }) } },
    async (req) => {
      await updateReport(k, requireActor(req), req.params.id, req.body);
      const r = await load(req, req.params.id);
      return { ...r, ...(await renderReport(k, r)) };
    },
  );

  app.get('/api/reports/:id/report.docx', { schema: { tags: ['年度报告'], summary: '下载 GB/T 9704 公文格式的 .docx', params: idParams } }, async (req, reply) => {
    const r = await load(req, req.params.id);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${r.title}.docx`)}`);
    return reply.send(await reportAsDocx(k, r));
  });

  app.get('/api/reports/:id/check', { schema: { tags: ['年度报告'], summary: '检查报告：结构、原因与安排、数据绑定、数据矛盾、数据变动、报送期限', params: idParams } }, async (req) => {
    return checkReport(k, await load(req, req.params.id));
  });
};
