// The API editor keeps what it cannot edit: an API created through the API with policy backends,
// a custom authorizer, a VPC channel and per-parameter rules goes through the editor's own
// mapping (API object → form values → update body) and back to a real roma-local unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api as apiSchema } from '../../src/contract/apic';
import { apiFromWire } from '../../src/web/api/apic';
import { carryOf } from '../../src/web/features/apic/editorCarry';
import { fromApi, toRequest } from '../../src/web/features/apic/editorModel';
import { startApic } from '../support/apic';

let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic(); });
afterAll(async () => { await t.close(); });

const condition = { condition_origin: 'param', req_param_name: 'region', condition_type: 'exact', condition_value: 'eu' };
const full = (groupId: string) => ({
  name: 'kept_everything', type: 1, version: 'v1', req_protocol: 'HTTPS', req_method: 'POST', req_uri: '/orders/{id}',
  auth_type: 'AUTHORIZER', authorizer_id: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4', auth_opt: { app_code_auth_type: 'HEADER' },
  cors: true, match_mode: 'NORMAL', backend_type: 'HTTP', remark: 'all fields', group_id: groupId,
  body_remark: 'a body', result_normal_sample: '{"ok":true}', result_failure_sample: '{"ok":false}', tags: ['t1', 't2'],
  content_type: 'application/json',
  req_params: [
    { name: 'id', type: 'STRING', location: 'PATH', required: 1, valid_enable: 1, min_size: 2, max_size: 12, regular: '^[a-z0-9]+$', sample_value: 'ab12', remark: 'order id' },
    { name: 'count', type: 'NUMBER', location: 'QUERY', required: 2, valid_enable: 1, min_num: 1, max_num: 99, default_value: '5', pass_through: 2, remark: 'how many' },
    { name: 'region', type: 'STRING', location: 'HEADER', required: 2, valid_enable: 2, enumerations: 'eu,us', json_schema: '{"type":"string"}', pass_through: 1 },
  ],
  backend_api: {
    req_protocol: 'HTTP', req_method: 'POST', req_uri: '/backend/{id}', timeout: 3000, retry_count: '3', enable_client_ssl: false,
    remark: 'through the channel', vpc_channel_status: 1,
    vpc_channel_info: { vpc_channel_id: 'c0ffeec0ffeec0ffeec0ffeec0ffee00', vpc_channel_proxy_host: 'orders.internal', vpc_channel_port: 8443 },
  },
  backend_params: [
    { name: 'id', location: 'PATH', origin: 'REQUEST', value: 'id', remark: 'mapped' },
    { name: 'X-Source', location: 'HEADER', origin: 'CONSTANT', value: 'gateway', remark: 'constant' },
  ],
  policy_https: [{
    name: 'eu_backend', effect_mode: 'ANY', conditions: [condition], url_domain: 'eu.example.com:8080', req_protocol: 'HTTP',
    req_method: 'POST', req_uri: '/eu/{id}', timeout: 2000, retry_count: '1',
    backend_params: [{ name: 'id', location: 'PATH', origin: 'REQUEST', value: 'id' }],
  }],
  policy_mocks: [{ name: 'us_mock', effect_mode: 'ALL', conditions: [{ ...condition, condition_value: 'us' }], status_code: 200, result_content: 'us' }],
  policy_functions: [{
    name: 'fn_policy', effect_mode: 'ALL', conditions: [{ ...condition, condition_value: 'fn' }],
    function_urn: 'urn:fss:cn-north-4:p:function:default:f', invocation_type: 'sync', timeout: 1000,
  }],
});

/** What a save may change: generated ids and times. */
function comparable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(comparable);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => !['id', 'req_param_id', 'update_time', 'register_time'].includes(k)).map(([k, x]) => [k, comparable(x)]));
  }
  return v;
}

describe('API editor round trip', () => {
  it('create with every field → editor values → save → GET: identical', async () => {
    const g = await t.group('editor-roundtrip');
    const created = await t.api('POST', '/apis', full(g.id));
    expect(created.status, created.text).toBe(201);
    const before = (await t.api('GET', `/apis/${created.body.id}`)).body;
    const wire = apiFromWire(apiSchema.parse(before));
    const body = toRequest(fromApi(wire), carryOf(wire));
    const put = await t.api('PUT', `/apis/${created.body.id}`, body);
    expect(put.status, put.text).toBe(200);
    const after = (await t.api('GET', `/apis/${created.body.id}`)).body;
    expect(comparable(after)).toEqual(comparable(before));
    // and the parts the form does not edit really were there to lose
    expect(after).toMatchObject({
      authorizer_id: full(g.id).authorizer_id, backend_api: { vpc_channel_status: 1, vpc_channel_info: { vpc_channel_port: 8443 } },
      policy_https: [{ name: 'eu_backend' }], policy_mocks: [{ name: 'us_mock' }], policy_functions: [{ name: 'fn_policy' }],
      req_params: [{ name: 'id', regular: '^[a-z0-9]+$', min_size: 2 }, { name: 'count', max_num: 99, pass_through: 2 }, { name: 'region', json_schema: '{"type":"string"}' }],
    });
  });

  it('an edit in the form changes that field only', async () => {
    const g = await t.group('editor-edit');
    const created = await t.api('POST', '/apis', full(g.id));
    const before = (await t.api('GET', `/apis/${created.body.id}`)).body;
    const wire = apiFromWire(apiSchema.parse(before));
    const values = fromApi(wire);
    values.req_params[1] = { ...values.req_params[1]!, max_num: 50 };
    values.remark = 'edited';
    const put = await t.api('PUT', `/apis/${created.body.id}`, toRequest(values, carryOf(wire)));
    expect(put.status, put.text).toBe(200);
    const after = (await t.api('GET', `/apis/${created.body.id}`)).body;
    const expected = comparable(before) as { remark: string; req_params: { max_num?: number }[] };
    expected.remark = 'edited';
    expected.req_params[1]!.max_num = 50;
    expect(comparable(after)).toEqual(expected);
  });
});
