// The backend stage: MOCK answers its configured status, headers and body; HTTP calls the
// backend URL with the mapped parameters (request, constant, system), the API's timeout and
// retries, and streams big answers back. FUNCTION and VPC-channel backends are stored and shown
// but not available in roma-local.
import type { ApiView } from '../store/apis';
import { backendRequest } from './backend-plan';
import { callBackend, isTimeout, type Upstreams } from './backend-http';
import { GatewayError, GW } from './errors';
import type { GatewayContext, Stage } from './pipeline';
import { corsHeaders } from './stages';

export { backendRequest, substitute, systemParam } from './backend-plan';

/** Adds the CORS headers in place: every caller hands over a headers object of its own (a second
 * spread in one object literal took V8's slow path, one runtime call per property). */
function withCors(ctx: GatewayContext, headers: Record<string, string | string[]>): Record<string, string | string[]> {
  if (ctx.match!.route.api.cors) Object.assign(headers, corsHeaders(ctx.req, false));
  return headers;
}

/** A mock answer depends only on the definition: built once per published version. */
const mocks = new WeakMap<ApiView, { status: number; headers: Record<string, string>; body: Buffer }>();
function mockAnswer(api: ApiView) {
  let m = mocks.get(api);
  if (m) return m;
  const mock = api.mock_info;
  const headers: Record<string, string> = {};
  for (const h of mock?.header ?? []) headers[h.key.toLowerCase()] = h.value;
  if (!headers['content-type']) {
    let json = false;
    try { JSON.parse(mock?.result_content ?? ''); json = true; } catch { /* plain text */ }
    headers['content-type'] = api.content_type ?? (json ? 'application/json' : 'text/plain; charset=utf-8');
  }
  mocks.set(api, (m = { status: mock?.status_code ?? 200, headers, body: Buffer.from(mock?.result_content ?? '') }));
  return m;
}

const mockStage: Stage = (ctx) => {
  const m = mockAnswer(ctx.match!.route.api);
  if (ctx.trace) ctx.log.push(`backend: MOCK ${m.status} (${m.body.length} bytes)`);
  ctx.result = { status: m.status, headers: withCors(ctx, { ...m.headers }), body: m.body };
};

export function httpStage(up: Upstreams): Stage {
  return async (ctx) => {
    const r = backendRequest(ctx);
    const body = r.method === 'GET' || r.method === 'HEAD' || ctx.req.body.length === 0 ? undefined : ctx.req.body;
    let lastErr: GatewayError | undefined; // made on failure only: an Error's stack trace costs more than a call
    for (let attempt = 1; attempt <= r.attempts; attempt++) {
      const t0 = performance.now();
      if (ctx.trace) ctx.log.push(`backend: ${r.method} ${r.origin}${r.path} (attempt ${attempt}/${r.attempts}, timeout ${r.timeout} ms)`);
      try {
        const res = await callBackend(up, r, body);
        ctx.backendLatency = performance.now() - t0;
        if (ctx.trace) ctx.log.push(`backend: answered ${res.status} in ${ctx.backendLatency.toFixed(1)} ms`);
        res.headers = withCors(ctx, res.headers);
        ctx.result = res;
        return;
      } catch (err) {
        ctx.backendLatency = performance.now() - t0;
        lastErr = isTimeout(err) ? GW.backendTimeout() : GW.backendUnavailable();
        if (ctx.trace) ctx.log.push(`backend: ${lastErr.message} (${(err as { code?: string }).code ?? (err as Error).name})`);
      }
    }
    throw lastErr ?? GW.backendUnavailable();
  };
}

export function backendStage(up: Upstreams): Stage {
  const http = httpStage(up);
  return (ctx) => {
    const api = ctx.match!.route.api;
    if (api.backend_type === 'MOCK') return mockStage(ctx);
    if (api.backend_type === 'FUNCTION') throw GW.unavailable('FunctionGraph backends');
    if (!api.backend_api || api.backend_api.vpc_channel_status === 1) throw GW.unavailable('VPC channel backends');
    if (ctx.trace && (api.policy_https?.length ?? 0) + (api.policy_mocks?.length ?? 0) + (api.policy_functions?.length ?? 0) > 0) {
      ctx.log.push('backend: policy backends are not evaluated in roma-local; the default backend answers');
    }
    return http(ctx);
  };
}
