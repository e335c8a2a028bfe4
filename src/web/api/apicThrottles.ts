// APIC request throttling policies for the console: CRUD, the APIs bound per environment (bind by
// publish record, unbind by binding id; one API per call so a bulk action reports each answer),
// and the special apps / users with their own limits.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  throttle as throttleSchema, throttleApi, throttleApiList, throttleList, throttleSpecial, throttleSpecialList,
  type ThrottleCreateRequest, type ThrottleSpecial,
} from '../../contract/apic-policies';
import type { Page } from './factories';
import { http, parseWith } from './http';
import { cleanParams, scopedKeys, type ListParams } from './keys';
import { romaPath, seg } from './project';

export const throttleKeys = scopedKeys('apic-throttles');
export type Throttle = z.infer<typeof throttleSchema>;
export type ThrottleApi = z.infer<typeof throttleApi>;
export type { ThrottleCreateRequest, ThrottleSpecial };
const root = (iid: string) => romaPath(`/apic/instances/${seg(iid)}`);
const throttlesBase = (iid: string) => `${root(iid)}/throttles`;

export interface ThrottleListParams extends ListParams { offset: number; limit: number; name?: string }
export async function listThrottles(iid: string, p: ThrottleListParams, signal?: AbortSignal): Promise<Page<Throttle>> {
  const body = parseWith(throttleList, (await http.get(throttlesBase(iid), { params: cleanParams(p), signal })).data, 'throttling policy list');
  return { items: body.throttles, total: Math.max(body.total, p.offset + body.throttles.length) };
}
const one = (data: unknown) => parseWith(throttleSchema, data, 'throttling policy');
export const getThrottle = async (iid: string, id: string, signal?: AbortSignal) => one((await http.get(`${throttlesBase(iid)}/${seg(id)}`, { signal })).data);
export const createThrottle = async (iid: string, b: ThrottleCreateRequest) => one((await http.post(throttlesBase(iid), b)).data);
export const updateThrottle = async (iid: string, id: string, b: ThrottleCreateRequest) => one((await http.put(`${throttlesBase(iid)}/${seg(id)}`, b)).data);
export const deleteThrottle = async (iid: string, id: string): Promise<void> => { await http.delete(`${throttlesBase(iid)}/${seg(id)}`); };
export const throttleListQuery = (iid: string, p: ThrottleListParams) =>
  queryOptions({ queryKey: throttleKeys.list(iid, p), queryFn: ({ signal }) => listThrottles(iid, p, signal), placeholderData: keepPreviousData });
export const throttleDetailQuery = (iid: string, id: string) =>
  queryOptions({ queryKey: throttleKeys.detail(iid, id), queryFn: ({ signal }) => getThrottle(iid, id, signal) });

// ---- APIs bound in one environment ----

const bindings = (iid: string) => `${root(iid)}/throttle-bindings`;
async function apis(url: string, id: string, envId: string, signal?: AbortSignal): Promise<ThrottleApi[]> {
  return parseWith(throttleApiList, (await http.get(url, { params: { throttle_id: id, env_id: envId, limit: 500 }, signal })).data, 'API list').apis;
}
export const boundApis = (iid: string, id: string, envId: string, signal?: AbortSignal) => apis(`${bindings(iid)}/binded-apis`, id, envId, signal);
export const unboundApis = (iid: string, id: string, envId: string, signal?: AbortSignal) => apis(`${bindings(iid)}/unbinded-apis`, id, envId, signal);
export const bindApi = async (iid: string, id: string, publishId: string): Promise<void> => {
  await http.post(bindings(iid), { strategy_id: id, publish_ids: [publishId] });
};
export const unbindApi = async (iid: string, bindingId: string): Promise<void> => { await http.delete(`${bindings(iid)}/${seg(bindingId)}`); };
export const boundApisQuery = (iid: string, id: string, envId: string) =>
  queryOptions({ queryKey: throttleKeys.sub(iid, id, `bound:${envId}`), queryFn: ({ signal }) => boundApis(iid, id, envId, signal) });
export const unboundApisQuery = (iid: string, id: string, envId: string) =>
  queryOptions({ queryKey: throttleKeys.sub(iid, id, `unbound:${envId}`), queryFn: ({ signal }) => unboundApis(iid, id, envId, signal) });

// ---- special apps and users ----

const specialsBase = (iid: string, id: string) => `${throttlesBase(iid)}/${seg(id)}/throttle-specials`;
export async function listSpecials(iid: string, id: string, signal?: AbortSignal): Promise<ThrottleSpecial[]> {
  return parseWith(throttleSpecialList, (await http.get(specialsBase(iid, id), { params: { limit: 500 }, signal })).data, 'special list').throttle_specials;
}
export type SpecialCreate = { object_id: string; object_type: 'APP' | 'USER'; call_limits: number };
export const createSpecial = async (iid: string, id: string, b: SpecialCreate) =>
  parseWith(throttleSpecial, (await http.post(specialsBase(iid, id), b)).data, 'special');
export const updateSpecial = async (iid: string, id: string, sid: string, callLimits: number) =>
  parseWith(throttleSpecial, (await http.put(`${specialsBase(iid, id)}/${seg(sid)}`, { call_limits: callLimits })).data, 'special');
export const deleteSpecial = async (iid: string, id: string, sid: string): Promise<void> => { await http.delete(`${specialsBase(iid, id)}/${seg(sid)}`); };
export const specialsQuery = (iid: string, id: string) =>
  queryOptions({ queryKey: throttleKeys.sub(iid, id, 'specials'), queryFn: ({ signal }) => listSpecials(iid, id, signal) });
