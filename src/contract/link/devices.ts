// LINK devices (link.md §3): list filters, create/update, commands, shadow, topics, sub-devices, export.
import { z } from 'zod';
import { queryInt } from '../common';
import { CJK, CJK_PUNCT, flag01, linkAuthentication, linkBodyId, linkList, linkPageQuery, linkQueryId, linkUserRef, linkUserRefStrict, permissions, queryEpochMs } from './base';
import { appId, description200, productProtocol, productType } from './products';

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

export const idList = z.array(linkBodyId).min(1).max(1000); // (chosen)
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
