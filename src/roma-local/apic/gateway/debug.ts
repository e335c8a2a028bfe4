// DebugApiV2: one request through the same gateway code, answered as the vendor's debug shape
// `{request, response, latency, log}`. DEVELOPER mode runs the draft definition; CONSUMER and
// MARKET run what is published in `stage` (RELEASE by default), found by domain, stage and path.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { DEFAULT_ENV_NAME, type ApiDebugRequest } from '../../../contract/index';
import { signRequest } from '../../auth/sdk-signer';
import type { ApicStores } from '../stores';
import { GW } from './errors';
import type { GatewayRequest, Stage } from './pipeline';
import { compile, matchSegments } from './routing';
import { readBody, type Gateway } from './server';
import { decodeSegments } from './stages';

const MAX_DEBUG_BODY = 2 * 1024 * 1024;

function developerRoute(stores: ApicStores, gw: Gateway, instanceId: string, apiId: string, projectId: string, stage: string): Stage {
  return (ctx) => {
    const api = stores.apis.view(instanceId, apiId);
    const route = { api, versionId: 'DRAFT', instanceId, segments: compile(api.req_uri), swa: api.match_mode === 'SWA', method: api.req_method };
    const m = matchSegments(route, decodeSegments(ctx.req.path));
    if (!m) throw GW.noApi(`The path ${ctx.req.path} does not match ${api.req_uri}.`);
    if (api.req_method !== 'ANY' && api.req_method !== ctx.req.method) throw GW.noMethod();
    const t = gw.routes.fresh();
    const envId = t.envId(instanceId, stage);
    Object.assign(ctx, {
      groupId: api.group_id, instanceId, projectId, envId, envName: stage, match: { route, pathParams: m.params, rest: m.rest },
      vars: t.vars.get(`${api.group_id}|${envId}`) ?? new Map(),
    });
    if (ctx.trace) ctx.log.push(`route: draft of ${api.name} (${api.id}), variables of ${stage}`);
  };
}

/**
 * With app_key and app_secret the request is signed as that app (SDK-HMAC-SHA256, as an SDK would), so the
 * operator sees exactly what the app would get. A random signed header keeps two identical tries apart
 * (the app-auth stage refuses a replayed signature).
 */
function signAsApp(req: GatewayRequest, d: ApiDebugRequest, now: number): void {
  const qs = req.query.toString();
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k !== 'host' && v !== undefined) rest[k] = Array.isArray(v) ? v.join(',') : v;
  const host = req.host;
  const signed = signRequest({
    method: req.method, url: `http://${host}${req.path}${qs ? `?${qs}` : ''}`, ak: d.app_key!, sk: d.app_secret!,
    headers: { ...rest, 'x-debug-nonce': randomBytes(8).toString('hex') }, body: req.body.toString('utf8'), date: now,
  });
  for (const [k, v] of Object.entries(signed)) req.headers[k.toLowerCase()] = v;
}

export async function debugApi(
  gw: Gateway, stores: ApicStores, instanceId: string, projectId: string, apiId: string, d: ApiDebugRequest, now: () => number = Date.now,
) {
  const api = stores.apis.view(instanceId, apiId); // 404 for an unknown API
  const stage = d.stage || DEFAULT_ENV_NAME;
  const host = d.domain || api.api_group_info.sl_domain;
  const headers: Record<string, string | string[]> = { host };
  for (const [k, v] of Object.entries(d.header ?? {})) headers[k.toLowerCase()] = v.length === 1 ? v[0]! : v;
  if (d.mode !== 'DEVELOPER') headers['x-stage'] = stage;
  const query = new URLSearchParams();
  for (const [k, vs] of Object.entries(d.query ?? {})) for (const v of vs) query.append(k, v);
  const body = Buffer.from(d.body ?? '');
  if (body.length > 0 && !headers['content-length']) headers['content-length'] = String(body.length);
  const req: GatewayRequest = {
    method: d.method, path: d.path, query, headers, body, host, remoteAddress: '127.0.0.1', localAddress: '127.0.0.1',
  };
  if (d.app_key && d.app_secret) signAsApp(req, d, now());
  const p = d.mode === 'DEVELOPER' ? gw.pipeline.with('route', developerRoute(stores, gw, instanceId, apiId, projectId, stage)) : gw.pipeline;
  const t0 = performance.now();
  const { ctx, result } = await gw.handle(req, p, true);
  const { data, truncated } = await readBody(result.body, MAX_DEBUG_BODY);
  const latency = Math.round(performance.now() - t0);
  if (Boolean(d.app_key) !== Boolean(d.app_secret)) ctx.log.unshift('note: app_key and app_secret are used together to sign the request; one of them is missing');
  const qs = query.toString();
  const reqHead = Object.entries(headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(',') : v}`).join('\r\n');
  const resHead = Object.entries({ ...result.headers, 'x-request-id': ctx.requestId })
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(',') : v}`).join('\r\n');
  return {
    request: `${d.method} ${d.path}${qs ? `?${qs}` : ''} HTTP/1.1\r\n${reqHead}\r\n\r\n${d.body ?? ''}`,
    response: `HTTP/1.1 ${result.status} ${http.STATUS_CODES[result.status] ?? ''}\r\n${resHead}\r\n\r\n${data.toString('utf8')}${truncated ? '[TRUNCATED]' : ''}`,
    latency,
    log: ctx.log.join('\n'),
  };
}
