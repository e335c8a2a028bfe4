// Login rate limit per client IP: failed attempts are counted in a fixed window; once `max`
// failures are reached further attempts get 429 until the window ends. Counting failures (not
// every attempt) keeps an operator who logs in often from locking himself out; a success does
// not reset the count, so one valid account cannot be used to keep guessing another.

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  now: () => number;
  /** Bound on tracked clients so a flood of addresses cannot exhaust memory. */
  maxEntries?: number;
}

/** What the login route needs; the Redis limiter answers asynchronously. */
export interface LoginLimiter {
  retryAfterSeconds(key: string): number | Promise<number>;
  recordFailure(key: string): void | Promise<void>;
}

interface Bucket {
  count: number;
  resetAt: number;
}

export class LoginRateLimiter implements LoginLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxEntries: number;

  constructor(private readonly o: RateLimitOptions) {
    this.maxEntries = o.maxEntries ?? 50_000;
  }

  /** Seconds to wait when the client is blocked, else 0. */
  retryAfterSeconds(key: string): number {
    const b = this.live(key);
    if (!b || b.count < this.o.max) return 0;
    return Math.max(1, Math.ceil((b.resetAt - this.o.now()) / 1000));
  }

  recordFailure(key: string): void {
    const b = this.live(key);
    if (b) {
      b.count++;
      return;
    }
    if (this.buckets.size >= this.maxEntries) this.sweep();
    if (this.buckets.size >= this.maxEntries) {
      // Still full: drop the oldest entry (Map keeps insertion order).
      const first = this.buckets.keys().next();
      if (!first.done) this.buckets.delete(first.value);
    }
    this.buckets.set(key, { count: 1, resetAt: this.o.now() + this.o.windowMs });
  }

  sweep(): void {
    const now = this.o.now();
    for (const [k, b] of this.buckets) if (b.resetAt <= now) this.buckets.delete(k);
  }

  private live(key: string): Bucket | undefined {
    const b = this.buckets.get(key);
    if (b && b.resetAt <= this.o.now()) {
      this.buckets.delete(key);
      return undefined;
    }
    return b;
  }
}
