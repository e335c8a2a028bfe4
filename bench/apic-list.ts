// APIC list figure: a page of a group with 5 000 APIs, straight to roma-local and through the
// BFF (target p95 ≤ 30 ms), a few connections at a time, as operators open the page.
import { Pool } from 'undici';
import { loadAvg } from './apic-gateway';
import { median } from './load';

/** Latency percentiles of `requests` GETs with `concurrency` workers. */
async function percentiles(origin: string, p: string, headers: Record<string, string>, requests: number, concurrency: number) {
  const pool = new Pool(origin, { connections: concurrency });
  const lat: number[] = [];
  let sent = 0;
  let errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (sent < requests) {
      sent++;
      const t0 = performance.now();
      const res = await pool.request({ method: 'GET', path: p, headers });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) errors++;
      lat.push(performance.now() - t0);
    }
  }));
  await pool.close();
  lat.sort((a, b) => a - b);
  const q = (x: number) => lat[Math.min(lat.length - 1, Math.floor(x * lat.length))]!;
  return { p50: q(0.5), p95: q(0.95), errors };
}

export async function benchList(o: { rounds: number; requests: number; roma: string; bff: string; listPath: string; token: string; cookie: string; total: number; importSec: number; imported: number }) {
  const viaBff: Awaited<ReturnType<typeof percentiles>>[] = [];
  const direct: typeof viaBff = [];
  const n = Math.max(200, Math.floor(o.requests / 4));
  const bffHeaders = { cookie: o.cookie, 'x-csrf': '1' };
  await percentiles(o.bff, `/api${o.listPath}`, bffHeaders, 100, 4);
  for (let i = 0; i < o.rounds; i++) {
    direct.push(await percentiles(o.roma, o.listPath, { 'x-auth-token': o.token }, n, 4));
    viaBff.push(await percentiles(o.bff, `/api${o.listPath}`, bffHeaders, n, 4));
  }
  const m = (rs: typeof direct) => ({ p50: median(rs.map((r) => r.p50)), p95: median(rs.map((r) => r.p95)), errors: rs.reduce((s, r) => s + r.errors, 0) });
  const ld = m(direct);
  const lb = m(viaBff);
  console.log(`\n## APIC list: group of ${o.total} APIs (imported in ${o.importSec.toFixed(1)} s, ${o.imported} ok), page of 20 at offset 2500, ${o.rounds} rounds × ${n} requests, 4 connections; load average ${loadAvg()}`);
  console.log(`straight to roma-local   p50 ${ld.p50.toFixed(2)} ms   p95 ${ld.p95.toFixed(2)} ms   errors ${ld.errors}`);
  console.log(`through the BFF          p50 ${lb.p50.toFixed(2)} ms   p95 ${lb.p95.toFixed(2)} ms   errors ${lb.errors}   (target p95 ≤ 30 ms)`);
}
