// The BFF: one Fastify instance holding login/session routes, the /api proxy, the static SPA
// and the security layer (request ids, security headers, CORS, Origin and CSRF checks).
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { BffConfig } from './config';
import { DEFAULTS } from './config';
import { auditHooks } from './audit/hook';
import { PgAuditStore } from './audit/pg-store';
import { auditRoutes } from './audit/routes';
import { SqliteAuditStore } from './audit/sqlite-store';
import { AuditTrail } from './audit/trail';
import { BffError, sendBffError } from './errors';
import { IamClient } from './iam/client';
import { PROXY_METHODS, proxyPlugin } from './proxy/forward';
import { genRequestId } from './request-id';
import { handleCors, originAcceptable } from './security/cors';
import { hasCsrfHeader } from './security/csrf';
import { applySecurityHeaders, isApiPath, isBffPath, pathOf } from './security/headers';
import { infoRoutes } from './info';
import { createRedis, waitReady } from './redis/client';
import { LoginRateLimiter, type LoginLimiter } from './security/rate-limit';
import { RedisLoginRateLimiter } from './security/redis-rate-limit';
import { SessionManager } from './session/manager';
import { RedisSessionStore } from './session/redis-store';
import { sessionRoutes } from './session/routes';
import { MemorySessionStore, type SessionStore } from './session/store';
import { registerStatic, sendIndex, wantsSpaFallback } from './static';
import { createPool } from './upstream';

/** Secrets that must never reach a log line, whatever gets logged. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-auth-token"]',
  'req.headers["x-subject-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-auth-token"]',
  'headers["x-subject-token"]',
  'headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
];

function loggerOptions(logger: BffConfig['logger']): false | Record<string, unknown> {
  if (logger === false) return false;
  const base = typeof logger === 'object' && logger !== null ? (logger as Record<string, unknown>) : {};
  return { level: 'info', ...base, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}

/** Which methods each BFF route accepts, to answer 405 rather than 404 on a wrong method. */
const BFF_ROUTE_METHODS: Record<string, string> = {
  '/bff/login': 'POST',
  '/bff/logout': 'POST',
  '/bff/session': 'GET',
  '/bff/audit': 'GET',
  '/bff/info': 'GET',
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The audit writer (tests flush it; /healthz reports it). */
    auditTrail: AuditTrail;
  }
}

export async function buildBff(config: BffConfig): Promise<FastifyInstance> {
  const now = config.now ?? Date.now;
  const ownStore = config.sessionStore === undefined;
  const corsOrigins = config.corsOrigins;

  const app = Fastify({
    logger: loggerOptions(config.logger),
    // n hops: trust the n nearest proxies, so the client address is what the outermost of them saw.
    trustProxy: typeof config.trustProxy === 'number' ? (_addr: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    genReqId: genRequestId,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    exposeHeadRoutes: false,
    routerOptions: { maxParamLength: 4096 },
    // Bad URLs and the like: answer in the BFF shape, never Fastify's default.
    frameworkErrors(error, request, reply) {
      applySecurityHeaders(reply, pathOf(request.raw.url));
      request.log.info({ err: { code: (error as FastifyError).code } }, 'rejected malformed request');
      const code = (error as FastifyError).code === 'FST_ERR_BAD_URL' ? 'BFF.0011' : 'BFF.0012';
      void sendBffError(request, reply, new BffError(code));
    },
  });

  await app.register(fastifyCookie);

  // Sessions and the login rate limit: in Redis when several replicas share them, else in memory.
  const prefix = config.redisKeyPrefix ?? DEFAULTS.redisKeyPrefix;
  const redis = config.redisUrl && ownStore ? createRedis(config.redisUrl, app.log) : undefined;
  if (redis && !(await waitReady(redis, 2_000))) app.log.warn('Redis not reachable at start; session calls answer 503 until it is');
  let store: SessionStore;
  if (config.sessionStore) store = config.sessionStore;
  else if (redis) store = new RedisSessionStore({ redis, key: config.sessionEncryptionKey!, prefix, now });
  else store = new MemorySessionStore({ now });
  const limiter: LoginLimiter = redis
    ? new RedisLoginRateLimiter(redis, prefix, config.loginRateLimit)
    : new LoginRateLimiter({ ...config.loginRateLimit, now });
  const sessions = new SessionManager(store, {
    idleTimeoutMs: config.idleTimeoutMs,
    absoluteTimeoutMs: config.absoluteTimeoutMs,
    now,
  });
  const romaPool = createPool(config.romaEndpoint, config.upstreamTimeoutMs);
  const iamPool = createPool(config.iamEndpoint, config.upstreamTimeoutMs);

  const auditStore = config.auditDatabaseUrl ? new PgAuditStore(config.auditDatabaseUrl) : new SqliteAuditStore(config.auditDir);
  const trail = new AuditTrail(auditStore, {
    log: app.log,
    now,
    retentionDays: config.auditRetentionDays ?? DEFAULTS.auditRetentionDays,
  });
  void trail.purge().catch(() => undefined);
  app.decorate('auditTrail', trail);
  auditHooks(app, trail, now);

  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.raw.url);
    applySecurityHeaders(reply, path);
    reply.header('x-request-id', request.id);
    // Only origin-form targets ("/path"): absolute-form ("http://host/bff/...") or "*" would
    // route like a path but dodge the prefix checks below.
    if (!path.startsWith('/')) throw new BffError('BFF.0011');
    if (handleCors(request, reply, corsOrigins)) return reply; // preflight answered
    if (!originAcceptable(request, corsOrigins)) throw new BffError('BFF.0010');
    if ((isApiPath(path) || isBffPath(path)) && !hasCsrfHeader(request.headers)) throw new BffError('BFF.0001');
    return undefined;
  });

  app.setErrorHandler(async (error: FastifyError | BffError, request: FastifyRequest, reply: FastifyReply) => {
    if (reply.sent || reply.raw.headersSent) return;
    if (error instanceof BffError) {
      if (error.cause !== undefined) request.log.warn({ err: error.cause, code: error.code }, error.message);
      return sendBffError(request, reply, error);
    }
    const mapped = mapFrameworkError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, 'unexpected error');
    return sendBffError(request, reply, mapped);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = pathOf(request.raw.url);
    if (isApiPath(path) || isBffPath(path)) {
      if (isApiPath(path) && !PROXY_METHODS.has(request.method)) {
        throw new BffError('BFF.0007', `Method ${request.method} is not allowed`, { allow: [...PROXY_METHODS].join(', ') });
      }
      const allowed = BFF_ROUTE_METHODS[path];
      if (allowed && allowed !== request.method) {
        throw new BffError('BFF.0007', `Use ${allowed} for ${path}`, { allow: allowed });
      }
      throw new BffError('BFF.0014');
    }
    if (config.staticDir && wantsSpaFallback(request)) return sendIndex(reply, config.staticDir);
    throw new BffError('BFF.0014');
  });

  // Liveness (always 200) with what an operator must know: audit writes failing, Redis down.
  app.route({
    method: ['GET', 'HEAD'],
    url: '/healthz',
    handler: async () => {
      const audit = trail.health();
      const sessionsHealth = { store: redis ? 'redis' : 'memory', ok: redis ? redis.status === 'ready' : true };
      return { status: audit.ok && sessionsHealth.ok ? 'ok' : 'degraded', audit, sessions: sessionsHealth };
    },
  });

  await app.register(sessionRoutes, { sessions, iam: new IamClient(iamPool), limiter });
  await app.register(auditRoutes, { trail, sessions });
  await app.register(infoRoutes, config);
  await app.register(proxyPlugin, {
    pool: romaPool,
    sessions,
    maxBodyBytes: config.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
  });
  if (config.staticDir) await registerStatic(app, config.staticDir);

  app.addHook('onClose', async () => {
    await Promise.allSettled([romaPool.close(), iamPool.close(), trail.close()]);
    if (ownStore) await store.close?.();
    redis?.disconnect();
  });
  return app;
}

function mapFrameworkError(error: FastifyError): BffError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new BffError('BFF.0013');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new BffError('BFF.0015');
    case 'FST_ERR_CTP_INVALID_JSON':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new BffError('BFF.0012', 'The request body is not valid JSON');
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return new BffError('BFF.0013');
  if (status === 415) return new BffError('BFF.0015');
  if (status >= 400 && status < 500) return new BffError('BFF.0012');
  return new BffError('BFF.0000');
}
