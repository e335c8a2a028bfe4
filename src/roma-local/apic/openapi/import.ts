// Import of a Swagger 2.0 / OpenAPI 3 document into a group: every operation becomes an API
// definition validated like CreateApiV2; the good ones are created (or updated with
// api_mode=override), each bad one is reported in `failure` with its path and method.
import { parse as parseYaml } from 'yaml';
import { apiCreateRequest } from '../../../contract/index';
import { ApiError } from '../../errors';
import type { ApiStore } from '../store/apis';

const METHODS: Record<string, string> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', head: 'HEAD', patch: 'PATCH', options: 'OPTIONS', 'x-apigateway-any-method': 'ANY',
};
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : undefined);

export function parseDocument(text: string): { doc: Obj; oas3: boolean } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    try { doc = parseYaml(text); } catch { doc = undefined; }
  }
  if (!isObj(doc)) throw new ApiError(400, 'APIG.2011', 'Invalid parameter value,file_name: not a JSON or YAML document');
  const oas3 = typeof doc.openapi === 'string' && doc.openapi.startsWith('3.');
  if (!oas3 && String(doc.swagger) !== '2.0') throw new ApiError(400, 'APIG.2011', 'Invalid parameter value,file_name: neither Swagger 2.0 nor OpenAPI 3.x');
  if (!isObj(doc.paths)) throw new ApiError(400, 'APIG.2011', 'Invalid parameter value,file_name: the document has no paths');
  return { doc, oas3 };
}

/** A name the API name rules accept, from an operationId or method + path. */
function apiName(op: Obj, method: string, path: string): string {
  const raw = str(op.operationId) ?? `${method}_${path}`;
  let name = raw.replace(/[^\u4e00-\u9fa5A-Za-z0-9\-_./():]/g, '_').replace(/^[^\u4e00-\u9fa5A-Za-z0-9]+/, '');
  if (name.length < 3) name = `${method.toLowerCase()}_${name || 'api'}`.slice(0, 255);
  return name.slice(0, 255);
}

function reqParam(p: Obj, oas3: boolean) {
  const s = oas3 && isObj(p.schema) ? p.schema : p;
  const type = s.type === 'number' || s.type === 'integer' ? 'NUMBER' : 'STRING';
  const enums = Array.isArray(s.enum) ? s.enum.map(String).join(',') : undefined;
  return {
    name: p.name, type, location: String(p.in).toUpperCase(), required: p.required === true || p.in === 'path' ? 1 : 2,
    ...(str(s.default) !== undefined ? { default_value: str(s.default) } : {}),
    ...(enums ? { enumerations: enums } : {}),
    ...(type === 'NUMBER' && num(s.minimum) !== undefined ? { min_num: num(s.minimum) } : {}),
    ...(type === 'NUMBER' && num(s.maximum) !== undefined ? { max_num: num(s.maximum) } : {}),
    ...(type === 'STRING' && num(s.minLength) !== undefined ? { min_size: num(s.minLength) } : {}),
    ...(type === 'STRING' && num(s.maxLength) !== undefined ? { max_size: num(s.maxLength) } : {}),
    ...(str(p.description) ? { remark: str(p.description)!.replace(/[<>]/g, '') } : {}),
  };
}

const AUTH: Record<string, string> = { 'apig-auth-app': 'APP', 'apig-auth-iam': 'IAM', app: 'APP', iam: 'IAM', none: 'NONE', authorizer: 'AUTHORIZER' };

/** The CreateApiV2 body an operation describes (validated later with the contract). */
export function toApiCreate(path: string, method: string, op: Obj, shared: unknown[], groupId: string, oas3: boolean, mockMode: boolean): unknown {
  const params = [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]
    .filter((p): p is Obj => isObj(p) && ['path', 'query', 'header'].includes(String(p.in)))
    .map((p) => reqParam(p, oas3));
  const ext = isObj(op['x-apigateway-backend']) ? op['x-apigateway-backend'] : undefined;
  const def: Obj = {
    name: apiName(op, method, path), type: op['x-apigateway-request-type'] === 'private' ? 2 : 1,
    req_protocol: str(op['x-apigateway-request-protocol'])?.toUpperCase() ?? 'BOTH', req_method: method, req_uri: path,
    auth_type: AUTH[String(op['x-apigateway-auth-type'] ?? 'NONE').toLowerCase()] ?? String(op['x-apigateway-auth-type']),
    group_id: groupId, req_params: params,
    ...(typeof op['x-apigateway-cors'] === 'boolean' ? { cors: op['x-apigateway-cors'] } : {}),
    ...(op['x-apigateway-match-mode'] !== undefined ? { match_mode: op['x-apigateway-match-mode'] } : {}),
    ...(str(op.description ?? op.summary) ? { remark: str(op.description ?? op.summary)!.replace(/[<>]/g, '').slice(0, 1000) } : {}),
    ...(Array.isArray(op.tags) && op.tags.length ? { tags: op.tags.map(String).slice(0, 10) } : {}),
  };
  const type = String(ext?.type ?? 'MOCK').toUpperCase();
  if (ext && Array.isArray(ext.parameters) && ext.parameters.length) {
    def.backend_params = ext.parameters.filter(isObj).map((b) => ({
      name: b.name, location: String(b.in).toUpperCase(), origin: String(b.origin ?? 'REQUEST').toUpperCase(), value: str(b.value),
      ...(str(b.description) ? { remark: str(b.description) } : {}),
    }));
  }
  if (!ext || mockMode || type === 'MOCK') {
    const m = ext && isObj(ext.mockEndpoints) ? ext.mockEndpoints : {};
    def.backend_type = 'MOCK';
    def.mock_info = { result_content: str(m['result-content']) ?? '', ...(num(m['status-code']) !== undefined ? { status_code: num(m['status-code']) } : {}) };
  } else if (type === 'FUNCTION') {
    const f = isObj(ext.functionEndpoints) ? ext.functionEndpoints : {};
    const inv = String(f['invocation-type'] ?? 'sync');
    def.backend_type = 'FUNCTION';
    def.func_info = {
      function_urn: str(f['function-urn']), invocation_type: inv.startsWith('async') ? 'async' : 'sync',
      timeout: num(f.timeout) ?? 5000, ...(str(f.version) ? { version: str(f.version) } : {}),
    };
  } else {
    const h = isObj(ext.httpEndpoints) ? ext.httpEndpoints : {};
    def.backend_type = 'HTTP';
    def.backend_api = {
      url_domain: str(h.address), req_protocol: String(h.scheme ?? 'http').toUpperCase(), req_method: String(h.method ?? method).toUpperCase(),
      req_uri: str(h.path) ?? path, timeout: num(h.timeout) ?? 5000, ...(str(h.retryCount) ? { retry_count: str(h.retryCount) } : {}),
    };
  }
  return def;
}

export interface ImportOutcome {
  success: { path: string; method: string; action: 'create' | 'update'; id: string }[];
  failure: { path: string; method: string; error_code: string; error_msg: string }[];
  ignore: { method: string; path: string }[];
}

/** Imports every operation of `doc` into the group; never throws for one bad operation. */
export function importDocument(instanceId: string, groupId: string, doc: Obj, oas3: boolean, apis: ApiStore, o: { override: boolean; mockMode: boolean }): ImportOutcome {
  const out: ImportOutcome = { success: [], failure: [], ignore: [] };
  for (const [path, item] of Object.entries(doc.paths as Obj)) {
    if (!isObj(item)) {
      out.failure.push({ path, method: '', error_code: 'APIG.2011', error_msg: 'Invalid parameter value,the path item is not an object' });
      continue;
    }
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const [key, op] of Object.entries(item)) {
      const method = METHODS[key.toLowerCase()];
      if (!method) continue; // parameters, summary, servers, other extensions
      if (!isObj(op)) {
        out.failure.push({ path, method, error_code: 'APIG.2011', error_msg: 'Invalid parameter value,the operation is not an object' });
        continue;
      }
      const parsed = apiCreateRequest.safeParse(toApiCreate(path, method, op, shared, groupId, oas3, o.mockMode));
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        out.failure.push({ path, method, error_code: 'APIG.2011', error_msg: `Invalid parameter value,${i.path.join('.') || 'operation'}: ${i.message}` });
        continue;
      }
      const existing = apis.list(instanceId, { group_id: groupId, req_uri: path, req_method: method, precise_search: 'req_uri' }, 0, 1).rows[0];
      try {
        if (existing && !o.override) {
          out.ignore.push({ method, path });
        } else if (existing) {
          apis.save(instanceId, parsed.data, existing.id);
          out.success.push({ path, method, action: 'update', id: existing.id });
        } else {
          out.success.push({ path, method, action: 'create', id: apis.save(instanceId, parsed.data) });
        }
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        out.failure.push({ path, method, error_code: err.code, error_msg: err.message });
      }
    }
  }
  return out;
}
