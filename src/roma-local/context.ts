// What every route plugin needs: the database, the clock and the token store.
import type { Db } from './db/open';
import type { TokenStore, TokenInfo } from './iam/tokens';

export interface Ctx {
  db: Db;
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
