import { describe, expect, it } from 'vitest';
import { hostnameOf, isPlainHttpLoopback, isWellFormedSessionId, newSessionId } from './cookie';

describe('session cookie helpers', () => {
  it('ids are 43 base64url chars and unique', () => {
    const ids = new Set(Array.from({ length: 100 }, newSessionId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isWellFormedSessionId(id)).toBe(true);
    expect(isWellFormedSessionId('short')).toBe(false);
    expect(isWellFormedSessionId(`${newSessionId()};x`)).toBe(false);
  });

  it('Secure is dropped only for plain http to loopback', () => {
    expect(isPlainHttpLoopback('http', '127.0.0.1:8080')).toBe(true);
    expect(isPlainHttpLoopback('http', 'localhost')).toBe(true);
    expect(isPlainHttpLoopback('http', '[::1]:8080')).toBe(true);
    expect(isPlainHttpLoopback('https', '127.0.0.1:8080')).toBe(false);
    expect(isPlainHttpLoopback('http', 'console.example.com')).toBe(false);
    expect(isPlainHttpLoopback('http', '127.0.0.1.nip.io')).toBe(false);
    expect(isPlainHttpLoopback('http', 'localhost.evil.com:80')).toBe(false);
    expect(isPlainHttpLoopback('http', undefined)).toBe(false);
  });

  it('hostnameOf strips ports', () => {
    expect(hostnameOf('Example.COM:443')).toBe('example.com');
    expect(hostnameOf('[::1]:80')).toBe('[::1]');
  });
});
