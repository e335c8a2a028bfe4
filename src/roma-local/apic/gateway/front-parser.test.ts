// The front server's request parsing over real sockets: headers combined as node:http combined
// them, and every malformed, ambiguous (smuggling) or oversized request answered in the gateway
// shape with X-Request-Id and Connection: close — never a bare close, never served.
import { afterEach, describe, expect, it } from 'vitest';
import type { FrontConnection } from './front-connection';
import { client, start } from './front-test-util';

const cleanup: (() => unknown)[] = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });
async function setup(...args: Parameters<typeof start>) {
  const s = await start(...args);
  cleanup.push(() => s.server.close());
  return s;
}

/** Writes `text` on a fresh connection; the answers until the server closes it. */
async function exchange(port: number, text: string | string[]) {
  const c = client(port);
  for (const t of [text].flat()) c.write(t);
  await c.closedP();
  return c.got;
}

describe('front parser: headers', () => {
  it('combines repeated headers as node:http did; names lower-cased, values trimmed', async () => {
    const { port } = await setup();
    const c = client(port);
    c.write('GET /h HTTP/1.1\r\nHost: first\r\nX-A: 1\r\nx-a:2 \r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nCookie: c=3\r\nCOOKIE: d=4\r\n'
      + 'Content-Type: text/plain\r\nContent-Type: text/html\r\nUser-Agent: one\r\nUser-Agent: two\r\nX-Empty:\r\nX-Tab:\tv\t\r\n\r\n');
    const [r] = await c.replies(1);
    expect(JSON.parse(r!.body).headers).toEqual({
      host: 'first', 'x-a': '1, 2', 'set-cookie': ['a=1', 'b=2'], cookie: 'c=3; d=4', 'content-type': 'text/plain',
      'user-agent': 'one', 'x-empty': '', 'x-tab': 'v',
    });
    c.sock.destroy();
  });

  it('ignores blank lines before a request line, and serves any token method', async () => {
    const { port } = await setup();
    const c = client(port);
    c.write('\r\n\r\nPROPFIND /p HTTP/1.1\r\nHost: h\r\n\r\n');
    const [r] = await c.replies(1);
    expect([r!.status, JSON.parse(r!.body).method]).toEqual([200, 'PROPFIND']);
    c.sock.destroy();
  });
});

describe('front parser: bad requests never reach the handler', () => {
  let served = 0;
  const counting = (conn: FrontConnection) => { served++; conn.send(200, { 'content-length': '2' }, Buffer.from('ok'), false); };
  const cases: [string, string | string[], number][] = [
    ['garbage request line', 'BLAH\r\n\r\n', 400],
    ['a request line with extra spaces', 'GET / x HTTP/1.1\r\nHost: h\r\n\r\n', 400],
    ['HTTP/0.9', 'GET /\r\n\r\n', 400],
    ['HTTP/2.0', 'GET / HTTP/2.0\r\nHost: h\r\n\r\n', 505],
    ['a method that is no token', 'G(T / HTTP/1.1\r\nHost: h\r\n\r\n', 400],
    ['no Host in HTTP/1.1', 'GET / HTTP/1.1\r\n\r\n', 400],
    ['two Hosts', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n', 400],
    ['Content-Length and Transfer-Encoding', 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['a Content-Length that is not a number', 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3a\r\n\r\nabc', 400],
    ['a Content-Length list', 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\n\r\nabc', 400],
    ['two Content-Lengths', 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd', 400],
    ['a negative Content-Length', 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n', 400],
    ['a coding other than chunked', 'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n', 400],
    ['chunked not last', 'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n', 400],
    ['chunked twice', 'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['Transfer-Encoding in HTTP/1.0', 'POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['a bad chunk size', 'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 400],
    ['a chunk without its CRLF', 'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n0\r\n\r\n', 400],
    ['obs-fold', 'GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n  continued\r\n\r\n', 400],
    ['a space before the colon', 'GET / HTTP/1.1\r\nHost: h\r\nX-A : 1\r\n\r\n', 400],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: h\r\nX-A\r\n\r\n', 400],
    ['a bare LF (head complete)', 'GET / HTTP/1.1\nHost: h\r\n\r\n', 400],
    ['a bare LF (head never ends)', 'GET / HTTP/1.1\nHost: h\n\n', 400],
    ['a bare CR in a value', 'GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r2\r\n\r\n', 400],
    ['a NUL in a value', 'GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\x002\r\n\r\n', 400],
    ['a tab in the target', 'GET /a\tb HTTP/1.1\r\nHost: h\r\n\r\n', 400],
    ['Expect other than 100-continue', 'GET / HTTP/1.1\r\nHost: h\r\nExpect: magic\r\n\r\n', 417],
    ['a URI over the limit', `GET /${'u'.repeat(5000)} HTTP/1.1\r\nHost: h\r\n\r\n`, 414],
    ['a request line over the head limit', `GET /${'u'.repeat(20_000)}`, 414],
    ['headers over the limit', `GET / HTTP/1.1\r\nHost: h\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 494],
    ['headers over the limit, never ending', `GET / HTTP/1.1\r\nHost: h\r\nX-Big: ${'b'.repeat(20_000)}`, 494],
    ['a declared body over the limit', 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 70000\r\n\r\n', 413],
    ['a declared body over the limit with Expect: 100-continue (no 100 first)', 'POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 70000\r\n\r\n', 413],
    ['a chunked body over the limit', ['POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n', `10000\r\n${'c'.repeat(0x10000)}\r\n`, `10\r\n${'c'.repeat(16)}\r\n0\r\n\r\n`], 413],
    ['a request cut short by the client', 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nab', 400],
  ];

  it.each(cases)('%s', async (_name, text, status) => {
    served = 0;
    const { port } = await setup(counting);
    const c = client(port);
    for (const t of [text].flat()) c.write(t);
    if (_name.includes('cut short')) c.sock.end();
    await c.closedP();
    const [r] = c.got;
    expect([r?.status, c.got.length, served]).toEqual([status, 1, 0]);
    expect(r!.headers).toMatchObject({ connection: 'close', 'content-type': 'application/json; charset=utf-8' });
    expect(r!.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(r!.body)).toMatchObject({ error_code: 'APIG.0201', request_id: r!.headers['x-request-id'] });
  });

  it('a malformed request after a good one on the same connection: the first is answered, then the error', async () => {
    const { port } = await setup();
    const got = await exchange(port, 'GET /ok HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\n');
    expect(got.map((r) => r.status)).toEqual([200, 400]);
  });
});

describe('front writer: answers that cannot be written', () => {
  it('a header value with CR LF or a bad name is refused (no injected line); the handler answers otherwise', async () => {
    const { port } = await setup((conn) => {
      const evil: Record<string, string> = conn.req.url === '/value' ? { 'x-evil': 'a\r\nx-injected: 1' } : { 'bad name': 'v' };
      const ok = conn.send(200, { ...evil, 'content-length': '2' }, Buffer.from('ok'), false);
      if (!ok) conn.send(502, { 'content-length': '3' }, Buffer.from('bad'), false);
    });
    for (const path of ['/value', '/name']) {
      const c = client(port);
      c.write(`GET ${path} HTTP/1.1\r\nHost: h\r\n\r\n`);
      const [r] = await c.replies(1);
      expect([r!.status, r!.body, r!.head.includes('injected'), r!.head.includes('bad name')]).toEqual([502, 'bad', false, false]);
      c.sock.destroy();
    }
  });
});
