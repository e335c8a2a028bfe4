// FDI test support: a roma-local with a logged-in FDI client, data sources and tasks made over
// HTTP, and waiting for a run to reach a state (polling the monitor log, no timed assertions).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { call, login, start, type Res } from '../../src/roma-local/test-helpers';
import type { RomaLocalOptions } from '../../src/roma-local/server';

export type FdiClient = Awaited<ReturnType<typeof fdiClient>>;

export async function fdiClient(opts: Partial<RomaLocalOptions> = {}) {
  const h = await start(opts);
  const token = await login(h.url);
  const pid = h.account.projectId;
  const list = await call(h.url, 'GET', `/v2/${pid}/instances`, { token });
  const instanceId = list.body.instances[0].id as string;
  const apps = await call(h.url, 'GET', `/v2/${pid}/instances/${instanceId}/apps`, { token });
  const appId = apps.body.apps[0].id as string;
  const base = `/v2/${pid}/fdi/instances/${instanceId}`;
  const req = (method: string, p: string, body?: unknown, raw?: string): Promise<Res> => call(h.url, method, `${base}${p}`, { token, body, raw });
  const fdiDir = path.join(h.dataDir, 'fdi');
  fs.mkdirSync(fdiDir, { recursive: true });

  async function datasource(name: string, type: string, content: Record<string, unknown>): Promise<string> {
    const r = await req('POST', '/datasources', { datasource_name: name, datasource_type: type, app_id: appId, content });
    if (r.status !== 201) throw new Error(`create data source: ${r.status} ${r.text}`);
    return r.body.datasource_id as string;
  }
  /** A SQLite file inside the FDI folder, prepared with `sql`. */
  function sqliteFile(file: string, sql = ''): Database.Database {
    const db = new Database(path.join(fdiDir, file));
    if (sql) db.exec(sql);
    return db;
  }
  async function task(name: string, src: string, dst: string, detail: Record<string, unknown>, type = 'TIMING'): Promise<string> {
    const r = await req('POST', '/tasks', { task: { task_name: name, task_type: type, source_datasource_id: src, target_datasource_id: dst }, task_detail: JSON.stringify(detail) });
    if (r.status !== 201) throw new Error(`create task: ${r.status} ${r.text}`);
    return r.body.task.task_id as string;
  }
  async function logs(taskId: string): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await req('GET', `/tasks/${taskId}/monitor-logs?offset=1&limit=50`);
    if (r.status !== 200) throw new Error(`monitor logs: ${r.status} ${r.text}`);
    return r.body.entities;
  }
  /** Poll until the newest run satisfies `done` (default: finished). */
  async function waitRun(taskId: string, done = (l: any) => ['SUCCESS', 'ERROR', 'CANCELLED'].includes(l.execute_status), maxMs = 60_000): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const until = Date.now() + maxMs;
    for (;;) {
      const l = (await logs(taskId))[0];
      if (l && done(l)) return l;
      if (Date.now() > until) throw new Error(`run did not reach the state in time: ${JSON.stringify(l)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function runToEnd(taskId: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const before = (await logs(taskId)).length;
    const r = await req('POST', `/tasks/${taskId}/run`);
    if (r.status !== 204) throw new Error(`run: ${r.status} ${r.text}`);
    return waitRun(taskId, (l) => ['SUCCESS', 'ERROR', 'CANCELLED'].includes(l.execute_status)).then(async (l) => {
      const all = await logs(taskId);
      if (all.length <= before) throw new Error('no new run');
      return l;
    });
  }
  return { h, token, pid, instanceId, appId, base, req, fdiDir, datasource, sqliteFile, task, logs, waitRun, runToEnd, close: () => h.close() };
}

export const detail = (src: string, dst: string, over: { source?: Record<string, unknown>; target?: Record<string, unknown>; mapping?: unknown[] } = {}) => ({
  sourceSelectedDatasource: { sourceTable: src, ...over.source },
  targetSelectedDatasource: { targetTable: dst, ...over.target },
  mappingTable: over.mapping ?? [],
});
