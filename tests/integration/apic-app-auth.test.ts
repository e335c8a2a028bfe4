// APP authentication at the gateway through real HTTP: SDK-HMAC-SHA256 signatures with the app's
// key and secret (the vendor's test vector included), X-Apig-AppCode, authorisation per
// environment, clock skew and replays — each refusal with the vendor's gateway code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayErrorBody } from '../../src/contract';
import { formatSdkDate, signRequest } from '../../src/roma-local/auth/sdk-signer';
import { clock } from '../../src/roma-local/test-helpers';
import { mockApi, startApic } from '../support/apic';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
const clk = clock(Date.UTC(2026, 11, 7, 8, 0, 0));
let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic({ now: clk.now }); });
afterAll(async () => { await t.close(); });

const errorOf = (r: { status: number; body: unknown }) => {
  const e = gatewayErrorBody.parse(r.body);
  return `${r.status} ${e.error_code}`;
};

async function app(name: string, key?: string, secret?: string) {
  const r = await t.s.req('POST', '/apps', { body: { name, ...(key ? { key } : {}), ...(secret ? { secret } : {}) } });
  if (r.status !== 201 && r.status !== 200) throw new Error(`app: ${r.status} ${r.text}`);
  const s = await t.s.req('GET', `/apps/${r.body.id}/secret`);
  return { id: r.body.id as string, key: r.body.key as string, secret: s.body.secret as string, name };
}

async function authorise(appId: string, apiId: string, envId = RELEASE) {
  const r = await t.api('POST', '/app-auths', { env_id: envId, app_ids: [appId], api_ids: [apiId] });
  if (r.status !== 201) throw new Error(`auth: ${r.status} ${r.text}`);
  return r.body.auths[0].id as string;
}

/** A published APP-auth mock API in a fresh group. */
async function appApi(groupName: string, over: Record<string, unknown> = {}) {
  const g = await t.group(groupName);
  const api = await t.createApi(mockApi(g.id, { auth_type: 'APP', req_uri: '/path', ...over }));
  await t.publish(api.id);
  return { g, api };
}

function signed(host: string, path: string, a: { key: string; secret: string }, o: { method?: string; body?: string; date?: number; headers?: Record<string, string> } = {}) {
  return signRequest({
    method: o.method ?? 'GET', url: `http://${host}${path}`, ak: a.key, sk: a.secret, body: o.body, date: o.date ?? clk.now(),
    headers: o.headers,
  });
}

describe('the vendor test vector through the gateway', () => {
  it('GET example.huaweicloud.com/path?limit=1 signed by AccessKey/SecretKey at 20060102T150405Z is let through, once', async () => {
    const a = await app('vector-app', 'AccessKey', 'SecretKey');
    const { g, api } = await appApi('vector-group', { mock_info: { result_content: 'vector ok' } });
    expect((await t.api('POST', `/api-groups/${g.id}/domains`, { url_domain: 'example.huaweicloud.com' })).status).toBe(201);
    await authorise(a.id, api.id);
    const saved = clk.now();
    clk.advance(Date.UTC(2006, 0, 2, 15, 4, 5) - saved);
    try {
      const headers = {
        'X-Sdk-Date': '20060102T150405Z',
        Authorization: 'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
      };
      const tampered = await t.gw('GET', '/path?limit=2', { host: 'example.huaweicloud.com', headers });
      expect(errorOf(tampered)).toBe('401 APIG.0303');
      expect(tampered.body.error_msg).toBe('Incorrect app authentication information: verify signature fail');
      const ok = await t.gw('GET', '/path?limit=1', { host: 'example.huaweicloud.com', headers });
      expect([ok.status, ok.text]).toEqual([200, 'vector ok']);
      const again = await t.gw('GET', '/path?limit=1', { host: 'example.huaweicloud.com', headers });
      expect(errorOf(again)).toBe('401 APIG.0303');
      expect(again.body.error_msg).toMatch(/signature replayed/);
    } finally {
      clk.advance(saved - clk.now());
    }
  });
});

describe('signatures', () => {
  it('a request signed with the app key and secret passes; any tampering, a wrong secret or an unknown key gets 401 APIG.0303', async () => {
    const a = await app('sig-app');
    const { g, api } = await appApi('sig-group', { req_method: 'POST' });
    await authorise(a.id, api.id);
    const body = '{"n":1}';
    const good = signed(g.sl_domain, '/path?x=1', a, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    const ok = await t.gw('POST', '/path?x=1', { host: g.sl_domain, headers: good, body });
    expect([ok.status, ok.text]).toEqual([200, 'ok']);
    clk.advance(1000); // a new X-Sdk-Date: a new signature
    const cases: [string, Promise<Awaited<ReturnType<typeof t.gw>>>][] = [];
    const h = signed(g.sl_domain, '/path?x=1', a, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    cases.push(['body', t.gw('POST', '/path?x=1', { host: g.sl_domain, headers: h, body: '{"n":2}' })]);
    cases.push(['query', t.gw('POST', '/path?x=2', { host: g.sl_domain, headers: h, body })]);
    cases.push(['signed header', t.gw('POST', '/path?x=1', { host: g.sl_domain, headers: { ...h, 'Content-Type': 'text/plain' }, body })]);
    const wrong = signed(g.sl_domain, '/path?x=1', { key: a.key, secret: `${a.secret}x` }, { method: 'POST', body });
    cases.push(['secret', t.gw('POST', '/path?x=1', { host: g.sl_domain, headers: wrong, body })]);
    for (const [what, p] of cases) {
      const r = await p;
      expect(errorOf(r), what).toBe('401 APIG.0303');
      expect(r.body.error_msg, what).toBe('Incorrect app authentication information: verify signature fail');
    }
    const unknown = await t.gw('POST', '/path?x=1', { host: g.sl_domain, headers: signed(g.sl_domain, '/path?x=1', { key: 'nobody-key', secret: 'whatever1' }, { method: 'POST', body }), body });
    expect([errorOf(unknown), unknown.body.error_msg]).toEqual(['401 APIG.0303', 'Incorrect app authentication information: app not found, appkey nobody-key']);
    for (const headers of [{}, { Authorization: 'SDK-HMAC-SHA256 Access=x' }, { ...h, 'X-Sdk-Date': 'yesterday' }, { Authorization: 'Bearer abc' }] as Record<string, string>[]) {
      expect(errorOf(await t.gw('POST', '/path?x=1', { host: g.sl_domain, headers, body })), JSON.stringify(headers)).toBe('401 APIG.0303');
    }
  });

  it('a secret reset, a cancelled authorisation and a deleted app count from the next call (the stage keeps an in-memory index)', async () => {
    const a = await app('index-app');
    const { g, api } = await appApi('index-group');
    const authId = await authorise(a.id, api.id);
    const call = async (who: { key: string; secret: string }) => {
      clk.advance(1000); // a fresh X-Sdk-Date each time: never a replay
      const r = await t.gw('GET', '/path', { host: g.sl_domain, headers: signed(g.sl_domain, '/path', who) });
      return r.status === 200 ? '200' : errorOf(r);
    };
    expect(await call(a)).toBe('200');
    const reset = await t.s.req('PUT', `/apps/${a.id}/secret`, { body: {} });
    expect(reset.status, reset.text).toBeLessThan(300);
    const fresh = { key: a.key, secret: (await t.s.req('GET', `/apps/${a.id}/secret`)).body.secret as string };
    expect(fresh.secret).not.toBe(a.secret);
    expect(await call(a)).toBe('401 APIG.0303');
    expect(await call(fresh)).toBe('200');
    expect((await t.api('DELETE', `/app-auths/${authId}`)).status).toBe(204);
    expect(await call(fresh)).toBe('403 APIG.0304');
    await authorise(a.id, api.id);
    expect(await call(fresh)).toBe('200');
    expect((await t.s.req('DELETE', `/apps/${a.id}`)).status).toBeLessThan(300);
    expect(await call(fresh)).toBe('401 APIG.0303');
  });

  it('X-Sdk-Date more than 15 minutes from the server clock: "signature expired"; within 15 minutes: accepted', async () => {
    const a = await app('skew-app');
    const { g, api } = await appApi('skew-group');
    await authorise(a.id, api.id);
    const late = await t.gw('GET', '/path', { host: g.sl_domain, headers: signed(g.sl_domain, '/path', a, { date: clk.now() - 16 * 60_000 }) });
    expect(errorOf(late)).toBe('401 APIG.0303');
    expect(late.body.error_msg).toBe(`Incorrect app authentication information: signature expired, signature time:${formatSdkDate(clk.now() - 16 * 60_000)},server time:${formatSdkDate(clk.now())}`);
    const early = await t.gw('GET', '/path', { host: g.sl_domain, headers: signed(g.sl_domain, '/path', a, { date: clk.now() + 16 * 60_000 }) });
    expect(errorOf(early)).toBe('401 APIG.0303');
    for (const off of [-14 * 60_000, 14 * 60_000]) {
      const r = await t.gw('GET', '/path', { host: g.sl_domain, headers: signed(g.sl_domain, '/path', a, { date: clk.now() + off }) });
      expect(r.status, String(off)).toBe(200);
    }
  });

  it('a replayed signature inside the window is refused; after the window the date check refuses it', async () => {
    const a = await app('replay-app');
    const { g, api } = await appApi('replay-group');
    await authorise(a.id, api.id);
    const headers = signed(g.sl_domain, '/path', a);
    expect((await t.gw('GET', '/path', { host: g.sl_domain, headers })).status).toBe(200);
    const replay = await t.gw('GET', '/path', { host: g.sl_domain, headers });
    expect([errorOf(replay), replay.body.error_msg]).toEqual(['401 APIG.0303', expect.stringMatching(/signature replayed/)]);
    clk.advance(16 * 60_000);
    const stale = await t.gw('GET', '/path', { host: g.sl_domain, headers });
    expect([errorOf(stale), stale.body.error_msg]).toEqual(['401 APIG.0303', expect.stringMatching(/signature expired/)]);
  });
});

describe('authorisation per environment', () => {
  it('authorised in TEST only: TEST passes, RELEASE gets 403 APIG.0304; cancelling closes TEST too', async () => {
    const a = await app('env-app');
    const env = (await t.api('POST', '/envs', { name: 'TEST' })).body;
    const { g, api } = await appApi('env-group');
    await t.publish(api.id, env.id);
    const authId = await authorise(a.id, api.id, env.id);
    const call = (stage: string) => t.gw('GET', '/path', { host: g.sl_domain, headers: { ...signed(g.sl_domain, '/path', a), 'X-Stage': stage } });
    expect((await call('TEST')).status).toBe(200);
    clk.advance(1000);
    const release = await call('RELEASE');
    expect([errorOf(release), release.body.error_msg]).toEqual(['403 APIG.0304', 'The app is not authorized to access the API.']);
    expect((await t.api('DELETE', `/app-auths/${authId}`)).status).toBe(204);
    clk.advance(1000);
    expect(errorOf(await call('TEST'))).toBe('403 APIG.0304');
    // an API with NONE auth is not touched by the stage
    const open = await t.createApi(mockApi(g.id, { req_uri: '/open', mock_info: { result_content: 'open' } }));
    await t.publish(open.id);
    expect((await t.gw('GET', '/open', { host: g.sl_domain })).text).toBe('open');
  });
});

describe('AppCode (X-Apig-AppCode)', () => {
  it('accepted when the API allows app codes; unknown, deleted or not allowed: 401 APIG.0303', async () => {
    const a = await app('code-app');
    const g = await t.group('code-group');
    const withCode = await t.createApi(mockApi(g.id, { auth_type: 'APP', req_uri: '/coded', auth_opt: { app_code_auth_type: 'HEADER' } }));
    const without = await t.createApi(mockApi(g.id, { auth_type: 'APP', req_uri: '/signed-only' }));
    await t.publish(withCode.id);
    await t.publish(without.id);
    await t.api('POST', '/app-auths', { env_id: RELEASE, app_ids: [a.id], api_ids: [withCode.id, without.id] });
    const gen = await t.api('PUT', `/apps/${a.id}/app-codes`);
    expect(gen.status).toBe(201);
    const code = gen.body.app_code as string;
    const hdr = { 'X-Apig-AppCode': code };
    expect((await t.gw('GET', '/coded', { host: g.sl_domain, headers: hdr })).status).toBe(200);
    expect((await t.gw('GET', '/coded', { host: g.sl_domain, headers: hdr })).status).toBe(200); // codes are not one-shot
    const notAllowed = await t.gw('GET', '/signed-only', { host: g.sl_domain, headers: hdr });
    expect([errorOf(notAllowed), notAllowed.body.error_msg]).toEqual(['401 APIG.0303', expect.stringMatching(/app code authentication is not enabled/)]);
    expect(errorOf(await t.gw('GET', '/coded', { host: g.sl_domain, headers: { 'X-Apig-AppCode': `${code}x` } }))).toBe('401 APIG.0303');
    expect((await t.api('DELETE', `/apps/${a.id}/app-codes/${gen.body.id}`)).status).toBe(204);
    expect(errorOf(await t.gw('GET', '/coded', { host: g.sl_domain, headers: hdr }))).toBe('401 APIG.0303');
  });
});

describe('debug as an app (app_key / app_secret)', () => {
  it('signs the request as the app: the stage names the app; twice in a row is not a replay; a wrong secret gets 401', async () => {
    const a = await app('debug-app');
    const { api } = await appApi('debug-group', { mock_info: { result_content: 'hello app' } });
    await authorise(a.id, api.id);
    const debug = (secret: string) => t.api('POST', `/apis/debug/${api.id}`, {
      mode: 'CONSUMER', scheme: 'HTTP', method: 'GET', path: '/path', app_key: a.key, app_secret: secret, stage: 'RELEASE',
    });
    for (let i = 0; i < 2; i++) {
      const r = await debug(a.secret);
      expect(r.status).toBe(200);
      expect(r.body.response).toMatch(/^HTTP\/1.1 200 [\s\S]*hello app$/);
      expect(r.body.log).toContain(`auth: APP debug-app (${a.id}) by signature`);
      expect(r.body.request).toMatch(/authorization: SDK-HMAC-SHA256 Access=/);
    }
    const bad = await debug(`${a.secret}x`);
    expect(bad.body.response).toMatch(/^HTTP\/1.1 401 [\s\S]*APIG\.0303/);
    const none = await t.api('POST', `/apis/debug/${api.id}`, { mode: 'CONSUMER', scheme: 'HTTP', method: 'GET', path: '/path' });
    expect(none.body.response).toMatch(/^HTTP\/1.1 401 /);
  });
});
