// Mutations of the quota and plugin pages; invalidation stays inside this instance's keys of each.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appQuotaKeys } from '../../api/apicApiConsumers';
import { runBulk } from '../../api/bulk';
import {
  bindApp, createPlugin, deleteThrottle, throttleKeys, createQuota, deletePlugin, deleteQuota, pluginKeys, quotaKeys, unbindApp, updatePlugin, updateQuota,
  type AppQuotaCreateRequest, type Plugin, type PluginCreateRequest, type Quota, type Throttle,
} from '../../api/apicPolicies';
import { useDeleteMutation, useSaveMutation } from '../../api/mutations';

export const useSaveQuota = (iid: string) =>
  useSaveMutation(quotaKeys, iid, ({ id, body }: { id?: string; body: AppQuotaCreateRequest }) => (id ? updateQuota(iid, id, body) : createQuota(iid, body)));
export const useDeleteQuota = (iid: string) => useDeleteMutation<Quota>(quotaKeys, iid, deleteQuota);

/** Bind or unbind apps one call each: every app gets its own result (runBulk never throws). */
export function useQuotaApps(iid: string, quotaId: string) {
  const qc = useQueryClient();
  const refresh = () => Promise.all([
    qc.invalidateQueries({ queryKey: quotaKeys.detail(iid, quotaId) }),
    qc.invalidateQueries({ queryKey: quotaKeys.lists(iid) }),
    // the app pages show their bound quota: binding or unbinding changes it
    qc.invalidateQueries({ queryKey: appQuotaKeys.all(iid) }),
  ]);
  const bind = useMutation({
    mutationFn: (appIds: string[]) => runBulk(appIds, (appId) => bindApp(iid, quotaId, appId)),
    onSettled: refresh,
  });
  const unbind = useMutation({ mutationFn: (appId: string) => unbindApp(iid, quotaId, appId), onSettled: refresh });
  return { bind, unbind };
}

export const useSavePlugin = (iid: string) =>
  useSaveMutation(pluginKeys, iid, ({ id, body }: { id?: string; body: PluginCreateRequest }) => (id ? updatePlugin(iid, id, body) : createPlugin(iid, body)));
export const useDeletePlugin = (iid: string) => useDeleteMutation<Plugin>(pluginKeys, iid, deletePlugin);

export const useDeleteThrottle = (iid: string) => useDeleteMutation<Throttle>(throttleKeys, iid, deleteThrottle);
