// A tiny fetch-based client for the BFF's own endpoints (/bff/session, /bff/login, /bff/logout,
// /bff/info). These are all the login page needs, so it loads without axios and zod (~47 KB gzip).
// Same rules as http.ts: same origin with cookies, the CSRF header, every failure an ApiError made
// by the same normaliser (errorFromResponse / CLIENT_CODES). These calls never raise the
// session-expired event (like `skipAuthRedirect` in http.ts): a 401 here means "not logged in".
import { ApiError, CLIENT_CODES, errorFromResponse } from './errors';

const TIMEOUT_MS = 30_000;

export interface BffRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/** Call a BFF endpoint; resolves with the parsed JSON body (or undefined for an empty one). */
export async function bffFetch(path: string, req: BffRequest = {}): Promise<unknown> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, TIMEOUT_MS);
  const onAbort = () => ctrl.abort();
  if (req.signal?.aborted) ctrl.abort();
  req.signal?.addEventListener('abort', onAbort);
  const headers: Record<string, string> = { 'X-CSRF': '1', Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    let res: Response;
    let text: string;
    try {
      res = await fetch(path, {
        method: req.method ?? 'GET',
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        credentials: 'same-origin',
        signal: ctrl.signal,
      });
      text = await res.text();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (timedOut) throw new ApiError({ status: 0, code: CLIENT_CODES.timeout, message: `timeout of ${TIMEOUT_MS}ms exceeded` });
      if (ctrl.signal.aborted) throw new ApiError({ status: 0, code: CLIENT_CODES.canceled, message: 'canceled' });
      throw new ApiError({ status: 0, code: CLIENT_CODES.network, message: message || 'Network Error' });
    }
    if (!res.ok) throw errorFromResponse(res.status, text, headersOf(res), res.statusText);
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text; // like axios: a non-JSON body is handed over as text (the caller's guard rejects it)
    }
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}

/** A BFF answer that does not have the expected shape: the same ApiError parseWith() makes. */
export function badBffResponse(what: string, where: string): ApiError {
  return new ApiError({
    status: 200,
    code: CLIENT_CODES.badResponse,
    message: `Unexpected ${what} response ${where}`.trim(),
  });
}
