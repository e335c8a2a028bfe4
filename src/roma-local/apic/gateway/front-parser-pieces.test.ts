// The request parser fed the same bytes whole, a byte at a time and in uneven pieces: the same
// requests come out (head, headers, body, where the next request starts), and the limits and the
// bare-LF check hold however the head is split.
import { describe, expect, it } from 'vitest';
import { GatewayError } from './errors';
import { RequestParser } from './front-parser';

const LIMITS = { maxHead: 4096, maxUri: 1024, maxBody: 1 << 20 };

/** Feeds `pieces` in order; the requests completed (the parser is reset after each, as the server does). */
function feed(pieces: Buffer[]) {
  const p = new RequestParser(LIMITS);
  const out: { method: string; url: string; headers: unknown; body: string }[] = [];
  for (const buf of pieces) {
    let pos = 0;
    while (pos < buf.length) {
      pos = p.execute(buf, pos);
      if (p.complete) {
        out.push({ method: p.method, url: p.url, headers: { ...p.headers }, body: p.body.toString('latin1') });
        p.reset();
      }
    }
  }
  return out;
}
const split = (b: Buffer, sizes: (i: number) => number): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0, k = 0; i < b.length; k++) { const n = Math.max(1, sizes(k)); out.push(b.subarray(i, i + n)); i += n; }
  return out;
};

describe('front parser fed in pieces', () => {
  const bytes = Buffer.from([
    `GET /a?x=1 HTTP/1.1\r\nHost: h\r\nX-Long: ${'v'.repeat(1500)}\r\nX-Two: 1\r\nX-Two: 2\r\n\r\n`,
    'POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world',
    'PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
    'GET /d HTTP/1.1\r\nHost: h\r\n\r\n',
  ].join(''), 'latin1');

  it('gives the same requests whole, byte by byte and in uneven pieces', () => {
    const whole = feed([bytes]);
    expect(whole.map((r) => [r.method, r.url, r.body])).toEqual([['GET', '/a?x=1', ''], ['POST', '/b', 'hello world'], ['PUT', '/c', 'hello world'], ['GET', '/d', '']]);
    expect(whole[0]!.headers).toMatchObject({ host: 'h', 'x-long': 'v'.repeat(1500), 'x-two': '1, 2' });
    expect(feed(split(bytes, () => 1))).toEqual(whole);
    expect(feed(split(bytes, (k) => [3, 1, 700, 2, 64, 5][k % 6]!))).toEqual(whole);
    // every split point of the first head's end (CRLF CRLF across two reads)
    const end = bytes.indexOf('\r\n\r\n') + 4;
    for (let cut = end - 5; cut <= end + 1; cut++) expect(feed([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
  });

  it('refuses a head over the limit and a bare LF, however the head is split', () => {
    const big = Buffer.from(`GET / HTTP/1.1\r\nHost: h\r\nX-Big: ${'b'.repeat(5000)}\r\n\r\n`, 'latin1');
    const bareLf = Buffer.from('GET / HTTP/1.1\r\nHost: h\nX-A: 1\r\n', 'latin1');
    for (const sizes of [() => big.length, () => 1, (k: number) => 1 + (k % 97)]) {
      expect(() => feed(split(big, sizes))).toThrowError(expect.objectContaining({ status: 494 }) as unknown as Error);
    }
    for (const sizes of [() => 1, () => 7]) {
      let err: unknown;
      try { feed(split(bareLf, sizes)); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(GatewayError);
      expect((err as GatewayError).status).toBe(400);
    }
  });

  it('holds what came of a body, not what was declared: 200 requests declaring 12 MiB and sending a byte take little memory', () => {
    const parsers = Array.from({ length: 200 }, () => new RequestParser({ ...LIMITS, maxBody: 12 << 20 }));
    const before = process.memoryUsage().arrayBuffers;
    for (const p of parsers) {
      p.execute(Buffer.from(`POST /big HTTP/1.1\r\nHost: h\r\nContent-Length: ${12 << 20}\r\n\r\n`, 'latin1'), 0);
      p.execute(Buffer.from('x'), 0);
      expect(p.complete).toBe(false);
    }
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 << 20); // a 12 MiB buffer each would be 2.4 GiB
  });
});
