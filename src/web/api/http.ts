// The one HTTP choke point: same origin, cookies, CSRF header, every error normalised to ApiError.
// A 401 rejects (never a fake success) and raises the session-expired event.
import axios from 'axios';
import { ApiError, CLIENT_CODES, toApiError } from './errors';
import { emitUnauthorized } from './authEvents';
import type { z } from 'zod';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Do not trigger the session-expired flow on 401 (login, session probe). */
    skipAuthRedirect?: boolean;
  }
}

export const http = axios.create({
  baseURL: '',
  withCredentials: true,
  timeout: 30_000,
  headers: { 'X-CSRF': '1', Accept: 'application/json' },
});

http.interceptors.response.use(
  (res) => res,
  (err: unknown) => {
    const apiErr = toApiError(err);
    const cfg = axios.isAxiosError(err) ? err.config : undefined;
    if (apiErr.status === 401 && !cfg?.skipAuthRedirect) emitUnauthorized();
    return Promise.reject(apiErr);
  },
);

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
