// Value conversion into a target column, and the canonical text of a value used by the
// integrity checksum (the same for what was written and what the target answers back).
import type { ColumnMeta, Dialect, Value } from './types';

/** Thrown for a value the target column cannot take: the row becomes dirty with this reason. */
export class ConversionError extends Error {}

const INT_RE = /^[+-]?\d+$/;
const NUM_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DT_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TIME_RE = /^(-?\d{1,3}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

const fail = (msg: string): never => { throw new ConversionError(msg); };
const show = (v: Value): string => (Buffer.isBuffer(v) ? `<${v.length} bytes>` : JSON.stringify(typeof v === 'bigint' ? v.toString() : v)?.slice(0, 60) ?? String(v));

function toIntString(v: Value, c: ColumnMeta): string | number | bigint {
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) fail(`${show(v)} is not an integer (column ${c.name} ${c.type})`);
    s = String(v);
  } else if (typeof v === 'bigint') s = v.toString();
  else if (typeof v === 'boolean') s = v ? '1' : '0';
  else if (typeof v === 'string' && INT_RE.test(v.trim())) s = v.trim().replace(/^\+/, '');
  else if (typeof v === 'string' && NUM_RE.test(v.trim()) && Number.isInteger(Number(v))) s = String(Number(v));
  else return fail(`${show(v)} is not an integer (column ${c.name} ${c.type})`);
  const bits = c.bits ?? (c.logical === 'bigint' ? 64 : 32);
  const n = BigInt(s);
  const max = (1n << BigInt(bits - 1)) - 1n;
  if (n > max || n < -max - 1n) fail(`${s} is out of range for ${c.type} (column ${c.name})`);
  return Number.isSafeInteger(Number(s)) ? Number(s) : n;
}

function toDecimalString(v: Value, c: ColumnMeta): string {
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(`${show(v)} is not a finite number (column ${c.name})`);
    s = String(v);
  } else if (typeof v === 'bigint') s = v.toString();
  else if (typeof v === 'boolean') s = v ? '1' : '0';
  else if (typeof v === 'string' && NUM_RE.test(v.trim())) s = v.trim();
  else return fail(`${show(v)} is not a number (column ${c.name} ${c.type})`);
  if (/e/i.test(s)) s = Number(s).toFixed(Math.max(0, c.scale ?? 10));
  if (c.length && c.length > 0) {
    const intDigits = (s.replace(/^[+-]/, '').split('.')[0] ?? '').replace(/^0+/, '').length;
    if (intDigits > c.length - (c.scale ?? 0)) fail(`${s} is out of range for ${c.type} (column ${c.name})`);
  }
  return s;
}

function toNumber(v: Value, c: ColumnMeta): number {
  const n = typeof v === 'boolean' ? Number(v) : typeof v === 'string' && NUM_RE.test(v.trim()) ? Number(v) : typeof v === 'number' || typeof v === 'bigint' ? Number(v) : NaN;
  if (!Number.isFinite(n)) fail(`${show(v)} is not a number (column ${c.name} ${c.type})`);
  return n;
}

function toBool(v: Value, c: ColumnMeta): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (Number(v) === 0 || Number(v) === 1) return Number(v) === 1;
  } else if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['1', 't', 'true', 'y', 'yes', 'on'].includes(s)) return true;
    if (['0', 'f', 'false', 'n', 'no', 'off'].includes(s)) return false;
  } else if (Buffer.isBuffer(v) && v.length === 1 && v[0]! <= 1) return v[0] === 1; // MySQL BIT(1)
  return fail(`${show(v)} is not a boolean (column ${c.name})`);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Already canonical date-time (the common case): skips the parse. Feb 30 and such are left to the target. */
export const CANON_DT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{0,5}[1-9])?$/;

/** 'YYYY-MM-DD HH:MM:SS[.ffffff]' (UTC when the input carried a zone). */
export function normaliseDateTime(v: Value, c: ColumnMeta): string {
  if (typeof v === 'string' && CANON_DT.test(v)) return v;
  let s: string;
  if (typeof v === 'number') s = new Date(v).toISOString(); // epoch milliseconds
  else if (typeof v === 'string') s = v.trim();
  else return fail(`${show(v)} is not a date-time (column ${c.name})`);
  const m = DT_RE.exec(s);
  if (!m) return fail(`${show(v)} is not a date-time (column ${c.name})`);
  const [, y, mo, d, h = '00', mi = '00', se = '00', frac = '', zone] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const chk = new Date(base);
  if (chk.getUTCMonth() !== Number(mo) - 1 || chk.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) {
    fail(`${show(v)} is not a valid date-time (column ${c.name})`);
  }
  let t = base;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const z = zone.slice(1).replace(':', '');
    t -= sign * (Number(z.slice(0, 2)) * 60 + Number(z.slice(2) || 0)) * 60000;
  }
  const u = new Date(t);
  const f = frac.slice(0, 6).replace(/0+$/, '');
  return `${u.getUTCFullYear()}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())} ${pad(u.getUTCHours())}:${pad(u.getUTCMinutes())}:${pad(u.getUTCSeconds())}${f ? `.${f}` : ''}`;
}

function toDate(v: Value, c: ColumnMeta): string {
  if (typeof v === 'string' && DATE_RE.test(v.trim())) {
    return normaliseDateTime(v.trim(), c).slice(0, 10);
  }
  return normaliseDateTime(v, c).slice(0, 10);
}

function toTime(v: Value, c: ColumnMeta): string {
  const m = typeof v === 'string' ? TIME_RE.exec(v.trim()) : null;
  if (!m || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return fail(`${show(v)} is not a time (column ${c.name})`);
  const f = (m[4] ?? '').slice(0, 6).replace(/0+$/, '');
  return `${m[1]!.padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}${f ? `.${f}` : ''}`;
}

function toText(v: Value, c: ColumnMeta): string {
  const s = Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  if (c.length && c.length > 0 && c.logical === 'text' && /char/i.test(c.type) && [...s].length > c.length) {
    fail(`value of ${[...s].length} characters is too long for ${c.type} (column ${c.name})`);
  }
  return s;
}

/** The value to bind for `target` in `dialect`; throws ConversionError when it cannot be taken. */
export function convert(v: Value, c: ColumnMeta, dialect: Dialect): Value {
  if (typeof v === 'object' && v !== null && !Buffer.isBuffer(v)) v = JSON.stringify(v); // arrays, driver-parsed JSON
  if (v === null || v === undefined) {
    if (!c.nullable) fail(`NULL is not allowed in column ${c.name}`);
    return null;
  }
  switch (c.logical) {
    case 'int':
    case 'bigint': {
      if (typeof v === 'number' && Number.isSafeInteger(v) && (c.logical === 'bigint' || Math.abs(v) < 2 ** ((c.bits ?? 32) - 1))) return v;
      const n = toIntString(v, c);
      return typeof n === 'bigint' && dialect !== 'sqlite' ? n.toString() : n;
    }
    case 'decimal': return typeof v === 'number' && Number.isFinite(v) && !c.length ? v : toDecimalString(v, c);
    case 'float':
    case 'double': return toNumber(v, c);
    case 'bool': {
      const b = toBool(v, c);
      return dialect === 'postgres' ? b : b ? 1 : 0;
    }
    case 'date': return toDate(v, c);
    case 'datetime': return normaliseDateTime(v, c);
    case 'time': return toTime(v, c);
    case 'blob': return Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8');
    case 'json': {
      if (typeof v === 'string') {
        try { JSON.parse(v); } catch { fail(`${show(v)} is not JSON (column ${c.name})`); }
        return v;
      }
      return JSON.stringify(typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('utf8') : v);
    }
    case 'text': return typeof v === 'string' && (!c.length || v.length <= c.length) ? v : toText(v, c); // UTF-16 length ≥ characters
  }
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function decimalText(s: string): string {
  let t = s.trim().replace(/^\+/, '');
  if (/e/i.test(t)) t = String(Number(t));
  const neg = t.startsWith('-');
  if (neg) t = t.slice(1);
  let [i = '', f = ''] = t.split('.');
  i = i.replace(/^0+/, '') || '0';
  f = f.replace(/0+$/, '');
  const out = f ? `${i}.${f}` : i;
  return neg && out !== '0' ? `-${out}` : out;
}

/** Canonical text of a stored value of a logical type: equal for what was written and what is read back. */
export function canonical(v: Value, c: ColumnMeta): string {
  if (v === null || v === undefined) return '\u0000N';
  switch (c.logical) {
    case 'int':
    case 'bigint': return typeof v === 'boolean' ? (v ? '1' : '0') : String(v).trim();
    case 'decimal': {
      if (typeof v === 'number') { const t = String(v); if (!t.includes('e')) return t; }
      return decimalText(String(v));
    }
    case 'float': return Number(v).toPrecision(6);
    case 'double': return Number(v).toPrecision(15);
    case 'bool': return v === true || v === 1 || v === '1' || v === 't' || v === 'true' || (Buffer.isBuffer(v) && v[0] === 1) ? '1' : '0';
    case 'date': return String(v).slice(0, 10);
    case 'datetime': {
      if (typeof v === 'string' && CANON_DT.test(v)) return v;
      try { return normaliseDateTime(v, c); } catch { return String(v); }
    }
    case 'time': return String(v).replace(/\.?0+$/, (m) => (m.startsWith('.') ? '' : m));
    case 'blob': return Buffer.isBuffer(v) ? v.toString('hex') : Buffer.from(String(v)).toString('hex');
    case 'json': {
      try { return stable(typeof v === 'string' ? JSON.parse(v) : v); } catch { return String(v); }
    }
    case 'text': return typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  }
}
