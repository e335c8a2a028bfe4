// APIC plugins (apic.md section 9): CRUD, attach / detach in an environment, and the content of
// each plugin type. `plugin_content` is a JSON string whose shape depends on `plugin_type`; the
// shapes follow the vendor's plugin pages (CORS, HTTP response headers, traffic control, Kafka
// log, circuit breaker). Limits not in the reference are (chosen).
import { z } from 'zod';
import { wireTime } from './common';
import { apicId, apicList, apicPaging, preciseSearch } from './apic';
import { POLICY_NAME_PATTERN } from './apic-policies';
import { paramRuleIssues, rateLimitParameter, rateLimitRule } from './apic-rate-limit-rules';

export const PLUGIN_TYPES = ['cors', 'set_resp_headers', 'kafka_log', 'breaker', 'rate_limit', 'third_auth'] as const;
export type PluginType = (typeof PLUGIN_TYPES)[number];
export const PLUGIN_SCOPES = ['global', 'app'] as const;
/** Types the roma-local gateway enforces; the others are stored and shown only. */
export const ENFORCED_PLUGIN_TYPES: readonly PluginType[] = ['cors', 'set_resp_headers', 'rate_limit'];
const INT32_MAX = 2_147_483_647;

// ---------------------------------------------------------------------------------------------
// plugin_content per type

export const corsContent = z.strictObject({
  allow_origin: z.string().min(1).max(1024).default('*'),
  allow_methods: z.string().max(256).default('GET,POST,PUT,DELETE,HEAD,PATCH'),
  allow_headers: z.string().max(1024).default(''),
  expose_headers: z.string().max(1024).default(''),
  max_age: z.number().int().min(0).max(INT32_MAX).default(86400),
  allow_credentials: z.boolean().default(false),
});
export type CorsContent = z.infer<typeof corsContent>;

export const RESP_HEADER_ACTIONS = ['override', 'append', 'delete', 'skip', 'add'] as const;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
export const setRespHeadersContent = z.strictObject({
  response_headers: z.array(z.strictObject({
    name: z.string().min(1).max(256).regex(HEADER_NAME, 'not a valid header name')
      .refine((n) => !/^x-apig-/i.test(n) && n.toLowerCase() !== 'x-request-id' && !/^access-control-/i.test(n),
        'gateway headers (x-apig-*, x-request-id) and CORS headers cannot be changed'),
    value: z.string().max(1024).regex(/^[^\r\n]*$/, 'must not contain line breaks').default(''),
    action: z.enum(RESP_HEADER_ACTIONS),
  })).min(1).max(10),
}).refine((c) => new Set(c.response_headers.map((h) => h.name.toLowerCase())).size === c.response_headers.length,
  { message: 'response header names must be unique (case-insensitive)', path: ['response_headers'] });
export type SetRespHeadersContent = z.infer<typeof setRespHeadersContent>;

export const RATE_LIMIT_UNITS = ['second', 'minute', 'hour', 'day'] as const;
const limit = z.number().int().min(1).max(INT32_MAX);
export const rateLimitContent = z.strictObject({
  scope: z.enum(['basic', 'share']).default('basic'),
  default_time_unit: z.enum(RATE_LIMIT_UNITS).default('second'),
  default_interval: limit.default(1),
  api_limit: z.union([z.literal(-1), limit]), // -1: not limited
  app_limit: limit.optional(),
  user_limit: limit.optional(),
  ip_limit: limit.optional(),
  algorithm: z.enum(['counter', 'haht', 'local']).default('counter'),
  specials: z.array(z.strictObject({
    type: z.enum(['app', 'user']),
    policies: z.array(z.strictObject({ key: z.string().min(1).max(64), limit })).max(100),
  })).max(2).default([]),
  // parameter-based throttling (apic-rate-limit-rules.ts)
  parameters: z.array(rateLimitParameter).max(100).default([]),
  rules: z.array(rateLimitRule).max(100).default([]),
}).superRefine((c, ctx) => {
  const api = c.api_limit === -1 ? INT32_MAX : c.api_limit;
  for (const k of ['user_limit', 'ip_limit'] as const) {
    if ((c[k] ?? 0) > api) ctx.addIssue({ code: 'custom', path: [k], message: 'must not exceed api_limit' });
  }
  if ((c.app_limit ?? 0) > (c.user_limit ?? api)) ctx.addIssue({ code: 'custom', path: ['app_limit'], message: 'must not exceed user_limit (or api_limit)' });
  c.specials.forEach((s, i) => s.policies.forEach((p, j) => {
    if (p.limit > api) ctx.addIssue({ code: 'custom', path: ['specials', i, 'policies', j, 'limit'], message: 'must not exceed api_limit' });
  }));
  for (const i of paramRuleIssues(c.parameters, c.rules)) ctx.addIssue({ code: 'custom', ...i });
});
export type RateLimitContent = z.infer<typeof rateLimitContent>;

export const kafkaLogContent = z.looseObject({
  broker_list: z.array(z.string().min(1).max(255)).min(1).max(20),
  topic: z.string().min(1).max(255),
  key: z.string().max(255).optional(),
  max_retry_count: z.number().int().min(0).max(5).optional(),
  retry_backoff: z.number().int().min(1).max(10).optional(),
});
export const breakerContent = z.looseObject({
  breaker_condition: z.looseObject({
    breaker_type: z.enum(['condition', 'timeout']),
    breaker_mode: z.enum(['counter', 'percentage']).optional(),
    time_window: z.number().int().min(1).max(3600),
    open_breaker_time: z.number().int().min(1).max(3600),
  }),
  scope: z.enum(['basic', 'share']).optional(),
});
export const thirdAuthContent = z.looseObject({});

export const PLUGIN_CONTENT: Record<PluginType, z.ZodType> = {
  cors: corsContent, set_resp_headers: setRespHeadersContent, rate_limit: rateLimitContent,
  kafka_log: kafkaLogContent, breaker: breakerContent, third_auth: thirdAuthContent,
};

/** Parses and checks a plugin_content string for its type; the issue message on failure. */
export function parsePluginContent(type: PluginType, content: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let json: unknown;
  try { json = JSON.parse(content); } catch { return { ok: false, message: 'plugin_content is not valid JSON' }; }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: 'plugin_content must be a JSON object' };
  const r = PLUGIN_CONTENT[type].safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  const i = r.error.issues[0]!;
  return { ok: false, message: `plugin_content${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}` };
}

// ---------------------------------------------------------------------------------------------
// plugins

export const pluginCreateRequest = z.strictObject({
  plugin_name: z.string().min(3).max(255).regex(POLICY_NAME_PATTERN, 'invalid characters in plugin_name'),
  plugin_type: z.enum(PLUGIN_TYPES),
  plugin_scope: z.enum(PLUGIN_SCOPES),
  plugin_content: z.string().min(2).max(65535),
  roma_app_id: apicId.optional(),
  remark: z.string().max(255).regex(/^[^<>]*$/, 'must not contain < or >').optional(),
}).superRefine((b, ctx) => {
  const r = parsePluginContent(b.plugin_type, b.plugin_content);
  if (!r.ok) ctx.addIssue({ code: 'custom', path: ['plugin_content'], message: r.message });
  if (b.plugin_scope === 'app' && !b.roma_app_id) ctx.addIssue({ code: 'custom', path: ['roma_app_id'], message: 'is required when plugin_scope is app' });
});
export type PluginCreateRequest = z.infer<typeof pluginCreateRequest>;

export const plugin = z.object({
  plugin_id: z.string(),
  plugin_name: z.string(),
  plugin_type: z.string(),
  plugin_scope: z.string(),
  plugin_content: z.string(),
  remark: z.string().optional(),
  roma_app_id: z.string().optional(),
  roma_app_name: z.string().optional(),
  create_time: wireTime.optional(),
  update_time: wireTime.optional(),
});
export const pluginStrict = plugin.extend({
  plugin_type: z.enum(PLUGIN_TYPES), plugin_scope: z.enum(PLUGIN_SCOPES), remark: z.string(), roma_app_id: z.string(),
  roma_app_name: z.string(), create_time: z.string(), update_time: z.string(),
});
export type Plugin = z.infer<typeof pluginStrict>;
export const pluginList = apicList('plugins', plugin);
export const pluginListQuery = apicPaging.extend({
  plugin_type: z.enum(PLUGIN_TYPES).optional(), plugin_scope: z.enum(PLUGIN_SCOPES).optional(), plugin_id: apicId.optional(),
  plugin_name: z.string().max(255).optional(), precise_search: preciseSearch, roma_app_id: apicId.optional(), roma_app_name: z.string().max(255).optional(),
});

const ids = z.array(apicId).min(1).max(100); // (chosen)
export const pluginOperApiRequest = z.strictObject({ env_id: apicId, api_ids: ids });
export const apiOperPluginRequest = z.strictObject({ env_id: apicId, plugin_ids: ids });

export const pluginAttachment = z.object({
  plugin_attach_id: z.string(), plugin_id: z.string(), plugin_name: z.string().optional(), plugin_type: z.string().optional(),
  plugin_scope: z.string().optional(), env_id: z.string(), env_name: z.string().optional(), api_id: z.string(),
  api_name: z.string().optional(), attached_time: wireTime,
});
export const attachResponse = z.object({ attached_plugins: z.array(pluginAttachment) });

const apiFilters = {
  api_name: z.string().max(255).optional(), api_id: apicId.optional(), group_id: apicId.optional(),
  req_method: z.string().max(16).optional(), req_uri: z.string().max(512).optional(),
};
export const pluginAttachedApisQuery = apicPaging.extend({ env_id: apicId.optional(), ...apiFilters });
export const pluginAttachableApisQuery = apicPaging.extend({ env_id: apicId, ...apiFilters });
export const pluginApi = z.object({
  api_id: z.string(), api_name: z.string(), type: z.number().int().optional(), req_protocol: z.string().optional(),
  req_method: z.string().optional(), req_uri: z.string().optional(), auth_type: z.string().optional(), match_mode: z.string().optional(),
  remark: z.string().optional(), group_id: z.string().optional(), group_name: z.string().optional(), roma_app_id: z.string().optional(),
  env_id: z.string().optional(), env_name: z.string().optional(), publish_id: z.string().optional(),
  plugin_attach_id: z.string().optional(), attached_time: wireTime.optional(),
});
export const pluginApiList = apicList('apis', pluginApi);

const pluginFilters = {
  plugin_name: z.string().max(255).optional(), plugin_id: apicId.optional(), plugin_type: z.enum(PLUGIN_TYPES).optional(),
  roma_app_id: apicId.optional(), roma_app_name: z.string().max(255).optional(),
};
export const apiAttachedPluginsQuery = apicPaging.extend({ env_id: apicId.optional(), env_name: z.string().max(64).optional(), ...pluginFilters });
export const apiAttachablePluginsQuery = apicPaging.extend({ env_id: apicId, ...pluginFilters });
export const apiPlugin = z.object({
  plugin_attach_id: z.string().optional(), plugin_id: z.string(), plugin_name: z.string(), plugin_type: z.string(),
  plugin_scope: z.string(), env_id: z.string().optional(), env_name: z.string().optional(), attached_time: wireTime.optional(),
  plugin_content: z.string(), remark: z.string().optional(), create_time: wireTime.optional(), update_time: wireTime.optional(),
});
export const apiPluginList = apicList('plugins', apiPlugin);
