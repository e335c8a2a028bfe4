// Unbind several apps from a quota, one call each, so each app gets its own result (runBulk never
// throws); then this quota's keys and the apps' bound-quota keys are refreshed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appQuotaKeys } from '../../api/apicApiConsumers';
import { quotaKeys, unbindApp, type AppQuotaApp } from '../../api/apicPolicies';
import { runBulk } from '../../api/bulk';

export function useBulkUnbind(iid: string, quotaId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (apps: AppQuotaApp[]) => runBulk(apps, (a) => unbindApp(iid, quotaId, a.app_id)),
    onSettled: (_r, _e, apps) => Promise.all([
      qc.invalidateQueries({ queryKey: quotaKeys.detail(iid, quotaId) }),
      qc.invalidateQueries({ queryKey: quotaKeys.lists(iid) }),
      ...apps.map((a) => qc.invalidateQueries({ queryKey: appQuotaKeys.detail(iid, a.app_id) })),
    ]),
  });
}
