// The consumer-policy stages of the gateway (registered by ../index.ts):
//   cors-preflight (before route): OPTIONS + Access-Control-Request-Method to an API with a cors
//     plugin is answered by the gateway from the plugin's settings;
//   plugin-answer (after route): registers the cors and set_resp_headers plugins on every answer;
//   throttle, app-quota (before params): throttling policy / rate_limit plugin, then client quota.
// Past a limit: 429 APIG.0308 (the vendor's gateway code). Nothing is counted for a refused call.
import type { Db } from '../../../db/open';
import { GatewayError } from '../../gateway/errors';
import type { GatewayContext, Stage } from '../../gateway/pipeline';
import type { RouteTable } from '../../gateway/routing';
import { header, routeStage } from '../../gateway/stages';
import type { QuotaCounters } from '../counters';
import type { PolicyState } from '../state';
import { applyCors, applyRespHeaders, preflightResult } from './answer';
import { PolicyTables, type ApiPolicies, type LimitRule } from './tables';
import { WindowCounters } from './windows';

const UNIT_WORD: Record<string, string> = { SECOND: 'second', MINUTE: 'minute', HOUR: 'hour', DAY: 'day' };
export const overLimit = (what: string, limit: number, interval: number, unit: string) =>
  new GatewayError(429, 'APIG.0308', `The throttling threshold has been reached: policy ${what} over ratelimit,limit:${limit},time:${interval} ${UNIT_WORD[unit] ?? unit.toLowerCase()}`);

export interface PolicyGateway {
  tables: PolicyTables;
  counters: QuotaCounters;
  windows: WindowCounters;
  stages: { preflight: Stage; answer: Stage; throttle: Stage; quota: Stage };
}

export function policyStages(db: Db, state: PolicyState, counters: QuotaCounters, routes: RouteTable, now: () => number): PolicyGateway {
  const tables = new PolicyTables(db, state);
  const windows = new WindowCounters();
  const route = routeStage(routes);
  const policiesOf = (ctx: GatewayContext): ApiPolicies | undefined =>
    ctx.match && ctx.envId ? tables.fresh().byApiEnv.get(`${ctx.match.route.api.id}|${ctx.envId}`) : undefined;

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
    if (p.notEnforced.length > 0) ctx.log.push(`plugins: ${p.notEnforced.join(', ')} attached, stored but not enforced by roma-local`);
    if (!p.cors && !p.headers) return;
    (ctx.onAnswer ??= []).push((result) => {
      if (p.headers) applyRespHeaders(result, p.headers);
      if (p.cors) applyCors(ctx.req, result, p.cors);
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
    ctx.log.push(`quota: ${t.used}/${rule.limit} calls of app ${ctx.app.name} in this period`);
  };

  return { tables, counters, windows, stages: { preflight, answer, throttle, quota } };
}

/** API, user, app and source-IP limits: all checked first, then all counted (a refused call counts nothing). */
function checkLimits(ctx: GatewayContext, r: LimitRule, w: WindowCounters, now: number): void {
  const base = `${r.source}:${r.id}|${r.shared ? '*' : ctx.match!.route.api.id}`;
  const checks: [string, number, string][] = [];
  if (r.api > 0) checks.push([`${base}|api`, r.api, 'api']);
  const user = ctx.caller;
  if (user) {
    const special = r.specials.get(`user:${user.userId}`) ?? (user.projectId ? r.specials.get(`user:${user.projectId}`) : undefined)
      ?? r.specials.get(`user:${user.domainId}`);
    const limit = special ?? r.user;
    if (limit > 0) checks.push([`${base}|user:${user.userId}`, limit, special ? 'special user' : 'user']);
  }
  if (ctx.app) {
    const special = r.specials.get(`app:${ctx.app.id}`);
    const limit = special ?? r.app;
    if (limit > 0) checks.push([`${base}|app:${ctx.app.id}`, limit, special ? 'special app' : 'app']);
  }
  if (r.ip > 0) checks.push([`${base}|ip:${ctx.req.remoteAddress}`, r.ip, 'ip']);
  for (const [key, limit, what] of checks) {
    if (w.count(key, r.periodMs, now) >= limit) throw overLimit(what, limit, r.interval, r.unit);
  }
  for (const [key] of checks) w.add(key, r.periodMs, now);
}
