// Security headers sent on every response, and no-store on the BFF's own and proxied API answers
// (they hold per-user data and must not sit in shared or disk caches).
import type { FastifyReply } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // antd injects its styles at run time
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Path part of a raw request URL. */
export function pathOf(rawUrl: string | undefined): string {
  const url = rawUrl ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
export function isBffPath(path: string): boolean {
  return path === '/bff' || path.startsWith('/bff/');
}

export function applySecurityHeaders(reply: FastifyReply, path: string): void {
  reply.headers(SECURITY_HEADERS);
  if (isApiPath(path) || isBffPath(path)) reply.header('cache-control', 'no-store');
}
