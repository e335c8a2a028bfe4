import { describe, expect, it } from 'vitest';
import { device, deviceGroup, product } from '../../contract/link';
import fs from 'node:fs';
import path from 'node:path';
import { can, deviceFromWire, groupFromWire, onlineState, productFromWire } from './link';

describe('LINK view models', () => {
  it('device: inverted status flag, online codes, epoch-ms times, numeric ids as strings', () => {
    const wire = device.parse({
      id: 42,
      device_name: 'd1',
      status: 0,
      online_status: 1,
      node_type: 1,
      product: { product_id: 7, product_name: 'p', protocol_type: 0 },
      parent_device_id: null,
      created_datetime: 1700000000000,
      last_login_datetime: 1700000001000,
      tags: ['a'],
      connect_address: '127.0.0.1:1884',
    });
    const d = deviceFromWire(wire);
    expect(d).toMatchObject({
      id: '42',
      enabled: true,
      online: 'online',
      state: 'online',
      nodeKind: 'gateway',
      productId: '7',
      createdAt: 1700000000000,
      lastLoginAt: 1700000001000,
      connectAddress: '127.0.0.1:1884',
    });
    expect(d.parentId).toBeUndefined();
    // status 1 = disabled wins over the connection state
    expect(deviceFromWire(device.parse({ id: 1, device_name: 'x', status: 1, online_status: 2 })).state).toBe('disabled');
    expect(deviceFromWire(device.parse({ id: 1, device_name: 'x', status: 0, online_status: 2 })).state).toBe('offline');
    expect(onlineState(0)).toBe('never');
    expect(onlineState(undefined)).toBe('never');
  });
  it('product: gateway flag and times', () => {
    const p = productFromWire(product.parse({ id: 3, name: 'p', product_type: 1, created_datetime: 1700000000000, permissions: ['read'] }));
    expect(p).toMatchObject({ id: '3', gateway: true, createdAt: 1700000000000 });
    expect(can(p.permissions, 'delete')).toBe(false);
    expect(can(undefined, 'delete')).toBe(true);
    expect(can(['read', 'delete'], 'delete')).toBe(true);
  });
  it('group times are strings on the wire and still become epoch ms', () => {
    const g = deviceGroup.parse({ id: 5, name: 'g', created_datetime: '2024-01-02T03:04:05Z' });
    expect(groupFromWire(g)).toMatchObject({ id: '5', createdAt: Date.UTC(2024, 0, 2, 3, 4, 5) });
  });
  it('the vendor CreateDevice example maps without losing its ids', () => {
    const raw = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../tests/fixtures/roma-api-examples/link/CreateDevice.response.201.json'), 'utf8'));
    const d = deviceFromWire(device.parse(raw));
    expect(d.id).toBe(String(raw.id));
    expect(d.name).toBe(raw.device_name);
    expect(d.enabled).toBe(raw.status !== 1);
  });
});
