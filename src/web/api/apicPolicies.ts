// APIC consumer policies for the console: client quotas (+ bound / bindable apps, bind, unbind), plugins.
// Wire `app_quota_id` becomes `id` here, so the shared mutation helpers can key on it.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  appQuota, appQuotaAppList, appQuotaList, throttle as throttleSchema, throttleList, type AppQuotaApp, type AppQuotaCreateRequest, type ThrottleCreateRequest,
} from '../../contract/apic-policies';
import { plugin as pluginSchema, pluginList, type PluginCreateRequest } from '../../contract/apic-plugins';
import type { Page } from './factories';
import { http, parseWith } from './http';
import { scopedKeys, type ListParams } from './keys';
import { romaPath, seg } from './project';

export const quotaKeys = scopedKeys('apic-quotas');
export type Quota = z.infer<typeof appQuota> & { id: string };
export type { AppQuotaApp, AppQuotaCreateRequest };

const base = (iid: string) => `${romaPath(`/apic/instances/${seg(iid)}`)}/app-quotas`;
const fromWire = (q: z.infer<typeof appQuota>): Quota => ({ ...q, id: q.app_quota_id });
const clean = (p: ListParams) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== ''));

export interface QuotaListParams extends ListParams { offset: number; limit: number; name?: string }

export async function listQuotas(iid: string, p: QuotaListParams, signal?: AbortSignal): Promise<Page<Quota>> {
  const body = parseWith(appQuotaList, (await http.get(base(iid), { params: clean(p), signal })).data, 'app quota list');
  return { items: body.quotas.map(fromWire), total: Math.max(body.total, p.offset + body.quotas.length) };
}
export const getQuota = async (iid: string, id: string, signal?: AbortSignal) =>
  fromWire(parseWith(appQuota, (await http.get(`${base(iid)}/${seg(id)}`, { signal })).data, 'app quota'));
export const createQuota = async (iid: string, b: AppQuotaCreateRequest) => fromWire(parseWith(appQuota, (await http.post(base(iid), b)).data, 'app quota'));
export const updateQuota = async (iid: string, id: string, b: AppQuotaCreateRequest) =>
  fromWire(parseWith(appQuota, (await http.put(`${base(iid)}/${seg(id)}`, b)).data, 'app quota'));
export const deleteQuota = async (iid: string, id: string): Promise<void> => { await http.delete(`${base(iid)}/${seg(id)}`); };

async function apps(url: string, signal?: AbortSignal): Promise<AppQuotaApp[]> {
  return parseWith(appQuotaAppList, (await http.get(url, { params: { limit: 500 }, signal })).data, 'app list').apps;
}
export const boundApps = (iid: string, id: string, signal?: AbortSignal) => apps(`${base(iid)}/${seg(id)}/bound-apps`, signal);
export const bindableApps = (iid: string, id: string, signal?: AbortSignal) => apps(`${base(iid)}/${seg(id)}/bindable-apps`, signal);
/** One app per call, so that a bulk bind can report each app's own answer. */
export const bindApp = async (iid: string, id: string, appId: string): Promise<void> => { await http.post(`${base(iid)}/${seg(id)}/binding-apps`, { app_ids: [appId] }); };
export const unbindApp = async (iid: string, id: string, appId: string): Promise<void> => { await http.delete(`${base(iid)}/${seg(id)}/bound-apps/${seg(appId)}`); };

export const quotaListQuery = (iid: string, p: QuotaListParams) =>
  queryOptions({ queryKey: quotaKeys.list(iid, p), queryFn: ({ signal }) => listQuotas(iid, p, signal), placeholderData: keepPreviousData });
export const quotaDetailQuery = (iid: string, id: string) => queryOptions({ queryKey: quotaKeys.detail(iid, id), queryFn: ({ signal }) => getQuota(iid, id, signal) });
export const boundAppsQuery = (iid: string, id: string) => queryOptions({ queryKey: quotaKeys.sub(iid, id, 'bound'), queryFn: ({ signal }) => boundApps(iid, id, signal) });
export const bindableAppsQuery = (iid: string, id: string) => queryOptions({ queryKey: quotaKeys.sub(iid, id, 'bindable'), queryFn: ({ signal }) => bindableApps(iid, id, signal) });

// ---- plugins ----

export const pluginKeys = scopedKeys('apic-plugins');
export type Plugin = z.infer<typeof pluginSchema> & { id: string };
export type { PluginCreateRequest };
const pluginsBase = (iid: string) => `${romaPath(`/apic/instances/${seg(iid)}`)}/plugins`;
const pluginFromWire = (p: z.infer<typeof pluginSchema>): Plugin => ({ ...p, id: p.plugin_id });

export interface PluginListParams extends ListParams { offset: number; limit: number; plugin_name?: string; plugin_type?: string }
export async function listPlugins(iid: string, p: PluginListParams, signal?: AbortSignal): Promise<Page<Plugin>> {
  const body = parseWith(pluginList, (await http.get(pluginsBase(iid), { params: clean(p), signal })).data, 'plugin list');
  return { items: body.plugins.map(pluginFromWire), total: Math.max(body.total, p.offset + body.plugins.length) };
}
export const createPlugin = async (iid: string, b: PluginCreateRequest) => pluginFromWire(parseWith(pluginSchema, (await http.post(pluginsBase(iid), b)).data, 'plugin'));
export const updatePlugin = async (iid: string, id: string, b: PluginCreateRequest) =>
  pluginFromWire(parseWith(pluginSchema, (await http.put(`${pluginsBase(iid)}/${seg(id)}`, b)).data, 'plugin'));
export const deletePlugin = async (iid: string, id: string): Promise<void> => { await http.delete(`${pluginsBase(iid)}/${seg(id)}`); };
export const pluginListQuery = (iid: string, p: PluginListParams) =>
  queryOptions({ queryKey: pluginKeys.list(iid, p), queryFn: ({ signal }) => listPlugins(iid, p, signal), placeholderData: keepPreviousData });

// ---- request throttling policies ----

export const throttleKeys = scopedKeys('apic-throttles');
export type Throttle = z.infer<typeof throttleSchema>;
export type { ThrottleCreateRequest };
const throttlesBase = (iid: string) => `${romaPath(`/apic/instances/${seg(iid)}`)}/throttles`;
export interface ThrottleListParams extends ListParams { offset: number; limit: number; name?: string }
export async function listThrottles(iid: string, p: ThrottleListParams, signal?: AbortSignal): Promise<Page<Throttle>> {
  const body = parseWith(throttleList, (await http.get(throttlesBase(iid), { params: clean(p), signal })).data, 'throttling policy list');
  return { items: body.throttles, total: Math.max(body.total, p.offset + body.throttles.length) };
}
export const createThrottle = async (iid: string, b: ThrottleCreateRequest) => parseWith(throttleSchema, (await http.post(throttlesBase(iid), b)).data, 'throttling policy');
export const deleteThrottle = async (iid: string, id: string): Promise<void> => { await http.delete(`${throttlesBase(iid)}/${seg(id)}`); };
export const throttleListQuery = (iid: string, p: ThrottleListParams) =>
  queryOptions({ queryKey: throttleKeys.list(iid, p), queryFn: ({ signal }) => listThrottles(iid, p, signal), placeholderData: keepPreviousData });
