import { describe, expect, it } from 'vitest';
import { apiLabel, maskCode } from './apicModel';

describe("app's APIC tab helpers", () => {
  it('masks an AppCode to its ends, short values entirely', () => {
    const code = `fdc8d9${'0'.repeat(54)}572a`;
    expect(maskCode(code)).toBe('fdc8d9…572a');
    expect(maskCode(code)).not.toContain('0000');
    expect(maskCode('abc')).toBe('•••');
  });
  it('labels an API by name, request and group, leaving out what is unknown', () => {
    expect(apiLabel({ name: 'orders', req_method: 'GET', req_uri: '/orders', group_name: 'shop' })).toBe('orders GET /orders (shop)');
    expect(apiLabel({ name: 'orders' })).toBe('orders');
  });
});
