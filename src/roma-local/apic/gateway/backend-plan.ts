// What an HTTP API call maps to at its backend. The parts that depend only on the published
// definition and the environment's variables (which parameters are dropped, the origin, the
// path template, constants) are worked out once per route and cached; a request only fills in
// its own values. Routes are rebuilt when anything is published or changed, so the cache is too.
import { ENV_VAR_REF_RE } from '../../../contract/index';
import { isoMillis } from '../../util';
import type { ApiView } from '../store/apis';
import { GatewayError, GW } from './errors';
import type { GatewayContext } from './pipeline';
import { NO_VARS } from './routing';
import { header } from './stages';

/** Hop-by-hop and gateway-owned headers, never forwarded in either direction. */
export const HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade',
  'host', 'content-length', 'expect', 'x-stage', 'x-auth-token', 'x-request-id',
]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** `#name#` → the variable's value in the request's environment; undefined names are a config error. */
export function substitute(text: string, vars: ReadonlyMap<string, string>, envName: string): string {
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

type Mapping = { location: string; name: string } & ({ kind: 'request'; from: string } | { kind: 'constant'; value: string } | { kind: 'system'; from: string });

interface Plan {
  vars: ReadonlyMap<string, string> | undefined;
  /** The backend address could not be built (undefined variable, bad host): answered per request. */
  error?: GatewayError;
  origin: string;
  /** Backend path as literal pieces and `{name}` placeholders (odd indexes). */
  path: string[];
  dropQuery: Set<string>;
  dropHeaders: Set<string>;
  mappings: Mapping[];
  fixedMethod?: string;
  timeout: number;
  retries: number;
}

const plans = new WeakMap<ApiView, Plan>();

function makePlan(api: ApiView, vars: ReadonlyMap<string, string> | undefined, env: string): Plan {
  const b = api.backend_api!;
  const v = vars ?? NO_VARS;
  const mapped = new Set(api.backend_params.filter((p) => p.origin === 'REQUEST').map((p) => p.value));
  const dropped = api.req_params.filter((p) => mapped.has(p.name) || p.pass_through === 2);
  const plan: Plan = {
    vars, origin: '', path: ['/'],
    dropQuery: new Set(dropped.filter((p) => p.location === 'QUERY').map((p) => p.name)),
    dropHeaders: new Set(dropped.filter((p) => p.location === 'HEADER').map((p) => p.name.toLowerCase())),
    mappings: [], fixedMethod: b.req_method === 'ANY' || !b.req_method ? undefined : b.req_method,
    timeout: b.timeout ?? 5000, retries: Number(b.retry_count ?? '-1'),
  };
  try {
    for (const bp of api.backend_params) {
      const base = { location: bp.location, name: bp.location === 'HEADER' ? bp.name.toLowerCase() : bp.name };
      if (bp.origin === 'REQUEST') plan.mappings.push({ ...base, kind: 'request', from: bp.value });
      else if (bp.origin === 'CONSTANT') plan.mappings.push({ ...base, kind: 'constant', value: substitute(bp.value, v, env) });
      else plan.mappings.push({ ...base, kind: 'system', from: bp.value });
    }
    const host = substitute(b.url_domain ?? '', v, env);
    let origin: URL;
    try {
      origin = new URL(`${(b.req_protocol ?? 'HTTP').toLowerCase()}://${host}`);
    } catch {
      throw GW.backendConfig(`The backend address ${host} is not a valid host.`);
    }
    plan.origin = `${origin.protocol}//${origin.host}`;
    // a path in the address prefixes the backend path, as the address was once simply concatenated
    const prefix = origin.pathname === '/' ? '' : origin.pathname;
    plan.path = (prefix + substitute(b.req_uri ?? '/', v, env)).split(/\{([^}+]+)\+?\}/);
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    plan.error = err;
  }
  return plan;
}

function planOf(ctx: GatewayContext): Plan {
  const api = ctx.match!.route.api;
  let p = plans.get(api);
  if (!p || p.vars !== ctx.vars) plans.set(api, (p = makePlan(api, ctx.vars, ctx.envName ?? '')));
  return p;
}

const encodeParam = (v: string): string => v.split('/').map(encodeURIComponent).join('/');

export interface BackendRequest {
  origin: string;
  /** Path and query string. */
  path: string;
  method: string;
  headers: Record<string, string | string[]>;
  timeout: number;
  attempts: number;
}

/** The backend request an API call maps to. */
export function backendRequest(ctx: GatewayContext): BackendRequest {
  const plan = planOf(ctx);
  if (plan.error) throw plan.error;
  const req = ctx.req;
  let query: URLSearchParams | undefined;
  if (req.query.size > 0) {
    query = new URLSearchParams();
    for (const [k, v] of req.query) if (!plan.dropQuery.has(k)) query.append(k, v);
  }
  const headers: Record<string, string | string[]> = {};
  const hin = req.headers;
  for (const k in hin) {
    const v = hin[k];
    if (v !== undefined && !HOP.has(k) && !plan.dropHeaders.has(k)) headers[k] = v;
  }
  let pathValues: Record<string, string> | undefined;
  for (const m of plan.mappings) {
    const v = m.kind === 'request' ? ctx.params?.get(m.from) : m.kind === 'constant' ? m.value : systemParam(ctx, m.from);
    if (v === undefined) continue;
    if (m.location === 'QUERY') (query ??= new URLSearchParams()).set(m.name, v);
    else if (m.location === 'HEADER') headers[m.name] = v;
    else (pathValues ??= {})[m.name] = v;
  }
  headers['x-request-id'] = ctx.requestId;
  const fwd = header(req, 'x-forwarded-for');
  headers['x-forwarded-for'] = fwd ? `${fwd}, ${req.remoteAddress}` : req.remoteAddress;

  let path = plan.path[0]!;
  for (let i = 1; i < plan.path.length; i += 2) {
    const name = plan.path[i]!;
    path += encodeParam(pathValues?.[name] ?? ctx.params?.get(name) ?? '') + plan.path[i + 1]!;
  }
  const rest = ctx.match!.rest;
  if (rest.length > 0) path = `${path.replace(/\/$/, '')}/${rest.map(encodeURIComponent).join('/')}`;
  if (!path.startsWith('/')) path = `/${path}`;
  const qs = query?.toString();
  if (qs) path += `?${qs}`;
  const method = plan.fixedMethod ?? req.method;
  return {
    origin: plan.origin, path, method, headers, timeout: plan.timeout,
    attempts: plan.retries < 0 ? (IDEMPOTENT.has(method) ? 2 : 1) : plan.retries + 1,
  };
}
