// PostgreSQL numeric in COPY binary: int16 ndigits, weight (of the first base-10000 digit), sign
// (0x4000 negative), dscale (decimal digits after the point), then the base-10000 digits. The plain
// decimal text the engine sends is walked char by char; exponents and other shapes take the slow path.
import type { Value } from './types';

type V = Exclude<Value, null>;
const refuse = (v: V): never => { throw new Error(`${String(v).slice(0, 60)} cannot be sent as numeric`); };

const PLACE = [1, 10, 100, 1000];

/** numeric of a plain '[-]digits[.digits]' walked char by char into base-10000 digits; -1 for other shapes. */
function putPlainNumeric(b: Buffer, off: number, s: string): number {
  const n = s.length;
  let i = 0;
  const neg = s.charCodeAt(0) === 45;
  if (neg || s.charCodeAt(0) === 43) i = 1;
  let dot = s.indexOf('.', i);
  if (dot < 0) dot = n;
  if (dot === i && dot + 1 >= n) return -1; // no digit at all
  const dscale = dot < n ? n - dot - 1 : 0;
  let weight = 0;
  let started = false;
  let g = 0; // weight of the group being filled
  let acc = 0;
  let count = 0; // groups written
  let lastNonZero = 0; // groups up to the last non-zero one
  const first = off + 8;
  for (let j = i; j < n; j++) {
    if (j === dot) continue;
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return -1;
    const x = j < dot ? dot - 1 - j : dot - j; // 10^x place
    const gx = x >> 2;
    if (!started) {
      if (d === 0) continue;
      started = true;
      weight = gx;
      g = gx;
    }
    if (gx !== g) { // groups are contiguous: flush the one filled
      const p = first + 2 * count++;
      b[p] = acc >> 8;
      b[p + 1] = acc & 255;
      if (acc) lastNonZero = count;
      acc = 0;
      g = gx;
    }
    acc += d * PLACE[x & 3]!;
  }
  if (started) {
    const p = first + 2 * count++;
    b[p] = acc >> 8;
    b[p + 1] = acc & 255;
    if (acc) lastNonZero = count;
  }
  if (weight > 0x7fff) return -1;
  const w = started ? weight : 0;
  b[off] = lastNonZero >> 8; b[off + 1] = lastNonZero; b[off + 2] = w >> 8; b[off + 3] = w; // stores wrap mod 256
  b[off + 4] = neg && started ? 0x40 : 0; b[off + 5] = 0; b[off + 6] = dscale >> 8; b[off + 7] = dscale;
  return first + 2 * lastNonZero;
}

const NUMERIC_RE = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i;
/** numeric binary: int16 ndigits, weight, sign, dscale, then base-10000 digits (most significant first). */
export function putNumeric(b: Buffer, off: number, v: V): number {
  if (typeof v === 'string' && v.length < 200) {
    const end = putPlainNumeric(b, off, v);
    if (end >= 0) return end;
  }
  const s = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? v.toString() : refuse(v);
  const m = NUMERIC_RE.exec(s);
  if (!m || (m[2] === '' && !m[3])) return refuse(v);
  const ip = m[2]!;
  const fp = m[3] ?? '';
  const e = m[4] ? Number(m[4]) : 0;
  const dscale = Math.max(0, fp.length - e);
  if (!Number.isSafeInteger(e) || dscale > 0x3fff) return refuse(v);
  let digits = ip + fp;
  let point = ip.length + e; // digits before the decimal point
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === 48) lead++;
  digits = digits.slice(lead);
  point -= lead;
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  if (digits.length === 0) { // zero: no digits, weight 0, positive
    b.writeInt16BE(0, off); b.writeInt16BE(0, off + 2); b.writeUInt16BE(0, off + 4); b.writeInt16BE(dscale, off + 6);
    return off + 8;
  }
  const pad = (((4 - (point % 4)) % 4) + 4) % 4; // align the point on a base-10000 digit boundary
  digits = '0'.repeat(pad) + digits;
  point += pad;
  digits += '0'.repeat((4 - (digits.length % 4)) % 4);
  const n = digits.length / 4;
  const weight = point / 4 - 1;
  if (weight > 0x7fff || weight < -0x8000) return refuse(v);
  b.writeInt16BE(n, off); b.writeInt16BE(weight, off + 2); b.writeUInt16BE(m[1] === '-' ? 0x4000 : 0, off + 4); b.writeInt16BE(dscale, off + 6);
  off += 8;
  for (let i = 0; i < n; i++) off = b.writeUInt16BE(Number(digits.slice(i * 4, i * 4 + 4)), off);
  return off;
}
