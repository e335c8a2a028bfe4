// Bad input never yields a 5xx, always answers in the family's error shape, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apicErrorBody, iamErrorBody, romaErrorBody } from '../contract/index';
import { call, session, start } from './test-helpers';

const BAD_BODIES: [string, string][] = [
  ['invalid JSON', '{"name":'],
  ['trailing garbage', '{"name":"a"} x'],
  ['array', '[]'],
  ['array of object', '[{"name":"x","code":"x"}]'],
  ['string', '"hello"'],
  ['number', '42'],
  ['true', 'true'],
  ['null', 'null'],
  ['empty object', '{}'],
  ['wrong types', '{"name":123,"code":true,"remark":{},"order":"1","favorite":"yes","users":"x","secret":5}'],
  ['unknown fields', '{"name":"valid name","code":"VALID","zzz":1}'],
  ['proto pollution', '{"__proto__":{"polluted":1},"name":"proto","code":"PROTO"}'],
  ['constructor', '{"constructor":{"prototype":{"polluted":1}},"name":"ctor","code":"CTOR"}'],
  ['huge name', JSON.stringify({ name: 'a'.repeat(500_000), code: 'HUGE' })],
  ['control chars', JSON.stringify({ name: 'bad\u0000name', code: 'C\u0007' })],
  ['emoji', JSON.stringify({ name: '😀😀', code: '😀' })],
  ['path in name', JSON.stringify({ name: '../../etc/passwd', code: '../x' })],
  ['html', JSON.stringify({ name: '<script>alert(1)</script>', code: '<b>' })],
  ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ['float order', '{"name":"Float","code":"FLOAT","order":1.5}'],
  ['order overflow', '{"name":"Big","code":"BIG","order":99999999999}'],
  ['empty name', '{"name":"   ","code":"  "}'],
  ['users not unique', '{"users":[{"id":"a","roles":["read"]},{"id":"a","roles":["read"]}]}'],
  ['roles empty', '{"users":[{"id":"a","roles":[]}]}'],
];

describe('bad input fuzz', () => {
  let h: Awaited<ReturnType<typeof start>>;
  let s: Awaited<ReturnType<typeof session>>;
  let appId: string;
  let dictId: string;
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    h = await start();
    s = await session(h);
    appId = (await s.req('GET', '/apps')).body.apps[0].id;
    dictId = (await s.req('GET', '/dictionaries?code=GENDER')).body.dictionaries[0].id;
    snapshot = async () => JSON.stringify([
      (await s.req('GET', '/apps?limit=1000')).body,
      (await s.req('GET', `/apps/${appId}/secret`)).body,
      (await s.req('GET', `/apps/${appId}/users`)).body,
      (await s.req('GET', '/dictionaries?limit=1000')).body,
      (await s.req('GET', '/dictionaries?limit=1000&parent_code=GENDER')).body,
    ]);
  });
  afterAll(async () => { await h.close(); });

  const writes = () => [
    ['POST', '/apps'], ['PUT', `/apps/${appId}`], ['PUT', `/apps/${appId}/secret`], ['PUT', `/apps/${appId}/users`],
    ['POST', '/dictionaries'], ['PUT', `/dictionaries/${dictId}`],
  ] as const;

  it('every write route answers 4xx in the ROMA shape to every bad body, and writes nothing', async () => {
    const before = await snapshot();
    for (const [method, p] of writes()) {
      for (const [name, raw] of BAD_BODIES) {
        const r = await s.req(method, p, { raw });
        const label = `${method} ${p} ${name}`;
        if (r.status < 400) {
          // a few bodies are valid for some routes (e.g. {} resets a secret): they must be real successes
          expect([200, 201], label).toContain(r.status);
          continue;
        }
        expect(r.status, label).toBeLessThan(500);
        expect(romaErrorBody.safeParse(r.body).success, `${label}: ${r.text.slice(0, 200)}`).toBe(true);
        expect(r.body.request_id).toBe(r.headers.get('x-request-id'));
      }
    }
    // only the secret route accepted something ({} / null → new secret); compare everything else
    const after = JSON.parse(await snapshot());
    const prev = JSON.parse(before);
    expect(after[0].apps.map((a: { name: string }) => a.name)).toEqual(prev[0].apps.map((a: { name: string }) => a.name));
    expect(after[2]).toEqual(prev[2]);
    expect(after[3]).toEqual(prev[3]);
    expect(after[4]).toEqual(prev[4]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects wrong content types (415) and oversize bodies (413) in shape', async () => {
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const r = await s.req('POST', '/apps', { raw: 'name=x', headers: { 'content-type': ct } });
      expect(r.status, ct).toBe(415);
      expect(r.body.error_code).toBe('ROMA.13003');
    }
    const big = JSON.stringify({ name: 'x', remark: 'r'.repeat(1024 * 1024 + 10) });
    const r = await s.req('POST', '/apps', { raw: big });
    expect(r.status).toBe(413);
    expect(romaErrorBody.parse(r.body).error_code).toBe('ROMA.13004');
    const iam = await call(h.url, 'POST', '/v3/auth/tokens', { raw: big });
    expect(iam.status).toBe(413);
    expect(iamErrorBody.safeParse(iam.body).success).toBe(true);
  });

  it('odd ids give 404, never 5xx', async () => {
    const ids = ['..%2F..%2Fetc', '%2e%2e', 'a%00b', encodeURIComponent('名字'), encodeURIComponent('😀'), "1'%20OR%201=1", 'x'.repeat(300), '%25', 'null', 'undefined', '__proto__', 'constructor'];
    for (const id of ids) {
      for (const [m, p] of [['GET', `/apps/${id}`], ['DELETE', `/apps/${id}`], ['GET', `/apps/${id}/secret`], ['GET', `/dictionaries/${id}`], ['DELETE', `/dictionaries/${id}`]] as const) {
        const r = await s.req(m, p);
        expect(r.status, `${m} ${p}`).toBe(404);
        expect(romaErrorBody.safeParse(r.body).success).toBe(true);
      }
      const inst = await call(h.url, 'GET', `/v2/${s.pid}/apic/instances/${id}`, { token: s.token });
      expect(inst.status, id).toBeGreaterThanOrEqual(400);
      expect(inst.status, id).toBeLessThan(500);
      expect(apicErrorBody.safeParse(inst.body).success).toBe(true);
    }
  });

  it('odd queries give 200 or 400, never 5xx', async () => {
    const qs = ['offset=-1', 'limit=0', 'limit=100000', 'limit=1&limit=2', 'offset[]=1', 'name=' + 'x'.repeat(5000),
      'name=%F0%9F%98%80', 'name=%25', 'name=_', 'favorite=', 'limit=', 'offset=99999999999', 'owner=null', 'auth_role[x]=1'];
    for (const q of qs) {
      for (const p of ['/apps', '/dictionaries', '/validate-apps', '/validate-dictionaries']) {
        const r = await s.req('GET', `${p}?${q}`);
        expect([200, 400, 404], `${p}?${q}`).toContain(r.status);
        if (r.status !== 200) expect(romaErrorBody.safeParse(r.body).success).toBe(true);
      }
    }
    const names = (await s.req('GET', '/apps?name=%25')).body; // '%' is literal, not a wildcard
    expect(names.total).toBe(0);
  });

  it('malformed URL encoding → 400 in shape', async () => {
    const r = await call(h.url, 'GET', `/v2/${s.pid}/instances/${s.instanceId}/apps/%E0%A4%A`, { token: s.token });
    expect(r.status).toBe(400);
    expect(romaErrorBody.parse(r.body).request_id).toBe(r.headers.get('x-request-id'));
  });

  it('unknown routes → 404 ROMA.1007 / APIG.1007; wrong methods → 405 with Allow', async () => {
    const r = await call(h.url, 'GET', '/nothing/here');
    expect(r.status).toBe(404);
    expect(r.body.error_code).toBe('ROMA.1007');
    const a = await call(h.url, 'GET', `/v2/${s.pid}/apic/instances/${s.instanceId}/no-such-resource`, { token: s.token });
    expect(a.status).toBe(404);
    expect(apicErrorBody.strict().parse(a.body).error_code).toBe('APIG.1007');
    for (const [m, p] of [['PATCH', '/apps'], ['DELETE', '/apps'], ['POST', `/apps/${appId}`], ['DELETE', `/apps/${appId}/secret`], ['POST', '/validate-apps'], ['PUT', '/dictionaries']] as const) {
      const res = await s.req(m, p);
      expect(res.status, `${m} ${p}`).toBe(405);
      expect(res.body.error_code).toBe('ROMA.1008');
      expect(res.headers.get('allow')).toBeTruthy();
    }
  });

  it('DELETE with a JSON content type and no body works; HEAD follows GET', async () => {
    const a = (await s.req('POST', '/apps', { body: { name: 'delete-me' } })).body;
    const r = await s.req('DELETE', `/apps/${a.id}`, { headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(204);
    expect((await s.req('HEAD', '/apps')).status).toBe(200);
    expect((await call(h.url, 'HEAD', `/v2/${s.pid}/instances`)).status).toBe(401);
  });

  it('concurrent creates of one name: exactly one wins', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => s.req('POST', '/apps', { body: { name: 'race' } })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
  });
});
