// APIC figures for `npm run bench`, measured in one run with baselines:
// - the gateway in front of a mock API and in front of an HTTP backend vs calling that backend
//   directly (targets: ≥ 0.5× direct throughput, ≤ 5 ms added p99);
// - the API list of a group with 5 000 APIs through the BFF vs straight to roma-local (target p95 ≤ 30 ms).
// Backend, roma-local (+ gateway), BFF and load generator are separate processes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Pool, request } from 'undici';
import { median, runLoad, type LoadResult } from './load';

const BACKEND_JS = `const http=require('http');const body=JSON.stringify({ok:true,items:[1,2,3],text:'x'.repeat(200)});
http.createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json','content-length':Buffer.byteLength(body)});s.end(body)})})
.listen(0,'127.0.0.1',function(){console.log('backend listening on http://127.0.0.1:'+this.address().port)})`;

function spawnReady(children: ChildProcess[], root: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (c: Buffer) => {
      seen += c.toString();
      const m = ready.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${seen}`)));
  });
}

/** CPU time (ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return NaN;
  }
}

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(p));
  });
});

async function json(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | FormData } = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, headers: res.headers };
}

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

export async function benchApic(o: { root: string; rounds: number; requests: number; concurrency: number }): Promise<void> {
  const children: ChildProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-bench-apic-'));
  const password = 'Bench-Passw0rd!';
  try {
    const backendUrl = await spawnReady(children, o.root, ['-e', BACKEND_JS], {}, /backend listening on (http:\/\/\S+)/);
    const gwPort = await freePort();
    const roma = await spawnReady(children, o.root, ['--import', 'tsx', 'src/roma-local/standalone.ts'], {
      ROMA_LOCAL_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: String(gwPort), ROMA_LOCAL_MQTT_PORT: '0', ROMA_DATA_DIR: dataDir, ROMA_LOCAL_PASSWORD: password,
    }, /roma-local listening on (http:\/\/\S+)/);
    // the BFF without the SPA (scripts/start.ts would rebuild it first; the list call does not need it)
    const bffJs = "const { startConsole } = await import('./src/main.ts'); const h = await startConsole({ port: 0, staticDir: null }); console.log('running at ' + h.url);";
    const bff = await spawnReady(children, o.root, ['--import', 'tsx', '--input-type=module', '-e', bffJs], { ROMA_ENDPOINT: roma, IAM_ENDPOINT: roma }, /running at (http:\/\/\S+)/);
    const gateway = `http://127.0.0.1:${gwPort}`;

    const tr = await json(`${roma}/v3/auth/tokens?nocatalog=true`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'roma-local' }, name: 'admin', password } } }, scope: { project: { name: 'cn-north-4' } } } }),
    });
    const token = tr.headers.get('x-subject-token')!;
    const pid = tr.body.token.project.id as string;
    const auth = { 'x-auth-token': token, 'content-type': 'application/json' };
    const iid = (await json(`${roma}/v2/${pid}/instances`, { headers: auth })).body.instances[0].id as string;
    const base = `${roma}/v2/${pid}/apic/instances/${iid}`;

    // an HTTP API in front of the backend, published to RELEASE
    const g = (await json(`${base}/api-groups`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'bench-proxy' }) })).body;
    const api = (await json(`${base}/apis`, {
      method: 'POST', headers: auth, body: JSON.stringify({
        name: 'bench_http', type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/data', auth_type: 'NONE', backend_type: 'HTTP', group_id: g.id,
        backend_api: { url_domain: new URL(backendUrl).host, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/data', timeout: 5000 },
      }),
    })).body;
    await json(`${base}/apis/action`, { method: 'POST', headers: auth, body: JSON.stringify({ action: 'online', api_id: api.id, env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' }) });

    // a group with 5 000 APIs, imported in one OpenAPI file
    const big = (await json(`${base}/api-groups`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'bench-5000' }) })).body;
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) paths[`/bench/item${i}`] = { get: { operationId: `bench_api_${i}`, 'x-apigateway-backend': { type: 'MOCK', mockEndpoints: { 'result-content': 'ok' } } } };
    const form = new FormData();
    form.append('group_id', big.id);
    form.append('file_name', new Blob([JSON.stringify({ swagger: '2.0', info: { title: 'bench', version: '1' }, paths })]), 'bench.json');
    const t0 = performance.now();
    const imp = (await json(`${base}/openapi/import`, { method: 'POST', headers: { 'x-auth-token': token }, body: form })).body;
    const importSec = (performance.now() - t0) / 1000;

    // ---- gateway vs direct ----
    const run = (origin: string, p: string, headers: Record<string, string>) =>
      runLoad({ origin, path: p, headers, requests: o.requests, concurrency: o.concurrency });
    const warm = async (origin: string, p: string, headers: Record<string, string>) =>
      runLoad({ origin, path: p, headers, requests: 300, concurrency: o.concurrency });
    const targets = {
      direct: [backendUrl, '/data', {}] as const,
      gatewayHttp: [gateway, '/data', { host: g.sl_domain }] as const,
      gatewayMock: [gateway, '/demo/hello', { host: 'demo.apic.localhost' }] as const,
    };
    for (const [origin, p, h] of Object.values(targets)) await warm(origin, p, h);
    const results: Record<keyof typeof targets, LoadResult[]> = { direct: [], gatewayHttp: [], gatewayMock: [] };
    // CPU per request of the gateway process and of the backend: a figure the shared machine's load does not skew
    const [backendPid, romaPid] = [children[0]!.pid, children[1]!.pid];
    const cpu: Record<keyof typeof targets, { gateway: number[]; backend: number[] }> = {
      direct: { gateway: [], backend: [] }, gatewayHttp: { gateway: [], backend: [] }, gatewayMock: { gateway: [], backend: [] },
    };
    for (let i = 0; i < o.rounds; i++) {
      for (const [k, [origin, p, h]] of Object.entries(targets)) {
        const key = k as keyof typeof targets;
        const [g0, b0] = [cpuMs(romaPid), cpuMs(backendPid)];
        results[key].push(await run(origin, p, h));
        cpu[key].gateway.push(((cpuMs(romaPid) - g0) * 1000) / o.requests);
        cpu[key].backend.push(((cpuMs(backendPid) - b0) * 1000) / o.requests);
      }
    }
    const agg = (rs: LoadResult[]) => ({ rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), errors: rs.reduce((s, r) => s + r.errors, 0) });
    const d = agg(results.direct);
    const gh = agg(results.gatewayHttp);
    const gm = agg(results.gatewayMock);
    console.log(`\n## APIC gateway: GET, ${o.rounds} rounds × ${o.requests} requests, ${o.concurrency} connections; medians over rounds`);
    console.log('path                          req/s      p50 ms   p99 ms   errors');
    const row = (n: string, r: typeof d) => console.log(`${n.padEnd(28)}${r.rps.toFixed(0).padStart(7)}   ${r.p50.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}   ${r.errors}`);
    row('backend directly', d);
    row('gateway → HTTP backend', gh);
    row('gateway → mock', gm);
    const us = (k: keyof typeof targets) => `gateway process ${median(cpu[k].gateway).toFixed(0)} µs, backend ${median(cpu[k].backend).toFixed(0)} µs`;
    console.log(`CPU per request: direct → ${us('direct')}; via gateway → ${us('gatewayHttp')}; mock → ${us('gatewayMock')}`);
    console.log(`gateway/direct throughput ${(gh.rps / d.rps).toFixed(2)}× (target ≥ 0.5×)   added p99 ${(gh.p99 - d.p99).toFixed(2)} ms (target ≤ 5 ms)`);

    // ---- 5 000-API list through the BFF ----
    const lr = await fetch(`${bff}/bff/login`, {
      method: 'POST', headers: { 'x-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password, domain: 'roma-local', project: 'cn-north-4' }),
    });
    const cookie = lr.headers.get('set-cookie')!.split(';')[0]!;
    await lr.text();
    const listPath = `/v2/${pid}/apic/instances/${iid}/apis?group_id=${big.id}&offset=2500&limit=20`;
    const viaBff: { p50: number; p95: number; errors: number }[] = [];
    const direct: { p50: number; p95: number; errors: number }[] = [];
    const n = Math.max(200, Math.floor(o.requests / 4));
    await percentiles(bff, `/api${listPath}`, { cookie, 'x-csrf': '1' }, 100, 4);
    for (let i = 0; i < o.rounds; i++) {
      direct.push(await percentiles(roma, listPath, { 'x-auth-token': token }, n, 4));
      viaBff.push(await percentiles(bff, `/api${listPath}`, { cookie, 'x-csrf': '1' }, n, 4));
    }
    const m = (rs: typeof direct) => ({ p50: median(rs.map((r) => r.p50)), p95: median(rs.map((r) => r.p95)), errors: rs.reduce((s, r) => s + r.errors, 0) });
    const ld = m(direct);
    const lb = m(viaBff);
    const check = (await request(`${roma}${listPath}`, { headers: { 'x-auth-token': token } }).then((r) => r.body.json())) as { total: number; size: number };
    console.log(`\n## APIC list: group of ${check.total} APIs (imported in ${importSec.toFixed(1)} s, ${imp.success.length} ok), page of ${check.size} at offset 2500, ${o.rounds} rounds × ${n} requests, 4 connections`);
    console.log(`straight to roma-local   p50 ${ld.p50.toFixed(2)} ms   p95 ${ld.p95.toFixed(2)} ms   errors ${ld.errors}`);
    console.log(`through the BFF          p50 ${lb.p50.toFixed(2)} ms   p95 ${lb.p95.toFixed(2)} ms   errors ${lb.errors}   (target p95 ≤ 30 ms)`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// `node --import tsx bench/apic.ts` runs this part alone
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchApic({
    root: path.resolve(import.meta.dirname, '..'), rounds: Number(process.env.BENCH_ROUNDS ?? 5),
    requests: Number(process.env.BENCH_REQUESTS ?? 2000), concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  }).catch((err: unknown) => { console.error(err); process.exit(1); });
}
