import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { todosFor, TODO_KINDS } from '../../kernel/todos.ts';
import { orgTree } from '../../kernel/orgs.ts';
import { f } from '../../kernel/cases/define.ts';
import { badRequest } from '../../kernel/errors.ts';
import { setWarningRule, warningRules, warningSummary } from '../../workbench/warnings.ts';
import { sendCachedJson } from '../cached-json.ts';
import { getPreferences, listNotifications, markRead, setPreferences, CHANNELS, NOTIFICATION_KINDS } from '../../workbench/notify.ts';
import { searchCases } from '../../workbench/search.ts';
import { issueSupervision, urgeReports } from '../../workbench/supervise.ts';
import { compare, matrix, matrixXlsx, monthlyTrend, overdueByType, ranking } from '../../workbench/stats.ts';
import { outboundLog } from '../../workbench/channels.ts';
import { availableTemplates, caseDocuments, documentAsDocx, FIXED_PLACEHOLDERS, getDocument, issueDocument, saveTemplate, templates } from '../../workbench/documents.ts';
import { assertAdmin } from '../../kernel/auth/actor.ts';
import { requireActor, type App } from '../app.ts';
import { notificationsReply, orgNode, preferences, todosReply } from '../responses.ts';

const yearField = z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' });
const orgField = z.coerce.number().int().positive().optional().meta({ title: '单位（含下级；缺省为本人管辖范围）' });
const keysField = z.string().max(2000).meta({ title: '指标', description: '逗号分隔，如 hotline.satisfaction_rate' });
const period = z.object({ orgId: orgField, from: f.date('起始日期'), to: f.date('截止日期') });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间应为 HH:MM，如 22:00' }).nullable();
const splitKeys = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

/** The daily workbench: 待办, 预警, 督办, messages, search, statistics for charts. */
export const workbenchRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  app.get('/api/todos', { schema: { tags: ['工作台'], summary: '我的待办：待办理环节、待审批、被退回的报告、督办、12345工单（分类计数，每项链接到办理页面）', response: { 200: todosReply } } }, async (req, reply) => {
    const actor = requireActor(req);
    return sendCachedJson(k, req, reply, `todos:${actor.id}:${actor.scopePath}`, async () => ({ ...(await todosFor(k, actor)), kinds: TODO_KINDS }));
  });

  app.get(
    '/api/warnings',
    { schema: { tags: ['工作台'], summary: '分级预警：黄色（届满前N个工作日内）、红色（已超期）', querystring: z.object({ level: z.enum(['yellow', 'red']).optional().meta({ title: '级别' }) }) } },
    async (req, reply) => {
      const actor = requireActor(req);
      return sendCachedJson(k, req, reply, `warnings:${actor.id}:${actor.scopePath}:${req.query.level ?? ''}`, async () => {
        const { counts, items } = await warningSummary(k, actor.scopePath, { level: req.query.level, limit: 500 });
        return { counts, items: items.map(({ orgPath: _p, handlerId, ...w }) => ({ ...w, mine: handlerId === actor.id })) };
      });
    },
  );

  app.get('/api/warning-rules', { schema: { tags: ['工作台'], summary: '各案件类型各时限的预警设置' } }, async (req) => {
    requireActor(req);
    return { rules: await warningRules(k) };
  });

  app.put(
    '/api/warning-rules',
    {
      schema: {
        tags: ['工作台'],
        summary: '设置某案件类型某时限的黄色预警天数与红色预警是否报告单位领导（管理员）',
        body: z.object({
          type: z.string().min(1).max(50).meta({ title: '案件类型' }),
          clock: z.string().min(1).max(50).meta({ title: '时限' }),
          yellowDays: z.number().int().min(0).max(60).meta({ title: '黄色预警（届满前天数）' }),
          escalate: z.boolean().meta({ title: '超期报告单位领导' }),
        }),
      },
    },
    async (req) => ({ rules: await setWarningRule(k, requireActor(req), req.body) }),
  );

  app.post(
    '/api/supervisions',
    {
      schema: {
        tags: ['督办'],
        summary: '签发督办（依法治区办/管理员）：对案件或单位限期答复，按工作日计算答复期限',
        body: z.object({
          caseId: z.number().int().positive().optional().meta({ title: '被督办案件' }),
          orgId: z.number().int().positive().optional().meta({ title: '被督办单位' }),
          subject: f.text('督办事项', 200),
          demand: f.text('督办要求', 5000),
          replyDays: f.days('答复期限（工作日）', 60),
        }),
      },
    },
    async (req, reply) => {
      const id = await issueSupervision(k, requireActor(req), req.body);
      reply.code(201);
      return { id };
    },
  );

  app.post(
    '/api/reports/urge',
    {
      schema: {
        tags: ['年度报告'],
        summary: '一键催报：向未报送单位的经办人员发送站内提醒（管理员；每单位每日一次）',
        body: z.object({ year: z.number().int().min(2000).max(2100).meta({ title: '年度' }), orgIds: z.array(z.number().int().positive()).min(1).max(500).meta({ title: '单位' }) }),
      },
    },
    async (req) => ({ results: await urgeReports(k, requireActor(req), req.body) }),
  );

  app.get('/api/orgs/directory', { schema: { tags: ['单位'], summary: '本区全部单位（用于抄送等选择，仅名称）', response: { 200: orgNode } } }, async (req) => {
    const actor = requireActor(req);
    const rootId = Number(actor.scopePath.split('/').filter(Boolean)[0] ?? actor.orgPath.split('/').filter(Boolean)[0]);
    return orgTree(k.db, rootId);
  });

  app.get('/api/search', { schema: { tags: ['工作台'], summary: '全局搜索：案号、事项或当事人姓名（当事人按权限脱敏）', querystring: z.object({ q: z.string().trim().min(1, { message: '请输入案号或当事人' }).max(100).meta({ title: '关键词' }) }) } }, async (req) => {
    return { items: await searchCases(k, requireActor(req), req.query.q) };
  });

  app.get(
    '/api/notifications',
    { schema: { tags: ['消息'], summary: '我的消息（未读数与最近消息）', querystring: z.object({ unread: z.enum(['true', 'false']).optional().meta({ title: '仅未读' }), limit: z.coerce.number().int().min(1).max(200).default(30) }), response: { 200: notificationsReply } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const { unread, limit } = req.query;
      // Asked on every page change by the bell: the unread count of a busy leader is many rows.
      return sendCachedJson(k, req, reply, `notifications:${actor.id}:${unread ?? ''}:${limit}`, async () => ({
        ...(await listNotifications(k, actor, { unreadOnly: unread === 'true', limit })),
        kinds: NOTIFICATION_KINDS,
      }));
    },
  );

  app.post(
    '/api/notifications/read',
    { schema: { tags: ['消息'], summary: '标记消息为已读（不传编号时全部已读）', body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional().meta({ title: '消息编号' }) }) } },
    async (req) => ({ marked: await markRead(k, requireActor(req), req.body.ids) }),
  );

  const prefsBody = z.object({
    muted: z.array(z.enum(Object.keys(NOTIFICATION_KINDS) as [keyof typeof NOTIFICATION_KINDS])).max(10).meta({ title: '不接收的消息类型' }),
    channels: z.array(z.enum(Object.keys(CHANNELS) as [keyof typeof CHANNELS])).max(3).meta({ title: '站外提醒方式' }),
    quietFrom: hhmm.meta({ title: '免打扰开始' }),
    quietTo: hhmm.meta({ title: '免打扰结束' }),
    phone: z.string().trim().regex(/^1\d{10}$/, { message: '手机号格式不正确' }).nullable().meta({ title: '接收短信的手机号' }),
    email: z.email({ message: '电子邮箱格式不正确' }).nullable().meta({ title: '电子邮箱' }),
  });
  app.get(
    '/api/outbound',
    { schema: { tags: ['消息'], summary: '站外提醒发送记录：短信、机器人、邮件的结果与失败原因（管理员）', querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) } },
    async (req) => {
      assertAdmin(requireActor(req));
      return outboundLog(k, req.query.limit);
    },
  );

  app.get('/api/notifications/preferences', { schema: { tags: ['消息'], summary: '我的提醒设置', response: { 200: preferences } } }, async (req) => getPreferences(k, requireActor(req)));
  app.put('/api/notifications/preferences', { schema: { tags: ['消息'], summary: '修改我的提醒设置：接收哪些消息、站外提醒方式、免打扰时段', body: prefsBody, response: { 200: preferences } } }, async (req) =>
    setPreferences(k, requireActor(req), req.body),
  );

  const idParams = z.object({ id: z.coerce.number().int().positive() });
  app.get('/api/document-templates', { schema: { tags: ['文书'], summary: '文书模板（现行版本）及可用的占位符' } }, async (req) => {
    requireActor(req);
    return { templates: await templates(k), placeholders: FIXED_PLACEHOLDERS, note: '另可使用案件登记表和对应环节表单中任一字段的中文名称作为占位符，如 {{被申请人}}' };
  });
  app.put(
    '/api/document-templates/:key',
    { schema: { tags: ['文书'], summary: '修改文书模板（管理员）：保存为新版本，此后制作的文书使用新版本', params: z.object({ key: z.string().min(1).max(60) }), body: z.object({ body: f.text('模板正文', 10000) }) } },
    async (req) => ({ version: await saveTemplate(k, requireActor(req), req.params.key, req.body.body) }),
  );
  app.get('/api/cases/:id/documents', { schema: { tags: ['文书'], summary: '案件的文书：已制作的文书和现在可以制作的模板', params: idParams } }, async (req) => {
    const actor = requireActor(req);
    return { issued: await caseDocuments(k, actor, req.params.id), available: await availableTemplates(k, actor, req.params.id) };
  });
  app.post(
    '/api/cases/:id/documents',
    { schema: { tags: ['文书'], summary: '按模板制作文书：自动填写案件信息、编制文号，随案保存并记入审计', params: idParams, body: z.object({ template: z.string().min(1).max(60).meta({ title: '文书模板' }) }) } },
    async (req, reply) => {
      const id = await issueDocument(k, requireActor(req), req.params.id, req.body.template);
      reply.code(201);
      return getDocument(k, requireActor(req), id);
    },
  );
  app.get('/api/documents/:id', { schema: { tags: ['文书'], summary: '文书全文（打印视图使用；非承办人员看到的当事人信息已脱敏）', params: idParams } }, async (req) => getDocument(k, requireActor(req), req.params.id));
  app.get('/api/documents/:id/document.docx', { schema: { tags: ['文书'], summary: '下载公文格式的文书 .docx', params: idParams } }, async (req, reply) => {
    const d = await documentAsDocx(k, requireActor(req), req.params.id);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${d.title}.docx`)}`);
    return reply.send(d.docx);
  });

  app.get(
    '/api/stats/trend',
    { schema: { tags: ['统计'], summary: '月度趋势：某指标逐月数值及上年同月（同比）', querystring: z.object({ orgId: orgField, year: yearField, key: z.string().min(1).max(100).meta({ title: '指标' }) }) } },
    async (req) => monthlyTrend(k, requireActor(req), req.query),
  );

  app.get(
    '/api/stats/ranking',
    { schema: { tags: ['统计'], summary: '单位排名：下级单位按比率指标（按期率、满意率）排序', querystring: period.extend({ key: z.string().min(1).max(100).meta({ title: '比率指标' }) }) } },
    async (req) => ranking(k, requireActor(req), req.query),
  );

  app.get('/api/stats/overdue', { schema: { tags: ['统计'], summary: '当前超期案件按案件类型分布', querystring: z.object({ orgId: orgField }) } }, async (req) => overdueByType(k, requireActor(req), req.query));

  app.get(
    '/api/stats/compare',
    { schema: { tags: ['统计'], summary: '期间对比：本期、同比（上年同期）、环比（上一等长期间）', querystring: period.extend({ keys: keysField.optional() }) } },
    async (req) => compare(k, requireActor(req), { ...req.query, keys: splitKeys(req.query.keys) }),
  );

  const matrixQuery = period.extend({ keys: keysField });
  const matrixOf = async (req: any, q: z.infer<typeof matrixQuery>) => {
    const keys = splitKeys(q.keys) ?? [];
    if (keys.length > 30) throw badRequest('一次最多对比30项指标');
    return matrix(k, requireActor(req), { ...q, keys });
  };
  app.get('/api/stats/matrix', { schema: { tags: ['统计'], summary: '单位 × 指标对比表', querystring: matrixQuery } }, async (req) => matrixOf(req, req.query));
  app.get('/api/stats/matrix.xlsx', { schema: { tags: ['统计'], summary: '导出单位 × 指标对比表（Excel）', querystring: matrixQuery } }, async (req, reply) => {
    const data = await matrixOf(req, req.query);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`指标对比-${data.from}至${data.to}.xlsx`)}`);
    return reply.send(await matrixXlsx(data));
  });
};
