// APIC figures for `npm run bench`, measured in one run with baselines:
// - the gateway in front of a mock API and in front of an HTTP backend vs calling that backend
//   directly (targets: ≥ 0.5× direct throughput, ≤ 5 ms added p99);
// - the API list of a group with 5 000 APIs through the BFF vs straight to roma-local (target p95 ≤ 30 ms).
// Backend, roma-local (+ gateway), BFF and load generator are separate processes.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchGateway } from './apic-gateway';
import { benchList } from './apic-list';
import { freePort } from './proc';
import { spawnReady } from './spawn';

const BACKEND_JS = `const http=require('http');const body=JSON.stringify({ok:true,items:[1,2,3],text:'x'.repeat(200)});
http.createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json','content-length':Buffer.byteLength(body)});s.end(body)})})
.listen(0,'127.0.0.1',function(){console.log('backend listening on http://127.0.0.1:'+this.address().port)})`;



async function json(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | FormData } = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, headers: res.headers };
}

export async function benchApic(o: { root: string; rounds: number; requests: number; concurrency: number }): Promise<void> {
  // BENCH_APIC=gateway or =list runs one part; APIC_SERVER_ROOT runs another checkout's roma-local (before/after figures);
  // APIC_SERVER_NODE_ARGS adds node flags to roma-local only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
  const parts = new Set((process.env.BENCH_APIC || 'gateway,list').split(','));
  const serverRoot = process.env.APIC_SERVER_ROOT || o.root;
  const children: ChildProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-bench-apic-'));
  const password = 'Bench-Passw0rd!';
  try {
    const backendUrl = await spawnReady(children, o.root, ['-e', BACKEND_JS], {}, /backend listening on (http:\/\/\S+)/);
    const gwPort = await freePort();
    const roma = await spawnReady(children, serverRoot, [...(process.env.APIC_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'src/roma-local/standalone.ts'], {
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

    // ---- gateway vs direct ----
    if (parts.has('gateway')) {
      await benchGateway({ ...o, backendPid: children[0]!.pid, gatewayPid: children[1]!.pid }, {
        direct: [backendUrl, '/data', {}],
        gatewayHttp: [gateway, '/data', { host: g.sl_domain }],
        gatewayMock: [gateway, '/demo/hello', { host: 'demo.apic.localhost' }],
      });
    }
    if (!parts.has('list')) return;

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

    // ---- 5 000-API list through the BFF ----
    const lr = await fetch(`${bff}/bff/login`, {
      method: 'POST', headers: { 'x-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password, domain: 'roma-local', project: 'cn-north-4' }),
    });
    const cookie = lr.headers.get('set-cookie')!.split(';')[0]!;
    await lr.text();
    const listPath = `/v2/${pid}/apic/instances/${iid}/apis?group_id=${big.id}&offset=2500&limit=20`;
    const check = (await json(`${roma}${listPath}`, { headers: { 'x-auth-token': token } })).body as { total: number };
    await benchList({ ...o, roma, bff, listPath, token, cookie, total: check.total, importSec, imported: imp.success.length });
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
