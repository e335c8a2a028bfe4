// Mutations of an app's APIC side. Invalidation stays inside this app's APIC keys.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiAuthCreateRequest } from '../../../contract/apic-apps';
import { apicAppKeys, authorizeApps, cancelAuth, deleteAppCode, generateAppCode } from '../../api/apicApps';

function useAppMutation<V, R>(iid: string, appId: string, what: 'codes' | 'auths', run: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all(
        (what === 'codes' ? ['codes'] : ['auths', 'unbound']).map((w) => qc.invalidateQueries({ queryKey: apicAppKeys.sub(iid, appId, w) })),
      ),
  });
}

export const useGenerateAppCode = (iid: string, appId: string) => useAppMutation(iid, appId, 'codes', () => generateAppCode(iid, appId));
export const useDeleteAppCode = (iid: string, appId: string) =>
  useAppMutation(iid, appId, 'codes', (codeId: string) => deleteAppCode(iid, appId, codeId));
export const useAuthorize = (iid: string, appId: string) =>
  useAppMutation(iid, appId, 'auths', (b: Omit<ApiAuthCreateRequest, 'app_ids'>) => authorizeApps(iid, { ...b, app_ids: [appId] }));
export const useCancelAuth = (iid: string, appId: string) => useAppMutation(iid, appId, 'auths', (authId: string) => cancelAuth(iid, authId));
