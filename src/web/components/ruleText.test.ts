import { describe, expect, it } from 'vitest';
import en from '../locales/features/consumers.en-US.json';
import { groupThousands, quotaRule, type Translate } from './ruleText';

// a tiny interpolating translator over the real English texts (i18next plural keys _one / _other)
const t: Translate = (key, o = {}) => {
  const [ns, k] = key.split('.') as [keyof typeof en, string];
  const group = en[ns] as Record<string, string>;
  const text = group[`${k}_${o.count === 1 ? 'one' : 'other'}`] ?? group[k] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(o[name]));
};

describe('quota rule in words', () => {
  it('groups thousands', () => {
    expect([groupThousands(7), groupThousands(1000), groupThousands(1234567)]).toEqual(['7', '1 000', '1 234 567']);
  });
  it('reads the rule with its reset time of day, or from the first call', () => {
    expect(quotaRule({ call_limits: 1000, time_interval: 1, time_unit: 'HOUR', reset_time: '2020-09-20 00:00:00' }, t, 'UTC'))
      .toBe('1 000 calls per 1 hour, from 00:00');
    expect(quotaRule({ call_limits: 3, time_interval: 2, time_unit: 'MINUTE', reset_time: '' }, t)).toBe('3 calls per 2 minutes, from the first call');
  });
});
