import { queryOptions } from '@tanstack/react-query';
import { deviceGroup as deviceGroupSchema, deviceGroupTreeResponse, groupDeviceListResponse, type CreateDeviceGroupRequest, type DeviceGroup as WireGroup, type DeviceGroupNode, type UpdateDeviceGroupRequest } from '../../../contract/link';
import { http, parseWith } from '../http';
import { seg } from '../project';
import { normaliseTime } from '../time';
import { detailQueryFactory, itemCrudFactory, listQueryFactory } from '../factories';
import { clean, onlineState, type DeviceState } from './base';
import { base, groupKeys, num } from './base';

export interface Group {
  id: string;
  name: string;
  parentId?: string;
  description: string;
  appId?: string;
  appName?: string;
  createdAt?: number;
  updatedAt?: number;
  permissions?: string[];
}
export const groupFromWire = (g: WireGroup): Group => ({
  id: String(g.id),
  name: g.name,
  parentId: g.parent_id ? String(g.parent_id) : undefined,
  description: g.description ?? '',
  appId: g.app_id,
  appName: g.app_name,
  createdAt: normaliseTime(g.created_datetime),
  updatedAt: normaliseTime(g.last_updated_datetime),
  permissions: g.permissions,
});

export interface GroupTreeNode {
  id: string;
  name: string;
  children: GroupTreeNode[];
}
const treeFromWire = (n: DeviceGroupNode): GroupTreeNode => ({ id: String(n.id), name: n.name, children: (n.children ?? []).map(treeFromWire) });


// ---- device groups ----

const groups = (iid: string) => `${base(iid)}/device-groups`;
export const groupTreeQuery = (iid: string, appId: string) =>
  queryOptions({
    queryKey: [...groupKeys.lists(iid), 'tree', appId] as const,
    queryFn: async ({ signal }) =>
      parseWith(deviceGroupTreeResponse, (await http.get(groups(iid), { params: { app_id: appId }, signal })).data, 'group tree').items.map(treeFromWire),
    enabled: appId !== '',
  });
export const { get: getGroup, create: createGroup, update: updateGroup, remove: deleteGroup } = itemCrudFactory<
  typeof deviceGroupSchema,
  Group,
  CreateDeviceGroupRequest,
  UpdateDeviceGroupRequest
>(groups, deviceGroupSchema, groupFromWire, 'device group');
export const groupDetailQuery = detailQueryFactory<Group>(groupKeys.detail, getGroup);

export interface GroupDevice {
  id: string;
  name: string;
  productName?: string;
  state: DeviceState;
}
export interface GroupDeviceParams {
  [k: string]: string | number | undefined;
  offset: number;
  limit: number;
  device_name?: string;
}
export const groupDevicesQuery = (iid: string, gid: string, p: GroupDeviceParams) =>
  listQueryFactory<GroupDeviceParams, GroupDevice>(
    (i, params) => [...groupKeys.sub(i, gid, 'devices'), params] as const,
    async (i, params, signal) => {
      const res = await http.get(`${groups(i)}/${seg(gid)}/devices`, { params: clean(params), signal });
      const body = parseWith(groupDeviceListResponse, res.data, 'group devices');
      return {
        total: Math.max(body.total, params.offset + body.items.length),
        items: body.items.map((d) => ({
          id: String(d.device_id),
          name: d.device_name,
          productName: d.product_name,
          state: d.status === 1 ? 'disabled' : onlineState(d.online_status),
        })),
      };
    },
  )(iid, p);
export const addDevicesToGroup = async (iid: string, gid: string, ids: string[]) =>
  void (await http.post(`${groups(iid)}/${seg(gid)}/devices/batch-add`, { resources: ids.map(num) }));
export const removeDeviceFromGroup = async (iid: string, gid: string, deviceId: string) =>
  void (await http.delete(`${groups(iid)}/${seg(gid)}/devices/${seg(deviceId)}`));
