// APIC §4 — publishing, versions and the runtime definition in an environment.
import { z } from 'zod';
import { wireTime } from '../common';
import { api } from './api';
import { apicId, apicList, apicPaging, int12 } from './base';

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
export const apiRuntime = api
  .pick({
    name: true, type: true, version: true, req_protocol: true, req_method: true, req_uri: true, auth_type: true, auth_opt: true,
    cors: true, match_mode: true, remark: true, group_id: true, group_name: true, roma_app_id: true, req_params: true,
    run_env_name: true, run_env_id: true, publish_id: true, publish_time: true,
  })
  .extend({
    id: z.string().optional(),
    sl_domain: z.string().optional(),
    sl_domains: z.array(z.string()).optional(),
    version_id: z.string().optional(),
  });
export type ApiRuntime = z.infer<typeof apiRuntime>;
