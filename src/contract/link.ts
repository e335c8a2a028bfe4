// LINK — device integration (link.md sections 1-5 and 8, without product templates, product
// import/export, rules and notifications; plus device export from fdi-link-details.md §4.4).
// Conventions of this family: numeric int32 ids (floored when sent as decimals in bodies),
// inverted `status` flags (0 enabled / 1 disabled), epoch-millisecond times (groups: strings),
// paging offset + limit (limit capped at 999), list envelope `{ total, size, items }`.
// Request schemas are strict; response schemas are lenient, `*Strict` is what roma-local sends.
// Limits the reference does not give are marked (chosen).
import { z } from 'zod';
import { queryInt } from './common';

const CJK = '\\u4e00-\\u9fa5';
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef'; // Chinese punctuation (full-width forms)

export const LINK_MAX_LIMIT = 999;
export const LINK_DEFAULT_LIMIT = 10; // (chosen)

// ---- building blocks ----

/** int32 id in a request body: decimals are floored (link.md), must end up ≥ 1. */
export const linkBodyId = z
  .number()
  .finite()
  .transform((v) => Math.floor(v))
  .pipe(z.number().int().min(1).max(2147483647));
/** int32 id in a path or query string. */
export const linkQueryId = queryInt.pipe(z.number().min(1));
/** 0/1 flag (status: 0 enabled, 1 disabled; required: 0 optional, 1 required …). */
export const flag01 = z.union([z.literal(0), z.literal(1)]);
/** 0/1 flag from a query string. */
export const queryFlag01 = queryInt.pipe(flag01);
/** Epoch ms in a query string. */
export const queryEpochMs = z
  .union([z.number(), z.string().regex(/^\d{1,15}$/, 'must be epoch milliseconds')])
  .transform((v) => Number(v))
  .pipe(z.number().int().min(0));

/** LINK paging: offset ≥ 0, 1 ≤ limit; a larger limit is capped at 999 (link.md). */
export const linkPageQuery = z.object({
  offset: queryInt.pipe(z.number().min(0)).optional(),
  limit: queryInt.pipe(z.number().min(1)).transform((v) => Math.min(v, LINK_MAX_LIMIT)).optional(),
});
export type LinkPageQuery = z.input<typeof linkPageQuery>;

const count = z.number().int().min(0);
/** `{ total, size, items[] }`. */
export function linkList<T extends z.ZodType>(item: T) {
  return z.object({ total: count, size: count, items: z.array(item) });
}

export const linkUserRef = z.object({ user_id: z.string().optional(), user_name: z.string().optional() });
const linkUserRefStrict = z.object({ user_id: z.string(), user_name: z.string() });
export const linkAuthentication = z.object({ user_name: z.string(), password: z.string() });
export type LinkAuthentication = z.infer<typeof linkAuthentication>;
const permissions = z.array(z.string());

// ---- 1. products ----

export const PRODUCT_TYPES = [0, 1] as const; // 0 ordinary, 1 gateway
export const PRODUCT_PROTOCOLS = [0, 2, 4] as const; // 0 MQTT, 2 Modbus, 4 OPC UA
export const productType = z.union([z.literal(0), z.literal(1)]);
export const productProtocol = z.union([z.literal(0), z.literal(2), z.literal(4)]);
export const PRODUCT_NAME_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9_\\-]+$`);
export const MANUFACTURER_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MODEL_PATTERN = /^[A-Za-z0-9_\- ]+$/;

export const productName = z.string().trim().min(1).max(64).regex(PRODUCT_NAME_PATTERN, 'only Chinese, letters, digits, _ and -');
const description200 = z.string().max(200);
const appId = z.string().trim().min(1).max(64);

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

// ---- 3. devices ----

export const onlineStatus = z.union([z.literal(0), z.literal(1), z.literal(2)]); // 0 never, 1 online, 2 offline
export const nodeType = z.union([z.literal(0), z.literal(1), z.literal(2)]); // 0 direct, 1 gateway, 2 sub-device
export const DEVICE_NAME_PATTERN = new RegExp(`^[${CJK}${CJK_PUNCT}A-Za-z0-9()_,#.?'\\-@%&! ]+$`);
export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const DEVICE_USER_NAME_PATTERN = /^[A-Za-z0-9-]+$/;
const PASSWORD_SPECIALS = '~!@#$%^&*()-_=+|[{}];:<>/?';
const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
export const DEVICE_PASSWORD_PATTERN = new RegExp(
  `^(?=.*\\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[${escapeRe(PASSWORD_SPECIALS)}])[A-Za-z0-9${escapeRe(PASSWORD_SPECIALS)}]{8,32}$`,
);

export const deviceName = z.string().trim().min(2).max(64).regex(DEVICE_NAME_PATTERN, 'invalid characters in device name');
export const nodeId = z.string().trim().min(2).max(64).regex(NODE_ID_PATTERN, 'only letters, digits, _ and -');
export const devicePassword = z.string().regex(DEVICE_PASSWORD_PATTERN, '8-32 characters with a digit, an upper- and a lower-case letter and a special character');
export const deviceUserName = z.string().min(10).max(50).regex(DEVICE_USER_NAME_PATTERN, 'only letters, digits and -');
export const deviceTags = z.array(z.string().trim().min(1).max(64)).max(20); // (chosen)

export const productReferer = z.object({
  product_id: z.number().int().optional(),
  product_name: z.string().optional(),
  manufacturer_id: z.string().optional(),
  model: z.string().optional(),
  protocol_type: z.number().int().optional(),
  product_type: z.number().int().optional(),
});
export const productRefererStrict = productReferer.extend({
  product_id: z.number().int(),
  product_name: z.string(),
  manufacturer_id: z.string(),
  model: z.string(),
  protocol_type: productProtocol,
  product_type: productType,
});
/** In a request: `product_id`, or `manufacturer_id` + `model`. */
export const productRefererRequest = z
  .strictObject({
    product_id: linkBodyId.optional(),
    product_name: z.string().max(64).optional(),
    manufacturer_id: z.string().max(64).optional(),
    model: z.string().max(64).optional(),
    protocol_type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    product_type: productType.optional(),
  })
  .refine((p) => p.product_id !== undefined || (!!p.manufacturer_id && !!p.model), 'product_id, or manufacturer_id with model, is required');

export const device = z.object({
  permissions: permissions.optional(),
  id: z.number().int(),
  device_id: z.number().int().optional(),
  parent_device_id: z.number().int().nullable().optional(),
  parent_device_name: z.string().nullable().optional(),
  product: productReferer.optional(),
  device_name: z.string(),
  instance_id: z.string().optional(),
  client_id: z.string().optional(),
  node_id: z.string().optional(),
  app_name: z.string().optional(),
  status: z.number().int().optional(),
  online_status: z.number().int().optional(),
  description: z.string().optional(),
  authentication: linkAuthentication.optional(),
  created_user: linkUserRef.optional(),
  last_updated_user: linkUserRef.optional(),
  tags: z.array(z.string()).optional(),
  created_datetime: z.number().optional(),
  last_updated_datetime: z.number().optional(),
  connect_address: z.string().optional(),
  ssl_connect_address: z.string().optional(),
  ipv6_connect_address: z.string().optional(),
  ipv6_ssl_connect_address: z.string().optional(),
  last_login_datetime: z.number().nullable().optional(),
  node_type: z.number().int().optional(),
  device_type: z.number().int().optional(),
  client_ip: z.string().nullable().optional(),
  keep_alive: z.string().nullable().optional(),
  last_active_time: z.number().nullable().optional(),
  version: z.string().nullable().optional(),
  app_id: z.string().optional(),
  plugin_id: z.number().int().nullable().optional(),
});
export type Device = z.infer<typeof device>;
export const deviceStrict = device.extend({
  permissions,
  device_id: z.number().int(),
  product: productRefererStrict,
  instance_id: z.string(),
  client_id: z.string(),
  node_id: z.string(),
  app_name: z.string(),
  status: flag01,
  online_status: onlineStatus,
  description: z.string(),
  authentication: linkAuthentication,
  created_user: linkUserRefStrict,
  last_updated_user: linkUserRefStrict,
  tags: z.array(z.string()),
  created_datetime: z.number().int(),
  last_updated_datetime: z.number().int(),
  connect_address: z.string(),
  ssl_connect_address: z.string(),
  ipv6_connect_address: z.string(),
  ipv6_ssl_connect_address: z.string(),
  node_type: nodeType,
  device_type: nodeType,
  app_id: z.string(),
});

/** `online_status` as a comma-separated list (`1,2`). */
export const onlineStatusList = z
  .string()
  .regex(/^\s*[012]\s*(,\s*[012]\s*)*$/, 'a comma-separated list of 0, 1, 2')
  .transform((s) => [...new Set(s.split(',').map((x) => Number(x.trim()) as 0 | 1 | 2))]);

export const deviceListQuery = linkPageQuery.extend({
  app_id: z.string().max(64).optional(),
  product_id: linkQueryId.optional(),
  product_name: z.string().max(64).optional(),
  device_name: z.string().max(64).optional(),
  client_id: z.string().max(64).optional(),
  node_id: z.string().max(64).optional(),
  node_type: queryInt.pipe(nodeType).optional(),
  online_status: onlineStatusList.optional(),
  created_date_start: queryEpochMs.optional(),
  created_date_end: queryEpochMs.optional(),
  tag: z.string().max(64).optional(),
});
export type DeviceListQuery = z.input<typeof deviceListQuery>;
const accessAddresses = {
  connect_address: z.string().optional(),
  ssl_connect_address: z.string().optional(),
  ipv6_connect_address: z.string().optional(),
  ipv6_ssl_connect_address: z.string().optional(),
};
export const deviceListResponse = linkList(device).extend(accessAddresses);
export type DeviceListResponse = z.infer<typeof deviceListResponse>;

export const createDeviceRequest = z.strictObject({
  parent_device_id: linkBodyId.optional(),
  product: productRefererRequest,
  password: devicePassword.optional(),
  user_name: deviceUserName.optional(),
  device_name: deviceName,
  node_id: nodeId,
  app_id: appId,
  status: flag01.optional(),
  description: description200.optional(),
  tags: deviceTags.optional(),
});
export type CreateDeviceRequest = z.input<typeof createDeviceRequest>;

export const updateDeviceRequest = z.strictObject({
  device_name: deviceName,
  status: flag01,
  description: description200.optional(),
  tags: deviceTags.optional(),
});
export type UpdateDeviceRequest = z.input<typeof updateDeviceRequest>;

const idList = z.array(linkBodyId).min(1).max(1000); // (chosen)
export const batchDeleteDevicesRequest = z.strictObject({ resources: idList });
export type BatchDeleteDevicesRequest = z.input<typeof batchDeleteDevicesRequest>;

export const forceOfflineRequest = z.strictObject({ device_ids: idList });
export type ForceOfflineRequest = z.input<typeof forceOfflineRequest>;
const forceOfflineItem = z.object({
  id: z.number().int(),
  device_name: z.string().optional(),
  device_id: z.number().int().optional(),
  error_code: z.string().optional(),
  error_msg: z.string().optional(),
});
export const forceOfflineResponse = z.object({ success: z.array(forceOfflineItem), failed: z.array(forceOfflineItem) });
export type ForceOfflineResponse = z.infer<typeof forceOfflineResponse>;

export const resetDeviceAuthenticationRequest = z.strictObject({
  user_name: z.union([z.literal(''), deviceUserName]).optional(),
  password: z.union([z.literal(''), devicePassword]).optional(),
});
export type ResetDeviceAuthenticationRequest = z.input<typeof resetDeviceAuthenticationRequest>;

export const sendCommandRequest = z.strictObject({
  service_id: linkBodyId,
  command_id: linkBodyId,
  is_sync: z.boolean(),
  requests: z
    .array(z.strictObject({ parameter_name: z.string().min(1).max(50), parameter_value: z.union([z.string(), z.number(), z.boolean()]) }))
    .max(100)
    .optional(),
});
export type SendCommandRequest = z.input<typeof sendCommandRequest>;
/** roma-local's answer (the SDK models none): sync = the device's reply; async = queued/sent. */
export const sendCommandResponse = z.object({
  mid: z.number().int(),
  status: z.string(),
  result: z.unknown().optional(),
});
export type SendCommandResponse = z.infer<typeof sendCommandResponse>;

export const shadowProperty = z.object({
  property_name: z.string(),
  property_value: z.unknown(),
  property_updated_date: z.number().nullable().optional(),
});
export const shadowService = z.object({
  service_id: z.union([z.number(), z.string()]),
  service_name: z.string().optional(),
  properties: z.array(shadowProperty),
});
export type ShadowService = z.infer<typeof shadowService>;
export const shadowResponse = z.array(shadowService);

export const deviceTopicsQuery = linkPageQuery.extend({
  name: z.string().max(128).optional(),
  topic_permission: queryFlag01.optional(),
  topic_type: queryFlag01.optional(),
  is_private: queryFlag01.optional(),
});
export type DeviceTopicsQuery = z.input<typeof deviceTopicsQuery>;
export const deviceTopic = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  description: z.string().optional(),
  permission: z.number().int().optional(),
  is_private: z.number().int().optional(),
});
export type DeviceTopic = z.infer<typeof deviceTopic>;
export const deviceTopicListResponse = linkList(deviceTopic);

export const subsetsQuery = linkPageQuery.extend({
  device_name: z.string().max(64).optional(),
  status: queryFlag01.optional(),
  online_status: onlineStatusList.optional(),
});
export type SubsetsQuery = z.input<typeof subsetsQuery>;
export const subsetListResponse = linkList(device);
export const addSubsetsRequest = z.strictObject({ resources: idList });
export type AddSubsetsRequest = z.input<typeof addSubsetsRequest>;
export const addSubsetsResponse = z.array(device);

/** DownloadDevices (fdi-link-details.md §4.4). Only csv is produced by roma-local. */
export const deviceExportQuery = z.object({
  device_ids: z.union([z.array(linkQueryId), linkQueryId.transform((v) => [v])]).optional(),
  password_type: queryFlag01.optional(),
  file_export_type: z.enum(['csv', 'xls']).optional(),
});
export type DeviceExportQuery = z.input<typeof deviceExportQuery>;

// ---- 4. device groups ----

export const GROUP_NAME_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9_\\-]+$`);
export const groupName = z.string().trim().min(2).max(64).regex(GROUP_NAME_PATTERN, 'only Chinese, letters, digits, _ and -');

export interface DeviceGroupNode { id: number; name: string; parent_id?: number | null; children?: DeviceGroupNode[] }
export const deviceGroupNode: z.ZodType<DeviceGroupNode> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    parent_id: z.number().int().nullable().optional(),
    children: z.array(deviceGroupNode).optional(),
  }),
);
export const deviceGroupTreeQuery = z.object({ app_id: appId });
export const deviceGroupTreeResponse = z.object({ size: count, items: z.array(deviceGroupNode) });
export type DeviceGroupTreeResponse = z.infer<typeof deviceGroupTreeResponse>;

export const deviceGroup = z.object({
  permissions: permissions.optional(),
  parent_id: z.number().int().nullable().optional(),
  id: z.number().int(),
  name: z.string(),
  description: z.string().optional(),
  app_id: z.string().optional(),
  app_name: z.string().optional(),
  created_user: linkUserRef.optional(),
  last_updated_user: linkUserRef.optional(),
  created_datetime: z.string().optional(),
  last_updated_datetime: z.string().optional(),
});
export type DeviceGroup = z.infer<typeof deviceGroup>;
export const deviceGroupStrict = deviceGroup.extend({
  permissions,
  parent_id: z.number().int(),
  description: z.string(),
  app_id: z.string(),
  created_user: linkUserRefStrict,
  last_updated_user: linkUserRefStrict,
  created_datetime: z.string(),
  last_updated_datetime: z.string(),
});
/** parent_id 0 = a root group (chosen: the reference requires an integer, roots need one). */
export const createDeviceGroupRequest = z.strictObject({
  parent_id: z.number().finite().transform((v) => Math.floor(v)).pipe(z.number().int().min(0).max(2147483647)),
  name: groupName,
  description: description200.optional(),
  app_id: appId,
});
export type CreateDeviceGroupRequest = z.input<typeof createDeviceGroupRequest>;
export const updateDeviceGroupRequest = z.strictObject({ name: groupName, description: description200.optional() });
export type UpdateDeviceGroupRequest = z.input<typeof updateDeviceGroupRequest>;

export const groupDevicesQuery = linkPageQuery.extend({
  product_name: z.string().max(64).optional(),
  device_name: z.string().max(64).optional(),
});
export type GroupDevicesQuery = z.input<typeof groupDevicesQuery>;
export const groupDevice = z.object({
  device_id: z.number().int(),
  device_name: z.string(),
  product_id: z.number().int().optional(),
  product_name: z.string().optional(),
  status: z.number().int().optional(),
  online_status: z.number().int().optional(),
});
export type GroupDevice = z.infer<typeof groupDevice>;
export const groupDeviceListResponse = linkList(groupDevice);
export const batchAddDevicesToGroupRequest = z.strictObject({ resources: idList });
export type BatchAddDevicesToGroupRequest = z.input<typeof batchAddDevicesToGroupRequest>;

// ---- 5. thing model: services, properties, commands, command request/response parameters ----

export const linkService = z.object({
  product_template_id: z.number().int().nullable().optional(),
  product_id: z.number().int().nullable().optional(),
  service_id: z.union([z.number(), z.string()]),
  service_name: z.string(),
  description: z.string().optional(),
  status: z.number().int().optional(),
  created_user: linkUserRef.optional(),
  last_updated_user: linkUserRef.optional(),
  created_datetime: z.number().optional(),
  last_updated_datetime: z.number().optional(),
});
export type LinkService = z.infer<typeof linkService>;
export const serviceStrict = linkService.extend({
  product_id: z.number().int(),
  service_id: z.number().int(),
  description: z.string(),
  status: flag01,
  created_user: linkUserRefStrict,
  last_updated_user: linkUserRefStrict,
  created_datetime: z.number().int(),
  last_updated_datetime: z.number().int(),
});
export const serviceListQuery = linkPageQuery.extend({
  service_id: z.string().max(16).optional(),
  service_name: z.string().max(64).optional(),
  product_template_id: linkQueryId.optional(),
  product_id: linkQueryId.optional(),
  created_user_name: z.string().max(64).optional(),
  created_date_start: queryEpochMs.optional(),
  created_date_end: queryEpochMs.optional(),
});
export type ServiceListQuery = z.input<typeof serviceListQuery>;
export const serviceListResponse = linkList(linkService);
const serviceName = z.string().trim().min(2).max(64);
export const createServiceRequest = z
  .strictObject({
    product_template_id: linkBodyId.optional(),
    product_id: linkBodyId.optional(),
    service_name: serviceName,
    description: description200.optional(),
    status: flag01,
  })
  .refine((s) => s.product_id !== undefined || s.product_template_id !== undefined, 'product_id or product_template_id is required');
export type CreateServiceRequest = z.input<typeof createServiceRequest>;
export const updateServiceRequest = z.strictObject({
  service_name: serviceName,
  description: description200.optional(),
  status: flag01,
});
export type UpdateServiceRequest = z.input<typeof updateServiceRequest>;

export const PROPERTY_DATA_TYPES = ['integer', 'number', 'string', 'datetime', 'json'] as const;
export const PROPERTY_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const linkProperty = z.object({
  property_id: z.number().int(),
  property_name: z.string(),
  description: z.string().optional(),
  data_type: z.string(),
  required: z.number().int().optional(),
  min: z.string().nullable().optional(),
  max: z.string().nullable().optional(),
  step: z.string().nullable().optional(),
  max_length: z.number().int().nullable().optional(),
  unit: z.string().nullable().optional(),
  enum_list: z.string().nullable().optional(),
  enum_dict: z.unknown().optional(),
  method: z.string().nullable().optional(),
});
export type LinkProperty = z.infer<typeof linkProperty>;
export const propertyStrict = linkProperty.extend({
  description: z.string(),
  data_type: z.enum(PROPERTY_DATA_TYPES),
  required: flag01,
});
const numericText = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a number');
export const propertyRequest = z
  .strictObject({
    property_name: z.string().min(2).max(50).regex(PROPERTY_NAME_PATTERN, 'starts with a letter; letters, digits, - and _'),
    description: description200.optional(),
    data_type: z.enum(PROPERTY_DATA_TYPES),
    required: flag01,
    min: numericText.optional(),
    max: numericText.optional(),
    step: numericText.optional(),
    max_length: z.number().int().min(1).max(2097152).optional(),
    unit: z.string().max(16).optional(),
    enum_list: z.string().max(1024).optional(),
    enum_dict: z.record(z.string(), z.unknown()).optional(),
    method: z.string().regex(/^[RWE]{1,3}$/, 'R, W and/or E').optional(),
  })
  .superRefine((p, ctx) => {
    if (p.data_type === 'integer' || p.data_type === 'number') {
      for (const k of ['min', 'max', 'step'] as const) {
        if (p[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is required for ${p.data_type}` });
      }
      if (p.min !== undefined && p.max !== undefined && Number(p.min) > Number(p.max)) {
        ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must not exceed max' });
      }
    } else if (p.max_length === undefined) {
      ctx.addIssue({ code: 'custom', path: ['max_length'], message: `max_length is required for ${p.data_type}` });
    }
  });
export type PropertyRequest = z.input<typeof propertyRequest>;
export const propertyListResponse = linkList(linkProperty);
export const propertyListQuery = linkPageQuery.extend({
  property_id: z.string().max(16).optional(),
  property_name: z.string().max(64).optional(),
  request_id: z.string().max(16).optional(),
  request_name: z.string().max(64).optional(),
  response_id: z.string().max(16).optional(),
  response_name: z.string().max(64).optional(),
});

export const linkCommand = z.object({
  service_id: z.union([z.number(), z.string()]).optional(),
  command_id: z.number().int(),
  command_name: z.string(),
  description: z.string().optional(),
});
export type LinkCommand = z.infer<typeof linkCommand>;
export const commandStrict = linkCommand.extend({ service_id: z.number().int(), description: z.string() });
export const commandListQuery = linkPageQuery.extend({
  command_id: z.string().max(16).optional(),
  command_name: z.string().max(64).optional(),
});
export const commandListResponse = linkList(linkCommand);
export const commandRequest = z.strictObject({
  name: z.string().min(2).max(50).regex(/^[A-Za-z0-9_-]+$/, 'only letters, digits, - and _'),
  description: description200.optional(),
});
export type CommandRequest = z.input<typeof commandRequest>;

// ---- 8. statistics ----

const stateCounts = z.object({ never_connected: count, online: count, offline: count });
export const devicesCountResponse = z.object({
  product_templates: z.object({ product_templates_numbers: count }),
  products: z.object({ normal_products_numbers: count, gateway_products_numbers: count }),
  devices: z.object({ normal_devices: stateCounts, gateway_devices: stateCounts, subsets_devices: stateCounts }),
});
export type DevicesCountResponse = z.infer<typeof devicesCountResponse>;

// ---- device MQTT payloads (fdi-link-details.md §4.2, §7.B): what devices send and receive ----

const eventTime = z.union([z.string().max(64), z.number()]);
export const serviceData = z.object({
  serviceId: z.union([z.string().min(1).max(64), z.number()]),
  data: z.record(z.string().min(1).max(64), z.unknown()),
  eventTime: eventTime.optional(),
});
/** A direct device's data report (out topic or shadow/update topic). */
export const deviceDataReport = z.object({ services: z.array(serviceData).min(1).max(100) });
export type DeviceDataReport = z.infer<typeof deviceDataReport>;
/** A gateway's report for itself and its sub-devices (`deviceId` = client_id or node_id). */
export const gatewayDataReport = z.object({
  devices: z.array(z.object({ deviceId: z.string().min(1).max(64), services: z.array(serviceData).min(1).max(100) })).min(1).max(100),
});
export type GatewayDataReport = z.infer<typeof gatewayDataReport>;
/** Cloud → device command on the device's in topic. */
export const commandMessage = z.object({
  msgType: z.literal('cloudReq'),
  mid: z.number().int(),
  cmd: z.string(),
  paras: z.record(z.string(), z.unknown()),
  serviceId: z.string(),
  deviceId: z.string(),
});
export type CommandMessage = z.infer<typeof commandMessage>;
/** Device → cloud command reply on the device's out topic. */
export const commandReplyMessage = z.object({
  msgType: z.literal('deviceRsp'),
  mid: z.number().int(),
  errcode: z.number().int().optional(),
  body: z.unknown().optional(),
});
export type CommandReplyMessage = z.infer<typeof commandReplyMessage>;
