// APIC contract: the vendor's examples are accepted as they are; request schemas refuse what the
// gateway could not serve (cross-field rules of an API definition).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apiCheckRequest, apiCreateRequest, apiDebugRequest, apiGroupListQuery, apiListQuery, apiVersionDetail,
  associateDomainRequest, batchPublishRequest, createApiGroupRequest, envCreateRequest, envVariableCreateRequest,
  gatewayErrorBody, latestStatisticsQuery, openApiExportRequest, pathParams, statisticsQuery,
} from '../../src/contract';

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'roma-api-examples', 'apic');
const load = (f: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));

describe('APIC examples', () => {
  it.each(['http', 'function', 'mock'])('CreateApiV2 request example (%s) is accepted as it is', (kind) => {
    const r = apiCreateRequest.safeParse(load(`CreateApiV2.request.${kind}.json`));
    expect(r.error?.issues ?? []).toEqual([]);
  });

  it('ListApiVersionDetailV2 200 parses (auth_opt array, api_group_info null, cascade_flag, nanosecond times)', () => {
    const v = apiVersionDetail.parse(load('ListApiVersionDetailV2.response.200.json'));
    expect(v.version_id).toBe('ee1a5a38d3d3493abf1dc4ed6cacfa0b');
    expect(v.api_group_info).toBeNull();
    expect(Array.isArray(v.auth_opt)).toBe(true);
    expect(v.backend_api?.vpc_channel_info?.cascade_flag).toBe(false);
    expect(v.backend_params).toHaveLength(2);
  });

  it('the gateway error example has the gateway shape', () => {
    expect(gatewayErrorBody.parse(load('GatewayApiNotFound.response.404.json')).error_code).toBe('APIG.0101');
  });
});

const base = () => load('CreateApiV2.request.http.json');
const mock = (over: Record<string, unknown> = {}) => ({
  name: 'mock_api', type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/x', auth_type: 'NONE',
  backend_type: 'MOCK', group_id: 'g1', ...over,
});

describe('ApiCreate rules', () => {
  it('refuses unknown fields and wrong enums', () => {
    expect(apiCreateRequest.safeParse({ ...base(), colour: 'red' }).success).toBe(false);
    expect(apiCreateRequest.safeParse({ ...base(), req_method: 'TRACE' }).success).toBe(false);
    expect(apiCreateRequest.safeParse({ ...base(), auth_type: 'BASIC' }).success).toBe(false);
  });
  it('HTTP needs a backend with a url_domain; AUTHORIZER needs authorizer_id; FUNCTION needs func_info', () => {
    const { backend_api: _b, ...noBackend } = base();
    expect(apiCreateRequest.safeParse(noBackend).success).toBe(false);
    expect(apiCreateRequest.safeParse({ ...base(), authorizer_id: undefined }).success).toBe(false);
    expect(apiCreateRequest.safeParse(mock({ backend_type: 'FUNCTION' })).success).toBe(false);
  });
  it('path parameters: declared, whole segments, greedy only last', () => {
    const p = (name: string) => ({ name, type: 'STRING', location: 'PATH', required: 1 });
    expect(apiCreateRequest.safeParse(mock({ req_uri: '/u/{id}', req_params: [p('id')] })).success).toBe(true);
    expect(apiCreateRequest.safeParse(mock({ req_uri: '/u/{id}' })).success).toBe(false);
    expect(apiCreateRequest.safeParse(mock({ req_uri: '/u/x{id}', req_params: [p('id')] })).success).toBe(false);
    expect(apiCreateRequest.safeParse(mock({ req_uri: '/f/{rest+}', req_params: [p('rest')] })).success).toBe(true);
    expect(apiCreateRequest.safeParse(mock({ req_uri: '/f/{rest+}/x', req_params: [p('rest')] })).success).toBe(false);
    expect(apiCreateRequest.safeParse(mock({ req_uri: '/u', req_params: [p('id')] })).success).toBe(false);
    expect(pathParams('/a/{x}/{y+}')).toEqual([{ name: 'x', greedy: false }, { name: 'y', greedy: true }]);
  });
  it('parameter rules: no duplicates, ranges by type, REQUEST backend params name a request param', () => {
    const q = { name: 'n', type: 'NUMBER', location: 'QUERY' };
    expect(apiCreateRequest.safeParse(mock({ req_params: [q, q] })).success).toBe(false);
    expect(apiCreateRequest.safeParse(mock({ req_params: [{ ...q, min_size: 1 }] })).success).toBe(false);
    expect(apiCreateRequest.safeParse(mock({ req_params: [{ ...q, min_num: 5, max_num: 1 }] })).success).toBe(false);
    expect(apiCreateRequest.safeParse({ ...base(), backend_params: [{ name: 'b', value: 'nope', location: 'QUERY', origin: 'REQUEST' }] }).success).toBe(false);
    expect(apiCreateRequest.safeParse({ ...base(), backend_params: [{ name: 'b', value: 'sourceIp', location: 'QUERY', origin: 'SYSTEM' }] }).success).toBe(false);
  });
  it('mock status codes from the documented list; reserved health check path', () => {
    expect(apiCreateRequest.safeParse(mock({ mock_info: { status_code: 418 } })).success).toBe(false);
    expect(apiCreateRequest.safeParse(mock({ mock_info: { status_code: 451, result_content: 'x' } })).success).toBe(true);
    expect(apiCreateRequest.safeParse(mock({ req_uri: '/apic/health_check' })).success).toBe(false);
  });
  it('backend url_domain may be an env variable reference', () => {
    const b = { ...base(), backend_api: { url_domain: '#backend#', req_protocol: 'HTTP', req_method: 'GET', req_uri: '/#ver#/x', timeout: 100 } };
    expect(apiCreateRequest.safeParse(b).success).toBe(true);
    expect(apiCreateRequest.safeParse({ ...b, backend_api: { ...b.backend_api, url_domain: 'http://x' } }).success).toBe(false);
  });
  it('names: 3-255, documented charset', () => {
    expect(apiCreateRequest.safeParse(mock({ name: '订单查询(v1):list、all' })).success).toBe(true);
    expect(apiCreateRequest.safeParse(mock({ name: 'ab' })).success).toBe(false);
    expect(apiCreateRequest.safeParse(mock({ name: '_abc' })).success).toBe(false);
    expect(createApiGroupRequest.safeParse({ name: 'group<1>' }).success).toBe(false);
  });
});

describe('other requests and queries', () => {
  it('paging: negative offset coerced to 0, limit bounded', () => {
    expect(apiListQuery.parse({ offset: '-5', limit: '10', type: '1' })).toMatchObject({ offset: 0, limit: 10, type: 1 });
    expect(apiListQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(apiGroupListQuery.safeParse({ limit: '501' }).success).toBe(false);
    expect(apiListQuery.safeParse({ req_method: 'FOO' }).success).toBe(false);
  });
  it('check, batch, env, variables, domain, debug, export, statistics', () => {
    expect(apiCheckRequest.safeParse({ type: 'name' }).success).toBe(false);
    expect(apiCheckRequest.safeParse({ type: 'path', req_method: 'GET', req_uri: '/a' }).success).toBe(true);
    expect(batchPublishRequest.safeParse({ apis: [], env_id: 'e' }).success).toBe(false);
    expect(envCreateRequest.safeParse({ name: 'TEST_1' }).success).toBe(true);
    expect(envCreateRequest.safeParse({ name: '1TEST' }).success).toBe(false);
    expect(envVariableCreateRequest.safeParse({ variable_name: 'host', variable_value: '127.0.0.1:80', env_id: 'e', group_id: 'g' }).success).toBe(true);
    expect(envVariableCreateRequest.safeParse({ variable_name: 'host', variable_value: 'a b', env_id: 'e', group_id: 'g' }).success).toBe(false);
    expect(associateDomainRequest.safeParse({ url_domain: 'api.example.com' }).success).toBe(true);
    expect(associateDomainRequest.safeParse({ url_domain: 'http://api.example.com' }).success).toBe(false);
    expect(apiDebugRequest.safeParse({ mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/a', header: { 'X-Stage': ['x'] } }).success).toBe(false);
    expect(apiDebugRequest.safeParse({ mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/a', query: { a_b: ['1'] } }).success).toBe(true);
    expect(openApiExportRequest.safeParse({ group_id: 'g', type: 'xml' }).success).toBe(false);
    expect(statisticsQuery.safeParse({ duration: '2h45m', cycle: 'hour' }).success).toBe(true);
    expect(latestStatisticsQuery.safeParse({ api_id: 'a', duration: '5s' }).success).toBe(false);
  });
});
