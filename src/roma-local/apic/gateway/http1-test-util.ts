// Test helpers for the HTTP/1.1 backend client: a call that collects one answer, and servers on
// ephemeral loopback ports (node:http, or raw TCP for bytes node:http would never send).
import http from 'node:http';
import net from 'node:net';
import { Deadlines } from './deadlines';
import { Http1Pool, type Http1Control, type Http1PoolOptions } from './http1-pool';
import type { Http1Request } from './http1-request';

export interface Answer { status: number; headers: Record<string, string>; body: string }

/** One request through the pool, collected whole. */
export function send(pool: Http1Pool, r: Partial<Http1Request> & { path: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let status = 0;
    const headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    pool.dispatch({ method: 'GET', headers: {}, bodyTimeout: 2000, ...r }, {
      onStart: (_ctl: Http1Control) => {},
      onResponse: (s, raw) => { status = s; for (let i = 0; i < raw.length; i += 2) headers[raw[i]!] = raw[i + 1]!; return true; },
      onData: (c) => { chunks.push(c); return true; },
      onComplete: () => resolve({ status, headers, body: Buffer.concat(chunks).toString() }),
      onError: reject,
    });
  });
}

export interface TestServer { port: number; origin: string; connections: number; close(): Promise<void> }

async function listen(server: net.Server, t: { connections: number }): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => { t.connections++; sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return Object.assign(t, {
    port, origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  });
}

export function httpServer(handler: http.RequestListener, opts: http.ServerOptions = {}): Promise<TestServer> {
  return listen(http.createServer(opts, handler), { connections: 0 });
}

/** A TCP server answering each request (one `\r\n\r\n`-terminated head, no body) with `answer(n, socket)`; n counts per connection. */
export function rawServer(answer: (n: number, socket: net.Socket) => void): Promise<TestServer> {
  return listen(net.createServer((s) => {
    let seen = '';
    let n = 0;
    s.on('data', (c) => {
      seen += c.toString('latin1');
      let i: number;
      while ((i = seen.indexOf('\r\n\r\n')) >= 0) { seen = seen.slice(i + 4); answer(n++, s); }
    });
    s.on('error', () => {});
  }), { connections: 0 });
}

export function testPool(origin: string, o: Partial<Http1PoolOptions> = {}): { pool: Http1Pool; close(): void } {
  const deadlines = new Deadlines();
  const pool = new Http1Pool(origin, { deadlines, ...o });
  return { pool, close: () => { pool.close(); deadlines.close(); } };
}
