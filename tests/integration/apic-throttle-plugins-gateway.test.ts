// Throttling policies and plugins at the gateway through real HTTP: API / app / IP limits and
// special apps (fake clock), a rate_limit plugin in place of the policy, the cors plugin's
// preflight and headers, set_resp_headers on every answer, kafka_log stored but not enforced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDebugResponse, gatewayErrorBody } from '../../src/contract';
import { clock } from '../../src/roma-local/test-helpers';
import { backend, mockApi, startApic } from '../support/apic';
import { appCodeApi, appWithCode, authorise, plugin, RELEASE } from '../support/apic-consumers';

const clk = clock(Date.UTC(2026, 11, 7, 9, 0, 0));
let t: Awaited<ReturnType<typeof startApic>>;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => { t = await startApic({ now: clk.now }); });
afterAll(async () => { for (const c of closers) await c(); await t.close(); });

const codeOf = (r: { status: number; body: unknown }) => (r.status < 300 ? String(r.status) : `${r.status} ${gatewayErrorBody.parse(r.body).error_code}`);
async function noneApi(group: string, over: Record<string, unknown> = {}) {
  const g = await t.group(group);
  const api = await t.createApi(mockApi(g.id, { req_uri: '/n', ...over }));
  const pub = await t.publish(api.id);
  return { g, api, pub };
}
async function throttle(body: Record<string, unknown>, publishId: string) {
  const th = await t.api('POST', '/throttles', { time_interval: 1, time_unit: 'MINUTE', ...body });
  if (th.status !== 201) throw new Error(`throttle: ${th.status} ${th.text}`);
  const b = await t.api('POST', '/throttle-bindings', { strategy_id: th.body.id, publish_ids: [publishId] });
  if (b.status !== 201) throw new Error(`bind: ${b.status} ${b.text}`);
  return th.body.id as string;
}

describe('throttling policies', () => {
  it('API limit per period on a NONE-auth API; the next period passes again', async () => {
    const { g, pub } = await noneApi('thr-api');
    await throttle({ name: 'thr_api_two', api_call_limits: 2 }, pub.publish_id);
    const get = () => t.gw('GET', '/n', { host: g.sl_domain });
    expect([codeOf(await get()), codeOf(await get()), codeOf(await get())]).toEqual(['200', '200', '429 APIG.0308']);
    expect((await get()).body.error_msg).toMatch(/policy api over ratelimit,limit:2,time:1 minute/);
    clk.advance(60_000);
    expect(codeOf(await get())).toBe('200');
  });

  it('shared policy (type 2) counts all bound APIs together; source-IP limit', async () => {
    const one = await noneApi('thr-shared-1');
    const two = await noneApi('thr-shared-2');
    const id = await throttle({ name: 'thr_shared', api_call_limits: 3, type: 2 }, one.pub.publish_id);
    await t.api('POST', '/throttle-bindings', { strategy_id: id, publish_ids: [two.pub.publish_id] });
    const r = [];
    for (const h of [one, two, one, two]) r.push(codeOf(await t.gw('GET', '/n', { host: h.g.sl_domain })));
    expect(r).toEqual(['200', '200', '200', '429 APIG.0308']);
    const ip = await noneApi('thr-ip');
    await throttle({ name: 'thr_ip', api_call_limits: 10, ip_call_limits: 1 }, ip.pub.publish_id);
    expect(codeOf(await t.gw('GET', '/n', { host: ip.g.sl_domain }))).toBe('200');
    const second = await t.gw('GET', '/n', { host: ip.g.sl_domain });
    expect([codeOf(second), second.body.error_msg]).toEqual(['429 APIG.0308', expect.stringMatching(/policy ip over/)]);
  });

  it('app limit per app, a special app gets its own limit', async () => {
    const { g, api, pub } = await appCodeApi(t, 'thr-app');
    const plain = await appWithCode(t, 'thr-plain');
    const vip = await appWithCode(t, 'thr-vip');
    await authorise(t, [plain.id, vip.id], api.id);
    const id = await throttle({ name: 'thr_app_one', api_call_limits: 10, app_call_limits: 1 }, pub.publish_id);
    await t.api('POST', `/throttles/${id}/throttle-specials`, { object_id: vip.id, object_type: 'APP', call_limits: 3 });
    const as = (code: string) => t.gw('GET', '/q', { host: g.sl_domain, headers: { 'X-Apig-AppCode': code } });
    expect([codeOf(await as(plain.code)), codeOf(await as(plain.code))]).toEqual(['200', '429 APIG.0308']);
    const vipCodes = [];
    for (let i = 0; i < 4; i++) vipCodes.push(codeOf(await as(vip.code)));
    expect(vipCodes).toEqual(['200', '200', '200', '429 APIG.0308']);
  });

  it('a rate_limit plugin takes the place of the throttling policy; unbinding the policy and detaching lift limits', async () => {
    const { g, api, pub } = await noneApi('thr-plugin');
    await throttle({ name: 'thr_loose', api_call_limits: 100 }, pub.publish_id);
    const pid = await plugin(t, 'rl_one', 'rate_limit', { api_limit: 1, default_interval: 1, default_time_unit: 'minute' }, api.id);
    const get = () => t.gw('GET', '/n', { host: g.sl_domain });
    expect([codeOf(await get()), codeOf(await get())]).toEqual(['200', '429 APIG.0308']);
    await t.api('PUT', `/plugins/${pid}/detach`, { env_id: RELEASE, api_ids: [api.id] });
    expect(codeOf(await get())).toBe('200'); // the policy (100 per minute) again
  });
});

describe('plugins', () => {
  it('cors: the gateway answers the preflight from the plugin; allowed origins get the headers on answers, 429 included', async () => {
    const { g, api, pub } = await noneApi('cors-plugin');
    await plugin(t, 'cors_site', 'cors', {
      allow_origin: 'https://site.test', allow_methods: 'GET,POST', allow_headers: 'X-Custom', expose_headers: 'X-Request-Id', max_age: 600,
    }, api.id);
    const pre = await t.gw('OPTIONS', '/n', { host: g.sl_domain, headers: { origin: 'https://site.test', 'access-control-request-method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers).toMatchObject({
      'access-control-allow-origin': 'https://site.test', 'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'X-Custom', 'access-control-max-age': '600',
    });
    const other = await t.gw('OPTIONS', '/n', { host: g.sl_domain, headers: { origin: 'https://evil.test', 'access-control-request-method': 'GET' } });
    expect([other.status, other.headers['access-control-allow-origin']]).toEqual([204, undefined]);
    const noPlugin = await noneApi('cors-none');
    const plain = await t.gw('OPTIONS', '/n', { host: noPlugin.g.sl_domain, headers: { origin: 'https://site.test', 'access-control-request-method': 'GET' } });
    expect(codeOf(plain)).toBe('404 APIG.0101'); // without the plugin (or the API's cors flag) there is no preflight answer
    const res = await t.gw('GET', '/n', { host: g.sl_domain, headers: { origin: 'https://site.test' } });
    expect([res.status, res.headers['access-control-allow-origin'], res.headers['access-control-expose-headers']]).toEqual([200, 'https://site.test', 'X-Request-Id']);
    await throttle({ name: 'thr_cors', api_call_limits: 1 }, pub.publish_id);
    await t.gw('GET', '/n', { host: g.sl_domain });
    const limited = await t.gw('GET', '/n', { host: g.sl_domain, headers: { origin: 'https://site.test' } });
    expect([codeOf(limited), limited.headers['access-control-allow-origin']]).toEqual(['429 APIG.0308', 'https://site.test']);
  });

  it('set_resp_headers: override, append, delete, skip, add on the backend answer and on gateway errors', async () => {
    const b = await backend((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-backend': 'yes', 'x-gone': '1', 'x-kept': 'backend' });
      res.end('{}');
    });
    closers.push(b.close);
    const g = await t.group('resp-headers');
    const api = await t.createApi(mockApi(g.id, {
      req_uri: '/h', backend_type: 'HTTP', mock_info: undefined,
      backend_api: { url_domain: b.host, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/h', timeout: 2000 },
      req_params: [{ name: 'must', type: 'STRING', location: 'QUERY', required: 1 }],
    }));
    await t.publish(api.id);
    await plugin(t, 'hdr_rules', 'set_resp_headers', { response_headers: [
      { name: 'x-backend', value: 'more', action: 'append' }, { name: 'x-gone', value: '', action: 'delete' },
      { name: 'x-kept', value: 'plugin', action: 'skip' }, { name: 'x-added', value: 'a', action: 'add' },
      { name: 'content-type', value: 'application/vnd.test+json', action: 'override' },
    ] }, api.id);
    const ok = await t.gw('GET', '/h?must=1', { host: g.sl_domain });
    expect(ok.status).toBe(200);
    expect(ok.headers).toMatchObject({ 'x-backend': 'yes,more', 'x-kept': 'backend', 'x-added': 'a', 'content-type': 'application/vnd.test+json' });
    expect(ok.headers['x-gone']).toBeUndefined();
    const bad = await t.gw('GET', '/h', { host: g.sl_domain }); // missing parameter: the gateway's own 400
    expect([codeOf(bad), bad.headers['x-added'], bad.headers['x-kept']]).toEqual(['400 APIG.0201', 'a', 'plugin']);
  });

  it('kafka_log and breaker are stored and shown, and calls pass (not enforced by roma-local)', async () => {
    const { g, api } = await noneApi('stored-only');
    await plugin(t, 'kafka_logs', 'kafka_log', { broker_list: ['127.0.0.1:1'], topic: 'calls' }, api.id);
    await plugin(t, 'breaker_one', 'breaker', { breaker_condition: { breaker_type: 'timeout', time_window: 1, open_breaker_time: 1 } }, api.id);
    expect(codeOf(await t.gw('GET', '/n', { host: g.sl_domain }))).toBe('200');
    const attached = await t.api('GET', `/apis/${api.id}/attached-plugins?env_id=${RELEASE}`);
    expect(attached.body.plugins.map((p: { plugin_type: string }) => p.plugin_type).sort()).toEqual(['breaker', 'kafka_log']);
    const dbg = apiDebugResponse.parse((await t.api('POST', `/apis/debug/${api.id}`, { mode: 'CONSUMER', scheme: 'HTTP', method: 'GET', path: '/n' })).body);
    expect(dbg.log).toMatch(/plugins: (kafka_log, breaker|breaker, kafka_log) attached, stored but not enforced by roma-local/);
  });
});
