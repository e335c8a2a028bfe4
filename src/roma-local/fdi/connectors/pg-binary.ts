// PostgreSQL COPY binary format (header, per row int16 field count, per field int32 length + bytes,
// trailer -1), so the server does not parse text for numbers and times. One encoder per target column
// type, chosen once per table; a type without one means text COPY for the whole run. A value an
// encoder does not take throws: the batch then goes the way of a refused COPY (row by row, where the
// server names the refused rows).
import { putNumeric } from './pg-numeric';
import type { Row, Value } from './types';

type V = Exclude<Value, null>;
/** `max`: most bytes of the value; `put` writes them at `off` and returns the end. */
export type FieldEncoder = { max: (v: V) => number; put: (b: Buffer, off: number, v: V) => number; kind?: Kind };
/** Encoders binaryChunks calls directly (one call site each: no megamorphic call per field). */
const enum Kind { Int4 = 1, Text, Numeric, Timestamp }

const CHUNK = 65536;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const DAY_US = 86_400_000_000;
const EPOCH_DAYS = 10_957; // 1970-01-01 → 2000-01-01

const refuse = (v: V, type: string): never => { throw new Error(`${String(v).slice(0, 60)} cannot be sent as ${type}`); };

/** Days from 1970-01-01 of a proleptic Gregorian date (any year, no Date object, no 1900+ games). */
function civilDays(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const FRAC_SCALE = [1, 100_000, 10_000, 1000, 100, 10, 1];
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Digits of s[from, from + n), or -1 if one is not a digit. */
function digitsAt(s: string, from: number, n: number): number {
  let x = 0;
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
}

/** Days since 2000-01-01 of the 'YYYY-MM-DD' at the start of `s` (a real date), else refuses. */
function pgDays(s: string, v: V, type: string): number {
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || mo < 1 || mo > 12 || d < 1 || d > MONTH_DAYS[mo]!
    || (mo === 2 && d === 29 && (y % 4 !== 0 || (y % 100 === 0 && y % 400 !== 0)))) return refuse(v, type);
  return civilDays(y, mo, d) - EPOCH_DAYS;
}

function putInt64(b: Buffer, off: number, x: number | bigint): number {
  if (typeof x === 'number' && Number.isSafeInteger(x)) {
    const hi = Math.floor(x / 2 ** 32);
    const lo = x - hi * 2 ** 32;
    b[off] = hi >>> 24; b[off + 1] = hi >>> 16; b[off + 2] = hi >>> 8; b[off + 3] = hi; // typed array stores wrap mod 256
    b[off + 4] = lo >>> 24; b[off + 5] = lo >>> 16; b[off + 6] = lo >>> 8; b[off + 7] = lo;
    return off + 8;
  }
  return b.writeBigInt64BE(BigInt(x), off);
}

function int(bits: 16 | 32 | 64, type: string): FieldEncoder {
  const lim = 2 ** (bits - 1);
  return {
    kind: bits === 32 ? Kind.Int4 : undefined,
    max: () => bits / 8,
    put: (b, off, v) => {
      const x = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : bits === 64 && typeof v !== 'boolean' && !Buffer.isBuffer(v) && /^-?\d+$/.test(String(v)) ? BigInt(v) : refuse(v, type);
      if (typeof x === 'bigint') { if (x >= 2n ** 63n || x < -(2n ** 63n)) refuse(v, type); return putInt64(b, off, x); }
      if (!Number.isInteger(x) || x >= lim || x < -lim) refuse(v, type);
      return bits === 16 ? b.writeInt16BE(x, off) : bits === 32 ? b.writeInt32BE(x, off) : putInt64(b, off, x);
    },
  };
}

const num = (v: V, type: string): number => {
  const x = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v) ? Number(v) : refuse(v, type);
  return x;
};
const float4: FieldEncoder = { max: () => 4, put: (b, off, v) => b.writeFloatBE(num(v, 'real'), off) };
const float8: FieldEncoder = { max: () => 8, put: (b, off, v) => b.writeDoubleBE(num(v, 'double precision'), off) };
const bool: FieldEncoder = { max: () => 1, put: (b, off, v) => { b[off] = typeof v === 'boolean' ? Number(v) : refuse(v, 'boolean'); return off + 1; } };
const bytea: FieldEncoder = { max: (v) => (Buffer.isBuffer(v) ? v.length : 0), put: (b, off, v) => (Buffer.isBuffer(v) ? off + v.copy(b, off) : refuse(v, 'bytea')) };

/** UTF-8 of a string value (numbers, bigints and booleans as the text COPY writes them). */
function textOf(v: V, type: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return Buffer.isBuffer(v) ? refuse(v, type) : String(v);
}
function putText(b: Buffer, off: number, s: string): number {
  const n = s.length;
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c > 127) return off + b.write(s.slice(j), off, 'utf8');
    b[off++] = c;
  }
  return off;
}
const strMax = (v: V): number => (typeof v === 'string' ? v.length * 3 : 40);
const text = (type: string, version?: number): FieldEncoder => ({
  kind: version === undefined ? Kind.Text : undefined,
  max: (v) => strMax(v) + 1,
  put: (b, off, v) => {
    if (version !== undefined) b[off++] = version;
    return putText(b, off, textOf(v, type));
  },
});

const date: FieldEncoder = {
  max: () => 4,
  put: (b, off, v) => (typeof v === 'string' && v.length === 10 ? b.writeInt32BE(pgDays(v, v, 'date'), off) : refuse(v, 'date')),
};
/** µs since 2000-01-01 00:00 of the engine's canonical 'YYYY-MM-DD HH:MM:SS[.ffffff]' (UTC wall time). */
function putTimestamp(b: Buffer, off: number, v: V): number {
  {
    if (typeof v !== 'string' || v.length < 19 || v.length > 26 || v.length === 20) return refuse(v, 'timestamp');
    const h = digitsAt(v, 11, 2);
    const mi = digitsAt(v, 14, 2);
    const se = digitsAt(v, 17, 2);
    const sep = v.charCodeAt(10);
    const fn = v.length - 20;
    const frac = fn > 0 ? digitsAt(v, 20, fn) : 0;
    if ((sep !== 32 && sep !== 84) || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || (fn > 0 && v.charCodeAt(19) !== 46)
      || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 || frac < 0) return refuse(v, 'timestamp');
    const days = pgDays(v, v, 'timestamp');
    const us = (h * 3600 + mi * 60 + se) * 1_000_000 + (fn > 0 ? frac * FRAC_SCALE[fn]! : 0);
    const total = days * DAY_US + us;
    return putInt64(b, off, Number.isSafeInteger(total) ? total : BigInt(days) * BigInt(DAY_US) + BigInt(us));
  }
}
const timestamp: FieldEncoder = { max: () => 8, put: putTimestamp, kind: Kind.Timestamp };

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const uuid: FieldEncoder = {
  max: () => 16,
  put: (b, off, v) => (typeof v === 'string' && UUID_RE.test(v) ? off + b.write(v.replace(/-/g, ''), off, 'hex') : refuse(v, 'uuid')),
};

const numeric: FieldEncoder = { max: (v) => 16 + strMax(v) * 2, put: putNumeric, kind: Kind.Numeric };

const BY_TYPE: Record<string, FieldEncoder> = {
  int2: int(16, 'smallint'), int4: int(32, 'integer'), int8: int(64, 'bigint'), float4, float8, bool, bytea,
  text: text('text'), varchar: text('varchar'), bpchar: text('char'), name: text('name'), json: text('json'), jsonb: text('jsonb', 1),
  numeric, date, timestamp, uuid,
};

/** Encoders for the target columns' type names (pg_type.typname), or null if one has none. timestamptz
 * is read as UTC wall time only when the session's TimeZone is UTC (else the text COPY's reading differs). */
export function binaryEncoders(typnames: string[], utcSession: boolean): FieldEncoder[] | null {
  const out: FieldEncoder[] = [];
  for (const t of typnames) {
    const enc = t === 'timestamptz' && utcSession ? timestamp : BY_TYPE[t];
    if (!enc) return null;
    out.push(enc);
  }
  return out;
}

/** A COPY stream's bytes in parts of about 64 KB (text and binary COPY both fill them). */
export class Parts {
  buf = Buffer.allocUnsafe(CHUNK);
  off = 0;

  /** Room for `n` more bytes; returns the full part to hand on, or null. */
  room(n: number): Buffer | null {
    if (this.off + n <= this.buf.length) return null;
    const out = this.off > 0 ? this.buf.subarray(0, this.off) : null;
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, n)); // the old one is still being sent: never reused
    this.off = 0;
    return out;
  }
}

/** The COPY binary stream of `rows` in parts of about 64 KB. */
export function* binaryChunks(rows: Row[], encs: FieldEncoder[]): Generator<Buffer> {
  const p = new Parts();
  p.off = SIGNATURE.copy(p.buf, 0);
  p.off = p.buf.writeInt32BE(0, p.buf.writeInt32BE(0, p.off)); // flags, header extension length
  const cols = encs.length;
  for (const r of rows) {
    let full = p.room(2);
    if (full) yield full;
    p.off = p.buf.writeInt16BE(cols, p.off);
    for (let i = 0; i < cols; i++) {
      const v = r[i] ?? null;
      const enc = encs[i]!;
      const kind = enc.kind;
      const str = typeof v === 'string';
      full = p.room(v === null ? 4 : kind === Kind.Int4 || kind === Kind.Timestamp ? 12 : str ? 16 + v.length * 6 : 4 + enc.max(v));
      if (full) yield full;
      const { buf, off } = p;
      if (v === null) { p.off = buf.writeInt32BE(-1, off); continue; }
      if (kind === Kind.Int4 && typeof v === 'number' && (v | 0) === v) {
        buf[off] = 0; buf[off + 1] = 0; buf[off + 2] = 0; buf[off + 3] = 4;
        buf[off + 4] = v >>> 24; buf[off + 5] = v >>> 16; buf[off + 6] = v >>> 8; buf[off + 7] = v; // stores wrap mod 256
        p.off = off + 8;
        continue;
      }
      const end = kind === Kind.Text && str ? putText(buf, off + 4, v) : kind === Kind.Numeric ? putNumeric(buf, off + 4, v)
        : kind === Kind.Timestamp ? putTimestamp(buf, off + 4, v) : enc.put(buf, off + 4, v);
      const len = end - off - 4;
      buf[off] = len >>> 24; buf[off + 1] = len >>> 16; buf[off + 2] = len >>> 8; buf[off + 3] = len; // stores wrap mod 256
      p.off = end;
    }
  }
  const full = p.room(2);
  if (full) yield full;
  p.off = p.buf.writeInt16BE(-1, p.off);
  yield p.buf.subarray(0, p.off);
}
