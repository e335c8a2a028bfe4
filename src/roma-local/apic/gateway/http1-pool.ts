// A lean keep-alive HTTP/1.1 client for plain-HTTP backends, one pool per origin: at most
// `connections` sockets, requests beyond that wait in a queue; idle sockets are reused (most
// recent first) and closed after the keep-alive time (the backend's hint wins when shorter).
// A request that meets a stale keep-alive socket (closed by the backend before any byte of the
// answer) goes once more on a fresh connection when that is safe to repeat.
import type { Deadlines } from './deadlines';
import { Http1Connection } from './http1-connection';
import { requestHead, type Http1Request } from './http1-request';

/** What the caller can do with an exchange under way. */
export interface Http1Control {
  /** Ends the exchange with this error (its handler's onError); a busy connection is discarded. */
  abort(err: Error): void;
  /** The reader caught up: reading the body goes on. */
  resume(): void;
}

/** Receives one exchange's events: onStart first, then onResponse, onData… and onComplete, or onError once. */
export interface Http1Handler {
  onStart(ctl: Http1Control): void;
  /** Headers as lower-case names and values, alternating. False: pause until ctl.resume(). */
  onResponse(status: number, headers: string[]): boolean;
  onData(chunk: Buffer): boolean;
  onComplete(): void;
  onError(err: Error): void;
}

export interface Http1PoolOptions {
  deadlines: Deadlines;
  connections?: number;
  keepAliveMs?: number;
  connectTimeoutMs?: number;
  maxHeaderSize?: number;
}

const REPEATABLE = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);

/** One request on its way: queued, then on a connection, then done. */
export class Exchange implements Http1Control {
  conn: Http1Connection | undefined;
  done = false;
  private retried = false;
  constructor(private readonly pool: Http1Pool, readonly req: Http1Request, readonly head: string, readonly handler: Http1Handler) {}

  abort(err: Error): void {
    if (this.done) return;
    if (this.conn?.ex === this) this.conn.fail(err); // calls fail() below
    else this.fail(err); // still queued: skipped when its turn comes
  }

  resume(): void {
    if (!this.done && this.conn?.ex === this) this.conn.resume();
  }

  complete(): void {
    if (this.done) return;
    this.done = true;
    this.handler.onComplete();
  }

  fail(err: Error): void {
    if (this.done) return;
    this.done = true;
    this.handler.onError(err);
  }

  /** Goes again on a new connection, once, when repeating it cannot do harm (Go's net/http rule). */
  retryOnFresh(): boolean {
    if (this.done || this.retried) return false;
    const h = this.req.headers;
    if (!REPEATABLE.has(this.req.method) && h['idempotency-key'] === undefined && h['x-idempotency-key'] === undefined) return false;
    this.retried = true;
    this.conn = undefined;
    this.pool.openFor(this);
    return true;
  }
}

export class Http1Pool {
  readonly deadlines: Deadlines;
  readonly keepAliveMs: number;
  private readonly host: string;
  private readonly hostname: string;
  private readonly port: number;
  private readonly max: number;
  private readonly connectTimeoutMs: number;
  private readonly maxHead: number;
  private readonly conns = new Set<Http1Connection>();
  private idle: Http1Connection[] = [];
  private queue: Exchange[] = [];
  private queueHead = 0;
  /** Connections opened for one exchange (a retry): it gets them first. */
  private readonly reserved = new Map<Http1Connection, Exchange>();
  private sweeper: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(origin: string, o: Http1PoolOptions) {
    const u = new URL(origin);
    if (u.protocol !== 'http:') throw new Error(`Http1Pool: plain http:// origins only, not ${u.protocol}`);
    this.host = u.host;
    this.hostname = u.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(u.port || 80);
    this.deadlines = o.deadlines;
    this.max = o.connections ?? 128;
    this.keepAliveMs = o.keepAliveMs ?? 10_000;
    this.connectTimeoutMs = o.connectTimeoutMs ?? 10_000;
    this.maxHead = o.maxHeaderSize ?? 64 * 1024;
  }

  /** Starts a request; throws (before anything is sent) when it cannot be written as given. */
  dispatch(req: Http1Request, handler: Http1Handler): void {
    const ex = new Exchange(this, req, requestHead(req, this.host), handler);
    handler.onStart(ex);
    if (this.closing) return ex.fail(new Error('the backend client is closed'));
    let c: Http1Connection | undefined;
    while ((c = this.idle.pop())) if (c.usable) return c.assign(ex); // one ending right now is skipped
    this.queue.push(ex);
    if (this.conns.size < this.max) this.open();
  }

  private open(): Http1Connection {
    const c = new Http1Connection(this, this.hostname, this.port, this.connectTimeoutMs, this.maxHead);
    this.conns.add(c);
    return c;
  }

  /** A fresh connection for one exchange (a retry after a stale socket). */
  openFor(ex: Exchange): void {
    if (this.closing) return ex.fail(new Error('the backend client is closed'));
    this.reserved.set(this.open(), ex);
  }

  /** The next queued exchange still waiting, if any. */
  private next(): Exchange | undefined {
    while (this.queueHead < this.queue.length) {
      const ex = this.queue[this.queueHead]!;
      this.queue[this.queueHead++] = undefined as unknown as Exchange;
      if (this.queueHead === this.queue.length) { this.queue = []; this.queueHead = 0; }
      if (!ex.done) return ex;
    }
    return undefined;
  }

  /** A new connection is up. */
  ready(c: Http1Connection): void {
    const mine = this.reserved.get(c);
    if (mine) {
      this.reserved.delete(c);
      if (!mine.done) return c.assign(mine);
    }
    this.release(c, true);
  }

  /** A connection finished an exchange: the next queued one takes it, else it waits idle. */
  release(c: Http1Connection, reusable: boolean): void {
    if (!reusable || !c.live) return; // closed: `closed` opens another if the queue needs one
    const ex = this.next();
    if (ex) return c.assign(ex);
    c.idleSince = performance.now();
    this.idle.push(c);
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.sweep(), 1000);
      this.sweeper.unref();
    }
  }

  /** The connection's socket is gone. */
  closed(c: Http1Connection, err: Error): void {
    this.conns.delete(c);
    const i = this.idle.indexOf(c);
    if (i >= 0) this.idle.splice(i, 1);
    const mine = this.reserved.get(c);
    if (mine) { this.reserved.delete(c); mine.fail(err); }
    if (this.closing) return;
    if (!c.connected) {
      // could not connect: one waiting exchange learns why; all of them when no other connection is left
      if (!mine) this.next()?.fail(err);
      if (this.conns.size === 0) for (let ex = this.next(); ex; ex = this.next()) ex.fail(err);
    } else if (this.waiting() > this.connecting() && this.conns.size < this.max) this.open();
  }

  private waiting(): number {
    let n = 0;
    for (let i = this.queueHead; i < this.queue.length; i++) if (!this.queue[i]!.done) n++;
    return n;
  }

  private connecting(): number {
    let n = 0;
    for (const c of this.conns) if (!c.connected && !this.reserved.has(c)) n++;
    return n;
  }

  /** Closes idle connections past their keep-alive time. */
  private sweep(): void {
    const now = performance.now();
    const expired = this.idle.filter((c) => now - c.idleSince >= c.keepAliveMs);
    if (expired.length > 0) this.idle = this.idle.filter((c) => !expired.includes(c));
    for (const c of expired) c.destroy();
    if (this.idle.length === 0) { clearInterval(this.sweeper); this.sweeper = undefined; }
  }

  get size(): { connections: number; idle: number; queued: number } {
    return { connections: this.conns.size, idle: this.idle.length, queued: this.queue.length - this.queueHead };
  }

  close(): void {
    this.closing = true;
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    const err = new Error('the backend client is closed');
    for (let ex = this.next(); ex; ex = this.next()) ex.fail(err);
    for (const c of this.conns) c.fail(err);
  }
}
