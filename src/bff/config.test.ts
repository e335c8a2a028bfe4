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
    expect(c.trustProxy).toBe(1);
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

describe('loadBffConfig: team settings', () => {
  const key = Buffer.alloc(32, 7);

  it('ROMA_REGION names both endpoints; ROMA_ENDPOINT / IAM_ENDPOINT still win', () => {
    const c = loadBffConfig({ ROMA_REGION: 'cn-north-4' });
    expect(c.romaEndpoint).toBe('https://roma.cn-north-4.myhuaweicloud.com');
    expect(c.iamEndpoint).toBe('https://iam.cn-north-4.myhuaweicloud.com');
    expect(c.region).toBe('cn-north-4');
    const o = loadBffConfig({ ROMA_REGION: 'ap-southeast-1', IAM_ENDPOINT: 'https://iam.example.com' });
    expect(o.romaEndpoint).toBe('https://roma.ap-southeast-1.myhuaweicloud.com');
    expect(o.iamEndpoint).toBe('https://iam.example.com');
    expect(() => loadBffConfig({ ROMA_REGION: 'cn north' })).toThrow(/ROMA_REGION/);
    expect(() => loadBffConfig({ ROMA_REGION: 'evil.com/x' })).toThrow(/ROMA_REGION/);
  });

  it('REDIS_URL needs SESSION_ENCRYPTION_KEY: 32 bytes as hex or base64', () => {
    expect(() => loadBffConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/SESSION_ENCRYPTION_KEY is required/);
    const hex = loadBffConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379', SESSION_ENCRYPTION_KEY: key.toString('hex') });
    expect(hex.sessionEncryptionKey).toEqual(key);
    expect(hex.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(hex.redisKeyPrefix).toBe('roma:bff:');
    const b64 = loadBffConfig({ ...base, REDIS_URL: 'rediss://r:6380/2', SESSION_ENCRYPTION_KEY: key.toString('base64') });
    expect(b64.sessionEncryptionKey).toEqual(key);
    expect(loadBffConfig({ ...base, SESSION_ENCRYPTION_KEY: key.toString('base64url') }).sessionEncryptionKey).toEqual(key);
    for (const bad of ['short', Buffer.alloc(16).toString('hex'), Buffer.alloc(31).toString('base64'), 'z'.repeat(64)]) {
      expect(() => loadBffConfig({ ...base, SESSION_ENCRYPTION_KEY: bad })).toThrow(/32 bytes/);
    }
    expect(() => loadBffConfig({ ...base, REDIS_URL: 'http://r:6379' })).toThrow(/REDIS_URL/);
  });

  it('audit settings: data folder, PostgreSQL URL, retention days', () => {
    const d = loadBffConfig(base);
    expect(d.auditRetentionDays).toBe(90);
    expect(d.auditDir).toBeUndefined();
    const c = loadBffConfig({ ...base, AUDIT_DIR: '/var/lib/roma', AUDIT_DATABASE_URL: 'postgres://u@db/audit', AUDIT_RETENTION_DAYS: '30' });
    expect(c).toMatchObject({ auditDir: '/var/lib/roma', auditDatabaseUrl: 'postgres://u@db/audit', auditRetentionDays: 30 });
    expect(() => loadBffConfig({ ...base, AUDIT_RETENTION_DAYS: '0' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => loadBffConfig({ ...base, AUDIT_RETENTION_DAYS: '1.5' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => loadBffConfig({ ...base, AUDIT_DATABASE_URL: 'mysql://db/x' })).toThrow(/AUDIT_DATABASE_URL/);
  });

  it('TRUST_PROXY true means one hop; a number of hops is accepted', () => {
    expect(loadBffConfig({ ...base, TRUST_PROXY: 'yes' }).trustProxy).toBe(1);
    expect(loadBffConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadBffConfig({ ...base, TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadBffConfig(base, { trustProxy: true }).trustProxy).toBe(1);
  });
});
