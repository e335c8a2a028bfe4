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

/** Deadlines checked by one interval timer (running only while attempts are pending). */
export class Deadlines {
  private pending = new Set<{ at: number; fire: () => void }>();
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly tickMs = 10) {}

  add(ms: number, fire: () => void): () => void {
    const e = { at: performance.now() + ms, fire };
    this.pending.add(e);
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.tickMs);
      this.timer.unref();
    }
    return () => { this.pending.delete(e); };
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
 * One attempt. Resolves with the answer (a Buffer body once complete for small answers, a
 * streaming body as soon as the headers arrive for big ones); rejects before any answer.
 */
export function callBackend(up: Upstreams, r: BackendRequest, body: Buffer | undefined): Promise<GatewayResult> {
  return new Promise<GatewayResult>((resolve, reject) => {
    let settled = false;
    let abort: ((err: Error) => void) | undefined;
    let timedOut = false;
    const fail = (err: Error) => { cancel(); if (!settled) { settled = true; reject(err); } };
    // still queued for a connection (no abort handle yet): answer now, abort once it connects
    let cancel = up.deadlines.add(r.timeout, () => {
      timedOut = true;
      if (abort) abort(new TimeoutError('backend timeout'));
      else fail(new TimeoutError('backend timeout'));
    });
    let status = 0;
    let headers: Record<string, string | string[]> = {};
    let chunks: Buffer[] | undefined;
    let stream: Readable | undefined;
    let resumeBackend: (() => void) | undefined;
    const handler: Dispatcher.DispatchHandler = {
      onConnect(a) {
        abort = a;
        if (timedOut) a(new TimeoutError('backend timeout'));
      },
      onHeaders(code, raw, resume) {
        status = code;
        headers = responseHeaders(raw as unknown as Buffer[]);
        const len = Number(headers['content-length'] ?? NaN);
        if (len <= BUFFER_MAX) { chunks = []; return true; }
        cancel(); // streaming: from here the backend's pace is bounded by undici's body timeout
        cancel = () => {};
        resumeBackend = resume;
        stream = new Readable({ read: () => resumeBackend?.() });
        settled = true;
        resolve({ status, headers, body: stream });
        return true;
      },
      onData(chunk) {
        if (chunks) { chunks.push(chunk); return true; }
        return stream!.push(chunk);
      },
      onComplete() {
        cancel();
        if (stream) { stream.push(null); return; }
        settled = true;
        const c = chunks ?? [];
        resolve({ status, headers, body: c.length === 1 ? c[0]! : Buffer.concat(c) });
      },
      onError(err) {
        if (stream) { stream.destroy(err); return; }
        fail(err);
      },
    };
    try {
      up.pool(r.origin).dispatch({
        path: r.path, method: r.method as Dispatcher.HttpMethod, headers: r.headers, body,
        headersTimeout: 0, bodyTimeout: r.timeout, // the deadline above bounds the wait for the headers
      }, handler);
    } catch (err) {
      fail(err as Error);
    }
  });
}
