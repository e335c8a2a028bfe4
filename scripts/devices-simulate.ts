// `npm run devices:simulate -- --product <id|name> --count N [--interval 5]`: connects N devices
// of a product to roma-local's MQTT endpoint with their real credentials (read through the ROMA
// API after an IAM login), reports thing-model data every few seconds and answers commands.
// Options: --endpoint (ROMA_LOCAL_URL, default http://127.0.0.1:9080), --user (admin),
// --password (ROMA_LOCAL_PASSWORD, else <data-dir>/initial-password), --domain (roma-local),
// --project (cn-north-4), --data-dir (ROMA_DATA_DIR, .roma-data), --instance (first instance).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';

export interface Api { get(p: string): Promise<any> } // eslint-disable-line @typescript-eslint/no-explicit-any
export interface SimDevice { id: number; client_id: string; node_id: string; device_name: string; authentication: { user_name: string; password: string } }

/** IAM password login against roma-local (or the cloud), then a GET helper bound to the LINK prefix. */
export async function linkApi(o: { endpoint: string; user: string; password: string; domain: string; project: string; instance?: string }) {
  const res = await fetch(`${o.endpoint}/v3/auth/tokens?nocatalog=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { domain: { name: o.domain }, name: o.user, password: o.password } } },
        scope: { project: { name: o.project } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`IAM login failed: ${res.status} ${await res.text()}`);
  const token = res.headers.get('x-subject-token')!;
  const projectId = ((await res.json()) as { token: { project: { id: string } } }).token.project.id;
  const raw = async (p: string) => {
    const r = await fetch(`${o.endpoint}/v2/${projectId}${p}`, { headers: { 'x-auth-token': token } });
    const body = await r.json();
    if (r.status >= 400) throw new Error(`GET ${p}: ${r.status} ${JSON.stringify(body)}`);
    return body;
  };
  const instance = o.instance ?? (await raw('/instances')).instances[0].id as string;
  const api: Api = { get: (p) => raw(`/link/instances/${instance}${p}`) };
  return { api, token, projectId, instance };
}

export async function findProduct(api: Api, ref: string) {
  if (/^\d+$/.test(ref)) return api.get(`/products/${ref}`);
  const list = await api.get(`/products?name=${encodeURIComponent(ref)}&limit=999`);
  const p = list.items.find((x: { name: string }) => x.name === ref);
  if (!p) throw new Error(`no product named ${ref}`);
  return p;
}

/** The first `count` devices of a product, with credentials (the list carries them). */
export async function productDevices(api: Api, productId: number, count: number): Promise<{ devices: SimDevice[]; address: string }> {
  const devices: SimDevice[] = [];
  let address = '';
  for (let offset = 0; devices.length < count; offset += 999) {
    const page = await api.get(`/devices?product_id=${productId}&offset=${offset}&limit=${Math.min(999, count - devices.length)}`);
    address = page.connect_address;
    devices.push(...page.items);
    if (page.items.length === 0) break;
  }
  return { devices, address };
}

/** Connects one device; resolves at CONNACK with the time it arrived. */
export function connectDevice(address: string, d: SimDevice, keepalive = 60, timeoutMs = 30_000): Promise<{ client: MqttClient; connackAt: number }> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://${address}`, {
      clientId: d.client_id, username: d.authentication.user_name, password: d.authentication.password,
      keepalive, reconnectPeriod: 0, connectTimeout: timeoutMs, protocolVersion: 4,
    });
    client.once('connect', () => resolve({ client, connackAt: performance.now() }));
    client.once('error', (err) => {
      client.end(true);
      reject(err);
    });
  });
}

interface ModelService {
  service_name: string;
  properties: { property_name: string; data_type: string; min?: string | null; max?: string | null; enum_list?: string | null }[];
}

async function thingModel(api: Api, productId: number): Promise<ModelService[]> {
  const services = (await api.get(`/services?product_id=${productId}&limit=999`)).items as { service_id: number; service_name: string }[];
  return Promise.all(services.map(async (s) => ({
    service_name: s.service_name, properties: (await api.get(`/services/${s.service_id}/properties?limit=999`)).items,
  })));
}

function sample(p: ModelService['properties'][number]): unknown {
  const lo = Number(p.min ?? 0);
  const hi = Number(p.max ?? 100);
  if (p.data_type === 'integer') return Math.round(lo + Math.random() * (hi - lo));
  if (p.data_type === 'number') return Math.round((lo + Math.random() * (hi - lo)) * 10) / 10;
  if (p.data_type === 'json') return { ok: true };
  const choices = p.enum_list?.split(',').filter(Boolean);
  if (choices?.length) return choices[Math.floor(Math.random() * choices.length)];
  return `v${Math.floor(Math.random() * 1000)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      product: { type: 'string' }, count: { type: 'string', default: '10' }, interval: { type: 'string', default: '5' },
      endpoint: { type: 'string' }, user: { type: 'string', default: 'admin' }, password: { type: 'string' },
      domain: { type: 'string', default: 'roma-local' }, project: { type: 'string', default: 'cn-north-4' },
      'data-dir': { type: 'string' }, instance: { type: 'string' },
    },
  });
  if (!values.product) throw new Error('--product <id|name> is required');
  const count = Number(values.count);
  const interval = Number(values.interval);
  if (!Number.isInteger(count) || count < 1 || count > 20000) throw new Error('--count must be 1..20000');
  if (!(interval > 0)) throw new Error('--interval must be a positive number of seconds');
  const dataDir = values['data-dir'] ?? process.env.ROMA_DATA_DIR ?? '.roma-data';
  const password = values.password ?? process.env.ROMA_LOCAL_PASSWORD
    ?? fs.readFileSync(path.join(dataDir, 'initial-password'), 'utf8').trim();
  const endpoint = values.endpoint ?? process.env.ROMA_LOCAL_URL ?? 'http://127.0.0.1:9080';
  const { api } = await linkApi({ endpoint, user: values.user!, password, domain: values.domain!, project: values.project!, instance: values.instance });
  const product = await findProduct(api, values.product);
  const model = await thingModel(api, product.id);
  const { devices, address } = await productDevices(api, product.id, count);
  console.log(`product ${product.name} (${product.id}): ${devices.length} device(s) → mqtt://${address}`);

  const clients: MqttClient[] = [];
  let reports = 0;
  let commands = 0;
  for (const d of devices) {
    const { client } = await connectDevice(address, d).catch((err: Error) => {
      console.error(`${d.device_name}: ${err.message}`);
      return { client: undefined };
    });
    if (!client) continue;
    clients.push(client);
    const out = `${product.product_serial}/out/${d.node_id}`;
    client.subscribe(`${product.product_serial}/in/${d.node_id}`, { qos: 1 });
    client.on('message', (_topic, payload) => {
      try {
        const m = JSON.parse(payload.toString()) as { msgType?: string; mid?: number; cmd?: string; paras?: unknown };
        if (m.msgType !== 'cloudReq') return;
        commands++;
        console.log(`${d.device_name}: command ${m.cmd} ${JSON.stringify(m.paras)}`);
        client.publish(out, JSON.stringify({ msgType: 'deviceRsp', mid: m.mid, errcode: 0, body: { result: 'ok', echo: m.paras } }), { qos: 1 });
      } catch {
        // not a command: ignore
      }
    });
    const timer = setInterval(() => {
      const services = model.map((s) => ({
        serviceId: s.service_name, data: Object.fromEntries(s.properties.map((p) => [p.property_name, sample(p)])), eventTime: Date.now(),
      })).filter((s) => Object.keys(s.data).length > 0);
      if (services.length) {
        client.publish(out, JSON.stringify({ services }), { qos: 0 });
        reports++;
      }
    }, interval * 1000 * (0.8 + Math.random() * 0.4));
    client.once('close', () => clearInterval(timer));
  }
  console.log(`${clients.length} connected; reporting every ~${interval} s; Ctrl-C to stop`);
  const status = setInterval(() => console.log(`reports sent: ${reports}, commands answered: ${commands}`), 30_000);
  process.on('SIGINT', () => {
    clearInterval(status);
    for (const c of clients) c.end(true);
    process.exit(0);
  });
}

if (path.resolve(process.argv[1] ?? '') === path.resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
