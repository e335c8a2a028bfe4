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
  trustProxy: boolean;
  /** Largest request body forwarded upstream (bytes); default 10 MiB. */
  maxBodyBytes?: number;
  sessionStore?: SessionStore;
  now?: () => number;
  logger?: boolean | object;
}

export const DEFAULTS = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 3_600_000,
  upstreamTimeoutMs: 30_000,
  loginRateLimit: { max: 10, windowMs: 5 * 60_000 },
  maxBodyBytes: 10 * 1024 * 1024,
} as const;

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

const envSchema = z.object({
  ROMA_ENDPOINT: z.string({ error: 'ROMA_ENDPOINT is required' }).min(1, 'ROMA_ENDPOINT is required'),
  IAM_ENDPOINT: z.string({ error: 'IAM_ENDPOINT is required' }).min(1, 'IAM_ENDPOINT is required'),
  CORS_ORIGINS: z.string().optional(),
  SESSION_IDLE_TIMEOUT_MS: msInt('SESSION_IDLE_TIMEOUT_MS', 1000).optional(),
  SESSION_ABSOLUTE_TIMEOUT_MS: msInt('SESSION_ABSOLUTE_TIMEOUT_MS', 1000).optional(),
  UPSTREAM_TIMEOUT_MS: msInt('UPSTREAM_TIMEOUT_MS', 1).optional(),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { error: 'TRUST_PROXY must be true or false' })
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
  const config: BffConfig = {
    romaEndpoint: normaliseEndpoint(e.ROMA_ENDPOINT, 'ROMA_ENDPOINT'),
    iamEndpoint: normaliseEndpoint(e.IAM_ENDPOINT, 'IAM_ENDPOINT'),
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(normaliseOrigin),
    idleTimeoutMs: e.SESSION_IDLE_TIMEOUT_MS ?? DEFAULTS.idleTimeoutMs,
    absoluteTimeoutMs: e.SESSION_ABSOLUTE_TIMEOUT_MS ?? DEFAULTS.absoluteTimeoutMs,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS ?? DEFAULTS.upstreamTimeoutMs,
    loginRateLimit: { ...DEFAULTS.loginRateLimit },
    trustProxy: ['true', '1', 'yes'].includes(e.TRUST_PROXY ?? ''),
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
  const rl = merged.loginRateLimit;
  if (!Number.isInteger(rl.max) || rl.max < 1 || !Number.isInteger(rl.windowMs) || rl.windowMs < 1) {
    throw new Error('loginRateLimit needs positive integer max and windowMs');
  }
  return merged;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
