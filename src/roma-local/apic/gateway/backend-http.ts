// Calls an HTTP backend for the gateway, cheaply: one keep-alive undici Pool per backend origin,
// a raw dispatch handler (no Readable or promise per chunk for small answers), and one shared
// timer for every attempt's deadline instead of an AbortController and a timer per request.
// Small answers with a Content-Length are collected into one Buffer; others stream through.
import { Readable } from 'node:stream';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { HOP } from './backend-plan';
import type { BackendRequest } from './backend-plan';
import type { GatewayResult } from './pipeline';

/** Response headers never passed back (content-length is kept: a sized body avoids chunked framing). */
const HOP_RESPONSE = new Set([...HOP].filter((h) => h !== 'content-length' && h !== 'x-request-id'));
/** Answers up to this size (by Content-Length) are buffered; bigger or unsized ones stream. */
const BUFFER_MAX = 256 * 1024;

/** A pending deadline: `fire` runs once `at` (performance.now() ms) has passed. */
export interface Deadline { at: number; fire(): void }

/** Deadlines checked by one interval timer (running only while attempts are pending). */
export class Deadlines {
  private pending = new Set<Deadline>();
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly tickMs = 10) {}

  add(e: Deadline): void {
    this.pending.add(e);
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.tickMs);
      this.timer.unref();
    }
  }

  remove(e: Deadline): void {
    this.pending.delete(e);
  }

  private tick(): void {
    const now = performance.now();
    for (const e of this.pending) {
      if (e.at <= now) { this.pending.delete(e); e.fire(); }
    }
    if (this.pending.size === 0) { clearInterval(this.timer); this.timer = undefined; }
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}

/** One keep-alive connection pool per backend origin. */
export class Upstreams {
  private pools = new Map<string, Pool>();
  readonly deadlines = new Deadlines();

  pool(origin: string): Pool {
    let p = this.pools.get(origin);
    if (!p) this.pools.set(origin, (p = new Pool(origin, { keepAliveTimeout: 10_000, connect: { timeout: 10_000 } })));
    return p;
  }

  async close(): Promise<void> {
    this.deadlines.close();
    const all = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map((p) => p.close().catch(() => p.destroy())));
  }
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}
export const isTimeout = (err: unknown): boolean =>
  err instanceof TimeoutError || err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError
  || err instanceof undiciErrors.ConnectTimeoutError;

function responseHeaders(raw: Buffer[]): Record<string, string | string[]> {
  const h: Record<string, string | string[]> = {};
  let chunked = false;
  for (let i = 0; i < raw.length; i += 2) {
    const k = raw[i]!.toString('latin1').toLowerCase();
    const v = raw[i + 1]!.toString('latin1');
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

/**
 * One attempt, as an undici dispatch handler that is also its own deadline (one object per
 * attempt, no closures: tsx names each closure it creates, which costs a defineProperty).
 */
class BackendCall implements Dispatcher.DispatchHandler, Deadline {
  at: number;
  private settled = false;
  private timedOut = false;
  private abort: ((err: Error) => void) | undefined;
  private status = 0;
  private headers: Record<string, string | string[]> = {};
  private chunks: Buffer[] | undefined;
  private stream: Readable | undefined;
  private resumeBackend: (() => void) | undefined;

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
    if (this.abort) this.abort(new TimeoutError('backend timeout'));
    else this.fail(new TimeoutError('backend timeout'));
  }

  fail(err: Error): void {
    this.deadlines.remove(this);
    if (!this.settled) { this.settled = true; this.reject(err); }
  }

  onConnect(abort: (err: Error) => void): void {
    this.abort = abort;
    if (this.timedOut) abort(new TimeoutError('backend timeout'));
  }

  onHeaders(code: number, raw: Buffer[], resume: () => void): boolean {
    this.status = code;
    const headers = (this.headers = responseHeaders(raw));
    const len = Number(headers['content-length'] ?? NaN);
    if (len <= BUFFER_MAX) { this.chunks = []; return true; }
    // streaming: from here the backend's pace is bounded by undici's body timeout
    this.deadlines.remove(this);
    this.resumeBackend = resume;
    const stream = (this.stream = new Readable({ read: () => this.resumeBackend?.() }));
    this.settled = true;
    this.resolve({ status: code, headers, body: stream });
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.chunks) { this.chunks.push(chunk); return true; }
    return this.stream!.push(chunk);
  }

  onComplete(): void {
    if (this.stream) { this.stream.push(null); return; }
    this.deadlines.remove(this);
    this.settled = true;
    const c = this.chunks ?? [];
    this.resolve({ status: this.status, headers: this.headers, body: c.length === 1 ? c[0]! : Buffer.concat(c) });
  }

  onError(err: Error): void {
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
      up.pool(r.origin).dispatch({
        path: r.path, method: r.method as Dispatcher.HttpMethod, headers: r.headers, body,
        headersTimeout: 0, bodyTimeout: r.timeout, // the deadline above bounds the wait for the headers
      }, call);
    } catch (err) {
      call.fail(err as Error);
    }
  });
}
