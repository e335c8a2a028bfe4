// APIC's consumer side of an integration app: its AppCodes and the APIs it is authorised to call
// per environment (contract/apic-apps.ts). Envelopes become Pages here; errors are ApiErrors.
import { queryOptions } from '@tanstack/react-query';
import {
  apiAuthCreateResponse, apiAuthList, apicApp as apicAppSchema, apicAppList, appCode as appCodeSchema, appCodeList, unboundApiList,
  type ApiAuthCreateRequest, type ApicApp, type ApiAuthCreateResponse, type ApiAuthInfo, type AppCode, type UnboundApi,
} from '../../contract/apic-apps';
import type { Page } from './factories';
import { http, parseWith } from './http';
import { scopedKeys } from './keys';
import { romaPath, seg } from './project';

export type { ApiAuthInfo, ApicApp, AppCode, UnboundApi };

/** Per app: ['instance', iid, 'apic-app', 'detail', appId, 'codes' | 'auths' | 'unbound']. */
export const apicAppKeys = scopedKeys('apic-app');

const root = (iid: string) => romaPath(`/apic/instances/${seg(iid)}`);
const codesBase = (iid: string, appId: string) => `${root(iid)}/apps/${seg(appId)}/app-codes`;
const LIMIT = 500; // one page holds every code (5 at most) and a console-sized list of authorisations

export async function listAppCodes(iid: string, appId: string, signal?: AbortSignal): Promise<Page<AppCode>> {
  const body = parseWith(appCodeList, (await http.get(codesBase(iid, appId), { params: { limit: LIMIT }, signal })).data, 'AppCode list');
  return { items: body.app_codes, total: body.total };
}
/** CreateAppCodeAutoV2: PUT without a body, the service generates the code. */
export async function generateAppCode(iid: string, appId: string): Promise<AppCode> {
  return parseWith(appCodeSchema, (await http.put(codesBase(iid, appId))).data, 'AppCode');
}
export async function deleteAppCode(iid: string, appId: string, codeId: string): Promise<void> {
  await http.delete(`${codesBase(iid, appId)}/${seg(codeId)}`);
}

export async function listAppAuths(iid: string, appId: string, envId: string, signal?: AbortSignal): Promise<Page<ApiAuthInfo>> {
  const params = { app_id: appId, env_id: envId, limit: LIMIT };
  const body = parseWith(apiAuthList, (await http.get(`${root(iid)}/app-auths/binded-apis`, { params, signal })).data, 'authorized API list');
  return { items: body.auths, total: body.total };
}
export async function listUnboundApis(iid: string, appId: string, envId: string, signal?: AbortSignal): Promise<Page<UnboundApi>> {
  const params = { app_id: appId, env_id: envId, limit: LIMIT };
  const body = parseWith(unboundApiList, (await http.get(`${root(iid)}/app-auths/unbinded-apis`, { params, signal })).data, 'API list');
  return { items: body.apis, total: body.total };
}
export async function authorizeApps(iid: string, body: ApiAuthCreateRequest): Promise<ApiAuthCreateResponse> {
  return parseWith(apiAuthCreateResponse, (await http.post(`${root(iid)}/app-auths`, body)).data, 'authorization');
}
export async function cancelAuth(iid: string, authId: string): Promise<void> {
  await http.delete(`${root(iid)}/app-auths/${seg(authId)}`);
}

export const appCodesQuery = (iid: string, appId: string) =>
  queryOptions({ queryKey: apicAppKeys.sub(iid, appId, 'codes'), queryFn: ({ signal }) => listAppCodes(iid, appId, signal) });
export const appAuthsQuery = (iid: string, appId: string, envId: string) =>
  queryOptions({ queryKey: [...apicAppKeys.sub(iid, appId, 'auths'), envId], queryFn: ({ signal }) => listAppAuths(iid, appId, envId, signal) });
export const unboundApisQuery = (iid: string, appId: string, envId: string) =>
  queryOptions({ queryKey: [...apicAppKeys.sub(iid, appId, 'unbound'), envId], queryFn: ({ signal }) => listUnboundApis(iid, appId, envId, signal) });

// ---- apps as APIC sees them (ListAppsV2, ShowDetailsOfAppV2): the debug panel signs as one of them ----

export async function listApicApps(iid: string, signal?: AbortSignal): Promise<Page<ApicApp>> {
  const body = parseWith(apicAppList, (await http.get(`${root(iid)}/apps`, { params: { limit: LIMIT }, signal })).data, 'app list');
  return { items: body.apps, total: body.total };
}
/** The app with its key and secret (the list may be cached; the secret is read fresh when used). */
export async function getApicApp(iid: string, appId: string, signal?: AbortSignal): Promise<ApicApp> {
  return parseWith(apicAppSchema, (await http.get(`${root(iid)}/apps/${seg(appId)}`, { signal })).data, 'app');
}
export const apicAppsQuery = (iid: string) =>
  queryOptions({ queryKey: apicAppKeys.list(iid, { limit: LIMIT }), queryFn: ({ signal }) => listApicApps(iid, signal) });
