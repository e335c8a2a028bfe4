import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { deviceListResponse, deviceTopicListResponse, device as deviceSchema, forceOfflineResponse, sendCommandResponse, shadowResponse, type CreateDeviceRequest, type Device as WireDevice, type ResetDeviceAuthenticationRequest, type SendCommandRequest, type UpdateDeviceRequest } from '../../../contract/link';
import { http, parseWith } from '../http';
import { seg } from '../project';
import { normaliseTime } from '../time';
import { detailQueryFactory, itemCrudFactory, type Page } from '../factories';
import { z } from 'zod';
import { base, clean, creds, deviceKeys, num, onlineState, str, type DeviceState, type OnlineState } from './base';

export type NodeKind = 'direct' | 'gateway' | 'sub';
const nodeKind = (n: number | undefined): NodeKind => (n === 1 ? 'gateway' : n === 2 ? 'sub' : 'direct');

export interface Device {
  id: string;
  name: string;
  clientId?: string;
  nodeId?: string;
  productId?: string;
  productName?: string;
  protocol?: number;
  appId?: string;
  appName?: string;
  /** `status` 0 = enabled (the vendor's flag is inverted) */
  enabled: boolean;
  online: OnlineState;
  /** what the status tag shows: disabled wins over the connection state */
  state: DeviceState;
  nodeKind: NodeKind;
  parentId?: string;
  parentName?: string;
  description: string;
  tags: string[];
  createdAt?: number;
  updatedAt?: number;
  lastLoginAt?: number;
  lastActiveAt?: number;
  clientIp?: string;
  keepAlive?: string;
  connectAddress?: string;
  sslConnectAddress?: string;
  permissions?: string[];
}

export function deviceFromWire(d: WireDevice): Device {
  const enabled = d.status !== 1;
  const online = onlineState(d.online_status);
  return {
    id: String(d.id),
    name: d.device_name,
    clientId: d.client_id,
    nodeId: d.node_id,
    productId: str(d.product?.product_id),
    productName: d.product?.product_name,
    protocol: d.product?.protocol_type,
    appId: d.app_id,
    appName: d.app_name,
    enabled,
    online,
    state: enabled ? online : 'disabled',
    nodeKind: nodeKind(d.node_type ?? d.device_type),
    parentId: str(d.parent_device_id),
    parentName: d.parent_device_name ?? undefined,
    description: d.description ?? '',
    tags: d.tags ?? [],
    createdAt: normaliseTime(d.created_datetime),
    updatedAt: normaliseTime(d.last_updated_datetime),
    lastLoginAt: normaliseTime(d.last_login_datetime),
    lastActiveAt: normaliseTime(d.last_active_time),
    clientIp: d.client_ip ?? undefined,
    keepAlive: d.keep_alive ?? undefined,
    connectAddress: d.connect_address || undefined,
    sslConnectAddress: d.ssl_connect_address || undefined,
    permissions: d.permissions,
  };
}


// ---- devices ----

export interface DeviceListParams {
  [k: string]: string | number | undefined;
  offset: number;
  limit: number;
  device_name?: string;
  product_id?: string;
  node_id?: string;
  client_id?: string;
  /** comma-separated online codes, e.g. "1,2" */
  online_status?: string;
  node_type?: number;
  tag?: string;
  app_id?: string;
}
export interface DevicePage extends Page<Device> {
  connectAddress?: string;
  sslConnectAddress?: string;
}
export const devices = (iid: string) => `${base(iid)}/devices`;

export async function listDevices(iid: string, p: DeviceListParams, signal?: AbortSignal): Promise<DevicePage> {
  const res = await http.get(devices(iid), { params: clean(p), signal });
  const body = parseWith(deviceListResponse, res.data, 'device list');
  return {
    items: body.items.map(deviceFromWire),
    total: Math.max(body.total, p.offset + body.items.length),
    connectAddress: body.connect_address || undefined,
    sslConnectAddress: body.ssl_connect_address || undefined,
  };
}
export const { get: getDevice, create: createDevice, update: updateDevice, remove: deleteDevice } = itemCrudFactory<
  typeof deviceSchema,
  Device,
  CreateDeviceRequest,
  UpdateDeviceRequest
>(devices, deviceSchema, deviceFromWire, 'device');
export const deviceListQuery = (iid: string, p: DeviceListParams) =>
  queryOptions({
    queryKey: deviceKeys.list(iid, p),
    queryFn: ({ signal }) => listDevices(iid, p, signal),
    placeholderData: keepPreviousData,
  });
export const deviceDetailQuery = detailQueryFactory<Device>(deviceKeys.detail, getDevice);

/** Force offline: one result per asked id (ids the answer does not mention count as failed). */
export async function forceOffline(iid: string, ids: string[]): Promise<{ id: string; error?: { code: string; message: string } }[]> {
  const res = await http.post(`${devices(iid)}/force-offline`, { device_ids: ids.map(num) });
  const body = parseWith(forceOfflineResponse, res.data, 'force offline');
  const ok = new Set(body.success.map((s) => String(s.id)));
  const bad = new Map(body.failed.map((f) => [String(f.id), f]));
  return ids.map((id) => {
    if (ok.has(id)) return { id };
    const f = bad.get(id);
    return { id, error: { code: f?.error_code ?? 'RML.UNKNOWN', message: f?.error_msg ?? 'not reported by the server' } };
  });
}

export const deviceAuthQuery = (iid: string, id: string) =>
  queryOptions({
    queryKey: deviceKeys.sub(iid, id, 'auth'),
    queryFn: async ({ signal }) => creds((await http.get(`${devices(iid)}/${seg(id)}/authentication`, { signal })).data),
  });
export const resetDeviceAuth = async (iid: string, id: string, body: ResetDeviceAuthenticationRequest) =>
  creds((await http.put(`${devices(iid)}/${seg(id)}/authentication`, body)).data);

export const deviceShadowQuery = (iid: string, id: string) =>
  queryOptions({
    queryKey: deviceKeys.sub(iid, id, 'shadow'),
    queryFn: async ({ signal }) =>
      parseWith(shadowResponse, (await http.get(`${devices(iid)}/${seg(id)}/shadow`, { signal })).data, 'shadow').map((s) => ({
        serviceId: String(s.service_id),
        serviceName: s.service_name ?? String(s.service_id),
        properties: s.properties.map((p) => ({ name: p.property_name, value: p.property_value, updatedAt: normaliseTime(p.property_updated_date) })),
      })),
  });

export const deviceTopicsQuery = (iid: string, id: string) =>
  queryOptions({
    queryKey: deviceKeys.sub(iid, id, 'topics'),
    queryFn: async ({ signal }) => {
      const res = await http.get(`${devices(iid)}/${seg(id)}/topics`, { params: { offset: 0, limit: 999 }, signal });
      return parseWith(deviceTopicListResponse, res.data, 'device topics').items.map((t) => ({
        id: String(t.id),
        name: t.name,
        publish: t.permission !== 1,
        custom: t.is_private === 1,
        description: t.description ?? '',
      }));
    },
  });

export type CommandAnswer = z.infer<typeof sendCommandResponse> | undefined;
export async function sendCommand(iid: string, id: string, body: SendCommandRequest): Promise<CommandAnswer> {
  const res = await http.post(`${devices(iid)}/${seg(id)}/send-command`, body, { timeout: 15_000 });
  // the SDK models no body: an empty answer is a success too
  return res.data === '' || res.data === undefined || res.data === null ? undefined : parseWith(sendCommandResponse, res.data, 'command');
}

/** Every id matching a device query (for export), at most `max`. */
export async function deviceIdsMatching(iid: string, p: Omit<DeviceListParams, 'offset' | 'limit'>, max: number): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = 0;
  for (let offset = 0; ; offset += 999) {
    const page = await listDevices(iid, { ...p, offset, limit: 999 });
    total = page.total;
    ids.push(...page.items.map((d) => d.id));
    if (page.items.length < 999 || ids.length >= total || ids.length >= max) break;
  }
  return { ids: ids.slice(0, max), total };
}

/** GET …/devices/export as a CSV file (no ids = every device of the instance). Read as text so an
 * error answer is still parsed as the LINK error shape; the BOM (dropped by the decoder) is put back. */
export async function exportDevices(iid: string, ids: string[] | undefined, withPasswords: boolean): Promise<Blob> {
  const params = new URLSearchParams({ file_export_type: 'csv', password_type: withPasswords ? '1' : '0' });
  for (const id of ids ?? []) params.append('device_ids', id);
  const res = await http.get<string>(`${devices(iid)}/export?${params.toString()}`, { responseType: 'text', headers: { Accept: 'text/csv, */*' } });
  return new Blob(['\uFEFF', String(res.data).replace(/^\uFEFF/, '')], { type: 'text/csv;charset=utf-8' });
}
