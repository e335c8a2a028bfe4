// LINK (device integration): products, product topics, devices, device groups, thing model,
// statistics. The family's quirks are hidden here, once: numeric ids become strings (query keys,
// URLs), inverted status flags (0 enabled / 1 disabled) become booleans, online_status 0/1/2 a
// named state, epoch-ms times (and the groups' string times) epoch ms via normaliseTime.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { commandListResponse, deviceGroup as deviceGroupSchema, deviceGroupTreeResponse, deviceListResponse, deviceTopicListResponse, devicesCountResponse, devicesSummaryResponse, device as deviceSchema, groupDeviceListResponse, linkAuthentication, linkService, forceOfflineResponse, product as productSchema, productListResponse, productTopic as productTopicSchema, productTopicListResponse, propertyListResponse, sendCommandResponse, serviceListResponse, shadowResponse, type CommandRequest, type CreateDeviceGroupRequest, type CreateDeviceRequest, type CreateProductRequest, type CreateServiceRequest, type Device as WireDevice, type DeviceGroup as WireGroup, type DeviceGroupNode, type LinkCommand, type LinkProperty, type LinkService, type Product as WireProduct, type ProductTopic as WireTopic, type ProductTopicRequest, type PropertyRequest, type ResetDeviceAuthenticationRequest, type ResetProductAuthenticationRequest, type SendCommandRequest, type UpdateDeviceGroupRequest, type UpdateDeviceRequest, type UpdateProductRequest, type UpdateServiceRequest } from '../../contract/link';
import { http, parseWith } from './http';
import { romaPath, seg } from './project';
import { normaliseTime } from './time';
import { scopedKeys } from './keys';
import { detailQueryFactory, itemCrudFactory, listQueryFactory, type Page } from './factories';
import { z } from 'zod';

export const productKeys = scopedKeys('linkProducts');
export const deviceKeys = scopedKeys('linkDevices');
export const groupKeys = scopedKeys('linkGroups');
export const modelKeys = scopedKeys('linkModel');
export const linkStatsKey = (iid: string) => ['instance', iid, 'linkStats'] as const;

const base = (iid: string) => romaPath(`/link/instances/${seg(iid)}`);
const str = (v: number | string | null | undefined) => (v === null || v === undefined ? undefined : String(v));
const who = (u?: { user_name?: string; user_id?: string }) => u?.user_name || u?.user_id || undefined;
/** An id for a request body (int32). */
export const num = (id: string): number => Number(id);
/** What the caller may do, from `permissions` (absent = the server decides). */
export const can = (permissions: string[] | undefined, what: 'modify' | 'delete' | 'access'): boolean =>
  permissions === undefined || permissions.length === 0 || permissions.includes(what) || permissions.includes('admin');

// ---- view models ----

export const PROTOCOLS = { 0: 'MQTT', 1: 'CoAP', 2: 'Modbus', 3: 'HTTP', 4: 'OPC UA' } as const;

export interface Product {
  id: string;
  name: string;
  serial?: string;
  appId?: string;
  appName?: string;
  manufacturerId: string;
  manufacturerName: string;
  model: string;
  gateway: boolean;
  protocol?: number;
  deviceType: string;
  version: string;
  description: string;
  dataFormat?: number;
  createdAt?: number;
  createdBy?: string;
  permissions?: string[];
}

export function productFromWire(p: WireProduct): Product {
  return {
    id: String(p.id),
    name: p.name,
    serial: p.product_serial,
    appId: p.app_id,
    appName: p.app_name,
    manufacturerId: p.manufacturer_id ?? '',
    manufacturerName: p.manufacturer_name ?? '',
    model: p.model ?? '',
    gateway: p.product_type === 1,
    protocol: p.protocol_type,
    deviceType: p.device_type ?? '',
    version: p.version ?? '',
    description: p.description ?? '',
    dataFormat: p.data_format,
    createdAt: normaliseTime(p.created_datetime),
    createdBy: who(p.created_user),
    permissions: p.permissions,
  };
}

/** never = never connected (0), then online (1) / offline (2); a disabled device shows as disabled. */
export type OnlineState = 'never' | 'online' | 'offline';
export type DeviceState = OnlineState | 'disabled';
export const ONLINE_STATES: readonly OnlineState[] = ['never', 'online', 'offline'];
export const onlineCode: Record<OnlineState, 0 | 1 | 2> = { never: 0, online: 1, offline: 2 };
export const onlineState = (code: number | undefined): OnlineState => (code === 1 ? 'online' : code === 2 ? 'offline' : 'never');
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

export interface Topic {
  id: string;
  productId?: string;
  name: string;
  version: string;
  publish: boolean;
  description: string;
}
const topicFromWire = (t: WireTopic): Topic => ({
  id: String(t.topic_id),
  productId: str(t.product_id),
  name: t.topic_name,
  version: t.version ?? '',
  publish: t.permission !== 1,
  description: t.description ?? '',
});

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

export interface Service {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}
const serviceFromWire = (s: LinkService): Service => ({
  id: String(s.service_id),
  name: s.service_name,
  description: s.description ?? '',
  enabled: s.status !== 1,
});
export interface Command {
  id: string;
  serviceId?: string;
  name: string;
  description: string;
}
const commandFromWire = (c: LinkCommand): Command => ({
  id: String(c.command_id),
  serviceId: str(c.service_id),
  name: c.command_name,
  description: c.description ?? '',
});
export type Property = Omit<LinkProperty, 'property_id'> & { id: string };
const propertyFromWire = ({ property_id, ...p }: LinkProperty): Property => ({ id: String(property_id), ...p });

// ---- products ----

export interface ProductListParams {
  [k: string]: string | number | undefined;
  offset: number;
  limit: number;
  name?: string;
  app_id?: string;
  protocol_type?: number;
  product_type?: number;
}
const products = (iid: string) => `${base(iid)}/products`;

export async function listProducts(iid: string, p: ProductListParams, signal?: AbortSignal): Promise<Page<Product>> {
  const res = await http.get(products(iid), { params: clean(p), signal });
  const body = parseWith(productListResponse, res.data, 'product list');
  return { items: body.items.map(productFromWire), total: Math.max(body.total, p.offset + body.items.length) };
}
export const { get: getProduct, create: createProduct, update: updateProduct, remove: deleteProduct } = itemCrudFactory<
  typeof productSchema,
  Product,
  CreateProductRequest,
  UpdateProductRequest
>(products, productSchema, productFromWire, 'product');
export const productListQuery = listQueryFactory<ProductListParams, Product>(productKeys.list, listProducts);
export const productDetailQuery = detailQueryFactory<Product>(productKeys.detail, getProduct);

export const productDeviceCountQuery = (iid: string, id: string) =>
  queryOptions({
    queryKey: productKeys.sub(iid, id, 'summary'),
    queryFn: async ({ signal }) =>
      parseWith(devicesSummaryResponse, (await http.get(`${products(iid)}/${seg(id)}/devices-summary`, { signal })).data, 'device summary').summary,
  });

export interface Credentials {
  userName: string;
  password: string;
}
const creds = (data: unknown): Credentials => {
  const a = parseWith(linkAuthentication, data, 'credentials');
  return { userName: a.user_name, password: a.password };
};
export const productAuthQuery = (iid: string, id: string) =>
  queryOptions({
    queryKey: productKeys.sub(iid, id, 'auth'),
    queryFn: async ({ signal }) => creds((await http.get(`${products(iid)}/${seg(id)}/authentication`, { signal })).data),
  });
export const resetProductAuth = async (iid: string, id: string, body: ResetProductAuthenticationRequest) =>
  creds((await http.put(`${products(iid)}/${seg(id)}/authentication`, body)).data);

// ---- product topics ----

const topics = (iid: string, pid: string) => `${products(iid)}/${seg(pid)}/topics`;
export const productTopicsQuery = (iid: string, pid: string) =>
  queryOptions({
    queryKey: productKeys.sub(iid, pid, 'topics'),
    queryFn: async ({ signal }) => {
      const res = await http.get(topics(iid, pid), { params: { offset: 0, limit: 999 }, signal });
      return parseWith(productTopicListResponse, res.data, 'topic list').items.map(topicFromWire);
    },
  });
const oneTopic = (data: unknown) => topicFromWire(parseWith(productTopicSchema, data, 'topic'));
export const createTopic = async (iid: string, pid: string, body: ProductTopicRequest) => oneTopic((await http.post(topics(iid, pid), body)).data);
export const updateTopic = async (iid: string, pid: string, id: string, body: ProductTopicRequest) =>
  oneTopic((await http.put(`${topics(iid, pid)}/${seg(id)}`, body)).data);
export const deleteTopic = async (iid: string, pid: string, id: string) => void (await http.delete(`${topics(iid, pid)}/${seg(id)}`));

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
const devices = (iid: string) => `${base(iid)}/devices`;
function clean(p: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

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

// ---- thing model: services → properties, commands → request/response parameters ----

const services = (iid: string) => `${base(iid)}/services`;
export const servicesQuery = (iid: string, pid: string) =>
  queryOptions({
    queryKey: modelKeys.sub(iid, pid, 'services'),
    queryFn: async ({ signal }) => {
      const res = await http.get(services(iid), { params: { product_id: pid, offset: 0, limit: 999 }, signal });
      return parseWith(serviceListResponse, res.data, 'services').items.map(serviceFromWire);
    },
  });
const oneService = (data: unknown) => serviceFromWire(parseWith(linkService, data, 'service'));
export const createService = async (iid: string, body: CreateServiceRequest) => oneService((await http.post(services(iid), body)).data);
export const updateService = async (iid: string, id: string, body: UpdateServiceRequest) =>
  oneService((await http.put(`${services(iid)}/${seg(id)}`, body)).data);
export const deleteService = async (iid: string, id: string) => void (await http.delete(`${services(iid)}/${seg(id)}`));

/** Where a property list lives: a service's properties, or a command's request/response parameters. */
export type PropertyOwner = { kind: 'service'; serviceId: string } | { kind: 'request' | 'response'; serviceId: string; commandId: string };
const ownerPath = (iid: string, o: PropertyOwner) =>
  o.kind === 'service'
    ? `${services(iid)}/${seg(o.serviceId)}/properties`
    : `${services(iid)}/${seg(o.serviceId)}/commands/${seg(o.commandId)}/${o.kind === 'request' ? 'requests' : 'responses'}`;
const ownerKey = (o: PropertyOwner) => (o.kind === 'service' ? `props:${o.serviceId}` : `${o.kind}:${o.serviceId}:${o.commandId}`);

export const propertiesQuery = (iid: string, pid: string, o: PropertyOwner) =>
  queryOptions({
    queryKey: modelKeys.sub(iid, pid, ownerKey(o)),
    queryFn: async ({ signal }) =>
      parseWith(propertyListResponse, (await http.get(ownerPath(iid, o), { params: { offset: 0, limit: 999 }, signal })).data, 'properties').items.map(
        propertyFromWire,
      ),
  });
export const createProperty = async (iid: string, o: PropertyOwner, body: PropertyRequest) => void (await http.post(ownerPath(iid, o), body));
export const updateProperty = async (iid: string, o: PropertyOwner, id: string, body: PropertyRequest) =>
  void (await http.put(`${ownerPath(iid, o)}/${seg(id)}`, body));
export const deleteProperty = async (iid: string, o: PropertyOwner, id: string) => void (await http.delete(`${ownerPath(iid, o)}/${seg(id)}`));

const commands = (iid: string, sid: string) => `${services(iid)}/${seg(sid)}/commands`;
export const commandsQuery = (iid: string, pid: string, sid: string) =>
  queryOptions({
    queryKey: modelKeys.sub(iid, pid, `commands:${sid}`),
    queryFn: async ({ signal }) =>
      parseWith(commandListResponse, (await http.get(commands(iid, sid), { params: { offset: 0, limit: 999 }, signal })).data, 'commands').items.map(
        commandFromWire,
      ),
  });
export const createCommand = async (iid: string, sid: string, body: CommandRequest) => void (await http.post(commands(iid, sid), body));
export const updateCommand = async (iid: string, sid: string, id: string, body: CommandRequest) =>
  void (await http.put(`${commands(iid, sid)}/${seg(id)}`, body));
export const deleteCommand = async (iid: string, sid: string, id: string) => void (await http.delete(`${commands(iid, sid)}/${seg(id)}`));

// ---- statistics ----

export interface DeviceCounts {
  online: number;
  offline: number;
  never: number;
  total: number;
  products: number;
}
export const deviceCountsQuery = (iid: string) =>
  queryOptions({
    queryKey: linkStatsKey(iid),
    queryFn: async ({ signal }): Promise<DeviceCounts> => {
      const c = parseWith(devicesCountResponse, (await http.get(`${base(iid)}/statistics/devices-count`, { signal })).data, 'device counts');
      const kinds = [c.devices.normal_devices, c.devices.gateway_devices, c.devices.subsets_devices];
      const sum = (k: 'online' | 'offline' | 'never_connected') => kinds.reduce((n, x) => n + x[k], 0);
      const online = sum('online');
      const offline = sum('offline');
      const never = sum('never_connected');
      return { online, offline, never, total: online + offline + never, products: c.products.normal_products_numbers + c.products.gateway_products_numbers };
    },
  });
