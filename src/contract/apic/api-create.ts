// APIC §3 — the ApiCreate body (CreateApiV2 / UpdateApiV2), its parts and its cross-field rules.
import { z } from 'zod';
import { AUTH_TYPES, BACKEND_PARAM_ORIGINS, BACKEND_TYPES, CONTENT_TYPES, MOCK_STATUS_CODES, PARAM_LOCATIONS, PARAM_NAME_PATTERN, PATH_PARAM_RE, SYSTEM_PARAM_RE, apicId, apicName, apicRemark, httpMethod, int12 } from './base';
import { issueReporter } from '../refine';

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
  const issue = issueReporter(ctx);
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
