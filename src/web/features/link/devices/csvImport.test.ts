import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvTemplate, decodeUtf8, parseCsv, runImport, validateCsv } from './csvImport';

const H = CSV_HEADER.join(',');
const products = new Set(['7']);

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, embedded commas and newlines, CRLF and blank lines', () => {
    const rows = parseCsv('a,b\r\n"x, y","he said ""hi"""\n\n"multi\nline",z\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'he said "hi"'] },
      { line: 4, cells: ['multi\nline', 'z'] },
    ]);
  });
});

describe('decodeUtf8', () => {
  it('drops the BOM and refuses bytes that are not UTF-8', () => {
    const bom = new TextEncoder().encode('\uFEFFdevice_name');
    expect(decodeUtf8(bom.buffer)).toBe('device_name');
    expect(decodeUtf8(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]).buffer)).toBeUndefined(); // "你好" in GBK
  });
});

describe('validateCsv', () => {
  it('accepts the template and builds the create body', () => {
    const { file, rows } = validateCsv(decodeUtf8(new TextEncoder().encode(csvTemplate('7')).buffer)!, products);
    expect(file).toBeUndefined();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toEqual({
      device_name: 'sensor-001',
      node_id: 'aa-bb-cc-001',
      product: { product_id: 7 },
      status: 0,
      description: 'Hall 1 sensor',
      tags: ['hall1', 'temperature'],
    });
  });
  it('refuses a file whose header differs (nothing is created)', () => {
    expect(validateCsv('name,node\nx,y\n', products).file).toEqual({ kind: 'header', got: 'name,node' });
    expect(validateCsv(`${H}\n`, products).file).toEqual({ kind: 'empty' });
  });
  it('reports each bad row with its line and rule, and in-file duplicates on the later line', () => {
    const csv = [
      H,
      'ok-1,node-1,7,,,0,,',
      'x,node-2,7,,,0,,', // name too short
      'ok-3,node 3,7,,,0,,', // space in node id
      'ok-4,node-4,9,,,0,,', // unknown product
      'ok-5,node-5,7,short,weak,2,,', // user name, password, status
      'ok-1,node-1,7,,,0,,', // duplicates of line 2
      'ok-7,node-7,7,,,0', // missing columns
    ].join('\n');
    const { rows } = validateCsv(csv, products);
    const byLine = Object.fromEntries(rows.map((r) => [r.line, r.problems.map((p) => `${p.field}:${p.rule}`)]));
    expect(byLine).toEqual({
      2: [],
      3: ['device_name:invalid'],
      4: ['node_id:invalid'],
      5: ['product_id:unknownProduct'],
      6: ['user_name:invalid', 'password:invalid', 'status:invalid'],
      7: ['device_name:duplicate', 'node_id:duplicate'],
      8: ['row:columns'],
    });
    expect(rows.filter((r) => r.body).map((r) => r.line)).toEqual([2]);
  });
});

describe('runImport', () => {
  it('creates only valid rows, never more than the limit at once, one outcome per row in file order', async () => {
    const { rows } = validateCsv([H, 'a-1,n1,7,,,0,,', 'bad,n 2,7,,,0,,', 'a-3,n3,7,,,0,,', 'a-4,n4,7,,,0,,', 'a-5,n5,7,,,0,,'].join('\n'), products);
    let inFlight = 0;
    let peak = 0;
    const progress: number[] = [];
    const out = await runImport(
      rows,
      async (r) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((res) => setTimeout(res, 5));
        inFlight--;
        if (r.name === 'a-4') throw new Error('RML.0203');
        return `id-${r.line}`;
      },
      (done) => progress.push(done),
      2,
    );
    expect(peak).toBe(2);
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(out.map((o) => [o.line, o.ok, o.id])).toEqual([
      [2, true, 'id-2'],
      [4, true, 'id-4'],
      [5, false, undefined],
      [6, true, 'id-6'],
    ]);
  });
});
