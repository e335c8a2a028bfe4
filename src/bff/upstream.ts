// Undici pools to the two configured upstreams (keep-alive, bounded waits), and the mapping of
// transport failures to BFF errors: unreachable → 502, too slow → 504.
import { Pool } from 'undici';
import { BffError } from './errors';

export function createPool(origin: string, timeoutMs: number): Pool {
  return new Pool(origin, {
    connections: 128,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    connectTimeout: Math.min(timeoutMs, 10_000),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (err as { cause?: unknown }).cause;
  return cause === undefined ? undefined : errorCode(cause);
}

/** Maps an undici/network error to the BFF error shown to the operator (never the raw message). */
export function upstreamFailure(err: unknown, what: string): BffError {
  if (err instanceof BffError) return err;
  const code = errorCode(err);
  if (code && TIMEOUT_CODES.has(code)) return new BffError('BFF.0009', `${what} did not answer in time`);
  return new BffError('BFF.0008', `${what} is unreachable`);
}
