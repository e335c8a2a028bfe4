// What the login page gets when IAM refuses: one BFF code and message per kind of IAM answer
// (400, 403, 404, 429, 5xx), from a test IAM that answers each status for its own user name.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { expectBffErrorShape } from './bff-team-support';

describe('IAM refusals at login', () => {
  let iam: http.Server;
  let stack: Stack;
  beforeAll(async () => {
    // The user name says which status this IAM answers, e.g. "status-429".
    iam = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { auth: { identity: { password: { user: { name: string } } } } };
        const status = Number(/status-(\d{3})/.exec(body.auth.identity.password.user.name)?.[1] ?? 401);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (status === 429) headers['retry-after'] = '42';
        res.writeHead(status, headers);
        res.end(JSON.stringify({ error: { code: String(status), message: 'iam says no', title: 'x' } }));
      });
    });
    await new Promise<void>((r) => iam.listen(0, '127.0.0.1', r));
    stack = await startStack({ bff: { iamEndpoint: `http://127.0.0.1:${(iam.address() as AddressInfo).port}`, loginRateLimit: { max: 2, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await stack?.close();
    iam?.closeAllConnections();
    await new Promise((r) => iam?.close(r));
  });

  const login = (username: string) =>
    call(stack.bffUrl, '/bff/login', { method: 'POST', body: { username, password: 'pw', domain: 'dom', project: 'cn-north-4' } });

  it.each([
    ['status-400', 400, 'BFF.0020', /refused the login request/],
    ['status-404', 400, 'BFF.0020', /refused the login request/],
    ['status-403', 403, 'BFF.0017', /lacks permission/],
    ['status-429', 429, 'BFF.0021', /limiting logins/],
    ['status-500', 502, 'BFF.0022', /failed with HTTP 500/],
    ['status-503', 502, 'BFF.0022', /failed with HTTP 503/],
    ['status-418', 502, 'BFF.0016', /answered HTTP 418/],
  ])('IAM %s → %i %s, no cookie, not counted by the rate limit', async (user, status, code, msg) => {
    for (let i = 0; i < 3; i++) {
      const res = await login(user);
      expect(res.status).toBe(status);
      const e = expectBffErrorShape(res);
      expect(e.code).toBe(code);
      expect((res.json as { error_msg: string }).error_msg).toMatch(msg);
      expect(res.setCookies).toEqual([]);
      if (code === 'BFF.0021') expect(res.headers['retry-after']).toBe('42');
    }
  });

  it('IAM 401 → 401 BFF.0004 and counts: the BFF limit then answers its own 429 BFF.0005', async () => {
    expect(expectBffErrorShape(await login('status-401')).code).toBe('BFF.0004');
    expect(expectBffErrorShape(await login('status-401')).code).toBe('BFF.0004');
    const limited = await login('status-401');
    expect(limited.status).toBe(429);
    expect(expectBffErrorShape(limited).code).toBe('BFF.0005');
  });
});
