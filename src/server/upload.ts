import type { FastifyRequest } from 'fastify';
import { badRequest } from '../kernel/errors.ts';
import { readRows } from '../kernel/cases/import.ts';
import { decodeText } from '../analysis/ingest.ts';

/** The rows of an uploaded spreadsheet (.xlsx, or CSV in UTF-8 or GBK), header → cell. */
export async function uploadedRows(req: FastifyRequest): Promise<Record<string, unknown>[]> {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传表格文件');
  const file = await req.file({ limits: { fileSize: 20 * 1024 * 1024 } });
  if (!file) throw badRequest('没有收到文件');
  return readRows(file.filename, new Uint8Array(await file.toBuffer()), decodeText);
}
