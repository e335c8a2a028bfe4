// BFF login, session cookie, CSRF, timeouts and logout, against a real roma-local.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sessionCookieValue } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { closedPortUrl, startEchoUpstream, startHangingUpstream } from '../support/test-upstreams';

const MIN = 60_000;

function expectBffError(res: { status: number; json: unknown; headers: Record<string, unknown> }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = res.json as { error_code: string; error_msg: string; request_id: string };
  expect(body.error_code).toBe(code);
  expect(typeof body.error_msg).toBe('string');
  expect(body.error_msg.length).toBeGreaterThan(0);
  expect(body.request_id).toBe(res.headers['x-request-id']);
}

/** The embedded account as the login form sends it. */
const credentials = (s: Stack) => ({
  username: s.account.user,
  password: s.account.password,
  domain: s.account.domain,
  project: s.account.project,
});

describe('BFF auth (shared stack)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ bff: { loginRateLimit: { max: 3, windowMs: 60_000 } } });
  });
  afterAll(async () => stack?.close());

  const api = () => `/api/v2/${stack.account.projectId}/instances`;

  it('GET /healthz answers without CSRF', async () => {
    const res = await call(stack.bffUrl, '/healthz', { csrf: false });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok', audit: { ok: true, failed_writes: 0 }, sessions: { store: 'memory', ok: true } });
  });

  it('refuses every /bff and /api route without X-CSRF: 1', async () => {
    const { cookie } = await stack.login();
    const cases: Array<[string, string]> = [
      ['POST', '/bff/login'],
      ['POST', '/bff/logout'],
      ['GET', '/bff/session'],
      ['GET', '/bff/unknown'],
      ['GET', api()],
      ['POST', `${api()}/x/apps`],
      ['DELETE', `${api()}/x/apps/y`],
      ['GET', '/api/unknown'],
    ];
    for (const [method, path] of cases) {
      for (const headers of [{}, { 'x-csrf': '0' }, { 'x-csrf': 'true' }, { 'x-csrf': '1, 1' }] as Array<Record<string, string>>) {
        const res = await call(stack.bffUrl, path, {
          method,
          csrf: false,
          headers,
          cookie,
          body: method === 'POST' ? { username: 'a', password: 'b', domain: 'c', project: 'd' } : undefined,
        });
        expectBffError(res, 401, 'BFF.0001');
      }
    }
    // The session survived all of that: logout without CSRF did nothing.
    expect((await call(stack.bffUrl, api(), { cookie })).status).toBe(200);
  });

  it('logs in: answers user/project/expiry, sets a strict HttpOnly cookie, no Secure on http://127.0.0.1', async () => {
    const res = await call(stack.bffUrl, '/bff/login', {
      method: 'POST',
      body: credentials(stack),
    });
    expect(res.status).toBe(200);
    const body = res.json as Record<string, unknown>;
    expect(body.user).toBe(stack.account.user);
    expect(body.project_id).toBe(stack.account.projectId);
    expect(Date.parse(body.expires_at as string)).toBeGreaterThan(Date.now());
    expect(Object.keys(body)).not.toContain('token');
    const sc = res.setCookies.find((c) => c.startsWith('roma_sid='))!;
    const id = sessionCookieValue(res.setCookies)!;
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(sc).toMatch(/; HttpOnly/);
    expect(sc).toMatch(/; SameSite=Strict/);
    expect(sc).toMatch(/; Path=\//);
    expect(sc).not.toMatch(/Secure/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sets Secure when the request is not plain http to loopback', async () => {
    const res = await call(stack.bffUrl, '/bff/login', {
      method: 'POST',
      headers: { host: 'console.example.com' },
      body: credentials(stack),
    });
    expect(res.status).toBe(200);
    expect(res.setCookies.find((c) => c.startsWith('roma_sid='))).toMatch(/; Secure/);
  });

  it('rotates the session id at every login; the old id is dead afterwards', async () => {
    const first = await stack.login();
    const second = await call(stack.bffUrl, '/bff/login', {
      method: 'POST',
      cookie: first.cookie,
      body: credentials(stack),
    });
    const newId = sessionCookieValue(second.setCookies)!;
    expect(newId).toBeTruthy();
    expect(newId).not.toBe(first.cookie);
    expectBffError(await call(stack.bffUrl, api(), { cookie: first.cookie }), 401, 'BFF.0002');
    expect((await call(stack.bffUrl, api(), { cookie: newId })).status).toBe(200);
  });

  it('ignores a planted (fixated) session id', async () => {
    const planted = 'A'.repeat(43);
    const res = await call(stack.bffUrl, '/bff/session', { cookie: planted });
    expect(res.json).toMatchObject({ authenticated: false });
    const login = await call(stack.bffUrl, '/bff/login', {
      method: 'POST',
      cookie: planted,
      body: credentials(stack),
    });
    expect(sessionCookieValue(login.setCookies)).not.toBe(planted);
    expectBffError(await call(stack.bffUrl, api(), { cookie: planted }), 401, 'BFF.0002');
  });

  it('GET /bff/session reports the session, and anonymous when there is none', async () => {
    const { cookie } = await stack.login();
    const res = await call(stack.bffUrl, '/bff/session', { cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ authenticated: true, user: stack.account.user, project_id: stack.account.projectId });
    const anon = await call(stack.bffUrl, '/bff/session');
    expect(anon.status).toBe(200);
    expect(anon.json).toEqual({ authenticated: false, user: null, project_id: null, expires_at: null });
  });

  it('without a session /api answers 401 BFF.0002', async () => {
    expectBffError(await call(stack.bffUrl, api()), 401, 'BFF.0002');
    expectBffError(await call(stack.bffUrl, api(), { cookie: 'garbage' }), 401, 'BFF.0002');
  });

  it('logout ends the server-side session and clears the cookie; fine without a session', async () => {
    const { cookie } = await stack.login();
    const out = await call(stack.bffUrl, '/bff/logout', { method: 'POST', cookie });
    expect(out.status).toBe(204);
    expect(out.setCookies.find((c) => c.startsWith('roma_sid='))).toMatch(/roma_sid=;.*Expires=Thu, 01 Jan 1970/);
    expectBffError(await call(stack.bffUrl, api(), { cookie }), 401, 'BFF.0002');
    expect((await call(stack.bffUrl, '/bff/session', { cookie })).json).toMatchObject({ authenticated: false });
    expect((await call(stack.bffUrl, '/bff/logout', { method: 'POST' })).status).toBe(204);
    // Any body, or a broken JSON body, does not stop a logout.
    const junk = await call(stack.bffUrl, '/bff/logout', { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } });
    expect(junk.status).toBe(204);
  });

  it('rejects bad login input with 400 BFF.0003 and bad JSON with 400 BFF.0012, never 5xx', async () => {
    const bad: unknown[] = [
      {},
      { username: 'a' },
      { username: '', password: 'x', domain: 'd', project: 'p' },
      { username: 'a', password: 'x', domain: 'd', project: 'p', extra: 1 },
      { username: 1, password: 'x', domain: 'd', project: 'p' },
      { username: 'a'.repeat(300), password: 'x', domain: 'd', project: 'p' },
      [],
      'string',
      42,
      null,
    ];
    for (const body of bad) {
      const res = await call(stack.bffUrl, '/bff/login', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      expectBffError(res, 400, 'BFF.0003');
    }
    for (const text of ['{bad', '', '{"__proto__":{"x":1},"username":"a"}', '\u0000']) {
      const res = await call(stack.bffUrl, '/bff/login', { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect((res.json as { error_code: string }).error_code).toMatch(/^BFF\.00(03|12)$/);
    }
    const plain = await call(stack.bffUrl, '/bff/login', { method: 'POST', body: 'user=a', headers: { 'content-type': 'text/plain' } });
    expectBffError(plain, 400, 'BFF.0003');
    const form = await call(stack.bffUrl, '/bff/login', {
      method: 'POST',
      body: 'user=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectBffError(form, 415, 'BFF.0015');
    const huge = await call(stack.bffUrl, '/bff/login', {
      method: 'POST',
      body: { username: 'a', password: 'x'.repeat(20_000), domain: 'd', project: 'p' },
    });
    expectBffError(huge, 413, 'BFF.0013');
    const wrongMethod = await call(stack.bffUrl, '/bff/login');
    expectBffError(wrongMethod, 405, 'BFF.0007');
  });
});

describe('BFF login failures and rate limit', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ bff: { loginRateLimit: { max: 3, windowMs: 60_000 } } });
  });
  afterAll(async () => stack?.close());

  it('wrong password → 401 BFF.0004; after 3 failures → 429 with Retry-After, even with the right password', async () => {
    const wrong = { ...credentials(stack), password: 'wrong' };
    for (let i = 0; i < 3; i++) {
      const res = await call(stack.bffUrl, '/bff/login', { method: 'POST', body: wrong });
      expectBffError(res, 401, 'BFF.0004');
      expect(res.setCookies).toEqual([]);
    }
    const limited = await call(stack.bffUrl, '/bff/login', { method: 'POST', body: wrong });
    expectBffError(limited, 429, 'BFF.0005');
    const retry = Number(limited.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    const right = await call(stack.bffUrl, '/bff/login', { method: 'POST', body: { ...wrong, password: stack.account.password } });
    expectBffError(right, 429, 'BFF.0005');
  });

  it('wrong domain or project also answer 401 BFF.0004', async () => {
    const s2 = await startStack();
    try {
      for (const o of [{ domain: 'nope' }, { project: 'nope' }, { username: 'nobody' }]) {
        const res = await call(s2.bffUrl, '/bff/login', {
          method: 'POST',
          body: { username: s2.account.user, password: s2.account.password, domain: s2.account.domain, project: s2.account.project, ...o },
        });
        expectBffError(res, 401, 'BFF.0004');
      }
    } finally {
      await s2.close();
    }
  });
});

describe('BFF login with IAM unreachable', () => {
  it('answers 502 BFF.0008 with a request id', async () => {
    const down = await closedPortUrl();
    const stack = await startStack({ bff: { iamEndpoint: down } });
    try {
      const res = await call(stack.bffUrl, '/bff/login', {
        method: 'POST',
        body: { username: 'a', password: 'b', domain: 'c', project: 'd' },
        headers: { 'x-request-id': 'trace-iam-down' },
      });
      expectBffError(res, 502, 'BFF.0008');
      expect((res.json as { request_id: string }).request_id).toBe('trace-iam-down');
    } finally {
      await stack.close();
    }
  });
});

describe('BFF login with a broken or slow IAM', () => {
  const body = { username: 'a', password: 'b', domain: 'c', project: 'd' };

  it('an IAM answer without a token → 502 BFF.0016, and no cookie', async () => {
    const echo = await startEchoUpstream();
    const stack = await startStack({ bff: { iamEndpoint: echo.url } });
    try {
      const res = await call(stack.bffUrl, '/bff/login', { method: 'POST', body });
      expectBffError(res, 502, 'BFF.0016');
      expect(res.setCookies).toEqual([]);
      // The password went to IAM only, in the body, never in the URL.
      expect(echo.requests[0]!.url).toBe('/v3/auth/tokens?nocatalog=true');
      expect(JSON.parse(echo.requests[0]!.body)).toMatchObject({
        auth: { identity: { methods: ['password'], password: { user: { name: 'a', password: 'b', domain: { name: 'c' } } } }, scope: { project: { name: 'd' } } },
      });
    } finally {
      await stack.close();
      await echo.close();
    }
  });

  it('a silent IAM → 504 BFF.0009', async () => {
    const hang = await startHangingUpstream();
    const stack = await startStack({ bff: { iamEndpoint: hang.url, upstreamTimeoutMs: 300 } });
    try {
      expectBffError(await call(stack.bffUrl, '/bff/login', { method: 'POST', body }), 504, 'BFF.0009');
    } finally {
      await stack.close();
      await hang.close();
    }
  });
});

describe('BFF session timeouts (fake clock)', () => {
  let t = Date.now();
  const clock = () => t;
  let stack: Stack;
  beforeAll(async () => {
    // roma-local keeps the real clock (24 h tokens); only the BFF's clock moves.
    stack = await startStack({ bff: { now: clock, absoluteTimeoutMs: 120 * MIN } });
  });
  afterAll(async () => stack?.close());
  const api = () => `/api/v2/${stack.account.projectId}/instances`;

  it('idle timeout: use extends it, GET /bff/session does not; expiry deletes the session', async () => {
    const { cookie } = await stack.login();
    t += 20 * MIN;
    expect((await call(stack.bffUrl, api(), { cookie })).status).toBe(200);
    t += 20 * MIN; // 40 min after login, 20 after last use
    expect((await call(stack.bffUrl, api(), { cookie })).status).toBe(200);
    t += 20 * MIN;
    expect((await call(stack.bffUrl, '/bff/session', { cookie })).json).toMatchObject({ authenticated: true });
    t += 11 * MIN; // 31 min after last use; the session check above did not count
    const expired = await call(stack.bffUrl, api(), { cookie });
    expectBffError(expired, 401, 'BFF.0002');
    expect(expired.setCookies.find((c) => c.startsWith('roma_sid='))).toMatch(/roma_sid=;/);
    t -= 30 * MIN; // even going back in time does not revive it: it is gone
    expectBffError(await call(stack.bffUrl, api(), { cookie }), 401, 'BFF.0002');
  });

  it('absolute timeout ends a session that is used all the time', async () => {
    const { cookie, body } = await stack.login();
    const deadline = Date.parse((body as { expires_at: string }).expires_at);
    expect(deadline).toBe(t + 120 * MIN);
    for (let i = 0; i < 11; i++) {
      t += 10 * MIN;
      expect((await call(stack.bffUrl, api(), { cookie })).status).toBe(200);
    }
    t += 10 * MIN; // 120 min after login
    expectBffError(await call(stack.bffUrl, api(), { cookie }), 401, 'BFF.0002');
    expect((await call(stack.bffUrl, '/bff/session', { cookie })).json).toMatchObject({ authenticated: false });
  });
});

describe('BFF upstream token expiry', () => {
  it('an upstream 401 (expired token) ends the session and answers 401 BFF.0002', async () => {
    let romaNow = Date.now();
    // roma-local's clock moves; the BFF keeps the real one, so only the upstream notices the expiry.
    const stack = await startStack({ tokenTtlSeconds: 60, now: () => romaNow, bff: { now: Date.now } });
    try {
      const { cookie, body } = await stack.login();
      // The session never outlives the token.
      expect(Date.parse((body as { expires_at: string }).expires_at)).toBeLessThanOrEqual(romaNow + 60_000);
      const api = `/api/v2/${stack.account.projectId}/instances`;
      expect((await call(stack.bffUrl, api, { cookie })).status).toBe(200);
      romaNow += 120_000;
      const res = await call(stack.bffUrl, api, { cookie });
      expectBffError(res, 401, 'BFF.0002');
      expect(res.setCookies.find((c) => c.startsWith('roma_sid='))).toMatch(/roma_sid=;/);
      expect((await call(stack.bffUrl, '/bff/session', { cookie })).json).toMatchObject({ authenticated: false });
    } finally {
      await stack.close();
    }
  });
});
