// FDI bench helpers: a roma-local child process, its FDI API, tasks, and a run watched while it goes:
// API latency (one GET monitor-logs in flight, every 20 ms), the server's RSS and its CPU time.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cpuMs } from './proc';
import { spawnServer } from './spawn';

const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'Bench-Fdi-Passw0rd!';

export const ROW = (i: number): [number, string, number, string] => [i, `customer-${i % 5000}-${i}`, (i * 7919 % 100000) / 100, `2025-01-01 00:00:${String(i % 60).padStart(2, '0')}`];
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
export const load = (): string => (fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '));

export interface Server { url: string; child: ChildProcess; dataDir: string }
export interface Api { req: (m: string, p: string, body?: unknown) => Promise<{ status: number; body: any }>; appId: string } // eslint-disable-line @typescript-eslint/no-explicit-any

export async function startServer(dataDir: string): Promise<Server> {
  const { url, child } = await spawnServer([], root, ['--import', 'tsx', 'src/roma-local/standalone.ts'], {
    ROMA_DATA_DIR: dataDir, ROMA_LOCAL_PORT: '0', ROMA_LOCAL_PASSWORD: PASSWORD, ROMA_LOCAL_MQTT_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0',
  }, /roma-local listening on (http:\/\/\S+)/);
  return { url, child, dataDir };
}
export const stop = async (s: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
  // a child killed by a signal has exitCode null and signalCode set: waiting for 'exit' again would hang the bench
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill(signal);
  await exited;
};

export async function api(url: string): Promise<Api> {
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

export async function makeTask(a: Api, name: string, src: Record<string, unknown>, dst: Record<string, unknown>, table: string, target: string, batch = 5000): Promise<string> {
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

export interface Watched { log: any; wallS: number; p99: number; p50: number; probes: number; rss: number[]; cpuMs: number } // eslint-disable-line @typescript-eslint/no-explicit-any

/** Run a task to its end (or until `stopWhen`) while probing the API (1 request in flight) and the server's memory and CPU. */
export async function runWatched(a: Api, s: Server, task: string, stopWhen?: (log: any) => boolean, maxS = 1800): Promise<Watched> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const lat: number[] = [];
  const mem: number[] = [];
  let log;
  const c0 = cpuMs(s.child.pid!);
  const t0 = performance.now();
  const r = await a.req('POST', `/tasks/${task}/run`);
  if (r.status !== 204) throw new Error(`run: ${JSON.stringify(r.body)}`);
  for (;;) {
    const q0 = performance.now();
    const res = await a.req('GET', `/tasks/${task}/monitor-logs?offset=1&limit=10`);
    lat.push(performance.now() - q0);
    mem.push(rss(s.child.pid!));
    log = res.body?.entities?.[0];
    if (log && ['SUCCESS', 'ERROR', 'CANCELLED'].includes(log.execute_status)) break;
    if (stopWhen && log && stopWhen(log)) break;
    if (performance.now() - t0 > maxS * 1000) throw new Error(`run not finished after ${maxS} s: ${JSON.stringify(log)}`);
    await new Promise((res2) => setTimeout(res2, 20));
  }
  const cpu = cpuMs(s.child.pid!) - c0;
  lat.sort((x, y) => x - y);
  const q = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  return { log, wallS: (performance.now() - t0) / 1000, p99: q(0.99), p50: q(0.5), probes: lat.length, rss: mem, cpuMs: cpu };
}

/** RSS over a run: first sample, median, max, last ("flat" = the max stays near the first). */
export const rssLine = (m: number[]): string => {
  if (!m.length) return 'no RSS samples';
  const sorted = [...m].sort((x, y) => x - y);
  return `RSS first ${mb(m[0]!)}, median ${mb(sorted[Math.floor(sorted.length / 2)]!)}, max ${mb(sorted[sorted.length - 1]!)}, last ${mb(m[m.length - 1]!)} (${m.length} samples)`;
};
