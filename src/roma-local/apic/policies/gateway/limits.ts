// Throttling a call against a throttling policy or a rate_limit plugin: API, user, app and
// source-IP limits (a special app / user replacing the app / user limit), plus the first matching
// parameter rule of a plugin. All are checked first, then all counted, in one synchronous step:
// a refused call counts nothing, and concurrent calls cannot overshoot a limit.
import { GatewayError } from '../../gateway/errors';
import type { GatewayContext } from '../../gateway/pipeline';
import type { LimitRule } from './tables';
import type { WindowCounters } from './windows';

const UNIT_WORD: Record<string, string> = { SECOND: 'second', MINUTE: 'minute', HOUR: 'hour', DAY: 'day' };
export const overLimit = (what: string, limit: number, interval: number, unit: string) =>
  new GatewayError(429, 'APIG.0308', `The throttling threshold has been reached: policy ${what} over ratelimit,limit:${limit},time:${interval} ${UNIT_WORD[unit] ?? unit.toLowerCase()}`);

interface Check { key: string; limit: number; what: string; periodMs: number; interval: number; unit: string }

/** Window key of a limit: `policy|plugin:<id>|<api id or * when shared>|<dimension>` (stored in apic_throttle_windows). */
export function checkLimits(ctx: GatewayContext, r: LimitRule, w: WindowCounters, now: number): void {
  const base = `${r.source}:${r.id}|${r.shared ? '*' : ctx.match!.route.api.id}`;
  const checks: Check[] = [];
  const basic = (key: string, limit: number, what: string) => checks.push({ key: `${base}|${key}`, limit, what, periodMs: r.periodMs, interval: r.interval, unit: r.unit });
  if (r.api > 0) basic('api', r.api, 'api');
  const user = ctx.caller;
  if (user) {
    const special = r.specials.get(`user:${user.userId}`) ?? (user.projectId ? r.specials.get(`user:${user.projectId}`) : undefined)
      ?? r.specials.get(`user:${user.domainId}`);
    const limit = special ?? r.user;
    if (limit > 0) basic(`user:${user.userId}`, limit, special ? 'special user' : 'user');
  }
  if (ctx.app) {
    const special = r.specials.get(`app:${ctx.app.id}`);
    const limit = special ?? r.app;
    if (limit > 0) basic(`app:${ctx.app.id}`, limit, special ? 'special app' : 'app');
  }
  if (r.ip > 0) basic(`ip:${ctx.req.remoteAddress}`, r.ip, 'ip');
  const rule = r.rules.find((p) => p.matches(ctx.req));
  if (rule) {
    checks.push({ key: `${base}|rule:${rule.name}`, limit: rule.limit, what: `rule ${rule.name}`, periodMs: rule.periodMs, interval: rule.interval, unit: rule.unit });
    if (ctx.trace) ctx.log.push(`throttle: parameter rule ${rule.name} matches (${rule.limit} per ${rule.interval} ${UNIT_WORD[rule.unit]})`);
  }
  for (const c of checks) {
    if (w.count(c.key, c.periodMs, now) >= c.limit) throw overLimit(c.what, c.limit, c.interval, c.unit);
  }
  for (const c of checks) w.add(c.key, c.periodMs, now);
}
