// The consumer side of one API in one environment (the API page's Consumers tab): the apps
// authorised to call it, the plugins attached to it and its bound throttling policy; and the
// client quota bound to an app (the app's APIs tab). Envelopes become arrays here; errors are ApiErrors.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiAuthCreateResponse, apiAuthList, type ApiAuthCreateResponse, type ApiAuthInfo } from '../../contract/apic-apps';
import { apiPluginList, type apiPlugin } from '../../contract/apic-plugins';
import { appQuota, boundThrottleList, throttleApiList, throttleBindResponse, type boundThrottle } from '../../contract/apic-policies';
import { ApiError, CLIENT_CODES } from './errors';
import { http, parseWith } from './http';
import { scopedKeys } from './keys';
import { romaPath, seg } from './project';

export type { ApiAuthInfo };
export type ApiPlugin = z.infer<typeof apiPlugin>;
export type BoundThrottle = z.infer<typeof boundThrottle>;
export type AppQuotaInfo = z.infer<typeof appQuota>;

/** Per API: ['instance', iid, 'apic-api-consumers', 'detail', apiId, 'apps' | 'plugins' | 'throttle', envId]. */
export const apiConsumerKeys = scopedKeys('apic-api-consumers');
/** Per app: ['instance', iid, 'apic-app-quota', 'detail', appId]. */
export const appQuotaKeys = scopedKeys('apic-app-quota');

const root = (iid: string) => romaPath(`/apic/instances/${seg(iid)}`);
const LIMIT = 500; // one page holds a console-sized list of authorised apps or attached plugins

// ---- authorised apps (ListAppsBindedToApiV2, CreateAuthorizingAppsV2, CancelingAuthorizationV2) ----

export async function listAuthorizedApps(iid: string, apiId: string, envId: string, signal?: AbortSignal): Promise<ApiAuthInfo[]> {
  const params = { api_id: apiId, env_id: envId, limit: LIMIT };
  return parseWith(apiAuthList, (await http.get(`${root(iid)}/app-auths/binded-apps`, { params, signal })).data, 'authorised app list').auths;
}
/** One call for all the apps; the answer carries each app's own result (auth_result). */
export async function authorizeAppsToApi(iid: string, apiId: string, envId: string, appIds: string[]): Promise<ApiAuthCreateResponse> {
  const body = { env_id: envId, app_ids: appIds, api_ids: [apiId] };
  return parseWith(apiAuthCreateResponse, (await http.post(`${root(iid)}/app-auths`, body)).data, 'authorisation');
}
export async function cancelAuthorization(iid: string, authId: string): Promise<void> {
  await http.delete(`${root(iid)}/app-auths/${seg(authId)}`);
}

// ---- attached plugins (ListApiAttachedPlugins, DetachPluginFromApi) ----

export async function listAttachedPlugins(iid: string, apiId: string, envId: string, signal?: AbortSignal): Promise<ApiPlugin[]> {
  const params = { env_id: envId, limit: LIMIT };
  return parseWith(apiPluginList, (await http.get(`${root(iid)}/apis/${seg(apiId)}/attached-plugins`, { params, signal })).data, 'plugin list').plugins;
}
export async function detachPluginFromApi(iid: string, apiId: string, envId: string, pluginId: string): Promise<void> {
  await http.put(`${root(iid)}/apis/${seg(apiId)}/plugins/detach`, { env_id: envId, plugin_ids: [pluginId] });
}

// ---- bound throttling policy (ListRequestThrottlingPoliciesBindedToApiV2, Associate…, Disassociate…) ----

/** An API carries at most one throttling policy per environment: that one, or null. */
export async function boundThrottleOf(iid: string, apiId: string, envId: string, signal?: AbortSignal): Promise<BoundThrottle | null> {
  const params = { api_id: apiId, env_id: envId, limit: LIMIT };
  const body = parseWith(boundThrottleList, (await http.get(`${root(iid)}/throttle-bindings/binded-throttles`, { params, signal })).data, 'throttling policy list');
  return body.throttles[0] ?? null;
}
/** Binding takes the API's publication in the env (publish_id): read it from the policy's not-yet-bound APIs. */
export async function bindThrottleToApi(iid: string, apiId: string, envId: string, throttleId: string): Promise<void> {
  const params = { throttle_id: throttleId, env_id: envId, api_id: apiId, limit: LIMIT };
  const apis = parseWith(throttleApiList, (await http.get(`${root(iid)}/throttle-bindings/unbinded-apis`, { params })).data, 'API list').apis;
  const publishId = apis.find((a) => a.id === apiId && (a.run_env_id ?? envId) === envId)?.publish_id;
  if (!publishId) {
    throw new ApiError({ status: 409, code: CLIENT_CODES.client, message: 'The API is not published in this environment, or already bound to this policy' });
  }
  const body = { strategy_id: throttleId, publish_ids: [publishId] };
  parseWith(throttleBindResponse, (await http.post(`${root(iid)}/throttle-bindings`, body)).data, 'throttling policy binding');
}
export async function unbindThrottle(iid: string, bindingId: string): Promise<void> {
  await http.delete(`${root(iid)}/throttle-bindings/${seg(bindingId)}`);
}

// ---- the client quota bound to an app (ShowAppBoundAppQuota) ----

/** roma-local answers 404 APIG.3091 when no quota is bound; an empty 200 means the same. */
export const NO_BOUND_QUOTA = 'APIG.3091';
export async function appBoundQuota(iid: string, appId: string, signal?: AbortSignal): Promise<AppQuotaInfo | null> {
  try {
    const data = (await http.get(`${root(iid)}/apps/${seg(appId)}/bound-quota`, { signal })).data;
    if (data === null || data === undefined || data === '' || (typeof data === 'object' && !('app_quota_id' in data))) return null;
    return parseWith(appQuota, data, 'app quota');
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && err.code === NO_BOUND_QUOTA) return null;
    throw err;
  }
}

export const authorizedAppsQuery = (iid: string, apiId: string, envId: string) =>
  queryOptions({ queryKey: [...apiConsumerKeys.sub(iid, apiId, 'apps'), envId], queryFn: ({ signal }) => listAuthorizedApps(iid, apiId, envId, signal) });
export const attachedPluginsQuery = (iid: string, apiId: string, envId: string) =>
  queryOptions({ queryKey: [...apiConsumerKeys.sub(iid, apiId, 'plugins'), envId], queryFn: ({ signal }) => listAttachedPlugins(iid, apiId, envId, signal) });
export const boundThrottleQuery = (iid: string, apiId: string, envId: string) =>
  queryOptions({ queryKey: [...apiConsumerKeys.sub(iid, apiId, 'throttle'), envId], queryFn: ({ signal }) => boundThrottleOf(iid, apiId, envId, signal) });
export const appBoundQuotaQuery = (iid: string, appId: string) =>
  queryOptions({ queryKey: appQuotaKeys.detail(iid, appId), queryFn: ({ signal }) => appBoundQuota(iid, appId, signal) });
