/** Thin fetch wrapper: JSON in and out, the server's Chinese message as the error text. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body?: any) {
    super(message);
  }
}

export async function api<T = any>(path: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET'),
    headers: init.body !== undefined ? { 'content-type': 'application/json' } : undefined,
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    credentials: 'same-origin',
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/login')) window.dispatchEvent(new Event('fazhi:logout'));
    // An initial, reset or expired password: the console switches to the change-password page.
    if (res.status === 403 && data?.code === 'password_change_required') window.dispatchEvent(new Event('fazhi:password-change'));
    throw new ApiError(res.status, data?.message ?? `请求失败（${res.status}）`, data);
  }
  return data as T;
}

export const qs = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString();
