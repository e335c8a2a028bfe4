// The gateway's HTTP server (node:http, its own port): turns a request into a GatewayRequest,
// runs the pipeline, writes the result (streaming backend bodies), and answers every failure
// in the vendor's gateway shape with X-Request-Id — never a hang, never a body-less 500.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pipeline as pump, type Readable } from 'node:stream';
import type { Ctx } from '../../context';
import { randomBytes } from 'node:crypto';
import { backendStage } from './backend';
import { Upstreams } from './backend-http';
import { GatewayError, gatewayErrorBody, GW } from './errors';
import { newContext as makeContext, Pipeline, type GatewayContext, type GatewayRequest, type GatewayResult } from './pipeline';
import { RouteTable } from './routing';
import { authStage, paramsStage, routeStage } from './stages';
import { Stats } from './stats';
import type { ApicStores } from '../stores';

/** Request ids: 32 hex characters, a random per-process prefix and a counter (no RNG call per request). */
const ID_PREFIX = randomBytes(8).toString('hex');
let idCounter = 0;
export const requestId = (): string => ID_PREFIX + (idCounter++).toString(16).padStart(16, '0');

export const MAX_BODY = 12 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);
/** The query of every request without one: shared, never written to (stages only read `req.query`). */
const NO_QUERY = new URLSearchParams();
export const MAX_URI = 32 * 1024;
const MAX_HEADERS = 128 * 1024;

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

function rawError(socket: Socket, e: GatewayError): void {
  const body = JSON.stringify(gatewayErrorBody(e, requestId()));
  if (socket.writable) {
    socket.end(`HTTP/1.1 ${e.status} ${http.STATUS_CODES[e.status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${JSON.parse(body).request_id}\r\nConnection: close\r\n\r\n${body}`);
  } else socket.destroy();
}

export async function startGateway(ctx: Ctx, stores: ApicStores, host: string, port: number): Promise<Gateway> {
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
  function fail(res: http.ServerResponse, e: GatewayError): void {
    const id = requestId();
    const r = errorResult(e, id);
    res.writeHead(r.status, { ...r.headers, 'x-request-id': id, connection: 'close' });
    res.end(r.body);
  }

  function record(gctx: GatewayContext, status: number, t0: number, bytesIn: number, bytesOut: number): void {
    const api = gctx.match?.route.api;
    if (api && gctx.instanceId) {
      stats.record(gctx.instanceId, api.id, api.group_id, status, performance.now() - t0, gctx.backendLatency ?? 0, bytesIn, bytesOut);
    }
  }

  /** Writes the answer; the gateway's X-Request-Id wins over a backend's. */
  function answer(res: http.ServerResponse, gctx: GatewayContext, result: GatewayResult, t0: number): void {
    const headers = result.headers; // every stage hands over an object of its own (plugins edit it too)
    headers['x-request-id'] = gctx.requestId;
    const head = gctx.req.method === 'HEAD';
    const bytesIn = gctx.req.body.length;
    if (Buffer.isBuffer(result.body)) {
      // a backend's answer to HEAD has no body but keeps the length GET would have
      if (!head || headers['content-length'] === undefined) headers['content-length'] = String(result.body.length);
      res.writeHead(result.status, headers);
      res.end(head ? undefined : result.body);
      return record(gctx, result.status, t0, bytesIn, result.body.length);
    }
    let bytesOut = 0;
    res.once('finish', () => record(gctx, result.status, t0, bytesIn, bytesOut));
    const body = result.body as Readable;
    res.writeHead(result.status, headers);
    body.on('data', (c: Buffer) => { bytesOut += c.length; });
    pump(body, res, (err) => { if (err) res.destroy(); });
  }

  function serve(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, t0: number): void {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const gctx = newContext({
      method: req.method ?? 'GET', path: (q < 0 ? raw : raw.slice(0, q)) || '/',
      query: q < 0 ? NO_QUERY : new URLSearchParams(raw.slice(q + 1)),
      headers: req.headers, body, host: req.headers.host ?? '',
      remoteAddress: req.socket.remoteAddress ?? '', localAddress: req.socket.localAddress ?? '',
    }, false);
    // as execute(), with one promise reaction instead of two for an asynchronous run
    let pending: Promise<void> | void;
    try {
      pending = pipeline.run(gctx);
    } catch (err) {
      return answer(res, gctx, settle(gctx, err), t0);
    }
    if (!pending) return answer(res, gctx, settle(gctx), t0);
    void pending.then(
      () => answer(res, gctx, settle(gctx), t0),
      (err: unknown) => answer(res, gctx, settle(gctx, err ?? new Error('stage failed')), t0),
    );
  }

  function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const t0 = performance.now();
    if ((req.url ?? '').length > MAX_URI) return fail(res, GW.uriTooLarge());
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) { req.resume(); return fail(res, GW.tooLarge()); }
    // no body declared: answer without waiting for 'end' (node drains the empty body itself)
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      req.resume();
      return serve(req, res, EMPTY, t0);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { aborted = true; req.pause(); fail(res, GW.tooLarge()); req.destroy(); return; }
      if (!aborted) chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (!aborted) serve(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), t0);
    });
  }

  const server = http.createServer({ maxHeaderSize: MAX_HEADERS, requestTimeout: 120_000 }, onRequest);
  server.on('connection', (socket: Socket) => socket.setNoDelay(true)); // no Nagle delay on small writes
  // malformed requests, oversized headers: answer in the gateway shape instead of a bare close
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    rawError(socket, err.code === 'HPE_HEADER_OVERFLOW' ? GW.headersTooLarge() : GW.badRequest('the HTTP request is malformed'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
  const addr = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  return {
    url: `http://${urlHost}:${addr.port}`, pipeline, routes, stats, handle,
    close: async () => {
      stats.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
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
