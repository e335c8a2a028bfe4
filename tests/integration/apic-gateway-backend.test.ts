// The gateway's HTTP backend client at its edges: small answers are collected whole, big or
// unsized ones stream; the API's timeout bounds the whole attempt (a backend that sends its
// headers and then stalls the body, a backend that never answers); POST bodies and queries and
// repeated response headers get through; a malformed answer is a 502; a mock answer is the same on every call (it is built
// once per published version) and changes with a republish.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../support/apic';
import { startApicForFile, type Apic } from '../support/apic-gateway';

let t: Apic;
const { httpBackend, closeAfter } = startApicForFile((started) => { t = started; });
const httpApi = (groupId: string, host: string, over: Record<string, unknown> = {}, backendOver: Record<string, unknown> = {}) =>
  mockApi(groupId, {
    backend_type: 'HTTP', mock_info: undefined,
    backend_api: { url_domain: host, req_protocol: 'HTTP', req_method: 'ANY', req_uri: '/echo', timeout: 2000, retry_count: '0', ...backendOver },
    req_method: 'ANY', ...over,
  });

describe('HTTP backend client', () => {
  it('a body that stalls after the headers, or no answer at all, is a 504 within the timeout', async () => {
    const stall = await httpBackend((_req, res) => { res.writeHead(200, { 'content-length': '10' }); res.write('ab'); });
    // accepts the connection and reads the request, never answers
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => { sockets.add(s); s.on('data', () => {}); });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    closeAfter(() => new Promise<void>((r) => { for (const s of sockets) s.destroy(); silent.close(() => r()); }));
    const silentHost = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const g = await t.group('client-timeouts');
    await t.publish((await t.createApi(httpApi(g.id, stall.host, { name: 'stall', req_uri: '/stall' }, { timeout: 300 }))).id);
    await t.publish((await t.createApi(httpApi(g.id, silentHost, { name: 'silent', req_uri: '/silent' }, { timeout: 300 }))).id);
    for (const p of ['/stall', '/silent']) {
      const t0 = performance.now();
      const r = await t.gw('GET', p, { host: g.sl_domain });
      expect([p, r.status, r.body?.error_code, r.body?.error_msg]).toEqual([p, 504, 'APIG.0201', 'Backend timeout.']);
      expect(performance.now() - t0).toBeLessThan(5000); // bounded by the API's timeout, not undici's defaults (minutes)
    }
  });

  it('a malformed backend answer is a 502 in the gateway shape, and the gateway goes on serving', async () => {
    const sockets = new Set<net.Socket>();
    const bad = net.createServer((s) => { sockets.add(s); s.on('data', () => s.end('HTTP/1.1 2OO OK\r\nbroken\r\n\r\n')); });
    await new Promise<void>((r) => bad.listen(0, '127.0.0.1', r));
    closeAfter(() => new Promise<void>((r) => { for (const s of sockets) s.destroy(); bad.close(() => r()); }));
    const g = await t.group('client-malformed');
    await t.publish((await t.createApi(httpApi(g.id, `127.0.0.1:${(bad.address() as net.AddressInfo).port}`, { name: 'bad', req_uri: '/bad' }))).id);
    for (let i = 0; i < 2; i++) {
      const r = await t.gw('GET', '/bad', { host: g.sl_domain });
      expect([r.status, r.body?.error_code, r.body?.error_msg]).toEqual([502, 'APIG.0201', 'Backend unavailable.']);
    }
  });

  it('forwards a POST body and its query to the backend path; repeated headers come back; unsized answers stream', async () => {
    const b = await httpBackend((req, res, seen) => {
      if (req.url!.startsWith('/base/chunked')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('part1,');
        setTimeout(() => res.end('part2'), 20);
        return;
      }
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      const out = JSON.stringify({ url: seen.url, body: seen.body, method: seen.method === 'HEAD' ? 'GET' : seen.method });
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    });
    const g = await t.group('client-shapes');
    await t.publish((await t.createApi(httpApi(g.id, b.host, { name: 'post', req_uri: '/post' }, { req_uri: '/base/post' }))).id);
    await t.publish((await t.createApi(httpApi(g.id, b.host, { name: 'chunked', req_uri: '/chunked' }, { req_uri: '/base/chunked' }))).id);
    const r = await t.gw('POST', '/post?x=1', { host: g.sl_domain, headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' });
    expect([r.status, r.body]).toEqual([201, { url: '/base/post?x=1', body: '{"hello":"world"}', method: 'POST' }]);
    expect(r.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    const c = await t.gw('GET', '/chunked', { host: g.sl_domain });
    expect([c.status, c.text]).toEqual([200, 'part1,part2']);
    // HEAD: no body, and the length a GET would have (not 0)
    const h = await t.gw('HEAD', '/post', { host: g.sl_domain });
    const get = await t.gw('GET', '/post', { host: g.sl_domain });
    expect([h.status, h.text, h.headers['content-length']]).toEqual([201, '', String(Buffer.byteLength(get.text))]);
  });

  it('a mock answer is the same on every call and after a republish shows the new one', async () => {
    const g = await t.group('client-mock');
    const a = await t.createApi(mockApi(g.id, { name: 'mock_one', mock_info: { status_code: 200, result_content: 'one', header: [{ key: 'X-A', value: '1' }] } }));
    await t.publish(a.id);
    const calls = await Promise.all([1, 2, 3].map(() => t.gw('GET', '/m', { host: g.sl_domain })));
    expect(calls.map((c) => [c.status, c.text, c.headers['x-a']])).toEqual([[200, 'one', '1'], [200, 'one', '1'], [200, 'one', '1']]);
    expect(new Set(calls.map((c) => c.headers['x-request-id'])).size).toBe(3);
    const upd = await t.api('PUT', `/apis/${a.id}`, mockApi(g.id, { name: 'mock_one', mock_info: { status_code: 200, result_content: 'two' } }));
    expect(upd.status).toBe(200);
    await t.publish(a.id);
    const after = await t.gw('GET', '/m', { host: g.sl_domain });
    expect([after.text, after.headers['x-a']]).toEqual(['two', undefined]);
  });
});
