// APIC management API through a real roma-local: groups, domains, environments, variables,
// APIs, publishing and versions; vendor codes on duplicates and refused deletions; strict
// response shapes; bad input answered 4xx without a partial write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGroupStrict, apiStrict, apiVersionDetail, apiVersionStrict, apicEnvStrict, apicErrorBody, domainResponseStrict,
  envVariableStrict, publishRespStrict,
} from '../../src/contract';
import { mockApi, startApic } from '../support/apic';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic(); });
afterAll(async () => { await t.close(); });

const code = (r: { body: unknown }) => apicErrorBody.parse(r.body).error_code;

describe('groups and domains', () => {
  it('create / read / update / list / check, duplicate name refused with APIG.3201', async () => {
    const g = await t.api('POST', '/api-groups', { name: 'orders', remark: 'Order APIs' });
    expect(g.status).toBe(201);
    const group = apiGroupStrict.parse(g.body);
    expect(group.sl_domain).toBe(`${group.id}.apic.localhost`);
    expect(code(await t.api('POST', '/api-groups', { name: 'orders' }))).toBe('APIG.3201');
    const check = await t.api('POST', '/api-groups/check', { group_name: 'orders' });
    expect([check.status, code(check)]).toEqual([400, 'APIG.3201']);
    expect((await t.api('POST', '/api-groups/check', { group_name: 'free-name' })).status).toBe(204);
    const u = await t.api('PUT', `/api-groups/${group.id}`, { name: 'orders-v2' });
    expect(u.body.name).toBe('orders-v2');
    const list = await t.api('GET', '/api-groups?name=ORDERS&limit=5');
    expect(list.body.groups.map((x: { id: string }) => x.id)).toContain(group.id);
    const exact = await t.api('GET', '/api-groups?name=orders&precise_search=name');
    expect(exact.body.total).toBe(0);
    expect(code(await t.api('GET', '/api-groups/ffffffffffffffffffffffffffffffff'))).toBe('APIG.3001');
  });

  it('binds a domain once, lists it on the group, unbinds it', async () => {
    const g = await t.group('domains-group');
    const d = await t.api('POST', `/api-groups/${g.id}/domains`, { url_domain: 'API.Example.com' });
    expect(d.status).toBe(201);
    expect(domainResponseStrict.parse(d.body).url_domain).toBe('api.example.com');
    expect(code(await t.api('POST', `/api-groups/${g.id}/domains`, { url_domain: 'api.example.com' }))).toBe('APIG.3206');
    expect((await t.api('GET', `/api-groups/${g.id}`)).body.url_domains[0].domain).toBe('api.example.com');
    expect((await t.api('GET', '/api-groups?domain_name=api.example.com')).body.total).toBe(1);
    const upd = await t.api('PUT', `/api-groups/${g.id}/domains/${d.body.id}`, { min_ssl_version: 'TLSv1.2' });
    expect(upd.body.min_ssl_version).toBe('TLSv1.2');
    expect((await t.api('DELETE', `/api-groups/${g.id}/domains/${d.body.id}`)).status).toBe(204);
    expect(code(await t.api('DELETE', `/api-groups/${g.id}/domains/${d.body.id}`))).toBe('APIG.3020');
  });
});

describe('environments and variables', () => {
  it('RELEASE is built in; custom envs CRUD; duplicate names refused', async () => {
    const list = await t.api('GET', '/envs');
    expect(list.body.envs.map((e: { id: string }) => e.id)).toContain(RELEASE);
    const e = await t.api('POST', '/envs', { name: 'TEST_ENV', remark: 'tests' });
    expect(e.status).toBe(201);
    apicEnvStrict.parse(e.body);
    expect(code(await t.api('POST', '/envs', { name: 'test_env' }))).toBe('APIG.3204');
    expect(code(await t.api('DELETE', `/envs/${RELEASE}`))).toBe('APIG.3412');
    expect((await t.api('PUT', `/envs/${e.body.id}`, { name: 'TEST_ENV2' })).body.name).toBe('TEST_ENV2');
    expect((await t.api('DELETE', `/envs/${e.body.id}`)).status).toBe(204);
  });

  it('variables belong to a group and an env; list requires group_id', async () => {
    const g = await t.group('vars-group');
    const v = await t.api('POST', '/env-variables', { group_id: g.id, env_id: RELEASE, variable_name: 'backend', variable_value: '127.0.0.1:1' });
    expect(v.status).toBe(201);
    envVariableStrict.parse(v.body);
    expect(code(await t.api('POST', '/env-variables', { group_id: g.id, env_id: RELEASE, variable_name: 'backend', variable_value: 'x' }))).toBe('APIG.3205');
    expect((await t.api('GET', '/env-variables')).status).toBe(400);
    expect((await t.api('GET', `/env-variables?group_id=${g.id}&variable_name=back`)).body.total).toBe(1);
    expect((await t.api('PUT', `/env-variables/${v.body.id}`, { variable_value: 'h:2' })).body.variable_value).toBe('h:2');
    expect((await t.api('DELETE', `/env-variables/${v.body.id}`)).status).toBe(204);
    expect(code(await t.api('GET', `/env-variables/${v.body.id}`))).toBe('APIG.3011');
  });
});

describe('APIs', () => {
  it('accepts the vendor CreateApiV2 example shape and answers the full API object', async () => {
    const g = await t.group('api-group');
    const body = {
      group_id: g.id, match_mode: 'NORMAL', name: 'Api_http', auth_type: 'NONE', backend_type: 'HTTP',
      backend_api: { url_domain: '10.10.10.156:12346', req_protocol: 'HTTP', req_method: 'GET', req_uri: '/test/benchmark', timeout: 5000 },
      req_protocol: 'HTTPS', req_uri: '/test/http', remark: 'Web backend API', type: 1, req_method: 'GET', tags: ['webApi'],
      req_params: [{ name: 'query_demo', location: 'QUERY', type: 'STRING', required: 1 }],
      backend_params: [
        { name: 'backQuery', value: 'query_demo', location: 'QUERY', origin: 'REQUEST' },
        { name: 'app-id', value: '$context.appId', location: 'HEADER', origin: 'SYSTEM' },
      ],
    };
    const r = await t.api('POST', '/apis', body);
    expect(r.status, r.text).toBe(201);
    const a = apiStrict.parse(r.body);
    expect(a.backend_api?.retry_count).toBe('-1');
    expect(a.backend_params[0]!.req_param_id).toBe(a.req_params[0]!.id);
    expect(a.api_group_info.sl_domain).toBe(g.sl_domain);
    expect(code(await t.api('POST', '/apis', body))).toBe('APIG.3202');
    expect(code(await t.api('POST', '/apis', { ...body, name: 'other_name' }))).toBe('APIG.3203');
    expect(code(await t.api('POST', '/apis', { ...body, name: 'any_name', req_method: 'ANY' }))).toBe('APIG.3203');
    expect((await t.api('POST', '/apis', { ...body, name: 'post_name', req_method: 'POST' })).status).toBe(201);
    const chk = await t.api('POST', '/apis/check', { type: 'path', req_method: 'GET', req_uri: '/test/http', group_id: g.id });
    expect(code(chk)).toBe('APIG.3203');
    expect((await t.api('POST', '/apis/check', { type: 'path', req_method: 'GET', req_uri: '/test/http', group_id: g.id, api_id: a.id })).status).toBe(204);
    expect(code(await t.api('POST', '/apis/check', { type: 'name', name: 'Api_http' }))).toBe('APIG.3202');
    const put = await t.api('PUT', `/apis/${a.id}`, { ...body, remark: 'changed' });
    expect(put.body.remark).toBe('changed');
    expect(put.body.register_time).toBe(a.register_time);
  });

  it('list filters: group, method, name fuzzy/precise, uri, auth, type; paging with total', async () => {
    const g = await t.group('filter-group');
    for (const [i, m] of ['GET', 'POST', 'PUT'].entries()) {
      await t.createApi(mockApi(g.id, { name: `filter_api_${i}`, req_method: m, req_uri: `/f/${i}`, auth_type: i === 2 ? 'IAM' : 'NONE', type: i === 1 ? 2 : 1 }));
    }
    const q = async (qs: string) => (await t.api('GET', `/apis?group_id=${g.id}&${qs}`)).body;
    expect((await q('')).total).toBe(3);
    expect((await q('req_method=POST')).apis[0].name).toBe('filter_api_1');
    expect((await q('name=API_1')).total).toBe(1);
    expect((await q('name=filter_api&precise_search=name')).total).toBe(0);
    expect((await q('req_uri=%2Ff%2F2')).total).toBe(1);
    expect((await q('auth_type=IAM')).total).toBe(1);
    expect((await q('type=2')).total).toBe(1);
    const page = await q('limit=2&offset=2');
    expect([page.total, page.size]).toEqual([3, 1]);
    expect((await q('offset=-3&limit=1')).size).toBe(1); // negative offset coerced to 0
    expect((await q('name=%25')).total).toBe(0); // '%' is literal
  });

  it('refuses deleting a group with APIs, and bad bodies with 400 and no write', async () => {
    const g = await t.group('busy-group');
    const a = await t.createApi(mockApi(g.id));
    const del = await t.api('DELETE', `/api-groups/${g.id}`);
    expect([del.status, code(del)]).toEqual([400, 'APIG.3410']);
    const before = (await t.api('GET', `/apis?group_id=${g.id}`)).body.total;
    for (const bad of [
      { ...mockApi(g.id), req_method: 'TRACE' },
      { ...mockApi(g.id), extra: 1 },
      { ...mockApi(g.id), req_uri: '/u/{id}' },
      { ...mockApi('ffffffffffffffffffffffffffffffff') },
      'not-an-object',
    ]) {
      const r = await t.api('POST', '/apis', bad);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(code(r)).toMatch(/^APIG\./);
    }
    expect((await t.api('GET', `/apis?group_id=${g.id}`)).body.total).toBe(before);
    expect((await t.api('DELETE', `/apis/${a.id}`)).status).toBe(204);
    expect((await t.api('DELETE', `/api-groups/${g.id}`)).status).toBe(204);
  });
});

describe('publishing and versions', () => {
  it('publish snapshots a version; history, switch, detail, runtime, offline; env with published APIs cannot be deleted', async () => {
    const g = await t.group('pub-group');
    const env = (await t.api('POST', '/envs', { name: 'STAGING' })).body;
    const a = await t.createApi(mockApi(g.id, { name: 'pub_api', mock_info: { result_content: 'v1' } }));
    const v1 = await t.api('POST', '/apis/action', { action: 'online', api_id: a.id, env_id: RELEASE, remark: 'first' });
    expect(v1.status).toBe(201);
    publishRespStrict.parse(v1.body);
    await t.api('PUT', `/apis/${a.id}`, mockApi(g.id, { name: 'pub_api', mock_info: { result_content: 'v2' } }));
    const v2 = (await t.api('POST', '/apis/action', { action: 'online', api_id: a.id, env_id: RELEASE })).body;
    const hist = await t.api('GET', `/apis/publish/${a.id}?env_id=${RELEASE}`);
    expect(hist.body.total).toBe(2);
    const versions = hist.body.api_versions.map((x: unknown) => apiVersionStrict.parse(x));
    expect(versions.find((x: { version_id: string }) => x.version_id === v2.version_id)!.status).toBe(1);
    const detail = apiVersionDetail.parse((await t.api('GET', `/apis/versions/${v1.body.version_id}`)).body);
    expect([detail.mock_info?.result_content, detail.version_id, detail.sl_domain]).toEqual(['v1', v1.body.version_id, g.sl_domain]);
    const sw = await t.api('PUT', `/apis/publish/${a.id}`, { version_id: v1.body.version_id });
    expect(sw.body.version_id).toBe(v1.body.version_id);
    expect((await t.api('GET', `/apis/runtime/${a.id}`)).body.version_id).toBe(v1.body.version_id);
    expect((await t.api('GET', `/apis/${a.id}`)).body.run_env_name).toBe('RELEASE');
    expect((await t.api('GET', `/apis?env_id=${RELEASE}&group_id=${g.id}`)).body.total).toBe(1);

    // batch: one good, one unknown → per-item failure inside a 200
    const batch = await t.api('POST', '/apis/publish?action=online', { apis: [a.id, 'ffffffffffffffffffffffffffffffff'], env_id: env.id });
    expect(batch.status).toBe(200);
    expect([batch.body.success.length, batch.body.failure[0].error_code]).toEqual([1, 'APIG.3002']);
    const delEnv = await t.api('DELETE', `/envs/${env.id}`);
    expect([delEnv.status, code(delEnv)]).toEqual([400, 'APIG.3411']);
    expect((await t.api('POST', '/apis/publish?action=offline', { apis: [a.id], env_id: env.id })).body.success).toHaveLength(1);
    expect((await t.api('DELETE', `/envs/${env.id}`)).status).toBe(204);

    expect(code(await t.api('DELETE', `/apis/versions/${v2.version_id}`))).toBe('APIG.3413'); // not the live one
    expect((await t.api('DELETE', `/apis/versions/${v1.body.version_id}`)).status).toBe(204);
    expect(code(await t.api('GET', `/apis/runtime/${a.id}`))).toBe('APIG.3413');
    expect(code(await t.api('POST', '/apis/action', { action: 'offline', api_id: a.id, env_id: RELEASE }))).toBe('APIG.3413');
    expect(code(await t.api('GET', '/apis/versions/ffffffffffffffffffffffffffffffff'))).toBe('APIG.3022');
    expect((await t.api('POST', '/apis/publish', { apis: [a.id], env_id: RELEASE })).status).toBe(400); // action missing
  });
});

describe('instance-level reads, VPC channels, statistics, auth', () => {
  it('features, configs, restriction, tags, vpc channels', async () => {
    const f = await t.api('POST', '/features', { name: 'cors', enable: true });
    expect(f.status).toBe(201);
    expect((await t.api('GET', '/features')).body.features[0].name).toBe('cors');
    expect((await t.api('POST', '/features', { name: 'teleport', enable: true })).status).toBe(400);
    const configs = (await t.api('GET', '/project/configs')).body.configs;
    expect(configs.find((c: { config_name: string }) => c.config_name === 'API_NUM_LIMIT').used).toBeGreaterThan(0);
    expect((await t.api('GET', '/restriction')).body.restrict_cidrs).toEqual([]);
    expect((await t.api('GET', '/tags')).body.tags).toContain('webApi');
    expect((await t.api('GET', '/vpc-channels')).body).toEqual({ size: 0, total: 0, vpc_channels: [] });
    expect(code(await t.api('GET', '/vpc-channels/abc'))).toBe('APIG.3023');
  });

  it('no token → 401 APIG.1000; unknown instance → 404 APIG.3030; bad statistics query → 400', async () => {
    const r = await fetch(`${t.h.url}${t.base}/apis`);
    expect(r.status).toBe(401);
    expect((await r.json()).error_code).toBe('APIG.1000');
    const other = await fetch(`${t.h.url}/v2/${t.s.pid}/apic/instances/nope/apis`, { headers: { 'x-auth-token': t.s.token } });
    expect([other.status, (await other.json()).error_code]).toEqual([404, 'APIG.3030']);
    expect((await t.api('GET', '/statistics/api/latest?api_id=x&duration=5s')).status).toBe(400);
  });
});

describe('junk never gets a 5xx', () => {
  it('every write route answers 4xx in the APIC shape for junk bodies and queries', async () => {
    const g = await t.group('junk-group');
    const a = await t.createApi(mockApi(g.id));
    const junk: unknown[] = [null, 1, 'x', [], {}, { name: 12 }, { group_id: {}, name: ['a'] }, { apis: 'x', env_id: 1 }, { action: 'sideways' }];
    const routes: [string, string][] = [
      ['POST', '/api-groups'], ['PUT', `/api-groups/${g.id}`], ['POST', '/api-groups/check'], ['POST', `/api-groups/${g.id}/domains`],
      ['POST', '/apis'], ['PUT', `/apis/${a.id}`], ['POST', '/apis/check'], ['POST', '/apis/action'], ['POST', '/apis/publish?action=online'],
      ['PUT', `/apis/publish/${a.id}`], ['POST', `/apis/debug/${a.id}`], ['POST', '/envs'], ['POST', '/env-variables'], ['POST', '/features'],
      ['POST', '/openapi/export'],
    ];
    for (const [m, p] of routes) {
      for (const body of junk) {
        const r = await t.api(m, p, body === null ? undefined : body);
        expect(r.status, `${m} ${p} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${m} ${p} ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(code(r)).toMatch(/^APIG\./);
      }
    }
    for (const q of ['/apis?limit=abc', '/apis?offset=1e9', '/apis?limit=1&limit=2', '/api-groups?limit=0', '/envs?limit=-1', '/statistics/api?cycle=week', '/apis/publish/x?limit=9999']) {
      const r = await t.api('GET', q);
      expect(r.status, q).toBeGreaterThanOrEqual(400);
      expect(r.status, q).toBeLessThan(500);
    }
  });
});
