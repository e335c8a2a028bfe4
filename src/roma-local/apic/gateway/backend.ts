// The backend stage: MOCK answers its configured status, headers and body; HTTP calls the
// backend URL with the mapped parameters (request, constant, system), the API's timeout and
// retries, and streams the answer back. FUNCTION and VPC-channel backends are stored and shown
// but not available in roma-local.
import { Agent, errors as undiciErrors, request } from 'undici';
import { ENV_VAR_REF_RE } from '../../../contract/index';
import { isoMillis } from '../../util';
import { GatewayError, GW } from './errors';
import type { GatewayContext, Stage } from './pipeline';
import { corsHeaders, header } from './stages';

/** Hop-by-hop and gateway-owned headers, never forwarded in either direction. */
const HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade',
  'host', 'content-length', 'expect', 'x-stage', 'x-auth-token', 'x-request-id',
]);
/** Response headers never passed back (content-length is kept: a sized body avoids chunked framing). */
const HOP_RESPONSE = new Set([...HOP].filter((h) => h !== 'content-length' && h !== 'x-request-id'));
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** `#name#` → the variable's value in the request's environment; undefined names are a config error. */
export function substitute(text: string, vars: Map<string, string>, envName: string): string {
  return text.replace(ENV_VAR_REF_RE, (_m, name: string) => {
    const v = vars.get(name);
    if (v === undefined) throw GW.backendConfig(`The environment variable #${name}# is not defined in ${envName}.`);
    return v;
  });
}

export function systemParam(ctx: GatewayContext, name: string): string {
  const api = ctx.match!.route.api;
  switch (name) {
    case '$context.sourceIp': return ctx.req.remoteAddress;
    case '$context.stage': return ctx.envName ?? '';
    case '$context.apiId': return api.id;
    case '$context.apiName': return api.name;
    case '$context.requestId': return ctx.requestId;
    case '$context.serverAddr': return ctx.req.localAddress;
    case '$context.serverName': return 'roma-local';
    case '$context.handleTime': return isoMillis(ctx.started);
    case '$context.providerAppId': return api.roma_app_id;
    case '$context.appId': return ctx.app?.id ?? '';
    case '$context.appName': return ctx.app?.name ?? '';
    case '$context.userId': return ctx.caller?.userId ?? '';
    case '$context.domainId': return ctx.caller?.domainId ?? '';
    case '$context.projectId': return ctx.caller?.projectId ?? '';
    default: return ''; // $context.authorizer.*: no custom authorizers here
  }
}

function withCors(ctx: GatewayContext, headers: Record<string, string | string[]>): Record<string, string | string[]> {
  return ctx.match!.route.api.cors ? { ...headers, ...corsHeaders(ctx.req, false) } : headers;
}

const mockStage: Stage = (ctx) => {
  const api = ctx.match!.route.api;
  const mock = api.mock_info;
  const body = Buffer.from(mock?.result_content ?? '');
  const headers: Record<string, string> = {};
  for (const h of mock?.header ?? []) headers[h.key.toLowerCase()] = h.value;
  if (!headers['content-type']) {
    let json = false;
    try { JSON.parse(mock?.result_content ?? ''); json = true; } catch { /* plain text */ }
    headers['content-type'] = api.content_type ?? (json ? 'application/json' : 'text/plain; charset=utf-8');
  }
  ctx.log.push(`backend: MOCK ${mock?.status_code ?? 200} (${body.length} bytes)`);
  ctx.result = { status: mock?.status_code ?? 200, headers: withCors(ctx, headers), body };
};

/** The backend request an API call maps to. */
export function backendRequest(ctx: GatewayContext) {
  const api = ctx.match!.route.api;
  const b = api.backend_api!;
  const vars = ctx.vars ?? new Map<string, string>();
  const env = ctx.envName ?? '';
  const declared = new Map(api.req_params.map((p) => [p.name, p]));
  const mapped = new Set(api.backend_params.filter((p) => p.origin === 'REQUEST').map((p) => p.value));
  const dropped = (name: string) => mapped.has(name) || declared.get(name)?.pass_through === 2;

  const query = new URLSearchParams();
  for (const [k, v] of ctx.req.query) {
    const p = declared.get(k);
    if (!(p && p.location === 'QUERY' && dropped(k))) query.append(k, v);
  }
  const headers: Record<string, string | string[]> = {};
  const droppedHeaders = new Set(api.req_params.filter((p) => p.location === 'HEADER' && dropped(p.name)).map((p) => p.name.toLowerCase()));
  for (const [k, v] of Object.entries(ctx.req.headers)) {
    if (v !== undefined && !HOP.has(k) && !droppedHeaders.has(k)) headers[k] = v;
  }
  const pathValues: Record<string, string> = {};
  for (const bp of api.backend_params) {
    let v: string | undefined;
    if (bp.origin === 'REQUEST') v = ctx.params?.get(bp.value);
    else if (bp.origin === 'CONSTANT') v = substitute(bp.value, vars, env);
    else v = systemParam(ctx, bp.value);
    if (v === undefined) continue;
    if (bp.location === 'QUERY') query.set(bp.name, v);
    else if (bp.location === 'HEADER') headers[bp.name.toLowerCase()] = v;
    else pathValues[bp.name] = v;
  }
  headers['x-request-id'] = ctx.requestId;
  const fwd = header(ctx.req, 'x-forwarded-for');
  headers['x-forwarded-for'] = fwd ? `${fwd}, ${ctx.req.remoteAddress}` : ctx.req.remoteAddress;

  const host = substitute(b.url_domain ?? '', vars, env);
  let path = substitute(b.req_uri ?? '/', vars, env).replace(/\{([^}+]+)\+?\}/g, (_m, name: string) =>
    (pathValues[name] ?? ctx.params?.get(name) ?? '').split('/').map(encodeURIComponent).join('/'));
  if (ctx.match!.rest.length > 0) path = `${path.replace(/\/$/, '')}/${ctx.match!.rest.map(encodeURIComponent).join('/')}`;
  const qs = query.toString();
  let url: URL;
  try {
    url = new URL(`${(b.req_protocol ?? 'HTTP').toLowerCase()}://${host}${path}${qs ? `?${qs}` : ''}`);
  } catch {
    throw GW.backendConfig(`The backend address ${host} is not a valid host.`);
  }
  const method = b.req_method === 'ANY' || !b.req_method ? ctx.req.method : b.req_method;
  const retries = Number(b.retry_count ?? '-1');
  return {
    url, method, headers, timeout: b.timeout ?? 5000,
    attempts: retries < 0 ? (IDEMPOTENT.has(method) ? 2 : 1) : retries + 1,
  };
}

function isTimeout(err: unknown): boolean {
  return err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError
    || err instanceof undiciErrors.ConnectTimeoutError || (err as { name?: string }).name === 'AbortError'
    || (err as { name?: string }).name === 'TimeoutError';
}

export function httpStage(agent: Agent): Stage {
  return async (ctx) => {
    const r = backendRequest(ctx);
    const body = ['GET', 'HEAD'].includes(r.method) || ctx.req.body.length === 0 ? undefined : ctx.req.body;
    let lastErr: GatewayError = GW.backendUnavailable();
    for (let attempt = 1; attempt <= r.attempts; attempt++) {
      const t0 = performance.now();
      ctx.log.push(`backend: ${r.method} ${r.url.href} (attempt ${attempt}/${r.attempts}, timeout ${r.timeout} ms)`);
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), r.timeout);
      try {
        const res = await request(r.url, {
          method: r.method as 'GET', headers: r.headers, body, dispatcher: agent, signal: abort.signal,
          headersTimeout: r.timeout, bodyTimeout: r.timeout,
        });
        clearTimeout(timer);
        ctx.backendLatency = performance.now() - t0;
        const headers: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !HOP_RESPONSE.has(k)) headers[k] = v;
        if (res.headers['transfer-encoding']) delete headers['content-length'];
        ctx.log.push(`backend: answered ${res.statusCode} in ${ctx.backendLatency.toFixed(1)} ms`);
        ctx.result = { status: res.statusCode, headers: withCors(ctx, headers), body: res.body };
        return;
      } catch (err) {
        clearTimeout(timer);
        ctx.backendLatency = performance.now() - t0;
        lastErr = isTimeout(err) ? GW.backendTimeout() : GW.backendUnavailable();
        ctx.log.push(`backend: ${lastErr.message} (${(err as { code?: string }).code ?? (err as Error).name})`);
      }
    }
    throw lastErr;
  };
}

export function backendStage(agent: Agent): Stage {
  const http = httpStage(agent);
  return async (ctx) => {
    const api = ctx.match!.route.api;
    if (api.backend_type === 'MOCK') return mockStage(ctx);
    if (api.backend_type === 'FUNCTION') throw GW.unavailable('FunctionGraph backends');
    if (!api.backend_api || api.backend_api.vpc_channel_status === 1) throw GW.unavailable('VPC channel backends');
    if ((api.policy_https?.length ?? 0) + (api.policy_mocks?.length ?? 0) + (api.policy_functions?.length ?? 0) > 0) {
      ctx.log.push('backend: policy backends are not evaluated in roma-local; the default backend answers');
    }
    return http(ctx);
  };
}
