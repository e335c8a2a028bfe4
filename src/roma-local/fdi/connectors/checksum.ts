// The integrity checksum (order-independent, over the canonical text of each row) and the row
// codec the copy loop uses: per-column converters and canonical-text functions chosen once per
// run, with fast paths for the common value shapes, so the per-row work has no type switch.
import { CANON_DT, canonical, convert } from './convert';
import type { ColumnMeta, Dialect, Row, Value } from './types';

const SEP = 0x1f;
/** A decimal as a driver prints it: no sign +, no exponent, no leading zeros. */
const PLAIN_DEC = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Order-independent checksum over rows: two 32-bit wrapping sums of a row hash. */
export class Checksum {
  private a = 0;
  private b = 0;
  count = 0;

  add(text: string): void {
    let h1 = 0xdeadbeef ^ text.length;
    let h2 = 0x41c6ce57 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.mix(h1, h2);
  }

  /** Adds what `other` collected (a batch's rows, once the batch is committed). */
  merge(other: Checksum): void {
    this.a = (this.a + other.a) >>> 0;
    this.b = (this.b + other.b) >>> 0;
    this.count += other.count;
  }

  /** Same hash as add(parts.join(SEP) + SEP) without building the string (parts[0..n)); sign -1 takes a row out. */
  addParts(parts: readonly string[], n: number, length = -1, sign: 1 | -1 = 1): void {
    let len = length;
    if (len < 0) { len = n; for (let i = 0; i < n; i++) len += parts[i]!.length; }
    let h1 = 0xdeadbeef ^ len;
    let h2 = 0x41c6ce57 ^ len;
    for (let p = 0; p < n; p++) {
      const t = parts[p]!;
      for (let i = 0; i < t.length; i++) {
        const ch = t.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
      }
      h1 = Math.imul(h1 ^ SEP, 2654435761);
      h2 = Math.imul(h2 ^ SEP, 1597334677);
    }
    this.mix(h1, h2, sign);
  }

  private mix(h1: number, h2: number, sign: 1 | -1 = 1): void {
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    this.a = (this.a + sign * (h1 >>> 0)) >>> 0;
    this.b = (this.b + sign * (h2 >>> 0)) >>> 0;
    this.count += sign;
  }

  get value(): string {
    return `${this.a.toString(16).padStart(8, '0')}${this.b.toString(16).padStart(8, '0')}`;
  }
  static from(state: { a: number; b: number; count: number }): Checksum {
    const c = new Checksum();
    c.a = state.a; c.b = state.b; c.count = state.count;
    return c;
  }
  state(): { a: number; b: number; count: number } {
    return { a: this.a, b: this.b, count: this.count };
  }
}

/** Canonical row text for the checksum (the codec's addRow hashes the same text without building it). */
export const rowText = (row: readonly Value[], cols: readonly ColumnMeta[]): string => {
  let s = '';
  for (let i = 0; i < cols.length; i++) s += `${canonical(row[i] ?? null, cols[i]!)}\u001f`;
  return s;
};

type Fn<T> = (v: Value) => T;

/** Converter into column `c` of `dialect`: the fast path returns exactly what convert() would (or an equal number). */
export function converterFor(c: ColumnMeta, dialect: Dialect): Fn<Value> {
  const slow = (v: Value): Value => convert(v === undefined ? null : v, c, dialect);
  switch (c.logical) {
    case 'bigint': return (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : slow(v));
    case 'int': {
      const lim = 2 ** ((c.bits ?? 32) - 1);
      return (v) => (typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) < lim ? v : slow(v));
    }
    case 'text': {
      const len = c.length ?? 0;
      return (v) => (typeof v === 'string' && (len <= 0 || v.length <= len) ? v : slow(v));
    }
    case 'decimal': {
      // a number that prints without an exponent, or a plain decimal string, that fits the precision is written as it is
      const intDigits = c.length ? c.length - (c.scale ?? 0) : Number.POSITIVE_INFINITY;
      const lim = Math.min(1e15, 10 ** intDigits);
      return (v) => {
        if (typeof v === 'number') { const a = Math.abs(v); if (v === 0 || (a >= 1e-6 && a < lim)) return v; }
        else if (typeof v === 'string' && PLAIN_DEC.test(v)) {
          const neg = v.charCodeAt(0) === 45;
          const dot = v.indexOf('.');
          const digits = (dot < 0 ? v.length : dot) - (neg ? 1 : 0);
          if (digits <= intDigits || v.charCodeAt(neg ? 1 : 0) === 48) return v; // '0.xx' has no integer digits
        }
        return slow(v);
      };
    }
    case 'datetime': return (v) => (typeof v === 'string' && CANON_DT.test(v) ? v : slow(v));
    default: return slow;
  }
}

/** canonical(v, c) with the common shapes first. */
export function canonicalFor(c: ColumnMeta): Fn<string> {
  const slow = (v: Value): string => canonical(v === undefined ? null : v, c);
  switch (c.logical) {
    case 'int': case 'bigint': return (v) => (typeof v === 'number' ? String(v) : slow(v));
    case 'text': return (v) => (typeof v === 'string' ? v : slow(v));
    case 'decimal': return (v) => {
      if (typeof v === 'number') { const t = String(v); if (!t.includes('e')) return t; }
      else if (typeof v === 'string' && PLAIN_DEC.test(v)) { // trailing zeros of the fraction cut without a parse ('12.30' → '12.3')
        let e = v.length;
        if (v.indexOf('.') > 0) { while (v.charCodeAt(e - 1) === 48) e--; if (v.charCodeAt(e - 1) === 46) e--; }
        const t = e === v.length ? v : v.slice(0, e);
        return t === '-0' ? '0' : t;
      }
      return slow(v);
    };
    case 'datetime': return (v) => (typeof v === 'string' && CANON_DT.test(v) ? v : slow(v));
    default: return slow;
  }
}

/** Per-run row codec for one column list. */
export class RowCodec {
  readonly convert: Fn<Value>[];
  private readonly canon: Fn<string>[];
  private readonly parts: string[];
  constructor(readonly cols: readonly ColumnMeta[], dialect: Dialect) {
    this.convert = cols.map((c) => converterFor(c, dialect));
    this.canon = cols.map((c) => canonicalFor(c));
    this.parts = new Array<string>(cols.length).fill('');
  }

  /** The row converted for the target: `row` itself when nothing changes and it has no extra (key) values. Throws ConversionError. */
  toTarget(row: Row): Row {
    const n = this.convert.length;
    let out: Row | null = row.length === n ? null : row.slice(0, n);
    for (let i = 0; i < n; i++) {
      const v = row[i] ?? null;
      const w = this.convert[i]!(v);
      if (w !== v) {
        if (!out) out = row.slice(0, n);
        out[i] = w;
      }
    }
    return out ?? row;
  }

  /** Adds the row's canonical text to `sum`; returns its length (an approximate byte size for data_size). */
  addRow(sum: Checksum, row: readonly Value[], sign: 1 | -1 = 1): number {
    const n = this.canon.length;
    let len = n;
    for (let i = 0; i < n; i++) { const t = this.canon[i]!(row[i] ?? null); this.parts[i] = t; len += t.length; }
    sum.addParts(this.parts, n, len, sign);
    return len;
  }
}
