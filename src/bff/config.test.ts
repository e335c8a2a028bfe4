import { describe, expect, it } from 'vitest';
import { loadBffConfig } from './config';

const base = { ROMA_ENDPOINT: 'http://127.0.0.1:9000', IAM_ENDPOINT: 'https://iam.example.com' };

describe('loadBffConfig', () => {
  it('applies defaults', () => {
    const c = loadBffConfig(base);
    expect(c.romaEndpoint).toBe('http://127.0.0.1:9000');
    expect(c.iamEndpoint).toBe('https://iam.example.com');
    expect(c.corsOrigins).toEqual([]);
    expect(c.idleTimeoutMs).toBe(30 * 60_000);
    expect(c.absoluteTimeoutMs).toBe(12 * 3_600_000);
    expect(c.upstreamTimeoutMs).toBe(30_000);
    expect(c.loginRateLimit).toEqual({ max: 10, windowMs: 300_000 });
    expect(c.trustProxy).toBe(false);
  });

  it('reads every variable', () => {
    const c = loadBffConfig({
      ...base,
      ROMA_ENDPOINT: 'http://127.0.0.1:9000/',
      CORS_ORIGINS: ' https://a.example.com , http://localhost:5173 ',
      SESSION_IDLE_TIMEOUT_MS: '60000',
      SESSION_ABSOLUTE_TIMEOUT_MS: '120000',
      UPSTREAM_TIMEOUT_MS: '5000',
      TRUST_PROXY: 'true',
    });
    expect(c.romaEndpoint).toBe('http://127.0.0.1:9000');
    expect(c.corsOrigins).toEqual(['https://a.example.com', 'http://localhost:5173']);
    expect(c.idleTimeoutMs).toBe(60000);
    expect(c.absoluteTimeoutMs).toBe(120000);
    expect(c.upstreamTimeoutMs).toBe(5000);
    expect(c.trustProxy).toBe(true);
  });

  it('lets overrides win and still checks them', () => {
    const c = loadBffConfig({}, { romaEndpoint: 'http://h:1', iamEndpoint: 'http://h:2', idleTimeoutMs: 5 });
    expect(c.romaEndpoint).toBe('http://h:1');
    expect(c.idleTimeoutMs).toBe(5);
    expect(() => loadBffConfig(base, { upstreamTimeoutMs: -1 })).toThrow(/upstreamTimeoutMs/);
    expect(() => loadBffConfig(base, { romaEndpoint: 'ftp://x' })).toThrow(/http or https/);
  });

  it.each([
    [{}, /ROMA_ENDPOINT is required/],
    [{ ...base, ROMA_ENDPOINT: 'not a url' }, /ROMA_ENDPOINT must be an absolute/],
    [{ ...base, IAM_ENDPOINT: 'http://iam/v3' }, /without path/],
    [{ ...base, IAM_ENDPOINT: 'http://user:pw@iam' }, /credentials/],
    [{ ...base, SESSION_IDLE_TIMEOUT_MS: '30m' }, /SESSION_IDLE_TIMEOUT_MS must be a whole number/],
    [{ ...base, UPSTREAM_TIMEOUT_MS: '-5' }, /UPSTREAM_TIMEOUT_MS/],
    [{ ...base, TRUST_PROXY: 'maybe' }, /TRUST_PROXY/],
    [{ ...base, CORS_ORIGINS: 'https://a.example.com/path' }, /CORS_ORIGINS/],
    [{ ...base, CORS_ORIGINS: '*' }, /CORS_ORIGINS/],
  ])('rejects bad environment %#', (env, message) => {
    expect(() => loadBffConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });
});
