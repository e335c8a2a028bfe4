// Calls an HTTP backend for the gateway, cheaply: one keep-alive pool per backend origin (the
// lean HTTP/1.1 client of http1-*.ts for http://, undici for https://), a raw handler (no
// Readable or promise per chunk for small answers), and one shared timer for every attempt's
// deadline instead of an AbortController and a timer per request.
// Small answers with a Content-Length are collected into one Buffer; others stream through.
import { Readable } from 'node:stream';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { HOP } from './backend-plan';
import type { BackendRequest } from './backend-plan';
import { Deadlines, TimeoutError, type Deadline } from './deadlines';
import { Http1Pool, type Http1Control, type Http1Handler } from './http1-pool';
import type { GatewayResult } from './pipeline';

export { Deadlines, TimeoutError, type Deadline } from './deadlines';

/** Response headers never passed back (content-length is kept: a sized body avoids chunked framing). */
const HOP_RESPONSE = new Set([...HOP].filter((h) => h !== 'content-length' && h !== 'x-request-id'));
/** Answers up to this size (by Content-Length) are buffered; bigger or unsized ones stream. */
const BUFFER_MAX = 256 * 1024;

/** Plain-HTTP backends go through the lean HTTP/1.1 client, HTTPS ones through undici. */
type Client = Http1Pool | Pool;

/** One keep-alive connection pool per backend origin. */
export class Upstreams {
  private pools = new Map<string, Client>();
  readonly deadlines = new Deadlines();

  pool(origin: string): Client {
    let p = this.pools.get(origin);
    if (!p) {
      p = origin.startsWith('http:')
        ? new Http1Pool(origin, { deadlines: this.deadlines, keepAliveMs: 10_000, connectTimeoutMs: 10_000 })
        : new Pool(origin, { keepAliveTimeout: 10_000, connect: { timeout: 10_000 } });
      this.pools.set(origin, p);
    }
    return p;
  }

  async close(): Promise<void> {
    this.deadlines.close();
    const all = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map((p) => (p instanceof Http1Pool ? p.close() : p.close().catch(() => p.destroy()))));
  }
}

export const isTimeout = (err: unknown): boolean =>
  err instanceof TimeoutError || err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError
  || err instanceof undiciErrors.ConnectTimeoutError;

/** The answer's headers without hop-by-hop ones; `raw` alternates lower-case names and values. */
function responseHeaders(raw: readonly string[]): Record<string, string | string[]> {
  const h: Record<string, string | string[]> = {};
  let chunked = false;
  for (let i = 0; i < raw.length; i += 2) {
    const k = raw[i]!;
    const v = raw[i + 1]!;
    if (k === 'transfer-encoding') chunked = true;
    if (HOP_RESPONSE.has(k)) continue;
    const prev = h[k];
    if (prev === undefined) h[k] = v;
    else if (k === 'set-cookie') h[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    else h[k] = `${Array.isArray(prev) ? prev.join(', ') : prev}, ${v}`;
  }
  if (chunked) delete h['content-length'];
  return h;
}

/** undici's abort and resume handles as the control the HTTP/1.1 client hands over. */
class UndiciControl implements Http1Control {
  resumeFn: (() => void) | undefined;
  constructor(readonly abort: (err: Error) => void) {}
  resume(): void {
    this.resumeFn?.();
  }
}

/**
 * One attempt, as a handler of either client that is also its own deadline (one object per
 * attempt, no closures: tsx names each closure it creates, which costs a defineProperty).
 */
class BackendCall implements Http1Handler, Dispatcher.DispatchHandler, Deadline {
  at: number;
  private settled = false;
  private ended = false;
  private timedOut = false;
  private ctl: Http1Control | undefined;
  private status = 0;
  private headers: Record<string, string | string[]> = {};
  private chunks: Buffer[] | undefined;
  private stream: Readable | undefined;

  constructor(
    private readonly deadlines: Deadlines, timeout: number,
    private readonly resolve: (r: GatewayResult) => void, private readonly reject: (err: Error) => void,
  ) {
    this.at = performance.now() + timeout;
    deadlines.add(this);
  }

  /** The deadline passed: still queued for a connection (no abort handle yet), answer now and abort once it connects. */
  fire(): void {
    this.timedOut = true;
    if (this.ctl) this.ctl.abort(new TimeoutError('backend timeout'));
    else this.fail(new TimeoutError('backend timeout'));
  }

  fail(err: Error): void {
    this.deadlines.remove(this);
    if (!this.settled) { this.settled = true; this.reject(err); }
  }

  onStart(ctl: Http1Control): void {
    this.ctl = ctl;
  }

  onConnect(abort: (err: Error) => void): void {
    this.ctl = new UndiciControl(abort);
    if (this.timedOut) abort(new TimeoutError('backend timeout'));
  }

  onHeaders(code: number, raw: Buffer[], resume: () => void): boolean {
    (this.ctl as UndiciControl).resumeFn = resume;
    const names: string[] = [];
    for (let i = 0; i < raw.length; i++) names.push(i % 2 === 0 ? raw[i]!.toString('latin1').toLowerCase() : raw[i]!.toString('latin1'));
    return this.onResponse(code, names);
  }

  onResponse(code: number, raw: string[]): boolean {
    this.status = code;
    const headers = (this.headers = responseHeaders(raw));
    const len = Number(headers['content-length'] ?? NaN);
    if (len <= BUFFER_MAX) { this.chunks = []; return true; }
    // streaming: from here the backend's pace is bounded by the client's body timeout
    this.deadlines.remove(this);
    const stream = (this.stream = new Readable({
      read: () => this.ctl?.resume(),
      // the caller went away (its client disconnected): the backend exchange ends too
      destroy: (err, cb) => { if (!this.ended) this.ctl?.abort(err ?? new Error('the answer was abandoned')); cb(err); },
    }));
    this.settled = true;
    this.resolve({ status: code, headers, body: stream });
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.chunks) { this.chunks.push(chunk); return true; }
    return this.stream!.push(chunk);
  }

  onComplete(): void {
    this.ended = true;
    if (this.stream) { this.stream.push(null); return; }
    this.deadlines.remove(this);
    this.settled = true;
    const c = this.chunks ?? [];
    this.resolve({ status: this.status, headers: this.headers, body: c.length === 1 ? c[0]! : Buffer.concat(c) });
  }

  onError(err: Error): void {
    this.ended = true;
    if (this.stream) { this.stream.destroy(err); return; }
    this.fail(err);
  }
}

/**
 * One attempt. Resolves with the answer (a Buffer body once complete for small answers, a
 * streaming body as soon as the headers arrive for big ones); rejects before any answer.
 */
export function callBackend(up: Upstreams, r: BackendRequest, body: Buffer | undefined): Promise<GatewayResult> {
  return new Promise<GatewayResult>((resolve, reject) => {
    const call = new BackendCall(up.deadlines, r.timeout, resolve, reject);
    try {
      const p = up.pool(r.origin);
      if (p instanceof Http1Pool) p.dispatch({ path: r.path, method: r.method, headers: r.headers, body, bodyTimeout: r.timeout }, call);
      else {
        p.dispatch({
          path: r.path, method: r.method as Dispatcher.HttpMethod, headers: r.headers, body,
          headersTimeout: 0, bodyTimeout: r.timeout, // the deadline above bounds the wait for the headers
        }, call);
      }
    } catch (err) {
      call.fail(err as Error);
    }
  });
}
