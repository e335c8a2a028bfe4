// Export of a group (or some of its APIs) as Swagger 2.0 or OpenAPI 3.0, with the vendor's
// x-apigateway-* extensions so that an export imports back into the same definitions.
import type { ApiView } from '../store/apis';
import type { GroupView } from '../store/groups';

const METHOD_KEY = (m: string): string => (m === 'ANY' ? 'x-apigateway-any-method' : m.toLowerCase());

function schemaOf(p: ApiView['req_params'][number]) {
  const enums = p.enumerations ? p.enumerations.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
  return {
    type: p.type === 'NUMBER' ? 'number' : 'string',
    ...(p.default_value ? { default: p.default_value } : {}),
    ...(enums?.length ? { enum: enums } : {}),
    ...(p.min_num !== undefined ? { minimum: p.min_num } : {}),
    ...(p.max_num !== undefined ? { maximum: p.max_num } : {}),
    ...(p.min_size !== undefined ? { minLength: p.min_size } : {}),
    ...(p.max_size !== undefined ? { maxLength: p.max_size } : {}),
  };
}

function backendExt(api: ApiView) {
  const parameters = api.backend_params.map((b) => ({ name: b.name, in: b.location.toLowerCase(), origin: b.origin, value: b.value, description: b.remark ?? '' }));
  if (api.backend_type === 'MOCK') {
    return { type: 'MOCK', parameters, mockEndpoints: { 'result-content': api.mock_info?.result_content ?? '', 'status-code': api.mock_info?.status_code ?? 200 } };
  }
  if (api.backend_type === 'FUNCTION') {
    const f = api.func_info;
    return {
      type: 'FUNCTION', parameters,
      functionEndpoints: { 'function-urn': f?.function_urn ?? '', 'invocation-type': f?.invocation_type ?? 'sync', timeout: f?.timeout ?? 5000, version: f?.version ?? '' },
    };
  }
  const b = api.backend_api;
  return {
    type: 'HTTP', parameters,
    httpEndpoints: {
      address: b?.url_domain ?? '', scheme: (b?.req_protocol ?? 'HTTP').toLowerCase(), method: b?.req_method ?? 'GET', path: b?.req_uri ?? '/',
      timeout: b?.timeout ?? 5000, retryCount: b?.retry_count ?? '-1',
    },
  };
}

export function exportDocument(group: GroupView, apis: ApiView[], o: { oas3: boolean; withBackend: boolean }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const api of apis) {
    const parameters = api.req_params.map((p) => ({
      name: p.name, in: p.location.toLowerCase(), required: p.required === 1, description: p.remark ?? '',
      ...(o.oas3 ? { schema: schemaOf(p) } : schemaOf(p)),
    }));
    (paths[api.req_uri] ??= {})[METHOD_KEY(api.req_method)] = {
      operationId: api.name,
      description: api.remark,
      ...(api.tags.length ? { tags: api.tags } : {}),
      parameters,
      responses: { default: { description: 'default response' } },
      'x-apigateway-request-type': api.type === 2 ? 'private' : 'public',
      'x-apigateway-request-protocol': api.req_protocol,
      'x-apigateway-auth-type': api.auth_type,
      'x-apigateway-match-mode': api.match_mode,
      'x-apigateway-cors': api.cors,
      ...(o.withBackend ? { 'x-apigateway-backend': backendExt(api) } : {}),
    };
  }
  const info = { title: group.name, description: group.remark, version: '1.0.0' };
  return o.oas3
    ? { openapi: '3.0.1', info, servers: [{ url: `http://${group.sl_domain}` }], paths }
    : { swagger: '2.0', info, host: group.sl_domain, schemes: ['http'], paths };
}
