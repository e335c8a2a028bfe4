/* global process, performance, console */
// A closed-loop HTTP load generator run as its own process (`node bench/load-worker.mjs '<json>'`),
// so its CPU is never counted against, nor competes on the event loop with, the server measured.
// Lean on purpose: undici Pool.dispatch with a bare handler (no Readable body, no promise per
// chunk), so the generator costs little of the 2 shared cores. Prints one JSON LoadResult line.
import { Pool } from 'undici';

const o = JSON.parse(process.argv[2]);
const pool = new Pool(o.origin, { connections: o.concurrency, pipelining: 1 });
const latencies = new Float64Array(o.requests);
let sent = 0;
let done = 0;
let errors = 0;
const cpu0 = process.cpuUsage();
const started = performance.now();

function one(resolve) {
  if (sent >= o.requests) return resolve();
  const i = sent++;
  const t0 = performance.now();
  let status = 0;
  pool.dispatch({ method: 'GET', path: o.path, headers: o.headers }, {
    onConnect() {},
    onHeaders(code) { status = code; return true; },
    onData() { return true; },
    onComplete() {
      latencies[i] = performance.now() - t0;
      done++;
      if (status !== 200) errors++;
      one(resolve);
    },
    onError() {
      latencies[i] = performance.now() - t0;
      done++;
      errors++;
      one(resolve);
    },
  });
}

await Promise.all(Array.from({ length: o.concurrency }, () => new Promise(one)));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
await pool.close();
const sorted = Array.from(latencies.subarray(0, done)).sort((a, b) => a - b);
const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
console.log(JSON.stringify({
  requests: done, errors, seconds, rps: done / seconds, p50: q(0.5), p99: q(0.99),
  cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, done),
}));
