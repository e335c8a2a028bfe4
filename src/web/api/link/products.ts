import { queryOptions } from '@tanstack/react-query';
import { devicesSummaryResponse, product as productSchema, productListResponse, productTopic as productTopicSchema, productTopicListResponse, type CreateProductRequest, type Product as WireProduct, type ProductTopic as WireTopic, type ProductTopicRequest, type ResetProductAuthenticationRequest, type UpdateProductRequest } from '../../../contract/link';
import { http, parseWith } from '../http';
import { seg } from '../project';
import { normaliseTime } from '../time';
import { detailQueryFactory, itemCrudFactory, listQueryFactory, type Page } from '../factories';
import { base, clean, creds, productKeys, str, who } from './base';

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
export const products = (iid: string) => `${base(iid)}/products`;

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

export const productAuthQuery = (iid: string, id: string) =>
  queryOptions({
    queryKey: productKeys.sub(iid, id, 'auth'),
    queryFn: async ({ signal }) => creds((await http.get(`${products(iid)}/${seg(id)}/authentication`, { signal })).data),
  });
export const resetProductAuth = async (iid: string, id: string, body: ResetProductAuthenticationRequest) =>
  creds((await http.put(`${products(iid)}/${seg(id)}/authentication`, body)).data);

// ---- product topics ----

export const topics = (iid: string, pid: string) => `${products(iid)}/${seg(pid)}/topics`;
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
