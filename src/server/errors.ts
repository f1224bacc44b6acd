import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import { securityEvent } from './logging.ts';

/**
 * Database errors that mean the input was out of range (a safety net behind the zod schemas):
 * a 400 or 409 for the user, and a warning in the log because a schema should have caught it.
 */
const DB_INPUT_ERRORS: Record<string, [number, string, string]> = {
  '22003': [400, 'bad_request', '填写的数字超出允许的范围'],
  '22P02': [400, 'bad_request', '填写的内容格式不正确'],
  '22021': [400, 'bad_request', '填写的内容含有无法保存的字符'],
  '22P05': [400, 'bad_request', '填写的内容含有无法保存的字符'],
  '22008': [400, 'bad_request', '日期超出允许的范围'],
  '22001': [400, 'bad_request', '填写的内容过长'],
  '23505': [409, 'conflict', '该记录刚被他人创建或修改，请刷新后重试'],
  '40001': [409, 'conflict', '该记录刚被他人修改，请刷新后重试'],
  '40P01': [409, 'conflict', '该记录刚被他人修改，请刷新后重试'],
};

const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求格式有误，无法解析',
  FST_ERR_CTP_EMPTY_JSON_BODY: '提交的内容为空',
  FST_ERR_CTP_BODY_TOO_LARGE: '提交的内容过大（不能超过2MB）',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的提交格式，请以 JSON 或 multipart/form-data 提交',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度与内容不符',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请以 multipart/form-data 方式上传文件',
  FST_PARTS_LIMIT: '提交的表单项过多',
  FST_FIELDS_LIMIT: '提交的表单字段过多',
  FST_FILES_LIMIT: '一次上传的文件过多，请分批上传',
  FST_PROTO_VIOLATION: '请求格式有误，无法解析',
  FST_ERR_BAD_URL: '网址格式有误，含有无法识别的字符',
  FST_ERR_MAX_PARAM_LENGTH: '网址过长',
  FST_REQ_FILE_TOO_LARGE: '上传的文件超过大小上限，未保存任何内容',
};

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求格式有误，无法解析',
  404: '接口不存在',
  405: '不支持该请求方式',
  413: '提交的内容过大',
  415: '不支持的提交格式',
  429: '请求过于频繁，请稍后再试',
};

const SECURITY_STATUS: Record<number, string> = { 401: 'unauthenticated', 403: 'permission_denied', 413: 'upload_refused', 423: 'account_locked', 429: 'rate_limited' };

function send(req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  const event = SECURITY_STATUS[status];
  if (event) securityEvent(req, event, { status, code, reason: message });
  return reply.code(status).send({ ok: false, code, message, requestId: req.id, ...(details === undefined ? {} : { details }) });
}

/** Every error becomes `{ok:false, code, message, requestId}` in Chinese; 5xx are logged with their stack, never returned. */
export function errorHandler(err: FastifyError & { code?: string }, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    // A server-side failure told to the clerk in words (an accepted import interrupted): its cause is for the log.
    if (err.status >= 500) req.log.error({ log: 'error', err: err.cause ?? err, reqId: req.id, method: req.method, path: req.url.split('?')[0] }, err.message);
    return send(req, reply, err.status, err.code, err.message, err.details);
  }
  const db = err.code ? DB_INPUT_ERRORS[err.code] : undefined;
  if (db) {
    req.log.warn({ log: 'error', err, reqId: req.id }, '输入越过校验到达数据库');
    return send(req, reply, db[0], db[1], db[2]);
  }
  if (err.statusCode && err.statusCode < 500) {
    // A plugin's own Chinese message (e.g. a rate limit's) is kept; English framework wording is not shown.
    const own = typeof err.message === 'string' && /[\u4e00-\u9fff]/.test(err.message) && !/[A-Za-z]{4,}/.test(err.message) ? err.message : undefined;
    const message = FRAMEWORK_MESSAGES[err.code ?? ''] ?? own ?? STATUS_MESSAGES[err.statusCode] ?? '请求有误';
    return send(req, reply, err.statusCode, err.code ?? 'bad_request', message);
  }
  req.log.error({ log: 'error', err, reqId: req.id, method: req.method, path: req.url.split('?')[0] }, '系统内部错误');
  return send(req, reply, 500, 'internal', `系统内部错误，请稍后重试或联系管理员（请求编号 ${req.id}）`);
}
