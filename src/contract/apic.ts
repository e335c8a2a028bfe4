// APIC — service integration (apic.md sections 1-5, 14 read-only, 16, 17) and the gateway's
// error shape. Requests are strict (unknown keys refused); responses are lenient with `*Strict`
// variants that describe exactly what roma-local sends. Limits not in the reference are (chosen).
import { z } from 'zod';
import { queryInt, wireTime } from './common';

// ---------------------------------------------------------------------------------------------
// paging and envelopes (APIC: offset int64, < 0 coerced to 0; `{ size, total, <plural> }`)

export const APIC_DEFAULT_LIMIT = 20;
export const APIC_MAX_LIMIT = 500; // (chosen: the stand-alone APIG service documents 500)

export const apicPaging = z.object({
  offset: queryInt.transform((n) => Math.max(0, n)).optional(),
  limit: queryInt.pipe(z.number().int().min(1).max(APIC_MAX_LIMIT)).optional(),
});
export type ApicPaging = z.infer<typeof apicPaging>;

const count = z.number().int().min(0);
export function apicList<K extends string, T extends z.ZodType>(key: K, item: T) {
  const shape = { size: count, total: count, [key]: z.array(item) } as {
    size: typeof count;
    total: typeof count;
  } & Record<K, z.ZodArray<T>>;
  return z.object(shape);
}

/** Comma-separated parameter names switching fuzzy filters to exact match. */
export const preciseSearch = z.string().max(256).optional();

// ---------------------------------------------------------------------------------------------
// shared field rules

const CJK = '\\u4e00-\\u9fa5';
/** API / group names: Chinese, letters, digits, `-_./():`, Chinese `（）：、`; starts with letter, Chinese or digit. */
export const APIC_NAME_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9][${CJK}A-Za-z0-9\\-_./():（）：、]*$`);
export const apicName = z.string().min(3).max(255).regex(APIC_NAME_PATTERN, 'invalid characters in name');
/** Remarks: no `<` or `>`. */
export const apicRemark = z.string().max(1000).regex(/^[^<>]*$/, 'must not contain < or >');
export const apicId = z.string().min(1).max(64);
/** Environment names: letters, digits, `_`; starts with a letter. */
export const ENV_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Parameter names: letters, digits, `-_.`; starts with a letter. */
export const PARAM_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9\-_.]*$/;
/** Environment variable names, referenced as `#name#`. */
export const ENV_VAR_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const ENV_VAR_VALUE_PATTERN = /^[A-Za-z0-9_\-/.:]+$/;
/** `{name}` or `{name+}` placeholders of a request path. */
export const PATH_PARAM_RE = /\{([A-Za-z][A-Za-z0-9\-_.]*)(\+?)\}/g;
/** `#name#` environment variable references. */
export const ENV_VAR_REF_RE = /#([A-Za-z][A-Za-z0-9_-]*)#/g;

/** The default environment (RELEASE) as the official examples name it. */
export const DEFAULT_ENV_ID = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
export const DEFAULT_ENV_NAME = 'RELEASE';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'ANY'] as const;
export const httpMethod = z.enum(HTTP_METHODS);
export const AUTH_TYPES = ['NONE', 'APP', 'IAM', 'AUTHORIZER'] as const;
export const BACKEND_TYPES = ['HTTP', 'FUNCTION', 'MOCK'] as const;
export const PARAM_LOCATIONS = ['PATH', 'QUERY', 'HEADER'] as const;
export const BACKEND_PARAM_ORIGINS = ['REQUEST', 'CONSTANT', 'SYSTEM'] as const;
export const CONTENT_TYPES = ['application/json', 'application/xml', 'multipart/form-data', 'text/plain'] as const;
/** Mock `status_code` values the reference allows. */
export const MOCK_STATUS_CODES = [
  200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 306, 307,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 450, 451,
  500, 501, 502, 503, 504, 505,
] as const;
/** System parameters a backend parameter with origin SYSTEM may name (gateway context). */
export const SYSTEM_PARAMS = [
  '$context.sourceIp', '$context.stage', '$context.apiId', '$context.appId', '$context.requestId',
  '$context.serverAddr', '$context.serverName', '$context.handleTime', '$context.providerAppId',
  '$context.apiName', '$context.appName', '$context.userId', '$context.domainId', '$context.projectId',
] as const;
const SYSTEM_PARAM_RE = /^\$context\.[A-Za-z][A-Za-z0-9_.]*$/; // incl. $context.authorizer.frontend.*

const int12 = z.union([z.literal(1), z.literal(2)]);

// ---------------------------------------------------------------------------------------------
// 1. instance-level reads

export const APIC_FEATURE_NAMES = [
  'lts', 'gateway_responses', 'ratelimit', 'request_body_size', 'backend_timeout', 'app_token', 'app_api_key',
  'app_basic', 'app_secret', 'app_jwt', 'public_key', 'backend_token_allow', 'sign_basic', 'multi_auth',
  'backend_client_certificate', 'ssl_ciphers', 'app_config', 'green_tunnel', 'app_route', 'default_group_hide',
  'cascade', 'sandbox', 'livedata_config', 'apiclient_first_use_x_hw_id', 'cors', 'api_task', 'app_quota',
  'app_acl', 'vpc_backup', 'throttle_strategy', 'kafka_log_plugin_options', 'gzip', 'js_invocable_cache_size',
] as const;
export const apicFeature = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  enable: z.boolean().optional(),
  config: z.string().optional(),
  instance_id: z.string().optional(),
  update_time: wireTime.optional(),
});
export const apicFeatureStrict = apicFeature.extend({
  id: z.string(), name: z.enum(APIC_FEATURE_NAMES), enable: z.boolean(), config: z.string(),
  instance_id: z.string(), update_time: z.string(),
});
export type ApicFeature = z.infer<typeof apicFeature>;
export const apicFeatureList = apicList('features', apicFeature);
export const createFeatureRequest = z.strictObject({
  name: z.enum(APIC_FEATURE_NAMES),
  enable: z.boolean(),
  config: z.string().max(65535).optional(),
});
export type CreateFeatureRequest = z.input<typeof createFeatureRequest>;

export const apicProjectConfig = z.object({
  config_id: z.string().optional(),
  config_name: z.string().optional(),
  config_value: z.string().optional(),
  config_time: wireTime.optional(),
  remark: z.string().optional(),
  used: z.number().int().optional(),
});
export const apicProjectConfigStrict = apicProjectConfig.extend({
  config_id: z.string(), config_name: z.string(), config_value: z.string(), config_time: z.string(),
  remark: z.string(), used: z.number().int(),
});
export type ApicProjectConfig = z.infer<typeof apicProjectConfig>;
export const apicProjectConfigList = apicList('configs', apicProjectConfig);

export const apicRestriction = z.object({
  restrict_cidrs: z.array(z.string()).optional(),
  resource_subnet_cidr: z.string().optional(),
});
export const apicTagList = apicList('tags', z.string());

// ---------------------------------------------------------------------------------------------
// 2. API groups and their domains

export const urlDomain = z.object({
  id: z.string().optional(),
  domain: z.string().optional(),
  cname_status: z.number().int().optional(),
  ssl_id: z.string().optional(),
  ssl_name: z.string().optional(),
  min_ssl_version: z.string().optional(),
  verified_client_certificate_enabled: z.boolean().optional(),
  is_has_trusted_root_ca: z.boolean().optional(),
  is_http_redirect_to_https: z.boolean().optional(),
  ssl_infos: z.array(z.unknown()).optional(),
});
export type UrlDomain = z.infer<typeof urlDomain>;

export const apiGroup = z.object({
  id: z.string(),
  name: z.string(),
  status: z.number().int().optional(),
  sl_domain: z.string().optional(),
  register_time: wireTime.optional(),
  update_time: wireTime.optional(),
  on_sell_status: z.number().int().optional(),
  url_domains: z.array(urlDomain).nullable().optional(),
  sl_domains: z.array(z.string()).nullable().optional(),
  remark: z.string().optional(),
  call_limits: z.number().int().optional(),
  time_interval: z.number().int().optional(),
  time_unit: z.string().optional(),
  is_default: z.number().int().optional(),
  version: z.string().optional(),
  roma_app_id: z.string().optional(),
  roma_app_name: z.string().optional(),
});
export type ApiGroup = z.infer<typeof apiGroup>;
export const apiGroupStrict = apiGroup.extend({
  status: int12, sl_domain: z.string(), register_time: z.string(), update_time: z.string(),
  on_sell_status: z.literal(2), url_domains: z.array(urlDomain), sl_domains: z.array(z.string()),
  remark: z.string(), is_default: int12, version: z.enum(['V1', 'V2']), roma_app_id: z.string(), roma_app_name: z.string(),
});

export const apiGroupListQuery = apicPaging.extend({
  id: z.string().max(64).optional(),
  name: z.string().max(255).optional(),
  roma_app_id: z.string().max(64).optional(),
  precise_search: preciseSearch,
  domain_name: z.string().max(255).optional(),
});
export type ApiGroupListQuery = z.input<typeof apiGroupListQuery>;
export const apiGroupList = apicList('groups', apiGroup);
export type ApiGroupList = z.infer<typeof apiGroupList>;

export const createApiGroupRequest = z.strictObject({
  name: apicName,
  remark: apicRemark.optional(),
  roma_app_id: apicId.optional(),
  version: z.enum(['V1', 'V2']).optional(),
});
export type CreateApiGroupRequest = z.input<typeof createApiGroupRequest>;
export const updateApiGroupRequest = z.strictObject({ name: apicName, remark: apicRemark.optional() });
export type UpdateApiGroupRequest = z.input<typeof updateApiGroupRequest>;
export const checkApiGroupRequest = z.strictObject({ group_name: apicName, roma_app_id: apicId.optional() });
export type CheckApiGroupRequest = z.input<typeof checkApiGroupRequest>;

/** Host names (optionally `:port`), as a bound custom domain. */
export const DOMAIN_PATTERN = /^(?=.{1,255}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const associateDomainRequest = z.strictObject({
  url_domain: z.string().regex(DOMAIN_PATTERN, 'must be a domain name such as api.example.com'),
  min_ssl_version: z.enum(['TLSv1.1', 'TLSv1.2']).optional(),
  is_http_redirect_to_https: z.boolean().optional(),
  verified_client_certificate_enabled: z.boolean().optional(),
});
export type AssociateDomainRequest = z.input<typeof associateDomainRequest>;
export const updateDomainRequest = z.strictObject({
  min_ssl_version: z.enum(['TLSv1.1', 'TLSv1.2']),
  is_http_redirect_to_https: z.boolean().optional(),
  verified_client_certificate_enabled: z.boolean().optional(),
});
export type UpdateDomainRequest = z.input<typeof updateDomainRequest>;
export const domainResponse = z.object({
  url_domain: z.string(),
  id: z.string(),
  status: z.number().int().optional(),
  min_ssl_version: z.string().optional(),
  is_http_redirect_to_https: z.boolean().optional(),
  verified_client_certificate_enabled: z.boolean().optional(),
});
export const domainResponseStrict = domainResponse.extend({
  status: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), min_ssl_version: z.enum(['TLSv1.1', 'TLSv1.2']),
  is_http_redirect_to_https: z.boolean(), verified_client_certificate_enabled: z.boolean(),
});
export type DomainResponse = z.infer<typeof domainResponse>;

// ---------------------------------------------------------------------------------------------
// 3. APIs — ApiCreate and its parts

const paramName = z.string().min(1).max(32).regex(PARAM_NAME_PATTERN, 'letters, digits, -_. ; starts with a letter');

export const reqParamCreate = z.strictObject({
  name: paramName,
  type: z.enum(['STRING', 'NUMBER']),
  location: z.enum(PARAM_LOCATIONS),
  default_value: z.string().max(255).optional(),
  sample_value: z.string().max(255).optional(),
  required: int12.optional(),
  valid_enable: int12.optional(),
  remark: apicRemark.optional(),
  enumerations: z.string().max(1024).optional(),
  min_num: z.number().int().optional(),
  max_num: z.number().int().optional(),
  min_size: z.number().int().min(0).optional(),
  max_size: z.number().int().min(0).optional(),
  regular: z.string().max(1024).optional(),
  json_schema: z.string().max(65535).optional(),
  pass_through: int12.optional(),
  orchestrations: z.array(z.string()).optional(),
});
export type ReqParamCreate = z.input<typeof reqParamCreate>;

export const backendParamCreate = z.strictObject({
  name: paramName,
  location: z.enum(PARAM_LOCATIONS),
  origin: z.enum(BACKEND_PARAM_ORIGINS),
  value: z.string().min(1).max(255),
  remark: apicRemark.optional(),
});
export type BackendParamCreate = z.input<typeof backendParamCreate>;

/** `host[:port]` or an env variable reference such as `#backend#`; (chosen) charset. */
export const URL_DOMAIN_PATTERN = /^(#[A-Za-z][A-Za-z0-9_-]*#|[A-Za-z0-9\-._[\]]+)(:(\d{1,5}|#[A-Za-z][A-Za-z0-9_-]*#))?$/;
const vpcInfo = z.strictObject({
  vpc_channel_id: z.string().max(64),
  vpc_channel_port: z.number().int().min(0).max(65535).optional(),
  vpc_channel_proxy_host: z.string().max(255).optional(),
  ecs_id: z.string().max(64).optional(),
  ecs_name: z.string().max(255).optional(),
  cascade_flag: z.boolean().optional(),
});
const retryCount = z.string().regex(/^(-1|[0-9]|10)$/, 'must be -1..10');
/** Backend request path: `/…`, may contain `{param}` and `#variable#`. */
const backendUri = z.string().min(1).max(512).regex(/^\/[^\s?]*$/, 'must start with / and contain no spaces or ?');
const backendTimeout = z.number().int().min(1).max(600000);

export const backendApiCreate = z.strictObject({
  authorizer_id: z.string().max(64).optional(),
  url_domain: z.string().max(255).regex(URL_DOMAIN_PATTERN, 'must be host[:port] or #variable#').optional(),
  req_protocol: z.enum(['HTTP', 'HTTPS']),
  remark: apicRemark.optional(),
  req_method: httpMethod,
  version: z.string().max(16).optional(),
  req_uri: backendUri,
  timeout: backendTimeout,
  enable_client_ssl: z.boolean().optional(),
  retry_count: retryCount.optional(),
  vpc_channel_info: vpcInfo.optional(),
  vpc_channel_status: int12.optional(),
});
export type BackendApiCreate = z.input<typeof backendApiCreate>;

export const mockHeader = z.strictObject({ key: z.string().min(1).max(128), value: z.string().max(1024), remark: z.string().max(255).optional() });
export const mockInfoCreate = z.strictObject({
  result_content: z.string().max(2 * 1024 * 1024).optional(),
  status_code: z.number().int().refine((c) => (MOCK_STATUS_CODES as readonly number[]).includes(c), 'unsupported mock status code').optional(),
  header: z.array(mockHeader).max(50).optional(),
  version: z.string().max(64).optional(),
  remark: apicRemark.optional(),
  authorizer_id: z.string().max(64).optional(),
});
export type MockInfoCreate = z.input<typeof mockInfoCreate>;

export const funcInfoCreate = z.strictObject({
  function_urn: z.string().min(1).max(255),
  invocation_type: z.enum(['async', 'sync']),
  timeout: backendTimeout,
  network_type: z.enum(['V1', 'V2']).optional(),
  version: z.string().max(64).optional(),
  alias_urn: z.string().max(255).optional(),
  authorizer_id: z.string().max(64).optional(), // in the official request example, not in the table
  remark: apicRemark.optional(),
});
export type FuncInfoCreate = z.input<typeof funcInfoCreate>;

export const apiCondition = z.strictObject({
  req_param_name: z.string().max(32).optional(),
  sys_param_name: z.enum(['req_path', 'req_method']).optional(),
  cookie_param_name: z.string().max(255).optional(),
  condition_type: z.enum(['exact', 'enum', 'pattern']).optional(),
  condition_origin: z.enum(['param', 'source', 'system', 'cookie']),
  condition_value: z.string().min(1).max(1024),
});
const policyBase = {
  name: z.string().min(3).max(64),
  effect_mode: z.enum(['ALL', 'ANY']),
  conditions: z.array(apiCondition).min(1).max(5),
  backend_params: z.array(backendParamCreate).max(50).optional(),
  authorizer_id: z.string().max(64).optional(),
};
export const policyHttpCreate = z.strictObject({
  ...policyBase,
  url_domain: backendApiCreate.shape.url_domain,
  req_protocol: z.enum(['HTTP', 'HTTPS']),
  req_method: httpMethod,
  req_uri: backendUri,
  timeout: backendTimeout.optional(),
  retry_count: retryCount.optional(),
  enable_client_ssl: z.boolean().optional(),
  vpc_channel_status: int12.optional(),
  vpc_channel_info: vpcInfo.optional(),
});
export const policyMockCreate = z.strictObject({
  ...policyBase,
  result_content: z.string().max(2 * 1024 * 1024).optional(),
  status_code: z.number().int().optional(),
  header: z.array(mockHeader).optional(),
});
export const policyFunctionCreate = z.strictObject({
  ...policyBase,
  function_urn: z.string().min(1).max(255),
  invocation_type: z.enum(['async', 'sync']),
  timeout: backendTimeout.optional(),
  network_type: z.enum(['V1', 'V2']).optional(),
  version: z.string().max(64).optional(),
  alias_urn: z.string().max(255).optional(),
});

/** Frontend request path: `/…`, `{param}` / `{param+}` placeholders, no query string. */
export const API_URI_PATTERN = /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/{}]*$/;

const apiCreateShape = {
  name: apicName,
  type: int12,
  version: z.string().max(16).optional(),
  req_protocol: z.enum(['HTTP', 'HTTPS', 'BOTH']),
  req_method: httpMethod,
  req_uri: z.string().min(1).max(512).regex(API_URI_PATTERN, 'must start with / and use URI characters'),
  auth_type: z.enum(AUTH_TYPES),
  auth_opt: z.strictObject({ app_code_auth_type: z.enum(['DISABLE', 'HEADER']).optional() }).optional(),
  cors: z.boolean().optional(),
  match_mode: z.enum(['SWA', 'NORMAL']).optional(),
  backend_type: z.enum(BACKEND_TYPES),
  remark: apicRemark.optional(),
  group_id: apicId,
  body_remark: z.string().max(20480).optional(),
  result_normal_sample: z.string().max(20480).optional(),
  result_failure_sample: z.string().max(20480).optional(),
  authorizer_id: z.string().max(64).optional(),
  tags: z.array(z.string().min(1).max(128)).max(10).optional(),
  response_id: z.string().max(64).optional(),
  roma_app_id: z.string().max(64).optional(),
  domain_name: z.string().max(255).optional(),
  tag: z.string().max(128).optional(),
  content_type: z.enum(CONTENT_TYPES).optional(),
  mock_info: mockInfoCreate.optional(),
  func_info: funcInfoCreate.optional(),
  req_params: z.array(reqParamCreate).max(50).optional(),
  backend_params: z.array(backendParamCreate).max(50).optional(),
  policy_mocks: z.array(policyMockCreate).max(5).optional(),
  policy_functions: z.array(policyFunctionCreate).max(5).optional(),
  backend_api: backendApiCreate.optional(),
  policy_https: z.array(policyHttpCreate).max(5).optional(),
};

/** Path placeholders of a request path, in order: `{id}` → {name:'id', greedy:false}. */
export function pathParams(uri: string): { name: string; greedy: boolean }[] {
  return [...uri.matchAll(PATH_PARAM_RE)].map((m) => ({ name: m[1]!, greedy: m[2] === '+' }));
}

type ApiCreateShape = z.infer<z.ZodObject<typeof apiCreateShape>>;

/** Cross-field rules of an API definition (the gateway relies on them). */
function checkApi(v: ApiCreateShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (v.req_method === 'GET' && v.req_uri === '/apic/health_check') issue(['req_uri'], 'GET /apic/health_check is reserved');
  // placeholders: whole segments, unique, greedy only last
  const segments = v.req_uri.split('/').slice(1);
  segments.forEach((seg, i) => {
    if ((seg.includes('{') || seg.includes('}')) && !/^\{[A-Za-z][A-Za-z0-9\-_.]*\+?\}$/.test(seg)) {
      issue(['req_uri'], `a path parameter must fill a whole segment: ${seg}`);
    }
    if (seg.endsWith('+}') && i !== segments.length - 1) issue(['req_uri'], `{name+} is only allowed as the last segment: ${seg}`);
  });
  const placeholders = pathParams(v.req_uri).map((p) => p.name);
  if (new Set(placeholders).size !== placeholders.length) issue(['req_uri'], 'a path parameter appears twice');
  const params = v.req_params ?? [];
  const seen = new Set<string>();
  params.forEach((p, i) => {
    const key = `${p.location}:${p.location === 'HEADER' ? p.name.toLowerCase() : p.name}`;
    if (seen.has(key)) issue(['req_params', i, 'name'], `duplicate ${p.location} parameter ${p.name}`);
    seen.add(key);
    if (p.location === 'PATH' && !placeholders.includes(p.name)) issue(['req_params', i, 'name'], `PATH parameter ${p.name} is not in req_uri`);
    if (p.type === 'NUMBER' && (p.min_size !== undefined || p.max_size !== undefined)) issue(['req_params', i], 'min_size/max_size apply to STRING parameters');
    if (p.type === 'STRING' && (p.min_num !== undefined || p.max_num !== undefined)) issue(['req_params', i], 'min_num/max_num apply to NUMBER parameters');
    if (p.min_num !== undefined && p.max_num !== undefined && p.min_num > p.max_num) issue(['req_params', i, 'min_num'], 'min_num > max_num');
    if (p.min_size !== undefined && p.max_size !== undefined && p.min_size > p.max_size) issue(['req_params', i, 'min_size'], 'min_size > max_size');
  });
  for (const name of placeholders) {
    if (!params.some((p) => p.location === 'PATH' && p.name === name)) issue(['req_params'], `path parameter {${name}} needs a PATH entry in req_params`);
  }
  const names = new Set(params.map((p) => p.name));
  const backendUriParams = pathParams(v.backend_api?.req_uri ?? '').map((p) => p.name);
  (v.backend_params ?? []).forEach((b, i) => {
    if (b.origin === 'REQUEST' && !names.has(b.value)) issue(['backend_params', i, 'value'], `no request parameter named ${b.value}`);
    if (b.origin === 'SYSTEM' && !SYSTEM_PARAM_RE.test(b.value)) issue(['backend_params', i, 'value'], 'a system parameter looks like $context.name');
    if (b.location === 'PATH' && v.backend_type === 'HTTP' && !backendUriParams.includes(b.name)) {
      issue(['backend_params', i, 'name'], `PATH backend parameter ${b.name} is not in backend_api.req_uri`);
    }
  });
  if (v.backend_type === 'HTTP') {
    if (!v.backend_api) issue(['backend_api'], 'required when backend_type is HTTP');
    else if (v.backend_api.vpc_channel_status !== 1 && !v.backend_api.url_domain) issue(['backend_api', 'url_domain'], 'required unless a VPC channel is used');
    else if (v.backend_api.vpc_channel_status === 1 && !v.backend_api.vpc_channel_info) issue(['backend_api', 'vpc_channel_info'], 'required when vpc_channel_status is 1');
  }
  if (v.backend_type === 'FUNCTION' && !v.func_info) issue(['func_info'], 'required when backend_type is FUNCTION');
  if (v.auth_type === 'AUTHORIZER' && !v.authorizer_id) issue(['authorizer_id'], 'required when auth_type is AUTHORIZER');
}

/** The ApiCreate fields without the cross-field rules (forms validate field by field with it). */
export const apiCreateObject = z.strictObject(apiCreateShape);
/** CreateApiV2 / UpdateApiV2 body (PUT takes the full object). */
export const apiCreateRequest = apiCreateObject.superRefine(checkApi);
export type ApiCreateRequest = z.input<typeof apiCreateRequest>;
export type ApiDefinition = z.output<typeof apiCreateRequest>;

// ---- API object (lenient) ----

const withMeta = { id: z.string().optional(), status: z.number().int().optional(), register_time: wireTime.optional(), update_time: wireTime.optional() };
export const reqParam = z.object({
  id: z.string().optional(), name: z.string(), type: z.string(), location: z.string(),
  default_value: z.string().optional(), sample_value: z.string().optional(), required: z.number().int().optional(),
  valid_enable: z.number().int().optional(), remark: z.string().optional(), enumerations: z.string().optional(),
  min_num: z.number().optional(), max_num: z.number().optional(), min_size: z.number().optional(), max_size: z.number().optional(),
  regular: z.string().optional(), json_schema: z.string().optional(), pass_through: z.number().int().optional(),
  orchestrations: z.array(z.string()).optional(),
});
export type ReqParam = z.infer<typeof reqParam>;
export const backendParam = z.object({
  id: z.string().optional(), name: z.string(), location: z.string(), origin: z.string(), value: z.string(),
  remark: z.string().optional(), req_param_id: z.string().optional(),
});
export type BackendParam = z.infer<typeof backendParam>;
export const backendApi = z.object({
  ...withMeta,
  authorizer_id: z.string().optional(), url_domain: z.string().optional(), req_protocol: z.string().optional(),
  remark: z.string().optional(), req_method: z.string().optional(), version: z.string().optional(), req_uri: z.string().optional(),
  timeout: z.number().int().optional(), enable_client_ssl: z.boolean().optional(), retry_count: z.string().optional(),
  vpc_channel_info: z.object({
    vpc_channel_id: z.string().optional(), vpc_channel_port: z.number().int().optional(), vpc_channel_proxy_host: z.string().optional(),
    ecs_id: z.string().optional(), ecs_name: z.string().optional(), cascade_flag: z.boolean().optional(),
  }).nullable().optional(),
  vpc_channel_status: z.number().int().optional(),
  vpc_status: z.number().int().optional(),
});
export type BackendApi = z.infer<typeof backendApi>;
export const mockInfo = z.object({
  ...withMeta,
  result_content: z.string().optional(), status_code: z.number().int().optional(),
  header: z.array(z.object({ key: z.string(), value: z.string(), remark: z.string().optional() })).optional(),
  version: z.string().optional(), remark: z.string().optional(), authorizer_id: z.string().optional(),
});
export const funcInfo = z.object({
  ...withMeta,
  function_urn: z.string().optional(), invocation_type: z.string().optional(), timeout: z.number().int().optional(),
  network_type: z.string().optional(), version: z.string().optional(), alias_urn: z.string().optional(),
  authorizer_id: z.string().optional(), remark: z.string().optional(),
});
const policy = z.object({ id: z.string().optional(), name: z.string().optional() }).catchall(z.unknown());
export const apiGroupCommonInfo = z.object({
  id: z.string().optional(), name: z.string().optional(), status: z.number().int().optional(), sl_domain: z.string().optional(),
  sl_domains: z.array(z.string()).optional(), url_domains: z.array(urlDomain).optional(), remark: z.string().optional(),
  version: z.string().optional(), roma_app_id: z.string().optional(), roma_app_name: z.string().optional(),
});
/** `auth_opt` is an object in the reference and an array in the ListApiVersionDetailV2 example: accept both. */
export const authOpt = z.union([
  z.object({ app_code_auth_type: z.string().optional() }),
  z.array(z.object({ app_code_auth_type: z.string().optional() })),
]);

export const api = z.object({
  id: z.string(),
  name: z.string(),
  type: z.number().int().optional(),
  version: z.string().optional(),
  req_protocol: z.string().optional(),
  req_method: z.string().optional(),
  req_uri: z.string().optional(),
  auth_type: z.string().optional(),
  auth_opt: authOpt.nullable().optional(),
  cors: z.boolean().optional(),
  match_mode: z.string().optional(),
  backend_type: z.string().optional(),
  remark: z.string().optional(),
  group_id: z.string().optional(),
  body_remark: z.string().optional(),
  result_normal_sample: z.string().optional(),
  result_failure_sample: z.string().optional(),
  authorizer_id: z.string().optional(),
  tags: z.array(z.string()).nullable().optional(),
  response_id: z.string().optional(),
  roma_app_id: z.string().optional(),
  domain_name: z.string().optional(),
  tag: z.string().optional(),
  content_type: z.string().optional(),
  status: z.number().int().optional(),
  arrange_necessary: z.number().int().optional(),
  register_time: wireTime.optional(),
  update_time: wireTime.optional(),
  group_name: z.string().optional(),
  group_version: z.string().optional(),
  run_env_name: z.string().optional(),
  run_env_id: z.string().optional(),
  publish_id: z.string().optional(),
  publish_time: wireTime.optional(),
  roma_app_name: z.string().optional(),
  ld_api_id: z.string().optional(),
  backend_api: backendApi.nullable().optional(),
  api_group_info: apiGroupCommonInfo.nullable().optional(),
  func_info: funcInfo.nullable().optional(),
  mock_info: mockInfo.nullable().optional(),
  req_params: z.array(reqParam).nullable().optional(),
  backend_params: z.array(backendParam).nullable().optional(),
  policy_functions: z.array(policy).nullable().optional(),
  policy_mocks: z.array(policy).nullable().optional(),
  policy_https: z.array(policy).nullable().optional(),
});
export type Api = z.infer<typeof api>;

/** What roma-local sends for an API (show/create/update/list item). */
export const apiStrict = api.extend({
  type: int12, req_protocol: z.enum(['HTTP', 'HTTPS', 'BOTH']), req_method: httpMethod, req_uri: z.string(),
  auth_type: z.enum(AUTH_TYPES), auth_opt: z.object({ app_code_auth_type: z.enum(['DISABLE', 'HEADER']) }),
  cors: z.boolean(), match_mode: z.enum(['SWA', 'NORMAL']), backend_type: z.enum(BACKEND_TYPES), remark: z.string(),
  group_id: z.string(), status: z.literal(1), arrange_necessary: z.literal(2), register_time: z.string(), update_time: z.string(),
  group_name: z.string(), group_version: z.string(), run_env_name: z.string(), run_env_id: z.string(), publish_id: z.string(),
  publish_time: z.string(), roma_app_id: z.string(), roma_app_name: z.string(), tags: z.array(z.string()),
  req_params: z.array(reqParam.extend({ id: z.string() })), backend_params: z.array(backendParam.extend({ id: z.string() })),
  api_group_info: apiGroupCommonInfo.extend({ id: z.string(), name: z.string(), sl_domain: z.string() }),
});

export const apiListQuery = apicPaging.extend({
  id: z.string().max(64).optional(),
  name: z.string().max(255).optional(),
  group_id: z.string().max(64).optional(),
  req_protocol: z.enum(['HTTP', 'HTTPS', 'BOTH']).optional(),
  req_method: httpMethod.optional(),
  req_uri: z.string().max(512).optional(),
  auth_type: z.enum(AUTH_TYPES).optional(),
  env_id: z.string().max(64).optional(),
  type: queryInt.pipe(int12).optional(),
  precise_search: preciseSearch,
  vpc_channel_id: z.string().max(64).optional(),
  vpc_channel_name: z.string().max(255).optional(),
  roma_app_name: z.string().max(255).optional(),
  roma_app_id: z.string().max(64).optional(),
});
export type ApiListQuery = z.input<typeof apiListQuery>;
export const apiList = apicList('apis', api);
export type ApiList = z.infer<typeof apiList>;

export const apiCheckRequest = z
  .strictObject({
    type: z.enum(['path', 'name']),
    name: z.string().max(255).optional(),
    req_method: httpMethod.optional(),
    req_uri: z.string().max(512).optional(),
    match_mode: z.enum(['SWA', 'NORMAL']).optional(),
    group_id: z.string().max(64).optional(),
    roma_app_id: z.string().max(64).optional(),
    api_id: z.string().max(64).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'name' && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'required when type is name' });
    if (v.type === 'path' && (!v.req_method || !v.req_uri)) {
      ctx.addIssue({ code: 'custom', path: ['req_uri'], message: 'req_method and req_uri are required when type is path' });
    }
  });
export type ApiCheckRequest = z.input<typeof apiCheckRequest>;

// ---- debug ----

const debugName = (underscore: boolean) =>
  z.string().max(32).regex(underscore ? /^[A-Za-z][A-Za-z0-9._-]*$/ : /^[A-Za-z][A-Za-z0-9.-]*$/, 'invalid name');
export const apiDebugRequest = z
  .strictObject({
    mode: z.enum(['DEVELOPER', 'MARKET', 'CONSUMER']),
    scheme: z.enum(['HTTP', 'HTTPS']),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS']),
    path: z.string().min(1).max(1024).regex(/^\//, 'must start with /'),
    query: z.record(debugName(true), z.array(z.string().max(4096)).max(20)).optional(),
    header: z.record(debugName(false), z.array(z.string().max(4096)).max(20)).optional(),
    body: z.string().max(2097152).optional(),
    app_key: z.string().max(64).optional(),
    app_secret: z.string().max(128).optional(),
    domain: z.string().max(255).optional(),
    stage: z.string().max(64).optional(),
  })
  .superRefine((v, ctx) => {
    for (const h of Object.keys(v.header ?? {})) {
      if (/^(x-apig-|x-sdk-)/i.test(h) || /^x-stage$/i.test(h)) {
        ctx.addIssue({ code: 'custom', path: ['header', h], message: 'X-Apig-*, X-Sdk-* and X-Stage are reserved' });
      }
    }
  });
export type ApiDebugRequest = z.input<typeof apiDebugRequest>;
export const apiDebugResponse = z.object({
  request: z.string(),
  response: z.string(),
  latency: z.number(),
  log: z.string(),
});
export type ApiDebugResponse = z.infer<typeof apiDebugResponse>;

// ---------------------------------------------------------------------------------------------
// 4. publishing, versions, runtime

export const apiActionRequest = z.strictObject({
  action: z.enum(['online', 'offline']),
  api_id: apicId,
  env_id: apicId,
  remark: z.string().max(255).optional(),
});
export type ApiActionRequest = z.input<typeof apiActionRequest>;
export const publishResp = z.object({
  publish_id: z.string().optional(),
  api_id: z.string().optional(),
  api_name: z.string().optional(),
  env_id: z.string().optional(),
  remark: z.string().optional(),
  publish_time: wireTime.optional(),
  version_id: z.string().optional(),
});
export const publishRespStrict = publishResp.extend({
  publish_id: z.string(), api_id: z.string(), api_name: z.string(), env_id: z.string(), remark: z.string(),
  publish_time: z.string(), version_id: z.string(),
});
export type PublishResp = z.infer<typeof publishResp>;

export const batchPublishQuery = z.object({ action: z.enum(['online', 'offline']) });
export const batchPublishRequest = z.strictObject({
  apis: z.array(apicId).min(1).max(1000),
  env_id: apicId,
  remark: z.string().max(255).optional(),
});
export type BatchPublishRequest = z.input<typeof batchPublishRequest>;
export const batchPublishResponse = z.object({
  success: z.array(publishResp),
  failure: z.array(z.object({ api_id: z.string(), api_name: z.string().optional(), error_code: z.string(), error_msg: z.string() })),
});
export type BatchPublishResponse = z.infer<typeof batchPublishResponse>;

export const apiVersionsQuery = apicPaging.extend({ env_id: z.string().max(64).optional(), env_name: z.string().max(64).optional() });
export const apiVersion = z.object({
  version_id: z.string(),
  version_no: z.string().optional(),
  api_id: z.string().optional(),
  env_id: z.string().optional(),
  env_name: z.string().optional(),
  remark: z.string().optional(),
  publish_time: wireTime.optional(),
  status: z.number().int().optional(),
});
export const apiVersionStrict = apiVersion.extend({
  version_no: z.string(), api_id: z.string(), env_id: z.string(), env_name: z.string(), remark: z.string(),
  publish_time: z.string(), status: int12,
});
export type ApiVersion = z.infer<typeof apiVersion>;
export const apiVersionList = apicList('api_versions', apiVersion);
export const changeApiVersionRequest = z.strictObject({ version_id: apicId });

/** ListApiVersionDetailV2: the API as published in that version, plus where it is served. */
export const apiVersionDetail = api.extend({
  version_id: z.string().optional(),
  sl_domain: z.string().optional(),
  sl_domains: z.array(z.string()).optional(),
});
export type ApiVersionDetail = z.infer<typeof apiVersionDetail>;

export const apiRuntimeQuery = z.object({ env_id: z.string().max(64).optional() });
/** ListApiRuntimeDefinitionV2: frontend definition running in an env. */
export const apiRuntime = z.object({
  id: z.string().optional(),
  name: z.string(),
  type: z.number().int().optional(),
  version: z.string().optional(),
  req_protocol: z.string().optional(),
  req_method: z.string().optional(),
  req_uri: z.string().optional(),
  auth_type: z.string().optional(),
  auth_opt: authOpt.nullable().optional(),
  cors: z.boolean().optional(),
  match_mode: z.string().optional(),
  remark: z.string().optional(),
  group_id: z.string().optional(),
  group_name: z.string().optional(),
  roma_app_id: z.string().optional(),
  req_params: z.array(reqParam).nullable().optional(),
  sl_domain: z.string().optional(),
  sl_domains: z.array(z.string()).optional(),
  run_env_name: z.string().optional(),
  run_env_id: z.string().optional(),
  publish_id: z.string().optional(),
  publish_time: wireTime.optional(),
  version_id: z.string().optional(),
});
export type ApiRuntime = z.infer<typeof apiRuntime>;

// ---------------------------------------------------------------------------------------------
// 5. environments and environment variables

export const envCreateRequest = z.strictObject({
  name: z.string().min(3).max(64).regex(ENV_NAME_PATTERN, 'letters, digits and _; starts with a letter'),
  remark: apicRemark.optional(),
});
export type EnvCreateRequest = z.input<typeof envCreateRequest>;
export const apicEnv = z.object({ id: z.string(), name: z.string(), remark: z.string().optional(), create_time: wireTime.optional() });
export const apicEnvStrict = apicEnv.extend({ remark: z.string(), create_time: z.string() });
export type ApicEnv = z.infer<typeof apicEnv>;
export const envListQuery = apicPaging.extend({ name: z.string().max(64).optional() });
export const apicEnvList = apicList('envs', apicEnv);

const envVarValue = z.string().min(1).max(255).regex(ENV_VAR_VALUE_PATTERN, 'letters, digits and _-/.:');
/** env_id and group_id are optional in the SDK model; roma-local requires both (a variable lives in one group and env). */
export const envVariableCreateRequest = z.strictObject({
  variable_value: envVarValue,
  env_id: apicId,
  group_id: apicId,
  variable_name: z.string().min(3).max(32).regex(ENV_VAR_NAME_PATTERN, 'letters, digits, _ and -; starts with a letter'),
});
export type EnvVariableCreateRequest = z.input<typeof envVariableCreateRequest>;
export const envVariableUpdateRequest = z.strictObject({ variable_value: envVarValue });
export const envVariable = z.object({
  id: z.string(),
  variable_value: z.string(),
  env_id: z.string().optional(),
  group_id: z.string().optional(),
  variable_name: z.string(),
});
export const envVariableStrict = envVariable.extend({ env_id: z.string(), group_id: z.string() });
export type EnvVariable = z.infer<typeof envVariable>;
export const envVariableListQuery = apicPaging.extend({
  group_id: z.string().min(1).max(64),
  env_id: z.string().max(64).optional(),
  variable_name: z.string().max(32).optional(),
  precise_search: preciseSearch,
});
export const envVariableList = apicList('variables', envVariable);

// ---------------------------------------------------------------------------------------------
// 14. VPC channels (read-only in roma-local)

export const vpcChannel = z.object({
  id: z.string(),
  name: z.string(),
  port: z.number().int().optional(),
  balance_strategy: z.number().int().optional(),
  member_type: z.string().optional(),
  type: z.number().int().optional(),
  dict_code: z.string().optional(),
  create_time: wireTime.optional(),
  status: z.number().int().optional(),
  member_groups: z.array(z.unknown()).optional(),
});
export type VpcChannel = z.infer<typeof vpcChannel>;
export const vpcChannelListQuery = apicPaging.extend({
  id: z.string().max(64).optional(), name: z.string().max(255).optional(), dict_code: z.string().max(64).optional(),
  precise_search: preciseSearch, member_host: z.string().max(255).optional(), member_port: queryInt.optional(),
  member_group_name: z.string().max(255).optional(), member_group_id: z.string().max(64).optional(),
});
export const vpcChannelList = apicList('vpc_channels', vpcChannel);

// ---------------------------------------------------------------------------------------------
// 16. OpenAPI import / export

export const openApiExportRequest = z.strictObject({
  group_id: apicId,
  env_id: apicId.optional(),
  define: z.enum(['spec', 'proxy', 'all', 'dev']).optional(),
  type: z.enum(['json', 'yaml', 'yml']).optional(),
  version: z.string().max(64).optional(),
  apis: z.array(apicId).max(1000).optional(), // export only these APIs of the group
  oas_version: z.enum(['2.0', '3.0']).optional(), // (chosen) Swagger 2.0 by default
});
export type OpenApiExportRequest = z.input<typeof openApiExportRequest>;

/** Multipart text fields of ImportApiDefinitionsV2 (the file travels as `file_name`). */
export const openApiImportFields = z.strictObject({
  is_create_group: z.enum(['true', 'false']).optional(),
  group_id: apicId.optional(),
  app_id: apicId.optional(),
  extend_mode: z.enum(['merge', 'override']).optional(),
  simple_mode: z.enum(['true', 'false']).optional(),
  mock_mode: z.enum(['true', 'false']).optional(),
  api_mode: z.enum(['merge', 'override']).optional(),
});
export type OpenApiImportFields = z.input<typeof openApiImportFields>;
export const openApiImportResponse = z.object({
  success: z.array(z.object({ path: z.string(), method: z.string(), action: z.string(), id: z.string() })),
  failure: z.array(z.object({ path: z.string(), method: z.string(), error_code: z.string(), error_msg: z.string() })),
  swagger: z.object({ id: z.string(), result: z.string() }).optional(),
  group_id: z.string().optional(),
  ignore: z.array(z.object({ method: z.string(), path: z.string() })).optional(),
});
export type OpenApiImportResponse = z.infer<typeof openApiImportResponse>;

// ---------------------------------------------------------------------------------------------
// 17. statistics

const duration = z.string().regex(/^(\d+h)?(\d+m)?$/, 'e.g. 1h, 30m or 2h45m').refine((s) => s.length > 0, 'empty duration');
export const statisticsQuery = z.object({
  mode: z.enum(['INSTANCE', 'ALL', 'APP', 'API']).optional(),
  roma_app_id: z.string().max(64).optional(),
  api_id: z.string().max(64).optional(),
  cycle: z.enum(['minute', 'hour', 'day']).optional(),
  start_time: queryInt.optional(),
  end_time: queryInt.optional(),
  duration: duration.optional(),
});
export type StatisticsQuery = z.input<typeof statisticsQuery>;
export const latestStatisticsQuery = z.object({ api_id: z.string().min(1).max(64), duration });
export const apiStatistic = z.object({
  api_id: z.string().optional(),
  group_id: z.string().optional(),
  provider: z.string().optional(),
  req_time: wireTime.optional(),
  register_time: wireTime.optional(),
  req_count: z.number().int().optional(),
  req_count_2xx: z.number().int().optional(),
  req_count_4xx: z.number().int().optional(),
  req_count_5xx: z.number().int().optional(),
  req_count_error: z.number().int().optional(),
  max_latency: z.number().optional(),
  avg_latency: z.number().optional(),
  max_backend_latency: z.number().optional(),
  avg_backend_latency: z.number().optional(),
  output_throughput: z.number().optional(),
  input_throughput: z.number().optional(),
  current_minute: z.number().int().optional(),
  cycle: z.string().optional(),
});
export type ApiStatistic = z.infer<typeof apiStatistic>;
export const statisticsResponse = z.object({
  code: z.string().optional(),
  start_time: z.number().int().optional(),
  end_time: z.number().int().optional(),
  list: z.array(apiStatistic),
});
export type StatisticsResponse = z.infer<typeof statisticsResponse>;

// ---------------------------------------------------------------------------------------------
// the gateway's own error answers (vendor's gateway shape: with request_id)

export const gatewayErrorBody = z.object({ error_code: z.string(), error_msg: z.string(), request_id: z.string() });
export type GatewayErrorBody = z.infer<typeof gatewayErrorBody>;
