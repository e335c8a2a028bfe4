// LINK products, topics, thing model and statistics over real HTTP against roma-local.
import { describe, expect, it } from 'vitest';
import { productStrict, productTopicStrict, propertyStrict, serviceStrict, devicesCountResponse } from '../../../src/contract';
import { startLinkForFile, type LinkSession, expectLinkError, type Roma } from './support';

let h: Roma;
let s: LinkSession;
startLinkForFile((started, session) => { h = started; s = session; });

describe('products', () => {
  it('create → show → list → update → delete, in the vendor shape', async () => {
    const p = await s.product({ description: 'first' });
    const shown = await s.req('GET', `/products/${p.id}`);
    expect(shown.status).toBe(200);
    const strict = productStrict.parse(shown.body);
    expect(strict.authentication?.user_name.length).toBeGreaterThan(0);
    expect(strict.app_name).toBe('demo-app');
    expect(typeof strict.created_datetime).toBe('number');

    const list = await s.req('GET', `/products?name=${encodeURIComponent(p.name)}`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(p.id);

    const up = await s.req('PUT', `/products/${p.id}`, {
      body: { name: `${p.name}_b`, manufacturer_id: 'mx', manufacturer_name: 'Maker 2', model: 'M 2', device_type: 'Sensor' },
    });
    expect(up.status).toBe(200);
    expect(up.body.name).toBe(`${p.name}_b`);
    expect(up.body.authentication).toBeUndefined();
    expect((await s.req('DELETE', `/products/${p.id}`)).status).toBe(204);
    expectLinkError(await s.req('GET', `/products/${p.id}`), 404, 'ROMA.00110006');
  });

  it('duplicate name → 409, non-updatable fields refused, bad path id → 400', async () => {
    const p = await s.product();
    const dup = await s.req('POST', '/products', {
      body: { app_id: s.appId, name: p.name, manufacturer_id: 'zz', manufacturer_name: 'Z', model: 'Z1', product_type: 0, protocol_type: 0 },
    });
    expectLinkError(dup, 409, 'RML.0201');
    const bad = await s.req('PUT', `/products/${p.id}`, {
      body: { name: 'x1', manufacturer_id: 'mx', manufacturer_name: 'Maker', model: 'M2', device_type: 'S', product_type: 1 },
    });
    expectLinkError(bad, 400, 'SCB.00000000');
    expectLinkError(await s.req('GET', '/products/abc'), 400, 'SCB.00000000');
    expectLinkError(await s.req('POST', '/products', { body: { name: 'x' } }), 400, 'SCB.00000000');
    expectLinkError(await s.req('POST', '/products', { raw: '{bad' }), 400, 'RML.0003');
    const unknownApp = await s.req('POST', '/products', {
      body: { app_id: 'nope', name: 'q1', manufacturer_id: 'q', manufacturer_name: 'Q', model: 'Q', product_type: 0, protocol_type: 0 },
    });
    expectLinkError(unknownApp, 404, 'ROMA.00110006');
  });

  it('a product with devices cannot be deleted; summary counts its devices', async () => {
    const p = await s.product();
    await s.device(p.id);
    expect((await s.req('GET', `/products/${p.id}/devices-summary`)).body).toEqual({ summary: 1 });
    expectLinkError(await s.req('DELETE', `/products/${p.id}`), 409, 'RML.0210');
  });

  it('product credentials: show, reset given, regenerate when both empty', async () => {
    const p = await s.product();
    const a = await s.req('GET', `/products/${p.id}/authentication`);
    const r = await s.req('PUT', `/products/${p.id}/authentication`, { body: { user_name: 'product-user-1', password: '' } });
    expect(r.body).toEqual({ user_name: 'product-user-1', password: a.body.password });
    const g = await s.req('PUT', `/products/${p.id}/authentication`, { body: {} });
    expect(g.body.user_name).not.toBe('product-user-1');
    expect(g.body.password).not.toBe(a.body.password);
    expectLinkError(await s.req('PUT', `/products/${p.id}/authentication`, { body: { password: 'short' } }), 400, 'SCB.00000000');
  });

  it('product topics CRUD', async () => {
    const p = await s.product();
    const c = await s.req('POST', `/products/${p.id}/topics`, { body: { permission: 0, name: 'alarm', version: 'v1', description: 'alarms' } });
    expect(c.status).toBe(201);
    const t = productTopicStrict.parse(c.body);
    expectLinkError(await s.req('POST', `/products/${p.id}/topics`, { body: { permission: 1, name: 'alarm', version: 'v1' } }), 409, 'RML.0207');
    const u = await s.req('PUT', `/products/${p.id}/topics/${t.topic_id}`, { body: { permission: 1, name: 'alarm2', version: 'v1' } });
    expect(u.body.topic_id).toBe(Number(t.topic_id));
    expect(u.body.permission).toBe(1);
    expect((await s.req('GET', `/products/${p.id}/topics`)).body.total).toBe(1);
    expect((await s.req('DELETE', `/products/${p.id}/topics/${t.topic_id}`)).status).toBe(204);
    expect((await s.req('GET', `/products/${p.id}/topics`)).body.total).toBe(0);
  });
});

describe('thing model', () => {
  it('services, properties, commands, request/response parameters', async () => {
    const p = await s.product();
    const sv = await s.req('POST', '/services', { body: { product_id: p.id, service_name: 'Meter', status: 0 } });
    expect(sv.status).toBe(201);
    const service = serviceStrict.parse(sv.body);
    const prop = await s.req('POST', `/services/${service.service_id}/properties`, {
      body: { property_name: 'volts', data_type: 'number', required: 1, min: '0', max: '400', step: '0.1', unit: 'V' },
    });
    expect(prop.status).toBe(201);
    propertyStrict.parse(prop.body);
    expectLinkError(await s.req('POST', `/services/${service.service_id}/properties`, {
      body: { property_name: 'volts', data_type: 'string', required: 1, max_length: 3 },
    }), 409, 'RML.0207');
    expectLinkError(await s.req('POST', `/services/${service.service_id}/properties`, {
      body: { property_name: 'amps', data_type: 'number', required: 1 },
    }), 400, 'SCB.00000000');
    const cmd = await s.req('POST', `/services/${service.service_id}/commands`, { body: { name: 'reset' } });
    expect(cmd.body).toMatchObject({ service_id: service.service_id, command_name: 'reset' });
    const reqP = await s.req('POST', `/services/${service.service_id}/commands/${cmd.body.command_id}/requests`, {
      body: { property_name: 'delay', data_type: 'integer', required: 0, min: '0', max: '60', step: '1' },
    });
    expect(reqP.status).toBe(201);
    const listed = await s.req('GET', `/services/${service.service_id}/commands/${cmd.body.command_id}/requests`);
    expect(listed.body.total).toBe(1);
    expect((await s.req('GET', `/services/${service.service_id}/commands/${cmd.body.command_id}/responses`)).body.total).toBe(0);
    expect((await s.req('GET', `/services?product_id=${p.id}`)).body.total).toBe(1);
    expect((await s.req('GET', `/services/${service.service_id}/properties`)).body.items[0].property_name).toBe('volts');
    expect((await s.req('DELETE', `/services/${service.service_id}`)).status).toBe(204);
    expectLinkError(await s.req('GET', `/services/${service.service_id}/commands/${cmd.body.command_id}`), 404, 'ROMA.00110006');
  });
});

describe('demo and statistics', () => {
  it('the demo instance has a product with a thing model and three devices', async () => {
    const list = await s.req('GET', '/products?name=demo-thermostat');
    expect(list.body.total).toBe(1);
    const pid = list.body.items[0].id;
    expect((await s.req('GET', `/products/${pid}/devices-summary`)).body.summary).toBe(3);
    const services = await s.req('GET', `/services?product_id=${pid}`);
    expect(services.body.items[0].service_name).toBe('Thermostat');
    expect((await s.req('GET', `/services/${services.body.items[0].service_id}/commands`)).body.items[0].command_name).toBe('setTarget');
  });

  it('devices-count by kind and state', async () => {
    const r = await s.req('GET', '/statistics/devices-count');
    const c = devicesCountResponse.parse(r.body);
    expect(c.devices.normal_devices.never_connected).toBeGreaterThanOrEqual(3);
    expect(c.products.normal_products_numbers).toBeGreaterThanOrEqual(1);
  });

  it('unknown instance → 404 in the LINK shape; no token → 401', async () => {
    const other = await fetch(`${h.url}/v2/${s.pid}/link/instances/nope/products`, { headers: { 'x-auth-token': s.token } });
    expectLinkError({ status: other.status, body: await other.json() }, 404, 'ROMA.00110002');
    const anon = await fetch(`${h.url}${s.base}/products`);
    expectLinkError({ status: anon.status, body: await anon.json() }, 401, 'SCB.00000000');
  });
});
