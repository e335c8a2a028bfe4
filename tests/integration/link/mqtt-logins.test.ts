// The broker checks CONNECTs against logins kept in memory (link/login-cache.ts): every write
// that changes a login must take effect at the next CONNECT, and a connect storm must end with
// every device online in the API (status writes are batched, flushed before any HTTP answer).
import { describe, expect, it } from 'vitest';
import { connect, deviceLogin, end, startLinkForFile, type LinkSession, type Roma } from './support';

let h: Roma;
let s: LinkSession;
startLinkForFile((started, session) => { h = started; s = session; });

const status = async (id: number) => (await s.req('GET', `/devices/${id}`)).body;

describe('logins kept in memory', () => {
  it('a credential reset refuses the old password and accepts the new one at the next CONNECT', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d)); // the login is now cached
    const closed = new Promise<void>((r) => c.once('close', () => r()));
    const r = await s.req('PUT', `/devices/${d.id}/authentication`, { body: { user_name: d.authentication.user_name, password: 'Renewed#Pass9' } });
    expect(r.status).toBe(200);
    await closed; // the old credentials no longer hold: kicked
    c.end(true);
    await expect(connect(h.endpoints.mqtt!, deviceLogin(d))).rejects.toMatchObject({ code: 5 });
    const again = await connect(h.endpoints.mqtt!, deviceLogin({ ...d, authentication: { ...d.authentication, password: 'Renewed#Pass9' } }));
    expect((await status(d.id)).online_status).toBe(1);
    await end(again);
  });

  it('a product topic added after a device was seen is granted at its next CONNECT', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    const first = await connect(h.endpoints.mqtt!, deviceLogin(d));
    await end(first);
    const t = await s.req('POST', `/products/${p.id}/topics`, { body: { permission: 1, name: 'config', version: 'v1' } });
    expect(t.status).toBe(201);
    const c = await connect(h.endpoints.mqtt!, deviceLogin(d));
    const granted = await c.subscribeAsync(`/v1/${d.node_id}/config`, { qos: 1 });
    expect(granted[0]?.qos).toBe(1);
    await end(c);
  });

  it('a deleted device is refused even though its login was cached', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    await end(await connect(h.endpoints.mqtt!, deviceLogin(d)));
    expect((await s.req('DELETE', `/devices/${d.id}`)).status).toBe(204);
    await expect(connect(h.endpoints.mqtt!, deviceLogin(d))).rejects.toMatchObject({ code: 5 });
  });

  it('200 devices connecting at once are all online in the very next API answer', async () => {
    const p = await s.product();
    const devices = await Promise.all(Array.from({ length: 200 }, () => s.device(p.id)));
    const clients = await Promise.all(devices.map((d) => connect(h.endpoints.mqtt!, deviceLogin(d))));
    const r = await s.req('GET', `/devices?product_id=${p.id}&online_status=1&limit=1`);
    expect(r.body.total).toBe(200);
    await Promise.all(clients.map(end));
  });
});
