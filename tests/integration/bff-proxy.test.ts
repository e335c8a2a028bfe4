// The /api proxy: header allow-lists, path/project/method checks, pass-through of upstream
// answers, body limits and upstream faults. roma-local is real; the echo/hanging upstreams are
// this test's own servers standing in for a broken or observed network, not for roma-local.
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKey } from '../../src/bff/session/manager';
import { MemorySessionStore } from '../../src/bff/session/store';
import { call, rawStatus } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { closedPortUrl, startEchoUpstream, startHangingUpstream, type TestUpstream } from '../support/test-upstreams';

function expectBffError(res: { status: number; json: unknown; headers: Record<string, unknown> }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = res.json as { error_code: string; request_id: string };
  expect(body.error_code).toBe(code);
  expect(body.request_id).toBe(res.headers['x-request-id']);
}

describe('proxy against roma-local', () => {
  let stack: Stack;
  let cookie: string;
  beforeAll(async () => {
    stack = await startStack();
    cookie = (await stack.login()).cookie;
  });
  afterAll(async () => stack?.close());
  const base = () => `/api/v2/${stack.account.projectId}`;

  it('forwards a list call with its query string', async () => {
    const res = await call(stack.bffUrl, `${base()}/instances?offset=0&limit=1`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json).toMatchObject({ size: 1 });
    const bad = await call(stack.bffUrl, `${base()}/instances?limit=abc`, { cookie });
    expect(bad.status).toBe(400); // roma-local's own validation, passed through
  });

  it('a forged X-Auth-Token, Authorization or Cookie from the browser never replaces the session token', async () => {
    const res = await call(stack.bffUrl, `${base()}/instances`, {
      cookie: `roma_sid=${cookie}; other=1`,
      headers: { 'x-auth-token': 'forged', authorization: 'Bearer forged', 'x-subject-token': 'forged' },
    });
    expect(res.status).toBe(200);
  });

  it('passes upstream errors through unchanged: status, body, content type, request id', async () => {
    const res = await call(stack.bffUrl, `${base()}/instances/no-such-instance/apps/no-such-app`, {
      cookie,
      headers: { 'x-request-id': 'browser-rid-1' },
    });
    expect(res.status).toBe(404);
    const body = res.json as { error_code: string; error_msg: string; request_id?: string };
    expect(body.error_code).toMatch(/^ROMA\./);
    const upstreamRid = res.headers['x-request-id'];
    expect(upstreamRid).toBeTruthy();
    expect(upstreamRid).not.toBe('browser-rid-1'); // roma-local makes its own ids; the BFF keeps the upstream's
    if (body.request_id !== undefined) expect(body.request_id).toBe(upstreamRid);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('creates, reads and deletes through the proxy (bodies stream both ways)', async () => {
    const list = await call(stack.bffUrl, `${base()}/instances`, { cookie });
    const instanceId = (list.json as { instances: Array<{ id: string }> }).instances[0]!.id;
    const created = await call(stack.bffUrl, `${base()}/instances/${instanceId}/apps`, {
      method: 'POST',
      cookie,
      body: { name: 'bff_proxy_test', remark: 'via the BFF' },
    });
    expect(created.status).toBeLessThan(300);
    const appId = (created.json as { id: string }).id;
    const read = await call(stack.bffUrl, `${base()}/instances/${instanceId}/apps/${appId}`, { cookie });
    expect(read.json).toMatchObject({ name: 'bff_proxy_test' });
    const del = await call(stack.bffUrl, `${base()}/instances/${instanceId}/apps/${appId}`, { method: 'DELETE', cookie });
    expect(del.status).toBeLessThan(300);
    expect((await call(stack.bffUrl, `${base()}/instances/${instanceId}/apps/${appId}`, { cookie })).status).toBe(404);
  });

  it('bad JSON bodies get a 4xx (from the upstream), never a 5xx', async () => {
    const list = await call(stack.bffUrl, `${base()}/instances`, { cookie });
    const instanceId = (list.json as { instances: Array<{ id: string }> }).instances[0]!.id;
    for (const body of ['{bad', '[]', 'null', '"x"', '{"name":1}']) {
      const res = await call(stack.bffUrl, `${base()}/instances/${instanceId}/apps`, {
        method: 'POST',
        cookie,
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
    }
  });

  it('refuses another project with 403 BFF.0006', async () => {
    expectBffError(await call(stack.bffUrl, '/api/v2/0123456789abcdef0123456789abcdef/instances', { cookie }), 403, 'BFF.0006');
  });

  it.each([
    '/../../v3/auth/tokens',
    '/instances/../../other/instances',
    '/./instances',
    '//instances',
    '/instances%2f..%2f..%2fx',
    '/instances%2F..',
    '/instances%5c..%5cx',
    '/%2e%2e/%2e%2e/v3/auth/tokens',
    '/instances%00',
    '/instances%0d%0aX-Injected:%201',
    '/instances%zz',
  ])('refuses the path %j with 400 BFF.0011', async (suffix) => {
    expectBffError(await call(stack.bffUrl, `${base()}${suffix}`, { cookie }), 400, 'BFF.0011');
  });

  it('refuses raw control characters and backslashes (400, never forwarded)', async () => {
    for (const path of [`${base()}/a\\..\\b`, `${base()}/a\u0001b`, `${base()}/a\u0000b`]) {
      const res = await rawStatus(stack.bffUrl, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-CSRF: 1\r\nCookie: roma_sid=${cookie}\r\nConnection: close\r\n\r\n`);
      expect(res.status, JSON.stringify(path)).toBe(400);
    }
  });

  it('refuses absolute-form and asterisk request targets, which would dodge the prefix checks', async () => {
    for (const target of ['http://127.0.0.1/bff/logout', `http://127.0.0.1${base()}/instances`, '*']) {
      const res = await rawStatus(
        stack.bffUrl,
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: roma_sid=${cookie}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status, target).toBe(400);
    }
    expect((await call(stack.bffUrl, '/bff/session', { cookie })).json).toMatchObject({ authenticated: true });
  });

  it.each(['HEAD', 'OPTIONS', 'TRACE', 'PROPFIND'])('refuses method %s with 405', async (method) => {
    const res = await call(stack.bffUrl, `${base()}/instances`, { method, cookie });
    expect(res.status).toBe(405);
    if (method !== 'HEAD') expect((res.json as { error_code: string }).error_code).toBe('BFF.0007');
  });

  it('unknown /api and /bff paths are 404 BFF errors', async () => {
    expectBffError(await call(stack.bffUrl, '/api/v3/auth/tokens', { cookie }), 404, 'BFF.0014');
    expectBffError(await call(stack.bffUrl, '/api', { cookie }), 404, 'BFF.0014');
    expectBffError(await call(stack.bffUrl, '/bff/nothing', { cookie }), 404, 'BFF.0014');
    expectBffError(await call(stack.bffUrl, '/nothing', { headers: { accept: 'text/html' } }), 404, 'BFF.0014');
  });

  it('echoes a sane X-Request-Id and replaces an insane one', async () => {
    const ok = await call(stack.bffUrl, '/bff/session', { headers: { 'x-request-id': 'abc-DEF_123' } });
    expect(ok.headers['x-request-id']).toBe('abc-DEF_123');
    for (const bad of ['a'.repeat(65), 'a b', 'a;b', '<script>']) {
      const res = await call(stack.bffUrl, '/bff/session', { headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).not.toBe(bad);
      expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }
  });
});

describe('proxy header allow-lists (echo upstream)', () => {
  let echo: TestUpstream;
  let stack: Stack;
  const store = new MemorySessionStore({ sweepIntervalMs: 0 });
  beforeAll(async () => {
    echo = await startEchoUpstream();
    stack = await startStack({ bff: { romaEndpoint: echo.url, sessionStore: store, maxBodyBytes: 1024 } });
  });
  afterAll(async () => {
    await stack?.close();
    await echo?.close();
  });

  it('sends only the session token and the allow-listed headers upstream, with the query as-is', async () => {
    const { cookie } = await stack.login();
    const token = (await store.get(storeKey(cookie)))!.token;
    const pid = stack.account.projectId;
    echo.requests.length = 0;
    const res = await call(stack.bffUrl, `/api/v2/${pid}/instances/i1/apps?name=a%20b&offset=0&x=%E4%B8%AD&flag`, {
      method: 'POST',
      cookie: `roma_sid=${cookie}; tracking=1`,
      headers: {
        authorization: 'Bearer from-browser',
        'x-auth-token': 'from-browser',
        'x-subject-token': 'from-browser',
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-host': 'evil.example.com',
        'x-forwarded-proto': 'https',
        'x-project-id': 'other',
        'x-real-ip': '6.6.6.6',
        'accept-language': 'zh-CN',
        accept: 'application/json',
        'x-request-id': 'trace-123',
      },
      body: { name: 'x' },
    });
    expect(res.status).toBe(200);
    expect(echo.requests).toHaveLength(1);
    const seen = echo.requests[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe(`/v2/${pid}/instances/i1/apps?name=a%20b&offset=0&x=%E4%B8%AD&flag`);
    expect(seen.body).toBe('{"name":"x"}');
    expect(seen.headers['x-auth-token']).toBe(token);
    expect(seen.headers['x-request-id']).toBe('trace-123');
    expect(seen.headers['accept-language']).toBe('zh-CN');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers.host).toBe(new URL(echo.url).host);
    for (const h of ['cookie', 'authorization', 'x-subject-token', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-project-id', 'x-real-ip', 'x-csrf']) {
      expect(seen.headers[h], h).toBeUndefined();
    }
    // Response: useful headers pass, cookies, tokens and security overrides do not.
    expect(res.headers['x-request-id']).toBe('echo-upstream-rid');
    expect(res.headers['retry-after']).toBe('7');
    expect(res.headers['content-disposition']).toBe('attachment; filename="echo.json"');
    expect(res.setCookies).toEqual([]);
    expect(res.headers['x-subject-token']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'self'/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('passes upstream statuses and sends 204 without a body', async () => {
    const { cookie } = await stack.login();
    const pid = stack.account.projectId;
    for (const status of [400, 403, 404, 409, 429, 500, 503]) {
      const res = await call(stack.bffUrl, `/api/v2/${pid}/x?status=${status}`, { cookie });
      expect(res.status).toBe(status);
      expect(res.headers['x-request-id']).toBe('echo-upstream-rid');
    }
    const noContent = await call(stack.bffUrl, `/api/v2/${pid}/x?status=204`, { method: 'DELETE', cookie });
    expect(noContent.status).toBe(204);
    expect(noContent.text).toBe('');
  });

  it('refuses bodies over the limit with 413, declared or streamed', async () => {
    const { cookie } = await stack.login();
    const pid = stack.account.projectId;
    echo.requests.length = 0;
    const declared = await call(stack.bffUrl, `/api/v2/${pid}/x`, {
      method: 'POST',
      cookie,
      body: JSON.stringify({ data: 'x'.repeat(2000) }),
      headers: { 'content-type': 'application/json' },
    });
    expectBffError(declared, 413, 'BFF.0013');
    // No Content-Length: the body arrives chunked and is cut off by the streaming limit.
    const chunks = Readable.from(Array.from({ length: 8 }, () => Buffer.alloc(512, 'a')));
    const streamed = await request(`${stack.bffUrl}/api/v2/${pid}/x`, {
      method: 'PUT',
      headers: { 'x-csrf': '1', cookie: `roma_sid=${cookie}`, 'content-type': 'application/octet-stream' },
      body: chunks,
    });
    const text = await streamed.body.text();
    expect(streamed.statusCode).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ error_code: 'BFF.0013' });
    // Nothing complete reached the upstream.
    expect(echo.requests.filter((r) => r.body.length > 1024)).toEqual([]);
  });

  it('an upstream 401 ends the session', async () => {
    const { cookie } = await stack.login();
    const pid = stack.account.projectId;
    const res = await call(stack.bffUrl, `/api/v2/${pid}/x?status=401`, { cookie });
    expectBffError(res, 401, 'BFF.0002');
    expect(res.headers['x-request-id']).toBe('echo-upstream-rid'); // the upstream's id is kept for support
    expect(await store.get(storeKey(cookie))).toBeUndefined();
  });
});

describe('proxy faults', () => {
  it('upstream down → 502 BFF.0008 with request id', async () => {
    const down = await closedPortUrl();
    const stack = await startStack({ bff: { romaEndpoint: down } });
    try {
      const { cookie } = await stack.login();
      const res = await call(stack.bffUrl, `/api/v2/${stack.account.projectId}/instances`, {
        cookie,
        headers: { 'x-request-id': 'trace-down' },
      });
      expectBffError(res, 502, 'BFF.0008');
      expect((res.json as { request_id: string }).request_id).toBe('trace-down');
    } finally {
      await stack.close();
    }
  });

  it('upstream too slow → 504 BFF.0009 with request id', async () => {
    const hang = await startHangingUpstream();
    const stack = await startStack({ bff: { romaEndpoint: hang.url, upstreamTimeoutMs: 300 } });
    try {
      const { cookie } = await stack.login();
      const res = await call(stack.bffUrl, `/api/v2/${stack.account.projectId}/instances`, { cookie });
      expectBffError(res, 504, 'BFF.0009');
      expect(hang.requests).toHaveLength(1);
    } finally {
      await stack.close();
      await hang.close();
    }
  });
});
