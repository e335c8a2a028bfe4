// APIC test support: a real roma-local (management API + gateway on ephemeral ports), a client
// for both, and real HTTP backends on ephemeral ports.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { call, session, start } from '../../src/roma-local/test-helpers';

export async function startApic(opts: Parameters<typeof start>[0] = {}) {
  const h = await start(opts);
  const s = await session(h);
  const base = `/v2/${s.pid}/apic/instances/${s.instanceId}`;
  const api = (method: string, p: string, body?: unknown, headers?: Record<string, string>) =>
    call(h.url, method, `${base}${p}`, { token: s.token, body, headers });
  const gatewayUrl = h.endpoints.gateway!;
  /** A call through the gateway (Host picks the group; fetch cannot set Host, undici can). */
  async function gw(method: string, path: string, o: { host: string; headers?: Record<string, string>; body?: string }) {
    const res = await request(`${gatewayUrl}${path}`, { method: method as 'GET', headers: { host: o.host, ...o.headers }, body: o.body });
    const text = await res.body.text();
    let json: any = null; // eslint-disable-line @typescript-eslint/no-explicit-any
    try { json = JSON.parse(text); } catch { json = null; }
    return { status: res.statusCode, headers: res.headers, text, body: json };
  }
  async function group(name: string) {
    const r = await api('POST', '/api-groups', { name });
    if (r.status !== 201) throw new Error(`group: ${r.status} ${r.text}`);
    return r.body as { id: string; sl_domain: string };
  }
  async function createApi(def: Record<string, unknown>) {
    const r = await api('POST', '/apis', def);
    if (r.status !== 201) throw new Error(`api: ${r.status} ${r.text}`);
    return r.body as { id: string; name: string };
  }
  async function publish(apiId: string, envId = 'DEFAULT_ENVIRONMENT_RELEASE_ID') {
    const r = await api('POST', '/apis/action', { action: 'online', api_id: apiId, env_id: envId });
    if (r.status !== 201) throw new Error(`publish: ${r.status} ${r.text}`);
    return r.body as { version_id: string; publish_id: string };
  }
  return { h, s, base, api, gw, gatewayUrl, group, createApi, publish, close: () => h.close() };
}

export const mockApi = (groupId: string, over: Record<string, unknown> = {}) => ({
  name: `mock_${Math.random().toString(36).slice(2, 8)}`, type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/m',
  auth_type: 'NONE', backend_type: 'MOCK', group_id: groupId, mock_info: { status_code: 200, result_content: 'ok' }, ...over,
});

export interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }

/** A real backend on an ephemeral port recording what it receives. `handler` may delay or fail. */
export async function backend(handler?: (req: http.IncomingMessage, res: http.ServerResponse, seen: Seen) => void) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(s);
      if (handler) return handler(req, res, s);
      res.writeHead(200, { 'content-type': 'application/json', 'x-backend': 'yes' });
      res.end(JSON.stringify({ method: s.method, url: s.url }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port, host: `127.0.0.1:${port}`, seen,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** A port that refuses connections (a server bound then closed). */
export async function deadPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
