// A throttling policy's limits in words, one line per limit ("Each app: at most 10 calls per
// 1 minute on each API"), as ruleText.ts does for quotas. A limit of 0 or none means "not limited"
// (the next limit up applies), so those lines say so instead of showing a zero.
import { groupThousands, type Translate } from './ruleText';

export interface Period { time_interval: number; time_unit: string }
export interface ThrottleLimits extends Period {
  api_call_limits: number; user_call_limits?: number; app_call_limits?: number; ip_call_limits?: number; type?: number;
}
export type LimitKind = 'api' | 'user' | 'app' | 'ip';

/** "1 000 calls per 2 minutes" (the unit's plural follows the interval). */
export const perPeriod = (calls: number, p: Period, t: Translate): string =>
  t('throttles.perCalls', { calls: groupThousands(calls), interval: p.time_interval, unit: t(`units.${p.time_unit.toUpperCase()}`, { count: p.time_interval }) });

/** The four limits in words, API first. */
export function throttleLimits(th: ThrottleLimits, t: Translate): { kind: LimitKind; text: string }[] {
  const line = (kind: Exclude<LimitKind, 'api'>, n?: number) =>
    ({ kind, text: n ? t(`throttles.limit.${kind}`, { per: perPeriod(n, th, t) }) : t(`throttles.limit.${kind}None`) });
  return [
    { kind: 'api', text: t(th.type === 2 ? 'throttles.limit.apiShared' : 'throttles.limit.api', { per: perPeriod(th.api_call_limits, th, t) }) },
    line('user', th.user_call_limits),
    line('app', th.app_call_limits),
    line('ip', th.ip_call_limits),
  ];
}

/** A special app's or user's own limit, in place of the policy's app or user limit. */
export const specialLimit = (callLimits: number, objectType: string, th: Period, t: Translate): string =>
  t(objectType === 'USER' ? 'throttles.special.userLimit' : 'throttles.special.appLimit', { per: perPeriod(callLimits, th, t) });
