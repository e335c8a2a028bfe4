// APIC gateway figures: the gateway in front of an HTTP backend and in front of a mock API
// against calling the backend directly, in the same run (targets ≥ 0.5× direct throughput and
// ≤ 5 ms added p99). The load generator is its own process (bench/load-worker.mjs), and CPU per
// request of the gateway and the backend is read from /proc around a fixed number of requests:
// a figure the shared machine's load does not skew as it skews req/s.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { median, type LoadResult } from './load';
import { cpuMs } from './proc';

const run = promisify(execFile);

export type Load = LoadResult & { cpuUsPerRequest: number };

/** A closed-loop load run in a separate process. */
export async function loadProcess(o: { origin: string; path: string; headers: Record<string, string>; requests: number; concurrency: number; headersFile?: string }): Promise<Load> {
  const worker = path.join(import.meta.dirname, 'load-worker.mjs');
  const { stdout } = await run(process.execPath, [worker, JSON.stringify(o)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Load;
}

export interface GatewayTargets {
  direct: readonly [string, string, Record<string, string>];
  gatewayHttp: readonly [string, string, Record<string, string>];
  gatewayMock: readonly [string, string, Record<string, string>];
}

export async function benchGateway(o: { rounds: number; requests: number; concurrency: number; gatewayPid?: number; backendPid?: number }, targets: GatewayTargets): Promise<void> {
  type K = keyof GatewayTargets;
  const keys = Object.keys(targets) as K[];
  for (const k of keys) {
    const [origin, p, headers] = targets[k];
    await loadProcess({ origin, path: p, headers, requests: 500, concurrency: o.concurrency }); // warm-up (JIT, pools)
  }
  const results = { direct: [], gatewayHttp: [], gatewayMock: [] } as Record<K, Load[]>;
  const cpu = { direct: { gw: [], be: [] }, gatewayHttp: { gw: [], be: [] }, gatewayMock: { gw: [], be: [] } } as Record<K, { gw: number[]; be: number[] }>;
  for (let i = 0; i < o.rounds; i++) {
    for (const k of keys) {
      const [origin, p, headers] = targets[k];
      const [g0, b0] = [cpuMs(o.gatewayPid), cpuMs(o.backendPid)];
      results[k].push(await loadProcess({ origin, path: p, headers, requests: o.requests, concurrency: o.concurrency }));
      cpu[k].gw.push(((cpuMs(o.gatewayPid) - g0) * 1000) / o.requests);
      cpu[k].be.push(((cpuMs(o.backendPid) - b0) * 1000) / o.requests);
    }
  }
  const agg = (rs: Load[]) => ({
    rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)),
    errors: rs.reduce((s, r) => s + r.errors, 0), gen: median(rs.map((r) => r.cpuUsPerRequest)),
  });
  const d = agg(results.direct);
  const gh = agg(results.gatewayHttp);
  const gm = agg(results.gatewayMock);
  console.log(`\n## APIC gateway: GET, ${o.rounds} rounds × ${o.requests} requests, ${o.concurrency} connections; medians over rounds; load average ${loadAvg()}`);
  console.log('path                          req/s      p50 ms   p99 ms   errors   CPU µs/request: gateway  backend  load generator');
  const row = (n: string, r: ReturnType<typeof agg>, k: K) => console.log(
    `${n.padEnd(28)}${r.rps.toFixed(0).padStart(7)}   ${r.p50.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}   ${String(r.errors).padStart(6)}`
    + `   ${median(cpu[k].gw).toFixed(0).padStart(22)}  ${median(cpu[k].be).toFixed(0).padStart(7)}  ${r.gen.toFixed(0).padStart(14)}`);
  row('backend directly', d, 'direct');
  row('gateway → HTTP backend', gh, 'gatewayHttp');
  row('gateway → mock', gm, 'gatewayMock');
  // each round's ratio against the direct run just before it (same machine load), then the median
  const ratio = (k: K) => {
    const rs = results[k].map((r, i) => r.rps / results.direct[i]!.rps);
    return `${median(rs).toFixed(2)}× (rounds ${rs.map((x) => x.toFixed(2)).join(' ')})`;
  };
  console.log(`gateway → HTTP / direct throughput ${ratio('gatewayHttp')} (target ≥ 0.5×), added p99 ${(gh.p99 - d.p99).toFixed(2)} ms (target ≤ 5 ms)`);
  console.log(`gateway → mock / direct throughput ${ratio('gatewayMock')}, added p99 ${(gm.p99 - d.p99).toFixed(2)} ms`);
}

/** The 1, 5 and 15 minute load averages (the machine is shared: say how busy it was). */
export const loadAvg = (): string => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
