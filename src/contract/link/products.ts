// LINK products and their topics (link.md §1-2).
import { z } from 'zod';
import { queryInt } from '../common';
import { CJK, flag01, linkAuthentication, linkBodyId, linkList, linkPageQuery, linkUserRef, linkUserRefStrict, permissions, queryEpochMs } from './base';

export const PRODUCT_TYPES = [0, 1] as const; // 0 ordinary, 1 gateway
export const PRODUCT_PROTOCOLS = [0, 2, 4] as const; // 0 MQTT, 2 Modbus, 4 OPC UA
export const productType = z.union([z.literal(0), z.literal(1)]);
export const productProtocol = z.union([z.literal(0), z.literal(2), z.literal(4)]);
export const PRODUCT_NAME_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9_\\-]+$`);
export const MANUFACTURER_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MODEL_PATTERN = /^[A-Za-z0-9_\- ]+$/;

export const productName = z.string().trim().min(1).max(64).regex(PRODUCT_NAME_PATTERN, 'only Chinese, letters, digits, _ and -');
export const description200 = z.string().max(200);
export const appId = z.string().trim().min(1).max(64);

export const product = z.object({
  permissions: permissions.optional(),
  id: z.number().int(),
  product_serial: z.string().optional(),
  app_id: z.string().optional(),
  name: z.string(),
  manufacturer_id: z.string().optional(),
  manufacturer_name: z.string().optional(),
  model: z.string().optional(),
  product_type: z.number().int().optional(),
  description: z.string().optional(),
  protocol_type: z.number().int().optional(),
  device_type: z.string().optional(),
  version: z.string().optional(),
  created_user: linkUserRef.optional(),
  last_updated_user: linkUserRef.optional(),
  authentication: linkAuthentication.optional(),
  created_datetime: z.number().optional(),
  app_name: z.string().optional(),
  data_format: z.number().int().optional(),
});
export type Product = z.infer<typeof product>;
export const productStrict = product.extend({
  permissions,
  product_serial: z.string(),
  app_id: z.string(),
  manufacturer_id: z.string(),
  manufacturer_name: z.string(),
  model: z.string(),
  product_type: productType,
  description: z.string(),
  protocol_type: productProtocol,
  device_type: z.string(),
  version: z.string(),
  created_user: linkUserRefStrict,
  last_updated_user: linkUserRefStrict,
  authentication: linkAuthentication.optional(), // absent from the update response
  created_datetime: z.number().int(),
  app_name: z.string(),
  data_format: flag01,
});

export const productListQuery = linkPageQuery.extend({
  app_id: z.string().max(64).optional(),
  id: z.string().max(16).optional(),
  name: z.string().max(64).optional(),
  manufacturer_id: z.string().max(64).optional(),
  manufacturer_name: z.string().max(64).optional(),
  model: z.string().max(64).optional(),
  device_type: z.string().max(64).optional(),
  product_type: queryInt.pipe(productType).optional(),
  protocol_type: queryInt.pipe(productProtocol).optional(),
  created_user_name: z.string().max(64).optional(),
  created_date_start: queryEpochMs.optional(),
  created_date_end: queryEpochMs.optional(),
  app_name: z.string().max(64).optional(),
  product_serial: z.string().max(64).optional(),
});
export type ProductListQuery = z.input<typeof productListQuery>;
export const productListResponse = linkList(product);
export type ProductListResponse = z.infer<typeof productListResponse>;

export const createProductRequest = z.strictObject({
  app_id: appId,
  name: productName,
  manufacturer_id: z.string().trim().min(1).max(50).regex(MANUFACTURER_ID_PATTERN, 'only letters, digits, _ and -'),
  manufacturer_name: z.string().trim().min(1).max(64),
  model: z.string().trim().min(1).max(50).regex(MODEL_PATTERN, 'only letters, digits, _, - and space'),
  product_type: productType,
  description: description200.optional(),
  protocol_type: productProtocol,
  device_type: z.string().trim().min(1).max(64).optional(),
  template_id: linkBodyId.optional(),
  version: z.string().max(64).optional(),
  data_format: flag01.optional(),
});
export type CreateProductRequest = z.input<typeof createProductRequest>;

export const updateProductRequest = z.strictObject({
  name: productName,
  description: description200.optional(),
  manufacturer_id: z.string().trim().min(2).max(50).regex(MANUFACTURER_ID_PATTERN, 'only letters, digits, _ and -'),
  manufacturer_name: z.string().trim().min(2).max(64),
  model: z.string().trim().min(2).max(50).regex(MODEL_PATTERN, 'only letters, digits, _, - and space'),
  device_type: z.string().trim().min(1).max(64),
  version: z.string().max(64).optional(),
});
export type UpdateProductRequest = z.input<typeof updateProductRequest>;

export const devicesSummaryResponse = z.object({ summary: z.number().int().min(0) });
export type DevicesSummaryResponse = z.infer<typeof devicesSummaryResponse>;

/** Empty string = keep; both empty/absent = the platform regenerates. */
export const resetProductAuthenticationRequest = z.strictObject({
  user_name: z.union([z.literal(''), z.string().min(10).max(50).regex(/^[A-Za-z0-9-]+$/, 'only letters, digits and -')]).optional(),
  password: z.union([z.literal(''), z.string().min(10).max(80)]).optional(),
});
export type ResetProductAuthenticationRequest = z.input<typeof resetProductAuthenticationRequest>;

// ---- 2. product topics ----

export const topicPermission = z.union([z.literal(0), z.literal(1)]); // 0 publish, 1 subscribe
export const TOPIC_VERSION_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
/** The custom part: letters, digits, `_`, `-`, `/` between segments (chosen, from the v1 rule). */
export const TOPIC_NAME_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

export const productTopic = z.object({
  product_id: z.number().int().optional(),
  topic_id: z.union([z.string(), z.number()]),
  permission: z.number().int().optional(),
  topic_name: z.string(),
  version: z.string().optional(),
  description: z.string().optional(),
});
export type ProductTopic = z.infer<typeof productTopic>;
export const productTopicStrict = productTopic.extend({
  product_id: z.number().int(),
  topic_id: z.string(),
  permission: topicPermission,
  version: z.string(),
  description: z.string(),
});
export const productTopicListResponse = linkList(productTopic);
export type ProductTopicListResponse = z.infer<typeof productTopicListResponse>;
export const productTopicRequest = z.strictObject({
  permission: topicPermission,
  name: z.string().trim().min(1).max(64).regex(TOPIC_NAME_PATTERN, 'letters, digits, _ and - in /-separated segments'),
  version: z.string().min(2).max(50).regex(TOPIC_VERSION_PATTERN, 'letters, digits, - and .; starts and ends alphanumeric'),
  description: description200.optional(),
});
export type ProductTopicRequest = z.input<typeof productTopicRequest>;
