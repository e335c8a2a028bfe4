// CORS, Origin check, security headers, static serving, and secrets never leaving the server
// (responses and logs), against a real roma-local.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKey } from '../../src/bff/session/manager';
import { MemorySessionStore } from '../../src/bff/session/store';
import { call, type CallResult } from '../support/http';
import { startStack, type Stack } from '../support/stack';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

function expectSecurityHeaders(res: CallResult) {
  expect(res.headers).toMatchObject(SECURITY_HEADERS);
  const csp = String(res.headers['content-security-policy']);
  for (const part of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp).toContain(part);
  }
}

const accessControl = (res: CallResult) => Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));

describe('CORS off by default, security headers everywhere', () => {
  let stack: Stack;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bff-static-'));
    await fs.mkdir(path.join(staticDir, 'assets'));
    await fs.writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>ROMA</title><div id="root"></div>');
    await fs.writeFile(path.join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    await fs.writeFile(path.join(staticDir, 'favicon.svg'), '<svg/>');
    await fs.writeFile(path.join(staticDir, '.env'), 'SECRET=1');
    stack = await startStack({ bff: { staticDir } });
  });
  afterAll(async () => {
    await stack?.close();
    await fs.rm(staticDir, { recursive: true, force: true });
  });

  it('sends no Access-Control-* header to any origin, and no preflight answer', async () => {
    const { cookie } = await stack.login();
    const get = await call(stack.bffUrl, `/api/v2/${stack.account.projectId}/instances`, {
      cookie,
      headers: { origin: 'https://evil.example.com' },
    });
    expect(accessControl(get)).toEqual([]);
    const preflight = await call(stack.bffUrl, '/bff/login', {
      method: 'OPTIONS',
      csrf: false,
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-csrf' },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(accessControl(preflight)).toEqual([]);
  });

  it('refuses state-changing requests from a foreign Origin (403), allows same-origin', async () => {
    const body = { username: stack.account.user, password: stack.account.password, domain: stack.account.domain, project: stack.account.project };
    const foreign = await call(stack.bffUrl, '/bff/login', { method: 'POST', body, headers: { origin: 'https://evil.example.com' } });
    expect(foreign.status).toBe(403);
    expect((foreign.json as { error_code: string }).error_code).toBe('BFF.0010');
    expect(foreign.setCookies).toEqual([]);
    const nullOrigin = await call(stack.bffUrl, '/bff/logout', { method: 'POST', headers: { origin: 'null' } });
    expect(nullOrigin.status).toBe(403);
    const same = await call(stack.bffUrl, '/bff/login', { method: 'POST', body, headers: { origin: stack.bffUrl } });
    expect(same.status).toBe(200);
  });

  it('every kind of response carries the security headers; /bff and /api are no-store', async () => {
    const responses = [
      await call(stack.bffUrl, '/healthz'),
      await call(stack.bffUrl, '/bff/session'),
      await call(stack.bffUrl, '/bff/session', { csrf: false }),
      await call(stack.bffUrl, `/api/v2/${stack.account.projectId}/instances`),
      await call(stack.bffUrl, '/api/v2/p/%zz'),
      await call(stack.bffUrl, '/'),
      await call(stack.bffUrl, '/assets/index-abc123.js'),
      await call(stack.bffUrl, '/nope.js'),
    ];
    for (const res of responses) expectSecurityHeaders(res);
    for (const res of responses.slice(1, 5)) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves the SPA: immutable hashed assets, no-cache index, fallback for navigations only', async () => {
    const index = await call(stack.bffUrl, '/', { csrf: false });
    expect(index.status).toBe(200);
    expect(index.text).toContain('<div id="root">');
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await call(stack.bffUrl, '/assets/index-abc123.js', { csrf: false });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const deep = await call(stack.bffUrl, '/i/abc/apps?offset=20', { csrf: false, headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="root">');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const missingAsset = await call(stack.bffUrl, '/assets/missing.js', { csrf: false, headers: { accept: '*/*' } });
    expect(missingAsset.status).toBe(404);
    expect((missingAsset.json as { error_code: string }).error_code).toBe('BFF.0014');
    const dotfile = await call(stack.bffUrl, '/.env', { csrf: false });
    expect(dotfile.text).not.toContain('SECRET');
    const traversal = await call(stack.bffUrl, '/assets/..%2f..%2fetc%2fpasswd', { csrf: false });
    expect(traversal.text).not.toContain('root:');
    // Unknown /api and /bff paths never fall back to the SPA.
    const apiHtml = await call(stack.bffUrl, '/bff/x', { headers: { accept: 'text/html' } });
    expect(apiHtml.status).toBe(404);
    expect((apiHtml.json as { error_code: string }).error_code).toBe('BFF.0014');
  });
});

describe('CORS with configured origins', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ bff: { corsOrigins: ['http://app.example.com'] } });
  });
  afterAll(async () => stack?.close());

  it('answers the listed origin exactly, with credentials and X-CSRF allowed', async () => {
    const preflight = await call(stack.bffUrl, '/bff/login', {
      method: 'OPTIONS',
      csrf: false,
      headers: { origin: 'http://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://app.example.com');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/X-CSRF/i);
    expect(String(preflight.headers['access-control-allow-methods'])).toMatch(/DELETE/);
    const body = { username: stack.account.user, password: stack.account.password, domain: stack.account.domain, project: stack.account.project };
    const login = await call(stack.bffUrl, '/bff/login', { method: 'POST', body, headers: { origin: 'http://app.example.com' } });
    expect(login.status).toBe(200);
    expect(login.headers['access-control-allow-origin']).toBe('http://app.example.com');
    expect(login.headers.vary).toMatch(/Origin/);
  });

  it('gives nothing to other origins, including near misses', async () => {
    for (const origin of ['http://app.example.com.evil.com', 'https://app.example.com', 'http://evil.example.com', 'null']) {
      const res = await call(stack.bffUrl, '/bff/session', { headers: { origin } });
      expect(accessControl(res), origin).toEqual([]);
      const pre = await call(stack.bffUrl, '/bff/login', {
        method: 'OPTIONS',
        csrf: false,
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(accessControl(pre), origin).toEqual([]);
    }
  });
});

describe('secrets never leave the server', () => {
  let stack: Stack;
  const logs: string[] = [];
  const store = new MemorySessionStore({ sweepIntervalMs: 0 });
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logs.push(chunk.toString());
        cb();
      },
    });
    stack = await startStack({ bff: { sessionStore: store, logger: { level: 'trace', stream } } });
  });
  afterAll(async () => stack?.close());

  it('no token in any response header or body, no password or cookie in the logs', async () => {
    const seen: CallResult[] = [];
    const body = { username: stack.account.user, password: stack.account.password, domain: stack.account.domain, project: stack.account.project };
    const login = await call(stack.bffUrl, '/bff/login', { method: 'POST', body });
    seen.push(login);
    const cookie = /^roma_sid=([^;]+)/.exec(login.setCookies[0]!)![1]!;
    const token = (await store.get(storeKey(cookie)))!.token;
    expect(token.length).toBeGreaterThan(10);
    const pid = stack.account.projectId;
    seen.push(await call(stack.bffUrl, '/bff/session', { cookie }));
    seen.push(await call(stack.bffUrl, `/api/v2/${pid}/instances`, { cookie }));
    seen.push(await call(stack.bffUrl, `/api/v2/${pid}/instances/none/apps/none`, { cookie }));
    seen.push(await call(stack.bffUrl, `/api/v2/${pid}/instances/none/dictionaries`, { cookie }));
    seen.push(await call(stack.bffUrl, '/api/v2/other/instances', { cookie }));
    seen.push(await call(stack.bffUrl, '/bff/login', { method: 'POST', body: { ...body, password: 'wrong' } }));
    seen.push(await call(stack.bffUrl, '/bff/logout', { method: 'POST', cookie }));
    for (const res of seen) {
      const all = JSON.stringify(res.headers) + res.text;
      expect(all).not.toContain(token);
      expect(all).not.toContain(stack.account.password);
      expect(res.headers['x-subject-token']).toBeUndefined();
      expect(res.headers['x-auth-token']).toBeUndefined();
    }
    const logText = logs.join('');
    expect(logText.length).toBeGreaterThan(0);
    expect(logText).not.toContain(token);
    expect(logText).not.toContain(stack.account.password);
    expect(logText).not.toContain(cookie);
  });
});

describe('static serving without a build', () => {
  it('answers a clear 404 BFF error instead of looping or crashing', async () => {
    const stack = await startStack({ bff: { staticDir: path.join(os.tmpdir(), 'bff-no-such-dist') } });
    try {
      for (const p of ['/', '/i/x/apps']) {
        const res = await call(stack.bffUrl, p, { csrf: false, headers: { accept: 'text/html' } });
        expect(res.status).toBe(404);
        expect(res.json).toMatchObject({ error_code: 'BFF.0014', error_msg: expect.stringMatching(/not built/) });
      }
    } finally {
      await stack.close();
    }
  });
});
