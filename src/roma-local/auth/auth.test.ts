// X-Auth-Token on every ROMA route, per family error shape, plus the project check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apicErrorBody, romaErrorBody } from '../../contract/index';
import { call, clock, login, PASSWORD, start, tempDir } from '../test-helpers';

describe('auth on ROMA routes', () => {
  const c = clock();
  let h: Awaited<ReturnType<typeof start>>;
  let otherProjectToken: string;
  let token: string;
  let pid: string;
  let instanceId: string;

  beforeAll(async () => {
    const dataDir = tempDir();
    // a second project in the same domain: start once with it, then with the default one
    const first = await start({ dataDir, project: 'cn-east-3', now: c.now });
    await first.close();
    h = await start({ dataDir, now: c.now, tokenTtlSeconds: 60 });
    pid = h.account.projectId;
    token = await login(h.url);
    otherProjectToken = await login(h.url, { scope: { project: { name: 'cn-east-3' } } });
    instanceId = (await call(h.url, 'GET', `/v2/${pid}/instances`, { token })).body.instances[0].id;
  });
  afterAll(async () => { await h.close(); });

  const romaPaths = () => [
    `/v2/${pid}/instances`,
    `/v2/${pid}/instances/${instanceId}/apps`,
    `/v2/${pid}/instances/${instanceId}/dictionaries`,
    `/v2/${pid}/instances/${instanceId}/validate-apps?name=demo-app`,
  ];
  const apicPath = () => `/v2/${pid}/apic/instances/${instanceId}`;

  it('ROMA family: missing → 401 ROMA.1000, unknown → 401 ROMA.1002, with request_id = X-Request-Id', async () => {
    for (const p of romaPaths()) {
      const none = await call(h.url, 'GET', p);
      expect(none.status).toBe(401);
      expect(romaErrorBody.parse(none.body).error_code).toBe('ROMA.1000');
      expect(none.body.request_id).toBe(none.headers.get('x-request-id'));
      const bad = await call(h.url, 'GET', p, { token: 'x'.repeat(64) });
      expect(bad.status).toBe(401);
      expect(bad.body.error_code).toBe('ROMA.1002');
      expect((await call(h.url, 'GET', p, { token })).status).toBe(200);
    }
  });

  it('APIC detail: missing → 401 APIG.1000, unknown → 401 APIC.7102, no request_id key', async () => {
    const none = await call(h.url, 'GET', apicPath());
    expect(none.status).toBe(401);
    expect(apicErrorBody.strict().parse(none.body).error_code).toBe('APIG.1000');
    const bad = await call(h.url, 'GET', apicPath(), { token: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.body.error_code).toBe('APIC.7102');
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a token of another project gets 403 (ROMA.1006 / APIG.1005)', async () => {
    for (const p of romaPaths()) {
      const r = await call(h.url, 'GET', p, { token: otherProjectToken });
      expect(r.status).toBe(403);
      expect(r.body.error_code).toBe('ROMA.1006');
    }
    const r = await call(h.url, 'GET', apicPath(), { token: otherProjectToken });
    expect(r.status).toBe(403);
    expect(r.body.error_code).toBe('APIG.1005');
    // ...while on its own project the same token works (and sees no instance of ours)
    const otherPid = (await call(h.url, 'POST', '/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'roma-local' }, name: 'admin', password: PASSWORD } } }, scope: { project: { name: 'cn-east-3' } } } },
    })).body.token.project.id;
    const mine = await call(h.url, 'GET', `/v2/${otherPid}/instances`, { token: otherProjectToken });
    expect(mine.status).toBe(200);
    expect(mine.body.instances.every((i: { id: string }) => i.id !== instanceId)).toBe(true);
    const cross = await call(h.url, 'GET', `/v2/${otherPid}/instances/${instanceId}/apps`, { token: otherProjectToken });
    expect(cross.status).toBe(404);
    expect(cross.body.error_code).toBe('ROMA.00110002');
  });

  it('a domain-scoped token cannot call project routes', async () => {
    const dt = await login(h.url, { scope: { domain: { name: 'roma-local' } } });
    expect((await call(h.url, 'GET', romaPaths()[0] as string, { token: dt })).status).toBe(403);
  });

  it('an expired token is refused in each family', async () => {
    const t = await login(h.url);
    c.advance(61_000);
    expect((await call(h.url, 'GET', romaPaths()[1] as string, { token: t })).body.error_code).toBe('ROMA.1002');
    expect((await call(h.url, 'GET', apicPath(), { token: t })).body.error_code).toBe('APIC.7102');
  });

  it('ignores a client-sent X-Request-Id', async () => {
    const r = await call(h.url, 'GET', '/v2/x/nothing', { headers: { 'x-request-id': 'client-chosen' } });
    expect(r.headers.get('x-request-id')).not.toBe('client-chosen');
    expect(r.status).toBe(404);
    expect(r.body.error_code).toBe('ROMA.1007');
  });
});
