// What the gateway enforces, read from the policy tables into maps and rebuilt when a policy
// write moves PolicyState.epoch (one integer compare per request otherwise).
import {
  corsContent, rateLimitContent, setRespHeadersContent, TIME_UNIT_MS, type CorsContent, type RateLimitContent, type SetRespHeadersContent, type TimeUnit,
} from '../../../../contract/index';
import type { Db } from '../../../db/open';
import type { GatewayResult } from '../../gateway/pipeline';
import type { QuotaRule } from '../counters';
import { applyRespHeaders } from './answer';
import { compileParamRules, type ParamRule } from './param-rules';
import type { PluginRow, PolicyState, QuotaRow, SpecialRow, ThrottleRow } from '../state';

/** A throttling policy or a rate_limit plugin, in one shape. 0 = that dimension is not limited. */
export interface LimitRule {
  id: string; source: 'policy' | 'plugin'; periodMs: number; interval: number; unit: string; shared: boolean;
  api: number; user: number; app: number; ip: number;
  /** `app:<id>` / `user:<id>` → limit replacing the app / user limit for that object. */
  specials: Map<string, number>;
  /** A rate_limit plugin's parameter rules, tried in order (none for a throttling policy). */
  rules: ParamRule[];
}
export interface ApiPolicies {
  throttle?: LimitRule;
  cors?: CorsContent;
  headers?: SetRespHeadersContent['response_headers'];
  /** applyRespHeaders with `headers`, made with the table (the answer hook when there is no cors plugin). */
  headersHook?: (result: GatewayResult) => void;
  /** Attached plugins roma-local stores but does not enforce (kafka_log, breaker, third_auth). */
  notEnforced: string[];
}

const RATE_UNITS: Record<RateLimitContent['default_time_unit'], TimeUnit> = { second: 'SECOND', minute: 'MINUTE', hour: 'HOUR', day: 'DAY' };

export class PolicyTables {
  private epoch = -1;
  quotaByApp = new Map<string, QuotaRule & { interval: number; unit: string }>();
  /** API id → env id → what applies there (nested: no key string built per request). */
  byApiEnv = new Map<string, Map<string, ApiPolicies>>();

  constructor(private readonly db: Db, private readonly state: PolicyState) {}

  /** What applies to an API in an environment, if anything. */
  of(apiId: string, envId: string): ApiPolicies | undefined {
    return this.fresh().byApiEnv.get(apiId)?.get(envId);
  }

  fresh(): this {
    if (this.epoch !== this.state.epoch) this.build();
    return this;
  }

  private build(): void {
    const epoch = this.state.epoch;
    const quotaByApp = new Map<string, QuotaRule & { interval: number; unit: string }>();
    for (const q of this.db.prepare('SELECT q.*, b.app_id FROM apic_app_quota_bindings b JOIN apic_app_quotas q ON q.id = b.quota_id').all() as (QuotaRow & { app_id: string })[]) {
      quotaByApp.set(q.app_id, {
        id: q.id, limit: q.call_limits, periodMs: q.time_interval * TIME_UNIT_MS[q.time_unit as TimeUnit], resetTime: q.reset_time,
        interval: q.time_interval, unit: q.time_unit,
      });
    }
    const byApiEnv = new Map<string, Map<string, ApiPolicies>>();
    const at = (apiId: string, envId: string) => {
      let byEnv = byApiEnv.get(apiId);
      if (!byEnv) byApiEnv.set(apiId, (byEnv = new Map()));
      let p = byEnv.get(envId);
      if (!p) byEnv.set(envId, (p = { notEnforced: [] }));
      return p;
    };
    const specials = new Map<string, Map<string, number>>();
    for (const s of this.db.prepare('SELECT * FROM apic_throttle_specials').all() as SpecialRow[]) {
      if (!specials.has(s.throttle_id)) specials.set(s.throttle_id, new Map());
      specials.get(s.throttle_id)!.set(`${s.object_type.toLowerCase()}:${s.object_id}`, s.call_limits);
    }
    for (const t of this.db.prepare(`SELECT t.*, b.api_id, b.env_id FROM apic_throttle_bindings b JOIN apic_throttles t ON t.id = b.throttle_id`).all() as (ThrottleRow & { api_id: string; env_id: string })[]) {
      at(t.api_id, t.env_id).throttle ??= {
        id: t.id, source: 'policy', periodMs: t.time_interval * TIME_UNIT_MS[t.time_unit as TimeUnit], interval: t.time_interval, unit: t.time_unit,
        shared: t.type === 2, api: t.api_call_limits, user: t.user_call_limits, app: t.app_call_limits, ip: t.ip_call_limits,
        specials: specials.get(t.id) ?? new Map(), rules: [],
      };
    }
    for (const p of this.db.prepare(`SELECT p.*, a.api_id, a.env_id FROM apic_plugin_attachments a JOIN apic_plugins p ON p.id = a.plugin_id`).all() as (PluginRow & { api_id: string; env_id: string })[]) {
      const target = at(p.api_id, p.env_id);
      let json: unknown;
      try { json = JSON.parse(p.content); } catch { continue; } // validated on write; never trust blindly
      if (p.type === 'cors') {
        const c = corsContent.safeParse(json);
        if (c.success) target.cors = c.data;
      } else if (p.type === 'set_resp_headers') {
        const c = setRespHeadersContent.safeParse(json);
        if (c.success) {
          const rules = c.data.response_headers;
          target.headers = rules;
          target.headersHook = (result) => applyRespHeaders(result, rules);
        }
      } else if (p.type === 'rate_limit') {
        let c = rateLimitContent.safeParse(json);
        // content stored before parameter rules were checked on write keeps its basic limits
        if (!c.success) c = rateLimitContent.safeParse({ ...(json as object), parameters: [], rules: [] });
        if (!c.success) continue;
        const r = c.data;
        const unit = RATE_UNITS[r.default_time_unit];
        const sp = new Map<string, number>();
        for (const s of r.specials) for (const pol of s.policies) sp.set(`${s.type}:${pol.key}`, pol.limit);
        // the vendor: a rate_limit plugin on an API takes the place of its throttling policy
        target.throttle = {
          id: p.id, source: 'plugin', periodMs: r.default_interval * TIME_UNIT_MS[unit], interval: r.default_interval, unit,
          shared: r.scope === 'share', api: r.api_limit === -1 ? 0 : r.api_limit, user: r.user_limit ?? 0, app: r.app_limit ?? 0,
          ip: r.ip_limit ?? 0, specials: sp, rules: compileParamRules(r.parameters, r.rules),
        };
      } else target.notEnforced.push(p.type);
    }
    Object.assign(this, { quotaByApp, byApiEnv, epoch });
  }
}
