// What every route plugin needs: the database, the clock and the token store.
import type { Db } from './db/open';
import type { TokenStore, TokenInfo } from './iam/tokens';

/** Listeners and limits of the families that run more than HTTP routes (LINK, APIC, FDI). */
export interface FamilySettings {
  /** roma-local's data folder (FDI keeps its SQLite files under fdi/). */
  dataDir: string;
  mqttHost: string; // default 127.0.0.1
  mqttPort: number; // default 1884; 0 = any free port
  gatewayPort: number; // default 9180; 0 = any free port
  fdiMaxRuns: number; // default 2
}

export interface Ctx {
  db: Db;
  settings: FamilySettings;
  /** Addresses the families actually listen on, filled in as they start (e.g. mqtt: "127.0.0.1:1884"). */
  endpoints: Record<string, string>;
  /** ms clock; tests pass their own to move time. */
  now: () => number;
  tokens: TokenStore;
  tokenTtlMs: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the X-Auth-Token hook on authenticated routes. */
    auth: TokenInfo | null;
  }
}

/** The authenticated caller; only valid behind requireToken. */
export function caller(req: { auth: TokenInfo | null }): TokenInfo {
  if (!req.auth) throw new Error('route reached without authentication');
  return req.auth;
}
