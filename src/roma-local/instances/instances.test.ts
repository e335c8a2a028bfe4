import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceDetailStrict, instanceListItemStrict, listEnvelope } from '../../contract/index';
import { call, session, start } from '../test-helpers';

describe('instances', () => {
  let h: Awaited<ReturnType<typeof start>>;
  let s: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => { h = await start(); s = await session(h); });
  afterAll(async () => { await h.close(); });

  it('lists the seeded running instance in the strict list shape', async () => {
    const r = await call(h.url, 'GET', `/v2/${s.pid}/instances`, { token: s.token });
    expect(r.status).toBe(200);
    const body = listEnvelope('instances', instanceListItemStrict).strict().parse(r.body);
    expect(body).toMatchObject({ total: 1, size: 1 });
    expect(body.instances[0]).toMatchObject({ name: 'roma-demo', status: 'RUNNING', project_id: s.pid });
    expect(body.instances[0]?.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('filters by status and pages', async () => {
    const q = (qs: string) => call(h.url, 'GET', `/v2/${s.pid}/instances?${qs}`, { token: s.token });
    expect((await q('status=RUNNING')).body.total).toBe(1);
    expect((await q('status=running')).body.total).toBe(1);
    expect((await q('status=FROZEN')).body).toEqual({ total: 0, size: 0, instances: [] });
    expect((await q('offset=1')).body).toMatchObject({ total: 1, size: 0 });
    for (const bad of ['offset=-1', 'limit=0', 'limit=100000', 'limit=abc', 'offset=1e3']) {
      const r = await q(bad);
      expect(r.status, bad).toBe(400);
      expect(r.body.error_code).toBe('ROMA.13000');
    }
  });

  it('shows the detail in the strict APIC shape (Running, 6, epoch seconds)', async () => {
    const r = await call(h.url, 'GET', `/v2/${s.pid}/apic/instances/${s.instanceId}`, { token: s.token });
    expect(r.status).toBe(200);
    const d = instanceDetailStrict.parse(r.body);
    expect(d).toMatchObject({ id: s.instanceId, status: 'Running', instance_status: 6, spec: 'ROMA_PROFESSIONAL', instance_name: 'roma-demo' });
    expect(d.create_time).toBeLessThan(Date.now() / 1000 + 1);
    expect(d.create_time).toBeGreaterThan(1_600_000_000);
  });

  it('unknown instance → 404 APIC.7302 / ROMA.00110002', async () => {
    const r = await call(h.url, 'GET', `/v2/${s.pid}/apic/instances/nope`, { token: s.token });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error_code: 'APIC.7302', error_msg: 'Instance not found' });
    const a = await call(h.url, 'GET', `/v2/${s.pid}/instances/nope/apps`, { token: s.token });
    expect(a.status).toBe(404);
    expect(a.body.error_code).toBe('ROMA.00110002');
    const d = await call(h.url, 'POST', `/v2/${s.pid}/instances/nope/dictionaries`, { token: s.token, body: { name: 'x', code: 'x' } });
    expect(d.status).toBe(404);
  });
});
