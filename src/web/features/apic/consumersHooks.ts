// Mutations of an API's Consumers tab. Each invalidates this API's consumer keys, plus the other
// side's listing that shows the same link (the app's authorised APIs, the policy pages' counts).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  apiConsumerKeys, authorizeAppsToApi, bindThrottleToApi, cancelAuthorization, detachPluginFromApi, unbindThrottle,
} from '../../api/apicApiConsumers';
import { apicAppKeys } from '../../api/apicApps';
import { pluginKeys, throttleKeys } from '../../api/apicPolicies';
import { authResults } from './consumersModel';

type What = 'apps' | 'plugins' | 'throttle';

function useApiMutation<V, R>(iid: string, apiId: string, what: What, run: (v: V) => Promise<R>, also: (v: V) => readonly unknown[][] = () => []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: (_r, _e, v) => Promise.all([apiConsumerKeys.sub(iid, apiId, what), ...also(v)].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

/** Authorise apps in one call; resolves with each app's own result (never rejects for one app's refusal). */
export const useAuthorizeApps = (iid: string, apiId: string, envId: string) =>
  useApiMutation(iid, apiId, 'apps', async (appIds: string[]) => authResults(await authorizeAppsToApi(iid, apiId, envId, appIds), appIds),
    (appIds) => appIds.map((id) => [...apicAppKeys.detail(iid, id)]));
export const useCancelAuthorization = (iid: string, apiId: string) =>
  useApiMutation(iid, apiId, 'apps', (a: { id: string; app_id?: string }) => cancelAuthorization(iid, a.id),
    (a) => (a.app_id ? [[...apicAppKeys.detail(iid, a.app_id)]] : []));

export const useDetachPlugin = (iid: string, apiId: string, envId: string) =>
  useApiMutation(iid, apiId, 'plugins', (pluginId: string) => detachPluginFromApi(iid, apiId, envId, pluginId), () => [[...pluginKeys.all(iid)]]);

export const useBindThrottle = (iid: string, apiId: string, envId: string) =>
  useApiMutation(iid, apiId, 'throttle', (throttleId: string) => bindThrottleToApi(iid, apiId, envId, throttleId), () => [[...throttleKeys.all(iid)]]);
export const useUnbindThrottle = (iid: string, apiId: string) =>
  useApiMutation(iid, apiId, 'throttle', (bindingId: string) => unbindThrottle(iid, bindingId), () => [[...throttleKeys.all(iid)]]);
