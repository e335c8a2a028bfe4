// APIC's consumer side of apps over real HTTP: apps as APIC sees them, AppCodes, app configs and
// app authorisations — vendor shapes (strict schemas), refusals with APIC codes, nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAuthCreateResponseStrict, apiAuthInfoStrict, apicAppList, apicAppStrict, apicErrorBody, appCodeList, appCodeStrict,
  appConfigList, appConfigStrict, apiAuthList, unboundApiList,
} from '../../src/contract';
import { mockApi, startApic } from '../support/apic';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic(); });
afterAll(async () => { await t.close(); });

const code = (r: { status: number; body: unknown }) => `${r.status} ${apicErrorBody.parse(r.body).error_code}`;
async function app(name: string) {
  const r = await t.s.req('POST', '/apps', { body: { name } });
  expect([200, 201]).toContain(r.status);
  return r.body as { id: string; key: string };
}

describe('apps as APIC sees them', () => {
  it('lists and shows integration apps with key, secret and bind_num; unknown app → 404 APIG.3004', async () => {
    const a = await app('apic-view-app');
    const list = apicAppList.parse((await t.api('GET', '/apps?name=apic-view')).body);
    expect(list.total).toBe(1);
    const item = apicAppStrict.parse(list.apps[0]);
    expect(item).toMatchObject({ id: a.id, app_key: a.key, bind_num: 0, creator: 'USER', app_type: 'roma', status: 1 });
    expect(item.app_secret.length).toBeGreaterThan(7);
    const show = await t.api('GET', `/apps/${a.id}`);
    expect(apicAppStrict.parse(show.body)).not.toHaveProperty('bind_num');
    expect((await t.api('GET', `/apps?app_key=${a.key}`)).body.total).toBe(1);
    expect((await t.api('GET', '/apps?name=apic-view&precise_search=name')).body.total).toBe(0);
    const missing = await t.api('GET', '/apps/9ed8b7fe84224de681e7d7a5587e76dc');
    expect([code(missing), missing.body.error_msg]).toEqual(['404 APIG.3004', 'App 9ed8b7fe84224de681e7d7a5587e76dc does not exist']);
    expect(code(await t.api('GET', '/apps?limit=0'))).toBe('400 APIG.2011');
  });
});

describe('AppCodes', () => {
  it('generate (PUT, 201), create with a value, list, show, delete; duplicates, bad values, the limit and unknown ids refused', async () => {
    const a = await app('codes-app');
    const gen = await t.api('PUT', `/apps/${a.id}/app-codes`);
    expect(gen.status).toBe(201);
    expect(appCodeStrict.parse(gen.body).app_code).toMatch(/^[a-f][0-9a-f]{63}$/);
    const value = `Abc+/=${'x'.repeat(60)}`;
    const made = await t.api('POST', `/apps/${a.id}/app-codes`, { app_code: value });
    expect([made.status, made.body.app_code, made.body.app_id]).toEqual([201, value, a.id]);
    const other = await app('codes-other');
    expect(code(await t.api('POST', `/apps/${other.id}/app-codes`, { app_code: value }))).toBe('400 APIG.3207');
    for (const bad of [{ app_code: 'short' }, { app_code: `1${'a'.repeat(70)}` }, { app_code: 'a'.repeat(181) }, {}, { app_code: value, x: 1 }]) {
      expect(code(await t.api('POST', `/apps/${a.id}/app-codes`, bad)), JSON.stringify(bad).slice(0, 40)).toBe('400 APIG.2011');
    }
    const list = appCodeList.parse((await t.api('GET', `/apps/${a.id}/app-codes`)).body);
    expect(list.app_codes.map((c) => c.id)).toEqual([made.body.id, gen.body.id]); // newest first
    expect(appCodeStrict.parse((await t.api('GET', `/apps/${a.id}/app-codes/${gen.body.id}`)).body).app_code).toBe(gen.body.app_code);
    for (let i = 0; i < 3; i++) expect((await t.api('PUT', `/apps/${a.id}/app-codes`)).status).toBe(201);
    expect(code(await t.api('PUT', `/apps/${a.id}/app-codes`))).toBe('400 APIG.3416');
    expect((await t.api('GET', `/apps/${a.id}/app-codes`)).body.total).toBe(5);
    expect((await t.api('DELETE', `/apps/${a.id}/app-codes/${gen.body.id}`)).status).toBe(204);
    expect(code(await t.api('GET', `/apps/${a.id}/app-codes/${gen.body.id}`))).toBe('404 APIG.3015');
    expect(code(await t.api('DELETE', `/apps/${other.id}/app-codes/${made.body.id}`))).toBe('404 APIG.3015'); // another app's code
    expect(code(await t.api('PUT', '/apps/nope/app-codes'))).toBe('404 APIG.3004');
  });
});

describe('app configs', () => {
  it('create, list (password masked), show, update, delete; a second config of the same name → 400 APIG.3208', async () => {
    const a = await app('configs-app');
    const made = await t.api('POST', `/apps/${a.id}/configs`, { config_type: 'password', config_name: 'db_pass', config_value: 's3cret', description: 'db' });
    expect(made.status).toBe(201);
    expect(appConfigStrict.parse(made.body)).toMatchObject({ app_id: a.id, config_value: '******', config_name: 'db_pass' });
    const v = await t.api('POST', `/apps/${a.id}/configs`, { config_type: 'variable', config_name: 'region', config_value: 'cn-north-4' });
    expect(v.body.config_value).toBe('cn-north-4');
    expect(code(await t.api('POST', `/apps/${a.id}/configs`, { config_type: 'variable', config_name: 'region', config_value: 'x' }))).toBe('400 APIG.3208');
    expect(code(await t.api('POST', `/apps/${a.id}/configs`, { config_type: 'other', config_name: 'abc', config_value: 'x' }))).toBe('400 APIG.2011');
    expect(code(await t.api('POST', `/apps/${a.id}/configs`, { config_type: 'variable', config_name: '9abc', config_value: 'x' }))).toBe('400 APIG.2011');
    const list = appConfigList.parse((await t.api('GET', `/apps/configs?app_id=${a.id}`)).body);
    expect(list.configs.map((c) => c.config_name)).toEqual(['region', 'db_pass']);
    expect((await t.api('GET', `/apps/configs?roma_app_name=configs-app&config_name=db`)).body.total).toBe(1);
    const up = await t.api('PUT', `/apps/${a.id}/configs/${v.body.id}`, { config_type: 'variable', config_name: 'region', config_value: 'cn-east-3' });
    expect([up.status, up.body.config_value]).toEqual([200, 'cn-east-3']);
    expect(code(await t.api('PUT', `/apps/${a.id}/configs/${v.body.id}`, { config_type: 'variable', config_name: 'db_pass', config_value: 'x' }))).toBe('400 APIG.3208');
    expect((await t.api('DELETE', `/apps/${a.id}/configs/${v.body.id}`)).status).toBe(204);
    expect(code(await t.api('GET', `/apps/${a.id}/configs/${v.body.id}`))).toBe('404 APIG.3016');
  });
});

describe('app authorisations', () => {
  it('authorise apps to APIs in an env; listings both ways; binding twice and bad input refused with nothing written', async () => {
    const a1 = await app('auth-app-1');
    const a2 = await app('auth-app-2');
    const g = await t.group('auth-group');
    const env = (await t.api('POST', '/envs', { name: 'AUTHTEST' })).body;
    const x = await t.createApi(mockApi(g.id, { name: 'auth_x', auth_type: 'APP', req_uri: '/x' }));
    const y = await t.createApi(mockApi(g.id, { name: 'auth_y', auth_type: 'APP', req_uri: '/y' }));
    const open = await t.createApi(mockApi(g.id, { name: 'auth_open', req_uri: '/open' }));
    for (const id of [x.id, y.id, open.id]) await t.publish(id);
    await t.publish(x.id, env.id);

    const unbound = unboundApiList.parse((await t.api('GET', `/app-auths/unbinded-apis?app_id=${a1.id}&env_id=${RELEASE}`)).body);
    expect(unbound.apis.map((u) => u.name).sort()).toEqual(['auth_x', 'auth_y']); // the NONE API is not offered
    const created = await t.api('POST', '/app-auths', { env_id: RELEASE, app_ids: [a1.id, a2.id], api_ids: [x.id] });
    expect(created.status).toBe(201);
    const auths = apiAuthCreateResponseStrict.parse(created.body).auths;
    expect(auths.map((r) => [r.app_id, r.auth_result.status, r.auth_result.api_name])).toEqual([[a1.id, 'SUCCESS', 'auth_x'], [a2.id, 'SUCCESS', 'auth_x']]);

    const before = (await t.api('GET', `/app-auths/binded-apps?api_id=${x.id}`)).body.total;
    const refusals: [unknown, string][] = [
      [{ env_id: RELEASE, app_ids: [a1.id], api_ids: [y.id, x.id] }, '400 APIG.3209'], // x already authorised to a1: y not written either
      [{ env_id: RELEASE, app_ids: ['nope'], api_ids: [y.id] }, '404 APIG.3004'],
      [{ env_id: RELEASE, app_ids: [a1.id], api_ids: ['nope'] }, '404 APIG.3002'],
      [{ env_id: 'nope', app_ids: [a1.id], api_ids: [y.id] }, '404 APIG.3003'],
      [{ env_id: env.id, app_ids: [a1.id], api_ids: [y.id] }, '400 APIG.3413'], // y not published in AUTHTEST
      [{ env_id: RELEASE, app_ids: [a1.id], api_ids: [open.id] }, '400 APIG.3415'],
      [{ env_id: RELEASE, app_ids: [], api_ids: [y.id] }, '400 APIG.2011'],
      [{ env_id: RELEASE, app_ids: [a1.id], api_ids: [y.id], auth_whitelist: ['1.2.3.4'] }, '400 APIG.2011'],
      [{ env_id: RELEASE, app_ids: [a1.id], api_ids: [y.id], extra: true }, '400 APIG.2011'],
    ];
    for (const [body, want] of refusals) expect(code(await t.api('POST', '/app-auths', body)), JSON.stringify(body)).toBe(want);
    expect((await t.api('GET', `/app-auths/binded-apis?app_id=${a1.id}`)).body.total).toBe(1);
    expect((await t.api('GET', `/app-auths/binded-apps?api_id=${x.id}`)).body.total).toBe(before);

    const byApp = apiAuthList.parse((await t.api('GET', `/app-auths/binded-apis?app_id=${a1.id}&env_id=${RELEASE}`)).body);
    expect(apiAuthInfoStrict.parse(byApp.auths[0])).toMatchObject({ api_id: x.id, api_name: 'auth_x', group_name: 'auth-group', env_name: 'RELEASE', app_name: 'auth-app-1' });
    expect(byApp.auths[0]!.publish_id).toMatch(/^[0-9a-f]{32}$/);
    const byApi = apiAuthList.parse((await t.api('GET', `/app-auths/binded-apps?api_id=${x.id}&app_name=auth-app-2`)).body);
    expect(byApi.auths.map((r) => r.app_id)).toEqual([a2.id]);
    expect((await t.api('GET', `/app-auths/unbinded-apis?app_id=${a1.id}&env_id=${RELEASE}`)).body.apis.map((u: { name: string }) => u.name)).toEqual(['auth_y']);
    expect((await t.api('GET', `/apps?id=${a1.id}`)).body.apps[0].bind_num).toBe(1);
    expect(code(await t.api('GET', '/app-auths/binded-apis'))).toBe('400 APIG.2011'); // app_id required
    expect(code(await t.api('GET', `/app-auths/unbinded-apis?app_id=${a1.id}`))).toBe('400 APIG.2011'); // env_id required

    expect((await t.api('DELETE', `/app-auths/${byApp.auths[0]!.id}`)).status).toBe(204);
    expect(code(await t.api('DELETE', `/app-auths/${byApp.auths[0]!.id}`))).toBe('404 APIG.3017');
    expect((await t.api('GET', `/app-auths/binded-apis?app_id=${a1.id}`)).body.total).toBe(0);
    // deleting an API takes its authorisations with it
    await t.api('POST', '/apis/action', { action: 'offline', api_id: x.id, env_id: RELEASE });
    await t.api('POST', '/apis/action', { action: 'offline', api_id: x.id, env_id: env.id });
    expect((await t.api('DELETE', `/apis/${x.id}`)).status).toBe(204);
    expect((await t.api('GET', `/app-auths/binded-apis?app_id=${a2.id}`)).body.total).toBe(0);
  });
});
