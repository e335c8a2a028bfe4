// The gateway's front HTTP/1.1 server over real sockets: keep-alive, pipelining in order,
// chunked request bodies, Expect: 100-continue, HTTP/1.0, Connection: close, HEAD, timeouts
// (408 for a slow head or body, a silent close when idle), streamed answers with backpressure,
// a client gone mid-stream, a source failing mid-stream, and close() dropping connections.
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrontConnection } from './front-connection';
import { client, echo, sleep, source, start } from './front-test-util';

const cleanup: (() => unknown)[] = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });
async function setup(...args: Parameters<typeof start>) {
  const s = await start(...args);
  cleanup.push(() => s.server.close());
  return s;
}
const GET = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: h\r\n${extra}\r\n`;
const json = (body: string) => JSON.parse(body) as { method: string; url: string; version: number; headers: Record<string, unknown>; body: string };

describe('front server: connections', () => {
  it('keeps a connection alive across requests, with Date and keep-alive lines', async () => {
    const { port } = await setup();
    const c = client(port);
    c.write(GET('/a?x=1'));
    const [a] = await c.replies(1);
    c.write(GET('/b'));
    const [, b] = await c.replies(2);
    expect([a!.status, json(a!.body).url, b!.status, json(b!.body).url]).toEqual([200, '/a?x=1', 200, '/b']);
    expect(a!.headers).toMatchObject({ connection: 'keep-alive', 'keep-alive': 'timeout=1', 'content-type': 'application/json' });
    expect(new Date(a!.headers.date!).getTime()).toBeGreaterThan(Date.now() - 5000);
    expect(c.closed).toBe(false);
    c.sock.destroy();
  });

  it('answers pipelined requests strictly in order, a slow one first', async () => {
    const { port } = await setup();
    const c = client(port);
    c.write(GET('/slow/1') + GET('/2') + `POST /3 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc` + GET('/4'));
    const rs = await c.replies(4);
    expect(rs.map((r) => json(r.body).url)).toEqual(['/slow/1', '/2', '/3', '/4']);
    expect(json(rs[2]!.body).body).toBe('abc');
    c.sock.destroy();
  });

  it('a long pipelined burst behind a slow request: reading pauses and resumes, every answer comes in order', async () => {
    const { port } = await setup();
    const c = client(port);
    const n = 12_000; // ~400 KB of requests: more than is held unparsed before reading pauses
    c.write(GET('/slow/0') + Array.from({ length: n }, (_, i) => GET(`/${i + 1}`)).join(''));
    const rs = await c.replies(n + 1);
    expect(rs.map((r) => json(r.body).url)).toEqual(['/slow/0', ...Array.from({ length: n }, (_, i) => `/${i + 1}`)]);
    c.sock.destroy();
  });

  it('counts every held read, not just its bytes: a client sending a byte at a time is paused early', async () => {
    let held: FrontConnection | undefined;
    let release = () => {};
    const { port } = await setup((conn) => {
      if (conn.req.url !== '/hold') return echo(conn);
      held = conn;
      release = () => echo(conn);
    });
    const c = client(port);
    c.write(GET('/hold'));
    while (!held) await sleep(5);
    // the next request, one byte per read (emitted as the socket would: separate reads cannot be forced over loopback)
    for (const ch of GET('/after', `X-Pad: ${'p'.repeat(1100)}\r\n`)) held.socket.emit('data', Buffer.from(ch, 'latin1'));
    expect(held.socket.isPaused()).toBe(true); // ~1,150 bytes, but as many reads: past what is held before pausing
    release();
    const rs = await c.replies(2);
    expect(rs.map((r) => [r.status, json(r.body).url])).toEqual([[200, '/hold'], [200, '/after']]);
    expect(held.socket.isPaused()).toBe(false);
    c.sock.destroy();
  });

  it('reads a chunked body split across writes (extensions and trailers dropped), and a Content-Length one in pieces', async () => {
    const { port } = await setup();
    const c = client(port);
    c.write('POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhel');
    await sleep(20);
    c.write('lo\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n');
    const [r] = await c.replies(1);
    expect([json(r!.body).body, json(r!.body).headers['x-trailer']]).toEqual(['hello, world', undefined]);
    c.write('PUT /l HTTP/1.1\r\nHost: h\r\nContent-Length: 6\r\n\r\nab');
    await sleep(20);
    c.write('cdef');
    const [, l] = await c.replies(2);
    expect(json(l!.body).body).toBe('abcdef');
    c.sock.destroy();
  });

  it('sends 100 Continue before reading the body of an Expect: 100-continue request', async () => {
    const { port } = await setup();
    const c = client(port);
    c.write('POST /e HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n');
    const [cont] = await c.replies(1);
    expect(cont!.head).toBe('HTTP/1.1 100 Continue');
    c.write('body');
    const [, r] = await c.replies(2);
    expect([r!.status, json(r!.body).body]).toEqual([200, 'body']);
    c.sock.destroy();
  });

  it('HTTP/1.0 closes after the answer unless it asks for keep-alive; Connection: close is honoured', async () => {
    const { port } = await setup();
    const a = client(port);
    a.write('GET /old HTTP/1.0\r\n\r\n');
    const [r] = await a.replies(1);
    await a.closedP();
    expect([r!.status, r!.headers.connection, json(r!.body).version]).toEqual([200, 'close', 0]);
    const b = client(port);
    b.write('GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
    await b.replies(1);
    b.write('GET /2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
    const rs = await b.replies(2);
    expect([rs.length, rs[0]!.headers.connection, b.closed]).toEqual([2, 'keep-alive', false]);
    b.sock.destroy();
    const c = client(port);
    c.write(GET('/x', 'Connection: close\r\n') + GET('/never'));
    await c.closedP();
    expect(c.got.map((x) => [x.status, x.headers.connection])).toEqual([[200, 'close']]);
  });

  it('answers HEAD with the length GET would have and no body, and the connection goes on', async () => {
    const { port } = await setup();
    const c = client(port);
    c.head();
    c.write(`HEAD /h HTTP/1.1\r\nHost: h\r\n\r\n${GET('/after')}`);
    const [h, g] = await c.replies(2);
    expect([h!.status, Number(h!.headers['content-length']) > 0, h!.body]).toEqual([200, true, '']);
    expect(json(g!.body).url).toBe('/after');
    c.sock.destroy();
  });

  it('answers a half-closed client, then closes', async () => {
    const { port } = await setup();
    const c = client(port);
    c.sock.end(GET('/slow/half') + GET('/second'));
    await c.closedP();
    expect(c.got.map((r) => json(r.body).url)).toEqual(['/slow/half', '/second']);
  });
});

describe('front server: timeouts', () => {
  it('408 for a head that does not come in time, or a body that does not; an idle kept-alive connection closes silently', async () => {
    const { port } = await setup(echo, { headersMs: 150, requestMs: 300, keepAliveMs: 150 });
    const fresh = client(port);
    const slowHead = client(port);
    slowHead.write('GET /x HTTP/1.1\r\nHost: h\r\n');
    const slowBody = client(port);
    slowBody.write('POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nab');
    const t0 = Date.now();
    await Promise.all([fresh.closedP(), slowHead.closedP(), slowBody.closedP()]);
    for (const c of [fresh, slowHead, slowBody]) {
      expect([c.got[0]?.status, c.got[0]?.headers.connection, c.got[0]?.body]).toEqual([408, 'close', expect.stringContaining('"error_code":"APIG.0201"')]);
    }
    expect(Date.now() - t0).toBeLessThan(2000);
    const idle = client(port);
    idle.write(GET('/1'));
    await idle.replies(1);
    await idle.closedP();
    expect(idle.got.length).toBe(1); // no unasked-for 408 on a kept-alive connection
  });
});

describe('front server: streamed answers', () => {
  const streaming = (total: number, made: { st?: ReturnType<typeof source>['st']; sent?: number }) => (conn: FrontConnection) => {
    const s = source(total);
    made.st = s.st;
    conn.stream(200, { 'content-type': 'application/octet-stream' }, s.body, false, (n) => { made.sent = n; });
  };

  it('streams chunked with backpressure: a client that does not read holds the source back', async () => {
    const total = 32 * 1024 * 1024;
    const made: { st?: ReturnType<typeof source>['st']; sent?: number } = {};
    const { port } = await setup(streaming(total, made));
    const c = client(port);
    c.sock.pause();
    c.write(GET('/big'));
    await sleep(300);
    expect(made.st!.pulled).toBeLessThan(total / 2);
    c.sock.resume();
    const [r] = await c.replies(1);
    expect([r!.headers['transfer-encoding'], r!.body.length, made.sent]).toEqual(['chunked', total, total]);
    c.write(GET('/again')); // the connection is reusable after the last chunk
    expect((await c.replies(2))[1]!.body.length).toBe(total);
    c.sock.destroy();
  });

  it('a client gone mid-stream destroys the source; the server goes on', async () => {
    const made: { st?: ReturnType<typeof source>['st']; sent?: number } = {};
    const { port } = await setup(streaming(64 * 1024 * 1024, made));
    const c = client(port);
    c.sock.pause();
    c.write(GET('/big'));
    await sleep(100);
    c.sock.destroy();
    await sleep(100);
    expect([made.st!.destroyed, made.sent]).toEqual([true, undefined]);
    const d = client(port);
    d.sock.destroy();
  });

  it('a source failing mid-stream ends the connection without the last chunk', async () => {
    const { port } = await setup((conn) => {
      let n = 0;
      const body = new Readable({ read() { if (n++ < 2) this.push(Buffer.from('part')); else this.destroy(new Error('backend reset')); } });
      conn.stream(200, {}, body, false, () => {});
    });
    const c = client(port);
    c.write(GET('/x'));
    await c.closedP();
    expect(c.got.length).toBe(0); // never framed as complete
  });

  it('streams a sized answer as is; HTTP/1.0 gets an unsized one until the connection closes', async () => {
    const { port } = await setup((conn) => {
      const body = Readable.from([Buffer.from('abc'), Buffer.from('def')]);
      conn.stream(200, conn.req.url === '/sized' ? { 'content-length': '6' } : {}, body, false, () => {});
    });
    const c = client(port);
    c.write(GET('/sized'));
    const [r] = await c.replies(1);
    expect([r!.body, r!.headers['transfer-encoding'], r!.headers.connection]).toEqual(['abcdef', undefined, 'keep-alive']);
    c.sock.destroy();
    const old = client(port);
    old.write('GET /unsized HTTP/1.0\r\n\r\n');
    await old.closedP();
    expect([old.got[0]!.body, old.got[0]!.headers.connection]).toEqual(['abcdef', 'close']);
  });

  it('close() drops every open connection', async () => {
    const s = await start();
    const c = client(s.port);
    c.write(GET('/1'));
    await c.replies(1);
    await s.server.close();
    await c.closedP();
    expect(c.closed).toBe(true);
  });
});
