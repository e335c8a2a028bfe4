// The gateway's backend call (callBackend) over the HTTP/1.1 client: big answers stream with
// backpressure (a slow reader holds the backend back, and is not mistaken for a stalled
// backend), a stalled body or a silent backend ends at the API's timeout, an abandoned stream
// closes its backend connection, and an unreachable backend is an error.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { callBackend, isTimeout, Upstreams } from './backend-http';
import type { BackendRequest } from './backend-plan';
import { httpServer, rawServer, type TestServer } from './http1-test-util';

const cleanup: (() => unknown)[] = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });
async function setup(server: Promise<TestServer>) {
  const s = await server;
  const up = new Upstreams();
  cleanup.push(s.close, () => up.close());
  const call = (path: string, timeout: number) => {
    const r: BackendRequest = { origin: s.origin, path, method: 'GET', headers: {}, timeout, attempts: 1 };
    return callBackend(up, r, undefined);
  };
  return { s, call };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BLOCK = Buffer.alloc(64 * 1024, 'abcdefghijklmnopqrstuvwxyz');

describe('backend calls over the HTTP/1.1 client', () => {
  it('streams a big answer with backpressure: a slow reader holds the backend back without a body timeout', async () => {
    const total = 48 * 1024 * 1024;
    let written = 0;
    const { call } = await setup(httpServer((_req, res) => {
      res.writeHead(200, { 'content-length': total });
      const more = () => {
        while (written < total) {
          written += BLOCK.length;
          if (!res.write(BLOCK)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    }));
    const r = await call('/big', 200);
    const body = r.body as Readable;
    expect(Buffer.isBuffer(r.body)).toBe(false);
    await sleep(400); // nobody reads: the backend must be held back, and this is no body timeout
    expect(written).toBeLessThan(total);
    const hash = createHash('sha256');
    let got = 0;
    let pauses = 0;
    for await (const c of body as AsyncIterable<Buffer>) {
      hash.update(c);
      got += c.length;
      if (got > pauses * 8 * 1024 * 1024 && pauses < 3) { pauses++; await sleep(300); } // longer than the body timeout
    }
    const expected = createHash('sha256');
    for (let i = 0; i < total / BLOCK.length; i++) expected.update(BLOCK);
    expect([got, hash.digest('hex')]).toEqual([total, expected.digest('hex')]);
  });

  it('a body that stalls fails at the timeout: before the answer (small, buffered) and mid-stream (big)', async () => {
    const { call } = await setup(httpServer((req, res) => {
      if (req.url === '/small') { res.writeHead(200, { 'content-length': 10 }); res.write('ab'); return; }
      res.writeHead(200, { 'content-length': 1024 * 1024 });
      res.write(BLOCK);
    }));
    const t0 = performance.now();
    const err = await call('/small', 150).catch((e: unknown) => e);
    expect(isTimeout(err)).toBe(true);
    const big = await call('/big', 150);
    const err2 = await (async () => { for await (const _ of big.body as AsyncIterable<Buffer>) { /* drain */ } })().catch((e: unknown) => e);
    expect(isTimeout(err2)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('a backend that never answers is a timeout; one that is not listening is an error at once', async () => {
    const { call } = await setup(rawServer(() => {}));
    expect(isTimeout(await call('/', 150).catch((e: unknown) => e))).toBe(true);
    const gone = await rawServer(() => {});
    await gone.close();
    const up = new Upstreams();
    cleanup.push(() => up.close());
    const err = await callBackend(up, { origin: gone.origin, path: '/', method: 'GET', headers: {}, timeout: 2000, attempts: 1 }, undefined).catch((e: unknown) => e);
    expect([isTimeout(err), (err as { code?: string }).code]).toEqual([false, 'ECONNREFUSED']);
  });

  it('an abandoned streamed answer closes its backend connection; unsized answers stream too', async () => {
    let closed = false;
    const { call } = await setup(httpServer((req, res) => {
      res.on('close', () => { closed = true; });
      res.writeHead(200, req.url === '/unsized' ? {} : { 'content-length': 100 * 1024 * 1024 });
      if (req.url === '/unsized') { res.write('a'); setTimeout(() => res.end('b'), 20); return; }
      res.write(BLOCK);
    }));
    const unsized = await call('/unsized', 1000);
    const parts: Buffer[] = [];
    for await (const c of unsized.body as AsyncIterable<Buffer>) parts.push(c);
    expect(Buffer.concat(parts).toString()).toBe('ab');
    const r = await call('/big', 5000);
    (r.body as Readable).destroy();
    for (let i = 0; i < 50 && !closed; i++) await sleep(20);
    expect(closed).toBe(true);
  });
});
