// LINK devices, sub-devices, groups, filters and export over real HTTP against roma-local.
import { beforeAll, describe, expect, it } from 'vitest';
import { deviceGroupStrict, deviceStrict } from '../../../src/contract';
import { startLinkForFile, type LinkSession, expectLinkError, type Roma } from './support';

let h: Roma;
let s: LinkSession;
startLinkForFile((started, session) => { h = started; s = session; });

describe('devices', () => {
  it('create (201) shows credentials, the real MQTT address and status 0 = never connected', async () => {
    const p = await s.product();
    const r = await s.req('POST', '/devices', {
      body: { product: { product_id: p.id }, device_name: 'sensor-1', node_id: 'NODE-1', app_id: s.appId, password: 'Testpassword@1', tags: ['a', 'b'] },
    });
    expect(r.status).toBe(201);
    expect(r.body.client_id).toMatch(new RegExp(`^D${p.id}${r.body.id}[A-Za-z0-9]{5}$`));
    expect(r.body.authentication).toEqual({ user_name: expect.stringMatching(/^[0-9A-F]{32}$/), password: 'Testpassword@1' });
    expect(r.body.connect_address).toBe(h.endpoints.mqtt);
    expect(r.body.online_status).toBe(0);
    expect(r.body.node_type).toBe(0);
    const shown = await s.req('GET', `/devices/${r.body.id}`);
    const d = deviceStrict.parse(shown.body);
    expect(d.tags).toEqual(['a', 'b']);
    expect((await s.req('GET', `/devices/${r.body.id}/authentication`)).body.password).toBe('Testpassword@1');
  });

  it("the seed's CreateDevice example is validated, then refused for its unknown ids (404, nothing written)", async () => {
    const before = (await s.req('GET', '/devices?limit=1')).body.total;
    const seedBody = {
      parent_device_id: 10001, product: { product_id: 10001, product_name: 'testproduct', manufacturer_id: 'test', model: 'mate30pro', protocol_type: 0, product_type: 0 },
      password: 'Testpassword@1', device_name: 'device', node_id: 'D32145A100FF', app_id: s.appId, status: 0, description: 'device', tags: ['tag1', 'tag2'],
    };
    expectLinkError(await s.req('POST', '/devices', { body: seedBody }), 404, 'ROMA.00110006');
    expect((await s.req('GET', '/devices?limit=1')).body.total).toBe(before);
  });

  it('duplicates → 409; bad input → 400 and nothing written', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    expectLinkError(await s.req('POST', '/devices', { body: { product: { product_id: p.id }, device_name: d.device_name, node_id: 'other1', app_id: s.appId } }), 409, 'RML.0203');
    expectLinkError(await s.req('POST', '/devices', { body: { product: { product_id: p.id }, device_name: 'other-name', node_id: d.node_id, app_id: s.appId } }), 409, 'RML.0204');
    expectLinkError(await s.req('POST', '/devices', { body: { product: { product_id: p.id }, device_name: 'x', node_id: 'n1', app_id: s.appId } }), 400, 'SCB.00000000');
    expectLinkError(await s.req('POST', '/devices', { body: { product: { product_id: p.id }, device_name: 'ok-name', node_id: 'n1', app_id: s.appId, password: 'weak' } }), 400, 'SCB.00000000');
    expectLinkError(await s.req('POST', '/devices', { body: [] }), 400, 'SCB.00000000');
    expectLinkError(await s.req('POST', '/devices', {}), 400, 'RML.0005');
    expect((await s.req('GET', `/products/${p.id}/devices-summary`)).body.summary).toBe(1);
  });

  it('update (status required), delete, batch delete with a JSON body (all or nothing)', async () => {
    const p = await s.product();
    const [a, b, c] = [await s.device(p.id), await s.device(p.id), await s.device(p.id)];
    const up = await s.req('PUT', `/devices/${a.id}`, { body: { device_name: 'renamed-a', status: 1, description: 'off' } });
    expect(up.body).toMatchObject({ device_name: 'renamed-a', status: 1, description: 'off' });
    expectLinkError(await s.req('PUT', `/devices/${a.id}`, { body: { device_name: 'renamed-a' } }), 400, 'SCB.00000000');
    expectLinkError(await s.req('DELETE', '/devices', { body: { resources: [b.id, 999999] } }), 404, 'ROMA.00110006');
    expect((await s.req('GET', `/devices/${b.id}`)).status).toBe(200); // nothing deleted
    expect((await s.req('DELETE', '/devices', { body: { resources: [b.id, c.id] } })).status).toBe(204);
    expect((await s.req('DELETE', `/devices/${a.id}`)).status).toBe(204);
    expect((await s.req('GET', `/products/${p.id}/devices-summary`)).body.summary).toBe(0);
    expectLinkError(await s.req('GET', `/devices/${a.id}`), 404, 'ROMA.00110006');
  });

  it('device credentials reset: given values, regenerate when both empty', async () => {
    const p = await s.product();
    const d = await s.device(p.id);
    const r = await s.req('PUT', `/devices/${d.id}/authentication`, { body: { user_name: 'my-device-user', password: 'Another#Pass9' } });
    expect(r.body).toEqual({ user_name: 'my-device-user', password: 'Another#Pass9' });
    const g = await s.req('PUT', `/devices/${d.id}/authentication`, { body: { user_name: '', password: '' } });
    expect(g.body.user_name).toBe('my-device-user');
    expect(g.body.password).not.toBe('Another#Pass9');
    const other = await s.device(p.id);
    expectLinkError(await s.req('PUT', `/devices/${other.id}/authentication`, { body: { user_name: 'my-device-user' } }), 409, 'RML.0205');
  });

  it('topics of a device: system topics and the product custom topics', async () => {
    const p = await s.product();
    await s.req('POST', `/products/${p.id}/topics`, { body: { permission: 1, name: 'config', version: 'v1' } });
    const d = await s.device(p.id);
    const all = await s.req('GET', `/devices/${d.id}/topics`);
    expect(all.body.items.map((t: { name: string }) => t.name)).toEqual([
      `${p.product_serial}/out/${d.node_id}`, `${p.product_serial}/in/${d.node_id}`, `shadow/update/${p.product_serial}/${d.node_id}`,
      `/v1/${d.node_id}/config`,
    ]);
    expect((await s.req('GET', `/devices/${d.id}/topics?is_private=1`)).body.total).toBe(1);
    expect((await s.req('GET', `/devices/${d.id}/topics?topic_permission=1`)).body.total).toBe(2);
  });

  it('gateways and sub-devices: create with parent, attach, list, refuse non-gateways and deleting a parent', async () => {
    const gp = await s.product({ product_type: 1 });
    const np = await s.product();
    const gw = await s.device(gp.id);
    const child = await s.device(np.id, { parent_device_id: gw.id });
    expect(child).toMatchObject({ node_type: 2, parent_device_id: gw.id });
    const loose = await s.device(np.id);
    const added = await s.req('POST', `/devices/${gw.id}/subsets`, { body: { resources: [loose.id] } });
    expect(added.status).toBe(200);
    expect(Array.isArray(added.body)).toBe(true);
    expect(added.body[0]).toMatchObject({ id: loose.id, node_type: 2, parent_device_id: gw.id });
    const list = await s.req('GET', `/devices/${gw.id}/subsets`);
    expect(list.body.total).toBe(2);
    expectLinkError(await s.req('GET', `/devices/${loose.id}/subsets`), 400, 'RML.0237');
    expectLinkError(await s.req('POST', '/devices', { body: { product: { product_id: np.id }, device_name: 'orphan-x', node_id: 'orph', app_id: s.appId, parent_device_id: loose.id } }), 400, 'RML.0237');
    expectLinkError(await s.req('POST', `/devices/${gw.id}/subsets`, { body: { resources: [gw.id] } }), 400, 'RML.0215');
    expectLinkError(await s.req('DELETE', `/devices/${gw.id}`), 409, 'RML.0213');
    expect((await s.req('DELETE', '/devices', { body: { resources: [gw.id, child.id, loose.id] } })).status).toBe(204);
  });
});

describe('device list filters and paging', () => {
  let pA: { id: number; name: string };
  let t0: number;
  beforeAll(async () => {
    pA = await s.product();
    const pB = await s.product();
    t0 = Date.now();
    for (let i = 0; i < 5; i++) await s.device(pA.id, { device_name: `filt-a-${i}`, node_id: `fa${i}`, tags: i % 2 ? ['odd'] : ['even'] });
    for (let i = 0; i < 3; i++) await s.device(pB.id, { device_name: `filt-b-${i}`, node_id: `fb${i}` });
  });

  it('product, name prefix, tag, node id, online_status list, date range; newest first; offset/limit', async () => {
    const byProduct = await s.req('GET', `/devices?product_id=${pA.id}&limit=2&offset=1`);
    expect(byProduct.body.total).toBe(5);
    expect(byProduct.body.size).toBe(2);
    expect(byProduct.body.items.map((d: { device_name: string }) => d.device_name)).toEqual(['filt-a-3', 'filt-a-2']);
    expect(byProduct.body.connect_address).toBe(h.endpoints.mqtt);
    expect((await s.req('GET', `/devices?product_name=${encodeURIComponent(pA.name)}`)).body.total).toBe(5);
    expect((await s.req('GET', '/devices?device_name=filt-b')).body.total).toBe(3);
    expect((await s.req('GET', '/devices?device_name=filt-')).body.total).toBe(8);
    expect((await s.req('GET', `/devices?product_id=${pA.id}&tag=odd`)).body.total).toBe(2);
    expect((await s.req('GET', '/devices?node_id=fb1')).body.total).toBe(1);
    expect((await s.req('GET', `/devices?product_id=${pA.id}&online_status=0`)).body.total).toBe(5);
    expect((await s.req('GET', `/devices?product_id=${pA.id}&online_status=1,2`)).body.total).toBe(0);
    expect((await s.req('GET', `/devices?device_name=filt-&created_date_start=${t0}&created_date_end=${Date.now() + 1000}`)).body.total).toBe(8);
    expect((await s.req('GET', `/devices?device_name=filt-&created_date_end=${t0 - 1}`)).body.total).toBe(0);
    expect((await s.req('GET', `/devices?product_id=${pA.id}&limit=5000`)).body.size).toBe(5); // capped at 999, not refused
  });

  it('bad filters → 400 in the LINK shape', async () => {
    expectLinkError(await s.req('GET', '/devices?online_status=1,5'), 400, 'SCB.00000000');
    expectLinkError(await s.req('GET', '/devices?offset=-1'), 400, 'SCB.00000000');
    expectLinkError(await s.req('GET', '/devices?created_date_start=yesterday'), 400, 'SCB.00000000');
  });

  it('export: CSV UTF-8 with BOM, passwords only when asked', async () => {
    const ids = (await s.req('GET', `/devices?product_id=${pA.id}&limit=2`)).body.items.map((d: { id: number }) => d.id);
    const res = await fetch(`${h.url}${s.base}/devices/export?device_ids=${ids[0]}&device_ids=${ids[1]}&password_type=1`, {
      headers: { 'x-auth-token': s.token },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toMatch(/^device_id,device_name,node_id,client_id,/);
    expect(lines).toHaveLength(3);
    const pwCol = lines[0]!.split(',').indexOf('password');
    expect(lines[1]!.split(',')[pwCol]!.length).toBeGreaterThan(7);
    const noPw = await (await fetch(`${h.url}${s.base}/devices/export?device_ids=${ids[0]}`, { headers: { 'x-auth-token': s.token } })).text();
    expect(noPw.trim().split('\r\n')[1]!.split(',')[pwCol]).toBe('');
    const xls = await fetch(`${h.url}${s.base}/devices/export?file_export_type=xls`, { headers: { 'x-auth-token': s.token } });
    expect(xls.status).toBe(400);
  });
});

describe('device groups', () => {
  it('tree of an app, CRUD, members, refusals', async () => {
    const root = await s.req('POST', '/device-groups', { body: { parent_id: 0, name: 'building', app_id: s.appId } });
    expect(root.status).toBe(201);
    const g = deviceGroupStrict.parse(root.body);
    expect(g.app_name).toBe('demo-app');
    const child = await s.req('POST', '/device-groups', { body: { parent_id: g.id, name: 'floor-1', app_id: s.appId, description: 'first' } });
    expectLinkError(await s.req('POST', '/device-groups', { body: { parent_id: g.id, name: 'floor-1', app_id: s.appId } }), 409, 'RML.0206');
    expectLinkError(await s.req('POST', '/device-groups', { body: { parent_id: 99999, name: 'lost', app_id: s.appId } }), 404, 'ROMA.00110006');
    const tree = await s.req('GET', `/device-groups?app_id=${s.appId}`);
    const node = tree.body.items.find((n: { id: number }) => n.id === g.id);
    expect(node.children.map((c: { name: string }) => c.name)).toEqual(['floor-1']);
    expectLinkError(await s.req('GET', '/device-groups'), 400, 'SCB.00000000'); // app_id required

    const p = await s.product();
    const d1 = await s.device(p.id, { device_name: 'grp-dev-1' });
    const d2 = await s.device(p.id, { device_name: 'grp-dev-2' });
    expect((await s.req('POST', `/device-groups/${child.body.id}/devices/batch-add`, { body: { resources: [d1.id, d2.id] } })).status).toBe(204);
    expectLinkError(await s.req('POST', `/device-groups/${child.body.id}/devices/batch-add`, { body: { resources: [424242] } }), 404, 'ROMA.00110006');
    const members = await s.req('GET', `/device-groups/${child.body.id}/devices?device_name=grp-dev`);
    expect(members.body.total).toBe(2);
    expect(members.body.items[0]).toMatchObject({ device_id: d2.id, device_name: 'grp-dev-2', product_id: p.id, status: 0, online_status: 0 });
    expect((await s.req('DELETE', `/device-groups/${child.body.id}/devices/${d1.id}`)).status).toBe(204);
    expectLinkError(await s.req('DELETE', `/device-groups/${child.body.id}/devices/${d1.id}`), 404, 'ROMA.00110006');

    const up = await s.req('PUT', `/device-groups/${g.id}`, { body: { name: 'building-a', description: 'HQ' } });
    expect(up.body).toMatchObject({ name: 'building-a', description: 'HQ' });
    expectLinkError(await s.req('DELETE', `/device-groups/${g.id}`), 409, 'RML.0211');
    expect((await s.req('DELETE', `/device-groups/${child.body.id}`)).status).toBe(204);
    expect((await s.req('DELETE', `/device-groups/${g.id}`)).status).toBe(204);
    expectLinkError(await s.req('DELETE', `/device-groups/${g.id}`), 404, 'ROMA.00110006');
    expectLinkError(await s.req('DELETE', '/device-groups/x1'), 400, 'SCB.00000000');
  });
});
