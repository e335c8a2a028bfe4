// CORS and the Origin check. No Access-Control-* header is ever sent unless the request's
// Origin is exactly one of the configured origins. State-changing requests whose Origin is
// present but neither same-origin nor listed are refused outright.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE';
export const CORS_REQUEST_HEADERS = 'Content-Type, Accept, Accept-Language, X-CSRF, X-Request-Id';
export const CORS_EXPOSED_HEADERS = 'X-Request-Id, Retry-After, Content-Disposition';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function allowedOrigin(origin: string | undefined, corsOrigins: readonly string[]): string | undefined {
  if (!origin || corsOrigins.length === 0) return undefined;
  const o = origin.toLowerCase();
  return corsOrigins.includes(o) ? origin : undefined;
}

/** The origin this request was addressed to, as the browser sees it. */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`.toLowerCase();
}

/**
 * Applies CORS headers; returns true when the request was a preflight and has been answered.
 */
export function handleCors(request: FastifyRequest, reply: FastifyReply, corsOrigins: readonly string[]): boolean {
  if (corsOrigins.length === 0) return false;
  reply.header('vary', 'Origin');
  const origin = allowedOrigin(request.headers.origin, corsOrigins);
  if (!origin) return false;
  reply.header('access-control-allow-origin', origin);
  reply.header('access-control-allow-credentials', 'true');
  const isPreflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
  if (!isPreflight) {
    reply.header('access-control-expose-headers', CORS_EXPOSED_HEADERS);
    return false;
  }
  reply.header('access-control-allow-methods', CORS_METHODS);
  reply.header('access-control-allow-headers', CORS_REQUEST_HEADERS);
  reply.header('access-control-max-age', '600');
  reply.code(204).send();
  return true;
}

/** False when a state-changing request comes from a foreign, unlisted origin. */
export function originAcceptable(request: FastifyRequest, corsOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.origin;
  if (origin === undefined) return true; // non-browser clients and some same-origin requests
  if (origin.toLowerCase() === ownOrigin(request)) return true;
  return allowedOrigin(origin, corsOrigins) !== undefined;
}
