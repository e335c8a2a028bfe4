// The consumer side of one API, per environment, over real HTTP and with the queries the console's
// Consumers tab sends: authorised apps, attached plugins and the bound throttling policy of an API
// live in two environments, each listing answering for its environment only; the policy bound
// through the publish_id read from unbinded-apis; and the quota an app carries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAuthList, apiPluginList, boundThrottleList, throttleApiList } from '../../src/contract';
import { mockApi, startApic } from '../support/apic';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic(); });
afterAll(async () => { await t.close(); });

const ok = <T extends { status: number; text: string }>(r: T, status = 200): T => {
  if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
  return r;
};

describe("an API's consumers per environment", () => {
  it('apps, plugins and the throttling policy of one env are not those of another', async () => {
    const g = await t.group('cons-tab');
    const api = await t.createApi(mockApi(g.id, { req_uri: '/cons-tab', auth_type: 'APP' }));
    const test = ok(await t.api('POST', '/envs', { name: 'TEST_CONS' }), 201).body as { id: string };
    await t.publish(api.id);
    await t.publish(api.id, test.id);
    const app = async (name: string) => ok(await t.s.req('POST', '/apps', { body: { name } }), 201).body.id as string;
    const [a1, a2] = [await app('cons-tab-1'), await app('cons-tab-2')];

    // authorise a1 and a2 in RELEASE in one call (each app's own result), a2 in TEST too
    const auth = ok(await t.api('POST', '/app-auths', { env_id: RELEASE, app_ids: [a1, a2], api_ids: [api.id] }), 201);
    expect(auth.body.auths.map((x: { app_id: string; auth_result: { status: string } }) => [x.app_id, x.auth_result.status]))
      .toEqual([[a1, 'SUCCESS'], [a2, 'SUCCESS']]);
    ok(await t.api('POST', '/app-auths', { env_id: test.id, app_ids: [a2], api_ids: [api.id] }), 201);
    const apps = async (env: string) =>
      apiAuthList.parse(ok(await t.api('GET', `/app-auths/binded-apps?api_id=${api.id}&env_id=${env}&limit=500`)).body).auths.map((x) => x.app_name).sort();
    expect(await apps(RELEASE)).toEqual(['cons-tab-1', 'cons-tab-2']);
    expect(await apps(test.id)).toEqual(['cons-tab-2']);
    const a2InRelease = apiAuthList.parse(ok(await t.api('GET', `/app-auths/binded-apps?api_id=${api.id}&env_id=${RELEASE}&app_id=${a2}`)).body).auths[0]!;
    ok(await t.api('DELETE', `/app-auths/${a2InRelease.id}`), 204);
    expect(await apps(RELEASE)).toEqual(['cons-tab-1']);
    expect(await apps(test.id)).toEqual(['cons-tab-2']);

    // a plugin attached in TEST only; detached from the API's side
    const cors = ok(await t.api('POST', '/plugins', { plugin_name: 'cons_tab_cors', plugin_type: 'cors', plugin_scope: 'global', plugin_content: '{"allow_origin":"*"}' }), 201).body;
    ok(await t.api('POST', `/apis/${api.id}/plugins/attach`, { env_id: test.id, plugin_ids: [cors.plugin_id] }), 201);
    const plugins = async (env: string) =>
      apiPluginList.parse(ok(await t.api('GET', `/apis/${api.id}/attached-plugins?env_id=${env}&limit=500`)).body).plugins;
    expect(await plugins(RELEASE)).toEqual([]);
    expect((await plugins(test.id)).map((p) => [p.plugin_name, p.plugin_type, p.env_name])).toEqual([['cons_tab_cors', 'cors', 'TEST_CONS']]);
    ok(await t.api('PUT', `/apis/${api.id}/plugins/detach`, { env_id: test.id, plugin_ids: [cors.plugin_id] }), 204);
    expect(await plugins(test.id)).toEqual([]);

    // a throttling policy bound in RELEASE through the publish_id unbinded-apis gives for that env
    const th = ok(await t.api('POST', '/throttles', { name: 'cons_tab_thr', api_call_limits: 100, user_call_limits: 50, time_interval: 1, time_unit: 'SECOND' }), 201).body;
    const unbound = throttleApiList.parse(ok(await t.api('GET', `/throttle-bindings/unbinded-apis?throttle_id=${th.id}&env_id=${RELEASE}&api_id=${api.id}&limit=500`)).body).apis;
    expect(unbound.map((a) => [a.id, a.run_env_id])).toEqual([[api.id, RELEASE]]);
    ok(await t.api('POST', '/throttle-bindings', { strategy_id: th.id, publish_ids: [unbound[0]!.publish_id] }), 201);
    const bound = async (env: string) =>
      boundThrottleList.parse(ok(await t.api('GET', `/throttle-bindings/binded-throttles?api_id=${api.id}&env_id=${env}&limit=500`)).body).throttles;
    const [inRelease] = await bound(RELEASE);
    expect([inRelease?.name, inRelease?.api_call_limits, inRelease?.user_call_limits, inRelease?.env_id]).toEqual(['cons_tab_thr', 100, 50, RELEASE]);
    expect(await bound(test.id)).toEqual([]);
    ok(await t.api('DELETE', `/throttle-bindings/${inRelease!.throttle_apply_id}`), 204);
    expect(await bound(RELEASE)).toEqual([]);
  });
});
