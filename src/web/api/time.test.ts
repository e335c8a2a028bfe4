import { describe, expect, it } from 'vitest';
import { normaliseTime } from './time';

const T = Date.UTC(2020, 8, 20, 0, 0, 0); // 2020-09-20T00:00:00Z

describe('normaliseTime', () => {
  it.each([
    ['2020-09-20T00:00:00Z', T],
    ['2020-09-20T00:00:00.000Z', T],
    ['2020-09-20T00:00:00.5Z', T + 500],
    ['2020-08-02T16:32:47.046289Z', Date.UTC(2020, 7, 2, 16, 32, 47, 46)],
    ['2020-07-24T02:31:45.790909295Z', Date.UTC(2020, 6, 24, 2, 31, 45, 790)],
    ['2020-09-20T08:00:00+08:00', T],
    ['2020-09-20T08:00:00+0800', T],
    ['2020-09-19T19:00:00-05:00', T],
    ['2020-09-20 00:00:00 +0000 +0000', T],
    ['2020-09-20 08:00:00 +0800 CST', T],
    ['2020-09-20 00:00:00 +0000 UTC', T],
    ['2020-09-20 00:00:00', T],
    ['2020-09-20T00:00:00', T],
    ['2020-09-20', T],
    ['2019-12-06T06:49:04Z', Date.UTC(2019, 11, 6, 6, 49, 4)],
  ])('ISO-ish %s', (input, expected) => {
    expect(normaliseTime(input)).toBe(expected);
  });

  it('epoch seconds and milliseconds, as numbers or digit strings', () => {
    expect(normaliseTime(T / 1000)).toBe(T);
    expect(normaliseTime(T)).toBe(T);
    expect(normaliseTime(String(T / 1000))).toBe(T);
    expect(normaliseTime(String(T))).toBe(T);
    expect(normaliseTime(1_700_000_000)).toBe(1_700_000_000_000);
    expect(normaliseTime(1_700_000_000_123)).toBe(1_700_000_000_123);
    expect(normaliseTime(1_600_560_000.5)).toBe(1_600_560_000_500);
  });

  it('garbage → undefined', () => {
    for (const v of [undefined, null, '', '   ', 'yesterday', '2020-13-01T00:00:00Z', '2020-09-20T25:00:00Z', -5, Number.NaN, Infinity, {}, []]) {
      expect(normaliseTime(v)).toBeUndefined();
    }
  });
});
