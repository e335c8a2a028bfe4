import { describe, expect, it } from 'vitest';
import en from '../../locales/features/consumers.en-US.json';
import { pluginSettings } from './pluginText';
import type { Translate } from './ruleText';
import { perPeriod, specialLimit, throttleLimits } from './throttleText';

// an interpolating translator over the real English texts, with nested keys and _one / _other plurals
const t: Translate = (key, o = {}) => {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: unknown = en;
  for (const p of parts) node = (node as Record<string, unknown>)[p];
  const group = node as Record<string, unknown>;
  const text = group[`${last}_${o.count === 1 ? 'one' : 'other'}`] ?? group[last];
  if (typeof text !== 'string') throw new Error(`no text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(o[name]));
};

describe('throttling policy limits in words', () => {
  const th = { api_call_limits: 2000, user_call_limits: 500, app_call_limits: 0, ip_call_limits: undefined, time_interval: 1, time_unit: 'MINUTE', type: 1 };

  it('reads each limit with its period, and says when one is not set', () => {
    expect(throttleLimits(th, t).map((l) => l.text)).toEqual([
      'API: at most 2 000 calls per 1 minute to each bound API',
      'Each user: at most 500 calls per 1 minute to each API',
      'Apps: no limit of their own (the user or API limit applies)',
      'Source IPs: no limit of their own (the API limit applies)',
    ]);
  });
  it('says when the API limit is shared by all bound APIs, and pluralises the unit', () => {
    expect(throttleLimits({ ...th, type: 2, time_interval: 10, time_unit: 'SECOND' }, t)[0]!.text).toBe('API: at most 2 000 calls per 10 seconds to all bound APIs together');
    expect(perPeriod(1, { time_interval: 2, time_unit: 'day' }, t)).toBe('1 calls per 2 days');
  });
  it('reads a special app or user limit as replacing the policy one', () => {
    expect(specialLimit(30, 'APP', th, t)).toBe('30 calls per 1 minute, instead of the app limit');
    expect(specialLimit(30, 'USER', th, t)).toBe('30 calls per 1 minute, instead of the user limit');
  });
});

describe('plugin settings in words', () => {
  it('cors: origins, methods and credentials', () => {
    const lines = pluginSettings('cors', JSON.stringify({ allow_origin: 'https://a.example', allow_methods: 'GET', max_age: 60, allow_credentials: true }), t);
    expect(lines).toEqual([
      'Browsers on https://a.example may call with GET', 'Request headers allowed: the simple ones only', 'Preflight answers cached for 60 s', 'Cookies and credentials allowed',
    ]);
  });
  it('response headers: one line per header action', () => {
    const c = { response_headers: [{ name: 'x-a', value: '1', action: 'override' }, { name: 'x-b', value: '', action: 'delete' }] };
    expect(pluginSettings('set_resp_headers', JSON.stringify(c), t)).toEqual(['Sets x-a to “1”, replacing the backend\'s', 'Removes x-b']);
  });
  it('rate limit: the throttle lines in its own unit, -1 as no API limit, and its specials', () => {
    const c = { api_limit: -1, user_limit: 5, default_interval: 1, default_time_unit: 'hour', specials: [{ type: 'app', policies: [{ key: 'k1', limit: 3 }] }] };
    const lines = pluginSettings('rate_limit', JSON.stringify(c), t);
    expect(lines[0]).toBe('API: no limit of its own');
    expect(lines[1]).toBe('Each user: at most 5 calls per 1 hour to each API');
    expect(lines.at(-1)).toBe('App k1: at most 3 calls per 1 hour');
  });
  it('kafka log and breaker; unreadable content is one line, not a crash', () => {
    expect(pluginSettings('kafka_log', JSON.stringify({ broker_list: ['a:9092', 'b:9092'], topic: 'logs' }), t)).toEqual(['Pushes each call\'s log to topic logs on a:9092, b:9092']);
    expect(pluginSettings('breaker', JSON.stringify({ breaker_condition: { breaker_type: 'timeout', time_window: 10, open_breaker_time: 20 } }), t))
      .toEqual(['Opens when the backend times out within 10 s', 'Stays open 20 s, then lets calls through again']);
    expect(pluginSettings('cors', '{oops', t)).toEqual(['The stored settings cannot be read.']);
  });
});
