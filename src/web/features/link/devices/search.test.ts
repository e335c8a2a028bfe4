import { describe, expect, it } from 'vitest';
import { devicesSearchSchema, toDeviceParams } from './search';

describe('devices URL state', () => {
  it('a hand-edited URL falls back to defaults field by field', () => {
    const s = devicesSearchSchema.parse({ state: 'online,bogus,never', product: '12x', kind: '9', offset: '-3', limit: '7', device: '42' });
    expect(s).toMatchObject({ state: 'online,never', product: '', kind: 'all', offset: 0, limit: 20, device: '42' });
  });
  it('filters become list parameters with online codes', () => {
    const s = devicesSearchSchema.parse({ name: ' pump ', state: 'offline,online', product: '7', kind: '1', offset: '20' });
    expect(toDeviceParams(s)).toEqual({
      offset: 20,
      limit: 20,
      device_name: 'pump',
      product_id: '7',
      node_id: undefined,
      tag: undefined,
      online_status: '2,1',
      node_type: 1,
    });
  });
});
