// The LINK MQTT endpoint with real MQTT clients: login, refusals, status transitions, keepalive
// expiry, force offline, topic rights, shadow, sync/async commands, garbage, restart.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { shadowResponse } from '../../../src/contract';
import { start } from '../../../src/roma-local/test-helpers';
import { connect, deviceLogin, end, linkSession, until, startLinkForFile, type LinkSession, type Roma } from './support';

let h: Roma;
let s: LinkSession;
startLinkForFile((started, session) => { h = started; s = session; });

const status = async (id: number) => (await s.req('GET', `/devices/${id}`)).body;
const online = (id: number, want: number) => until(() => status(id), (d) => d.online_status === want, `online_status ${want}`);

describe('login', () => {
  it('accepts the issued credentials; API reports online with login time and client IP; DISCONNECT → offline', async () => {
    expect(h.endpoints.mqtt).toMatch(/^127\.0\.0\.1:\d+$/);
    const p = await s.product();
    const d = await s.device(p.id);
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d, 30));
    const on = await online(d.id, 1);
    expect(on.last_login_datetime).toBeGreaterThan(0);
    expect(on.client_ip).toMatch(/127\.0\.0\.1/);
    expect(on.keep_alive).toBe('30');
    await end(c);
    await online(d.id, 2);
  });

  it('wrong password, unknown client id, disabled device: CONNACK 5 and nothing changes', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    await expect(connect(h.endpoints.mqtt!, { ...deviceLogin(d), password: 'wrong' })).rejects.toMatchObject({ code: 5 });
    await expect(connect(h.endpoints.mqtt!, { ...deviceLogin(d), clientId: 'Dnope' })).rejects.toMatchObject({ code: 5 });
    await expect(connect(h.endpoints.mqtt!, { ...deviceLogin(d), username: 'x' })).rejects.toMatchObject({ code: 5 });
    await s.req('PUT', `/devices/${d.id}`, { body: { device_name: d.device_name, status: 1 } });
    await expect(connect(h.endpoints.mqtt!, deviceLogin(d))).rejects.toMatchObject({ code: 5 });
    const after = await status(d.id);
    expect(after.online_status).toBe(0);
    expect(after.last_login_datetime).toBeNull();
  });

  it('socket loss and keepalive expiry (1.5 × keepalive of silence) → offline', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d));
    await online(d.id, 1);
    (c.stream as net.Socket).destroy();
    c.end(true);
    await online(d.id, 2);

    // a raw client that sends CONNECT with keepalive 1 s and then stays silent
    const d2 = await s.device(p.id);
    const [host, port] = h.endpoints.mqtt!.split(':');
    const raw = net.connect(Number(port), host);
    raw.on('error', () => {});
    raw.write(connectPacket(d2.client_id, d2.authentication.user_name, d2.authentication.password, 1));
    await online(d2.id, 1);
    await online(d2.id, 2); // after ~1.5 s without PINGREQ
    raw.destroy();
  });

  it('force offline closes the connection; online device cannot be deleted', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    const idle = await s.device(p.id);
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d));
    await online(d.id, 1);
    const del = await s.req('DELETE', `/devices/${d.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error_code).toBe('RML.0212');
    const closed = new Promise<void>((r) => c.once('close', () => r()));
    const r = await s.req('POST', '/devices/force-offline', { body: { device_ids: [d.id, idle.id] } });
    expect(r.body.success.map((x: { id: number }) => x.id)).toEqual([d.id]);
    expect(r.body.failed.map((x: { id: number }) => x.id)).toEqual([idle.id]);
    await closed;
    expect((await status(d.id)).online_status).toBe(2);
    c.end(true);
    expect((await s.req('DELETE', `/devices/${d.id}`)).status).toBe(204);
  });
});

describe('topics, shadow and commands', () => {
  it('a device may only publish/subscribe its own topics', async () => {
    const p = await s.product();
    const [a, b] = [await s.device(p.id), await s.device(p.id)];
    const c = await connect(h.endpoints.mqtt!, deviceLogin(a));
    const granted = await c.subscribeAsync(`${p.product_serial}/in/${a.node_id}`, { qos: 1 });
    expect(granted.map((g) => g.qos)).toEqual([1]);
    // SUBACK 0x80 for another device's topic and for wildcards (mqtt.js rejects on it)
    await expect(c.subscribeAsync(`${p.product_serial}/in/${b.node_id}`)).rejects.toThrow(/Subscribe error/);
    await expect(c.subscribeAsync('#')).rejects.toThrow(/Subscribe error/);
    expect(c.connected).toBe(true);
    const closed = new Promise<void>((r) => c.once('close', () => r()));
    c.publish(`${p.product_serial}/out/${b.node_id}`, '{}', { qos: 1 });
    await closed; // publishing on someone else's topic drops the connection
    c.end(true);
  });

  it('data reports update the shadow; shadow/update topic too', async () => {
    const list = await s.req('GET', '/products?name=demo-thermostat');
    const p = list.body.items[0];
    const d = (await s.req('GET', `/devices?product_id=${p.id}&limit=1`)).body.items[0];
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d));
    await c.publishAsync(`${p.product_serial}/out/${d.node_id}`, JSON.stringify({
      services: [{ serviceId: 'Thermostat', data: { temperature: 21.5, humidity: 40 }, eventTime: '20260115T080000Z' }],
    }), { qos: 1 });
    await c.publishAsync(`shadow/update/${p.product_serial}/${d.node_id}`, JSON.stringify({
      services: [{ serviceId: 'Thermostat', data: { mode: 'heat' } }],
    }), { qos: 1 });
    await c.publishAsync(`${p.product_serial}/out/${d.node_id}`, 'not json at all', { qos: 1 }); // ignored, still connected
    const sh = await until(() => s.req('GET', `/devices/${d.id}/shadow`), (r) => r.body[0]?.properties.some((x: { property_value: unknown }) => x.property_value === 'heat'), 'shadow');
    const parsed = shadowResponse.parse(sh.body);
    const props = Object.fromEntries(parsed[0]!.properties.map((x) => [x.property_name, x]));
    expect(props.temperature).toMatchObject({ property_value: 21.5, property_updated_date: Date.UTC(2026, 0, 15, 8) });
    expect(props.humidity!.property_value).toBe(40);
    expect(c.connected).toBe(true);
    await end(c);
  });

  it('gateway datas report updates its sub-devices', async () => {
    const gp = await s.product({ product_type: 1 });
    const np = await s.product();
    const gw = await s.device(gp.id);
    const sub = await s.device(np.id, { parent_device_id: gw.id });
    const c = await connect(h.endpoints.mqtt!, deviceLogin(gw));
    await c.publishAsync(`${gp.product_serial}/out/${gw.node_id}`, JSON.stringify({
      devices: [{ deviceId: sub.client_id, services: [{ serviceId: 'Power', data: { watts: 12 }, eventTime: '20260115T080000Z' }] }],
    }), { qos: 1 });
    const sh = await until(() => s.req('GET', `/devices/${sub.id}/shadow`), (r) => r.body.length > 0, 'sub-device shadow');
    expect(sh.body[0]).toMatchObject({ service_id: 'Power', properties: [{ property_name: 'watts', property_value: 12 }] });
    await end(c);
  });

  async function thermostat() {
    const p = (await s.req('GET', '/products?name=demo-thermostat')).body.items[0];
    const svc = (await s.req('GET', `/services?product_id=${p.id}`)).body.items[0];
    const cmd = (await s.req('GET', `/services/${svc.service_id}/commands`)).body.items[0];
    const d = await s.device(p.id);
    return { p, svc, cmd, d };
  }

  it('sync command: cloudReq on the in topic, the deviceRsp with the same mid is returned', async () => {
    const { p, svc, cmd, d } = await thermostat();
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d));
    await c.subscribeAsync(`${p.product_serial}/in/${d.node_id}`, { qos: 1 });
    c.on('message', (_topic, payload) => {
      const m = JSON.parse(payload.toString());
      c.publish(`${p.product_serial}/out/${d.node_id}`, JSON.stringify({ msgType: 'deviceRsp', mid: m.mid, errcode: 0, body: { result: `set ${m.paras.target}`, got: m } }));
    });
    const r = await s.req('POST', `/devices/${d.id}/send-command`, {
      body: { service_id: svc.service_id, command_id: cmd.command_id, is_sync: true, requests: [{ parameter_name: 'target', parameter_value: 22 }] },
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('SUCCESSFUL');
    expect(r.body.result.body.result).toBe('set 22');
    expect(r.body.result.body.got).toEqual({
      msgType: 'cloudReq', mid: r.body.mid, cmd: 'setTarget', paras: { target: 22 }, serviceId: 'Thermostat', deviceId: d.client_id,
    });
    await end(c);
  });

  it('sync command to an offline device → 409; to a silent device → 504 after 5 s', async () => {
    const { p, svc, cmd, d } = await thermostat();
    const body = { service_id: svc.service_id, command_id: cmd.command_id, is_sync: true };
    const off = await s.req('POST', `/devices/${d.id}/send-command`, { body });
    expect(off.status).toBe(409);
    expect(off.body.error_code).toBe('RML.0236');
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d));
    await c.subscribeAsync(`${p.product_serial}/in/${d.node_id}`, { qos: 1 });
    const silent = await s.req('POST', `/devices/${d.id}/send-command`, { body });
    expect(silent.status).toBe(504);
    expect(silent.body.error_code).toBe('RML.0239');
    await end(c);
  }, 15_000);

  it('async command to an offline device is kept and delivered when it subscribes', async () => {
    const { p, svc, cmd, d } = await thermostat();
    const r = await s.req('POST', `/devices/${d.id}/send-command`, {
      body: { service_id: svc.service_id, command_id: cmd.command_id, is_sync: false, requests: [{ parameter_name: 'target', parameter_value: 19 }] },
    });
    expect(r.body.status).toBe('PENDING');
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d));
    const got = new Promise<{ mid: number; paras: unknown }>((resolve) => c.on('message', (_t, m) => resolve(JSON.parse(m.toString()))));
    await c.subscribeAsync(`${p.product_serial}/in/${d.node_id}`, { qos: 1 });
    const m = await got;
    expect(m).toMatchObject({ mid: r.body.mid, paras: { target: 19 } });
    const again = await s.req('POST', `/devices/${d.id}/send-command`, { body: { service_id: svc.service_id, command_id: cmd.command_id, is_sync: false } });
    expect(again.body.status).toBe('SENT');
    await end(c);
  });

  it('command with a service of another product → 404', async () => {
    const { svc, cmd } = await thermostat();
    const other = await s.device((await s.product()).id);
    const r = await s.req('POST', `/devices/${other.id}/send-command`, { body: { service_id: svc.service_id, command_id: cmd.command_id, is_sync: false } });
    expect(r.status).toBe(404);
  });
});

describe('robustness', () => {
  it('a garbage packet disconnects that socket only; the broker and HTTP carry on', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    const good = await connect(h.endpoints.mqtt!, deviceLogin(d));
    const [host, port] = h.endpoints.mqtt!.split(':');
    const raw = net.connect(Number(port), host);
    raw.on('error', () => {});
    const closed = new Promise<void>((r) => raw.on('close', () => r()));
    raw.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    await closed;
    expect(good.connected).toBe(true);
    await good.publishAsync(`${p.product_serial}/out/${d.node_id}`, '{}', { qos: 1 });
    expect((await s.req('GET', `/devices/${d.id}`)).body.online_status).toBe(1);
    await end(good);
  });

  it('a reconnect storm with one client id ends with one live session, online; disabling kicks it', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    const all = await Promise.allSettled(Array.from({ length: 20 }, () => connect(h.endpoints.mqtt!, deviceLogin(d))));
    const last = await connect(h.endpoints.mqtt!, deviceLogin(d)); // takes over whatever is left
    for (const r of all) if (r.status === 'fulfilled' && r.value !== last) r.value.end(true);
    await until(() => status(d.id), (x) => x.online_status === 1, 'online after the storm');
    expect((await s.req('GET', '/statistics/devices-count')).status).toBe(200);
    const closed = new Promise<void>((r) => last.once('close', () => r()));
    await s.req('PUT', `/devices/${d.id}`, { body: { device_name: d.device_name, status: 1 } });
    await closed;
    expect((await status(d.id)).online_status).toBe(2);
    last.end(true);
  });

  it('after a restart no device is left online', async () => {
    const h2 = await start();
    const s2 = await linkSession(h2);
    const p = await s2.product();
    const d = await s2.device(p.id);
    await connect(h2.endpoints.mqtt!, deviceLogin(d));
    await until(() => s2.req('GET', `/devices/${d.id}`), (r) => r.body.online_status === 1, 'online before restart');
    await h2.close();
    const h3 = await start({ dataDir: h2.dataDir });
    try {
      const s3 = await linkSession(h3);
      expect((await s3.req('GET', `/devices/${d.id}`)).body.online_status).toBe(2);
      expect((await s3.req('GET', '/products?name=demo-thermostat')).body.total).toBe(1); // demo seeded once
    } finally {
      await h3.close();
    }
  });
});

/** MQTT 3.1.1 CONNECT, written by hand so the client can stay silent (no PINGREQ). */
function connectPacket(clientId: string, user: string, pass: string, keepalive: number): Buffer {
  const str = (s: string) => {
    const b = Buffer.from(s);
    return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
  };
  const body = Buffer.concat([str('MQTT'), Buffer.from([4, 0xc2, keepalive >> 8, keepalive & 0xff]), str(clientId), str(user), str(pass)]);
  return Buffer.concat([Buffer.from([0x10, body.length]), body]);
}
