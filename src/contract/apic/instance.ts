// APIC §1 — instance-level reads: features, project configuration, restrictions, tags.
import { z } from 'zod';
import { wireTime } from '../common';
import { apicList } from './base';

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
