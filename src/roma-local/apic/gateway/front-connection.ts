// One client connection of the gateway's front server. Requests are read one at a time: while
// one is served, later (pipelined) bytes wait unparsed — reading pauses when too many wait — so
// answers go out strictly in order. A buffered answer is one write; a streamed one is chunked
// (or sized) with backpressure both ways. Timeouts are deadlines the server's one timer checks.
import type net from 'node:net';
import type { Readable } from 'node:stream';
import { GatewayError, GW } from './errors';
import { RequestParser } from './front-parser';
import { BodyPump } from './front-stream';
import { CHUNKED, CLOSE, errorAnswer, joinHead, responseHead } from './front-writer';
import type { Headers } from './front-headers';
import { DIGITS } from './http1-syntax';
import type { FrontServer } from './front-server';

const enum St { Reading, Serving, Closing }
/** What the deadline stands for: none, keep-alive idle, head, whole request, closing. */
const enum T { None, Idle, Head, Request, Linger }
const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';
/** Bytes of pipelined input held while a request is served before reading pauses. */
const STASH_MAX = 256 * 1024;
/** What a held read costs beyond its bytes (its Buffer object): counted, so that a client sending
 * a byte at a time cannot make a connection hold hundreds of thousands of tiny buffers. */
const READ_OVERHEAD = 256;
/** Bodies above this size go out in their own write rather than copied behind the head. */
const COPY_MAX = 64 * 1024;
/** How long a closing connection waits for the client's side to close. */
const LINGER_MS = 2000;

export class FrontConnection {
  /** The request being served (method, url, version, headers, body). */
  readonly req: RequestParser;
  readonly remoteAddress: string;
  readonly localAddress: string;
  /** performance.now() ms at which the current timeout fires (Infinity: none). */
  deadline: number;
  private timer = T.Head;
  private startedAt: number;
  private state = St.Reading;
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private inLoop = false;
  private paused = false;
  /** The client has half-closed: answer what came, then close. */
  private ended = false;
  private keepAlive = true;
  private waitDrain = false;
  /** The body being streamed, if any. */
  private out: BodyPump | undefined;

  constructor(readonly socket: net.Socket, private readonly server: FrontServer) {
    this.req = new RequestParser(server.opts);
    this.remoteAddress = socket.remoteAddress ?? '';
    this.localAddress = socket.localAddress ?? '';
    this.startedAt = performance.now();
    this.deadline = this.startedAt + server.opts.headersMs; // a fresh connection has headersMs for its first head
    socket.on('data', (c: Buffer) => this.onData(c));
    socket.on('end', () => this.onEnd());
    socket.on('drain', () => this.onDrain());
    socket.on('error', () => {}); // 'close' follows
    socket.on('close', () => this.onClose());
  }

  // ---- answers (the server's handler calls one of them once per request) ----

  /** Writes a buffered answer; false (nothing written) when its head cannot be written as it is. */
  send(status: number, headers: Headers, body: Buffer, noBody: boolean): boolean {
    if (this.state !== St.Serving) return true; // the client is gone
    const head = responseHead(status, headers, this.keepAlive ? this.server.keepAliveLines : CLOSE, '');
    if (head === undefined) return false;
    const s = this.socket;
    if (noBody || body.length === 0) s.write(head, 'latin1');
    else if (body.length <= COPY_MAX) s.write(joinHead(head, body));
    else { s.cork(); s.write(head, 'latin1'); s.write(body); s.uncork(); }
    this.finished();
    return true;
  }

  /** Streams an answer: sized by its Content-Length, else chunked (HTTP/1.0: until the connection closes). */
  stream(status: number, headers: Headers, body: Readable, noBody: boolean, done: (bytes: number) => void): boolean {
    if (this.state !== St.Serving) { body.destroy(); return true; }
    const cl = headers['content-length'];
    let framing = '';
    let left = -1;
    if (!noBody && cl !== undefined) {
      if (typeof cl !== 'string' || !DIGITS.test(cl)) return false;
      left = Number(cl);
    } else if (!noBody && this.req.version === 1) framing = CHUNKED;
    const keepAlive = this.keepAlive && (noBody || left >= 0 || framing !== '');
    const head = responseHead(status, headers, keepAlive ? this.server.keepAliveLines : CLOSE, framing);
    if (head === undefined) return false;
    this.keepAlive = keepAlive;
    this.socket.write(head, 'latin1');
    if (noBody || left === 0 || body.destroyed) { // nothing to stream (a destroyed source: the answer is cut short)
      const complete = noBody || left === 0;
      body.destroy();
      if (!complete) this.socket.destroy();
      else { done(0); this.finished(); }
      return true;
    }
    this.out = new BodyPump(this.socket, body, framing !== '', left, (ok, bytes) => {
      this.out = undefined;
      if (!ok) return void this.socket.destroy();
      done(bytes);
      this.finished();
    });
    return true;
  }

  /** Answers a request that cannot be served (malformed, too large, too slow) and closes. */
  reject(err: unknown): void {
    if (this.state === St.Closing) return;
    const e = err instanceof GatewayError ? err : GW.badRequest('the HTTP request is malformed');
    this.socket.write(errorAnswer(e));
    this.close();
  }

  /** The deadline passed. */
  expire(): void {
    if (this.timer === T.Head || this.timer === T.Request) this.reject(GW.requestTimeout());
    else if (this.timer !== T.None) this.socket.destroy(); // idle keep-alive, or a client that never closed
  }

  // ---- reading ----

  private onData(chunk: Buffer): void {
    if (this.state === St.Closing) return; // the answer is out: what follows is dropped
    this.queue.push(chunk);
    this.queued += chunk.length + READ_OVERHEAD;
    if (this.state === St.Reading && !this.inLoop) this.pump();
    else if (this.queued > STASH_MAX && !this.paused) { this.paused = true; this.socket.pause(); }
  }

  /** Parses queued bytes and serves the requests they hold, one at a time. */
  private pump(): void {
    this.inLoop = true;
    while (this.state === St.Reading && this.queue.length > 0) {
      const buf = this.queue.shift()!;
      this.queued -= buf.length + READ_OVERHEAD;
      const pos = this.feed(buf);
      if (pos < buf.length && (this.state as St) !== St.Closing) { this.queue.unshift(buf.subarray(pos)); this.queued += buf.length - pos + READ_OVERHEAD; }
    }
    this.inLoop = false;
    if (this.state === St.Closing) return;
    if (this.paused && this.queued <= STASH_MAX) { this.paused = false; this.socket.resume(); }
    if (this.ended && this.state === St.Reading) this.atEnd();
  }

  /** Feeds one buffer; returns where it stopped (a request being served leaves the rest unread). */
  private feed(buf: Buffer): number {
    const p = this.req;
    let pos = 0;
    while (pos < buf.length && this.state === St.Reading) {
      if (this.timer === T.Idle) { this.timer = T.Head; this.startedAt = performance.now(); this.deadline = this.startedAt + this.server.opts.headersMs; }
      try {
        pos = p.execute(buf, pos);
      } catch (err) {
        this.reject(err);
        return buf.length;
      }
      if (!p.complete) {
        if (p.inBody && this.timer === T.Head) { this.timer = T.Request; this.deadline = this.startedAt + this.server.opts.requestMs; }
        if (p.continueDue) { p.continueDue = false; this.socket.write(CONTINUE, 'latin1'); }
        return pos;
      }
      this.state = St.Serving;
      this.timer = T.None;
      this.deadline = Infinity;
      this.keepAlive = p.keepAlive;
      try {
        this.server.handler(this);
      } catch {
        if (this.state === St.Serving && !this.out) this.reject(GW.internal());
      }
    }
    return pos;
  }

  /** An answer is out: on to the next request (once the client reads what was written), or close. */
  private finished(): void {
    this.req.reset();
    if (!this.keepAlive) return this.close();
    if (this.socket.writableNeedDrain) { this.waitDrain = true; return; }
    this.next();
  }

  private next(): void {
    this.state = St.Reading;
    this.timer = T.Idle;
    this.deadline = performance.now() + this.server.opts.keepAliveMs;
    if (!this.inLoop) this.pump();
  }

  private onDrain(): void {
    if (this.out) this.out.drain();
    else if (this.waitDrain) { this.waitDrain = false; this.next(); }
  }

  private onEnd(): void {
    this.ended = true;
    if (this.state === St.Reading && !this.inLoop && this.queue.length === 0) this.atEnd();
  }

  /** The client sent all it will: a request cut short is malformed, else the connection is done. */
  private atEnd(): void {
    if (this.req.started) this.reject(GW.badRequest('the HTTP request is malformed (the connection ended mid-request)'));
    else this.close();
  }

  /** Ends the connection after what was written; the client gets a moment to close its side. */
  private close(): void {
    this.state = St.Closing;
    this.timer = T.Linger;
    this.deadline = performance.now() + LINGER_MS;
    this.queue.length = 0;
    this.queued = 0;
    if (this.paused) { this.paused = false; this.socket.resume(); } // read (and drop) until the client closes
    this.socket.end();
  }

  private onClose(): void {
    this.state = St.Closing;
    this.timer = T.None;
    this.deadline = Infinity;
    this.server.forget(this);
    this.out?.abort();
  }
}
