// APIC §3 — the API object as answered (lenient; `apiStrict` is what roma-local sends), list and name/path check.
import { z } from 'zod';
import { queryInt, wireTime } from '../common';
import { AUTH_TYPES, BACKEND_TYPES, apicList, apicPaging, httpMethod, int12, preciseSearch } from './base';
import { urlDomain } from './groups';
import { issueReporter } from '../refine';

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
    const issue = issueReporter(ctx);
    if (v.type === 'name' && !v.name) issue(['name'], 'required when type is name');
    if (v.type === 'path' && (!v.req_method || !v.req_uri)) {
      issue(['req_uri'], 'req_method and req_uri are required when type is path');
    }
  });
export type ApiCheckRequest = z.input<typeof apiCheckRequest>;
