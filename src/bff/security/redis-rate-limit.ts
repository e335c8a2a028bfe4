// The login rate limit shared by every replica: one counter per client address in Redis, its
// window starting at the first failure (same rule as the in-memory LoginRateLimiter).
import type { Redis } from 'ioredis';
import { viaRedis } from '../redis/client';
import type { LoginLimiter } from './rate-limit';

const RECORD = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

export class RedisLoginRateLimiter implements LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly o: { max: number; windowMs: number },
  ) {}

  private k(key: string): string {
    return `${this.prefix}rl:${key}`;
  }

  async retryAfterSeconds(key: string): Promise<number> {
    const res = await viaRedis(() => this.redis.multi().get(this.k(key)).pttl(this.k(key)).exec());
    const count = Number(res?.[0]?.[1] ?? 0);
    const pttl = Number(res?.[1]?.[1] ?? -2);
    if (count < this.o.max || pttl <= 0) return 0;
    return Math.max(1, Math.ceil(pttl / 1000));
  }

  async recordFailure(key: string): Promise<void> {
    await viaRedis(() => this.redis.eval(RECORD, 1, this.k(key), String(this.o.windowMs)));
  }
}
