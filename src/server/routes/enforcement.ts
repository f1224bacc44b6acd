import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { canSeeOrg } from '../../kernel/auth/actor.ts';
import { can } from '../../kernel/auth/permissions.ts';
import { notFound } from '../../kernel/errors.ts';
import { getOrg } from '../../kernel/orgs.ts';
import { maskNotice, maskText } from '../../kernel/privacy.ts';
import { caseNames, knownPersonNames } from '../../kernel/cases/engine.ts';
import { outcomeLabel } from '../../kernel/cases/define.ts';
import { commitDraw, commitInput, importTargets, performDraw, readDraw, verifyDraw } from '../../institutions/inspection-draw/draw.ts';
import { sampleCaseFiles } from '../../institutions/enforcement/sampling.ts';
import { uploadedRows } from '../upload.ts';
import { idParams, recordId, recordIdParam } from '../../kernel/validation.ts';
import { requireActor, type App } from '../app.ts';


/** 双随机一公开 draws and target pools, 案卷评查 sampling, and the public side of enforcement: draws and 执法决定公示. */
export const enforcementRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  const draws = (scopePath: string | null, drawnOnly: boolean) =>
    k.db
      .selectFrom('draws as d')
      .innerJoin('orgs as o', 'o.id', 'd.org_id')
      .select(['d.id', 'd.title', 'd.item', 'o.name as orgName', 'o.path', 'd.commitment', 'd.pool_hash as poolHash', 'd.committed_at as committedAt', 'd.drawn_on as drawnOn'])
      .$if(scopePath !== null, (q) => q.where('o.path', 'like', `${scopePath}%`))
      .$if(drawnOnly, (q) => q.where('d.result', 'is not', null))
      .orderBy('d.id', 'desc')
      .execute();

  // The public draw record: the title and item as typed are masked; the frozen pools are businesses and certified staff, and re-hashing them is the check.
  const publicText = async <T extends { title: string; item: string }>(rows: T[]) => {
    const names = await knownPersonNames(k, '/');
    return rows.map((d) => ({ ...d, title: maskText(d.title, names), item: maskText(d.item, names) }));
  };
  app.get('/api/draws', { schema: { tags: ['双随机一公开'], summary: '管辖范围内的抽查任务' } }, async (req) => {
    const actor = requireActor(req);
    const rows = await draws(actor.scopePath, false);
    // Those who do not run an org's draws read its titles as the public does.
    const masked = await publicText(rows);
    return rows.map(({ path, ...d }, i) => (can(actor, 'draws.commit', path) ? d : { ...masked[i], path: undefined }));
  });

  app.post('/api/draws', { schema: { tags: ['双随机一公开'], summary: '创建抽查任务：冻结对象库与执法人员库，公布种子的 SM3 承诺值', body: commitInput } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = await commitDraw(k, actor, req.body);
    reply.code(201);
    return readDraw(k, actor, id);
  });

  app.post('/api/draws/:id/draw', { schema: { tags: ['双随机一公开'], summary: '抽取：公开种子，计算结果，为每户生成检查任务', params: idParams } }, async (req) => performDraw(k, requireActor(req), req.params.id));

  app.get('/api/draws/:id', { schema: { tags: ['双随机一公开'], summary: '抽查任务（抽取前仅有承诺值）', params: idParams } }, async (req) => readDraw(k, requireActor(req), req.params.id));

  app.get('/api/inspection-targets', { schema: { tags: ['双随机一公开'], summary: '检查对象名录', querystring: z.object({ orgId: recordIdParam('单位') }) } }, async (req) => {
    if (!canSeeOrg(requireActor(req), (await getOrg(k.db, req.query.orgId)).path)) throw notFound('单位');
    return k.db.selectFrom('inspection_targets').select(['id', 'credit_code as creditCode', 'name', 'category', 'risk', 'address', 'active']).where('org_id', '=', req.query.orgId).orderBy('credit_code').execute();
  });

  app.post(
    '/api/inspection-targets/import',
    {
      schema: {
        tags: ['双随机一公开'],
        summary: '导入检查对象名录（Excel/CSV：统一社会信用代码、名称、行业类别、风险等级（高/中/低）、地址；任一行有误则全部不导入）',
        querystring: z.object({ orgId: recordIdParam('单位') }),
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => importTargets(k, requireActor(req), req.query.orgId, await uploadedRows(req)),
  );

  app.post(
    '/api/file-reviews/sample',
    {
      schema: {
        tags: ['行政执法'],
        summary: '案卷评查抽样：从所选单位（含下级）某年度已结案卷中随机抽取，生成评查任务',
        body: z.object({
          reviewerOrgId: recordId('评查单位'),
          fromOrgId: recordId('被评查单位（含下级）'),
          year: z.number().int().min(2000).max(2100).meta({ title: '结案年度' }),
          count: z.number().int().min(1).max(500).meta({ title: '抽取份数' }),
        }),
      },
    },
    async (req) => sampleCaseFiles(k, requireActor(req), req.body),
  );

  // Public: a draw's commitment from the moment it is made; seed and result once drawn, with a check anyone can repeat.
  app.get('/api/public/draws', { schema: { tags: ['公开'], summary: '双随机抽查任务及承诺值（无需登录）', security: [] } }, async () => (await publicText(await draws(null, false))).map(({ path: _path, ...d }) => d));

  app.get('/api/public/draws/:id', { schema: { tags: ['公开'], summary: '抽查任务的公开记录：承诺值、种子、名录与结果，可用 npx fazhi draw verify 复核', security: [], params: idParams } }, async (req) => {
    const d = await readDraw(k, null, req.params.id);
    const [shown] = await publicText([d]);
    return { ...shown, verification: d.seed ? verifyDraw(d) : null };
  });

  app.get('/api/public/enforcement', { schema: { tags: ['公开'], summary: '行政执法决定公示（无需登录，个人信息已隐去）', security: [], querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (req) => {
    const def = k.types.get('enforcement');
    let q = k.db
      .selectFrom('case_events as p')
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .innerJoin('orgs as o', 'o.id', 'c.org_id')
      .innerJoin('case_events as d', (j) => j.onRef('d.case_id', '=', 'c.id').on('d.kind', '=', 'decide'))
      .select(['c.id', 'c.type', 'c.fields', 'c.number', 'c.title', 'c.outcome', 'o.name as orgName', 'd.occurred_on as decidedOn', 'p.occurred_on as publishedOn', 'p.data'])
      .where('p.type', '=', 'enforcement')
      .where('p.kind', '=', 'publicize');
    if (req.query.year) q = q.where('p.occurred_on', '>=', `${req.query.year}-01-01`).where('p.occurred_on', '<=', `${req.query.year}-12-31`);
    const rows = await q.orderBy('p.occurred_on', 'desc').limit(500).execute();
    // The form says 不含个人信息; the case's own people are masked whatever was typed.
    const names = await caseNames(k, rows);
    return rows.map(({ id, type: _type, fields: _fields, data, outcome, title, ...r }) => ({ ...r, ...maskNotice({ matter: title, summary: String((data as any)?.summary ?? '') }, names.get(id)), decision: outcomeLabel(def, outcome) }));
  });
};
