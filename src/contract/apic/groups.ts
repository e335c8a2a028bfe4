// APIC §2 — API groups and their bound domains.
import { z } from 'zod';
import { wireTime } from '../common';
import { apicId, apicList, apicName, apicPaging, apicRemark, int12, preciseSearch } from './base';

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
