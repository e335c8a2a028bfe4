// roma-local: a ROMA Connect-compatible service (IAM token, instances, apps, dictionaries)
// backed by SQLite. buildRomaLocal wires it; startRomaLocal also listens.
import Fastify, { type FastifyInstance } from 'fastify';
import { apicFamily } from './apic/index';
import { accessKeysOf, installSignatureCheck } from './auth/signed';
import { appRoutes } from './apps/routes';
import type { Ctx } from './context';
import { openDb } from './db/open';
import { dictionaryRoutes } from './dictionaries/routes';
import { fdiFamily } from './fdi/index';
import { familyError, familyOf, sendError, toApiError } from './errors';
import { ensureAccount, type Account } from './iam/account';
import { credentialRoutes } from './iam/credentials';
import { iamRoutes } from './iam/routes';
import { TokenStore } from './iam/tokens';
import { instanceRoutes } from './instances/routes';
import { linkFamily } from './link/index';
import { seed } from './seed';
import { hex32 } from './util';

export interface RomaLocalOptions {
  dataDir: string;
  host?: string; // default 127.0.0.1
  port?: number; // 0 = ephemeral
  tokenTtlSeconds?: number; // default 86400
  user?: string;
  password?: string;
  domain?: string;
  project?: string; // defaults: admin, generated, roma-local, cn-north-4
  logger?: boolean | object;
  now?: () => number; // ms clock, for tests
  mqttHost?: string; // LINK MQTT endpoint host, default 127.0.0.1
  mqttPort?: number; // default 1884; 0 = any free port
  gatewayPort?: number; // APIC gateway, default 9180; 0 = any free port
  fdiMaxRuns?: number; // FDI runs at once, default 2
  /** A fixed AK/SK of the login user (ROMA_LOCAL_ACCESS_KEY / _SECRET_KEY); see iam/access-keys.ts. */
  accessKey?: { accessKey: string; secretKey: string };
}

/** The login an operator needs (the account without its internal ids). */
export type RomaLocalAccount = Omit<Account, 'userId' | 'domainId'>;

export interface RomaLocalHandle {
  url: string;
  account: RomaLocalAccount;
  app: FastifyInstance;
  /** What the families listen on besides HTTP (mqtt, gateway), as host:port or URL. */
  endpoints: Record<string, string>;
  close(): Promise<void>;
}

export const BODY_LIMIT = 1024 * 1024;

/** pino options that keep credentials out of the logs even if headers get logged. */
const REDACT = ['req.headers.authorization', 'req.headers["x-auth-token"]', 'req.headers.cookie', 'res.headers["x-subject-token"]'];

export async function buildRomaLocal(
  opts: RomaLocalOptions,
): Promise<{ app: FastifyInstance; account: RomaLocalAccount; endpoints: Record<string, string> }> {
  const now = opts.now ?? Date.now;
  const ttl = opts.tokenTtlSeconds ?? 86400;
  if (!Number.isFinite(ttl) || ttl <= 0) throw new Error(`roma-local: tokenTtlSeconds must be a positive number (got ${ttl})`);
  const db = openDb(opts.dataDir);
  let account;
  try {
    account = ensureAccount(
      db,
      {
        dataDir: opts.dataDir,
        user: opts.user || 'admin',
        password: opts.password,
        domain: opts.domain || 'roma-local',
        project: opts.project || 'cn-north-4',
      },
      now(),
    );
    seed(db, account, now);
    accessKeysOf({ db, settings: { dataDir: opts.dataDir } }).syncEnvKey(account.userId, opts.accessKey, now());
  } catch (err) {
    db.close();
    throw err;
  }

  const logger = opts.logger === undefined || opts.logger === false ? false
    : { redact: REDACT, ...(typeof opts.logger === 'object' ? opts.logger : {}) };
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    genReqId: () => hex32(), // never taken from the client
    requestIdHeader: false,
    return503OnClosing: false,
    // malformed or over-long URLs: answer in the family's shape, not Fastify's default body
    frameworkErrors: (err, req, reply) => {
      const family = familyOf(req.url);
      const kind = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'noRoute' : 'invalidParam';
      const msg = kind === 'noRoute' ? 'Invalid request URL: a path segment is too long.' : 'Invalid request URL: bad encoding.';
      reply.header('X-Request-Id', req.id);
      return sendError(reply, family, familyError(family, kind, msg));
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 256 },
  });
  app.addHook('onClose', async () => db.close());

  const settings = {
    dataDir: opts.dataDir,
    mqttHost: opts.mqttHost ?? '127.0.0.1',
    mqttPort: opts.mqttPort ?? 1884,
    gatewayPort: opts.gatewayPort ?? 9180,
    fdiMaxRuns: opts.fdiMaxRuns ?? 2,
  };
  const ctx: Ctx = { db, now, tokens: new TokenStore(db), tokenTtlMs: ttl * 1000, settings, endpoints: {} };
  app.decorateRequest('auth', null);

  // JSON only (Fastify's text/plain parser would let strings through); an empty body is "no body",
  // so DELETEs sent with a JSON Content-Type still work.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('invalid JSON'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }), undefined);
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });
  app.setErrorHandler((err, req, reply) => {
    const family = familyOf(req.url);
    const apiErr = toApiError(err, family);
    if (apiErr.status >= 500) req.log.error({ err }, 'unexpected error');
    return sendError(reply, family, apiErr);
  });
  app.setNotFoundHandler((req, reply) => {
    const family = familyOf(req.url);
    return sendError(reply, family, familyError(family, 'noRoute', `Invalid request URL: ${req.method} ${req.url.split('?')[0]}`));
  });

  installSignatureCheck(app);
  iamRoutes(app, ctx);
  credentialRoutes(app, ctx);
  instanceRoutes(app, ctx);
  appRoutes(app, ctx);
  dictionaryRoutes(app, ctx);
  await linkFamily(app, ctx);
  await fdiFamily(app, ctx);
  await apicFamily(app, ctx);

  const { userId: _u, domainId: _d, ...publicAccount } = account;
  return { app, account: publicAccount, endpoints: ctx.endpoints };
}

export async function startRomaLocal(opts: RomaLocalOptions): Promise<RomaLocalHandle> {
  const { app, account, endpoints } = await buildRomaLocal(opts);
  const host = opts.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: opts.port ?? 0 });
  } catch (err) {
    await app.close();
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port ?? 0;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return { url: `http://${urlHost}:${port}`, account, app, endpoints, close: () => app.close() };
}
