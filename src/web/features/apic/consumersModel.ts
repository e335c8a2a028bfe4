// Pure helpers of an API's Consumers tab (tested in consumersModel.test.ts).
import type { ApiAuthCreateResponse } from '../../../contract/apic-apps';
import { ApiError } from '../../api/errors';
import type { BulkResult } from '../../api/bulk';
import { groupThousands, type Translate } from '../../components/ruleText';

/** Each app's own answer of an authorisation call: FAILED becomes that app's error, SKIPPED (already authorised) counts as done. */
export function authResults(res: ApiAuthCreateResponse, appIds: readonly string[]): (BulkResult<string> & { skipped: boolean })[] {
  return appIds.map((appId) => {
    const r = res.auths.find((a) => a.app_id === appId)?.auth_result;
    if (r?.status === 'FAILED') {
      return { item: appId, skipped: false, error: new ApiError({ status: 400, code: r.error_code ?? 'FAILED', message: r.error_msg ?? r.status }) };
    }
    return { item: appId, skipped: r?.status === 'SKIPPED' };
  });
}

/** The apps that could still be authorised: every app but those already authorised. */
export const unauthorisedApps = <A extends { id: string }>(apps: readonly A[], authorised: readonly { app_id?: string }[]): A[] => {
  const taken = new Set(authorised.map((a) => a.app_id));
  return apps.filter((a) => !taken.has(a.id));
};

type Limits = { api_call_limits: number; user_call_limits?: number; app_call_limits?: number; ip_call_limits?: number; time_interval: number; time_unit: string };

/** "Per 1 second: 1 000 calls to the API, 500 per user, 100 per app, 50 per IP address" (zero or absent: not limited). */
export function throttleLimits(th: Limits, t: Translate): string {
  const unit = t(`apiConsumers.units.${th.time_unit}`, { count: th.time_interval });
  const parts = ([['api', th.api_call_limits], ['user', th.user_call_limits], ['app', th.app_call_limits], ['ip', th.ip_call_limits]] as const)
    .flatMap(([who, n]) => (n ? [t(`apiConsumers.limit.${who}`, { calls: groupThousands(n) })] : []));
  return t('apiConsumers.limits', { interval: th.time_interval, unit, parts: parts.join(t('apiConsumers.listSep')) });
}
