// The one HTTP choke point: same origin, cookies, CSRF header, every error normalised to ApiError.
// A 401 rejects (never a fake success) and raises the session-expired event.
// Built on fetch with the small part of axios's interface the API modules use (get/post/put/delete,
// params, signal, timeout, responseType 'text'): axios cost every page ~14 KB gzip.
import { ApiError, CLIENT_CODES, errorFromResponse } from './errors';
import { emitUnauthorized } from './authEvents';
import type { z } from 'zod';

const TIMEOUT_MS = 30_000;

export interface RequestConfig {
  /** Query parameters; undefined and null are left out (as axios does). */
  params?: Record<string, unknown>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** ms; default 30 s */
  timeout?: number;
  /** 'text': the body as text, never parsed as JSON */
  responseType?: 'json' | 'text';
  transformResponse?: (data: unknown) => unknown;
  /** Do not trigger the session-expired flow on 401 (login, session probe). */
  skipAuthRedirect?: boolean;
}

export interface HttpResponse<T> {
  data: T;
  status: number;
  headers: Record<string, string>;
}

/** axios's encoding of a query value (keeps `:`, `$`, `,`; space as `+`), so URLs stay as they were. */
const encode = (v: string): string =>
  encodeURIComponent(v).replace(/%3A/gi, ':').replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%20/g, '+');

const scalar = (v: unknown): string => (v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function buildUrl(url: string, params?: Record<string, unknown>): string {
  if (!params) return url;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== undefined && x !== null) parts.push(`${encode(`${k}[]`)}=${encode(scalar(x))}`);
    } else {
      parts.push(`${encode(k)}=${encode(scalar(v))}`);
    }
  }
  if (!parts.length) return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  return base + (base.includes('?') ? '&' : '?') + parts.join('&');
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

function bodyOf(data: unknown, headers: Record<string, string>): BodyInit | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof FormData !== 'undefined' && data instanceof FormData) return data; // the browser sets the multipart boundary
  if (typeof data === 'string') {
    headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    return data;
  }
  headers['Content-Type'] ??= 'application/json';
  return JSON.stringify(data);
}

async function request<T>(method: string, url: string, data: unknown, cfg: RequestConfig = {}): Promise<HttpResponse<T>> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timeout = cfg.timeout ?? TIMEOUT_MS;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeout);
  const onAbort = () => ctrl.abort();
  if (cfg.signal?.aborted) ctrl.abort();
  cfg.signal?.addEventListener('abort', onAbort);
  const headers: Record<string, string> = { 'X-CSRF': '1', Accept: 'application/json', ...cfg.headers };
  try {
    let res: Response;
    let text: string;
    try {
      res = await fetch(buildUrl(url, cfg.params), { method, headers, body: bodyOf(data, headers), credentials: 'same-origin', signal: ctrl.signal });
      text = await res.text();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (timedOut) throw new ApiError({ status: 0, code: CLIENT_CODES.timeout, message: `timeout of ${timeout}ms exceeded` });
      if (ctrl.signal.aborted) throw new ApiError({ status: 0, code: CLIENT_CODES.canceled, message: 'canceled' });
      throw new ApiError({ status: 0, code: CLIENT_CODES.network, message: message || 'Network Error' });
    }
    const h = headersOf(res);
    if (!res.ok) {
      const err = errorFromResponse(res.status, text, h, res.statusText);
      if (err.status === 401 && !cfg.skipAuthRedirect) emitUnauthorized();
      throw err;
    }
    let body: unknown = text;
    // like axios: JSON when it parses, else the text; an empty body is ''
    if (cfg.responseType !== 'text' && text.trim() !== '') {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
    }
    if (cfg.transformResponse) body = cfg.transformResponse(body);
    return { data: body as T, status: res.status, headers: h };
  } finally {
    clearTimeout(timer);
    cfg.signal?.removeEventListener('abort', onAbort);
  }
}

export const http = {
  get: <T = unknown>(url: string, cfg?: RequestConfig) => request<T>('GET', url, undefined, cfg),
  delete: <T = unknown>(url: string, cfg?: RequestConfig) => request<T>('DELETE', url, undefined, cfg),
  post: <T = unknown>(url: string, data?: unknown, cfg?: RequestConfig) => request<T>('POST', url, data, cfg),
  put: <T = unknown>(url: string, data?: unknown, cfg?: RequestConfig) => request<T>('PUT', url, data, cfg),
};

/** Parse a response with a (lenient) contract schema; a mismatch is an ApiError, not a crash later. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : '';
  throw new ApiError({
    status: 200,
    code: CLIENT_CODES.badResponse,
    message: `Unexpected ${what} response ${where}`.trim(),
  });
}
