// React Query hooks of the apps feature. Mutations invalidate narrowly: this instance's app lists
// and the one app's detail, nothing else.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateAppRequest, UpdateAppMembersRequest, UpdateAppRequest } from '../../../contract/apps';
import {
  createApp,
  deleteApp,
  resetAppSecret,
  updateApp,
  updateAppMembers,
  type App,
} from '../../api/apps';
import { appKeys } from '../../api/keys';
import { useBulkDeleteMutation, useDeleteMutation, useSaveMutation } from '../../api/mutations';

export const useCreateApp = (iid: string) => useSaveMutation(appKeys, iid, (body: CreateAppRequest) => createApp(iid, body));

export const useUpdateApp = (iid: string) =>
  useSaveMutation(appKeys, iid, ({ id, body }: { id: string; body: UpdateAppRequest }) => updateApp(iid, id, body));

export const useDeleteApp = (iid: string) => useDeleteMutation<Pick<App, 'id' | 'name'>>(appKeys, iid, deleteApp);

/** Delete several apps (bounded concurrency); never throws: one result per app. */
export const useBulkDeleteApps = (iid: string) => useBulkDeleteMutation<App>(appKeys, iid, deleteApp);

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
