// React Query hooks of the apps feature. Mutations invalidate narrowly: this instance's app lists
// and the one app's detail, nothing else.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateAppRequest, UpdateAppMembersRequest, UpdateAppRequest } from '../../../contract';
import {
  createApp,
  deleteApp,
  resetAppSecret,
  updateApp,
  updateAppMembers,
  type App,
} from '../../api/apps';
import { appKeys } from '../../api/keys';
import { useDeleteMutation, useSaveMutation } from '../../api/mutations';

export const useCreateApp = (iid: string) => useSaveMutation(appKeys, iid, (body: CreateAppRequest) => createApp(iid, body));

export const useUpdateApp = (iid: string) =>
  useSaveMutation(appKeys, iid, ({ id, body }: { id: string; body: UpdateAppRequest }) => updateApp(iid, id, body));

export const useDeleteApp = (iid: string) => useDeleteMutation<Pick<App, 'id' | 'name'>>(appKeys, iid, deleteApp);

/** Delete several apps; never throws: reports each failure. Invalidates the lists once. */
export function useBulkDeleteApps(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (apps: Pick<App, 'id' | 'name'>[]) => {
      const results = await Promise.allSettled(apps.map((a) => deleteApp(iid, a.id)));
      return results.map((r, i) => ({ app: apps[i]!, error: r.status === 'rejected' ? (r.reason as unknown) : undefined }));
    },
    onSuccess: (results) => {
      for (const r of results) if (!r.error) qc.removeQueries({ queryKey: appKeys.detail(iid, r.app.id) });
      return qc.invalidateQueries({ queryKey: appKeys.lists(iid) });
    },
  });
}

export function useResetSecret(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => resetAppSecret(iid, id),
    onSuccess: (_, id) => qc.invalidateQueries({ queryKey: appKeys.detail(iid, id), exact: true }),
  });
}

export function useUpdateMembers(iid: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAppMembersRequest) => updateAppMembers(iid, id, body),
    onSuccess: (members) => {
      qc.setQueryData(appKeys.sub(iid, id, 'members'), members);
      return qc.invalidateQueries({ queryKey: appKeys.sub(iid, id, 'candidates') });
    },
  });
}
