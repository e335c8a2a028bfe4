// FDI bench (figures, not assertions), every baseline measured in the same run:
//  1. 1M rows SQLite → SQLite through a roma-local process vs a raw prepared-insert of the same rows;
//  2. 1M rows MariaDB → PostgreSQL vs `psql \copy` of the same rows (skipped when a server is down);
//  3. memory (child RSS) and API p99 (GET monitor-logs) during the runs;
//  4. kill -9 in the middle of a 1M-row run, restart: the run resumes, target = source (count + checksum).
// `npm run bench` calls benchFdi(); `node --import tsx bench/fdi.ts` runs it alone.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { median } from './load';

const root = path.resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_FDI_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_FDI_ROUNDS ?? 3);
const PASSWORD = 'Bench-Fdi-Passw0rd!';

interface Server { url: string; child: ChildProcess; dataDir: string }
interface Api { req: (m: string, p: string, body?: unknown) => Promise<{ status: number; body: any }>; appId: string } // eslint-disable-line @typescript-eslint/no-explicit-any

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/roma-local/standalone.ts'], {
    cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ROMA_DATA_DIR: dataDir, ROMA_LOCAL_PORT: '0', ROMA_LOCAL_PASSWORD: PASSWORD, ROMA_LOCAL_MQTT_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0' },
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (b: Buffer) => {
      seen += b.toString();
      const m = /roma-local listening on (http:\/\/\S+)/.exec(seen);
      if (m) resolve({ url: m[1]!, child, dataDir });
    });
    child.once('exit', (code) => reject(new Error(`roma-local exited (${code}): ${seen}`)));
  });
}
const stop = async (s: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill(signal);
  await exited;
};

async function api(url: string): Promise<Api> {
  const tr = await fetch(`${url}/v3/auth/tokens?nocatalog=true`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'roma-local' }, name: 'admin', password: PASSWORD } } }, scope: { project: { name: 'cn-north-4' } } } }) });
  const token = tr.headers.get('x-subject-token')!;
  const pid = ((await tr.json()) as { token: { project: { id: string } } }).token.project.id;
  const h = { 'x-auth-token': token, 'content-type': 'application/json' };
  const inst = ((await (await fetch(`${url}/v2/${pid}/instances`, { headers: h })).json()) as { instances: { id: string }[] }).instances[0]!.id;
  const appId = ((await (await fetch(`${url}/v2/${pid}/instances/${inst}/apps`, { headers: h })).json()) as { apps: { id: string }[] }).apps[0]!.id;
  const base = `${url}/v2/${pid}/fdi/instances/${inst}`;
  return {
    appId,
    req: async (m, p, body) => {
      const r = await fetch(`${base}${p}`, { method: m, headers: body === undefined ? { 'x-auth-token': token } : h, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
  };
}

async function makeTask(a: Api, name: string, src: Record<string, unknown>, dst: Record<string, unknown>, table: string, target: string, batch = 5000): Promise<string> {
  const s = (await a.req('POST', '/datasources', { datasource_name: `${name}-src`, app_id: a.appId, ...src })).body.datasource_id;
  const d = (await a.req('POST', '/datasources', { datasource_name: `${name}-dst`, app_id: a.appId, ...dst })).body.datasource_id;
  const r = await a.req('POST', '/tasks', { task: { task_name: name, task_type: 'TIMING', source_datasource_id: s, target_datasource_id: d },
    task_detail: JSON.stringify({ sourceSelectedDatasource: { sourceTable: table, batchSize: batch }, targetSelectedDatasource: { targetTable: target, targetNeedCreateTable: true }, mappingTable: [] }) });
  if (r.status !== 201) throw new Error(`task: ${JSON.stringify(r.body)}`);
  return r.body.task.task_id as string;
}

const rss = (pid: number): number => {
  try { return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024; } catch { return 0; }
};

/** Run a task to its end while probing the API (1 request in flight) and the server's memory. */
async function runWatched(a: Api, s: Server, task: string, onProgress?: (log: any) => Promise<boolean>): Promise<{ log: any; wallS: number; p99: number; p50: number; maxRss: number; probes: number }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const lat: number[] = [];
  let maxRss = 0;
  let log;
  const t0 = performance.now();
  const r = await a.req('POST', `/tasks/${task}/run`);
  if (r.status !== 204) throw new Error(`run: ${JSON.stringify(r.body)}`);
  for (;;) {
    const q0 = performance.now();
    const res = await a.req('GET', `/tasks/${task}/monitor-logs?offset=1&limit=10`);
    lat.push(performance.now() - q0);
    maxRss = Math.max(maxRss, rss(s.child.pid!));
    log = res.body?.entities?.[0];
    if (log && ['SUCCESS', 'ERROR', 'CANCELLED'].includes(log.execute_status)) break;
    if (onProgress && log && (await onProgress(log))) return { log, wallS: (performance.now() - t0) / 1000, p99: NaN, p50: NaN, maxRss, probes: lat.length };
    await new Promise((res2) => setTimeout(res2, 20));
  }
  lat.sort((x, y) => x - y);
  const q = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  return { log, wallS: (performance.now() - t0) / 1000, p99: q(0.99), p50: q(0.5), maxRss, probes: lat.length };
}

const ROW = (i: number): [number, string, number, string] => [i, `customer-${i % 5000}-${i}`, (i * 7919 % 100000) / 100, `2025-01-01 00:00:${String(i % 60).padStart(2, '0')}`];

function makeSqliteSource(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, customer VARCHAR(64) NOT NULL, amount DECIMAL(10,2) NOT NULL, ts DATETIME NOT NULL)');
  const ins = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
  db.transaction(() => { for (let i = 1; i <= ROWS; i++) ins.run(...ROW(i)); })();
  db.close();
}

/** Baseline: the same rows inserted by a bare prepared statement in batches of 5000 per transaction (WAL). */
function rawSqliteInsert(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, customer VARCHAR(64) NOT NULL, amount DECIMAL(10,2) NOT NULL, ts DATETIME NOT NULL)');
  const ins = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
  const batch = db.transaction((from: number) => { for (let i = from; i < from + 5000 && i <= ROWS; i++) ins.run(...ROW(i)); });
  const t0 = performance.now();
  for (let i = 1; i <= ROWS; i += 5000) batch(i);
  const s = (performance.now() - t0) / 1000;
  db.close();
  return ROWS / s;
}

const sig = (file: string): string => {
  const db = new Database(file, { readonly: true });
  const r = db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS k, SUM(id) AS ids, TOTAL(amount) AS amt, SUM(LENGTH(customer)) AS len FROM orders').get();
  db.close();
  return JSON.stringify(r);
};

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

export async function benchFdi(): Promise<void> {
  console.log(`\n## FDI (${fmt(ROWS)} rows, ${ROUNDS} rounds for SQLite; node ${process.version}, ${os.cpus().length} cores)`);
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
    const p99s: number[] = [];
    const p50s: number[] = [];
    const rsss: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      fs.rmSync(path.join(dataDir, `raw-${i}.db`), { force: true });
      rawRate.push(rawSqliteInsert(path.join(dataDir, `raw-${i}.db`)));
      const t = await makeTask(a, `sqlite-${i}`, { datasource_type: 'SQLITE', content: { database_name: 'src.db' } }, { datasource_type: 'SQLITE', content: { database_name: `dst-${i}.db` } }, 'orders', 'orders');
      const r = await runWatched(a, s, t);
      if (r.log.execute_status !== 'SUCCESS') throw new Error(`SQLite run failed: ${r.log.remarks}`);
      const copyS = (r.log.read_spend_time + r.log.write_spend_time) / 1000;
      fdiRate.push(r.log.data_count / copyS);
      wallRate.push(r.log.data_count / r.wallS);
      p99s.push(r.p99);
      p50s.push(r.p50);
      rsss.push(r.maxRss);
      const same = sig(path.join(fdi, `dst-${i}.db`)) === srcSig;
      console.log(`  round ${i + 1}: ${fmt(r.log.data_count)} rows, run ${r.wallS.toFixed(2)} s incl. integrity check, copy ${copyS.toFixed(2)} s; raw ${fmt(rawRate[i]!)} rows/s; target = source: ${same}; API p99 ${r.p99.toFixed(1)} ms over ${r.probes} probes; ${r.log.remarks}`);
    }
    const fm = median(fdiRate);
    const rm = median(rawRate);
    console.log(`SQLite → SQLite   copy ${fmt(fm)} rows/s (read + convert + write time), whole run ${fmt(median(wallRate))} rows/s (incl. start, count, integrity check)`);
    console.log(`                  raw insert of the same rows ${fmt(rm)} rows/s → ratio ${(fm / rm).toFixed(2)}× (whole run ${(median(wallRate) / rm).toFixed(2)}×); target ≥ 300,000 rows/s and ≥ 0.5×`);
    console.log(`                  API GET monitor-logs during the run: p50 ${median(p50s).toFixed(1)} ms, p99 ${median(p99s).toFixed(1)} ms (target < 50 ms); server RSS max ${mb(median(rsss))}`);

    // ---- 4. kill -9 mid-run, restart, resume ----
    {
      const t = await makeTask(a, 'kill-resume', { datasource_type: 'SQLITE', content: { database_name: 'src.db' } }, { datasource_type: 'SQLITE', content: { database_name: 'dst-kill.db' } }, 'orders', 'orders');
      const r = await runWatched(a, s, t, async (l) => l.execute_status === 'RUNNING' && l.data_count >= ROWS * 0.3);
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
      console.log(`kill -9 at ${fmt(at)} rows → restart → ${log.execute_status} in ${((performance.now() - t0) / 1000).toFixed(1)} s, resumed (108/507): ${resumed}, data_count ${fmt(log.data_count)}, target = source (count + checksum): ${same}; ${log.remarks}`);
    }

    // ---- 2. MariaDB → PostgreSQL ----
    await mariaToPg(a, s);
  } finally {
    for (const x of servers) await stop(x).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function mariaToPg(a: Api, s: Server): Promise<void> {
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
    const ddl = 'CREATE TABLE orders_copy (id integer PRIMARY KEY, customer varchar(64) NOT NULL, amount numeric(10,2) NOT NULL, ts timestamp NOT NULL)';
    execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-q', '-c', ddl]);
    // baseline: psql \copy of the same rows (file written beforehand, not timed)
    fs.writeFileSync(csv, Array.from({ length: ROWS }, (_, k) => ROW(k + 1).join(',')).join('\n') + '\n');
    const t0 = performance.now();
    execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-q', '-c', `\\copy orders_copy FROM '${csv}' CSV`]);
    const copyRate = ROWS / ((performance.now() - t0) / 1000);
    const t = await makeTask(a, 'maria-to-pg',
      { datasource_type: 'MYSQL', content: { mode: 'default', host: '127.0.0.1', port: '3306', database_name: db, user_name: 'root', password: '' } },
      { datasource_type: 'POSTGRESQL', content: { mode: 'default', host: '127.0.0.1', port: '5432', database_name: db, user_name: 'postgres', password: 'x' } },
      'orders', 'public.orders', 10_000);
    const r = await runWatched(a, s, t);
    const copyS = (r.log.read_spend_time + r.log.write_spend_time) / 1000;
    const rate = r.log.data_count / copyS;
    console.log(`MariaDB → PostgreSQL  ${r.log.execute_status}: copy ${fmt(rate)} rows/s (read + convert + write), whole run ${fmt(r.log.data_count / r.wallS)} rows/s; psql \\copy of the same rows ${fmt(copyRate)} rows/s → ratio ${(rate / copyRate).toFixed(2)}× (whole run ${((r.log.data_count / r.wallS) / copyRate).toFixed(2)}×); target ≥ 0.7×`);
    console.log(`                      API p99 ${r.p99.toFixed(1)} ms during the run; server RSS max ${mb(r.maxRss)}; ${r.log.remarks}`);
  } finally {
    fs.rmSync(csv, { force: true });
    await my.query(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await my.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchFdi().catch((err: unknown) => { console.error(err); process.exit(1); });
}
