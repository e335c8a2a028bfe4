// LINK bench: device list through the BFF over 100 000 devices (baseline: the same calls made
// directly to roma-local, and a 1-app apps list), 10 000 simulated devices connecting at once
// (link-storm.ts: time until the API reports all online, roma-local CPU per connect and memory),
// CONNACK → online_status=1 in the API, and in the open console page (link-console.ts).
// Separate processes: roma-local, the BFF, the storm generator and this one. Figures only.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import type { MqttClient } from 'mqtt';
import { openDb } from '../src/roma-local/db/open';
import { startRomaLocal } from '../src/roma-local/server';
import { ensureChromium } from '../scripts/chromium';
import { connectDevice, linkApi, productDevices } from '../scripts/devices-simulate';
import { seedDevices } from '../scripts/seed-devices';
import { consoleOnlineLatency } from './link-console';
import { runStorm } from './link-storm';
import { median } from './load';
import { spawnReady } from './spawn';

const root = path.resolve(import.meta.dirname, '..');
const DEVICES = Number(process.env.BENCH_LINK_DEVICES ?? 100_000);
const CONNECT = Number(process.env.BENCH_LINK_CONNECT ?? 10_000);
const PAGES = Number(process.env.BENCH_LINK_PAGES ?? 100);
const ROUNDS = Number(process.env.BENCH_LINK_ROUNDS ?? 3);
const CONSOLE_ROUNDS = Number(process.env.BENCH_LINK_CONSOLE_ROUNDS ?? 7);
const PASSWORD = 'Bench-Passw0rd!';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

export async function benchLink(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-bench-link-'));
  const children: ChildProcess[] = [];
  const clients: MqttClient[] = [];
  try {
    // ---- data: first start (demo instance), then a direct batch fill ----
    const first = await startRomaLocal({ dataDir, password: PASSWORD, mqttPort: 0, gatewayPort: 0, port: 0 });
    await first.close();
    const db = openDb(dataDir);
    db.pragma('synchronous = OFF');
    const seeded = seedDevices(db, DEVICES);
    db.close();
    console.log(`\n## LINK (${DEVICES} devices seeded in ${(seeded.ms / 1000).toFixed(1)} s)`);

    const roma = await spawnReady(children, root, ['--import', 'tsx', 'src/roma-local/standalone.ts'], {
      ROMA_LOCAL_PORT: '0', ROMA_LOCAL_MQTT_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0', ROMA_DATA_DIR: dataDir, ROMA_LOCAL_PASSWORD: PASSWORD,
    }, /roma-local listening on (http:\/\/\S+)/);
    const romaPid = children[0]!.pid!;
    const bff = await spawnReady(children, root, ['--import', 'tsx', 'scripts/start.ts'], { PORT: '0', ROMA_ENDPOINT: roma, IAM_ENDPOINT: roma }, /running at (http:\/\/\S+)/);
    const { api, token, projectId, instance } = await linkApi({ endpoint: roma, user: 'admin', password: PASSWORD, domain: 'roma-local', project: 'cn-north-4' });
    const lr = await request(`${bff}/bff/login`, {
      method: 'POST', headers: { 'x-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD, domain: 'roma-local', project: 'cn-north-4' }),
    });
    const setCookie = lr.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
    await lr.body.dump();
    const prefix = `/v2/${projectId}/link/instances/${instance}`;
    const viaBff = async (p: string) => {
      const r = await request(`${bff}/api${prefix}${p}`, { headers: { cookie, 'x-csrf': '1' } });
      const body = (await r.body.json()) as { total: number; items: { online_status: number }[] };
      if (r.statusCode !== 200) throw new Error(`${p}: ${r.statusCode}`);
      return body;
    };
    const direct = async (p: string) => {
      const r = await request(`${roma}${prefix}${p}`, { headers: { 'x-auth-token': token } });
      await r.body.dump();
    };

    // ---- device list: p50/p95 per page (20 rows, random page of the first 50), one at a time ----
    const namePrefix = `sim-${(await api.get('/devices?limit=1')).items[0].device_name.split('-')[1]}-0012`;
    // baseline in the same run: the tiny apps list (one row), same BFF and roma-local
    const appsPath = `/v2/${projectId}/instances/${instance}/apps?limit=20`;
    const base: number[][] = [[], []];
    for (let i = 0; i < PAGES; i++) {
      let t = performance.now();
      await (await request(`${bff}/api${appsPath}`, { headers: { cookie, 'x-csrf': '1' } })).body.dump();
      base[0]!.push(performance.now() - t);
      t = performance.now();
      await (await request(`${roma}${appsPath}`, { headers: { 'x-auth-token': token } })).body.dump();
      base[1]!.push(performance.now() - t);
    }
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
    const cases: [string, string][] = [
      ['no filter', ''], [`product_id=${seeded.productId}`, `&product_id=${seeded.productId}`],
      ['online_status=1,2', '&online_status=1,2'], [`device_name=${namePrefix} (prefix)`, `&device_name=${namePrefix}`],
    ];
    console.log(`device list, limit 20, ${PAGES} pages per round × ${ROUNDS} rounds; medians over rounds (ms)`);
    console.log('filter                                    total   BFF p50  BFF p95   direct p50  direct p95');
    console.log(`${'baseline: apps list (1 app)'.padEnd(40)} ${'1'.padStart(6)}  ${pct(base[0]!, 0.5).toFixed(2).padStart(8)} ${pct(base[0]!, 0.95).toFixed(2).padStart(8)}   ${pct(base[1]!, 0.5).toFixed(2).padStart(9)}  ${pct(base[1]!, 0.95).toFixed(2).padStart(10)}`);
    for (const [name, q] of cases) {
      const total = (await viaBff(`/devices?limit=1${q}`)).total;
      const pages = Math.max(1, Math.min(50, Math.ceil(total / 20)));
      const b50: number[] = []; const b95: number[] = []; const d50: number[] = []; const d95: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const tb: number[] = []; const td: number[] = [];
        for (let i = 0; i < PAGES; i++) {
          const p = `/devices?limit=20&offset=${Math.floor(Math.random() * pages) * 20}${q}`;
          let t = performance.now();
          await viaBff(p);
          tb.push(performance.now() - t);
          t = performance.now();
          await direct(p);
          td.push(performance.now() - t);
        }
        b50.push(pct(tb, 0.5)); b95.push(pct(tb, 0.95)); d50.push(pct(td, 0.5)); d95.push(pct(td, 0.95));
      }
      console.log(`${name.padEnd(40)} ${String(total).padStart(6)}  ${median(b50).toFixed(2).padStart(8)} ${median(b95).toFixed(2).padStart(8)}   ${median(d50).toFixed(2).padStart(9)}  ${median(d95).toFixed(2).padStart(10)}`);
    }
    const cold = performance.now();
    await viaBff(`/devices?limit=20&online_status=0&created_date_start=${Date.now() - 86_400_000 * 15}`);
    console.log(`one uncached total (new filter, 100k rows): ${(performance.now() - cold).toFixed(1)} ms through the BFF`);

    // ---- 10 000 devices at once ----
    const { devices, address } = await productDevices(api, seeded.productId, CONNECT + 50);
    const onlineNow = async () => (await viaBff(`/devices?limit=1&product_id=${seeded.productId}&online_status=1`)).total;
    const storm = await runStorm({ address, devices: devices.slice(0, CONNECT), romaPid, onlineNow });
    await storm.close();
    while ((await onlineNow()) > 0) await new Promise((r) => setTimeout(r, 100));

    // ---- CONNACK → online_status=1 in the API (through the BFF), one device at a time ----
    const lat: number[] = [];
    for (const d of devices.slice(CONNECT, CONNECT + 50)) {
      const { client, connackAt } = await connectDevice(address, d);
      clients.push(client);
      let seen = false;
      while (!seen) {
        const r = await request(`${bff}/api${prefix}/devices/${d.id}`, { headers: { cookie, 'x-csrf': '1' } });
        seen = ((await r.body.json()) as { online_status: number }).online_status === 1;
      }
      lat.push(performance.now() - connackAt);
    }
    console.log(`CONNACK → online_status=1 seen through the BFF: p50 ${pct(lat, 0.5).toFixed(1)} ms, p95 ${pct(lat, 0.95).toFixed(1)} ms over ${lat.length} devices (target ≤ 200 ms)`);
    for (const c of clients.splice(0)) c.end(true);

    // ---- CONNACK → online in the open console page (first page of the product's devices) ----
    const chromium = ensureChromium();
    if (!chromium.ok) console.log(chromium.message);
    else {
      while ((await onlineNow()) > 0) await new Promise((r) => setTimeout(r, 100));
      const times = await consoleOnlineLatency({
        bff, chromiumPath: chromium.path, login: { username: 'admin', password: PASSWORD, domain: 'roma-local', project: 'cn-north-4' },
        instanceId: instance, productId: seeded.productId, address, devices: devices.slice(0, CONSOLE_ROUNDS),
      });
      console.log(`CONNACK → row shows online in the open devices page: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} devices (target ≤ 3 s; the page polls every 2 s; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
    }
  } finally {
    for (const c of clients) c.end(true);
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (path.resolve(process.argv[1] ?? '') === path.resolve(import.meta.filename)) {
  benchLink().then(() => process.exit(0), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
