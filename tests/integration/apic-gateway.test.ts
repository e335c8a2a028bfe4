// The gateway through real HTTP: routing by domain, environment and live version; parameters
// and their rules; mock and HTTP backends (mapping, constants, system parameters, streaming,
// timeouts, retries); environment variables; auth; debug; and bad input that never gets a 5xx.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { apiDebugResponse, gatewayErrorBody } from '../../src/contract';
import { deadPort, mockApi } from '../support/apic';
import { startApicForFile, type Apic } from '../support/apic-gateway';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let t: Apic;
const { httpBackend } = startApicForFile((started) => { t = started; });
const httpApi = (groupId: string, host: string, over: Record<string, unknown> = {}, backendOver: Record<string, unknown> = {}) =>
  mockApi(groupId, {
    backend_type: 'HTTP', mock_info: undefined,
    backend_api: { url_domain: host, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/echo', timeout: 2000, ...backendOver },
    ...over,
  });
const errorOf = (r: { body: unknown; headers: Record<string, unknown> }) => {
  const e = gatewayErrorBody.parse(r.body);
  expect(e.request_id).toBe(r.headers['x-request-id']);
  return e.error_code;
};

describe('routing', () => {
  it('the demo API answers on demo.apic.localhost right after start', async () => {
    const r = await t.gw('GET', '/demo/hello', { host: 'demo.apic.localhost:9180' });
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/roma-local/);
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('selects the group by Host (system sub-domain or bound domain); unknown host or path → APIG.0101', async () => {
    const g1 = await t.group('route-one');
    const g2 = await t.group('route-two');
    await t.publish((await t.createApi(mockApi(g1.id, { req_uri: '/same', mock_info: { result_content: 'one' } }))).id);
    await t.publish((await t.createApi(mockApi(g2.id, { req_uri: '/same', mock_info: { result_content: 'two' } }))).id);
    await t.api('POST', `/api-groups/${g2.id}/domains`, { url_domain: 'two.example.test' });
    expect((await t.gw('GET', '/same', { host: g1.sl_domain })).text).toBe('one');
    expect((await t.gw('GET', '/same', { host: g2.sl_domain })).text).toBe('two');
    expect((await t.gw('GET', '/same', { host: 'TWO.example.test' })).text).toBe('two');
    const unknownHost = await t.gw('GET', '/same', { host: 'nobody.example.test' });
    expect([unknownHost.status, errorOf(unknownHost)]).toEqual([404, 'APIG.0101']);
    expect(errorOf(await t.gw('GET', '/other', { host: g1.sl_domain }))).toBe('APIG.0101');
    const wrongMethod = await t.gw('POST', '/same', { host: g1.sl_domain });
    expect([wrongMethod.status, wrongMethod.body.error_msg]).toEqual([404, 'The API does not exist.']);
  });

  it('serves the live version per environment (X-Stage), never the draft; switching and offline take effect', async () => {
    const g = await t.group('route-env');
    const env = (await t.api('POST', '/envs', { name: 'BETA' })).body;
    const def = (content: string) => mockApi(g.id, { name: 'versioned', req_uri: '/v', mock_info: { result_content: content } });
    const a = await t.createApi(def('first'));
    const v1 = await t.publish(a.id);
    await t.api('PUT', `/apis/${a.id}`, def('second'));
    expect((await t.gw('GET', '/v', { host: g.sl_domain })).text).toBe('first'); // draft not served
    expect(errorOf(await t.gw('GET', '/v', { host: g.sl_domain, headers: { 'x-stage': 'BETA' } }))).toBe('APIG.0101');
    await t.publish(a.id, env.id);
    expect((await t.gw('GET', '/v', { host: g.sl_domain, headers: { 'x-stage': 'BETA' } })).text).toBe('second');
    await t.publish(a.id);
    expect((await t.gw('GET', '/v', { host: g.sl_domain })).text).toBe('second');
    await t.api('PUT', `/apis/publish/${a.id}`, { version_id: v1.version_id });
    expect((await t.gw('GET', '/v', { host: g.sl_domain })).text).toBe('first');
    expect(errorOf(await t.gw('GET', '/v', { host: g.sl_domain, headers: { 'x-stage': 'NOPE' } }))).toBe('APIG.0101');
    await t.api('POST', '/apis/action', { action: 'offline', api_id: a.id, env_id: RELEASE });
    expect((await t.gw('GET', '/v', { host: g.sl_domain })).status).toBe(404);
  });

  it('path parameters: {id}, {rest+} and SWA prefix; literal segments win over placeholders', async () => {
    const g = await t.group('route-params');
    const p = (name: string) => ({ name, type: 'STRING', location: 'PATH', required: 1 });
    await t.publish((await t.createApi(mockApi(g.id, { name: 'by_id', req_uri: '/u/{id}', req_params: [p('id')], mock_info: { result_content: 'param' } }))).id);
    await t.publish((await t.createApi(mockApi(g.id, { name: 'me_api', req_uri: '/u/me', mock_info: { result_content: 'literal' } }))).id);
    await t.publish((await t.createApi(mockApi(g.id, { name: 'files', req_uri: '/files/{path+}', req_params: [p('path')], mock_info: { result_content: 'greedy' } }))).id);
    await t.publish((await t.createApi(mockApi(g.id, { name: 'prefix', req_uri: '/static', match_mode: 'SWA', mock_info: { result_content: 'prefix' } }))).id);
    expect((await t.gw('GET', '/u/42', { host: g.sl_domain })).text).toBe('param');
    expect((await t.gw('GET', '/u/me', { host: g.sl_domain })).text).toBe('literal');
    expect((await t.gw('GET', '/u/42/x', { host: g.sl_domain })).status).toBe(404);
    expect((await t.gw('GET', '/files/a/b/c.txt', { host: g.sl_domain })).text).toBe('greedy');
    expect((await t.gw('GET', '/files', { host: g.sl_domain })).status).toBe(404);
    expect((await t.gw('GET', '/static/js/app.js', { host: g.sl_domain })).text).toBe('prefix');
    expect((await t.gw('GET', '/static', { host: g.sl_domain })).text).toBe('prefix');
  });
});

describe('parameters and backends', () => {
  it('checks required parameters and their rules before the backend is called', async () => {
    const b = await httpBackend();
    const g = await t.group('params-rules');
    await t.publish((await t.createApi(httpApi(g.id, b.host, {
      req_uri: '/rules',
      req_params: [
        { name: 'q', type: 'STRING', location: 'QUERY', required: 1, min_size: 2, max_size: 5 },
        { name: 'n', type: 'NUMBER', location: 'QUERY', required: 2, min_num: 1, max_num: 10 },
        { name: 'color', type: 'STRING', location: 'QUERY', required: 2, enumerations: 'red,green' },
        { name: 'X-Tenant', type: 'STRING', location: 'HEADER', required: 1 },
      ],
    }))).id);
    const call = (qs: string, headers: Record<string, string> = { 'x-tenant': 't1' }) => t.gw('GET', `/rules${qs}`, { host: g.sl_domain, headers });
    for (const [qs, headers] of [['', undefined], ['?q=a', undefined], ['?q=abcdef', undefined], ['?q=abc&n=x', undefined],
      ['?q=abc&n=11', undefined], ['?q=abc&color=blue', undefined], ['?q=abc', {}]] as const) {
      const r = await call(qs, headers);
      expect([r.status, errorOf(r)], qs).toEqual([400, 'APIG.0201']);
    }
    expect(b.seen).toHaveLength(0);
    expect((await call('?q=abc&n=10&color=red')).status).toBe(200);
    expect(b.seen).toHaveLength(1);
  });

  it('HTTP backend: mapped request params, constants, system params, defaults, env variables in address and path', async () => {
    const b = await httpBackend();
    const g = await t.group('params-map');
    await t.api('POST', '/env-variables', { group_id: g.id, env_id: RELEASE, variable_name: 'backend_host', variable_value: b.host });
    await t.api('POST', '/env-variables', { group_id: g.id, env_id: RELEASE, variable_name: 'api_ver', variable_value: 'v9' });
    const a = await t.createApi(httpApi(g.id, '#backend_host#', {
      req_uri: '/orders/{id}', req_method: 'POST',
      req_params: [
        { name: 'id', type: 'NUMBER', location: 'PATH', required: 1 },
        { name: 'q', type: 'STRING', location: 'QUERY', required: 2, default_value: 'dflt' },
        { name: 'secret', type: 'STRING', location: 'QUERY', required: 2, pass_through: 2 },
        { name: 'X-In', type: 'STRING', location: 'HEADER', required: 2 },
      ],
      backend_params: [
        { name: 'orderId', location: 'PATH', origin: 'REQUEST', value: 'id' },
        { name: 'search', location: 'QUERY', origin: 'REQUEST', value: 'q' },
        { name: 'x-out', location: 'HEADER', origin: 'REQUEST', value: 'X-In' },
        { name: 'x-const', location: 'HEADER', origin: 'CONSTANT', value: 'ver-#api_ver#' },
        { name: 'x-api-id', location: 'HEADER', origin: 'SYSTEM', value: '$context.apiId' },
        { name: 'x-stage', location: 'QUERY', origin: 'SYSTEM', value: '$context.stage' },
        { name: 'x-src', location: 'HEADER', origin: 'SYSTEM', value: '$context.sourceIp' },
      ],
    }, { req_method: 'PUT', req_uri: '/#api_ver#/order/{orderId}' }));
    await t.publish(a.id);
    const r = await t.gw('POST', '/orders/7?secret=s&keep=1', { host: g.sl_domain, headers: { 'x-in': 'hello', 'content-type': 'text/plain' }, body: 'payload' });
    expect(r.status, r.text).toBe(200);
    const seen = b.seen.at(-1)!;
    const url = new URL(seen.url, 'http://x');
    expect([seen.method, url.pathname, seen.body]).toEqual(['PUT', '/v9/order/7', 'payload']);
    expect(Object.fromEntries(url.searchParams)).toEqual({ keep: '1', search: 'dflt', 'x-stage': 'RELEASE' });
    expect(seen.headers['x-out']).toBe('hello');
    expect(seen.headers['x-in']).toBeUndefined();
    expect(seen.headers['x-const']).toBe('ver-v9');
    expect(seen.headers['x-api-id']).toBe(a.id);
    expect(seen.headers['x-src']).toBe('127.0.0.1');
    expect(seen.headers['x-request-id']).toBe(r.headers['x-request-id']);
    expect(r.headers['x-backend']).toBe('yes');
  });

  it('an undefined environment variable answers 500 APIG.0105 with a body, not a crash', async () => {
    const g = await t.group('params-novar');
    await t.publish((await t.createApi(httpApi(g.id, '#missing_host#'))).id);
    const r = await t.gw('GET', '/m', { host: g.sl_domain });
    expect([r.status, errorOf(r)]).toEqual([500, 'APIG.0105']);
    expect(r.body.error_msg).toContain('#missing_host#');
  });

  it('mock backend answers its status, headers and body', async () => {
    const g = await t.group('mock-answers');
    await t.publish((await t.createApi(mockApi(g.id, { mock_info: { status_code: 418 - 1, result_content: '{"a":1}', header: [{ key: 'X-Mock', value: 'm' }] } }))).id);
    const r = await t.gw('GET', '/m', { host: g.sl_domain });
    expect([r.status, r.body, r.headers['x-mock'], r.headers['content-type']]).toEqual([417, { a: 1 }, 'm', 'application/json']);
  });

  it('streams a large backend body; HEAD gets headers only', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const b = await httpBackend((_req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end(big); });
    const g = await t.group('stream');
    await t.publish((await t.createApi(httpApi(g.id, b.host, { req_method: 'ANY' }, { req_method: 'ANY' }))).id);
    const r = await t.gw('GET', '/m', { host: g.sl_domain });
    expect(r.text.length).toBe(big.length);
    expect((await t.gw('HEAD', '/m', { host: g.sl_domain })).text).toBe('');
    expect(b.seen.at(-1)!.method).toBe('HEAD');
  });

  it('timeout → 504 APIG.0201; retries on failure then succeed; dead backend → 502 after the retries', async () => {
    let calls = 0;
    const slow = await httpBackend((_req, res) => { setTimeout(() => { res.writeHead(200); res.end('late'); }, 1500); });
    const flaky = await httpBackend((req, res) => {
      calls++;
      if (calls < 3) req.socket.destroy(); else { res.writeHead(200); res.end('third time'); }
    });
    const g = await t.group('timeouts');
    await t.publish((await t.createApi(httpApi(g.id, slow.host, { name: 'slow', req_uri: '/slow' }, { timeout: 200, retry_count: '0' }))).id);
    await t.publish((await t.createApi(httpApi(g.id, flaky.host, { name: 'flaky', req_uri: '/flaky' }, { retry_count: '2' }))).id);
    await t.publish((await t.createApi(httpApi(g.id, `127.0.0.1:${await deadPort()}`, { name: 'dead', req_uri: '/dead' }, { retry_count: '1' }))).id);
    const s = await t.gw('GET', '/slow', { host: g.sl_domain });
    expect([s.status, errorOf(s), s.body.error_msg]).toEqual([504, 'APIG.0201', 'Backend timeout.']);
    const f = await t.gw('GET', '/flaky', { host: g.sl_domain });
    expect([f.status, f.text, calls]).toEqual([200, 'third time', 3]);
    const d = await t.gw('GET', '/dead', { host: g.sl_domain });
    expect([d.status, errorOf(d)]).toEqual([502, 'APIG.0201']);
  });
});

describe('auth, unavailable backends, debug, statistics', () => {
  it('IAM: token required and checked, not forwarded; APP → 401 APIG.0303; FUNCTION → 501 APIG.0199', async () => {
    const b = await httpBackend();
    const g = await t.group('auth');
    await t.publish((await t.createApi(httpApi(g.id, b.host, { name: 'iam_api', req_uri: '/iam', auth_type: 'IAM' }))).id);
    await t.publish((await t.createApi(mockApi(g.id, { name: 'app_api', req_uri: '/app', auth_type: 'APP' }))).id);
    await t.publish((await t.createApi(mockApi(g.id, {
      name: 'fn_api', req_uri: '/fn', backend_type: 'FUNCTION', mock_info: undefined,
      func_info: { function_urn: 'urn:fss:x:y:function:default:f', invocation_type: 'sync', timeout: 1000 },
    }))).id);
    const none = await t.gw('GET', '/iam', { host: g.sl_domain });
    expect([none.status, errorOf(none)]).toEqual([401, 'APIG.0301']);
    expect(errorOf(await t.gw('GET', '/iam', { host: g.sl_domain, headers: { 'x-auth-token': 'bogus' } }))).toBe('APIG.0301');
    const ok = await t.gw('GET', '/iam', { host: g.sl_domain, headers: { 'x-auth-token': t.s.token } });
    expect(ok.status).toBe(200);
    expect(b.seen.at(-1)!.headers['x-auth-token']).toBeUndefined();
    const app = await t.gw('GET', '/app', { host: g.sl_domain });
    expect([app.status, errorOf(app)]).toEqual([401, 'APIG.0303']);
    const fn = await t.gw('GET', '/fn', { host: g.sl_domain });
    expect([fn.status, errorOf(fn)]).toEqual([501, 'APIG.0199']);
  });

  it('debug runs the draft (DEVELOPER) or the live version (CONSUMER) through the gateway code', async () => {
    const g = await t.group('debugging');
    const a = await t.createApi(mockApi(g.id, { name: 'dbg_api', req_uri: '/d/{id}', req_params: [{ name: 'id', type: 'NUMBER', location: 'PATH', required: 1 }], mock_info: { result_content: 'live' } }));
    await t.publish(a.id);
    await t.api('PUT', `/apis/${a.id}`, mockApi(g.id, { name: 'dbg_api', req_uri: '/d/{id}', req_params: [{ name: 'id', type: 'NUMBER', location: 'PATH', required: 1 }], mock_info: { result_content: 'draft' } }));
    const dev = await t.api('POST', `/apis/debug/${a.id}`, { mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/d/5', query: { x: ['1'] } });
    const d = apiDebugResponse.parse(dev.body);
    expect(d.response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(d.response.endsWith('draft')).toBe(true);
    expect(d.request).toContain('GET /d/5?x=1 HTTP/1.1');
    expect(d.log).toContain('route: draft');
    const live = apiDebugResponse.parse((await t.api('POST', `/apis/debug/${a.id}`, { mode: 'CONSUMER', scheme: 'HTTP', method: 'GET', path: '/d/5' })).body);
    expect(live.response.endsWith('live')).toBe(true);
    const bad = apiDebugResponse.parse((await t.api('POST', `/apis/debug/${a.id}`, { mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/d/abc' })).body);
    expect(bad.response).toMatch(/^HTTP\/1\.1 400 /);
    expect(bad.response).toContain('APIG.0201');
    expect((await t.api('POST', `/apis/debug/${a.id}`, { mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: 'no-slash' })).status).toBe(400);
  });

  it('statistics count gateway calls of an API', async () => {
    const g = await t.group('stats');
    const a = await t.createApi(mockApi(g.id));
    await t.publish(a.id);
    for (let i = 0; i < 3; i++) await t.gw('GET', '/m', { host: g.sl_domain });
    await t.gw('POST', '/m', { host: g.sl_domain }); // method mismatch: no API, not counted
    const r = await t.api('GET', `/statistics/api/latest?api_id=${a.id}&duration=1h`);
    expect(r.body.list.reduce((n: number, x: { req_count: number }) => n + x.req_count, 0)).toBe(3);
    const all = await t.api('GET', `/statistics/api?mode=API&api_id=${a.id}&cycle=hour`);
    expect(all.body.list[0].req_count_2xx).toBe(3);
  });
});

describe('bad input never gets a 5xx or a hang', () => {
  const raw = (text: string) => new Promise<string>((resolve, reject) => {
    const u = new URL(t.gatewayUrl);
    const sock = net.connect(Number(u.port), u.hostname, () => sock.end(text));
    let out = '';
    sock.on('data', (c) => { out += c.toString(); });
    sock.on('end', () => resolve(out));
    sock.on('error', reject);
  });

  it('malformed encoding, long URI, big headers, big body, garbage request line, missing Host', async () => {
    const badEnc = await t.gw('GET', '/demo/%E0%A4%A', { host: 'demo.apic.localhost' });
    expect([badEnc.status, errorOf(badEnc)]).toEqual([400, 'APIG.0201']);
    const longUri = await t.gw('GET', `/${'a'.repeat(40 * 1024)}`, { host: 'demo.apic.localhost' });
    expect(longUri.status).toBe(414);
    const bigHeader = await raw(`GET /demo/hello HTTP/1.1\r\nHost: demo.apic.localhost\r\nX-Big: ${'b'.repeat(200 * 1024)}\r\n\r\n`);
    expect(bigHeader).toMatch(/^HTTP\/1\.1 494 /);
    expect(bigHeader).toContain('"error_code":"APIG.0201"');
    const bigBody = await t.gw('POST', '/demo/hello', { host: 'demo.apic.localhost', body: 'z'.repeat(13 * 1024 * 1024) });
    expect(bigBody.status).toBe(413);
    const garbage = await raw('BLAH\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    const noHost = await raw('GET /demo/hello HTTP/1.0\r\n\r\n');
    expect(noHost).toMatch(/^HTTP\/1\.1 404 /);
    expect(noHost).toContain('APIG.0101');
  });
});
