// Consumer-policy figure for `npm run bench` (section `consumers`): gateway throughput of an API
// with APP auth (a fresh SDK-HMAC-SHA256 signature per request), a client quota and one plugin
// (set_resp_headers), against a NONE-auth API on the same backend, in the same run (target ≥ 0.7×).
// Backend, roma-local (+ gateway) and the lean load generator (bench/load-worker.mjs) are separate
// processes; signed requests are signed before each run starts. CPU time per request of roma-local
// and of the generator is reported as well (less skewed by a busy machine).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hmacKey, signRequest } from '../src/roma-local/auth/sdk-signer';
import { loadProcess, type Load } from './apic-gateway';
import { median } from './load';
import { cpuMs, freePort } from './proc';
import { spawnReady } from './spawn';

const BACKEND_JS = `const http=require('http');const body=JSON.stringify({ok:true,text:'x'.repeat(200)});
http.createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json','content-length':Buffer.byteLength(body)});s.end(body)})})
.listen(0,'127.0.0.1',function(){console.log('backend listening on http://127.0.0.1:'+this.address().port)})`;

async function json(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

let seq = 0; // file names of the signed sets
/** Signs `requests` distinct requests (a nonce header keeps them apart: replays are refused) into a
 * file for the load generator, before its clock starts: the client's signing is not the gateway's cost. */
function presign(o: { host: string; path: string; ak: string; sk: string; requests: number; dir: string }): string {
  const sk = hmacKey(o.sk); // made once, as an SDK client keeps its key
  const all = Array.from({ length: o.requests }, (_, n) =>
    signRequest({ method: 'GET', url: `http://${o.host}${o.path}`, headers: { 'x-nonce': `${process.pid}-${n}-${performance.now()}` }, ak: o.ak, sk }));
  const file = path.join(o.dir, `signed-${o.path.slice(1)}-${seq++}.json`);
  fs.writeFileSync(file, JSON.stringify(all));
  return file;
}

export async function benchConsumers(o: { root: string; rounds: number; requests: number; concurrency: number }): Promise<void> {
  const children: ChildProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-bench-consumers-'));
  const password = 'Bench-Passw0rd!';
  try {
    const backendUrl = await spawnReady(children, o.root, ['-e', BACKEND_JS], {}, /backend listening on (http:\/\/\S+)/);
    const gwPort = await freePort();
    // APIC_SERVER_NODE_ARGS adds node flags to roma-local only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
    const nodeArgs = process.env.APIC_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const roma = await spawnReady(children, o.root, [...nodeArgs, '--import', 'tsx', 'src/roma-local/standalone.ts'], {
      ROMA_LOCAL_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: String(gwPort), ROMA_LOCAL_MQTT_PORT: '0', ROMA_DATA_DIR: dataDir, ROMA_LOCAL_PASSWORD: password,
    }, /roma-local listening on (http:\/\/\S+)/);
    const gateway = `http://127.0.0.1:${gwPort}`;
    const tr = await fetch(`${roma}/v3/auth/tokens?nocatalog=true`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'roma-local' }, name: 'admin', password } } }, scope: { project: { name: 'cn-north-4' } } } }),
    });
    const token = tr.headers.get('x-subject-token')!;
    const pid = ((await tr.json()) as { token: { project: { id: string } } }).token.project.id;
    const auth = { 'x-auth-token': token, 'content-type': 'application/json' };
    const iid = (await json(`${roma}/v2/${pid}/instances`, { headers: auth })).instances[0].id as string;
    const inst = `${roma}/v2/${pid}/instances/${iid}`;
    const base = `${roma}/v2/${pid}/apic/instances/${iid}`;
    const post = (url: string, body: unknown, method = 'POST') => json(url, { method, headers: auth, body: JSON.stringify(body) });
    const g = await post(`${base}/api-groups`, { name: 'bench-consumers' });
    const host = backendUrl.replace('http://', '');
    const mk = async (name: string, uri: string, authType: string) => {
      const api = await post(`${base}/apis`, {
        name, type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: uri, auth_type: authType, backend_type: 'HTTP', group_id: g.id,
        backend_api: { url_domain: host, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/data', timeout: 5000 },
      });
      await post(`${base}/apis/action`, { action: 'online', api_id: api.id, env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' });
      return api.id as string;
    };
    await mk('bench_none', '/none', 'NONE');
    const appApi = await mk('bench_app', '/app', 'APP');
    const bareApi = await mk('bench_app_bare', '/bare', 'APP');
    const app = await post(`${inst}/apps`, { name: 'bench-consumer' });
    const secret = (await json(`${inst}/apps/${app.id}/secret`, { headers: auth })).secret as string;
    await post(`${base}/app-auths`, { env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', app_ids: [app.id], api_ids: [appApi] });
    // a second app without quota, on an API without plugin: what APP auth alone costs
    const bare = await post(`${inst}/apps`, { name: 'bench-consumer-bare' });
    const bareSecret = (await json(`${inst}/apps/${bare.id}/secret`, { headers: auth })).secret as string;
    await post(`${base}/app-auths`, { env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', app_ids: [bare.id], api_ids: [bareApi] });
    const q = await post(`${base}/app-quotas`, { name: 'bench_quota', call_limits: 2_000_000_000, time_unit: 'DAY', time_interval: 1 });
    await post(`${base}/app-quotas/${q.app_quota_id}/binding-apps`, { app_ids: [app.id] });
    const p = await post(`${base}/plugins`, {
      plugin_name: 'bench_headers', plugin_type: 'set_resp_headers', plugin_scope: 'global',
      plugin_content: JSON.stringify({ response_headers: [{ name: 'x-bench', value: '1', action: 'add' }] }),
    });
    await post(`${base}/plugins/${p.plugin_id}/attach`, { env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', api_ids: [appApi] });

    const lean = { origin: gateway, headers: { host: g.sl_domain }, concurrency: o.concurrency };
    const none = (requests = o.requests) => loadProcess({ ...lean, path: '/none', requests });
    const signedAs = (p: string, ak: string, sk: string) => (requests = o.requests) =>
      loadProcess({ ...lean, path: p, requests, headersFile: presign({ host: g.sl_domain, path: p, ak, sk, requests, dir: dataDir }) });
    const signed = signedAs('/app', app.key, secret);
    const signedBare = signedAs('/bare', bare.key, bareSecret);
    const romaPid = children[1]!.pid;
    const rs = { none: [] as Load[], bare: [] as Load[], app: [] as Load[] };
    const cpu = { none: [] as number[], bare: [] as number[], app: [] as number[] };
    // BENCH_CONSUMERS_PATHS=app (or none,bare): only those paths, e.g. to profile one of them
    const only = new Set((process.env.BENCH_CONSUMERS_PATHS || 'none,bare,app').split(','));
    const paths = ([['none', none], ['bare', signedBare], ['app', signed]] as const).filter(([k]) => only.has(k));
    // a full round of each path first, not counted: 300 requests left the first round's NONE cold (ratios > 1)
    for (const [, run] of paths) await run();
    // each round runs every path once, starting one path later each round (no path always runs
    // first, or right after the same one); the ratio is taken within a round, then the median of those
    for (let i = 0; i < o.rounds; i++) {
      for (const [k, run] of paths.map((_, j) => paths[(i + j) % paths.length]!)) {
        const c0 = cpuMs(romaPid);
        rs[k].push(await run());
        cpu[k].push(((cpuMs(romaPid) - c0) * 1000) / o.requests);
      }
    }
    const agg = (r: Load[]) => ({ rps: median(r.map((x) => x.rps)), p50: median(r.map((x) => x.p50)), p99: median(r.map((x) => x.p99)), errors: r.reduce((s, x) => s + x.errors, 0), gen: median(r.map((x) => x.cpuUsPerRequest)) });
    const n = agg(rs.none);
    const a = agg(rs.app);
    console.log(`\n## APIC consumers: gateway → HTTP backend, ${o.rounds} rounds × ${o.requests} requests, ${o.concurrency} connections; medians; load ${os.loadavg()[0]!.toFixed(2)}`);
    console.log('path                                   req/s      p50 ms   p99 ms   errors   CPU/request: roma-local  load generator');
    const row = (name: string, r: typeof n, c: number[]) =>
      console.log(`${name.padEnd(38)}${r.rps.toFixed(0).padStart(6)}   ${r.p50.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}   ${String(r.errors).padStart(6)}   ${median(c).toFixed(0).padStart(19)} µs  ${r.gen.toFixed(0).padStart(11)} µs`);
    row('NONE auth', n, cpu.none);
    row('APP auth (signed) alone', agg(rs.bare), cpu.bare);
    row('APP auth (signed) + quota + 1 plugin', a, cpu.app);
    const perRound = rs.none.length ? rs.app.map((x, i) => x.rps / rs.none[i]!.rps) : [];
    console.log(`APP+quota+plugin / NONE throughput ${median(perRound).toFixed(2)}× (rounds ${perRound.map((r) => r.toFixed(2)).join(' ')}; ratio of the medians ${(a.rps / n.rps).toFixed(2)}×) (target ≥ 0.7×); CPU per request ${(median(cpu.app) / median(cpu.none)).toFixed(2)}× NONE; quota + plugin add ${(median(cpu.app) - median(cpu.bare)).toFixed(0)} µs CPU over APP auth alone`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// `node --import tsx bench/apic-consumers.ts` runs this part alone
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchConsumers({
    // APIC_SERVER_ROOT runs another checkout's roma-local (before/after figures with the same load generator)
    root: process.env.APIC_SERVER_ROOT || path.resolve(import.meta.dirname, '..'), rounds: Number(process.env.BENCH_ROUNDS ?? 5),
    requests: Number(process.env.BENCH_REQUESTS ?? 2000), concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  }).catch((err: unknown) => { console.error(err); process.exit(1); });
}
