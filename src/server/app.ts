import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, jsonSchemaTransformObject, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { guardRequest } from './session-guard.ts';
import { AppError, unauthorized } from '../kernel/errors.ts';
import { installInputGuards } from './input.ts';
import { errorHandler } from './errors.ts';
import { createLogger, type LogTarget } from './logging.ts';
import { installSecurityHeaders } from './headers.ts';
import { randomUUID } from 'node:crypto';
import { authRoutes, SESSION_COOKIE } from './routes/auth.ts';
import { caseRoutes } from './routes/cases.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { metaRoutes } from './routes/meta.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { reportRoutes } from './routes/reports.ts';
import { registerRoutes } from './routes/registers.ts';
import { enforcementRoutes } from './routes/enforcement.ts';
import { userRoutes } from './routes/users.ts';
import { auditRoutes } from './routes/audit.ts';
import { securityRoutes } from './routes/security.ts';
import { guardRoute, tagRoute } from './route-matrix.ts';
import { simulateRoutes } from './routes/simulate.ts';
import { workbenchRoutes } from './routes/workbench.ts';

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
  /** The clock for session timeouts and codes; tests inject one. */
  now?: () => Date;
  /** Login attempts per minute per source address; API requests per minute per address. */
  loginRateLimit?: number;
  apiRateLimit?: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** Structured JSON logs (access, error, security) to daily files in this directory (LOG_DIR). */
  log?: LogTarget;
}

const PUBLIC_API = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

export async function buildApp(k: Kernel, opts: AppOptions = {}): Promise<App> {
  const logging = opts.log ? createLogger(opts.log) : opts.logger ? createLogger({}) : undefined;
  const app = Fastify({
    ...(logging ? { loggerInstance: logging.logger } : { logger: false }),
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    frameworkErrors: errorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  // Input is validated by the same zod schemas the engine uses, with messages a clerk can read.
  installInputGuards(app);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler(errorHandler);
  // One access line per request (path only: query strings can hold searched names), with its id, also sent back.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ log: 'access', reqId: req.id, method: req.method, path: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime), userId: req.actor?.id ?? null, ip: req.ip }, 'access');
  });

  // Beside SameSite=Strict: a browser's cross-site write (its Origin names another host) is refused
  // before the session is even read. Requests without Origin (the CLI, scripts) are not browsers' forms.
  app.addHook('onRequest', async (req) => {
    const origin = req.headers.origin;
    if (!origin || ['GET', 'HEAD', 'OPTIONS'].includes(req.method) || !req.url.startsWith('/api/')) return;
    let same = false;
    try {
      const from = new URL(origin);
      // Read through the same scheme so a default port (":80", ":443") compares equal either way.
      same = from.host === new URL(`${from.protocol}//${req.host}`).host;
    } catch {
      // 'null' and malformed origins are cross-site by definition.
    }
    if (!same) throw new AppError(403, 'cross_origin', '跨站提交已拒绝：请在本平台的页面中操作');
  });

  await installSecurityHeaders(app, { https: opts.secureCookies ?? false });
  await app.register(cookie);
  // A generous ceiling for the API, a tight one on the login routes (their own config). Signed-in
  // users count per session (an office behind one NAT address is many people), others per address;
  // the session is known here because the route-level limit runs after the authentication hook.
  await app.register(rateLimit, {
    max: opts.apiRateLimit ?? 2000,
    timeWindow: '1 minute',
    keyGenerator: (req) => (req.session?.stage === 'active' ? `session:${req.session.id}` : req.ip),
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: (_req, ctx) => new AppError(429, 'too_many_requests', `请求过于频繁，请${Math.ceil(ctx.ttl / 1000)}秒后再试`),
  });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024 + 1, files: 1 }, throwFileSizeLimit: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'fazhi 法治政府建设工作平台 API', version: '0.1.0', description: '案件办理、法定时限、指标与审计。日期格式 YYYY-MM-DD。登录后以 Cookie 会话访问。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Named response schemas (the recursive org tree, the case and report views) as components.
    transformObject: jsonSchemaTransformObject,
  });

  app.addHook('onRequest', async (req) => {
    const url = req.url.split('?')[0];
    if (!url.startsWith('/api/') || PUBLIC_API.has(url) || url.startsWith('/api/public/')) return;
    await guardRequest(k, req, url, req.cookies[SESSION_COOKIE], opts.now?.() ?? new Date());
  });
  // The permission matrix (route-matrix.ts) decides who may call each route, before the body is validated.
  app.addHook('onRoute', (route) => tagRoute(k.types, route));
  app.addHook('preValidation', guardRoute(k.types));

  await app.register(metaRoutes(k));
  await app.register(authRoutes(k, opts));
  await app.register(caseRoutes(k));
  await app.register(indicatorRoutes(k));
  await app.register(calendarRoutes(k));
  await app.register(analysisRoutes());
  await app.register(reportRoutes(k));
  await app.register(registerRoutes(k));
  await app.register(enforcementRoutes(k));
  await app.register(userRoutes(k, opts));
  await app.register(auditRoutes(k));
  await app.register(securityRoutes(k));
  await app.register(simulateRoutes(k));
  await app.register(workbenchRoutes(k));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (opts.webRoot && fs.existsSync(path.join(opts.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webRoot, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ ok: false, code: 'not_found', message: '接口不存在', requestId: req.id });
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.code(404).send({ ok: false, code: 'not_found', message: '接口不存在', requestId: req.id }));
  }
  return app;
}
