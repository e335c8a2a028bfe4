// OpenAPI import/export through a real roma-local: a group exported (Swagger 2.0 and OpenAPI 3,
// JSON and YAML) imports back into the same definitions; a file with broken parts imports the
// good APIs and reports each bad one; unusable files are a 400, never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { openApiImportResponse } from '../../src/contract';
import { backend, mockApi, startApic } from '../support/apic';

let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic(); });
afterAll(async () => { await t.close(); });

async function upload(file: string, fields: Record<string, string>, name = 'api.json') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file_name', new Blob([file]), name);
  const res = await fetch(`${t.h.url}${t.base}/openapi/import`, { method: 'POST', headers: { 'x-auth-token': t.s.token }, body: form });
  return { status: res.status, body: await res.json() };
}
const comparable = (a: Record<string, any>) => ({ // eslint-disable-line @typescript-eslint/no-explicit-any
  name: a.name, req_method: a.req_method, req_uri: a.req_uri, auth_type: a.auth_type, match_mode: a.match_mode, backend_type: a.backend_type,
  req_params: a.req_params.map((p: Record<string, unknown>) => [p.name, p.location, p.type, p.required, p.min_num ?? null, p.max_size ?? null]),
  backend_params: a.backend_params.map((p: Record<string, unknown>) => [p.name, p.location, p.origin, p.value]),
  backend: a.backend_api ? [a.backend_api.url_domain, a.backend_api.req_method, a.backend_api.req_uri, a.backend_api.timeout] : a.mock_info?.result_content,
});

describe('OpenAPI export → import round trip', () => {
  it.each([['2.0', 'json'], ['3.0', 'yaml']] as const)('OAS %s as %s', async (oas, type) => {
    const g = await t.group(`export-${oas}-${type}`);
    await t.createApi(mockApi(g.id, {
      name: 'get_user', req_uri: '/users/{id}', auth_type: 'IAM',
      req_params: [{ name: 'id', type: 'NUMBER', location: 'PATH', required: 1, min_num: 1 }, { name: 'fields', type: 'STRING', location: 'QUERY', max_size: 20 }],
      mock_info: { result_content: '{"id":1}', status_code: 200 },
    }));
    await t.createApi({
      name: 'create_order', type: 1, req_protocol: 'HTTPS', req_method: 'POST', req_uri: '/orders', auth_type: 'NONE', match_mode: 'SWA',
      backend_type: 'HTTP', group_id: g.id,
      backend_api: { url_domain: 'orders.internal:8080', req_protocol: 'HTTP', req_method: 'POST', req_uri: '/v1/orders', timeout: 3000 },
      req_params: [{ name: 'X-Tenant', type: 'STRING', location: 'HEADER', required: 1 }],
      backend_params: [{ name: 'tenant', location: 'QUERY', origin: 'REQUEST', value: 'X-Tenant' }, { name: 'x-c', location: 'HEADER', origin: 'CONSTANT', value: 'k' }],
    });
    const exp = await fetch(`${t.h.url}${t.base}/openapi/export`, {
      method: 'POST', headers: { 'x-auth-token': t.s.token, 'content-type': 'application/json' },
      body: JSON.stringify({ group_id: g.id, type, oas_version: oas }),
    });
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toContain('attachment');
    const text = await exp.text();
    const doc = type === 'json' ? JSON.parse(text) : parseYaml(text);
    expect(oas === '2.0' ? doc.swagger : doc.openapi).toMatch(oas === '2.0' ? /^2\.0$/ : /^3\./);

    // the exported title is the source group's name: importing with is_create_group needs it free
    const dup = await upload(text, { is_create_group: 'true' }, `g.${type}`);
    expect(dup.body.error_code).toBe('APIG.3201');
    await t.api('PUT', `/api-groups/${g.id}`, { name: `${g.id}-renamed` });
    const imported = await upload(text, { is_create_group: 'true' }, `g.${type}`);
    expect(imported.status).toBe(200);
    const r = openApiImportResponse.parse(imported.body);
    expect(r.failure).toEqual([]);
    expect(r.success.map((x) => x.action)).toEqual(['create', 'create']);
    const orig = (await t.api('GET', `/apis?group_id=${g.id}`)).body.apis.map(comparable);
    const back = (await t.api('GET', `/apis?group_id=${r.group_id}`)).body.apis.map(comparable);
    expect(back).toEqual(orig);

    // importing again: merge ignores existing, override updates them
    const again = await upload(text, { group_id: r.group_id! }, `g.${type}`);
    expect([again.body.success.length, again.body.ignore.length]).toEqual([0, 2]);
    const over = await upload(text, { group_id: r.group_id!, api_mode: 'override' }, `g.${type}`);
    expect(over.body.success.map((x: { action: string }) => x.action)).toEqual(['update', 'update']);
  });

  it('exports only the selected APIs, or what is published in an env', async () => {
    const g = await t.group('export-select');
    const a = await t.createApi(mockApi(g.id, { name: 'keep_me', req_uri: '/a' }));
    await t.createApi(mockApi(g.id, { name: 'skip_me', req_uri: '/b' }));
    const ex = async (body: Record<string, unknown>) => (await t.api('POST', '/openapi/export', { group_id: g.id, ...body })).body;
    expect(Object.keys((await ex({ apis: [a.id] })).paths)).toEqual(['/a']);
    expect(Object.keys((await ex({ env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' })).paths)).toEqual([]);
    await t.publish(a.id);
    expect(Object.keys((await ex({ env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' })).paths)).toEqual(['/a']);
    expect(((await ex({ define: 'spec' })).paths['/a'].get)['x-apigateway-backend']).toBeUndefined();
  });
});

describe('OpenAPI import with broken parts', () => {
  it('imports the good operations and reports each bad one; the imported API is callable', async () => {
    const b = await backend();
    try {
      const g = await t.group('import-broken');
      const doc = {
        swagger: '2.0', info: { title: 'mixed', version: '1' },
        paths: {
          '/good/{id}': {
            parameters: [{ name: 'id', in: 'path', required: true, type: 'integer' }],
            get: { operationId: 'good_get', 'x-apigateway-backend': { type: 'HTTP', httpEndpoints: { address: b.host, scheme: 'http', method: 'GET', path: '/x/{id}', timeout: 1000 }, parameters: [{ name: 'id', in: 'path', origin: 'REQUEST', value: 'id' }] } },
            post: 'not an operation',
          },
          '/bad-auth': { get: { operationId: 'bad_auth', 'x-apigateway-auth-type': 'KERBEROS' } },
          '/bad/{undeclared}': { get: { operationId: 'bad_path' } },
          '/not-an-object': 42,
          '/mocked': { put: { operationId: 'mocked', 'x-apigateway-backend': { type: 'MOCK', mockEndpoints: { 'result-content': 'hi' } } } },
        },
      };
      const r = await upload(JSON.stringify(doc), { group_id: g.id });
      expect(r.status).toBe(200);
      const out = openApiImportResponse.parse(r.body);
      expect(out.success.map((s) => `${s.method} ${s.path}`).sort()).toEqual(['GET /good/{id}', 'PUT /mocked']);
      expect(out.failure.map((f) => `${f.method} ${f.path}`).sort()).toEqual([' /not-an-object', 'GET /bad-auth', 'GET /bad/{undeclared}', 'POST /good/{id}']);
      expect(out.failure.every((f) => f.error_code === 'APIG.2011' && f.error_msg.length > 0)).toBe(true);
      expect(out.swagger?.result).toBe('partial');
      await t.publish(out.success.find((s) => s.method === 'GET')!.id);
      const call = await t.gw('GET', '/good/12', { host: g.sl_domain });
      expect(call.status).toBe(200);
      expect(b.seen.at(-1)!.url).toBe('/x/12');
    } finally {
      await b.close();
    }
  });

  it('unusable uploads are a 400 in the APIC shape', async () => {
    const g = await t.group('import-bad');
    expect((await upload('{{{ not json or yaml', { group_id: g.id })).body.error_code).toBe('APIG.2011');
    expect((await upload(JSON.stringify({ openapi: '9.9', paths: {} }), { group_id: g.id })).status).toBe(400);
    expect((await upload(JSON.stringify({ swagger: '2.0', paths: {} }), {})).status).toBe(400); // no group_id
    expect((await upload(JSON.stringify({ swagger: '2.0', info: { title: '<x>' }, paths: {} }), { is_create_group: 'true' })).body.error_code).toBe('APIG.2011');
    expect((await upload(JSON.stringify({ swagger: '2.0', paths: {} }), { group_id: g.id, colour: 'red' })).status).toBe(400);
    const json = await t.api('POST', '/openapi/import', { file_name: 'x' });
    expect(json.status).toBe(400);
    const broken = await fetch(`${t.h.url}${t.base}/openapi/import`, {
      method: 'POST', headers: { 'x-auth-token': t.s.token, 'content-type': 'multipart/form-data; boundary=zzz' }, body: 'garbage',
    });
    expect([broken.status, (await broken.json()).error_code]).toEqual([400, 'APIG.2011']);
  });
});
