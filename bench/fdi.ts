// FDI bench (figures, not assertions), every baseline measured in the same run:
//  1. 1M rows SQLite → SQLite through a roma-local process vs a raw prepared-insert of the same rows;
//  2. 1M rows MariaDB → PostgreSQL vs `psql \copy` of the same rows (fdi-mysql-pg.ts; skipped when a server is down);
//  3. during every run: API latency (GET monitor-logs, one in flight), the server's RSS, its CPU time per 100k rows;
//  4. kill -9 in the middle of a 1M-row run, restart: the run resumes, target = source (count + checksum).
// Knobs: BENCH_FDI_ROWS (1M), BENCH_FDI_ROUNDS (3), BENCH_FDI_PG_ROUNDS (= rounds; 0 skips MariaDB → PostgreSQL).
// `npm run bench` calls benchFdi(); `node --import tsx bench/fdi.ts` runs it alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { median } from './load';
import { mariaToPg } from './fdi-mysql-pg';
import { api, fmt, load, makeTask, ROW, rssLine, runWatched, startServer, stop, type Server } from './fdi-server';

const ROWS = Number(process.env.BENCH_FDI_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_FDI_ROUNDS ?? 3);
const PG_ROUNDS = Number(process.env.BENCH_FDI_PG_ROUNDS ?? ROUNDS);
const DDL = 'CREATE TABLE orders (id INTEGER PRIMARY KEY, customer VARCHAR(64) NOT NULL, amount DECIMAL(10,2) NOT NULL, ts DATETIME NOT NULL)';

function makeSqliteSource(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(DDL);
  const ins = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
  db.transaction(() => { for (let i = 1; i <= ROWS; i++) ins.run(...ROW(i)); })();
  db.close();
}

/** Baseline: the same rows inserted by a bare prepared statement in batches of 5000 per transaction (WAL); rows/s and CPU ms. */
function rawSqliteInsert(file: string): { rate: number; cpuMs: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(DDL);
  const ins = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
  const batch = db.transaction((from: number) => { for (let i = from; i < from + 5000 && i <= ROWS; i++) ins.run(...ROW(i)); });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 1; i <= ROWS; i += 5000) batch(i);
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  db.close();
  return { rate: ROWS / s, cpuMs: (c.user + c.system) / 1000 };
}

const sig = (file: string): string => {
  const db = new Database(file, { readonly: true });
  const r = db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS k, SUM(id) AS ids, TOTAL(amount) AS amt, SUM(LENGTH(customer)) AS len FROM orders').get();
  db.close();
  return JSON.stringify(r);
};

export async function benchFdi(): Promise<void> {
  console.log(`\n## FDI (${fmt(ROWS)} rows, ${ROUNDS} rounds for SQLite, ${PG_ROUNDS} for MariaDB → PostgreSQL; node ${process.version}, ${os.cpus().length} cores; load ${load()})`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-bench-'));
  const fdi = path.join(dataDir, 'fdi');
  fs.mkdirSync(fdi, { recursive: true });
  const servers: Server[] = [];
  try {
    makeSqliteSource(path.join(fdi, 'src.db'));
    const srcSig = sig(path.join(fdi, 'src.db'));
    let s = await startServer(dataDir);
    servers.push(s);
    let a = await api(s.url);

    // ---- 1. SQLite → SQLite ----
    const fdiRate: number[] = [];
    const wallRate: number[] = [];
    const rawRate: number[] = [];
    const ratio: number[] = [];
    const p99s: number[] = [];
    const p50s: number[] = [];
    const cpu: number[] = [];
    const rawCpu: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      fs.rmSync(path.join(dataDir, `raw-${i}.db`), { force: true });
      const raw = rawSqliteInsert(path.join(dataDir, `raw-${i}.db`));
      rawRate.push(raw.rate);
      rawCpu.push(raw.cpuMs * 100_000 / ROWS);
      const t = await makeTask(a, `sqlite-${i}`, { datasource_type: 'SQLITE', content: { database_name: 'src.db' } }, { datasource_type: 'SQLITE', content: { database_name: `dst-${i}.db` } }, 'orders', 'orders');
      const r = await runWatched(a, s, t);
      if (r.log.execute_status !== 'SUCCESS') throw new Error(`SQLite run failed: ${r.log.remarks}`);
      const copyS = (r.log.read_spend_time + r.log.write_spend_time) / 1000;
      fdiRate.push(r.log.data_count / copyS);
      wallRate.push(r.log.data_count / r.wallS);
      ratio.push(r.log.data_count / copyS / raw.rate);
      p99s.push(r.p99);
      p50s.push(r.p50);
      cpu.push(r.cpuMs * 100_000 / r.log.data_count);
      const same = sig(path.join(fdi, `dst-${i}.db`)) === srcSig;
      console.log(`  round ${i + 1}: ${fmt(r.log.data_count)} rows, copy ${copyS.toFixed(2)} s = ${fmt(r.log.data_count / copyS)} rows/s (read ${(r.log.read_spend_time / 1000).toFixed(2)} s + convert/write ${(r.log.write_spend_time / 1000).toFixed(2)} s), whole run ${r.wallS.toFixed(2)} s incl. count and integrity check; raw ${fmt(raw.rate)} rows/s → ${ratio[i]!.toFixed(2)}×; target = source: ${same}`);
      console.log(`           roma-local CPU ${fmt(cpu[i]!)} ms per 100k rows (whole run; raw insert ${fmt(rawCpu[i]!)}); API GET monitor-logs p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms over ${r.probes} probes; ${rssLine(r.rss)}; load ${load()}`);
    }
    const fm = median(fdiRate);
    console.log(`SQLite → SQLite   copy ${fmt(fm)} rows/s (read + convert + write time), whole run ${fmt(median(wallRate))} rows/s (incl. start, count, integrity check); target ≥ 300,000 rows/s`);
    console.log(`                  raw insert of the same rows ${fmt(median(rawRate))} rows/s → median paired ratio ${median(ratio).toFixed(2)}× (target ≥ 0.5×)`);
    console.log(`                  roma-local CPU ${fmt(median(cpu))} ms per 100k rows for the whole run (raw insert ${fmt(median(rawCpu))}); API p50 ${median(p50s).toFixed(1)} ms, p99 ${median(p99s).toFixed(1)} ms (target < 50 ms)`);

    // ---- 4. kill -9 mid-run, restart, resume ----
    {
      const t = await makeTask(a, 'kill-resume', { datasource_type: 'SQLITE', content: { database_name: 'src.db' } }, { datasource_type: 'SQLITE', content: { database_name: 'dst-kill.db' } }, 'orders', 'orders');
      const r = await runWatched(a, s, t, (l) => l.execute_status === 'RUNNING' && l.data_count >= ROWS * 0.3);
      const at = r.log.data_count;
      await stop(s, 'SIGKILL');
      const t0 = performance.now();
      s = await startServer(dataDir);
      servers.push(s);
      a = await api(s.url);
      let log;
      for (;;) {
        log = (await a.req('GET', `/tasks/${t}/monitor-logs?offset=1&limit=1`)).body.entities[0];
        if (['SUCCESS', 'ERROR', 'CANCELLED'].includes(log.execute_status)) break;
        await new Promise((res2) => setTimeout(res2, 50));
      }
      const resumed = log.detail_logs.some((d: { status: number }) => d.status === 108) && log.detail_logs.some((d: { status: number }) => d.status === 507);
      const same = sig(path.join(fdi, 'dst-kill.db')) === srcSig;
      const negative = log.detail_logs.filter((d: { spend_time: number }) => d.spend_time < 0).length;
      console.log(`kill -9 at ${fmt(at)} rows → restart → ${log.execute_status} in ${((performance.now() - t0) / 1000).toFixed(1)} s, resumed (108/507): ${resumed}, data_count ${fmt(log.data_count)}, target = source (count + checksum): ${same}, steps with negative spend_time: ${negative}; ${log.remarks}`);
    }

    // ---- 2. MariaDB → PostgreSQL ----
    if (PG_ROUNDS > 0) await mariaToPg(a, s, ROWS, PG_ROUNDS);
  } finally {
    for (const x of servers) await stop(x).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchFdi().catch((err: unknown) => { console.error(err); process.exit(1); });
}
