// The consumer-policy stages of the gateway (registered by ../index.ts):
//   cors-preflight (before route): OPTIONS + Access-Control-Request-Method to an API with a cors
//     plugin is answered by the gateway from the plugin's settings;
//   plugin-answer (after route): registers the cors and set_resp_headers plugins on every answer;
//   throttle, app-quota (before params): throttling policy / rate_limit plugin, then client quota.
// Past a limit: 429 APIG.0308 (the vendor's gateway code). Nothing is counted for a refused call.
import type { Db } from '../../../db/open';
import type { GatewayContext, Stage } from '../../gateway/pipeline';
import type { RouteTable } from '../../gateway/routing';
import { header, routeStage } from '../../gateway/stages';
import type { QuotaCounters } from '../counters';
import type { PolicyState } from '../state';
import { applyCors, applyRespHeaders, preflightResult } from './answer';
import { checkLimits, overLimit } from './limits';
import { PolicyTables, type ApiPolicies } from './tables';
import type { WindowCounters } from './windows';

export interface PolicyGateway {
  tables: PolicyTables;
  counters: QuotaCounters;
  windows: WindowCounters;
  stages: { preflight: Stage; answer: Stage; throttle: Stage; quota: Stage };
}

export function policyStages(db: Db, state: PolicyState, counters: QuotaCounters, windows: WindowCounters, routes: RouteTable, now: () => number): PolicyGateway {
  const tables = new PolicyTables(db, state);
  const route = routeStage(routes);
  const policiesOf = (ctx: GatewayContext): ApiPolicies | undefined =>
    ctx.match && ctx.envId ? tables.of(ctx.match.route.api.id, ctx.envId) : undefined;

  const preflight: Stage = (ctx) => {
    const acrm = ctx.req.method === 'OPTIONS' ? header(ctx.req, 'access-control-request-method') : undefined;
    if (!acrm) return;
    // route as the actual request would be, to find the API and its cors plugin
    const probe: GatewayContext = { ...ctx, req: { ...ctx.req, method: acrm.trim().toUpperCase() }, log: [] };
    try { void route(probe); } catch { return; } // not an API: the route stage answers as usual
    const cors = policiesOf(probe)?.cors;
    if (!cors || probe.result) return;
    ctx.log.push(`cors: preflight answered by the cors plugin of ${probe.match!.route.api.name}`);
    ctx.result = preflightResult(ctx.req, cors, acrm);
  };

  const answer: Stage = (ctx) => {
    const p = policiesOf(ctx);
    if (!p) return;
    if (ctx.trace && p.notEnforced.length > 0) ctx.log.push(`plugins: ${p.notEnforced.join(', ')} attached, stored but not enforced by roma-local`);
    if (!p.cors && !p.headers) return;
    // response headers alone: the hook made with the table serves every request (no closure per call)
    if (!p.cors) return void (ctx.onAnswer ??= []).push(p.headersHook!);
    const cors = p.cors;
    (ctx.onAnswer ??= []).push((result) => {
      if (p.headers) applyRespHeaders(result, p.headers);
      applyCors(ctx.req, result, cors);
    });
  };

  const throttle: Stage = (ctx) => {
    const rule = policiesOf(ctx)?.throttle;
    if (rule) checkLimits(ctx, rule, windows, now());
  };

  const quota: Stage = (ctx) => {
    if (!ctx.app) return;
    const rule = tables.fresh().quotaByApp.get(ctx.app.id);
    if (!rule) return;
    const t = counters.take(rule, ctx.app.id, now());
    if (!t.ok) throw overLimit('app quota', rule.limit, rule.interval, rule.unit);
    if (ctx.trace) ctx.log.push(`quota: ${t.used}/${rule.limit} calls of app ${ctx.app.name} in this period`);
  };

  return { tables, counters, windows, stages: { preflight, answer, throttle, quota } };
}
