import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { actorFromToken } from '../kernel/auth/sessions.ts';
import { AppError, unauthorized } from '../kernel/errors.ts';
import { describeIssues } from '../kernel/validation.ts';
import { MAX_ATTACHMENT_BYTES } from '../kernel/cases/engine.ts';
import { authRoutes, SESSION_COOKIE } from './routes/auth.ts';
import { caseRoutes } from './routes/cases.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { metaRoutes } from './routes/meta.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { reportRoutes } from './routes/reports.ts';
import { registerRoutes } from './routes/registers.ts';
import { enforcementRoutes } from './routes/enforcement.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export interface AppOptions {
  secureCookies?: boolean;
  /** Built staff console to serve at /; omitted in API-only tests. */
  webRoot?: string;
  logger?: boolean;
}

const PUBLIC_API = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

export async function buildApp(k: Kernel, opts: AppOptions = {}): Promise<App> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();

  // Input is validated by the same zod schemas the engine uses, with messages a clerk can read.
  app.setValidatorCompiler(({ schema }: { schema: z.ZodType }) => (data: unknown) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const problems = describeIssues(schema, r.error.issues);
    return { error: new AppError(400, 'bad_request', `填写有误：${problems.join('；')}`, { problems }) };
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler((err: any, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ ok: false, code: err.code, message: err.message, details: err.details });
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
      const limit = req.url.startsWith('/api/analysis') ? '报告文件不能超过30MB' : `附件不能超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`;
      return reply.code(413).send({ ok: false, code: 'too_large', message: limit });
    }
    if (err.code === 'FST_FILES_LIMIT') {
      return reply.code(413).send({ ok: false, code: 'too_many', message: '一次上传的文件过多，请分批上传' });
    }
    if (err.statusCode && err.statusCode < 500) {
      const message = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.statusCode === 400 ? '请求格式有误，无法解析' : err.statusCode === 413 ? '提交的内容过大' : '请求有误';
      return reply.code(err.statusCode).send({ ok: false, code: err.code ?? 'bad_request', message });
    }
    req.log.error(err);
    return reply.code(500).send({ ok: false, code: 'internal', message: '系统内部错误，请稍后重试或联系管理员' });
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'fazhi 法治政府建设工作平台 API', version: '0.1.0', description: '案件办理、法定时限、指标与审计。日期格式 YYYY-MM-DD。登录后以 Cookie 会话访问。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (req) => {
    const url = req.url.split('?')[0];
    if (!url.startsWith('/api/') || PUBLIC_API.has(url) || url.startsWith('/api/public/')) return;
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await actorFromToken(k.db, token) : undefined;
    if (!req.actor) throw unauthorized('登录已失效，请重新登录');
  });

  await app.register(metaRoutes(k));
  await app.register(authRoutes(k, opts));
  await app.register(caseRoutes(k));
  await app.register(indicatorRoutes(k));
  await app.register(calendarRoutes(k));
  await app.register(analysisRoutes());
  await app.register(reportRoutes(k));
  await app.register(registerRoutes(k));
  await app.register(enforcementRoutes(k));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (opts.webRoot && fs.existsSync(path.join(opts.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webRoot, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ ok: false, code: 'not_found', message: '接口不存在' });
    });
  } else {
    app.setNotFoundHandler((_req, reply) => reply.code(404).send({ ok: false, code: 'not_found', message: '接口不存在' }));
  }
  return app;
}
