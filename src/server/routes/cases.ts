import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { addDays } from '../../kernel/calendar/dates.ts';
import { f, stateLabel } from '../../kernel/cases/define.ts';
import {
  addAttachment,
  caseListQuery,
  clockView,
  createCase,
  getAttachment,
  getCase,
  listCases,
  maskTitlesFor,
  performAction,
} from '../../kernel/cases/engine.ts';
import { orgTree } from '../../kernel/orgs.ts';
import { exportCasesXlsx } from '../../kernel/cases/export.ts';
import { importCases, importTemplate } from '../../kernel/cases/import.ts';
import { uploadedFile, uploadedRows } from '../upload.ts';
import { idParams, INT4_MAX, recordId, recordIdParam } from '../../kernel/validation.ts';
import { badRequest } from '../../kernel/errors.ts';
import { requireActor, type App } from '../app.ts';
import { caseListReply, caseView, dashboardReply, orgNode } from '../responses.ts';
import { sendCachedJson } from '../cached-json.ts';


export const caseRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  app.get('/api/orgs', { schema: { tags: ['单位'], summary: '当前用户可见的单位树', response: { 200: orgNode } } }, async (req) => {
    return orgTree(k.db, requireActor(req).scopeOrgId);
  });

  app.get('/api/cases', { schema: { tags: ['案件'], summary: '案件列表（按权限范围，可筛选）', querystring: caseListQuery, response: { 200: caseListReply } } }, async (req) => {
    return listCases(k, requireActor(req), req.query);
  });

  app.get('/api/cases/export.xlsx', { schema: { tags: ['案件'], summary: '按当前筛选条件导出 Excel（当事人信息脱敏）', querystring: caseListQuery } }, async (req, reply) => {
    const xlsx = await exportCasesXlsx(k, requireActor(req), req.query);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`案件清单-${k.today()}.xlsx`)}`);
    return reply.send(xlsx);
  });

  app.get('/api/cases/:id', { schema: { tags: ['案件'], summary: '案件详情：当事人、时限、流程记录、可办理环节', params: idParams, response: { 200: caseView } } }, async (req) => {
    return getCase(k, requireActor(req), req.params.id);
  });

  // One route per case type and per step, so the OpenAPI document shows each form's exact fields.
  for (const def of k.types.all()) {
    app.get(`/api/${def.key}/import-template.xlsx`, { schema: { tags: [def.name], summary: `下载${def.name}批量导入模板（Excel）` } }, async (req, reply) => {
      requireActor(req);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${def.name}导入模板.xlsx`)}`);
      return reply.send(await importTemplate(def));
    });

    app.post(
      `/api/${def.key}/import`,
      {
        schema: {
          tags: [def.name],
          summary: `批量导入${def.name}（Excel .xlsx 或 CSV；任一行有误则全部不导入，并列出每一行的问题）`,
          querystring: z.object({ orgId: recordIdParam('办理单位') }),
          consumes: ['multipart/form-data'],
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return importCases(k, actor, { type: def.key, orgId: req.query.orgId, rows: await uploadedRows(req) });
      },
    );

    app.post(
      `/api/${def.key}/cases`,
      {
        schema: {
          tags: [def.name],
          summary: `登记${def.name}案件（${def.basis}）`,
          body: z.object({ orgId: recordId('办理单位'), fields: def.intake }),
          response: { 201: caseView },
        },
      },
      async (req, reply) => {
        const id = await createCase(k, requireActor(req), { type: def.key, orgId: req.body.orgId, fields: req.body.fields });
        reply.code(201);
        return getCase(k, requireActor(req), id);
      },
    );
    for (const action of def.actions.filter((a) => !a.system)) {
      app.post(
        `/api/${def.key}/cases/:id/${action.key}`,
        {
          schema: {
            tags: [def.name],
            summary: `${action.label}${action.basis ? `（${action.basis}）` : ''}`,
            params: idParams,
            body: z.object({
              // Required: a step taken from a stale screen, or by an empty body, must not go through.
              version: z.number().int().min(1).max(INT4_MAX).meta({ title: '案件版本', description: '提交时看到的版本号，用于防止覆盖他人修改' }),
              on: f.date('办理日期').optional(),
              data: (action.fields ?? z.object({})).default({}),
            }),
            response: { 200: caseView },
          },
        },
        async (req) => {
          const actor = requireActor(req);
          await performAction(k, actor, req.params.id, action.key, { ...req.body, type: def.key });
          return getCase(k, actor, req.params.id);
        },
      );
    }
  }

  app.post(
    '/api/cases/:id/attachments',
    {
      schema: {
        tags: ['案件'],
        summary: '上传全过程记录材料（multipart，单个文件不超过20MB；附于当前环节，上传后不得修改或删除）',
        params: idParams,
        querystring: z.object({ eventId: recordIdParam('所附环节（缺省为当前环节）').optional() }),
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const file = await uploadedFile(req, 'attachment');
      const id = await addAttachment(k, actor, req.params.id, { filename: file.filename, mime: file.mimetype, content: file.bytes, eventId: req.query.eventId });
      reply.code(201);
      return { ok: true, id };
    },
  );

  app.get('/api/attachments/:id', { schema: { tags: ['案件'], summary: '下载附件', params: idParams } }, async (req, reply) => {
    const a = await getAttachment(k, requireActor(req), req.params.id);
    reply.header('content-type', a.mime || 'application/octet-stream');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
    return reply.send(a.content);
  });

  app.get('/api/dashboard', { schema: { tags: ['工作台'], summary: '即将到期与已超期的案件', response: { 200: dashboardReply } } }, async (req, reply) => {
    const actor = requireActor(req);
    return sendCachedJson(k, req, reply, `dashboard:${actor.id}:${actor.scopePath}`, () => dueSoon(actor));
  });

  async function dueSoon(actor: ReturnType<typeof requireActor>) {
    const today = k.today();
    const rows = await k.db
      .selectFrom('case_clocks as cc')
      .innerJoin('cases as c', 'c.id', 'cc.case_id')
      .innerJoin('orgs as o', 'o.id', 'c.org_id')
      .selectAll('cc')
      .select(['c.number', 'c.title', 'c.state', 'c.handler_id', 'o.name as org_name'])
      .where('o.path', 'like', `${actor.scopePath}%`)
      .where('cc.status', '=', 'running')
      .where('cc.due_on', '<=', addDays(today, 7))
      .orderBy('cc.due_on')
      .limit(200)
      .execute();
    const items = rows.map((r) => {
      const def = k.types.get(r.type);
      const clock = clockView(k, def, r);
      return {
        caseId: r.case_id,
        number: r.number,
        title: r.title,
        typeName: def.name,
        stateLabel: stateLabel(def, r.state),
        orgName: r.org_name,
        mine: r.handler_id === actor.id,
        clock: { key: clock.key, label: clock.label, dueOn: clock.dueOn, daysLeft: clock.daysLeft, unit: clock.unit, overdue: clock.overdue },
      };
    });
    const shown = await maskTitlesFor(k, actor, items, (i) => i.caseId);
    return { today, overdue: shown.filter((i) => i.clock.overdue), dueSoon: shown.filter((i) => !i.clock.overdue) };
  }
};
