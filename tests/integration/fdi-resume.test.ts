// A run interrupted by a killed process (kill -9 of a real roma-local child process) resumes
// after restart from its checkpoint (108/507): the target equals the source, no duplicates, no gaps.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { call, login } from '../../src/roma-local/test-helpers';
import { detail } from '../support/fdi';
import { killMidRun, lastRunWhenEnded, startRomaChild } from '../support/roma-child';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-resume-'));
const PASSWORD = 'Resume-Passw0rd!';
const children: ChildProcess[] = [];

const startChild = () => startRomaChild(dataDir, PASSWORD, children);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ROWS = 4000; // batches of one row: slow enough to kill mid-run, small enough for CI

describe('resume after kill -9', () => {
  it('continues from the checkpoint and ends equal to the source', async () => {
    fs.mkdirSync(path.join(dataDir, 'fdi'), { recursive: true });
    const src = new Database(path.join(dataDir, 'fdi', 'src.db'));
    src.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL, n REAL)');
    const ins = src.prepare('INSERT INTO t VALUES (?, ?, ?)');
    src.transaction(() => { for (let i = 1; i <= ROWS; i++) ins.run(i, `value-${i}`, i / 7); })();
    src.close();

    let { url, child } = await startChild();
    let token = await login(url, { password: PASSWORD });
    const projects = await fetch(`${url}/v3/auth/tokens?nocatalog=true`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'roma-local' }, name: 'admin', password: PASSWORD } } }, scope: { project: { name: 'cn-north-4' } } } }) });
    const projectId = ((await projects.json()) as { token: { project: { id: string } } }).token.project.id;
    const inst = (await call(url, 'GET', `/v2/${projectId}/instances`, { token })).body.instances[0].id as string;
    const appId = (await call(url, 'GET', `/v2/${projectId}/instances/${inst}/apps`, { token })).body.apps[0].id as string;
    const base = () => `/v2/${projectId}/fdi/instances/${inst}`;
    const req = (m: string, p: string, body?: unknown) => call(url, m, `${base()}${p}`, { token, body });
    const a = (await req('POST', '/datasources', { datasource_name: 'r-src', datasource_type: 'SQLITE', app_id: appId, content: { database_name: 'src.db' } })).body.datasource_id;
    const b = (await req('POST', '/datasources', { datasource_name: 'r-dst', datasource_type: 'SQLITE', app_id: appId, content: { database_name: 'dst.db' } })).body.datasource_id;
    const task = (await req('POST', '/tasks', { task: { task_name: 'resume-task', task_type: 'TIMING', source_datasource_id: a, target_datasource_id: b },
      task_detail: JSON.stringify(detail('t', 't', { source: { batchSize: 1 }, target: { targetNeedCreateTable: true } })) })).body.task.task_id;
    await killMidRun(req, task, child);
    const mid = new Database(path.join(dataDir, 'fdi', 'dst.db'), { readonly: true });
    const partial = (mid.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
    mid.close();
    expect(partial).toBeLessThan(ROWS);

    ({ url, child } = await startChild());
    token = await login(url, { password: PASSWORD });
    const done = await lastRunWhenEnded(req, task);
    expect(done.execute_status).toBe('SUCCESS');
    const codes = done.detail_logs.map((d: { status: number }) => d.status);
    expect(codes).toEqual(expect.arrayContaining([108, 507, 903, 901]));
    expect(done.detail_logs.find((d: { status: number }) => d.status === 903).remarks).toMatch(/^consistent/);
    expect(done.data_count).toBe(ROWS);
    // the resumed adapter step used to end at the first run's 900 step: a negative spend_time
    for (const d of done.detail_logs as { status: number; spend_time: number; step_begin_time: number; step_end_time: number | null }[]) {
      expect(d.spend_time, `step ${d.status}`).toBeGreaterThanOrEqual(0);
      if (d.step_end_time !== null) expect(d.step_end_time, `step ${d.status}`).toBeGreaterThanOrEqual(d.step_begin_time);
    }
    const s = new Database(path.join(dataDir, 'fdi', 'src.db'), { readonly: true });
    const d = new Database(path.join(dataDir, 'fdi', 'dst.db'), { readonly: true });
    const sig = (db: Database.Database) => db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS k, SUM(id) AS ids, group_concat(v, ',') AS h FROM (SELECT * FROM t ORDER BY id)").get() as { n: number; k: number; ids: number; h: string };
    const [sx, dx] = [sig(s), sig(d)];
    expect(dx.n).toBe(ROWS);
    expect(dx.k).toBe(ROWS);
    expect(dx.ids).toBe(sx.ids);
    expect(dx.h === sx.h).toBe(true);
    s.close();
    d.close();
    child.kill('SIGTERM');
  }, 120_000);
});
