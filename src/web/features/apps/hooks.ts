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

export function useCreateApp(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAppRequest) => createApp(iid, body),
    onSuccess: (app) => {
      qc.setQueryData(appKeys.detail(iid, app.id), app);
      return qc.invalidateQueries({ queryKey: appKeys.lists(iid) });
    },
  });
}

export function useUpdateApp(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateAppRequest }) => updateApp(iid, id, body),
    onSuccess: (app) => {
      qc.setQueryData(appKeys.detail(iid, app.id), app);
      return qc.invalidateQueries({ queryKey: appKeys.lists(iid) });
    },
  });
}

export function useDeleteApp(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (app: Pick<App, 'id' | 'name'>) => deleteApp(iid, app.id),
    onSuccess: (_, app) => {
      qc.removeQueries({ queryKey: appKeys.detail(iid, app.id) });
      return qc.invalidateQueries({ queryKey: appKeys.lists(iid) });
    },
  });
}

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
