// APIC consumer side of integration apps (apic.md sections 6 and 7): apps as APIC sees them
// (read-only), AppCodes, app configs, and app authorisations (which app may call which API in
// which environment). Requests are strict; responses lenient with `*Strict` variants describing
// exactly what roma-local sends. Limits not in the reference are marked (chosen).
import { z } from 'zod';
import { apicList, apicPaging, preciseSearch } from './apic';
import { queryInt, wireTime } from './common';

const id = z.string().min(1).max(64);

// ---- apps (ListAppsV2, ShowDetailsOfAppV2) ----

export const APIC_APP_CREATORS = ['USER', 'MARKET'] as const;
export const APIC_APP_TYPES = ['apig', 'roma'] as const;

/** `AppInfoWithBindNum`; ShowDetailsOfAppV2 answers the same without `bind_num`. */
export const apicApp = z.object({
  id: z.string(),
  name: z.string(),
  remark: z.string().optional(),
  creator: z.string().optional(),
  update_time: wireTime.optional(),
  app_key: z.string().optional(),
  app_secret: z.string().optional(),
  register_time: wireTime.optional(),
  status: z.number().int().optional(),
  app_type: z.string().optional(),
  roma_app_type: z.string().optional(),
  bind_num: z.number().int().optional(),
});
export type ApicApp = z.infer<typeof apicApp>;
export const apicAppStrict = apicApp.extend({
  remark: z.string(), creator: z.enum(APIC_APP_CREATORS), update_time: z.string(), app_key: z.string(), app_secret: z.string(),
  register_time: z.string(), status: z.literal(1), app_type: z.enum(APIC_APP_TYPES), roma_app_type: z.string(),
});
export const apicAppListQuery = apicPaging.extend({
  id: z.string().max(64).optional(),
  name: z.string().max(255).optional(),
  status: queryInt.optional(),
  app_key: z.string().max(64).optional(),
  precise_search: preciseSearch,
});
export type ApicAppListQuery = z.input<typeof apicAppListQuery>;
export const apicAppList = apicList('apps', apicApp);
export type ApicAppList = z.infer<typeof apicAppList>;

// ---- AppCodes ----

/** Letters and `+_!@#$%/=`; starts with a letter, `+` or `/` (apic.md; digits also appear in the official example). */
export const APP_CODE_PATTERN = /^[A-Za-z+/][A-Za-z0-9+_!@#$%/=-]*$/;
export const APP_CODE_MIN = 64; // the official docs: 64-180 characters
export const APP_CODE_MAX = 180;
export const appCodeValue = z.string().min(APP_CODE_MIN).max(APP_CODE_MAX).regex(APP_CODE_PATTERN, 'must start with a letter, + or / and use letters, digits and +_!@#$%/=-');

export const appCodeCreateRequest = z.strictObject({ app_code: appCodeValue });
export type AppCodeCreateRequest = z.input<typeof appCodeCreateRequest>;
export const appCode = z.object({ app_code: z.string(), id: z.string(), app_id: z.string().optional(), create_time: wireTime.optional() });
export type AppCode = z.infer<typeof appCode>;
export const appCodeStrict = appCode.extend({ app_id: z.string(), create_time: z.string() });
export const appCodeList = apicList('app_codes', appCode);
export type AppCodeList = z.infer<typeof appCodeList>;
export const appCodeListQuery = apicPaging;

// ---- app configs ----

export const APP_CONFIG_TYPES = ['variable', 'password', 'certificate'] as const;
/** Letters, digits, `_-.@`; starts with a letter. */
export const APP_CONFIG_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_\-.@]*$/;
export const appConfigCreateRequest = z.strictObject({
  config_type: z.enum(APP_CONFIG_TYPES),
  config_name: z.string().min(3).max(32).regex(APP_CONFIG_NAME_PATTERN, 'letters, digits, _-.@, starting with a letter'), // length (chosen)
  config_value: z.string().min(1).max(8192), // (chosen)
  description: z.string().max(255).regex(/^[^<>]*$/, 'must not contain < or >').optional(),
});
export type AppConfigCreateRequest = z.input<typeof appConfigCreateRequest>;
/** AppConfigModifyRequestV2 carries the same fields. */
export const appConfigUpdateRequest = appConfigCreateRequest;
export const appConfig = z.object({
  id: z.string(),
  app_id: z.string().optional(),
  config_type: z.string().optional(),
  config_name: z.string().optional(),
  config_value: z.string().optional(),
  update_time: wireTime.optional(),
  description: z.string().optional(),
});
export type AppConfig = z.infer<typeof appConfig>;
export const appConfigStrict = appConfig.extend({
  app_id: z.string(), config_type: z.enum(APP_CONFIG_TYPES), config_name: z.string(), config_value: z.string(),
  update_time: z.string(), description: z.string(),
});
export const appConfigListQuery = apicPaging.extend({
  app_id: z.string().max(64).optional(),
  config_name: z.string().max(64).optional(),
  roma_app_name: z.string().max(255).optional(),
});
export const appConfigList = apicList('configs', appConfig);
/** Password values are never answered in clear (as in the official examples). */
export const MASKED_PASSWORD = '******';

// ---- app authorisations (section 7) ----

export const AUTH_TUNNELS = ['NORMAL', 'GREEN'] as const;
export const AUTH_RESULT_STATUSES = ['SUCCESS', 'SKIPPED', 'FAILED'] as const;
const MAX_BATCH = 100; // (chosen)

export const apiAuthCreateRequest = z.strictObject({
  env_id: id,
  app_ids: z.array(id).min(1).max(MAX_BATCH),
  api_ids: z.array(id).min(1).max(MAX_BATCH),
  auth_tunnel: z.enum(AUTH_TUNNELS).optional(),
  auth_whitelist: z.array(z.string().max(64)).max(100).optional(),
  auth_blacklist: z.array(z.string().max(64)).max(100).optional(),
  visit_params: z.array(z.strictObject({ api_id: id, app_id: id.optional(), visit_param: z.string().min(1).max(1024) })).max(MAX_BATCH).optional(),
}).superRefine((v, c) => {
  if (v.auth_tunnel !== 'GREEN' && ((v.auth_whitelist?.length ?? 0) > 0 || (v.auth_blacklist?.length ?? 0) > 0)) {
    c.addIssue({ code: 'custom', path: ['auth_whitelist'], message: 'auth_whitelist and auth_blacklist apply to the GREEN tunnel only' });
  }
});
export type ApiAuthCreateRequest = z.input<typeof apiAuthCreateRequest>;

export const authResult = z.object({
  status: z.string().optional(),
  error_code: z.string().optional(),
  error_msg: z.string().optional(),
  api_name: z.string().optional(),
  app_name: z.string().optional(),
});
export const appAuthCreated = z.object({
  id: z.string().optional(),
  api_id: z.string().optional(),
  app_id: z.string().optional(),
  auth_role: z.string().optional(),
  auth_time: wireTime.optional(),
  auth_tunnel: z.string().optional(),
  auth_whitelist: z.array(z.string()).nullable().optional(),
  auth_blacklist: z.array(z.string()).nullable().optional(),
  visit_params: z.unknown().optional(),
  auth_result: authResult.optional(),
});
export const apiAuthCreateResponse = z.object({ auths: z.array(appAuthCreated) });
export type ApiAuthCreateResponse = z.infer<typeof apiAuthCreateResponse>;
export const apiAuthCreateResponseStrict = z.object({
  auths: z.array(appAuthCreated.extend({
    api_id: z.string(), app_id: z.string(), auth_role: z.literal('CONSUMER'),
    auth_result: authResult.extend({ status: z.enum(AUTH_RESULT_STATUSES), api_name: z.string(), app_name: z.string() }),
  })),
});

/** `ApiAuthInfo`: one authorisation as the binding listings show it. */
export const apiAuthInfo = z.object({
  id: z.string(),
  api_id: z.string().optional(),
  api_name: z.string().optional(),
  group_id: z.string().optional(),
  group_name: z.string().optional(),
  api_type: z.number().int().optional(),
  api_remark: z.string().optional(),
  env_id: z.string().optional(),
  env_name: z.string().optional(),
  auth_role: z.string().optional(),
  auth_time: wireTime.optional(),
  app_id: z.string().optional(),
  app_name: z.string().optional(),
  app_remark: z.string().optional(),
  app_type: z.string().optional(),
  app_creator: z.string().optional(),
  publish_id: z.string().optional(),
  auth_tunnel: z.string().optional(),
  auth_whitelist: z.array(z.string()).nullable().optional(),
  auth_blacklist: z.array(z.string()).nullable().optional(),
  visit_param: z.string().optional(),
  roma_app_type: z.string().optional(),
});
export type ApiAuthInfo = z.infer<typeof apiAuthInfo>;
export const apiAuthInfoStrict = apiAuthInfo.extend({
  api_id: z.string(), api_name: z.string(), group_id: z.string(), group_name: z.string(), env_id: z.string(), env_name: z.string(),
  auth_role: z.literal('CONSUMER'), auth_time: z.string(), app_id: z.string(), app_name: z.string(), app_type: z.enum(APIC_APP_TYPES),
  auth_tunnel: z.enum(AUTH_TUNNELS),
});
export const apiAuthList = apicList('auths', apiAuthInfo);
export type ApiAuthList = z.infer<typeof apiAuthList>;

export const appsBoundToApiQuery = apicPaging.extend({
  api_id: z.string().max(64).optional(),
  app_name: z.string().max(255).optional(),
  app_id: z.string().max(64).optional(),
  env_id: z.string().max(64).optional(),
});
export const apisBoundToAppQuery = apicPaging.extend({
  app_id: id,
  api_id: z.string().max(64).optional(),
  api_name: z.string().max(255).optional(),
  group_id: z.string().max(64).optional(),
  group_name: z.string().max(255).optional(),
  env_id: z.string().max(64).optional(),
});
export type ApisBoundToAppQuery = z.input<typeof apisBoundToAppQuery>;
export const apisUnboundToAppQuery = apicPaging.extend({
  app_id: id,
  env_id: id,
  group_id: z.string().max(64).optional(),
  api_id: z.string().max(64).optional(),
  api_name: z.string().max(255).optional(),
});
export type ApisUnboundToAppQuery = z.input<typeof apisUnboundToAppQuery>;

/** An API an app may still be authorised to (`ApiOutline`-like items of ListApisUnbindedToAppV2). */
export const unboundApi = z.object({
  id: z.string(),
  name: z.string().optional(),
  group_id: z.string().optional(),
  group_name: z.string().optional(),
  type: z.number().int().optional(),
  remark: z.string().optional(),
  run_env_name: z.string().optional(),
  run_env_id: z.string().optional(),
  publish_id: z.string().optional(),
  req_method: z.string().optional(),
  req_uri: z.string().optional(),
  auth_type: z.string().optional(),
});
export type UnboundApi = z.infer<typeof unboundApi>;
export const unboundApiList = apicList('apis', unboundApi);
