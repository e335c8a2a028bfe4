// One keep-alive HTTP/1.1 connection of the backend client: writes one request at a time,
// parses the answer as it arrives and hands it to the exchange's handler; pauses the socket
// while a streamed body's reader is behind; a body that stalls longer than the body timeout
// (while the reader keeps up) fails. The pool decides what a freed or failed connection does next.
import net from 'node:net';
import { TimeoutError, type Deadline } from './deadlines';
import { ProtocolError, ResponseParser, type ParserSink, type ResponseHead } from './http1-response';
import type { Exchange, Http1Pool } from './http1-pool';

/** Every backend connection reads into this buffer; the parser consumes each read at once. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

export class Http1Connection implements ParserSink, Deadline {
  readonly socket: net.Socket;
  private readonly parser: ResponseParser;
  /** The exchange on this connection; undefined while connecting or idle. */
  ex: Exchange | undefined;
  connected = false;
  /** Responses read on it so far (a stale keep-alive socket only shows on reuse). */
  served = 0;
  idleSince = 0;
  /** How long it may stay idle (the pool's setting, or less when the backend said so). */
  keepAliveMs: number;
  private closed = false;
  private gotBytes = false;
  private complete = false;
  private reusable = false;
  private paused = false;
  private bodyTimer = false;
  at = 0;

  constructor(private readonly pool: Http1Pool, host: string, port: number, connectTimeoutMs: number, maxHead: number) {
    this.keepAliveMs = pool.keepAliveMs;
    this.parser = new ResponseParser(this, maxHead);
    // reads land in one reused buffer (no buffer and no stream 'data' event per read); what outlives the read is copied
    const onread = { buffer: READ_BUFFER, callback: (n: number, b: Buffer) => { this.onSocketData(b.subarray(0, n)); return true; } };
    const s = (this.socket = net.connect({ host, port, noDelay: true, keepAlive: true, keepAliveInitialDelay: 60_000, onread }));
    s.setTimeout(connectTimeoutMs);
    s.on('connect', () => this.onConnect());
    s.on('timeout', () => s.destroy(new TimeoutError('backend connect timeout')));
    s.on('end', () => this.onSocketEnd());
    s.on('error', (err: Error) => this.onClose(err));
    s.on('close', () => this.onClose(new ProtocolError('the backend closed the connection', 'ECONNRESET')));
  }

  get live(): boolean {
    return !this.closed;
  }

  /** Can take a request: connected, and neither closed nor being closed. */
  get usable(): boolean {
    return this.connected && !this.closed && !this.socket.destroyed && !this.socket.readableEnded;
  }

  private onConnect(): void {
    this.connected = true;
    this.socket.setTimeout(0);
    this.pool.ready(this);
  }

  /** Writes the exchange's request (the pool hands over only what an idle or new connection can take). */
  assign(ex: Exchange): void {
    this.ex = ex;
    ex.conn = this;
    this.gotBytes = false;
    this.complete = false;
    this.paused = false;
    this.parser.start(ex.req.method === 'HEAD');
    const s = this.socket;
    const body = ex.req.body;
    if (body && body.length > 0) {
      s.cork();
      s.write(ex.head, 'latin1');
      s.write(body);
      s.uncork();
    } else s.write(ex.head, 'latin1');
  }

  // ---- parser events (within onData / onEnd) ----
  onHead(head: ResponseHead): void {
    const ex = this.ex!;
    this.reusable = head.keepAlive;
    if (head.keepAliveMs >= 0) { // the backend's idle limit, less a margin against the race with its own close
      const ms = head.keepAliveMs - 2000;
      if (ms < 1000) this.reusable = false;
      else this.keepAliveMs = Math.min(ms, this.pool.keepAliveMs);
    }
    if (!ex.handler.onResponse(head.status, head.headers)) this.pause();
  }

  onBody(chunk: Buffer): void {
    const ex = this.ex!;
    if (this.bodyTimer) this.at = performance.now() + ex.req.bodyTimeout;
    if (!ex.handler.onData(Buffer.from(chunk))) this.pause(); // a copy: `chunk` is a view of the reused read buffer
  }

  onEnd(): void {
    this.complete = true;
  }

  // ---- flow control ----
  private pause(): void {
    if (!this.paused) { this.paused = true; this.socket.pause(); }
  }

  resume(): void {
    if (this.paused && !this.closed) { this.paused = false; this.socket.resume(); }
  }

  /** The body timeout passed: a reader that is behind is not the backend's fault. */
  fire(): void {
    if (!this.bodyTimer || !this.ex) return;
    if (this.paused) { this.at = performance.now() + this.ex.req.bodyTimeout; this.pool.deadlines.add(this); return; }
    this.bodyTimer = false;
    this.fail(new TimeoutError('backend body timeout'));
  }

  // ---- socket events ----
  private onSocketData(chunk: Buffer): void {
    const ex = this.ex;
    if (!ex) return this.destroy(); // bytes nobody asked for: the connection is out of step
    this.gotBytes = true;
    try {
      const used = this.parser.execute(chunk);
      if (this.complete) this.finish(used < chunk.length);
      else if (!this.bodyTimer && this.ex === ex && ex.req.bodyTimeout > 0 && this.parser.inBody) {
        // the body goes on past this read (most answers come whole in one): its pace is watched from here
        this.bodyTimer = true;
        this.at = performance.now() + ex.req.bodyTimeout;
        this.pool.deadlines.add(this);
      }
    } catch (err) {
      this.fail(err as Error);
    }
  }

  private onSocketEnd(): void {
    if (this.ex && !this.complete) {
      try {
        this.parser.eof();
      } catch (err) {
        return this.onClose(err as Error);
      }
      if (this.complete) { this.reusable = false; this.finish(false); }
    }
    this.destroy();
  }

  /** Ends the exchange after its last byte: the connection goes back to the pool or closes. */
  private finish(extraBytes: boolean): void {
    const ex = this.ex!;
    this.complete = false;
    this.ex = undefined;
    this.served++;
    this.stopBodyTimer();
    // bytes after the answer, or a request still being written: the connection is out of step
    const again = this.reusable && !extraBytes && !this.closed && this.socket.writableLength === 0;
    if (!again) this.destroy();
    ex.complete();
    this.pool.release(this, again);
  }

  private stopBodyTimer(): void {
    if (this.bodyTimer) { this.bodyTimer = false; this.pool.deadlines.remove(this); }
  }

  /** The exchange on it failed: it is told, and the connection is discarded. */
  fail(err: Error): void {
    const ex = this.ex;
    this.ex = undefined;
    this.parser.stop();
    this.stopBodyTimer();
    this.destroy();
    ex?.fail(err);
  }

  /** Ends the connection (the pool forgets it when the socket has closed). */
  destroy(): void {
    if (!this.socket.destroyed) this.socket.destroy();
  }

  /** The socket errored or closed: the exchange on it (if any) fails or is retried. */
  private onClose(err: Error): void {
    if (this.closed) {
      if (this.ex) this.fail(err);
      return;
    }
    this.closed = true;
    this.destroy();
    const ex = this.ex;
    this.ex = undefined;
    this.parser.stop();
    this.stopBodyTimer();
    this.pool.closed(this, err);
    if (ex) {
      // a keep-alive socket the backend had closed: nothing of the answer came, the request can go again
      if (!this.gotBytes && this.served > 0 && ex.retryOnFresh()) return;
      ex.fail(err);
    }
  }
}
