import type { ApiPaths } from './api-types.ts';

/** The server's error: its Chinese message as the text, its status and body kept. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body?: any) {
    super(message);
  }
}

type Method = 'get' | 'post' | 'put' | 'delete';
/** The API paths that answer a method, in the OpenAPI spelling (`/api/cases/{id}`). */
export type PathOf<M extends Method> = { [P in keyof ApiPaths]: M extends keyof ApiPaths[P] ? P : never }[keyof ApiPaths];
type Op<P, M extends Method> = P extends keyof ApiPaths ? (M extends keyof ApiPaths[P] ? ApiPaths[P][M] : never) : never;
/** What a route answers (its 2xx response schema; `unknown` where it declares none). */
export type Reply<P extends keyof ApiPaths, M extends Method = 'get'> = Op<P, M> extends { response: infer R } ? R : never;

// Path ids come from the router as text; a query value may be text from the address bar, or left
// empty (qs drops it): the names are checked, the server validates the values.
type ParamsIn<T> = { [K in keyof T]: T[K] extends number ? number | string : T[K] };
type QueryIn<T> = { [K in keyof T]?: T[K] | string | null };
// [O] keeps the conditionals from distributing over a union of operations (too complex for tsc).
type Options<O> = ([O] extends [{ params: infer T }] ? { params: ParamsIn<T> } : { params?: never }) &
  ([O] extends [{ query: infer Q }] ? { query?: QueryIn<Q> } : { query?: never }) &
  ([O] extends [{ body: infer B }] ? { body: B; form?: never } : { body?: never; form?: FormData });
type Args<O> = [{}] extends [Options<O>] ? [opts?: Options<O>] : [opts: Options<O>];

/** A URL from an OpenAPI path, its parameters and query. */
export function urlOf(path: string, opts: { params?: Record<string, unknown>; query?: Record<string, unknown> } = {}): string {
  const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = opts.params?.[name];
    if (v === undefined || v === null || v === '') throw new Error(`缺少路径参数 ${name}`);
    return encodeURIComponent(String(v));
  });
  const q = opts.query ? qs(opts.query) : '';
  return q ? `${url}?${q}` : url;
}

/** Thin fetch wrapper: JSON in and out, the server's Chinese message as the error text. */
export async function request(url: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<unknown> {
  const res = await fetch(url, {
    method: init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET'),
    headers: init.body !== undefined ? { 'content-type': 'application/json' } : undefined,
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    credentials: 'same-origin',
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    if (res.status === 401 && !url.startsWith('/api/auth/login')) window.dispatchEvent(new Event('fazhi:logout'));
    // An initial, reset or expired password: the console switches to the change-password page.
    if (res.status === 403 && data?.code === 'password_change_required') window.dispatchEvent(new Event('fazhi:password-change'));
    throw new ApiError(res.status, data?.message ?? `请求失败（${res.status}）`, data);
  }
  return data;
}

// `opts` is checked by the typed wrappers below; here it only travels.
function call(method: Method, path: string, opts: any = {}) {
  return request(urlOf(path, opts), { method: method.toUpperCase(), body: opts.body, form: opts.form });
}

/**
 * The typed client: `get('/api/cases/{id}', { params: { id } })` answers the route's response type,
 * generated from its schema into api-types.ts (`npm run docs:api-types`), so a renamed field fails tsc.
 */
export function get<P extends PathOf<'get'>>(path: P, ...[opts]: Args<Op<P, 'get'>>): Promise<Reply<P, 'get'>> {
  return call('get', path, opts) as Promise<any>;
}
export function post<P extends PathOf<'post'>>(path: P, ...[opts]: Args<Op<P, 'post'>>): Promise<Reply<P, 'post'>> {
  return call('post', path, opts) as Promise<any>;
}
export function put<P extends PathOf<'put'>>(path: P, ...[opts]: Args<Op<P, 'put'>>): Promise<Reply<P, 'put'>> {
  return call('put', path, opts) as Promise<any>;
}
export function del<P extends PathOf<'delete'>>(path: P, ...[opts]: Args<Op<P, 'delete'>>): Promise<Reply<P, 'delete'>> {
  return call('delete', path, opts) as Promise<any>;
}

export const qs = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString();
