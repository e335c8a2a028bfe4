// One place that turns the vendor's mix of timestamps into epoch milliseconds:
// ISO 8601 with any fractional precision or offset, "2020-09-20 00:00:00 +0000 +0000",
// epoch seconds or milliseconds (as numbers or digit strings). Anything else → undefined.

/** Below this an epoch number is taken as seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

function fromEpoch(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  return Math.round(n < SECONDS_LIMIT ? n * 1000 : n);
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?(?:\s+(?:[+-]\d{4}|UTC|[A-Z]{3,4}))*$/i;

function offsetMinutes(tz: string | undefined): number {
  if (tz === undefined || tz.toUpperCase() === 'Z') return 0; // vendor times without a zone are UTC
  const sign = tz.startsWith('-') ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (h * 60 + m);
}

export function normaliseTime(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return fromEpoch(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  const m = DATE_TIME.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', tz] = m;
  const ms = frac === '' ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) {
    return undefined;
  }
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(sec), ms);
  return utc - offsetMinutes(tz) * 60_000;
}
