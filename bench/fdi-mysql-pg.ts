// FDI bench, MariaDB → PostgreSQL (the local servers): ROUNDS pairs of `psql \copy` of the rows
// (the baseline, from a CSV written beforehand) and an FDI run of the same rows into a new table,
// each pair measured back to back so both see the same machine load. Skipped when a server is down.
// `node --import tsx bench/fdi-mysql-pg.ts` runs these rounds alone on a fresh roma-local
// (BENCH_FDI_ROWS, 1M; BENCH_FDI_PG_ROUNDS, 2).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { median } from './load';
import { api, fmt, load, makeTask, ROW, rssLine, runWatched, startServer, stop, type Api, type Server } from './fdi-server';

export async function mariaToPg(a: Api, s: Server, rows: number, rounds: number): Promise<void> {
  const db = `fdi_bench_${process.pid}`;
  let my: mysql.Connection;
  let admin: pg.Client;
  try {
    my = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '', connectTimeout: 3000 });
    admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres', connectionTimeoutMillis: 3000 });
    await admin.connect();
  } catch (err) {
    console.log(`MariaDB → PostgreSQL skipped: ${(err as Error).message}`);
    return;
  }
  const csv = path.join(os.tmpdir(), `${db}.csv`);
  const psql = (c: string): void => { execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-q', '-c', c]); };
  try {
    await my.query(`CREATE DATABASE ${db}`);
    await my.query(`USE ${db}`);
    await my.query('CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(64) NOT NULL, amount DECIMAL(10,2) NOT NULL, ts DATETIME NOT NULL)');
    for (let i = 1; i <= rows; i += 10_000) {
      const batch = [];
      for (let j = i; j < i + 10_000 && j <= rows; j++) batch.push(ROW(j));
      await my.query('INSERT INTO orders VALUES ?', [batch]);
    }
    await admin.query(`CREATE DATABASE ${db}`);
    const w = fs.createWriteStream(csv);
    for (let i = 1; i <= rows; i += 10_000) {
      let chunk = '';
      for (let j = i; j < i + 10_000 && j <= rows; j++) chunk += `${ROW(j).join(',')}\n`;
      if (!w.write(chunk)) await new Promise<void>((r) => { w.once('drain', () => r()); });
    }
    await new Promise<void>((r) => { w.end(() => r()); });
    const src = { datasource_type: 'MYSQL', content: { mode: 'default', host: '127.0.0.1', port: '3306', database_name: db, user_name: 'root', password: '' } };
    const dst = { datasource_type: 'POSTGRESQL', content: { mode: 'default', host: '127.0.0.1', port: '5432', database_name: db, user_name: 'postgres', password: 'x' } };
    const ratio: number[] = [];
    const wholeRatio: number[] = [];
    for (let i = 0; i < rounds; i++) {
      psql(`CREATE TABLE copy_${i} (id integer PRIMARY KEY, customer varchar(64) NOT NULL, amount numeric(10,2) NOT NULL, ts timestamp(6) NOT NULL)`);
      const t0 = performance.now();
      psql(`\\copy copy_${i} FROM '${csv}' CSV`);
      const copyRate = rows / ((performance.now() - t0) / 1000);
      const t = await makeTask(a, `maria-to-pg-${i}`, src, dst, 'orders', `public.orders_${i}`, 10_000);
      const r = await runWatched(a, s, t);
      if (r.log.execute_status !== 'SUCCESS') throw new Error(`MariaDB → PostgreSQL run: ${r.log.execute_status} ${r.log.remarks}`);
      const copyS = (r.log.read_spend_time + r.log.write_spend_time) / 1000;
      const rate = r.log.data_count / copyS;
      ratio.push(rate / copyRate);
      wholeRatio.push(r.log.data_count / r.wallS / copyRate);
      console.log(`  round ${i + 1}: psql \\copy ${fmt(copyRate)} rows/s; FDI copy ${fmt(rate)} rows/s (read wait ${(r.log.read_spend_time / 1000).toFixed(2)} s + write ${(r.log.write_spend_time / 1000).toFixed(2)} s), whole run ${r.wallS.toFixed(2)} s incl. count and integrity check → ${(rate / copyRate).toFixed(2)}× (whole run ${(r.log.data_count / r.wallS / copyRate).toFixed(2)}×)`);
      console.log(`           roma-local CPU ${fmt(r.cpuMs * 100_000 / r.log.data_count)} ms per 100k rows (whole run); API GET monitor-logs p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms over ${r.probes} probes; ${rssLine(r.rss)}; load ${load()}; ${r.log.remarks}`);
    }
    console.log(`MariaDB → PostgreSQL  copy / psql \\copy: median ${median(ratio).toFixed(2)}× (whole run ${median(wholeRatio).toFixed(2)}×) over ${rounds} paired rounds; target ≥ 0.7×`);
  } finally {
    fs.rmSync(csv, { force: true });
    await my.query(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await my.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-pg-bench-'));
  const s = await startServer(dataDir);
  try {
    await mariaToPg(await api(s.url), s, Number(process.env.BENCH_FDI_ROWS ?? 1_000_000), Number(process.env.BENCH_FDI_PG_ROUNDS ?? 2));
  } finally {
    await stop(s);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
