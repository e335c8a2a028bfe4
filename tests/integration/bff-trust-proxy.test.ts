// TRUST_PROXY behind a real reverse-proxy hop: a node:http proxy on loopback that forwards to the
// BFF and appends the address it saw to X-Forwarded-For (as nginx's $proxy_add_x_forwarded_for
// does). Clients connect from distinct loopback addresses (127.0.0.2, 127.0.0.3), so the client
// address the login rate limit and the audit trail use can be checked end to end.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/bff/audit/types';
import { startStack, type Stack } from '../support/stack';

async function startReverseProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const t = new URL(target);
  const server = http.createServer((req, res) => {
    const seen = req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '';
    const prior = req.headers['x-forwarded-for'];
    const headers = { ...req.headers, 'x-forwarded-for': prior ? `${String(prior)}, ${seen}` : seen, 'x-forwarded-proto': 'http' };
    const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A client whose connections come from `localAddress`. */
function client(localAddress: string) {
  const agent = new Agent({ localAddress });
  return {
    async send(url: string, path: string, opts: { method?: string; body?: unknown; cookie?: string; xff?: string } = {}) {
      const headers: Record<string, string> = { 'x-csrf': '1' };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      if (opts.cookie) headers.cookie = `roma_sid=${opts.cookie}`;
      if (opts.xff) headers['x-forwarded-for'] = opts.xff;
      const res = await request(`${url}${path}`, {
        method: (opts.method ?? 'GET') as 'GET',
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        dispatcher: agent,
      });
      const text = await res.body.text();
      const sc = res.headers['set-cookie'];
      const cookie = (Array.isArray(sc) ? sc : sc ? [sc] : []).map((c) => /^roma_sid=([^;]+)/.exec(c)?.[1]).find(Boolean);
      return { status: res.statusCode, json: text ? (JSON.parse(text) as unknown) : undefined, cookie };
    },
    close: () => agent.close(),
  };
}

describe.each([
  { trustProxy: true, label: 'TRUST_PROXY=true (one hop)' },
  { trustProxy: false, label: 'TRUST_PROXY unset' },
])('behind a reverse proxy, $label', ({ trustProxy }) => {
  let stack: Stack;
  let proxy: { url: string; close(): Promise<void> };
  const a = client('127.0.0.2');
  const b = client('127.0.0.3');
  beforeAll(async () => {
    stack = await startStack({ bff: { trustProxy, loginRateLimit: { max: 2, windowMs: 60_000 } } });
    proxy = await startReverseProxy(stack.bffUrl);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await proxy?.close();
    await stack?.close();
  });
  const creds = () => ({ username: stack.account.user, password: stack.account.password, domain: stack.account.domain, project: stack.account.project });

  it('the login rate limit and the audit trail use the right client address', async () => {
    const wrong = { ...creds(), password: 'wrong' };
    // Client A fails twice, then tries to pass as someone else with a forged X-Forwarded-For.
    expect((await a.send(proxy.url, '/bff/login', { method: 'POST', body: wrong })).status).toBe(401);
    expect((await a.send(proxy.url, '/bff/login', { method: 'POST', body: wrong, xff: '198.51.100.9' })).status).toBe(401);
    expect((await a.send(proxy.url, '/bff/login', { method: 'POST', body: creds(), xff: '198.51.100.10' })).status).toBe(429);
    const fromB = await b.send(proxy.url, '/bff/login', { method: 'POST', body: creds() });
    if (trustProxy) {
      // Each client is counted on its own address; the forged header fooled nobody.
      expect(fromB.status).toBe(200);
      let page: AuditPage = { total: 0, items: [] };
      for (let i = 0; i < 100 && page.total < 4; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 20)); // records are written just after each answer
        page = (await b.send(proxy.url, '/bff/audit?resource=/bff/login', { cookie: fromB.cookie })).json as AuditPage;
      }
      const ips = page.items.map((i) => `${i.status} ${i.client_ip}`).sort();
      expect(ips).toEqual(['200 127.0.0.3', '401 127.0.0.2', '401 127.0.0.2', '429 127.0.0.2'].sort());
    } else {
      // Without TRUST_PROXY every client is the proxy: B is blocked by A's failures.
      expect(fromB.status).toBe(429);
      const direct = await stack.login().catch(() => undefined);
      expect(direct).toBeUndefined(); // the direct caller is 127.0.0.1 too: the same blocked address
    }
  });
});
