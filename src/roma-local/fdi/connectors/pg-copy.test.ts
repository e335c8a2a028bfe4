// The byte-by-byte COPY encoder must give exactly the text of the plain per-value rule (copyText
// joined by tabs and newlines) for every value shape, across chunk boundaries.
import { describe, expect, it } from 'vitest';
import { copyChunks, copyText } from './pg-copy';
import type { Row, Value } from './types';

const plain = (rows: Row[]): string => rows.map((r) => `${r.map((v) => copyText(v ?? null)).join('\t')}\n`).join('');
const encoded = (rows: Row[]): string => Buffer.concat([...copyChunks(rows)]).toString('utf8');

const values: Value[] = [
  null, 0, -0, 7, -7, 10, 99, 100, -2147483648, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1.5, -0.25, 1e-7, 1e21, NaN, Infinity,
  10n ** 20n, -5n, true, false, '', 'plain ascii', 'tab\there', 'new\nline', 'cr\rhere', 'back\\slash', '\\N', 'ctrl\u0001x', 'del\u007f',
  '客户-名字', 'mixed é and \\ and \t', '😀 emoji', Buffer.from([0, 1, 254, 255]), Buffer.alloc(0),
];

describe('copyChunks', () => {
  it('encodes every value shape as copyText does', () => {
    const rows: Row[] = values.map((v, i) => [i, v, 'x']);
    expect(encoded(rows)).toBe(plain(rows));
  });

  it('splits into parts of at most 64 KB without cutting a value, and keeps values longer than a part whole', () => {
    const long = '字'.repeat(30_000); // 90 KB of UTF-8
    const rows: Row[] = Array.from({ length: 2000 }, (_, i) => [i, `customer-${i}`, i % 7 === 0 ? long : 'short', (i * 7919) / 100, null]);
    const parts = [...copyChunks(rows)];
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(long.length * 3 + 2); // a part grows only to hold one long value
    expect(Buffer.concat(parts).toString('utf8')).toBe(plain(rows));
  });
});
