/** An error whose message is written for the clerk who will read it. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (msg: string, details?: unknown) => new AppError(400, 'bad_request', msg, details);
export const unauthorized = (msg = '请先登录') => new AppError(401, 'unauthorized', msg);
export const forbidden = (msg = '您没有执行此操作的权限') => new AppError(403, 'forbidden', msg);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what}不存在或您无权查看`);
export const conflict = (msg: string, details?: unknown) => new AppError(409, 'conflict', msg, details);
