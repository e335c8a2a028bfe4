// Binary COPY against the machine's real PostgreSQL: rows with every type pg-binary.ts encodes (edge
// values, NULLs, parts past 64 KB) read back exactly as the text COPY of the same rows gives them,
// through the direct COPY and the staging upsert; rows the server refuses come back as the same
// failed rows with the same reasons. Skipped when PostgreSQL is down (not in CI).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryChunks } from '../../src/roma-local/fdi/connectors/pg-binary';
import { copyEncoders } from '../../src/roma-local/fdi/connectors/pg-copy';
import { PostgresConnector } from '../../src/roma-local/fdi/connectors/postgres';
import type { Row } from '../../src/roma-local/fdi/connectors/types';

const DB = `fdi_pb_${randomBytes(4).toString('hex')}`;
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const admin = new pg.Client({ ...PG, database: 'postgres', connectionTimeoutMillis: 3000 });
const up = await admin.connect().then(() => true, () => false);
const skip = !up && process.env.CI !== 'true';

afterAll(async () => {
  if (up) await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
});

const COLS = `id integer PRIMARY KEY, s smallint, b bigint, r real, d double precision, ok boolean, t text, vc varchar(10),
  ch char(5), by bytea, n numeric, n2 numeric(10,2), dt date, ts timestamp(6), tz timestamptz, j json, jb jsonb, u uuid`;
const NAMES = ['id', 's', 'b', 'r', 'd', 'ok', 't', 'vc', 'ch', 'by', 'n', 'n2', 'dt', 'ts', 'tz', 'j', 'jb', 'u'];

const edge: Row[] = [
  [1, 0, '0', 0, 0, false, '', '', '', Buffer.alloc(0), '0', '0.00', '2000-01-01', '2000-01-01 00:00:00', '2000-01-01 00:00:00', '{}', '{}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
  [2, -32768, '9223372036854775807', 0.1, -0.1, true, 'tab\there new\nline back\\slash \\N', 'αβγδεζηθικ', 'ab', Buffer.from([0, 1, 254, 255]), '-0.5', '-0.005', '1970-01-01', '1999-12-31 23:59:59.999999', '2024-02-29 23:59:59.5', '{"a": [1, 2.50]}', '{"b":1,"a":"x"}', 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'],
  [3, 32767, '-9223372036854775808', 3.4e38, 1.7976931348623157e308, false, '客户 😀 emoji', 'x', '字字字字字', Buffer.from('bytes'), '123456789.123456789', '12.345', '0001-01-01', '0001-01-01 00:00:00', '1900-03-01 12:00:00.000001', '[1,"x",null]', '[1, {"k": [true]}]', '00000000-0000-0000-0000-000000000000'],
  [4, 7, 2 ** 53, -1e-30, 5e-324, true, 'x', 'y', 'z', Buffer.from('z'), '1e-20', '99999999.99', '9999-12-31', '9999-12-31 23:59:59.999999', '2262-04-11 23:47:16.854775', '"s"', 'null', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  [5, -1, -5, 1.5, 2 ** 60, false, 'y', 'z', 'w', Buffer.from('w'), '99999999999999999999999999999999999999.0000000000001', 1.5, '1600-02-29', '1677-09-21 00:12:43.145224', '1969-12-31 23:59:59.999999', '1', '1.5', 'abcdefab-cdef-abcd-efab-cdefabcdefab'],
  [6, 1, '1', 1, 1, true, 'z', 'z', 'z', Buffer.from('z'), '10000', -123, '2024-02-29', '2024-02-29 00:00:00.1', '2000-02-29 00:00:00', 'true', 'false', '12345678-1234-1234-1234-123456789abc'],
  [7, 2, '2', 2, 2, true, 'z', 'z', 'z', Buffer.from('z'), '-0.0001', '-0.01', '2000-01-02', '2000-01-01 00:00:00.000001', '2000-01-01 00:00:00', '{}', '{}', '12345678-1234-1234-1234-123456789abc'],
  [8, 3, '3', 3, 3, true, 'z', 'z', 'z', Buffer.from('z'), '12345.6789e3', '0.1', '1999-12-31', '1999-12-31 23:59:59', '2000-01-01 00:00:00', '{}', '{}', '12345678-1234-1234-1234-123456789abc'],
  [9, 4, '4', 4, 4, true, 'z', 'z', 'z', Buffer.from('z'), '1e+30', '-99999999.99', '2000-01-01', '2000-01-01 00:00:00', '2000-01-01 00:00:00', '{}', '{}', '12345678-1234-1234-1234-123456789abc'],
  [10, 5, '5', 5, 5, true, 'z', 'z', 'z', Buffer.from('z'), '000123.4500', '000.5', '2000-01-01', '2000-01-01 00:00:00', '2000-01-01 00:00:00', '{}', '{}', '12345678-1234-1234-1234-123456789abc'],
  [11, ...NAMES.slice(1).map(() => null)],
  ...['-0.000', '+5', '-.5', '5.', ' 7 ', '1.5E3', '-2.5e-3', '100000000', '0.00010000', '9999.9999', '-10000.0001', 1e-7, 1e21].map((n, i): Row =>
    [20 + i, null, null, null, null, null, null, null, null, null, n, typeof n === 'string' && n.length < 9 ? n : null, null, null, null, null, null, null]),
];
// parts past 64 KB, every value of a row in one part
const bulk: Row[] = Array.from({ length: 3000 }, (_, i) => [
  100 + i, i % 100, String(i * 1_000_003), i / 7, i / 3, i % 2 === 0, `row-${i}-${'é'.repeat(i % 40)}`, `v${i % 1000}`, 'c', Buffer.alloc(i % 50, i % 256),
  `${i}.${i % 97}`, `${i % 1000}.${i % 100}`, `20${String(i % 30).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
  `2024-01-01 00:00:${String(i % 60).padStart(2, '0')}.${i}`, `2024-06-30 12:34:56.${i % 10}`, `{"i": ${i}}`, `{"i": ${i}, "s": "${i}"}`, `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
]);
// refused by the server (numeric(10,2) overflow, varchar(10) too long) or by the encoder and then the server
const bad: Row[] = [
  [9001, 1, '1', 1, 1, true, 'x', 'x', 'x', null, '1', '123456789012', null, null, null, null, null, null],
  [9002, 1, '1', 1, 1, true, 'x', 'x'.repeat(11), 'x', null, '1', '1', null, null, null, null, null, null],
  [9003, 70000, '1', 1, 1, true, 'x', 'x', 'x', null, '1', '1', null, null, null, null, null, null],
  [9004, 1, '1', 1, 1, true, 'x', 'x', 'x', null, '1', '1', '2024-02-30', null, null, null, null, null],
  [9005, 1, '1', 1, 1, true, 'x', 'x', 'x', null, '1', '1', null, null, null, '{bad', null, null],
];

describe.skipIf(skip)('PostgreSQL binary COPY', () => {
  it('reads back every encoded type as the text COPY gives it, through the direct COPY and the staging upsert; refused rows alike', async () => {
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.query(`ALTER DATABASE ${DB} SET timezone TO 'UTC'`); // timestamptz goes binary only in a UTC session
    const check = new pg.Client({ ...PG, database: DB });
    await check.connect();
    const addr = { host: PG.host, port: PG.port, user: PG.user, password: 'x', database: DB, params: {} };
    const bin = new PostgresConnector(addr);
    const txt = new PostgresConnector(addr);
    const written: Record<string, unknown> = {};
    try {
      for (const t of ['tb', 'tt']) await check.query(`CREATE TABLE ${t} (${COLS})`);
      const encs = await copyEncoders(check, '"public"."tb"', NAMES);
      expect(encs).not.toBeNull(); // the binary path is the one taken, and no good row is left to the row-by-row path
      expect(Buffer.concat([...binaryChunks([...edge, ...bulk], encs!)]).length).toBeGreaterThan(65536);
      const cols = await bin.columns('public.tb');
      for (const [conn, table, mode] of [[bin, 'public.tb', 'binary'], [txt, 'public.tt', 'text']] as const) {
        if (mode === 'text') process.env.ROMA_FDI_PG_COPY = 'text';
        try {
          const direct = await conn.write(table, cols, [...edge, ...bulk], ['id']); // fresh keys: COPY straight in
          const upsert = await conn.write(table, cols, [...edge.slice(0, 3), ...bulk.slice(0, 500)], ['id']); // keys exist: staging + upsert
          const refused = await conn.write(table, cols, bad, ['id']);
          written[mode] = { direct, upsert, refused: { ...refused, failed: refused.failed.map((f) => ({ ...f, reason: f.reason.replace(/"tt"/g, '"tb"') })) } };
        } finally {
          delete process.env.ROMA_FDI_PG_COPY;
        }
      }
      expect(written.binary).toEqual(written.text);
      expect((written.binary as { refused: { failed: unknown[] } }).refused.failed.length).toBe(5);
      const dump = async (t: string): Promise<unknown[]> => (await check.query(`SELECT row_to_json(x)::text AS j FROM ${t} x ORDER BY id`)).rows.map((r) => r.j);
      const [b, t] = [await dump('tb'), await dump('tt')];
      expect(b.length).toBe(edge.length + bulk.length);
      expect(b).toEqual(t);
      const some = (await check.query("SELECT n::text, n2::text, ts::text, by FROM tb WHERE id IN (2, 3, 4) ORDER BY id")).rows;
      expect(some).toEqual([
        { n: '-0.5', n2: '-0.01', ts: '1999-12-31 23:59:59.999999', by: Buffer.from([0, 1, 254, 255]) },
        { n: '123456789.123456789', n2: '12.35', ts: '0001-01-01 00:00:00', by: Buffer.from('bytes') },
        { n: '0.00000000000000000001', n2: '99999999.99', ts: '9999-12-31 23:59:59.999999', by: Buffer.from('z') },
      ]);
    } finally {
      await check.end();
      await bin.close();
      await txt.close();
    }
  }, 60_000);
});
