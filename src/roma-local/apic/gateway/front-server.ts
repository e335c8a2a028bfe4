// The gateway's front HTTP/1.1 server on a raw net.Server: node:http's IncomingMessage and
// ServerResponse machinery was most of the gateway's cost per request. Connections
// (front-connection.ts) parse with front-parser.ts and write with front-writer.ts; one timer
// checks every connection's deadline (keep-alive idle, headers, whole request, closing).
import net from 'node:net';
import { FrontConnection } from './front-connection';
import type { FrontLimits } from './front-parser';
import { keepAliveLines } from './front-writer';

export interface FrontOptions extends FrontLimits {
  /** Idle time allowed between requests on a kept-alive connection (node's keepAliveTimeout: 5 s). */
  keepAliveMs: number;
  /** Time to receive a request's head (node's headersTimeout: 60 s). */
  headersMs: number;
  /** Time to receive a whole request (node's requestTimeout: 120 s). */
  requestMs: number;
}

/** Serves the request on `conn.req`, answering once with conn.send() or conn.stream(). */
export type FrontHandler = (conn: FrontConnection) => void;

export class FrontServer {
  readonly keepAliveLines: string;
  private readonly conns = new Set<FrontConnection>();
  private readonly server: net.Server;
  private readonly timer: NodeJS.Timeout;

  constructor(readonly handler: FrontHandler, readonly opts: FrontOptions) {
    this.keepAliveLines = keepAliveLines(opts.keepAliveMs);
    this.server = net.createServer({ allowHalfOpen: true, noDelay: true }, (s) => { this.conns.add(new FrontConnection(s, this)); });
    const tick = Math.max(10, Math.min(1000, Math.min(opts.keepAliveMs, opts.headersMs, opts.requestMs) / 4));
    this.timer = setInterval(() => this.check(), tick);
    this.timer.unref();
  }

  listen(port: number, host: string): Promise<net.AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(this.server.address() as net.AddressInfo);
      });
    });
  }

  forget(c: FrontConnection): void {
    this.conns.delete(c);
  }

  private check(): void {
    const now = performance.now();
    for (const c of this.conns) if (c.deadline <= now) c.expire();
  }

  /** Stops listening and drops every connection. */
  close(): Promise<void> {
    clearInterval(this.timer);
    for (const c of this.conns) c.socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
