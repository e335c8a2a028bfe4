// One ioredis connection per BFF, tuned to fail fast: no offline queue and one try per command,
// so a request never waits for Redis to come back; reconnecting goes on in the background.
import { Redis } from 'ioredis';
import { BffError } from '../errors';

export interface RedisLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export function createRedis(url: string, log: RedisLogger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    // Keep trying for ever, at most once a second.
    retryStrategy: (times) => Math.min(50 * times, 1_000),
    lazyConnect: false,
  });
  let down = false;
  redis.on('error', (err: Error & { code?: string }) => {
    if (!down) log.warn({ err: { code: err.code, message: err.message } }, 'session store (Redis) unavailable');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info({}, 'session store (Redis) available again');
    down = false;
  });
  return redis;
}

/** Waits up to `ms` for the first connection; a Redis that is down at start is not fatal. */
export async function waitReady(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    redis.once('ready', onReady);
  });
}

/** Runs a Redis call; any failure becomes the operator-facing 503. */
export async function viaRedis<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw new BffError('BFF.0018', undefined, {}, err);
  }
}
