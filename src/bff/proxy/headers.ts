// Header allow-lists in both directions. Requests: only what the upstream needs to understand
// the body and the caller's preferences — never the browser's Cookie, Authorization, token
// headers, Host or X-Forwarded-*. Responses: only what the console needs — never Set-Cookie,
// hop-by-hop headers or anything that could override the BFF's own security headers.
import type { IncomingHttpHeaders } from 'node:http';

export const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'accept-language', 'content-length'] as const;
export const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-disposition',
  'x-request-id',
  'retry-after',
] as const;

const MAX_HEADER_VALUE = 1024;

/** Builds the upstream request headers; the token and request id are set here, by the BFF only. */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  token: string,
  requestId: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const v = incoming[name];
    if (typeof v === 'string' && v.length <= MAX_HEADER_VALUE) out[name] = v;
  }
  out['x-request-id'] = requestId;
  out['x-auth-token'] = token;
  return out;
}

/** Picks the upstream response headers the browser may see. */
export function browserResponseHeaders(upstream: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PASSED_RESPONSE_HEADERS) {
    const v = upstream[name];
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
