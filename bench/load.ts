// A small closed-loop HTTP load generator (undici Pool, keep-alive): `concurrency` workers
// send requests back to back until `requests` are done. Bounded in count, loopback only.
import { Pool } from 'undici';

export interface LoadResult { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number }

export async function runLoad(opts: {
  origin: string;
  path: string;
  headers: Record<string, string>;
  requests: number;
  concurrency: number;
}): Promise<LoadResult> {
  const pool = new Pool(opts.origin, { connections: opts.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const started = performance.now();
  async function worker(): Promise<void> {
    while (sent < opts.requests) {
      sent++;
      const t0 = performance.now();
      try {
        const res = await pool.request({ method: 'GET', path: opts.path, headers: opts.headers });
        await res.body.arrayBuffer();
        if (res.statusCode !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: q(0.5), p99: q(0.99) };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
