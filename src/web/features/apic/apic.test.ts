import { describe, expect, it } from 'vitest';
import { apiFromWire, parseRawResponse } from '../../api/apic';
import { buildDebugRequest } from './debugRequest';
import { diffLines, diffVersions, flatten } from './diff';
import { carryOf, policyBackends } from './editorCarry';
import { checkDraft, emptyValues, fromApi, missingPathParams, toRequest, type EditorValues } from './editorModel';
import { previewOpenApi } from './importPreview';

const draft = (patch: Partial<EditorValues>): EditorValues => ({ ...emptyValues('g1'), name: 'hello-api', ...patch });

describe('rule checks before the server', () => {
  it('accepts a minimal mock API', () => {
    expect(checkDraft(draft({ req_uri: '/hello' }))).toEqual([]);
  });
  it('names the field of each broken rule', () => {
    const fields = (v: EditorValues) => checkDraft(v).map((i) => i.field.join('.'));
    expect(fields(draft({ name: 'ab' }))).toContain('name');
    expect(fields(draft({ name: '-bad' }))).toContain('name');
    expect(fields(draft({ req_uri: 'no-slash' }))).toContain('req_uri');
    // a placeholder needs its PATH parameter, a PATH parameter needs its placeholder
    expect(fields(draft({ req_uri: '/orders/{id}' }))).toContain('req_params');
    expect(fields(draft({ req_uri: '/x', req_params: [{ name: 'id', type: 'STRING', location: 'PATH', required: true }] }))).toContain('req_params.0.name');
    expect(fields(draft({ req_uri: '/a/{p+}/b', req_params: [{ name: 'p', type: 'STRING', location: 'PATH', required: true }] }))).toContain('req_uri');
    // HTTP backend: address required; a REQUEST mapping must name a request parameter
    expect(fields(draft({ backend_type: 'HTTP', backend_uri: '/x' }))).toContain('backend_domain');
    expect(fields(draft({ backend_type: 'HTTP', backend_domain: 'h:1', backend_uri: '/x', backend_params: [{ name: 'q', location: 'QUERY', origin: 'REQUEST', value: 'nope' }] }))).toContain(
      'backend_params.0.value',
    );
    expect(fields(draft({ mock_status: 299 }))).toContain('mock_status');
  });
  it('lists placeholders without a PATH parameter', () => {
    expect(missingPathParams({ req_uri: '/a/{x}/{y+}', req_params: [{ name: 'x', type: 'STRING', location: 'PATH', required: true }] })).toEqual(['y']);
  });
  it('round-trips an API through the form', () => {
    const v = draft({ req_uri: '/o/{id}', req_params: [{ name: 'id', type: 'STRING', location: 'PATH', required: true, default_value: '', sample_value: '', remark: '' }], mock_body: 'hi' });
    const body = toRequest(v);
    expect(body.req_params?.[0]).toMatchObject({ name: 'id', location: 'PATH', required: 1 });
    expect(body.mock_info).toMatchObject({ status_code: 200, result_content: 'hi' });
    expect(body.backend_api).toBeUndefined();
    const back = fromApi(apiFromWire({ id: 'a', ...body, req_params: body.req_params?.map((p) => ({ ...p })) } as never));
    expect(toRequest(back)).toEqual(body);
  });
});

describe('version diff', () => {
  it('flattens without bookkeeping fields', () => {
    expect(flatten({ id: 'x', name: 'n', mock_info: { status_code: 200, update_time: 't' }, tags: [] })).toEqual(['mock_info.status_code: 200', 'name: "n"', 'tags: []']);
  });
  it('pairs changed lines and keeps added/removed apart', () => {
    const rows = diffLines(['a: 1', 'b: 2', 'c: 3'], ['a: 1', 'b: 5', 'd: 4']);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'added', 'removed']);
    expect(rows[1]).toMatchObject({ left: 'b: 2', right: 'b: 5' });
  });
  it('finds nothing between equal versions', () => {
    expect(diffVersions({ a: { b: 1 } }, { a: { b: 1 } }).every((r) => r.kind === 'same')).toBe(true);
  });
});

describe('OpenAPI import preview', () => {
  it('reads YAML Swagger 2.0 operations with the names the server gives', () => {
    const p = previewOpenApi('swagger: "2.0"\ninfo: {title: Shop}\npaths:\n  /orders/{id}:\n    get: {operationId: getOrder}\n    delete: {}\n    parameters: []\n');
    expect(p).toMatchObject({ format: 'swagger-2.0', title: 'Shop' });
    expect(p.rows).toEqual([
      { method: 'GET', path: '/orders/{id}', name: 'getOrder', problem: undefined },
      { method: 'DELETE', path: '/orders/{id}', name: 'DELETE_/orders/_id_', problem: undefined },
    ]);
  });
  it('reads JSON OpenAPI 3 and explains unreadable files', () => {
    expect(previewOpenApi('{"openapi":"3.0.1","info":{"title":"x"},"paths":{"/a":{"post":{"operationId":"mk"}}}}').rows).toHaveLength(1);
    expect(previewOpenApi('{"openapi":').error).toBeTruthy();
    expect(previewOpenApi('foo: bar').error).toMatch(/swagger/);
    expect(previewOpenApi('swagger: "2.0"').error).toBe('no paths');
  });
});

describe('debug', () => {
  const api = { req_uri: '/o/{id}/{rest+}', req_method: 'POST', req_protocol: 'HTTP', req_params: [
    { name: 'id', location: 'PATH', type: 'STRING' }, { name: 'rest', location: 'PATH', type: 'STRING' },
    { name: 'q', location: 'QUERY', type: 'STRING' }, { name: 'X-Tenant', location: 'HEADER', type: 'STRING' }, { name: 'empty', location: 'QUERY', type: 'STRING' },
  ] };
  it('fills placeholders, query and headers; a stage for an environment', () => {
    const r = buildDebugRequest(api, { target: 'TEST', values: { id: 'a b', rest: 'x/y', q: '1', 'X-Tenant': 't', empty: ' ' }, body: '{}' });
    expect(r).toEqual({ mode: 'CONSUMER', scheme: 'HTTP', method: 'POST', path: '/o/a%20b/x/y', query: { q: ['1'] }, header: { 'X-Tenant': ['t'] }, body: '{}', stage: 'TEST' });
    expect(buildDebugRequest(api, { target: 'DEVELOPER' })).toMatchObject({ mode: 'DEVELOPER', path: '/o//' });
  });
  it('carries the chosen app credentials so roma-local signs as that app; none without an app', () => {
    const r = buildDebugRequest(api, { target: 'RELEASE', app: 'app-1' }, { app_key: 'ak', app_secret: 'sk' });
    expect(r).toMatchObject({ mode: 'CONSUMER', stage: 'RELEASE', app_key: 'ak', app_secret: 'sk' });
    const plain = buildDebugRequest(api, { target: 'RELEASE', app: '' });
    expect('app_key' in plain || 'app_secret' in plain).toBe(false);
  });
  it('splits the raw answer into status, headers and body', () => {
    expect(parseRawResponse('HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nX-A: b: c\r\n\r\nhello\r\n\r\nworld')).toEqual({
      status: 201, statusText: 'Created', headers: [['Content-Type', 'text/plain'], ['X-A', 'b: c']], body: 'hello\r\n\r\nworld',
    });
  });
  it('spreads the |-joined live environments', () => {
    expect(apiFromWire({ id: 'a', name: 'n', run_env_id: 'e1|e2', run_env_name: 'RELEASE|TEST', publish_time: '2026-01-01T00:00:00Z|' }).live).toEqual([
      { envId: 'e1', envName: 'RELEASE', publishedAt: Date.parse('2026-01-01T00:00:00Z') },
      { envId: 'e2', envName: 'TEST', publishedAt: undefined },
    ]);
  });
});

describe('editor keeps what it does not edit', () => {
  it('carries rules, authorizer and policies; a type switch drops the other type’s range', () => {
    const wire = apiFromWire({
      id: 'a', name: 'kept', group_id: 'g1', req_method: 'GET', req_uri: '/x', req_protocol: 'HTTP', auth_type: 'AUTHORIZER', authorizer_id: 'au1',
      backend_type: 'MOCK', register_time: '2026-01-01T00:00:00Z', mock_info: { id: 'm', status_code: 200, result_content: 'x', remark: 'r' },
      req_params: [{ id: 'p', name: 'q', type: 'STRING', location: 'QUERY', min_size: 2, json_schema: '{}', pass_through: 2 }],
      policy_mocks: [{ id: 'pm', name: 'pol', effect_mode: 'ALL', conditions: [{ condition_origin: 'source', condition_value: '1.2.3.4' }] }],
    } as never);
    const carry = carryOf(wire);
    expect(carry).not.toHaveProperty('id');
    expect(carry).not.toHaveProperty('register_time');
    const body = toRequest(fromApi(wire), carry);
    expect(body).toMatchObject({ authorizer_id: 'au1', mock_info: { remark: 'r' }, req_params: [{ min_size: 2, json_schema: '{}', pass_through: 2 }] });
    expect(body.policy_mocks).toEqual([{ name: 'pol', effect_mode: 'ALL', conditions: [{ condition_origin: 'source', condition_value: '1.2.3.4' }] }]);
    expect(policyBackends(carry)).toEqual([{ kind: 'MOCK', name: 'pol', target: '200' }]);
    const v = fromApi(wire);
    v.req_params[0] = { ...v.req_params[0]!, type: 'NUMBER' };
    expect(toRequest(v, carry).req_params?.[0]).not.toHaveProperty('min_size');
  });
});
