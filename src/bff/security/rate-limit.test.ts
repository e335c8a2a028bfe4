import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './rate-limit';

describe('LoginRateLimiter', () => {
  it('blocks after max failures until the window ends, per key', () => {
    let t = 0;
    const l = new LoginRateLimiter({ max: 3, windowMs: 60_000, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfterSeconds('a')).toBe(0);
      l.recordFailure('a');
    }
    expect(l.retryAfterSeconds('a')).toBe(60);
    expect(l.retryAfterSeconds('b')).toBe(0);
    t = 59_500;
    expect(l.retryAfterSeconds('a')).toBe(1);
    t = 60_000;
    expect(l.retryAfterSeconds('a')).toBe(0);
  });

  it('bounds the number of tracked clients', () => {
    const l = new LoginRateLimiter({ max: 1, windowMs: 60_000, now: () => 0, maxEntries: 10 });
    for (let i = 0; i < 100; i++) l.recordFailure(`ip${i}`);
    expect(l.retryAfterSeconds('ip99')).toBe(60);
    expect(l.retryAfterSeconds('ip0')).toBe(0);
  });
});
