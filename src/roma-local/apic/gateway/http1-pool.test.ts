// The gateway's HTTP/1.1 backend client against real servers on ephemeral ports: keep-alive
// reuse, bodies, every response framing (length, chunked with extensions and trailers, until
// close, none for HEAD/204/304, 1xx before the answer), Connection: close, the connection limit,
// stale keep-alive sockets, and malformed answers that must fail cleanly.
import { afterEach, describe, expect, it } from 'vitest';
import { send, httpServer, rawServer, testPool, type TestServer } from './http1-test-util';

const cleanup: (() => unknown)[] = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });
async function setup(server: Promise<TestServer>, o: Parameters<typeof testPool>[1] = {}) {
  const s = await server;
  const p = testPool(s.origin, o);
  cleanup.push(s.close, p.close);
  return { s, pool: p.pool };
}

describe('HTTP/1.1 backend client', () => {
  it('reuses one keep-alive connection, sends bodies with their length (0 for an empty POST)', async () => {
    const { s, pool } = await setup(httpServer((req, res) => {
      const c: Buffer[] = [];
      req.on('data', (x: Buffer) => c.push(x)).on('end', () => {
        res.end(JSON.stringify({ m: req.method, url: req.url, len: req.headers['content-length'] ?? null, host: req.headers.host, x: req.headers['x-a'], body: Buffer.concat(c).toString() }));
      });
    }));
    const post = await send(pool, { method: 'POST', path: '/p?q=1', headers: { 'x-a': ['1', '2'] }, body: Buffer.from('héllo') });
    expect(JSON.parse(post.body)).toEqual({ m: 'POST', url: '/p?q=1', len: '6', host: `127.0.0.1:${s.port}`, x: '1, 2', body: 'héllo' });
    expect(JSON.parse((await send(pool, { method: 'POST', path: '/e' })).body)).toMatchObject({ len: '0', body: '' });
    expect(JSON.parse((await send(pool, { path: '/g' })).body)).toMatchObject({ m: 'GET', len: null });
    expect([s.connections, pool.size]).toEqual([1, { connections: 1, idle: 1, queued: 0 }]);
  });

  it('reads chunked answers with extensions and trailers, and node:http chunked ones with trailers', async () => {
    const raw = await setup(rawServer((_n, sock) => sock.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-B: 1\r\n\r\n'
      + '5;name=value;x="a b"\r\nhello\r\n1 ; ext\r\n,\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\nX-Other: u\r\n\r\n')));
    expect(await send(raw.pool, { path: '/' })).toEqual({ status: 200, headers: { 'transfer-encoding': 'chunked', 'x-b': '1' }, body: 'hello, world' });
    expect((await send(raw.pool, { path: '/' })).body).toBe('hello, world'); // same connection, still in step
    expect(raw.s.connections).toBe(1);
    const node = await setup(httpServer((_req, res) => {
      res.writeHead(200, { trailer: 'x-sum' });
      res.write('a'.repeat(70_000));
      setTimeout(() => { res.addTrailers({ 'x-sum': '1' }); res.end('z'); }, 10);
    }));
    expect((await send(node.pool, { path: '/' })).body).toBe(`${'a'.repeat(70_000)}z`);
  });

  it('reads heads and bodies that come in pieces on several connections at once (reads share one buffer: nothing kept is a view of it)', async () => {
    const { pool } = await setup(rawServer((_n, sock) => {
      const text = `HTTP/1.1 200 OK\r\nX-Long: ${'h'.repeat(300)}\r\nContent-Length: 600\r\n\r\n${String(sock.remotePort).repeat(120).slice(0, 600)}`;
      const pieces = text.match(/[^]{1,97}/g)!;
      const next = () => { const p = pieces.shift(); if (p !== undefined) { sock.write(p); setTimeout(next, 2); } };
      next();
    }));
    const answers = await Promise.all([1, 2, 3, 4].map(() => send(pool, { path: '/' })));
    for (const a of answers) {
      expect(a.headers['x-long']).toBe('h'.repeat(300));
      expect(a.body).toBe(a.body.slice(0, 5).repeat(120)); // its connection's port (5 digits), 120 times
    }
    expect(new Set(answers.map((a) => a.body)).size).toBe(4);
  });

  it('reads an answer that runs until the connection closes, and does not reuse that connection', async () => {
    const { s, pool } = await setup(rawServer((_n, sock) => { sock.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\npart1,'); setTimeout(() => sock.end('part2'), 20); }));
    expect((await send(pool, { path: '/' })).body).toBe('part1,part2');
    expect((await send(pool, { path: '/' })).body).toBe('part1,part2');
    expect(s.connections).toBe(2);
  });

  it('HEAD, 204 and 304 have no body whatever their headers say; 1xx interim answers are skipped', async () => {
    const { s, pool } = await setup(httpServer((req, res) => {
      if (req.url === '/204') { res.writeHead(204); return res.end(); }
      if (req.url === '/304') { res.writeHead(304, { etag: '"x"' }); return res.end(); }
      if (req.url === '/hints') res.writeEarlyHints({ link: '</a.css>; rel=preload' });
      res.writeHead(200, { 'content-length': 5 });
      res.end(req.method === 'HEAD' ? undefined : 'hello');
    }));
    expect(await send(pool, { method: 'HEAD', path: '/' })).toMatchObject({ status: 200, body: '', headers: { 'content-length': '5' } });
    expect(await send(pool, { path: '/204' })).toMatchObject({ status: 204, body: '' });
    expect(await send(pool, { path: '/304' })).toMatchObject({ status: 304, body: '' });
    expect(await send(pool, { path: '/hints' })).toMatchObject({ status: 200, body: 'hello' });
    expect(s.connections).toBe(1);
    const cont = await setup(rawServer((_n, sock) => sock.write('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok')));
    expect(await send(cont.pool, { path: '/' })).toMatchObject({ status: 201, body: 'ok' });
  });

  it('honours Connection: close and HTTP/1.0 without keep-alive: the next request opens a new connection', async () => {
    const { s, pool } = await setup(httpServer((_req, res) => { res.setHeader('connection', 'close'); res.end('x'); }));
    await send(pool, { path: '/' });
    await send(pool, { path: '/' });
    expect(s.connections).toBe(2);
    const old = await setup(rawServer((_n, sock) => sock.write('HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\ny')));
    expect((await send(old.pool, { path: '/' })).body).toBe('y');
    expect((await send(old.pool, { path: '/' })).body).toBe('y');
    expect(old.s.connections).toBe(2);
  });

  it('closes a connection idle for longer than its keep-alive time', async () => {
    const { s, pool } = await setup(httpServer((_req, res) => res.end('k')), { keepAliveMs: 50 });
    await send(pool, { path: '/' });
    expect(pool.size.idle).toBe(1);
    await new Promise((r) => setTimeout(r, 1200)); // checked once a second
    expect(pool.size).toEqual({ connections: 0, idle: 0, queued: 0 });
    expect((await send(pool, { path: '/' })).body).toBe('k');
    expect(s.connections).toBe(2);
  });

  it('keeps to its connection limit and queues the rest', async () => {
    let open = 0;
    let most = 0;
    const { s, pool } = await setup(httpServer((_req, res) => {
      most = Math.max(most, ++open);
      setTimeout(() => { open--; res.end('ok'); }, 30);
    }), { connections: 2 });
    const all = await Promise.all(Array.from({ length: 7 }, () => send(pool, { path: '/' })));
    expect([all.map((a) => a.body).join(), most, s.connections]).toEqual([Array(7).fill('ok').join(), 2, 2]);
  });

  it('a keep-alive socket the backend closed goes again on a fresh connection (GET), not for a POST', async () => {
    // the second request on every connection meets a socket that closes without answering
    const { s, pool } = await setup(rawServer((n, sock) => (n === 0 ? sock.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok') : sock.destroy())));
    await send(pool, { path: '/' });
    expect((await send(pool, { path: '/' })).body).toBe('ok');
    expect(s.connections).toBe(2);
    await expect(send(pool, { method: 'POST', path: '/', body: Buffer.from('once') })).rejects.toThrow();
    // an idle socket the backend closed is dropped, not used
    const idle = await setup(rawServer((_n, sock) => { sock.write('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nfine'); setTimeout(() => sock.end(), 30); }));
    await send(idle.pool, { path: '/' });
    await new Promise((r) => setTimeout(r, 100));
    expect(idle.pool.size.connections).toBe(0);
    expect((await send(idle.pool, { path: '/' })).body).toBe('fine');
    // a backend that keeps idle sockets too briefly to reuse them safely (Keep-Alive: timeout=1 s)
    const brief = await setup(httpServer((_req, res) => res.end('b'), { keepAliveTimeout: 1000 }));
    await send(brief.pool, { path: '/' });
    expect((await send(brief.pool, { path: '/' })).body).toBe('b');
    expect(brief.s.connections).toBe(2);
  });

  it.each([
    ['a malformed status line', 'HTTP/1.1 2OO OK\r\n\r\n', 'HPE_INVALID_RESPONSE'],
    ['not HTTP at all', 'SSH-2.0-OpenSSH_9.6\r\n\r\n', 'HPE_INVALID_RESPONSE'],
    ['a header without a colon', 'HTTP/1.1 200 OK\r\nbroken\r\n\r\n', 'HPE_INVALID_RESPONSE'],
    ['a folded header', 'HTTP/1.1 200 OK\r\nX-A: 1\r\n  2\r\n\r\n', 'HPE_INVALID_RESPONSE'],
    ['a bare LF in the head', 'HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n', 'HPE_INVALID_RESPONSE'],
    ['two different lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab', 'HPE_INVALID_CONTENT_LENGTH'],
    ['a length and chunked', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['a chunk without its CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n0\r\n\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['a body cut short', 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc', 'HPE_EOF'],
    ['headers past the limit', `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`, 'HPE_HEADER_OVERFLOW'],
    ['a protocol switch', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n', 'HPE_INVALID_RESPONSE'],
  ])('%s is an error, not a crash or a hang', async (_what, bytes, code) => {
    const { pool } = await setup(rawServer((_n, sock) => sock.end(bytes)));
    await expect(send(pool, { path: '/' })).rejects.toMatchObject({ code });
  });

  it('refuses to send a header value or path that would inject into the request', async () => {
    const { s, pool } = await setup(httpServer((_req, res) => res.end()));
    expect(() => pool.dispatch({ method: 'GET', path: '/', headers: { 'x-a': 'v\r\nx-injected: 1' }, bodyTimeout: 0 }, {} as never)).toThrow(/invalid x-a header/);
    expect(() => pool.dispatch({ method: 'GET', path: '/a b', headers: {}, bodyTimeout: 0 }, {} as never)).toThrow(/invalid request path/);
    expect(s.connections).toBe(0);
  });
});
