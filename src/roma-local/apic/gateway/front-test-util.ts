// Test helpers for the gateway's front server: a FrontServer on an ephemeral loopback port with
// an echo handler (small timeouts), and a raw client that writes bytes and reads answers.
import net from 'node:net';
import { Readable } from 'node:stream';
import type { FrontConnection } from './front-connection';
import { FrontServer, type FrontHandler, type FrontOptions } from './front-server';

export interface Reply { status: number; head: string; headers: Record<string, string>; body: string }

const EMPTY = Buffer.alloc(0);

/** Echoes the request as JSON; `/slow` answers after 60 ms, `/big?n=` sends n bytes. */
export const echo: FrontHandler = (conn: FrontConnection) => {
  const r = conn.req;
  const body = Buffer.from(JSON.stringify({ method: r.method, url: r.url, version: r.version, headers: r.headers, body: r.body.toString('latin1') }));
  const send = () => conn.send(200, { 'content-type': 'application/json', 'content-length': String(body.length) }, body, r.method === 'HEAD');
  if (r.url.startsWith('/slow')) setTimeout(send, 60);
  else send();
};

export async function start(handler: FrontHandler = echo, o: Partial<FrontOptions> = {}) {
  const server = new FrontServer(handler, {
    maxHead: 16 * 1024, maxUri: 4096, maxBody: 64 * 1024, keepAliveMs: 400, headersMs: 400, requestMs: 800, ...o,
  });
  const { port } = await server.listen(0, '127.0.0.1');
  return { server, port };
}

/** A raw client: `write` bytes, `replies(n)` waits for n whole answers (Content-Length or chunked framed). */
export function client(port: number) {
  const sock = net.connect(port, '127.0.0.1');
  let buf = EMPTY;
  let closed = false;
  const got: Reply[] = [];
  let waiter: (() => void) | undefined;
  let bodiless = 0; // answers to HEAD still to come: their Content-Length announces no bytes
  /** The answer being read: its head is parsed; chunked bodies are consumed as they come. */
  let cur: (Reply & { parts: string[] }) | undefined;
  const parse = () => {
    for (;;) {
      if (!cur) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.toString('latin1', 0, end);
        const lines = head.split('\r\n');
        const headers: Record<string, string> = {};
        for (const l of lines.slice(1)) { const c = l.indexOf(':'); headers[l.slice(0, c).toLowerCase()] = l.slice(c + 1).trim(); }
        cur = { status: Number(lines[0]!.split(' ')[1]), head, headers, body: '', parts: [] };
        buf = buf.subarray(end + 4);
        if (cur.status === 100 || bodiless > 0) {
          if (cur.status !== 100) bodiless--;
          got.push(cur);
          cur = undefined;
          continue;
        }
      }
      const h = cur.headers;
      if (h['transfer-encoding'] === 'chunked') {
        const lf = buf.indexOf('\r\n');
        if (lf < 0) return;
        const n = parseInt(buf.toString('latin1', 0, lf), 16);
        if (buf.length < lf + 2 + n + 2) return;
        cur.parts.push(buf.toString('latin1', lf + 2, lf + 2 + n));
        buf = buf.subarray(lf + 2 + n + 2);
        if (n > 0) continue;
      } else if (h['content-length'] !== undefined) {
        const n = Number(h['content-length']);
        if (buf.length < n) return;
        cur.parts.push(buf.toString('latin1', 0, n));
        buf = buf.subarray(n);
      } else if (!closed) return; // until close
      else { cur.parts.push(buf.toString('latin1')); buf = EMPTY; }
      cur.body = cur.parts.join('');
      got.push(cur);
      cur = undefined;
    }
  };
  sock.on('data', (c: Buffer) => { buf = Buffer.concat([buf, c]); parse(); waiter?.(); });
  sock.on('error', () => {});
  sock.on('close', () => { closed = true; parse(); waiter?.(); });
  return {
    sock, got,
    get closed() { return closed; },
    write: (s: string | Buffer) => sock.write(s),
    /** The next answer is to HEAD (no body whatever its Content-Length says). */
    head: () => { bodiless++; },
    /** Resolves once `n` answers came (or the connection closed: fewer then). */
    replies: (n: number) => new Promise<Reply[]>((resolve) => {
      waiter = () => { if (got.length >= n || closed) { waiter = undefined; resolve(got.slice(0, n)); } };
      waiter();
    }),
    /** Resolves when the connection has closed. */
    closedP: () => new Promise<void>((resolve) => { if (closed) resolve(); else sock.once('close', () => resolve()); }),
  };
}

/** A Readable of `total` bytes in 64 KiB pieces that records how much was pulled. */
export function source(total: number) {
  const piece = Buffer.alloc(64 * 1024, 'x');
  const st = { pulled: 0, destroyed: false };
  const body = new Readable({
    read() {
      if (st.pulled >= total) return void this.push(null);
      const n = Math.min(piece.length, total - st.pulled);
      st.pulled += n;
      this.push(n === piece.length ? piece : piece.subarray(0, n));
    },
    destroy(err, cb) { st.destroyed = true; cb(err); },
  });
  return { body, st };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
