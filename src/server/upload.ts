import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { AppError, badRequest } from '../kernel/errors.ts';
import { hasUnstorableChars, findUnstorableString } from '../kernel/validation.ts';
import { readRowsInWorker } from './parse-worker.ts';
import { securityEvent } from './logging.ts';

const MiB = 1024 * 1024;

/** Each upload route's limit. Over it the upload is refused whole with 413: never cut and accepted. */
export const UPLOAD_LIMITS = {
  attachment: { bytes: 20 * MiB, what: '全过程记录材料' },
  import: { bytes: 10 * MiB, what: '导入的表格文件' },
  analysis: { bytes: 30 * MiB, what: '分析的报告文件' },
} as const;
export type UploadKind = keyof typeof UPLOAD_LIMITS;

export const tooLarge = (kind: UploadKind, filename?: string) =>
  new AppError(413, 'too_large', `${UPLOAD_LIMITS[kind].what}${filename ? `「${filename}」` : ''}超过${UPLOAD_LIMITS[kind].bytes / MiB}MB 的上限，未保存任何内容；请压缩或拆分后再上传`);

/** Multipart options for `req.file()` / `req.files()`: busboy stops one byte past the limit and we refuse it ourselves. */
export const partLimits = (kind: UploadKind, files = 1) => ({ limits: { fileSize: UPLOAD_LIMITS[kind].bytes + 1, files }, throwFileSizeLimit: false });

/** Reads one uploaded file to the end, refusing it whole when it passes the route's limit. */
export async function readPart(req: FastifyRequest, part: MultipartFile, kind: UploadKind): Promise<Buffer> {
  if (hasUnstorableChars(part.filename)) throw badRequest('文件名含有无法保存的字符，请重命名后再上传');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file) {
    size += chunk.length;
    if (size <= UPLOAD_LIMITS[kind].bytes) chunks.push(chunk);
  }
  if (part.file.truncated || size > UPLOAD_LIMITS[kind].bytes) {
    securityEvent(req, 'upload_refused', { status: 413, kind, limitBytes: UPLOAD_LIMITS[kind].bytes, filename: part.filename });
    throw tooLarge(kind, part.filename);
  }
  return Buffer.concat(chunks, size);
}

/** The single file of a multipart upload, within the route's limit. */
export async function uploadedFile(req: FastifyRequest, kind: UploadKind): Promise<{ filename: string; mimetype: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传文件');
  const file = await req.file(partLimits(kind));
  if (!file) throw badRequest('没有收到文件');
  return { filename: file.filename, mimetype: file.mimetype, bytes: await readPart(req, file, kind) };
}

/** The rows of an uploaded spreadsheet (.xlsx, or CSV in UTF-8 or GBK), header → cell, parsed off the request thread. */
export async function uploadedRows(req: FastifyRequest): Promise<Record<string, unknown>[]> {
  const { filename, bytes } = await uploadedFile(req, 'import');
  const rows = await readRowsInWorker(filename, bytes);
  const bad = findUnstorableString(rows);
  if (bad) throw badRequest(`第${Number(bad[0]) + 2}行含有无法保存的字符（空字符或残缺的文字编码），未导入任何数据`);
  return rows;
}
