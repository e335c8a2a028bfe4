// Shared setup for the LINK integration tests: a real roma-local (ephemeral HTTP and MQTT
// ports, temp data dir), a logged-in LINK client, and helpers to create products/devices and to
// connect real MQTT clients.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, expect } from 'vitest';
import { linkErrorBody } from '../../../src/contract/common';
import { call, session, start } from '../../../src/roma-local/test-helpers';

export type Roma = Awaited<ReturnType<typeof start>>;
export type LinkSession = Awaited<ReturnType<typeof linkSession>>;

/** One roma-local and a logged-in LINK client for a test file: started before its tests, stopped
 * after them; `use` receives both (the file keeps them in its own `h` and `s`). */
export function startLinkForFile(use: (h: Roma, s: LinkSession) => void): void {
  let h: Roma | undefined;
  beforeAll(async () => {
    h = await start();
    use(h, await linkSession(h));
  });
  afterAll(async () => h?.close());
}

/** A LINK error answer: this status and this vendor error code. */
export function expectLinkError(r: { status: number; body: unknown }, status: number, code: string): void {
  expect(r.status).toBe(status);
  expect(linkErrorBody.parse(r.body).error_code).toBe(code);
}

export async function linkSession(h: Roma) {
  const s = await session(h);
  const base = `/v2/${s.pid}/link/instances/${s.instanceId}`;
  const req = (method: string, p: string, opts: Omit<Parameters<typeof call>[3], 'token'> = {}) =>
    call(h.url, method, `${base}${p}`, { token: s.token, ...opts });
  const apps = await s.req('GET', '/apps');
  const appId = apps.body.apps[0].id as string;
  let n = 0;
  const uniq = () => `${Date.now().toString(36)}${++n}`;

  async function product(over: Record<string, unknown> = {}) {
    const u = uniq();
    const r = await req('POST', '/products', {
      body: { app_id: appId, name: `p_${u}`, manufacturer_id: `m-${u}`, manufacturer_name: 'Maker', model: `X${u}`, product_type: 0, protocol_type: 0, ...over },
    });
    if (r.status !== 201) throw new Error(`product: ${r.status} ${r.text}`);
    return r.body as { id: number; product_serial: string; name: string };
  }
  async function device(productId: number, over: Record<string, unknown> = {}) {
    const u = uniq();
    const r = await req('POST', '/devices', {
      body: { product: { product_id: productId }, device_name: `d-${u}`, node_id: `n_${u}`, app_id: appId, ...over },
    });
    if (r.status !== 201) throw new Error(`device: ${r.status} ${r.text}`);
    return r.body as { id: number; client_id: string; node_id: string; device_name: string; authentication: { user_name: string; password: string } };
  }
  return { ...s, base, req, appId, product, device, uniq };
}

/** Connects a real MQTT client; resolves on CONNACK accept, rejects with the refusal. */
export function connect(address: string, opts: IClientOptions): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const c = mqtt.connect(`mqtt://${address}`, { reconnectPeriod: 0, connectTimeout: 5000, protocolVersion: 4, ...opts });
    c.once('connect', () => resolve(c));
    c.once('error', (err) => {
      c.end(true);
      reject(err);
    });
  });
}

export const deviceLogin = (d: { client_id: string; authentication: { user_name: string; password: string } }, keepalive = 60) => ({
  clientId: d.client_id, username: d.authentication.user_name, password: d.authentication.password, keepalive,
});

/** Polls until the predicate holds (status changes are asynchronous to the HTTP side). */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, tries = 200): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await fn();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
}

export const end = (c: MqttClient) => new Promise<void>((r) => c.end(false, {}, () => r()));
