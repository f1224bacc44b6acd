import type { FastifyPluginAsync } from 'fastify';
import { analyzeFile, type FileResult } from '../../analysis/files.ts';
import { MAX_INPUT_BYTES } from '../../analysis/ingest.ts';
import { badRequest } from '../../kernel/errors.ts';
import { requireActor, type App } from '../app.ts';

export const MAX_FILES = 50;

export const analysisRoutes = (): FastifyPluginAsync => async (app: App) => {
  app.post(
    '/api/analysis',
    {
      schema: {
        tags: ['报告分析'],
        summary: `分析已发布的法治政府建设年度报告（multipart，最多${MAX_FILES}个文件，txt/html/docx/pdf，单个不超过${MAX_INPUT_BYTES / 1048576}MB）`,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      requireActor(req);
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传报告文件');
      const results: FileResult[] = [];
      for await (const part of req.files({ limits: { files: MAX_FILES, fileSize: MAX_INPUT_BYTES + 1 } })) {
        const bytes = await part.toBuffer();
        results.push(await analyzeFile(part.filename, new Uint8Array(bytes), true));
      }
      if (!results.length) throw badRequest('没有收到文件');
      return { results };
    },
  );
};
