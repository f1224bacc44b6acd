import { z } from 'zod';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { canSeeOrg } from '../../kernel/auth/actor.ts';
import { can } from '../../kernel/auth/permissions.ts';
import { knownPersonNames } from '../../kernel/cases/engine.ts';
import { maskRegisterItems } from '../../kernel/privacy.ts';
import { notFound } from '../../kernel/errors.ts';
import { getOrg } from '../../kernel/orgs.ts';
import { columnsOf, publishRegister, readRegister, registerWorkbook, rowsToItems } from '../../kernel/registers.ts';
import { createRegisterKinds } from '../../institutions/registers/index.ts';
import { uploadedRows } from '../upload.ts';
import { idParams, recordId, recordIdParam } from '../../kernel/validation.ts';
import { requireActor, type App } from '../app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sendXlsx = (reply: FastifyReply, name: string, body: Buffer) =>
  reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`).send(body);

/** 清单: versioned lists with Excel import/export; the portal shows the current version and the change log. */
export const registerRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  const kinds = createRegisterKinds();
  const kindKey = z.enum(kinds.all().map((x) => x.key) as [string, ...string[]]).meta({ title: '清单类型' });

  const list = async (scopePath: string | null) =>
    (
      await k.db
        .selectFrom('registers as r')
        .innerJoin('orgs as o', 'o.id', 'r.org_id')
        .innerJoin('register_versions as v', (j) => j.onRef('v.register_id', '=', 'r.id'))
        .select(['r.id', 'r.kind', 'o.name as orgName', 'o.path', 'v.version', 'v.published_on as publishedOn', 'v.items'])
        .where((eb) => eb('v.version', '=', eb.selectFrom('register_versions as x').select((x) => x.fn.max('x.version').as('m')).whereRef('x.register_id', '=', 'r.id')))
        .$if(scopePath !== null, (q) => q.where('o.path', 'like', `${scopePath}%`))
        .orderBy('o.path')
        .orderBy('r.kind')
        .execute()
    ).map(({ items, path: _path, ...r }) => ({ ...r, kindName: kinds.get(r.kind).name, count: (items as unknown[]).length }));

  /** A register as a reader without the need (the public, another org, a leader) sees it: items and notes masked. */
  const masked = async <R extends { items: unknown; changes: { note: string }[] }>(reg: R): Promise<R> => {
    const names = await knownPersonNames(k, '/');
    return { ...reg, items: maskRegisterItems(reg.items, names), changes: reg.changes.map((c) => ({ ...c, note: maskRegisterItems(c.note, names) })) };
  };

  const loadScoped = async (req: any, id: number) => {
    const actor = requireActor(req);
    const reg = await readRegister(k.db, id);
    if (!canSeeOrg(actor, reg.path)) throw notFound('清单');
    return can(actor, 'registers.publish', reg.path) ? reg : masked(reg);
  };

  app.get('/api/registers/kinds', { schema: { tags: ['清单'], summary: '清单类型及其栏目' } }, async () =>
    kinds.all().map((x) => ({ key: x.key, name: x.name, basis: x.basis, columns: columnsOf(x) })),
  );

  app.get('/api/registers', { schema: { tags: ['清单'], summary: '管辖范围内各单位的清单（现行版本）' } }, async (req) => list(requireActor(req).scopePath));

  app.get('/api/registers/:id', { schema: { tags: ['清单'], summary: '清单现行版本与历次变更', params: idParams } }, async (req) => {
    const reg = await loadScoped(req, req.params.id);
    return { ...reg, kindName: kinds.get(reg.kind).name };
  });

  app.post(
    '/api/registers',
    {
      schema: {
        tags: ['清单'],
        summary: '发布清单新版本（整表提交；任一项有误则不发布）',
        body: z.object({ orgId: recordId('单位'), kind: kindKey, note: z.string().trim().min(1).max(500).meta({ title: '调整说明' }), items: z.array(z.record(z.string().max(100), z.unknown())).max(5000).meta({ title: '清单事项' }) }),
      },
    },
    async (req) => publishRegister(k.db, requireActor(req), { ...req.body, kind: kinds.get(req.body.kind), on: k.today() }),
  );

  app.post(
    '/api/registers/import',
    {
      schema: {
        tags: ['清单'],
        summary: '从 Excel/CSV 发布清单新版本（首行为栏目名，可先下载模板）',
        querystring: z.object({ orgId: recordIdParam('单位'), kind: kindKey, note: z.string().trim().min(1).max(500).meta({ title: '调整说明' }) }),
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const kind = kinds.get(req.query.kind);
      await getOrg(k.db, req.query.orgId);
      return publishRegister(k.db, requireActor(req), { orgId: req.query.orgId, kind, note: req.query.note, items: rowsToItems(kind, await uploadedRows(req)), on: k.today() });
    },
  );

  app.get('/api/registers/template.xlsx', { schema: { tags: ['清单'], summary: '清单导入模板', querystring: z.object({ kind: kindKey }) } }, async (req, reply) => {
    const kind = kinds.get(req.query.kind);
    return sendXlsx(reply, `${kind.name}模板`, await registerWorkbook(kind, []));
  });

  app.get('/api/registers/:id/export.xlsx', { schema: { tags: ['清单'], summary: '导出清单现行版本', params: idParams } }, async (req, reply) => {
    const reg = await loadScoped(req, req.params.id);
    const kind = kinds.get(reg.kind);
    return sendXlsx(reply, `${reg.orgName}${kind.name}`, await registerWorkbook(kind, reg.items));
  });

  // Public: every register's current version and its change log.
  app.get('/api/public/registers', { schema: { tags: ['公开'], summary: '各单位公开的清单（无需登录）', security: [] } }, async () => list(null));

  app.get('/api/public/registers/:id', { schema: { tags: ['公开'], summary: '清单现行版本与变更记录（无需登录）', security: [], params: idParams } }, async (req) => {
    const { path: _path, ...reg } = await masked(await readRegister(k.db, req.params.id));
    const kind = kinds.get(reg.kind);
    return { ...reg, kindName: kind.name, columns: columnsOf(kind) };
  });
};
