// LINK device groups (link.md §4): the tree of an app, CRUD, devices in a group.
import { z } from 'zod';
import { CJK, count, linkList, linkPageQuery, linkUserRef, linkUserRefStrict, permissions } from './base';
import { appId, description200 } from './products';
import { idList } from './devices';

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
