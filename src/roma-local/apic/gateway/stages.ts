// The route, auth and params stages.
import { DEFAULT_ENV_NAME } from '../../../contract/index';
import type { Ctx } from '../../context';
import { GW } from './errors';
import type { GatewayRequest, Stage } from './pipeline';
import { NO_VARS, splitPath, type RouteTable } from './routing';

export const header = (req: GatewayRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** Percent-decoded path segments; a malformed escape is a bad request. */
export function decodeSegments(path: string): string[] {
  if (!path.includes('%')) return splitPath(path);
  try {
    return splitPath(path).map(decodeURIComponent);
  } catch {
    throw GW.badRequest('the request path is not correctly percent-encoded');
  }
}

/** `Group.Example.com.:9180` → `group.example.com`, remembered for the few hosts a gateway sees. */
const hostCache = new Map<string, string>();
function normalHost(raw: string): string {
  let h = hostCache.get(raw);
  if (h === undefined) {
    h = raw.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    if (hostCache.size >= 1000) hostCache.clear();
    hostCache.set(raw, h);
  }
  return h;
}

/** Host → group, X-Stage → environment, method + path → live API version. */
export function routeStage(table: RouteTable): Stage {
  return (ctx) => {
    const t = table.fresh();
    const host = normalHost(ctx.req.host);
    const entry = t.hosts.get(host);
    if (!entry) throw GW.noApi(`No API group is bound to the domain ${host || '(none)'}.`);
    const stage = header(ctx.req, 'x-stage')?.trim() || DEFAULT_ENV_NAME;
    const envId = t.envId(entry.instanceId, stage);
    if (!envId) throw GW.noApi(`No environment named ${stage}.`);
    ctx.groupId = entry.groupId;
    ctx.instanceId = entry.instanceId;
    ctx.projectId = entry.projectId;
    ctx.envId = envId;
    ctx.envName = stage;
    const scope = t.scope(entry.groupId, envId);
    const found = t.findIn(scope, ctx.req.method, decodeSegments(ctx.req.path));
    if (!found) throw GW.noApi();
    if ('methodMismatch' in found) {
      if (found.cors && ctx.req.method === 'OPTIONS' && header(ctx.req, 'access-control-request-method')) {
        ctx.result = { status: 204, headers: corsHeaders(ctx.req, true), body: Buffer.alloc(0) };
        return;
      }
      throw GW.noMethod();
    }
    ctx.match = found;
    ctx.vars = scope?.vars ?? NO_VARS;
    if (ctx.trace) ctx.log.push(`route: ${found.route.api.name} (${found.route.api.id}) version ${found.route.versionId} in ${stage}`);
  };
}

export function corsHeaders(req: GatewayRequest, preflight: boolean): Record<string, string> {
  const h: Record<string, string> = { 'access-control-allow-origin': header(req, 'origin') || '*' };
  if (preflight) {
    h['access-control-allow-methods'] = 'GET, POST, PUT, DELETE, HEAD, PATCH, OPTIONS';
    h['access-control-allow-headers'] = header(req, 'access-control-request-headers') || '*';
    h['access-control-max-age'] = '86400';
  }
  return h;
}

/** NONE and IAM here; APP is checked by the `app-auth` stage that follows (consumers/); AUTHORIZER is not available. */
export function authStage(ctx0: Pick<Ctx, 'tokens' | 'now'>): Stage {
  return (ctx) => {
    const api = ctx.match!.route.api;
    switch (api.auth_type) {
      case 'NONE':
        return;
      case 'IAM': {
        const token = header(ctx.req, 'x-auth-token')?.trim();
        if (!token) throw GW.iam('x-auth-token not found');
        const info = ctx0.tokens.resolve(token, ctx0.now());
        if (!info) throw GW.iam('decrypt token fail (unknown or expired token)');
        if (info.projectId !== ctx.projectId) throw GW.iamForbidden();
        ctx.caller = info;
        if (ctx.trace) ctx.log.push(`auth: IAM user ${info.userName}`);
        return;
      }
      case 'APP':
        return; // the app-auth stage (registered after this one) authenticates and authorises the app
      default:
        throw GW.unavailable('custom authorizers (auth_type AUTHORIZER)');
    }
  };
}

function parseEnumerations(s: string): string[] {
  const t = s.trim();
  if (t.startsWith('[')) {
    try {
      const arr = JSON.parse(t) as unknown;
      if (Array.isArray(arr)) return arr.map(String);
    } catch { /* fall through to the comma list */ }
  }
  return t.split(',').map((x) => x.trim()).filter(Boolean);
}

const NO_PARAMS: ReadonlyMap<string, string> = new Map();

/** Required parameters and their rules, checked before the backend is called. */
export const paramsStage: Stage = (ctx) => {
  const api = ctx.match!.route.api;
  if (api.req_params.length === 0) { ctx.params = NO_PARAMS; return; }
  const values = new Map<string, string>();
  for (const p of api.req_params) {
    let v: string | undefined;
    if (p.location === 'PATH') v = ctx.match!.pathParams[p.name];
    else if (p.location === 'QUERY') v = ctx.req.query.get(p.name) ?? undefined;
    else v = header(ctx.req, p.name.toLowerCase());
    if ((v === undefined || v === '') && p.default_value !== undefined && p.default_value !== '') v = p.default_value;
    const where = `${p.location.toLowerCase()} parameter '${p.name}'`;
    if (v === undefined || v === '') {
      if (p.required === 1) throw GW.badRequest(`the ${where} is required`);
      continue;
    }
    if (p.valid_enable === 1) {
      if (p.type === 'NUMBER') {
        const n = Number(v);
        if (!/^-?\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n)) throw GW.badRequest(`the ${where} must be a number`);
        if (p.min_num !== undefined && n < p.min_num) throw GW.badRequest(`the ${where} must be ≥ ${p.min_num}`);
        if (p.max_num !== undefined && n > p.max_num) throw GW.badRequest(`the ${where} must be ≤ ${p.max_num}`);
      } else {
        if (p.min_size !== undefined && v.length < p.min_size) throw GW.badRequest(`the ${where} must be at least ${p.min_size} characters`);
        if (p.max_size !== undefined && p.max_size > 0 && v.length > p.max_size) throw GW.badRequest(`the ${where} must be at most ${p.max_size} characters`);
      }
      if (p.enumerations) {
        const allowed = parseEnumerations(p.enumerations);
        if (allowed.length > 0 && !allowed.includes(v)) throw GW.badRequest(`the ${where} must be one of ${allowed.join(', ')}`);
      }
    }
    values.set(p.name, v);
  }
  ctx.params = values;
};
