// The gateway's HTTP server (its own port; the raw HTTP/1.1 server of front-*.ts): turns a
// request into a GatewayRequest, runs the pipeline, writes the result (streaming backend bodies),
// and answers every failure in the vendor's gateway shape with X-Request-Id — never a hang,
// never a body-less 500.
import type { Readable } from 'node:stream';
import type { Ctx } from '../../context';
import { backendStage } from './backend';
import { Upstreams } from './backend-http';
import { GatewayError, gatewayErrorBody, GW, requestId } from './errors';
import type { FrontConnection } from './front-connection';
import { FrontServer, type FrontOptions } from './front-server';
import { newContext as makeContext, Pipeline, type GatewayContext, type GatewayRequest, type GatewayResult } from './pipeline';
import { RouteTable } from './routing';
import { authStage, paramsStage, routeStage } from './stages';
import { Stats } from './stats';
import type { ApicStores } from '../stores';

export { requestId } from './errors';

export const MAX_BODY = 12 * 1024 * 1024;
/** The query of every request without one: shared, never written to (stages only read `req.query`). */
const NO_QUERY = new URLSearchParams();
export const MAX_URI = 32 * 1024;
const MAX_HEADERS = 128 * 1024;
/** The front server's limits and timeouts (node:http's defaults: keep-alive 5 s, headers 60 s, request 120 s). */
export const FRONT: FrontOptions = {
  maxHead: MAX_HEADERS, maxUri: MAX_URI, maxBody: MAX_BODY, keepAliveMs: 5_000, headersMs: 60_000, requestMs: 120_000,
};

export interface Gateway {
  url: string;
  pipeline: Pipeline;
  routes: RouteTable;
  stats: Stats;
  /** Runs one request through a pipeline (the gateway's own by default); errors become results. */
  handle(req: GatewayRequest, pipeline?: Pipeline, trace?: boolean): Promise<{ ctx: GatewayContext; result: GatewayResult }>;
  close(): Promise<void>;
}

export function errorResult(e: GatewayError, requestId: string): GatewayResult {
  return {
    status: e.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(gatewayErrorBody(e, requestId))),
  };
}

export async function startGateway(ctx: Ctx, stores: ApicStores, host: string, port: number, front: FrontOptions = FRONT): Promise<Gateway> {
  const upstreams = new Upstreams();
  const routes = new RouteTable(ctx.db, stores.state);
  const stats = new Stats(ctx.db, ctx.now);
  const pipeline = new Pipeline()
    .use('route', routeStage(routes))
    .use('auth', authStage(ctx))
    .use('params', paramsStage)
    .use('backend', backendStage(upstreams));

  /** The result of a finished run (errors included), after the answer hooks. */
  function settle(gctx: GatewayContext, err?: unknown): GatewayResult {
    let result: GatewayResult;
    if (err === undefined && gctx.result) result = gctx.result;
    else {
      const e = err instanceof GatewayError ? err : GW.internal();
      if (gctx.trace) {
        if (err !== undefined && !(err instanceof GatewayError)) gctx.log.push(`error: ${(err as Error).message}`);
        gctx.log.push(`answer: ${e.status} ${e.code} ${e.message}`);
      }
      result = errorResult(e, gctx.requestId);
    }
    if (gctx.onAnswer) for (const f of gctx.onAnswer) f(result);
    return result;
  }

  /** Runs the pipeline: the result at once when every stage was synchronous (mocks), else a promise. */
  function execute(gctx: GatewayContext, p: Pipeline): GatewayResult | Promise<GatewayResult> {
    let pending: Promise<void> | void;
    try {
      pending = p.run(gctx);
    } catch (err) {
      return settle(gctx, err);
    }
    if (!pending) return settle(gctx);
    return pending.then(() => settle(gctx), (err: unknown) => settle(gctx, err ?? new Error('stage failed')));
  }

  const newContext = (req: GatewayRequest, trace: boolean): GatewayContext => makeContext(requestId(), Date.now(), req, trace);

  function handle(req: GatewayRequest, p: Pipeline = pipeline, trace = false): Promise<{ ctx: GatewayContext; result: GatewayResult }> {
    const gctx = newContext(req, trace);
    return Promise.resolve(execute(gctx, p)).then((result) => ({ ctx: gctx, result }));
  }

  // The hot path below creates no closures per request (tsx names every closure it creates,
  // which costs a defineProperty each) and copies no header objects.
  function record(gctx: GatewayContext, status: number, t0: number, bytesIn: number, bytesOut: number): void {
    const api = gctx.match?.route.api;
    if (api && gctx.instanceId) {
      stats.record(gctx.instanceId, api.id, api.group_id, status, performance.now() - t0, gctx.backendLatency ?? 0, bytesIn, bytesOut);
    }
  }

  /** Writes the answer; the gateway's X-Request-Id wins over a backend's. */
  function answer(conn: FrontConnection, gctx: GatewayContext, result: GatewayResult, t0: number): void {
    const headers = result.headers; // every stage hands over an object of its own (plugins edit it too)
    headers['x-request-id'] = gctx.requestId;
    const status = result.status;
    // HEAD, 204 and 304 answers carry no body (a backend's answer to HEAD keeps the length GET would have)
    const noBody = gctx.req.method === 'HEAD' || status === 204 || status === 304;
    const bytesIn = gctx.req.body.length;
    const body = result.body;
    if (Buffer.isBuffer(body)) {
      if (status !== 204 && status !== 304 && (!noBody || headers['content-length'] === undefined)) headers['content-length'] = String(body.length);
      if (!conn.send(status, headers, body, noBody)) return unwritable(conn, gctx, t0, bytesIn);
      return record(gctx, status, t0, bytesIn, body.length);
    }
    const ok = conn.stream(status, headers, body, noBody, (bytesOut) => record(gctx, status, t0, bytesIn, bytesOut));
    if (!ok) { body.destroy(); unwritable(conn, gctx, t0, bytesIn); }
  }

  /** A result whose status or headers (from a backend, a mock, a plugin) cannot be written: a 502 instead, never an injected line. */
  function unwritable(conn: FrontConnection, gctx: GatewayContext, t0: number, bytesIn: number): void {
    const r = errorResult(GW.backendUnavailable('The answer has an invalid status or header.'), gctx.requestId);
    const body = r.body as Buffer;
    r.headers['x-request-id'] = gctx.requestId;
    r.headers['content-length'] = String(body.length);
    conn.send(r.status, r.headers, body, gctx.req.method === 'HEAD');
    record(gctx, r.status, t0, bytesIn, body.length);
  }

  function onRequest(conn: FrontConnection): void {
    const t0 = performance.now();
    const r = conn.req;
    const raw = r.url;
    const q = raw.indexOf('?');
    const headers = r.headers;
    const host = headers.host;
    const gctx = newContext({
      method: r.method, path: (q < 0 ? raw : raw.slice(0, q)) || '/',
      query: q < 0 ? NO_QUERY : new URLSearchParams(raw.slice(q + 1)),
      headers, body: r.body, host: typeof host === 'string' ? host : '',
      remoteAddress: conn.remoteAddress, localAddress: conn.localAddress,
    }, false);
    // as execute(), with one promise reaction instead of two for an asynchronous run
    let pending: Promise<void> | void;
    try {
      pending = pipeline.run(gctx);
    } catch (err) {
      return answer(conn, gctx, settle(gctx, err), t0);
    }
    if (!pending) return answer(conn, gctx, settle(gctx), t0);
    void pending.then(
      () => answer(conn, gctx, settle(gctx), t0),
      (err: unknown) => answer(conn, gctx, settle(gctx, err ?? new Error('stage failed')), t0),
    );
  }

  const server = new FrontServer(onRequest, front);
  const addr = await server.listen(port, host);

  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  return {
    url: `http://${urlHost}:${addr.port}`, pipeline, routes, stats, handle,
    close: async () => {
      stats.close();
      await server.close();
      await upstreams.close();
    },
  };
}

/** Collects a result body (debug answers it as text), keeping at most `max` bytes. */
export async function readBody(body: Buffer | Readable, max: number): Promise<{ data: Buffer; truncated: boolean }> {
  if (Buffer.isBuffer(body)) return { data: body.subarray(0, max), truncated: body.length > max };
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const c of body as AsyncIterable<Buffer>) {
    if (size < max) chunks.push(c.subarray(0, max - size));
    size += c.length;
    if (size > max) truncated = true;
  }
  return { data: Buffer.concat(chunks), truncated };
}
