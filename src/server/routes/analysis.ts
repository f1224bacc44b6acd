import type { FastifyPluginAsync } from 'fastify';
import { addCrossYear, type FileResult } from '../../analysis/files.ts';
import { INDICATORS } from '../../analysis/compare.ts';
import { badRequest } from '../../kernel/errors.ts';
import { analyzeInWorker } from '../parse-worker.ts';
import { partLimits, readPart, UPLOAD_LIMITS } from '../upload.ts';
import { requireActor, type App } from '../app.ts';

export const MAX_FILES = 50;

export const analysisRoutes = (): FastifyPluginAsync => async (app: App) => {
  app.post(
    '/api/analysis',
    {
      schema: {
        tags: ['报告分析'],
        summary: `分析已发布的法治政府建设年度报告（multipart，最多${MAX_FILES}个文件，txt/html/docx/pdf，单个不超过${UPLOAD_LIMITS.analysis.bytes / 1048576}MB）`,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      requireActor(req);
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传报告文件');
      const results: FileResult[] = [];
      // Parsing (docx, PDF, web pages) happens in the parse worker, so the server keeps answering meanwhile.
      for await (const part of req.files(partLimits('analysis', MAX_FILES))) {
        const bytes = await readPart(req, part, 'analysis');
        results.push(await analyzeInWorker(part.filename, new Uint8Array(bytes)));
      }
      if (!results.length) throw badRequest('没有收到文件');
      // The indicators' labels travel with the results, for the console's comparison table.
      return { results: addCrossYear(results), indicators: INDICATORS.map(({ key, label, unit }) => ({ key, label, unit })) };
    },
  );
};
