import { describe, expect, it } from 'vitest';
import en from '../../locales/features/apic.en-US.json';
import zh from '../../locales/features/apic.zh-CN.json';
import { ApiError } from '../../api/errors';
import type { Translate } from '../../components/ruleText';
import { authResults, throttleLimits, unauthorisedApps } from './consumersModel';

// an interpolating translator over the real texts: dotted paths, i18next plural keys _one / _other
const translator = (texts: Record<string, unknown>): Translate => (key, o = {}) => {
  const path = key.split('.');
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((g, k) => g[k] as Record<string, unknown>, texts);
  const last = path[path.length - 1]!;
  const text = (o.count === undefined ? parent[last] : parent[`${last}_${o.count === 1 ? 'one' : 'other'}`]) as string | undefined;
  return (text ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(o[name]));
};

describe('authorisation results per app', () => {
  it('turns FAILED into that app\'s error, SKIPPED into done-before, and keeps the order asked', () => {
    const r = authResults({ auths: [
      { app_id: 'b', auth_result: { status: 'FAILED', error_code: 'APIG.3102', error_msg: 'refused' } },
      { app_id: 'a', auth_result: { status: 'SUCCESS' } },
      { app_id: 'c', auth_result: { status: 'SKIPPED' } },
    ] }, ['a', 'b', 'c']);
    expect(r.map((x) => [x.item, x.skipped, x.error === undefined])).toEqual([['a', false, true], ['b', false, false], ['c', true, true]]);
    expect(r[1]!.error).toBeInstanceOf(ApiError);
    expect((r[1]!.error as ApiError).code).toBe('APIG.3102');
  });
  it('leaves out the apps already authorised', () => {
    expect(unauthorisedApps([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ app_id: 'b' }]).map((a) => a.id)).toEqual(['a', 'c']);
  });
});

describe('throttling limits in words', () => {
  const th = { api_call_limits: 1000, user_call_limits: 500, app_call_limits: 0, ip_call_limits: 20, time_interval: 1, time_unit: 'SECOND' };
  it('names each limit set, skips the unset ones, in both languages', () => {
    expect(throttleLimits(th, translator(en))).toBe('Per 1 second: 1 000 calls to the API, 500 per user, 20 per IP address');
    expect(throttleLimits({ ...th, time_interval: 2, time_unit: 'MINUTE', user_call_limits: undefined }, translator(en)))
      .toBe('Per 2 minutes: 1 000 calls to the API, 20 per IP address');
    expect(throttleLimits(th, translator(zh))).toBe('每 1 秒：API 最多 1 000 次，每个用户 500 次，每个 IP 地址 20 次');
  });
});
