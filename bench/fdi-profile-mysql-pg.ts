// FDI engine profile, MariaDB → PostgreSQL (a developer tool, not part of `npm run bench`): one run of
// BENCH_FDI_ROWS rows in this process against the local servers, with its read / write times, CPU
// time per 100k rows, and `psql \copy` of the same rows as the baseline. Databases fdi_prof_<pid>, dropped after.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { openDb } from '../src/roma-local/db/open';
import { executeRun } from '../src/roma-local/fdi/engine/run';
import { RunStore } from '../src/roma-local/fdi/runs';

const ROWS = Number(process.env.BENCH_FDI_ROWS ?? 200_000);
const BATCH = Number(process.env.BENCH_FDI_BATCH ?? 10_000);
const ROW = (i: number): [number, string, number, string] => [i, `customer-${i % 5000}-${i}`, (i * 7919 % 100000) / 100, `2025-01-01 00:00:${String(i % 60).padStart(2, '0')}`];
const db = `fdi_prof_${process.pid}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-prof-'));
const csv = path.join(dir, 'rows.csv');
const my = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' });
const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
await admin.connect();
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
  psql('CREATE TABLE orders_copy (id integer PRIMARY KEY, customer varchar(64) NOT NULL, amount numeric(10,2) NOT NULL, ts timestamp NOT NULL)');
  fs.writeFileSync(csv, Array.from({ length: ROWS }, (_, k) => ROW(k + 1).join(',')).join('\n') + '\n');
  const p0 = performance.now();
  psql(`\\copy orders_copy FROM '${csv}' CSV`);
  const copyRate = ROWS / ((performance.now() - p0) / 1000);

  const rdb = openDb(dir);
  rdb.pragma('foreign_keys = OFF');
  const now = Date.now();
  const ds = rdb.prepare("INSERT INTO fdi_datasources (id, instance_id, name, type, app_id, content, create_time, update_time, seq) VALUES (?, 'i', ?, ?, 'a', ?, ?, ?, ?)");
  ds.run('s', 's', 'MYSQL', JSON.stringify({ mode: 'default', host: '127.0.0.1', port: '3306', database_name: db, user_name: 'root', password: '' }), now, now, 1);
  ds.run('d', 'd', 'POSTGRESQL', JSON.stringify({ mode: 'default', host: '127.0.0.1', port: '5432', database_name: db, user_name: 'postgres', password: 'x' }), now, now, 2);
  rdb.prepare("INSERT INTO fdi_tasks (id, instance_id, name, type, source_ds, target_ds, detail, create_time, update_time, seq) VALUES ('t', 'i', 't', 'TIMING', 's', 'd', ?, ?, ?, 1)")
    .run(JSON.stringify({ sourceSelectedDatasource: { sourceTable: 'orders', batchSize: BATCH }, targetSelectedDatasource: { targetTable: 'public.orders', targetNeedCreateTable: true }, mappingTable: [] }), now, now);
  const runs = new RunStore(rdb, Date.now);
  const run = runs.create('t', 'manual', 'full', 'WAITING', 900);
  // FDI_PROFILE=file.cpuprofile: a CPU profile of the run alone
  const session = process.env.FDI_PROFILE ? new Session() : null;
  if (session) { session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start'); }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await executeRun({ db: rdb, dataDir: dir, cancelled: () => false }, run.id);
  const c = process.cpuUsage(c0);
  if (session) fs.writeFileSync(process.env.FDI_PROFILE!, JSON.stringify((await session.post('Profiler.stop')).profile));
  const wall = (performance.now() - t0) / 1000;
  const log = runs.get(run.id)!;
  const copyS = (log.read_ms + log.write_ms) / 1000;
  console.log(`${log.execute_status} ${log.data_count} rows, ${log.remarks}`);
  console.log(`engine: copy ${Math.round(ROWS / copyS)} rows/s (read wait ${log.read_ms} ms, write ${log.write_ms} ms), whole run ${wall.toFixed(2)} s = ${Math.round(ROWS / wall)} rows/s, CPU of this process ${((c.user + c.system) / 1000 * 100_000 / ROWS).toFixed(0)} ms per 100k rows`);
  console.log(`psql \\copy: ${Math.round(copyRate)} rows/s → ratio ${((ROWS / copyS) / copyRate).toFixed(2)}× (whole run ${((ROWS / wall) / copyRate).toFixed(2)}×); load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  rdb.close();
} finally {
  await my.query(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
  await my.end();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
