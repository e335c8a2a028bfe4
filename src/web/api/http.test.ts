// The fetch-based HTTP client against a real local server: query strings as axios built them, the
// CSRF header, JSON and form bodies, every failure an ApiError, 401 → session-expired event.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onUnauthorized } from './authEvents';
import { ApiError } from './errors';
import { buildUrl, http as client } from './http';

interface Seen { method?: string; url?: string; csrf?: string; type?: string; body: string }
let seen: Seen = { body: '' };
let base = '';
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen = { method: req.method, url: req.url, csrf: req.headers['x-csrf'] as string, type: req.headers['content-type'], body };
    const path = (req.url ?? '').split('?')[0];
    if (path === '/json') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
    if (path === '/text') return res.writeHead(200, { 'content-type': 'text/plain' }).end('{"not":"parsed"}');
    if (path === '/empty') return res.writeHead(204).end();
    if (path === '/401') return res.writeHead(401, { 'content-type': 'application/json' }).end('{"error_code":"APIG.0307","error_msg":"token expired"}');
    if (path === '/400') return res.writeHead(400, { 'content-type': 'application/json', 'x-request-id': 'rid-1' }).end('{"error_code":"ROMA.1","error_msg":"bad"}');
    if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 2000);
    res.writeHead(404).end('nope');
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('buildUrl', () => {
  it('encodes like axios and leaves out undefined and null', () => {
    expect(buildUrl('/x', { a: 'b c', k: 'x:y,z$', n: 0, u: undefined, z: null, f: false })).toBe('/x?a=b+c&k=x:y,z$&n=0&f=false');
    expect(buildUrl('/x?y=1', { a: '中/&' })).toBe('/x?y=1&a=%E4%B8%AD%2F%26');
    expect(buildUrl('/x', { ids: ['1', '2'] })).toBe('/x?ids%5B%5D=1&ids%5B%5D=2');
    expect(buildUrl('/x', {})).toBe('/x');
  });
});

describe('http', () => {
  it('GET with params and the CSRF header; JSON parsed', async () => {
    const res = await client.get(`${base}/json`, { params: { offset: 0, name: 'a b' } });
    expect(res.data).toEqual({ a: 1 });
    expect(seen).toMatchObject({ method: 'GET', url: '/json?offset=0&name=a+b', csrf: '1' });
  });

  it('POST/PUT send JSON; a form is sent as multipart; DELETE and an empty answer', async () => {
    await client.post(`${base}/json`, { x: 1 });
    expect(seen).toMatchObject({ method: 'POST', type: 'application/json', body: '{"x":1}' });
    await client.put(`${base}/json`, { y: 2 });
    expect(seen).toMatchObject({ method: 'PUT', body: '{"y":2}' });
    const form = new FormData();
    form.append('k', 'v');
    await client.post(`${base}/json`, form);
    expect(seen.type).toMatch(/^multipart\/form-data; boundary=/);
    const del = await client.delete(`${base}/empty`);
    expect(seen.method).toBe('DELETE');
    expect(del.data).toBe('');
  });

  it("responseType 'text' keeps the body as text", async () => {
    expect((await client.get(`${base}/text`, { responseType: 'text' })).data).toBe('{"not":"parsed"}');
  });

  it('an error answer is an ApiError with code and request id; 401 raises the session-expired event', async () => {
    const e = await client.get(`${base}/400`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 400, code: 'ROMA.1', message: 'bad', requestId: 'rid-1' });
    let expired = 0;
    const off = onUnauthorized(() => expired++);
    await expect(client.get(`${base}/401`)).rejects.toMatchObject({ status: 401, code: 'APIG.0307' });
    await expect(client.get(`${base}/401`, { skipAuthRedirect: true })).rejects.toMatchObject({ status: 401 });
    off();
    expect(expired).toBe(1);
  });

  it('timeout, cancel and an unreachable server are TIMEOUT, CANCELED and NETWORK', async () => {
    await expect(client.get(`${base}/slow`, { timeout: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    const ctrl = new AbortController();
    const p = client.get(`${base}/slow`, { signal: ctrl.signal });
    ctrl.abort();
    await expect(p).rejects.toMatchObject({ code: 'CANCELED' });
    await expect(client.get('http://127.0.0.1:1/')).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
