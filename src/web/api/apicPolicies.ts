// APIC consumer policies for the console: client quotas (+ bound / bindable apps, bind, unbind).
// Wire `app_quota_id` becomes `id` here, so the shared mutation helpers can key on it.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { appQuota, appQuotaAppList, appQuotaList, type AppQuotaApp, type AppQuotaCreateRequest } from '../../contract/apic-policies';
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

// plugins and throttling policies live in their own modules; re-exported for older imports
export * from './apicPlugins';
export * from './apicThrottles';
