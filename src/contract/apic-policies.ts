// APIC consumer policies (apic.md sections 8, 10 and 15's data sources): client quotas (app
// quotas), request throttling policies with special apps / users and API bindings, and LiveData
// data sources. Plugins are in apic-plugins.ts. Requests are strict; responses lenient with
// `*Strict` variants for what roma-local sends. Limits not in the reference are (chosen).
import { z } from 'zod';
import { wireTime } from './common';
import { apicId, apicList, apicPaging, apicRemark, preciseSearch } from './apic';

const CJK = '\\u4e00-\\u9fa5';
/** Quota / plugin names: Chinese, letters, digits, `_`; starts with a letter or Chinese. */
export const POLICY_NAME_PATTERN = new RegExp(`^[${CJK}A-Za-z][${CJK}A-Za-z0-9_]*$`);
export const TIME_UNITS = ['SECOND', 'MINUTE', 'HOUR', 'DAY'] as const;
export const timeUnit = z.enum(TIME_UNITS);
export type TimeUnit = z.infer<typeof timeUnit>;
export const TIME_UNIT_MS: Record<TimeUnit, number> = { SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 };
const INT32_MAX = 2_147_483_647;
const positive = z.number().int().min(1).max(INT32_MAX);
const idList = z.array(apicId).min(1).max(100); // (chosen) at most 100 ids per call

// ---------------------------------------------------------------------------------------------
// reset_time: the vendor writes "2020-09-20 00:00:00" (and "… +0000 +0000" in one example)

const RESET_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z| \+0000(?: \+0000)?)?$/;
/** ms since the epoch (UTC) of a reset_time string, or undefined when it is not one. */
export function parseResetTime(s: string): number | undefined {
  const m = RESET_RE.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return undefined;
  return t;
}
export const formatResetTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const resetTime = z.string().refine((s) => parseResetTime(s) !== undefined, 'must be a time like 2020-09-20 00:00:00 (UTC)');

// ---------------------------------------------------------------------------------------------
// client quotas (section 8)

export const appQuotaCreateRequest = z.strictObject({
  name: z.string().min(3).max(255).regex(POLICY_NAME_PATTERN, 'invalid characters in name'),
  call_limits: positive,
  time_unit: timeUnit,
  time_interval: positive,
  reset_time: resetTime.optional(),
  remark: apicRemark.max(255).optional(),
});
export type AppQuotaCreateRequest = z.infer<typeof appQuotaCreateRequest>;

export const appQuota = z.object({
  app_quota_id: z.string(),
  name: z.string(),
  call_limits: z.number().int(),
  time_unit: z.string(),
  time_interval: z.number().int(),
  remark: z.string().optional(),
  reset_time: z.string().optional(),
  create_time: wireTime.optional(),
  bound_app_num: z.number().int().optional(),
});
export const appQuotaStrict = appQuota.extend({
  time_unit: timeUnit, remark: z.string(), reset_time: z.string(), create_time: z.string(), bound_app_num: z.number().int().min(0),
});
export type AppQuota = z.infer<typeof appQuotaStrict>;
export const appQuotaList = apicList('quotas', appQuota);
export const appQuotaListQuery = apicPaging.extend({ name: z.string().max(255).optional() });
export const appQuotaAppsQuery = apicPaging.extend({ app_name: z.string().max(255).optional() });

export const appQuotaBindRequest = z.strictObject({ app_ids: idList });
export const appQuotaApply = z.object({ app_quota_id: z.string(), app_id: z.string(), bound_time: wireTime });
export const appQuotaBindResponse = z.object({ applies: z.array(appQuotaApply) });

export const appQuotaApp = z.object({
  app_id: z.string(),
  name: z.string(),
  status: z.number().int().optional(),
  app_key: z.string().optional(),
  remark: z.string().optional(),
  register_time: wireTime.optional(),
  update_time: wireTime.optional(),
  app_quota_id: z.string().optional(),
  app_quota_name: z.string().optional(),
  bound_time: wireTime.optional(),
});
export type AppQuotaApp = z.infer<typeof appQuotaApp>;
export const appQuotaAppList = apicList('apps', appQuotaApp);

// ---------------------------------------------------------------------------------------------
// request throttling policies (section 10)

const optLimit = z.number().int().min(0).max(INT32_MAX).optional();
export const throttleCreateRequest = z.strictObject({
  name: z.string().min(3).max(64).regex(POLICY_NAME_PATTERN, 'invalid characters in name'),
  api_call_limits: positive,
  user_call_limits: optLimit,
  app_call_limits: optLimit,
  ip_call_limits: optLimit,
  time_interval: positive,
  time_unit: timeUnit,
  type: z.union([z.literal(1), z.literal(2)]).optional(),
  enable_adaptive_control: z.string().max(32).optional(),
  remark: apicRemark.max(255).optional(),
}).superRefine((b, ctx) => {
  // the vendor's rule: app ≤ user ≤ API, ip ≤ API (a zero or absent limit is "not limited")
  const api = b.api_call_limits;
  const user = b.user_call_limits || api;
  if (b.user_call_limits && b.user_call_limits > api) ctx.addIssue({ code: 'custom', path: ['user_call_limits'], message: 'must not exceed api_call_limits' });
  if (b.app_call_limits && b.app_call_limits > user) ctx.addIssue({ code: 'custom', path: ['app_call_limits'], message: 'must not exceed user_call_limits (or api_call_limits)' });
  if (b.ip_call_limits && b.ip_call_limits > api) ctx.addIssue({ code: 'custom', path: ['ip_call_limits'], message: 'must not exceed api_call_limits' });
});
export type ThrottleCreateRequest = z.infer<typeof throttleCreateRequest>;

export const throttle = z.object({
  id: z.string(),
  name: z.string(),
  api_call_limits: z.number().int(),
  user_call_limits: z.number().int().optional(),
  app_call_limits: z.number().int().optional(),
  ip_call_limits: z.number().int().optional(),
  time_interval: z.number().int(),
  time_unit: z.string(),
  type: z.number().int().optional(),
  enable_adaptive_control: z.string().optional(),
  remark: z.string().optional(),
  bind_num: z.number().int().optional(),
  is_inclu_special_throttle: z.number().int().optional(),
  create_time: wireTime.optional(),
});
export const throttleStrict = throttle.extend({
  time_unit: timeUnit, type: z.union([z.literal(1), z.literal(2)]), bind_num: z.number().int().min(0),
  is_inclu_special_throttle: z.union([z.literal(1), z.literal(2)]), create_time: z.string(),
  user_call_limits: z.number().int(), app_call_limits: z.number().int(), ip_call_limits: z.number().int(), remark: z.string(),
});
export type Throttle = z.infer<typeof throttleStrict>;
export const throttleList = apicList('throttles', throttle);
export const throttleListQuery = apicPaging.extend({ id: apicId.optional(), name: z.string().max(64).optional(), precise_search: preciseSearch });

export const THROTTLE_OBJECT_TYPES = ['APP', 'USER'] as const;
export const throttleSpecialCreateRequest = z.strictObject({
  object_id: apicId,
  object_type: z.enum(THROTTLE_OBJECT_TYPES),
  call_limits: positive,
});
export const throttleSpecialUpdateRequest = z.strictObject({ call_limits: positive });
export const throttleSpecial = z.object({
  id: z.string(),
  throttle_id: z.string().optional(),
  object_id: z.string(),
  object_type: z.string(),
  object_name: z.string().optional(),
  call_limits: z.number().int(),
  apply_time: wireTime.optional(),
  app_id: z.string().optional(),
  app_name: z.string().optional(),
});
export type ThrottleSpecial = z.infer<typeof throttleSpecial>;
export const throttleSpecialList = apicList('throttle_specials', throttleSpecial);
export const throttleSpecialListQuery = apicPaging.extend({ object_type: z.enum(THROTTLE_OBJECT_TYPES).optional(), app_name: z.string().max(255).optional() });

export const throttleBindRequest = z.strictObject({ strategy_id: apicId, publish_ids: idList });
export const throttleApply = z.object({ id: z.string(), strategy_id: z.string(), publish_id: z.string(), scope: z.number().int().optional(), apply_time: wireTime });
export const throttleBindResponse = z.object({ throttle_applys: z.array(throttleApply) });
export const throttleUnbindRequest = z.strictObject({ throttle_bindings: idList });
export const throttleUnbindQuery = z.object({ action: z.literal('delete') });
export const throttleUnbindResponse = z.object({
  success_count: z.number().int(),
  failure: z.array(z.object({ bind_id: z.string(), error_code: z.string(), error_msg: z.string(), api_id: z.string().optional(), api_name: z.string().optional() })),
});
export const throttleApisQuery = apicPaging.extend({
  throttle_id: apicId, env_id: apicId.optional(), group_id: apicId.optional(), api_id: apicId.optional(), api_name: z.string().max(255).optional(),
});
/** API of a throttle binding listing (bound or not bound). */
export const throttleApi = z.object({
  id: z.string(), name: z.string(), group_id: z.string(), group_name: z.string().optional(), type: z.number().int().optional(),
  req_protocol: z.string().optional(), req_method: z.string().optional(), req_uri: z.string().optional(), auth_type: z.string().optional(),
  match_mode: z.string().optional(), remark: z.string().optional(), run_env_id: z.string().optional(), run_env_name: z.string().optional(),
  publish_id: z.string().optional(), throttle_apply_id: z.string().optional(), apply_time: wireTime.optional(),
  throttle_name: z.string().optional(),
});
export const throttleApiList = apicList('apis', throttleApi);
export const apiThrottlesQuery = apicPaging.extend({
  api_id: apicId, throttle_id: apicId.optional(), throttle_name: z.string().max(64).optional(), env_id: apicId.optional(),
});
export const boundThrottle = throttle.extend({ throttle_apply_id: z.string().optional(), apply_time: wireTime.optional(), env_id: z.string().optional(), env_name: z.string().optional() });
export const boundThrottleList = apicList('throttles', boundThrottle);

// ---------------------------------------------------------------------------------------------
// LiveData data sources (section 15)

export const LIVEDATA_DS_TYPES = ['oracle', 'mysql', 'mongodb', 'redis', 'postgresql', 'hive', 'mssql', 'sqlserver', 'dws', 'gauss100', 'zenith'] as const;
export const liveDataDataSourcesQuery = apicPaging.extend({ app_id: apicId, name: z.string().max(255).optional() });
export const liveDataDataSource = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(), // unknown strings tolerated (the reference says so)
  description: z.string().optional(),
  url: z.string().optional(),
  user: z.string().optional(),
  password: z.string().optional(),
  remotepath: z.string().optional(),
  status: z.string().optional(),
  created_time: wireTime.optional(),
  modified_time: wireTime.optional(),
});
export type LiveDataDataSource = z.infer<typeof liveDataDataSource>;
export const liveDataDataSourceList = apicList('data_sources', liveDataDataSource);
