// `npm run bench`: bundle sizes a browser really loads (one row per page), BFF proxy overhead
// against the same list call made directly to roma-local, and each area's own bench, measured in
// one run. Figures, not assertions. BENCH_ONLY=bundles,proxy,fdi,apic,consumers,team,link runs a selection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { ensureChromium } from '../scripts/chromium';
import { benchApic } from './apic';
import { benchConsumers } from './apic-consumers';
import { measureBundles, type JsTotals } from './bundle';
import { DEFAULT_READY, pages } from './pages';
import { wanted } from './select';
import { measureEntry } from './entry';
import { benchFdi } from './fdi';
import { benchLink } from './link';
import { median, runLoad, type LoadResult } from './load';
import { runTeamBench } from './team';
import { spawnReady } from './spawn';

const root = path.resolve(import.meta.dirname, '..');
const KB = 1024;
const FIRST_VISIT_BUDGET = 200 * KB;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const kb = (n: number): string => `${(n / KB).toFixed(1)} KB`;

async function main(): Promise<void> {
  console.log('Building the console (vite build)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

  // Three processes, as in production: roma-local alone, the console (BFF) pointed at it as
  // its "real cloud" upstream, and this process generating load — so neither server's work is
  // counted against the other's event loop.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-bench-'));
  const password = 'Bench-Passw0rd!';
  const children: ChildProcess[] = [];
  const roma = await spawnReady(children, root, ['--import', 'tsx', 'src/roma-local/standalone.ts'], {
    ROMA_LOCAL_PORT: '0', ROMA_LOCAL_MQTT_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0', ROMA_DATA_DIR: dataDir, ROMA_LOCAL_PASSWORD: password,
  }, /roma-local listening on (http:\/\/\S+)/);
  const bff = await spawnReady(children, root, ['--import', 'tsx', 'scripts/start.ts'], {
    PORT: '0', ROMA_ENDPOINT: roma, IAM_ENDPOINT: roma,
  }, /running at (http:\/\/\S+)/);
  const handle = { url: bff, romaLocalUrl: roma };
  try {
    const account = { user: 'admin', domain: 'roma-local', project: 'cn-north-4', projectId: '' };
    const login = { user: account.user, password, domain: account.domain, project: account.project };

    // One BFF session and one direct roma-local token for the same list call.
    const lr = await request(`${handle.url}/bff/login`, {
      method: 'POST',
      headers: { 'x-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ username: login.user, password, domain: login.domain, project: login.project }),
    });
    const setCookie = lr.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
    await lr.body.dump();
    const tr = await request(`${handle.romaLocalUrl}/v3/auth/tokens?nocatalog=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { domain: { name: login.domain }, name: login.user, password } } },
          scope: { project: { name: login.project } },
        },
      }),
    });
    const token = tr.headers['x-subject-token'] as string;
    const pid = ((await tr.body.json().catch(() => undefined)) as { token?: { project?: { id: string } } } | undefined)?.token?.project?.id ?? '';
    const ir = await request(`${handle.romaLocalUrl}/v2/${pid}/instances`, { headers: { 'x-auth-token': token } });
    const instanceId = ((await ir.body.json()) as { instances: { id: string }[] }).instances[0]!.id;

    // ---- bundles ----
    const chromium = ensureChromium();
    let bundles: { firstVisit: JsTotals; pages: Map<string, JsTotals> } | undefined;
    if (!wanted('bundles')) {
      /* skipped */
    } else if (chromium.ok) {
      bundles = await measureBundles({
        baseUrl: handle.url,
        chromiumPath: chromium.path,
        login,
        pages: pages.map((p) => ({ name: p.name, path: p.path(instanceId), ready: p.ready ?? DEFAULT_READY })),
      });
    } else {
      console.log(chromium.message);
    }

    // ---- proxy ----
    const listPath = `/v2/${pid}/instances/${instanceId}/apps?offset=0&limit=20`;
    const direct: LoadResult[] = [];
    const viaBff: LoadResult[] = [];
    const warm = { requests: 300, concurrency: CONCURRENCY };
    const rounds = wanted('proxy') ? ROUNDS : 0;
    if (rounds) await runLoad({ origin: handle.romaLocalUrl!, path: listPath, headers: { 'x-auth-token': token }, ...warm });
    if (rounds) await runLoad({ origin: handle.url, path: `/api${listPath}`, headers: { cookie, 'x-csrf': '1' }, ...warm });
    for (let i = 0; i < rounds; i++) {
      direct.push(await runLoad({ origin: handle.romaLocalUrl!, path: listPath, headers: { 'x-auth-token': token }, requests: REQUESTS, concurrency: CONCURRENCY }));
      viaBff.push(await runLoad({ origin: handle.url, path: `/api${listPath}`, headers: { cookie, 'x-csrf': '1' }, requests: REQUESTS, concurrency: CONCURRENCY }));
    }

    // ---- report ----
    const row = (name: string, t: JsTotals, budget: number): void =>
      console.log(`${name.padEnd(34)} ${String(t.files).padStart(3)} files  raw ${kb(t.raw).padStart(10)}  gzip ${kb(t.gzip).padStart(9)}  budget ${kb(budget)}  ${t.gzip <= budget ? 'within' : 'OVER'}  (${((t.gzip / budget) * 100).toFixed(0)}% of budget)`);
    console.log('\n## Bundles');
    const entry = measureEntry(path.join(root, 'dist'));
    row('first visit: entry + preloads', entry, FIRST_VISIT_BUDGET);
    console.log(`  ${entry.names.join(', ')}`);
    if (bundles) {
      row('first visit: all JS until idle', bundles.firstVisit, FIRST_VISIT_BUDGET);
      for (const p of pages) {
        const t = bundles.pages.get(p.name);
        if (t) row(`login → ${p.name}: all JS`, t, p.budgetGzip);
      }
      console.log(`  first visit loads: ${bundles.firstVisit.names.join(', ')}`);
      // BENCH_FILES=1: each page's files with their gzip size, to see what a page pulls in.
      if (process.env.BENCH_FILES) {
        const gz = (name: string): string => kb(zlib.gzipSync(fs.readFileSync(path.join(root, 'dist', name.replace(/^\//, ''))), { level: 9 }).length);
        for (const [name, t] of [['first visit', bundles.firstVisit] as const, ...bundles.pages]) {
          console.log(`  ${name}: ${t.names.map((n) => `${n.replace('/assets/', '')} ${gz(n)}`).join(', ')}`);
        }
      }
    }
    const agg = (rs: LoadResult[]): { rps: number; p50: number; p99: number; errors: number } => ({
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      errors: rs.reduce((s, r) => s + r.errors, 0),
    });
    const d = agg(direct);
    const b = agg(viaBff);
    if (rounds) {
      console.log(`\n## Proxy: GET apps list (limit 20), ${ROUNDS} rounds × ${REQUESTS} requests, ${CONCURRENCY} connections; medians over rounds`);
      console.log('path                 req/s      p50 ms   p99 ms   errors');
      console.log(`direct roma-local  ${d.rps.toFixed(0).padStart(7)}   ${d.p50.toFixed(2).padStart(7)}  ${d.p99.toFixed(2).padStart(7)}   ${d.errors}`);
      console.log(`through the BFF    ${b.rps.toFixed(0).padStart(7)}   ${b.p50.toFixed(2).padStart(7)}  ${b.p99.toFixed(2).padStart(7)}   ${b.errors}`);
      console.log(`ratio BFF/direct   throughput ${(b.rps / d.rps).toFixed(2)}×   p50 ${(b.p50 / d.p50).toFixed(2)}×   p99 ${(b.p99 / d.p99).toFixed(2)}×`);
    }
    console.log(`(roma-local, the BFF and the load generator are separate processes on ${os.cpus().length} cores; node ${process.version})`);
    if (wanted('fdi')) await benchFdi();
    if (wanted('apic')) await benchApic({ root, rounds: ROUNDS, requests: REQUESTS, concurrency: CONCURRENCY });
    if (wanted('consumers')) await benchConsumers({ root, rounds: ROUNDS, requests: REQUESTS, concurrency: CONCURRENCY });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (wanted('team')) await runTeamBench();
  if (wanted('link')) await benchLink();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
