// FDI stage split, MariaDB → PostgreSQL (a developer tool, not part of `npm run bench`): the same
// BENCH_FDI_ROWS rows through each stage alone — MariaDB keyset read, conversion + checksum, COPY into
// PostgreSQL — with wall and CPU time of each, against `psql \copy` of the same rows measured in between.
// Run with --max-semi-space-size=32 to match the worker's young generation. Databases fdi_split_<pid>, dropped after.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { Checksum, RowCodec } from '../src/roma-local/fdi/connectors/checksum';
import { MysqlConnector } from '../src/roma-local/fdi/connectors/mysql';
import { PostgresConnector } from '../src/roma-local/fdi/connectors/postgres';
import type { Row, Value } from '../src/roma-local/fdi/connectors/types';

const ROWS = Number(process.env.BENCH_FDI_ROWS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_FDI_BATCH ?? 10_000);
const ROW = (i: number): [number, string, number, string] => [i, `customer-${i % 5000}-${i}`, (i * 7919 % 100000) / 100, `2025-01-01 00:00:${String(i % 60).padStart(2, '0')}`];
const db = `fdi_split_${process.pid}`;
const csv = path.join(os.tmpdir(), `${db}.csv`);
const my = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' });
const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
await admin.connect();
const timed = async <T>(what: string, f: () => Promise<T>): Promise<[T, number]> => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await f();
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  console.log(`${what.padEnd(28)} ${s.toFixed(2)} s wall, ${Math.round(ROWS / s)} rows/s, node CPU ${((c.user + c.system) / ROWS).toFixed(2)} µs/row`);
  return [r, s];
};
try {
  await my.query(`CREATE DATABASE ${db}`);
  await my.query(`USE ${db}`);
  await my.query('CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(64) NOT NULL, amount DECIMAL(10,2) NOT NULL, ts DATETIME NOT NULL)');
  for (let i = 1; i <= ROWS; i += 10_000) {
    const rows = [];
    for (let j = i; j < i + 10_000 && j <= ROWS; j++) rows.push(ROW(j));
    await my.query('INSERT INTO orders VALUES ?', [rows]);
  }
  await admin.query(`CREATE DATABASE ${db}`);
  const psql = (c: string): void => { execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-q', '-c', c]); };
  const ddl = (t: string): void => psql(`CREATE TABLE ${t} (id integer PRIMARY KEY, customer varchar(64) NOT NULL, amount numeric(10,2) NOT NULL, ts timestamp(6) NOT NULL)`);
  fs.writeFileSync(csv, Array.from({ length: ROWS }, (_, k) => ROW(k + 1).join(',')).join('\n') + '\n');
  const src = new MysqlConnector({ host: '127.0.0.1', port: 3306, user: 'root', password: '', database: db, params: {} });
  const dst = new PostgresConnector({ host: '127.0.0.1', port: 5432, user: 'postgres', password: 'x', database: db, params: {} });
  const cols = await src.columns('orders');
  const names = cols.map((c) => c.name);
  ddl('copy_a');
  await timed('psql \\copy', async () => psql(`\\copy copy_a FROM '${csv}' CSV`));
  const [batches] = await timed('MariaDB read (keyset)', async () => {
    const out: Row[][] = [];
    let after: Value[] | null = null;
    for (;;) {
      const rows = await src.read({ table: 'orders', columns: names, key: ['id'], after, where: null, limit: BATCH });
      if (!rows.length) break;
      out.push(rows);
      after = [rows[rows.length - 1]![0]!];
      if (rows.length < BATCH) break;
    }
    return out;
  });
  const tcols = cols.map((c) => ({ ...c, type: c.type.replace(/^int\(\d+\)/, 'integer') }));
  const codec = new RowCodec(tcols, 'postgres');
  const [conv] = await timed('conversion + checksum', async () => {
    const sum = new Checksum();
    return batches.map((b) => b.map((r) => { const t = codec.toTarget(r); codec.addRow(sum, t); return t; }));
  });
  ddl('copy_b');
  await timed('COPY (connector write)', async () => { for (const b of conv) await dst.write('public.copy_b', tcols, b, ['id']); await dst.durable(); });
  ddl('copy_c');
  await timed('psql \\copy again', async () => psql(`\\copy copy_c FROM '${csv}' CSV`));
  await src.close();
  await dst.close();
} finally {
  fs.rmSync(csv, { force: true });
  await my.query(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
  await my.end();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
