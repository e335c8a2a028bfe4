// Mutations of the APIC pages. Invalidation stays inside this instance's APIC keys: publishing
// touches the API lists and the one API's versions; groups and envs their own lists.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiCreateRequest, AssociateDomainRequest, CreateApiGroupRequest, EnvCreateRequest, EnvVariableCreateRequest } from '../../../contract/apic';
import {
  apicApiKeys,
  apicEnvKeys,
  apicGroupKeys,
  batchPublish,
  bindDomain,
  createApi,
  createEnv,
  createGroup,
  createVariable,
  deleteApi,
  deleteEnv,
  deleteGroup,
  deleteVariable,
  publishApi,
  switchVersion,
  unbindDomain,
  updateApi,
  type Api,
} from '../../api/apic';
import { useBulkDeleteMutation, useDeleteMutation, useSaveMutation } from '../../api/mutations';
import { runBulk } from '../../api/bulk';

export const useCreateGroup = (iid: string) => useSaveMutation(apicGroupKeys, iid, (b: CreateApiGroupRequest) => createGroup(iid, b));
export const useDeleteGroup = (iid: string) => useDeleteMutation<{ id: string }>(apicGroupKeys, iid, deleteGroup);
export const useSaveApi = (iid: string) =>
  useSaveMutation(apicApiKeys, iid, ({ id, body }: { id?: string; body: ApiCreateRequest }) => (id ? updateApi(iid, id, body) : createApi(iid, body)));
export const useDeleteApi = (iid: string) => useDeleteMutation<{ id: string }>(apicApiKeys, iid, deleteApi);
export const useBulkDeleteApis = (iid: string) => useBulkDeleteMutation<Api>(apicApiKeys, iid, deleteApi);

function useInvalidate(iid: string) {
  const qc = useQueryClient();
  return (apiIds: string[]) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: apicApiKeys.lists(iid) }),
      ...apiIds.map((id) => qc.invalidateQueries({ queryKey: apicApiKeys.detail(iid, id) })),
    ]);
}

export function usePublish(iid: string) {
  const inv = useInvalidate(iid);
  return useMutation({
    mutationFn: (b: { action: 'online' | 'offline'; api_id: string; env_id: string; remark?: string }) => publishApi(iid, b),
    onSuccess: (_, b) => inv([b.api_id]),
  });
}

/** Batch publish/offline: the server answers per API (success / failure lists); lists refetch once. */
export function useBatchPublish(iid: string) {
  const inv = useInvalidate(iid);
  return useMutation({
    mutationFn: ({ action, apis, env_id, remark }: { action: 'online' | 'offline'; apis: string[]; env_id: string; remark?: string }) =>
      batchPublish(iid, action, { apis, env_id, remark }),
    onSuccess: (_, b) => inv(b.apis),
  });
}

export function useSwitchVersion(iid: string, apiId: string) {
  const inv = useInvalidate(iid);
  return useMutation({ mutationFn: (versionId: string) => switchVersion(iid, apiId, versionId), onSuccess: () => inv([apiId]) });
}

export function useDomains(iid: string, groupId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: apicGroupKeys.detail(iid, groupId) });
  return {
    bind: useMutation({ mutationFn: (b: AssociateDomainRequest) => bindDomain(iid, groupId, b), onSuccess: done }),
    unbind: useMutation({ mutationFn: (domainId: string) => unbindDomain(iid, groupId, domainId), onSuccess: done }),
  };
}

export function useVariables(iid: string, groupId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: apicGroupKeys.sub(iid, groupId, 'variables') });
  return {
    create: useMutation({ mutationFn: (b: EnvVariableCreateRequest) => createVariable(iid, b), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => deleteVariable(iid, id), onSuccess: done }),
  };
}

export function useEnvs(iid: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: apicEnvKeys.all(iid) });
  return {
    create: useMutation({ mutationFn: (b: EnvCreateRequest) => createEnv(iid, b), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => deleteEnv(iid, id), onSuccess: done }),
  };
}

export { runBulk };
