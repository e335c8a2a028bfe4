// PostgreSQL COPY text format, encoded straight into 64 KB buffers: no string per value and no
// native call per value for the common shapes (ASCII text without escapes, integers), which are
// written byte by byte; anything else (escapes, non-ASCII, binary) goes through Buffer.write.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { binaryChunks, binaryEncoders, Parts, type FieldEncoder } from './pg-binary';
import type { Row, Value } from './types';

const TAB = 9;
const NL = 10;
const BACKSLASH = 92;

/** COPY text of a value the byte loops do not take (escaped, non-ASCII, binary). */
export function copyText(v: Value): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  const s = typeof v === 'string' ? v : String(v);
  return /[\\\n\r\t]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') : s;
}

/** Most bytes the COPY text of `v` can take (3 UTF-8 bytes per UTF-16 unit, escapes included). */
function bound(v: Value): number {
  if (typeof v === 'string') return v.length * 3;
  if (Buffer.isBuffer(v)) return v.length * 2 + 3;
  return 32; // numbers, bigints up to 64 bits, booleans, \N
}

class Encoder extends Parts {
  value(v: Value): void {
    const buf = this.buf;
    if (typeof v === 'string') {
      const n = v.length;
      let off = this.off;
      for (let j = 0; j < n; j++) {
        const c = v.charCodeAt(j);
        if (c < 32 || c > 126 || c === BACKSLASH) { this.off = off + this.buf.write(copyText(v.slice(j)), off, 'utf8'); return; }
        buf[off++] = c;
      }
      this.off = off;
    } else if (typeof v === 'number' && Number.isSafeInteger(v)) {
      let x = v;
      let off = this.off;
      if (x < 0) { buf[off++] = 45; x = -x; }
      let digits = 1;
      for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++;
      off += digits;
      for (let p = off; digits-- > 0; x = Math.floor(x / 10)) buf[--p] = 48 + (x % 10);
      this.off = off;
    } else if (v === null) {
      buf[this.off++] = BACKSLASH;
      buf[this.off++] = 78; // N
    } else if (typeof v === 'boolean') {
      buf[this.off++] = v ? 116 : 102; // t / f
    } else {
      this.off += buf.write(copyText(v), this.off, 'utf8');
    }
  }
}

/** The COPY text of `rows` in parts of about 64 KB: the server ingests one while the next is built. */
export function* copyChunks(rows: Row[]): Generator<Buffer> {
  const e = new Encoder();
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const v = r[i] ?? null;
      const full = e.room(bound(v) + 2);
      if (full) yield full;
      if (i) e.buf[e.off++] = TAB;
      e.value(v);
    }
    e.buf[e.off++] = NL; // room() kept 2 bytes past every value
  }
  if (e.off > 0) yield e.buf.subarray(0, e.off);
}

/** COPY `rows` into `target` (quoted names) on `c`, in the transaction that is open there; in binary
 * format when there are encoders for the columns (pg-binary.ts). Parts are written straight to the
 * COPY stream, waiting for 'drain' only when it asks (no Readable in between). */
export async function copyInto(c: pg.Client, target: string, names: string[], rows: Row[], encoders: FieldEncoder[] | null = null): Promise<void> {
  const stream = c.query(copyFrom(`COPY ${target} (${names.join(', ')}) FROM STDIN${encoders ? ' (FORMAT binary)' : ''}`));
  let refused = false; // the server answered with an error (a unique violation, …) and left COPY mode: write no more
  stream.on('error', () => { refused = true; });
  const done = finished(stream); // the server's answer: CommandComplete or that error
  done.catch(() => undefined); // awaited below
  try {
    for (const part of encoders ? binaryChunks(rows, encoders) : copyChunks(rows)) {
      if (refused) break;
      if (!stream.write(part)) await Promise.race([once(stream, 'drain'), done]);
    }
  } catch (err) {
    if (!refused) stream.destroy(err as Error); // our side failed: CopyFail, the server rolls the COPY back
    throw err;
  }
  if (!refused) stream.end();
  await done;
}

/** Binary COPY encoders for the columns `names` of `target` (quoted), from the target's column
 * types, or null for text COPY (a type without an encoder, or ROMA_FDI_PG_COPY=text). */
export async function copyEncoders(c: pg.Client, target: string, names: string[]): Promise<FieldEncoder[] | null> {
  if (process.env.ROMA_FDI_PG_COPY === 'text') return null;
  const { rows } = await c.query<{ n: string; t: string; utc: boolean }>(
    `SELECT a.attname AS n, t.typname AS t, current_setting('TimeZone') IN ('UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z') AS utc
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`, [target]);
  const types = new Map(rows.map((r) => [r.n, r.t]));
  return binaryEncoders(names.map((n) => types.get(n) ?? ''), rows[0]?.utc ?? false);
}
