import { z } from 'zod';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { notFound } from '../../kernel/errors.ts';
import { canSeeOrg } from '../../kernel/auth/actor.ts';
import { getOrg } from '../../kernel/orgs.ts';
import { maskedReportContent, openReport, renderReport, reportAsDocx, reportContent, updateReport, type ReportSection } from '../../reports/report.ts';
import { can } from '../../kernel/auth/permissions.ts';
import { knownPersonNames } from '../../kernel/cases/engine.ts';
import { maskText } from '../../kernel/privacy.ts';
import { checkReport } from '../../reports/check.ts';
import { docxToPdf } from '../../reports/pdf.ts';
import { actOnReport, allowedActions, DELIVERY_CHANNELS, recordDelivery, reportLines, REPORT_ACTIONS, reportingBoard, reportTimeline, STATE_LABELS, type ReportAction } from '../../reports/workflow.ts';
import { f } from '../../kernel/cases/define.ts';
import { idParams, INT4_MAX, recordId, recordIdParam } from '../../kernel/validation.ts';
import { requireActor, type App } from '../app.ts';
import { annualFilingView, enforcementDataView, govinfoReportView, lawReportCoverageView, orgObligationView, proposalsReportView, reportBoardReply, reportLine, reportView } from '../responses.ts';
import { govinfoReport } from '../../reports/govinfo.ts';
import { enforcementData } from '../../reports/enforcement-data.ts';
import { ANNUAL_REPORTS, PUBLISH_WAYS, recordPublication, recordSubmission, type AnnualReport, type PublishWay } from '../../reports/annual.ts';
import { proposalsReport } from '../../reports/proposals.ts';
import { lawReportCoverage } from '../../reports/law-report-coverage.ts';
import { OBLIGATIONS, setObligation } from '../../kernel/obligations.ts';
import { badRequest } from '../../kernel/errors.ts';

const yearField = z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' });
const section = z.object({
  kind: z.enum(['achievements', 'shortcomings', 'first_responsibility', 'next_year', 'other']).meta({ title: '章节类型' }),
  heading: z.string().trim().min(1).max(200).meta({ title: '标题' }),
  body: z.string().max(100_000).meta({ title: '正文' }),
});
const sections = z.array(section).min(1).max(10).meta({ title: '报告章节' });

const reportVersion = z.number().int().min(1).max(INT4_MAX).meta({ title: '报告版本', description: '打开报告时看到的版本号，用于防止覆盖他人修改' });

/** One 报送 along a required line: 报送对象, date, 文号, way. */
const delivery = z.object({
  line: z.string().trim().min(1).max(40).meta({ title: '报送对象', description: '本单位报送对象之一，如 party（同级党委）、congress（同级人大常委会）' }),
  recipient: z.string().trim().max(100).optional().meta({ title: '接收机关名称' }),
  recipientOrgId: recordId('接收单位').optional(),
  sentOn: f.date('报送日期').optional(),
  channel: z.enum(Object.keys(DELIVERY_CHANNELS) as [keyof typeof DELIVERY_CHANNELS, ...(keyof typeof DELIVERY_CHANNELS)[]]).optional().meta({ title: '报送方式' }),
  docNumber: z.string().trim().max(60).optional().meta({ title: '文号' }),
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function download(reply: FastifyReply, title: string, ext: 'docx' | 'pdf', body: Buffer) {
  reply.header('content-type', ext === 'pdf' ? 'application/pdf' : DOCX);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.${ext}`)}`);
  return reply.send(body);
}

export const reportRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  const load = async (actor: Actor, id: number) => {
    const r = await k.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('报告');
    const org = await getOrg(k.db, r.org_id);
    if (!canSeeOrg(actor, org.path)) throw notFound('报告');
    return { row: { ...r, sections: r.sections as ReportSection[] }, org };
  };
  /** The report as the editor shows it: stored text, figures (frozen once submitted), what the user may do, and its history. */
  const view = async (actor: Actor, id: number) => {
    const { row: r, org } = await load(actor, id);
    // Only the org's own writers see what they typed in clear; a leader or another org sees it masked.
    const writer = can(actor, 'reports.edit', org.path);
    const content = writer ? await reportContent(k, r) : await maskedReportContent(k, await reportContent(k, r));
    const names = writer ? [] : await knownPersonNames(k, '/');
    const superior = r.submitted_to ? await getOrg(k.db, r.submitted_to) : null;
    const copied = await Promise.all((r.copied_to ?? []).map((id) => getOrg(k.db, id).then((o) => o.name)));
    const { snapshot: _snapshot, ...stored } = r;
    return {
      ...stored,
      ...content,
      title: writer ? r.title : maskText(r.title, names),
      sections: r.sections.map((s, i) => ({ ...s, heading: writer ? s.heading : maskText(s.heading, names), body: writer ? s.body : maskText(s.body, names), number: content.sections[i]?.number, rendered: content.sections[i]?.rendered })),
      orgName: org.name,
      stateLabel: STATE_LABELS[r.state],
      submittedToName: superior?.name ?? (r.submitted_on ? '上级机关（平台外）' : null),
      copiedToNames: copied,
      lines: await reportLines(k, r, org.kind),
      actions: allowedActions(actor, r, org.path).map((a) => ({ key: a, label: REPORT_ACTIONS[a].label })),
      timeline: await reportTimeline(k, r.id),
    };
  };

  app.get('/api/reports', { schema: { tags: ['年度报告'], summary: '年度报告报送情况：管辖范围内各单位的报告状态与是否逾期', querystring: z.object({ year: yearField.optional() }), response: { 200: reportBoardReply } } }, async (req) => {
    const year = req.query.year ?? Number(k.today().slice(0, 4)) - 1;
    return { year, orgs: await reportingBoard(k, requireActor(req), year) };
  });

  // The yearly publications computed from the records: each org-year's figures, and their 报送 and 公开.
  const yearly: { path: string; report: AnnualReport; summary: string; view: z.ZodType; compute: typeof govinfoReport | typeof enforcementData | typeof proposalsReport }[] = [
    { path: 'govinfo', report: 'govinfo', summary: '政府信息公开工作年度报告：主动公开、依申请公开、复议诉讼三张表按记录计算（条例第四十九条、第五十条）', view: govinfoReportView, compute: govinfoReport },
    { path: 'enforcement-data', report: 'enforcement_data', summary: '行政执法年度数据：许可、处罚、强制、检查、法制审核、听证、复议纠错按记录计算（国办发〔2018〕118号，每年1月31日前公开）', view: enforcementDataView, compute: enforcementData },
    { path: 'proposals', report: 'proposals', summary: '人大代表建议、政协委员提案年度办理情况：交办、按期答复、A/B/C类、代表委员反馈、结果公开按记录计算（代表法第五十一条；报送期限按本区办理规定）', view: proposalsReportView, compute: proposalsReport },
  ];
  const channel = delivery.shape.channel;
  for (const { path, report, summary, view, compute } of yearly) {
    const def = ANNUAL_REPORTS[report];
    const orgYear = { orgId: recordId('单位'), year: yearField };
    app.get(
      `/api/reports/${path}`,
      { schema: { tags: ['年度报告'], summary, querystring: z.object({ orgId: recordIdParam('单位'), year: yearField }), response: { 200: view } } },
      async (req) => compute(k, requireActor(req), req.query.orgId, req.query.year),
    );
    app.post(
      `/api/reports/${path}/submission`,
      {
        schema: {
          tags: ['年度报告'],
          summary: `登记${def.label}报送（接收机关、日期、方式、文号；${def.basis}）`,
          body: z.object({
            ...orgYear,
            sentOn: f.date('报送日期').optional(),
            recipient: z.string().trim().max(100).optional().meta({ title: '接收机关名称', description: `默认：${def.recipient('department')}（部门）` }),
            recipientOrgId: recordId('接收单位').optional(),
            channel,
            docNumber: z.string().trim().max(60).optional().meta({ title: '文号' }),
          }),
          response: { 200: annualFilingView },
        },
      },
      async (req) => recordSubmission(k, requireActor(req), report, req.body),
    );
    app.post(
      `/api/reports/${path}/publication`,
      {
        schema: {
          tags: ['年度报告'],
          summary: `登记${def.label}向社会公开（日期、公开方式、网址；${def.basis}）`,
          body: z.object({
            ...orgYear,
            publishedOn: f.date('公开日期').optional(),
            way: z.enum(Object.keys(PUBLISH_WAYS) as [PublishWay, ...PublishWay[]]).optional().meta({ title: '公开方式', description: '默认政府网站' }),
            url: z.string().trim().max(500).optional().meta({ title: '公开网址', description: '在政府网站公开的必填' }),
          }),
          response: { 200: annualFilingView },
        },
      },
      async (req) => recordPublication(k, requireActor(req), report, req.body),
    );
  }

  app.get(
    '/api/reports/law-report-coverage',
    {
      schema: {
        tags: ['年度报告'],
        summary: '述法覆盖率：应述法单位（本区设定或按单位类别默认）中已述法的比例，列出未述法单位（审查表14.1）',
        querystring: z.object({ orgId: recordIdParam('单位'), year: yearField.optional(), from: f.date('起始日期').optional(), to: f.date('截止日期').optional() }),
        response: { 200: lawReportCoverageView },
      },
    },
    async (req) => {
      const { orgId, year, from, to } = req.query;
      const period = year ? { from: `${year}-01-01`, to: `${year}-12-31` } : from && to ? { from, to } : null;
      if (!period) throw badRequest('请指定年度，或起始日期和截止日期');
      return lawReportCoverage(k, requireActor(req), orgId, period);
    },
  );

  // Who must 述法 is the district's list: a row per org overrides its kind's default; null restores it.
  app.put(
    '/api/orgs/:id/obligations/:obligation',
    {
      schema: {
        tags: ['单位'],
        summary: '设定单位是否负有年度义务（如述法）；null 恢复按单位类别的默认',
        params: z.object({ id: recordIdParam('单位'), obligation: z.enum(Object.keys(OBLIGATIONS) as [keyof typeof OBLIGATIONS]).meta({ title: '义务' }) }),
        body: z.object({ required: z.boolean().nullable().meta({ title: '是否负有该义务' }) }),
        response: { 200: orgObligationView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrg(k.db, req.params.id);
      if (!canSeeOrg(actor, org.path)) throw notFound('单位');
      return setObligation(k.db, actor, org.id, req.params.obligation, req.body.required);
    },
  );

  app.post(
    '/api/reports',
    { schema: { tags: ['年度报告'], summary: '打开单位某年度的法治政府建设年度报告（没有时按记录生成初稿）', body: z.object({ orgId: recordId('单位'), year: yearField }), response: { 200: reportView } } },
    async (req) => {
      const actor = requireActor(req);
      return view(actor, (await openReport(k, actor, req.body.orgId, req.body.year)).id);
    },
  );

  app.get('/api/reports/:id', { schema: { tags: ['年度报告'], summary: '报告、数据（报送后为冻结数据）、可办理的操作与流转记录', params: idParams, response: { 200: reportView } } }, async (req) => {
    const actor = requireActor(req);
    return view(actor, req.params.id);
  });

  app.put(
    '/api/reports/:id',
    { schema: { tags: ['年度报告'], summary: '保存报告（仅起草中；版本号防止覆盖他人修改）', params: idParams, body: z.object({ version: reportVersion, title: z.string().trim().min(1).max(200).meta({ title: '报告标题' }), sections }), response: { 200: reportView } } },
    async (req) => {
      const actor = requireActor(req);
      await updateReport(k, actor, req.params.id, req.body);
      return view(actor, req.params.id);
    },
  );

  app.post(
    '/api/reports/:id/preview',
    { schema: { tags: ['年度报告'], summary: '预览：按记录计算未保存文本中的数据引用', params: idParams, body: z.object({ sections }) } },
    async (req) => {
      const { row } = await load(requireActor(req), req.params.id);
      return renderReport(k, { ...row, sections: req.body.sections });
    },
  );

  app.post(
    '/api/reports/:id/deliveries',
    {
      schema: {
        tags: ['年度报告'],
        summary: '登记向某一报送对象的报送（同级党委、人大常委会、上一级政府或部门等，各自记录日期与文号）',
        params: idParams,
        body: delivery,
        response: { 200: z.object({ lines: z.array(reportLine) }) },
      },
    },
    async (req) => ({ lines: await recordDelivery(k, requireActor(req), req.params.id, req.body) }),
  );

  app.post(
    '/api/reports/:id/:action',
    {
      schema: {
        tags: ['年度报告'],
        summary: '报告流转：送审、审批通过、退回修改、报送上级（冻结数据）、向社会公开',
        params: idParams.extend({ action: z.enum(Object.keys(REPORT_ACTIONS) as [ReportAction, ...ReportAction[]]).meta({ title: '操作' }) }),
        body: z.object({
          version: reportVersion,
          comment: z.string().trim().max(2000).optional().meta({ title: '意见' }),
          copyTo: z.array(recordId('抄送单位')).max(50).optional().meta({ title: '抄送单位' }),
          deliveries: z.array(delivery).max(10).optional().meta({ title: '报送对象', description: '报送时逐一登记的报送对象；未登记的可报送后补登' }),
        }),
        response: { 200: reportView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await actOnReport(k, actor, req.params.id, req.params.action, req.body);
      return view(actor, req.params.id);
    },
  );

  /** A download: in clear for the org's writers, masked (content and file name) for everyone else. */
  const file = async (actor: Actor, id: number) => {
    const { row, org } = await load(actor, id);
    const masked = !can(actor, 'reports.edit', org.path);
    return { row, masked, title: masked ? maskText(row.title, await knownPersonNames(k, '/')) : row.title };
  };

  app.get('/api/reports/:id/report.docx', { schema: { tags: ['年度报告'], summary: '下载 GB/T 9704 公文格式的 .docx', params: idParams } }, async (req, reply) => {
    const { row, masked, title } = await file(requireActor(req), req.params.id);
    return download(reply, title, 'docx', await reportAsDocx(k, row, masked));
  });

  app.get('/api/reports/:id/report.pdf', { schema: { tags: ['年度报告'], summary: '下载 PDF（服务器须安装 LibreOffice）', params: idParams } }, async (req, reply) => {
    const { row, masked, title } = await file(requireActor(req), req.params.id);
    return download(reply, title, 'pdf', await docxToPdf(await reportAsDocx(k, row, masked)));
  });

  app.get('/api/reports/:id/check', { schema: { tags: ['年度报告'], summary: '检查报告：结构、原因与安排、数据绑定、数据矛盾、数据变动、报送期限', params: idParams } }, async (req) => {
    return checkReport(k, (await load(requireActor(req), req.params.id)).row);
  });

  // The public portal: published reports only, no login, the frozen (and masked) text.
  const published = async (id: number) => {
    const r = await k.db.selectFrom('reports').selectAll().where('id', '=', id).where('state', '=', 'published').executeTakeFirst();
    if (!r) throw notFound('公开的报告');
    return { ...r, sections: r.sections as ReportSection[] };
  };

  app.get(
    '/api/public/reports',
    { schema: { tags: ['公开'], summary: '已公开的法治政府建设年度报告（无需登录）', security: [], querystring: z.object({ year: yearField.optional() }) } },
    async (req) => {
      let q = k.db
        .selectFrom('reports as r')
        .innerJoin('orgs as o', 'o.id', 'r.org_id')
        .select(['r.id', 'r.title', 'r.year', 'r.published_on as publishedOn', 'o.name as orgName'])
        .where('r.state', '=', 'published');
      if (req.query.year) q = q.where('r.year', '=', req.query.year);
      const names = await knownPersonNames(k, '/');
      return { reports: (await q.orderBy('r.year', 'desc').orderBy('o.path').execute()).map((r) => ({ ...r, title: maskText(r.title, names) })) };
    },
  );

  app.get('/api/public/reports/:id', { schema: { tags: ['公开'], summary: '公开报告全文（无需登录）', security: [], params: idParams } }, async (req) => {
    const r = await published(req.params.id);
    const c = await maskedReportContent(k, await reportContent(k, r));
    return { id: r.id, year: r.year, title: c.title, publishedOn: r.published_on, signature: c.signature, date: c.date, sections: c.sections.map(({ number, heading, rendered }) => ({ number, heading, text: rendered })) };
  });

  app.get('/api/public/reports/:id/report.docx', { schema: { tags: ['公开'], summary: '公开报告 .docx（无需登录）', security: [], params: idParams } }, async (req, reply) => {
    const r = await published(req.params.id);
    return download(reply, maskText(r.title, await knownPersonNames(k, '/')), 'docx', await reportAsDocx(k, r, true));
  });

  app.get('/api/public/reports/:id/report.pdf', { schema: { tags: ['公开'], summary: '公开报告 PDF（无需登录）', security: [], params: idParams } }, async (req, reply) => {
    const r = await published(req.params.id);
    return download(reply, maskText(r.title, await knownPersonNames(k, '/')), 'pdf', await docxToPdf(await reportAsDocx(k, r, true)));
  });
};
