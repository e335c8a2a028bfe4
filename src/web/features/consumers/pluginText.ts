// A plugin's settings in words, one line each, from its stored plugin_content: what the gateway
// does with a call (CORS answer, response headers, limits) or would do (Kafka log, breaker).
// Content that does not parse shows as one "unreadable" line rather than breaking the page.
import type { Translate } from './ruleText';
import { perPeriod, throttleLimits } from './throttleText';

type Obj = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function pluginSettings(type: string, content: string, t: Translate): string[] {
  let c: Obj;
  try {
    const v = JSON.parse(content) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    c = v as Obj;
  } catch {
    return [t('plugins.text.unreadable')];
  }
  const p = 'plugins.text.';
  switch (type) {
    case 'cors':
      return [
        t(`${p}corsOrigin`, { origin: str(c.allow_origin) || '*', methods: str(c.allow_methods) || 'GET,POST,PUT,DELETE,HEAD,PATCH' }),
        str(c.allow_headers) ? t(`${p}corsHeaders`, { headers: str(c.allow_headers) }) : t(`${p}corsHeadersNone`),
        ...(str(c.expose_headers) ? [t(`${p}corsExpose`, { headers: str(c.expose_headers) })] : []),
        t(`${p}corsMaxAge`, { seconds: typeof c.max_age === 'number' ? c.max_age : 86400 }),
        t(c.allow_credentials === true ? `${p}corsCredentials` : `${p}corsNoCredentials`),
      ];
    case 'set_resp_headers':
      return ((c.response_headers as Obj[] | undefined) ?? []).map((h) => t(`${p}header.${str(h.action) || 'override'}`, { name: str(h.name), value: str(h.value) }));
    case 'rate_limit': {
      const period = { time_interval: typeof c.default_interval === 'number' ? c.default_interval : 1, time_unit: str(c.default_time_unit) || 'second' };
      const api = typeof c.api_limit === 'number' ? c.api_limit : -1;
      const lines = throttleLimits({ ...period, api_call_limits: api, user_call_limits: c.user_limit as number | undefined, app_call_limits: c.app_limit as number | undefined,
        ip_call_limits: c.ip_limit as number | undefined, type: c.scope === 'share' ? 2 : 1 }, t).map((l) => l.text);
      if (api === -1) lines[0] = t(`${p}apiUnlimited`);
      const specials = ((c.specials as { type: string; policies: { key: string; limit: number }[] }[] | undefined) ?? [])
        .flatMap((s) => s.policies.map((x) => t(`${p}special`, { kind: t(`${p}kind.${s.type === 'user' ? 'user' : 'app'}`), key: x.key, per: perPeriod(x.limit, period, t) })));
      return [...lines, ...specials];
    }
    case 'kafka_log':
      return [
        t(`${p}kafka`, { topic: str(c.topic), brokers: Array.isArray(c.broker_list) ? c.broker_list.join(', ') : '' }),
        ...(str(c.key) ? [t(`${p}kafkaKey`, { key: str(c.key) })] : []),
      ];
    case 'breaker': {
      const b = (c.breaker_condition as Obj | undefined) ?? {};
      return [
        t(b.breaker_type === 'timeout' ? `${p}breakerTimeout` : `${p}breakerCondition`, { window: str(b.time_window) }),
        ...(str(b.breaker_mode) ? [t(`${p}breakerMode.${str(b.breaker_mode)}`)] : []),
        t(`${p}breakerOpen`, { seconds: str(b.open_breaker_time) }),
      ];
    }
    default:
      return [t(`${p}noWords`)];
  }
}
