// BFF configuration: environment parsed and validated with zod, then overridden by code (tests, main.ts).
import { z } from 'zod';
import type { SessionStore } from './session/store';

export interface BffConfig {
  /** Upstream base URLs (http(s)://host:port, no path, no trailing slash). */
  romaEndpoint: string;
  iamEndpoint: string;
  /** Built SPA (dist/); when absent, no static serving. */
  staticDir?: string;
  /** Exact origins allowed for CORS; empty = no CORS headers at all. */
  corsOrigins: string[];
  idleTimeoutMs: number;
  /** Capped at the token's expires_at in any case. */
  absoluteTimeoutMs: number;
  /** Waiting longer than this for an upstream answer gives 504. */
  upstreamTimeoutMs: number;
  /** Failed logins allowed per client IP and window. */
  loginRateLimit: { max: number; windowMs: number };
  /** Reverse-proxy hops to trust for the client address (X-Forwarded-For); false/0 = none. */
  trustProxy: boolean | number;
  /** Largest request body forwarded upstream (bytes); default 10 MiB. */
  maxBodyBytes?: number;
  sessionStore?: SessionStore;
  /** Shared session store and login rate limit for several replicas (redis:// or rediss://). */
  redisUrl?: string;
  /** Prefix of every Redis key this BFF writes (tests use a unique one). */
  redisKeyPrefix?: string;
  /** 32-byte AES-256-GCM key for the IAM token at rest in Redis; required with redisUrl. */
  sessionEncryptionKey?: Buffer;
  /** Folder of the one-node audit database (audit.sqlite); unset and no auditDatabaseUrl = in-memory SQLite. */
  auditDir?: string;
  /** PostgreSQL URL of an audit store shared by replicas; wins over auditDir. */
  auditDatabaseUrl?: string;
  auditRetentionDays?: number;
  /** Vendor region (e.g. cn-north-4) the endpoints were derived from, shown on the login page. */
  region?: string;
  /** True when the upstream is the embedded roma-local (set by main.ts). */
  embedded?: boolean;
  now?: () => number;
  logger?: boolean | object;
}

export const DEFAULTS = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 3_600_000,
  upstreamTimeoutMs: 30_000,
  loginRateLimit: { max: 10, windowMs: 5 * 60_000 },
  maxBodyBytes: 10 * 1024 * 1024,
  redisKeyPrefix: 'roma:bff:',
  auditRetentionDays: 90,
} as const;

const REGION = /^[a-z]{2,}(-[a-z0-9]+){1,3}$/;

/** The vendor's endpoint naming (shared/roma-api/README.md "Endpoint"). */
export function regionEndpoints(region: string): { roma: string; iam: string } {
  if (!REGION.test(region)) throw new Error(`ROMA_REGION must look like cn-north-4, got "${region}"`);
  return { roma: `https://roma.${region}.myhuaweicloud.com`, iam: `https://iam.${region}.myhuaweicloud.com` };
}

/** SESSION_ENCRYPTION_KEY: exactly 32 bytes, written as 64 hex digits or base64/base64url (43-44 chars). */
export function parseEncryptionKey(value: string): Buffer {
  const v = value.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(v)) key = Buffer.from(v, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(v)) key = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (!key || key.length !== 32) {
    throw new Error('SESSION_ENCRYPTION_KEY must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)');
  }
  return key;
}

/** An upstream base URL: http(s), host and optional port only — nothing a request could bend. */
export function normaliseEndpoint(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must use http or https, got "${url.protocol}"`);
  }
  if (url.username || url.password) throw new Error(`${name} must not contain credentials`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`${name} must be a base URL without path, query or fragment, got "${value}"`);
  }
  return url.origin;
}

function normaliseOrigin(value: string): string {
  const origin = normaliseEndpoint(value, 'CORS_ORIGINS entry');
  return origin.toLowerCase();
}

const msInt = (name: string, min: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, `${name} must be a whole number of milliseconds`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`));

const urlWithScheme = (name: string, schemes: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && schemes.includes(new URL(v).protocol), `${name} must be a ${schemes.join(' or ')}// URL`);

const envSchema = z.object({
  ROMA_REGION: z.string().trim().regex(REGION, 'ROMA_REGION must look like cn-north-4').optional(),
  ROMA_ENDPOINT: z.string().optional(),
  IAM_ENDPOINT: z.string().optional(),
  REDIS_URL: urlWithScheme('REDIS_URL', ['redis:', 'rediss:']).optional(),
  REDIS_KEY_PREFIX: z.string().trim().regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'REDIS_KEY_PREFIX: letters, digits and :_.- only').optional(),
  SESSION_ENCRYPTION_KEY: z.string().optional(),
  AUDIT_DIR: z.string().trim().min(1).optional(),
  AUDIT_DATABASE_URL: urlWithScheme('AUDIT_DATABASE_URL', ['postgres:', 'postgresql:']).optional(),
  AUDIT_RETENTION_DAYS: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'AUDIT_RETENTION_DAYS must be a whole number of days')
    .transform(Number)
    .pipe(z.number().int().min(1, 'AUDIT_RETENTION_DAYS must be at least 1').max(3650, 'AUDIT_RETENTION_DAYS must be at most 3650'))
    .optional(),
  CORS_ORIGINS: z.string().optional(),
  SESSION_IDLE_TIMEOUT_MS: msInt('SESSION_IDLE_TIMEOUT_MS', 1000).optional(),
  SESSION_ABSOLUTE_TIMEOUT_MS: msInt('SESSION_ABSOLUTE_TIMEOUT_MS', 1000).optional(),
  UPSTREAM_TIMEOUT_MS: msInt('UPSTREAM_TIMEOUT_MS', 1).optional(),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(true|false|yes|no|[0-9])$/, 'TRUST_PROXY must be true, false or a number of proxy hops (0-9)')
    .optional(),
});

/** Reads the environment; `overrides` win. Throws an Error naming every bad variable. */
export function loadBffConfig(env: NodeJS.ProcessEnv, overrides: Partial<BffConfig> = {}): BffConfig {
  // Empty strings count as unset, as shells and .env files produce them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const needed = {
    ...present,
    ...(overrides.romaEndpoint ? { ROMA_ENDPOINT: overrides.romaEndpoint } : {}),
    ...(overrides.iamEndpoint ? { IAM_ENDPOINT: overrides.iamEndpoint } : {}),
  };
  const parsed = envSchema.safeParse(needed);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'env'}: ${i.message}`);
    throw new Error(`Invalid BFF configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const fromRegion = e.ROMA_REGION ? regionEndpoints(e.ROMA_REGION) : undefined;
  const roma = e.ROMA_ENDPOINT ?? fromRegion?.roma;
  const iam = e.IAM_ENDPOINT ?? fromRegion?.iam;
  const missing = [!roma && 'ROMA_ENDPOINT', !iam && 'IAM_ENDPOINT'].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(`Invalid BFF configuration:\n${missing.map((m) => `  ${m}: ${m} is required (or set ROMA_REGION)`).join('\n')}`);
  }
  let sessionEncryptionKey: Buffer | undefined;
  if (e.SESSION_ENCRYPTION_KEY) sessionEncryptionKey = parseEncryptionKey(e.SESSION_ENCRYPTION_KEY);
  const config: BffConfig = {
    romaEndpoint: normaliseEndpoint(roma!, 'ROMA_ENDPOINT'),
    iamEndpoint: normaliseEndpoint(iam!, 'IAM_ENDPOINT'),
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX ?? DEFAULTS.redisKeyPrefix,
    sessionEncryptionKey,
    auditDir: e.AUDIT_DIR,
    auditDatabaseUrl: e.AUDIT_DATABASE_URL,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS ?? DEFAULTS.auditRetentionDays,
    region: e.ROMA_REGION,
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(normaliseOrigin),
    idleTimeoutMs: e.SESSION_IDLE_TIMEOUT_MS ?? DEFAULTS.idleTimeoutMs,
    absoluteTimeoutMs: e.SESSION_ABSOLUTE_TIMEOUT_MS ?? DEFAULTS.absoluteTimeoutMs,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS ?? DEFAULTS.upstreamTimeoutMs,
    loginRateLimit: { ...DEFAULTS.loginRateLimit },
    // true = one hop: the address the proxy in front saw, never what the client wrote into X-Forwarded-For.
    trustProxy: trustHops(e.TRUST_PROXY),
    maxBodyBytes: DEFAULTS.maxBodyBytes,
    logger: true,
  };
  const merged: BffConfig = { ...config, ...stripUndefined(overrides) };
  // Overrides go through the same checks as the environment.
  merged.romaEndpoint = normaliseEndpoint(merged.romaEndpoint, 'romaEndpoint');
  merged.iamEndpoint = normaliseEndpoint(merged.iamEndpoint, 'iamEndpoint');
  merged.corsOrigins = merged.corsOrigins.map(normaliseOrigin);
  for (const key of ['idleTimeoutMs', 'absoluteTimeoutMs', 'upstreamTimeoutMs', 'maxBodyBytes'] as const) {
    const v = merged[key];
    if (v !== undefined && (!Number.isInteger(v) || v <= 0)) throw new Error(`${key} must be a positive integer`);
  }
  if (merged.redisUrl && merged.sessionStore === undefined && merged.sessionEncryptionKey?.length !== 32) {
    throw new Error(
      'SESSION_ENCRYPTION_KEY is required with REDIS_URL (the same 32-byte key on every replica, 64 hex digits or base64; e.g. `openssl rand -base64 32`)',
    );
  }
  if (merged.trustProxy === true) merged.trustProxy = 1;
  const days = merged.auditRetentionDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new Error('auditRetentionDays must be a positive integer');
  const rl = merged.loginRateLimit;
  if (!Number.isInteger(rl.max) || rl.max < 1 || !Number.isInteger(rl.windowMs) || rl.windowMs < 1) {
    throw new Error('loginRateLimit needs positive integer max and windowMs');
  }
  return merged;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function trustHops(v: string | undefined): number | false {
  if (v === undefined || v === 'false' || v === 'no' || v === '0') return false;
  if (v === 'true' || v === 'yes') return 1;
  return Number(v);
}
