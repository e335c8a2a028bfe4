// The per-column fast paths must agree with convert() and canonical() on every value shape, and the
// parts hash with the row-text hash: the integrity check compares sums computed both ways.
import { describe, expect, it } from 'vitest';
import { Checksum, RowCodec, canonicalFor, converterFor, rowText } from './checksum';
import { canonical, convert } from './convert';
import type { ColumnMeta, Dialect, Logical, Value } from './types';

const col = (logical: Logical, extra: Partial<ColumnMeta> = {}): ColumnMeta =>
  ({ name: 'c', type: logical === 'text' ? 'varchar(8)' : logical, logical, length: null, scale: null, nullable: true, primary: false, unique: false, ...extra });

const cols: ColumnMeta[] = [
  col('int'), col('int', { bits: 8 }), col('bigint'), col('text'), col('text', { length: 8 }), col('decimal'), col('decimal', { length: 5, scale: 2 }),
  col('datetime'), col('date'), col('double'), col('bool'), col('json'), col('decimal', { nullable: false }),
];
const values: Value[] = [
  null, 0, -0, 1, 127, 128, -129, 2 ** 31, 2 ** 53, 1.5, 123.45, -999.99, 1000, 1e-7, 1e21, 10n ** 20n, true, false,
  '', '0', '-0', '00', '12', '0.00', '-0.00', '100.00', '-12.300', '10', '123.40', '123.45', '-0.50', '0.5', '999.999', '1000.00', '1e3', ' 7 ', '+5', 'abc', 'longer than eight',
  '2025-01-01 00:00:05', '2025-01-01T00:00:05Z', '2025-02-30 00:00:00', Buffer.from('hi'), '{"a":1}',
];

const attempt = <T>(f: () => T): { ok: T } | { err: string } => { try { return { ok: f() }; } catch (e) { return { err: (e as Error).message }; } };
const same = (v: unknown): unknown => (typeof v === 'number' ? String(v) : v); // a decimal may come back as the number it printed

describe('RowCodec fast paths', () => {
  for (const dialect of ['sqlite', 'mysql', 'postgres'] as Dialect[]) {
    it(`convert the same as convert() (${dialect})`, () => {
      for (const c of cols) {
        const fast = converterFor(c, dialect);
        for (const v of values) {
          const a = attempt(() => fast(v));
          const b = attempt(() => convert(v, c, dialect));
          const label = `${c.logical}(${c.length ?? ''},${c.scale ?? ''}) ${String(v)}`;
          if ('err' in b) expect(a, label).toEqual(b);
          else if (c.logical === 'decimal' && 'ok' in a) expect(same(a.ok), label).toEqual(same(b.ok));
          else expect(a, label).toEqual(b);
        }
      }
    });
  }

  it('canonical text the same as canonical()', () => {
    for (const c of cols) {
      const fast = canonicalFor(c);
      for (const v of values) expect(fast(v), `${c.logical} ${String(v)}`).toBe(canonical(v, c));
    }
  });

  it('hashes a row from its parts exactly as from its text', () => {
    const rowCols = [col('int'), col('text'), col('decimal', { length: 10, scale: 2 }), col('datetime')];
    const codec = new RowCodec(rowCols, 'sqlite');
    const a = new Checksum();
    const b = new Checksum();
    for (let i = 0; i < 500; i++) {
      const row: Value[] = [i, `customer-${i}`, i % 3 ? (i * 7919 % 100000) / 100 : `${i}.10`, `2025-01-01 00:00:${String(i % 60).padStart(2, '0')}`];
      codec.addRow(a, codec.toTarget(row));
      b.add(rowText(codec.toTarget(row), rowCols));
    }
    expect(a.value).toBe(b.value);
    expect(a.count).toBe(500);
  });

  it('merges a batch and takes a refused row out again', () => {
    const rowCols = [col('int'), col('text')];
    const codec = new RowCodec(rowCols, 'postgres');
    const whole = new Checksum();
    const batch = new Checksum();
    for (let i = 0; i < 100; i++) {
      if (i !== 42) codec.addRow(whole, [i, `r${i}`]);
      codec.addRow(batch, [i, `r${i}`]);
    }
    codec.addRow(batch, [42, 'r42'], -1);
    const merged = Checksum.from({ a: 0, b: 0, count: 0 });
    merged.merge(batch);
    expect(merged.state()).toEqual(whole.state());
  });
});
