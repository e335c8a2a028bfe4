// A quota's rule in words (the quotas pages and an app's APIs tab): "1 000 calls per 1 hour, from
// 00:00" (the reset time of day in the operator's zone) or "…, from the first call". Numbers
// grouped by thousands with a space. Texts from the 'consumers' namespace.
import { parseResetTime } from '../../contract/apic-policies';

export const groupThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

export type Translate = (key: string, o?: Record<string, unknown>) => string;

export function quotaRule(
  q: { call_limits: number; time_interval: number; time_unit: string; reset_time?: string },
  t: Translate,
  timeZone?: string,
): string {
  const unit = t(`units.${q.time_unit}`, { count: q.time_interval });
  const reset = q.reset_time ? parseResetTime(q.reset_time) : undefined;
  const from = reset === undefined
    ? t('quotas.fromFirstCall')
    : t('quotas.fromTime', { time: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(reset) });
  return t('quotas.rule', { calls: groupThousands(q.call_limits), interval: q.time_interval, unit, from });
}
