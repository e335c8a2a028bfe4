// Consumer-policy management API through real HTTP: client quotas and their apps, throttling
// policies with specials and bindings, plugins with attachments, LiveData data sources — and the
// refusals (twice bound, still bound, a type already attached) with their codes, nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appQuotaStrict, pluginStrict, throttleStrict } from '../../src/contract';
import { call } from '../../src/roma-local/test-helpers';
import { mockApi, startApic } from '../support/apic';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic(); });
afterAll(async () => { await t.close(); });

async function app(name: string) {
  const r = await t.s.req('POST', '/apps', { body: { name } });
  if (r.status !== 201 && r.status !== 200) throw new Error(`app: ${r.status} ${r.text}`);
  return r.body.id as string;
}
const code = (r: { status: number; body: { error_code?: string } }) => `${r.status} ${r.body?.error_code ?? ''}`.trim();

describe('client quotas', () => {
  it('CRUD, bind / bound / bindable / unbind, the quota of an app, and the refusals', async () => {
    const created = await t.api('POST', '/app-quotas', { name: 'quota_one', call_limits: 1000, time_unit: 'HOUR', time_interval: 1, reset_time: '2026-01-01 00:00:00' });
    expect(created.status).toBe(201);
    const q = appQuotaStrict.parse(created.body);
    expect(q).toMatchObject({ call_limits: 1000, reset_time: '2026-01-01 00:00:00', bound_app_num: 0 });
    expect(code(await t.api('POST', '/app-quotas', { name: 'QUOTA_ONE', call_limits: 1, time_unit: 'DAY', time_interval: 1 }))).toBe('400 APIG.3325');
    expect(code(await t.api('POST', '/app-quotas', { name: 'quota_bad', call_limits: 1, time_unit: 'WEEK', time_interval: 1 }))).toBe('400 APIG.2011');

    const a1 = await app('quota-app-1');
    const a2 = await app('quota-app-2');
    expect((await t.api('GET', `/app-quotas/${q.app_quota_id}/bindable-apps?app_name=quota-app`)).body.total).toBe(2);
    const bound = await t.api('POST', `/app-quotas/${q.app_quota_id}/binding-apps`, { app_ids: [a1] });
    expect(bound.status).toBe(201);
    expect(bound.body.applies[0]).toMatchObject({ app_quota_id: q.app_quota_id, app_id: a1 });
    // twice, or to another quota: refused, and the batch leaves nothing behind
    expect(code(await t.api('POST', `/app-quotas/${q.app_quota_id}/binding-apps`, { app_ids: [a2, a1] }))).toBe('400 APIG.3326');
    const other = (await t.api('POST', '/app-quotas', { name: 'quota_two', call_limits: 5, time_unit: 'MINUTE', time_interval: 2 })).body;
    expect(code(await t.api('POST', `/app-quotas/${other.app_quota_id}/binding-apps`, { app_ids: [a1] }))).toBe('400 APIG.3326');
    expect((await t.api('GET', `/app-quotas/${q.app_quota_id}/bound-apps`)).body.apps.map((x: { app_id: string }) => x.app_id)).toEqual([a1]);
    expect(code(await t.api('POST', `/app-quotas/${q.app_quota_id}/binding-apps`, { app_ids: ['nope'] }))).toBe('404 APIG.3019');

    const mine = await t.api('GET', `/apps/${a1}/bound-quota`);
    expect([mine.status, mine.body.app_quota_id, mine.body.bound_app_num]).toEqual([200, q.app_quota_id, 1]);
    expect(code(await t.api('GET', `/apps/${a2}/bound-quota`))).toBe('404 APIG.3091');
    expect(code(await t.api('GET', '/apps/98df09fb-d459-4cbf-83a7-2b55ca6f3d5d/bound-quota'))).toBe('404 APIG.3002');

    expect(code(await t.api('DELETE', `/app-quotas/${q.app_quota_id}`))).toBe('400 APIG.3420');
    const put = await t.api('PUT', `/app-quotas/${q.app_quota_id}`, { name: 'quota_one', call_limits: 10, time_unit: 'MINUTE', time_interval: 1 });
    expect([put.status, put.body.call_limits, put.body.reset_time]).toEqual([200, 10, '']);
    expect((await t.api('DELETE', `/app-quotas/${q.app_quota_id}/bound-apps/${a1}`)).status).toBe(204);
    expect(code(await t.api('DELETE', `/app-quotas/${q.app_quota_id}/bound-apps/${a1}`))).toBe('404 APIG.3092');
    expect((await t.api('DELETE', `/app-quotas/${q.app_quota_id}`)).status).toBe(204);
    expect(code(await t.api('GET', `/app-quotas/${q.app_quota_id}`))).toBe('404 APIG.3090');
    const list = await t.api('GET', '/app-quotas?name=quota');
    expect(list.body.quotas.map((x: { name: string }) => x.name)).toEqual(['quota_two']);
  });
});

describe('throttling policies', () => {
  it('CRUD, specials, bind by publish_id (one per API and env), listings, batch unbind', async () => {
    const g = await t.group('thr-mgmt');
    const api = await t.createApi(mockApi(g.id, { req_uri: '/thr' }));
    const pub = await t.publish(api.id);
    const th = throttleStrict.parse((await t.api('POST', '/throttles', { name: 'thr_one', api_call_limits: 10, app_call_limits: 2, time_interval: 1, time_unit: 'MINUTE' })).body);
    expect([th.type, th.bind_num, th.is_inclu_special_throttle]).toEqual([1, 0, 2]);
    expect(code(await t.api('POST', '/throttles', { name: 'thr_one', api_call_limits: 1, time_interval: 1, time_unit: 'SECOND' }))).toBe('400 APIG.3210');
    const a = await app('thr-app');
    const sp = await t.api('POST', `/throttles/${th.id}/throttle-specials`, { object_id: a, object_type: 'APP', call_limits: 5 });
    expect([sp.status, sp.body.app_name]).toEqual([201, 'thr-app']);
    expect(code(await t.api('POST', `/throttles/${th.id}/throttle-specials`, { object_id: a, object_type: 'APP', call_limits: 5 }))).toBe('400 APIG.3211');
    expect(code(await t.api('POST', `/throttles/${th.id}/throttle-specials`, { object_id: 'u1', object_type: 'USER', call_limits: 11 }))).toBe('400 APIG.2011');
    expect((await t.api('PUT', `/throttles/${th.id}/throttle-specials/${sp.body.id}`, { call_limits: 3 })).body.call_limits).toBe(3);
    expect((await t.api('GET', `/throttles/${th.id}`)).body.is_inclu_special_throttle).toBe(1);

    const b = await t.api('POST', '/throttle-bindings', { strategy_id: th.id, publish_ids: [pub.publish_id] });
    expect(b.status).toBe(201);
    const bindId = b.body.throttle_applys[0].id as string;
    const th2 = (await t.api('POST', '/throttles', { name: 'thr_two', api_call_limits: 1, time_interval: 1, time_unit: 'SECOND' })).body;
    expect(code(await t.api('POST', '/throttle-bindings', { strategy_id: th2.id, publish_ids: [pub.publish_id] }))).toBe('400 APIG.3423');
    expect(code(await t.api('POST', '/throttle-bindings', { strategy_id: th2.id, publish_ids: ['nope'] }))).toBe('404 APIG.3095');
    const bound = await t.api('GET', `/throttle-bindings/binded-apis?throttle_id=${th.id}`);
    expect(bound.body.apis.map((x: { id: string; throttle_apply_id: string }) => [x.id, x.throttle_apply_id])).toEqual([[api.id, bindId]]);
    expect((await t.api('GET', `/throttle-bindings/unbinded-apis?throttle_id=${th2.id}&group_id=${g.id}`)).body.total).toBe(1);
    const ofApi = await t.api('GET', `/throttle-bindings/binded-throttles?api_id=${api.id}`);
    expect([ofApi.body.throttles[0].id, ofApi.body.throttles[0].env_id]).toEqual([th.id, RELEASE]);

    const batch = await t.api('PUT', '/throttle-bindings?action=delete', { throttle_bindings: [bindId, 'nope'] });
    expect([batch.body.success_count, batch.body.failure[0].error_code]).toEqual([1, 'APIG.3094']);
    expect((await t.api('DELETE', `/throttles/${th.id}`)).status).toBe(204);
    expect(code(await t.api('GET', `/throttles/${th.id}/throttle-specials`))).toBe('404 APIG.3005');
  });
});

describe('plugins', () => {
  it('CRUD per type, attach / detach from both sides, one type per API and env, delete refused while attached', async () => {
    const g = await t.group('plug-mgmt');
    const api = await t.createApi(mockApi(g.id, { req_uri: '/plug' }));
    await t.publish(api.id);
    const mk = (name: string, type: string, content: unknown) =>
      t.api('POST', '/plugins', { plugin_name: name, plugin_type: type, plugin_scope: 'global', plugin_content: JSON.stringify(content) });
    const cors = pluginStrict.parse((await mk('cors_a', 'cors', { allow_origin: '*' })).body);
    const cors2 = (await mk('cors_b', 'cors', { allow_origin: 'https://x.test' })).body;
    const kafka = (await mk('kafka_a', 'kafka_log', { broker_list: ['127.0.0.1:9092'], topic: 'log' })).body;
    const bad = await mk('hdr_bad', 'set_resp_headers', { response_headers: [{ name: 'x-apig-latency', value: '1', action: 'override' }] });
    expect([code(bad), bad.body.error_msg]).toEqual(['400 APIG.2011', expect.stringMatching(/plugin_content/)]);
    expect(code(await mk('cors_a', 'cors', {}))).toBe('400 APIG.3212');

    const at = await t.api('POST', `/plugins/${cors.plugin_id}/attach`, { env_id: RELEASE, api_ids: [api.id] });
    expect([at.status, at.body.attached_plugins[0].env_name]).toEqual([201, 'RELEASE']);
    expect(code(await t.api('POST', `/apis/${api.id}/plugins/attach`, { env_id: RELEASE, plugin_ids: [kafka.plugin_id, cors2.plugin_id] }))).toBe('400 APIG.3422');
    expect((await t.api('GET', `/apis/${api.id}/attached-plugins`)).body.total).toBe(1); // the kafka half was not written
    expect((await t.api('POST', `/apis/${api.id}/plugins/attach`, { env_id: RELEASE, plugin_ids: [kafka.plugin_id] })).status).toBe(201);
    expect((await t.api('GET', `/plugins/${cors.plugin_id}/attached-apis`)).body.apis[0]).toMatchObject({ api_id: api.id, env_id: RELEASE });
    expect((await t.api('GET', `/plugins/${cors2.plugin_id}/attachable-apis?env_id=${RELEASE}&group_id=${g.id}`)).body.total).toBe(1);
    const attachable = await t.api('GET', `/apis/${api.id}/attachable-plugins?env_id=${RELEASE}&plugin_name=cors`);
    expect(attachable.body.plugins.map((p: { plugin_name: string }) => p.plugin_name)).toEqual(['cors_b']);
    expect(code(await t.api('GET', `/plugins/${cors.plugin_id}/attachable-apis`))).toBe('400 APIG.2011'); // env_id required

    expect(code(await t.api('DELETE', `/plugins/${cors.plugin_id}`))).toBe('400 APIG.3421');
    expect(code(await t.api('PUT', `/plugins/${cors.plugin_id}`, { plugin_name: 'cors_a', plugin_type: 'breaker', plugin_scope: 'global', plugin_content: '{"breaker_condition":{"breaker_type":"timeout","time_window":1,"open_breaker_time":1}}' }))).toBe('400 APIG.3424');
    expect(code(await t.api('PUT', '/plugins/b294018ee0554156a875b3513e02e5b9/detach', { env_id: RELEASE, api_ids: [api.id] }))).toBe('404 APIG.3068');
    expect((await t.api('PUT', `/apis/${api.id}/plugins/detach`, { env_id: RELEASE, plugin_ids: [cors.plugin_id] })).status).toBe(204);
    expect((await t.api('DELETE', `/plugins/${cors.plugin_id}`)).status).toBe(204);
    expect((await t.api('GET', '/plugins?plugin_type=kafka_log')).body.plugins.map((p: { plugin_id: string }) => p.plugin_id)).toEqual([kafka.plugin_id]);
  });
});

describe('LiveData data sources', () => {
  it('app_id is required; the FDI data sources of the app, without passwords; unknown app 404', async () => {
    expect(code(await t.api('GET', '/data-sources'))).toBe('400 APIG.2011');
    const a = await app('ld-app');
    expect((await t.api('GET', `/data-sources?app_id=${a}`)).body).toEqual({ size: 0, total: 0, data_sources: [] });
    const ds = await call(t.h.url, 'POST', `/v2/${t.s.pid}/fdi/instances/${t.s.instanceId}/datasources`, {
      token: t.s.token,
      body: { datasource_name: 'ld_mysql', datasource_type: 'MYSQL', app_id: a, content: { mode: 'default', host: '127.0.0.1', port: '3306', database_name: 'db', user_name: 'u', password: 'secret-pw' } },
    });
    if (ds.status >= 300) throw new Error(`fdi ds: ${ds.status} ${ds.text}`);
    const l = await t.api('GET', `/data-sources?app_id=${a}`);
    expect(l.body.data_sources[0]).toMatchObject({ name: 'ld_mysql', type: 'mysql', user: 'u', status: 'new' });
    expect(l.text).not.toContain('secret-pw');
    expect(code(await t.api('GET', '/data-sources?app_id=nope'))).toBe('404 APIG.3019');
  });
});
