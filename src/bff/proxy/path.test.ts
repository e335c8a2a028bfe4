import { describe, expect, it } from 'vitest';
import { checkApiPath } from './path';

describe('checkApiPath', () => {
  it('maps /api/v2/{project}/... to /v2/{project}/... and keeps the query as-is', () => {
    expect(checkApiPath('/api/v2/p1/instances?offset=0&limit=10&name=a%20b')).toEqual({
      ok: true,
      projectId: 'p1',
      upstreamPath: '/v2/p1/instances',
      query: '?offset=0&limit=10&name=a%20b',
    });
    expect(checkApiPath('/api/v2/p1/instances/i-1/apps/')).toMatchObject({ ok: true, upstreamPath: '/v2/p1/instances/i-1/apps/' });
    expect(checkApiPath('/api/v2/p1/apic/instances/x/apps/%E4%B8%AD')).toMatchObject({ ok: true });
  });

  it.each([
    '/api/v2/p1/../p2/instances',
    '/api/v2/p1/./instances',
    '/api/v2/p1/instances/..',
    '/api/v2/p1//instances',
    '/api/v2//instances',
    '/api/v2/p1/instances%2f..%2fx',
    '/api/v2/p1/instances%2F..',
    '/api/v2/p1/instances%5c..',
    '/api/v2/p1/%2e%2e/p2',
    '/api/v2/p1/%2E/x',
    '/api/v2/p1/a%00b',
    '/api/v2/p1/a%0ab',
    '/api/v2/p1/a%1fb',
    '/api/v2/p1/a%zz',
    '/api/v2/p1/a%4',
    '/api/v2/p1/a\\b',
    '/api/v2/p1/a\u0000b',
    '/api/v2/p1/a b',
    '/api/v2/p%31/x',
    '/api/v2/p1/x?a=%00',
    '/api/v2/p1/x?a=%zz',
    '/api/v2/p1/x?a=b c',
  ])('refuses %j', (url) => {
    expect(checkApiPath(url)).toEqual({ ok: false, reason: 'bad-path' });
  });

  it.each(['/api/v3/p1/x', '/api/v2', '/api/instances', '/apiv2/p1'])('%j is not an API path', (url) => {
    expect(checkApiPath(url)).toEqual({ ok: false, reason: 'not-api' });
  });
});
