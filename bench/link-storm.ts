// LINK bench, connect storm: N devices connecting at once from a separate generator process
// (bench/mqtt-storm.ts: raw CONNECTs, bounded in-flight window), until the API reports them all
// online. Wall-clock figures depend on the machine's load; roma-local's CPU time per connect
// (from /proc, user + system) is the load-independent figure to compare across runs.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SimDevice } from '../scripts/devices-simulate';
import type { StormDevice, StormResult } from './mqtt-storm';
import { cpuMs } from './proc';

const root = path.resolve(import.meta.dirname, '..');
const WINDOW = Number(process.env.BENCH_LINK_WINDOW ?? 512);

export const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const load = (): string => os.loadavg().map((x) => x.toFixed(1)).join(' ');
const pct = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

export interface StormGenerator { child: ChildProcess; result: StormResult; close(): Promise<void> }

/** Connects `devices` at once and keeps them connected until close(). */
export async function runStorm(o: {
  address: string; devices: SimDevice[]; romaPid: number; onlineNow: () => Promise<number>; label?: string;
}): Promise<StormGenerator> {
  const child = fork(path.join(root, 'bench', 'mqtt-storm.ts'), [], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`storm generator exited with ${code}`)));
  });
  const devices: StormDevice[] = o.devices.map((d) => ({ client_id: d.client_id, ...d.authentication }));
  const loadBefore = load();
  const rssBefore = rssMb(o.romaPid);
  const cpu0 = cpuMs(o.romaPid);
  const t0 = performance.now();
  child.send({ cmd: 'storm', address: o.address, devices, window: WINDOW, keepalive: 600, timeoutMs: 60_000 });
  const done = new Promise<StormResult>((resolve) => child.on('message', (m: StormResult) => m.cmd === 'result' && resolve(m)));
  // poll the API (through the BFF) until everyone that got a CONNACK is reported online
  let result: StormResult | undefined;
  void done.then((r) => (result = r));
  let online = 0;
  let allOnlineAt = NaN;
  while (performance.now() - t0 < 300_000) {
    online = await o.onlineNow();
    if (result && online >= result.ok) {
      allOnlineAt = performance.now() - t0;
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  result ??= await done;
  await new Promise((r) => setTimeout(r, 200)); // the last status batch and its commit
  const serverCpu = cpuMs(o.romaPid) - cpu0;
  const rssAfter = rssMb(o.romaPid);
  const r = result;
  const reasons = Object.entries(r.reasons).map(([k, v]) => `${v} × ${k}`).join(', ') || 'none';
  console.log(`${o.label ?? `${devices.length} devices connecting at once`} (in-flight window ${WINDOW}; load average ${loadBefore} before, ${load()} after):`);
  console.log(`  CONNACKs: ${r.ok} ok, ${r.failed} failed (${reasons}); p50 ${(pct(r.connackMs, 0.5) / 1000).toFixed(2)} s, p95 ${(pct(r.connackMs, 0.95) / 1000).toFixed(2)} s, last ${((r.connackMs.at(-1) ?? NaN) / 1000).toFixed(2)} s`);
  console.log(`  API reports ${online} online after ${(allOnlineAt / 1000).toFixed(2)} s (target ≤ 10 s)`);
  console.log(`  roma-local CPU ${serverCpu.toFixed(0)} ms = ${((serverCpu * 1000) / Math.max(1, devices.length)).toFixed(0)} µs per connect (load-independent figure); generator ${((r.cpuMs * 1000) / Math.max(1, devices.length)).toFixed(0)} µs per connect`);
  console.log(`  roma-local RSS ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB with ${r.ok} devices connected (+${(((rssAfter - rssBefore) * 1024) / Math.max(1, r.ok)).toFixed(1)} KB per device)`);
  return {
    child, result: r,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((res) => child.once('exit', res));
      child.send({ cmd: 'close' });
      await exited;
    },
  };
}
