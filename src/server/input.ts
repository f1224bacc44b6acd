import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, badRequest } from '../kernel/errors.ts';
import { describeIssues, findUnstorableString, ROOT_TITLES, titleAt } from '../kernel/validation.ts';
import type { App } from './app.ts';

const PARTS = [
  ['params', 'params'],
  ['query', 'querystring'],
  ['body', 'body'],
] as const;

/**
 * Input is checked at the edge, for every route: strings the database cannot store are refused before
 * any handler runs, and each route's zod schema validates with messages a clerk can read.
 */
export function installInputGuards(app: App) {
  app.setValidatorCompiler(({ schema, httpPart }: { schema: z.ZodType; httpPart?: string }) => (data: unknown) => {
    const r = schema.safeParse(data, { reportInput: true });
    if (r.success) return { value: r.data };
    const problems = describeIssues(schema, r.error.issues, ROOT_TITLES[httpPart ?? 'body']);
    return { error: new AppError(400, 'bad_request', `填写有误：${problems.join('；')}`, { problems }) };
  });

  app.addHook('preValidation', async (req: FastifyRequest) => {
    for (const [part, schemaKey] of PARTS) {
      const path = findUnstorableString((req as any)[part]);
      if (!path) continue;
      const schema = (req.routeOptions.schema as any)?.[schemaKey];
      const where = schema ? titleAt(schema, path, ROOT_TITLES[schemaKey]) : ROOT_TITLES[schemaKey];
      throw badRequest(`「${where}」含有无法保存的字符（空字符或残缺的文字编码），请删除后重新提交`);
    }
  });
}
