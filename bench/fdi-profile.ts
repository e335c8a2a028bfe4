// FDI engine profile (a developer tool, not part of `npm run bench`): one SQLite → SQLite run of
// BENCH_FDI_ROWS rows in this process (no worker, no HTTP), with the CPU time per 100k rows split
// into the run's read and write(+convert+checksum) times, and the raw insert baseline of the same rows.
// `node --import tsx bench/fdi-profile.ts`; add `--cpu-prof` to node for a profile.
// BENCH_FDI_PATH=bound: without the SQLite → SQLite fast path (every batch bound from JS), for a before/after.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../src/roma-local/db/open';
import { SqliteConnector } from '../src/roma-local/fdi/connectors/sqlite';
import { executeRun } from '../src/roma-local/fdi/engine/run';
import { RunStore } from '../src/roma-local/fdi/runs';

const ROWS = Number(process.env.BENCH_FDI_ROWS ?? 200_000);
const ROW = (i: number): [number, string, number, string] => [i, `customer-${i % 5000}-${i}`, (i * 7919 % 100000) / 100, `2025-01-01 00:00:${String(i % 60).padStart(2, '0')}`];
const DDL = 'CREATE TABLE orders (id INTEGER PRIMARY KEY, customer VARCHAR(64) NOT NULL, amount DECIMAL(10,2) NOT NULL, ts DATETIME NOT NULL)';

const PATH = process.env.BENCH_FDI_PATH === 'bound' ? 'bound' : 'attached';
if (PATH === 'bound') SqliteConnector.prototype.attachSource = () => null;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-prof-'));
try {
  fs.mkdirSync(path.join(dir, 'fdi'));
  const s = new Database(path.join(dir, 'fdi', 'src.db'));
  s.pragma('journal_mode = WAL');
  s.exec(DDL);
  const ins = s.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
  s.transaction(() => { for (let i = 1; i <= ROWS; i++) ins.run(...ROW(i)); })();
  s.close();

  // raw: the same rows read with .raw() and inserted by one prepared statement, 5000 per transaction
  const raw = (): { s: number; cpu: number } => {
    const f = path.join(dir, 'raw.db');
    fs.rmSync(f, { force: true });
    const src = new Database(path.join(dir, 'fdi', 'src.db'), { readonly: true });
    const d = new Database(f);
    d.pragma('journal_mode = WAL');
    d.pragma('synchronous = NORMAL');
    d.exec(DDL);
    const rd = src.prepare('SELECT id, customer, amount, ts FROM orders WHERE id > ? ORDER BY id LIMIT 5000').raw(true);
    const w = d.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
    const tx = d.transaction((rows: unknown[][]) => { for (const r of rows) w.run(r); });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let after = 0;
    for (;;) {
      const rows = rd.all(after) as unknown[][];
      if (!rows.length) break;
      tx(rows);
      after = rows[rows.length - 1]![0] as number;
    }
    const c = process.cpuUsage(c0);
    const out = { s: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1000 };
    src.close(); d.close();
    return out;
  };

  const db = openDb(dir);
  db.pragma('foreign_keys = OFF');
  const now = Date.now();
  const dsIns = db.prepare("INSERT INTO fdi_datasources (id, instance_id, name, type, app_id, content, create_time, update_time, seq) VALUES (?, 'i', ?, 'SQLITE', 'a', ?, ?, ?, ?)");
  dsIns.run('s', 's', JSON.stringify({ database_name: 'src.db' }), now, now, 1);
  dsIns.run('d', 'd', JSON.stringify({ database_name: 'dst.db' }), now, now, 2);
  const batch = Number(process.env.BENCH_FDI_BATCH ?? 5000);
  db.prepare("INSERT INTO fdi_tasks (id, instance_id, name, type, source_ds, target_ds, detail, create_time, update_time, seq) VALUES ('t', 'i', 't', 'TIMING', 's', 'd', ?, ?, ?, 1)")
    .run(JSON.stringify({ sourceSelectedDatasource: { sourceTable: 'orders', batchSize: batch }, targetSelectedDatasource: { targetTable: 'orders', targetNeedCreateTable: true }, mappingTable: [] }), now, now);
  const runs = new RunStore(db, Date.now);
  const run = runs.create('t', 'manual', 'full', 'WAITING', 900);

  const r = raw();
  // FDI_PROFILE=file.cpuprofile: a CPU profile of the run alone
  const session = process.env.FDI_PROFILE ? new Session() : null;
  if (session) { session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start'); }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await executeRun({ db, dataDir: dir, cancelled: () => false }, run.id);
  const c = process.cpuUsage(c0);
  if (session) fs.writeFileSync(process.env.FDI_PROFILE!, JSON.stringify((await session.post('Profiler.stop')).profile));
  const wall = (performance.now() - t0) / 1000;
  const log = runs.get(run.id)!;
  const copyS = (log.read_ms + log.write_ms) / 1000;
  const per100k = (ms: number): string => (ms * 100_000 / ROWS).toFixed(0);
  console.log(`${log.execute_status} ${log.data_count} rows, ${log.remarks}`);
  console.log(`engine (${PATH}): copy ${Math.round(ROWS / copyS)} rows/s (read ${log.read_ms} ms, write ${log.write_ms} ms), whole run ${wall.toFixed(2)} s, CPU ${per100k((c.user + c.system) / 1000)} ms per 100k rows (whole run)`);
  console.log(`raw:    ${Math.round(ROWS / r.s)} rows/s, CPU ${per100k(r.cpu)} ms per 100k rows → ratio ${((ROWS / copyS) / (ROWS / r.s)).toFixed(2)}×; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  db.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
