// MySQL (MariaDB) → PostgreSQL run killed (kill -9 of a real roma-local child process) while it
// copies: PostgreSQL batches commit without waiting for their fsync, the checkpoint only after
// durable(); after restart the run resumes (108/507) and the target equals the source — no
// duplicate, no gap, integrity check consistent. Skipped when a server is down (not in CI).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { call, login } from '../../src/roma-local/test-helpers';
import { detail } from '../support/fdi';
import { killMidRun, lastRunWhenEnded, startRomaChild } from '../support/roma-child';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-resume-pg-'));
const PASSWORD = 'Resume-Passw0rd!';
const DB = `fdi_rp_${randomBytes(4).toString('hex')}`;
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const ROWS = 3000; // batches of 3 rows: slow enough to kill mid-run
const children: ChildProcess[] = [];

const my = await mysql.createConnection({ ...MY, connectTimeout: 3000 }).catch(() => null);
const admin = new pg.Client({ ...PG, database: 'postgres', connectionTimeoutMillis: 3000 });
const pgUp = await admin.connect().then(() => true, () => false);
const skip = (!my || !pgUp) && process.env.CI !== 'true';

const startChild = () => startRomaChild(dataDir, PASSWORD, children);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  await my?.query(`DROP DATABASE IF EXISTS \`${DB}\``).catch(() => undefined);
  await my?.end().catch(() => undefined);
  if (pgUp) await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
});

describe.skipIf(skip)('MySQL → PostgreSQL resume after kill -9', () => {
  it('continues from the durable checkpoint and ends equal to the source', async () => {
    await my!.query(`CREATE DATABASE \`${DB}\``);
    await my!.query(`CREATE TABLE \`${DB}\`.t (id INT PRIMARY KEY, v VARCHAR(40) NOT NULL, amount DECIMAL(10,2) NOT NULL)`);
    await my!.query(`INSERT INTO \`${DB}\`.t VALUES ?`, [Array.from({ length: ROWS }, (_, k) => [k + 1, `value-${k + 1}`, `${k}.50`])]);
    await admin.query(`CREATE DATABASE ${DB}`);

    let { url, child } = await startChild();
    let token = await login(url, { password: PASSWORD });
    const projects = await fetch(`${url}/v3/auth/tokens?nocatalog=true`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'roma-local' }, name: 'admin', password: PASSWORD } } }, scope: { project: { name: 'cn-north-4' } } } }) });
    const projectId = ((await projects.json()) as { token: { project: { id: string } } }).token.project.id;
    const inst = (await call(url, 'GET', `/v2/${projectId}/instances`, { token })).body.instances[0].id as string;
    const appId = (await call(url, 'GET', `/v2/${projectId}/instances/${inst}/apps`, { token })).body.apps[0].id as string;
    const req = (m: string, p: string, body?: unknown) => call(url, m, `/v2/${projectId}/fdi/instances/${inst}${p}`, { token, body });
    const a = (await req('POST', '/datasources', { datasource_name: 'rp-src', datasource_type: 'MYSQL', app_id: appId,
      content: { mode: 'default', host: MY.host, port: '3306', database_name: DB, user_name: 'root', password: '' } })).body.datasource_id;
    const b = (await req('POST', '/datasources', { datasource_name: 'rp-dst', datasource_type: 'POSTGRESQL', app_id: appId,
      content: { mode: 'default', host: PG.host, port: '5432', database_name: DB, user_name: 'postgres', password: 'x' } })).body.datasource_id;
    const task = (await req('POST', '/tasks', { task: { task_name: 'resume-pg', task_type: 'TIMING', source_datasource_id: a, target_datasource_id: b },
      task_detail: JSON.stringify(detail('t', 'public.t', { source: { batchSize: 3 }, target: { targetNeedCreateTable: true } })) })).body.task.task_id;
    await killMidRun(req, task, child);
    const dst = new pg.Client({ ...PG, database: DB });
    await dst.connect();
    try {
      const partial = (await dst.query('SELECT COUNT(*)::int AS n FROM t')).rows[0].n as number;
      expect(partial).toBeLessThan(ROWS);

      ({ url, child } = await startChild());
      token = await login(url, { password: PASSWORD });
      const done = await lastRunWhenEnded(req, task);
      expect(done.execute_status).toBe('SUCCESS');
      expect(done.detail_logs.map((d: { status: number }) => d.status)).toEqual(expect.arrayContaining([108, 507, 903, 901]));
      expect(done.detail_logs.find((d: { status: number }) => d.status === 903).remarks).toMatch(/^consistent/);
      expect(done.data_count).toBe(ROWS);
      const sig = (await dst.query("SELECT COUNT(*)::int AS n, COUNT(DISTINCT id)::int AS k, SUM(id)::int AS ids, SUM(amount)::text AS amount, MIN(v) AS lo FROM t")).rows[0];
      expect(sig).toEqual({ n: ROWS, k: ROWS, ids: (ROWS * (ROWS + 1)) / 2, amount: String((ROWS * (ROWS - 1)) / 2 + ROWS * 0.5) + '.00', lo: 'value-1' });
    } finally {
      await dst.end();
    }
    child.kill('SIGTERM');
  }, 120_000);
});
