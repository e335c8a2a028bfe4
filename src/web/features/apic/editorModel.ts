// The API editor's form values ↔ the CreateApiV2 body, and the rule check run before saving:
// the contract's own schema (lengths, patterns, cross-field rules) plus hints it cannot give
// (a path placeholder without its PATH parameter is listed by name so the form can offer it).
import { apiCreateRequest, pathParams, type ApiCreateRequest, type BackendParamCreate, type ReqParamCreate } from '../../../contract/apic';
import type { Api } from '../../api/apic';
import { PARAM_RULE_KEYS } from './editorCarry';

type ParamRules = Pick<ReqParamCreate, (typeof PARAM_RULE_KEYS)[number]>;

/** A request parameter row; its rules (valid_enable, sizes, enumerations, pass_through, …) ride along as on the wire. */
export interface ParamRow extends ParamRules {
  name: string;
  type: 'STRING' | 'NUMBER';
  location: 'PATH' | 'QUERY' | 'HEADER';
  required: boolean;
  default_value?: string;
  sample_value?: string;
  remark?: string;
}
export interface BackendParamRow {
  name: string;
  location: 'PATH' | 'QUERY' | 'HEADER';
  origin: 'REQUEST' | 'CONSTANT' | 'SYSTEM';
  value: string;
  remark?: string;
}
export interface HeaderRow {
  key: string;
  value: string;
  remark?: string;
}

export interface EditorValues {
  name: string;
  group_id: string;
  remark?: string;
  auth_type: 'NONE' | 'APP' | 'IAM' | 'AUTHORIZER';
  /** Custom authorizer (auth_type AUTHORIZER). */
  authorizer_id?: string;
  req_protocol: 'HTTP' | 'HTTPS' | 'BOTH';
  req_method: ApiCreateRequest['req_method'];
  req_uri: string;
  match_mode: 'NORMAL' | 'SWA';
  cors: boolean;
  req_params: ParamRow[];
  backend_type: 'HTTP' | 'MOCK' | 'FUNCTION';
  backend_protocol: 'HTTP' | 'HTTPS';
  backend_method: ApiCreateRequest['req_method'];
  backend_domain?: string;
  backend_uri?: string;
  backend_timeout: number;
  backend_params: BackendParamRow[];
  mock_status: number;
  mock_body?: string;
  mock_headers: HeaderRow[];
}

export const emptyValues = (groupId = ''): EditorValues => ({
  name: '',
  group_id: groupId,
  auth_type: 'NONE',
  req_protocol: 'HTTPS',
  req_method: 'GET',
  req_uri: '/',
  match_mode: 'NORMAL',
  cors: false,
  req_params: [],
  backend_type: 'MOCK',
  backend_protocol: 'HTTP',
  backend_method: 'GET',
  backend_timeout: 5000,
  backend_params: [],
  mock_status: 200,
  mock_body: '',
  mock_headers: [],
});

const opt = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
/** Kept as saved when untouched ('' included), trimmed when typed. */
const keep = (s: string | undefined) => (s === undefined ? undefined : s.trim());
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

/**
 * The CreateApiV2 / UpdateApiV2 body of the form. `carry` is the saved definition (editorCarry.ts):
 * every field the form does not edit is taken from it unchanged.
 */
export function toRequest(v: EditorValues, carry?: ApiCreateRequest): ApiCreateRequest {
  // a type switch leaves the other type's range behind in the row: it no longer applies
  const offType = (p: ParamRow) => new Set<string>(p.type === 'NUMBER' ? ['min_size', 'max_size'] : ['min_num', 'max_num']);
  const req_params: ReqParamCreate[] = v.req_params.map((p) => defined({
    ...Object.fromEntries(PARAM_RULE_KEYS.map((k) => [k, offType(p).has(k) ? undefined : p[k] ?? undefined])),
    name: p.name.trim(),
    type: p.type,
    location: p.location,
    required: p.required || p.location === 'PATH' ? 1 : 2,
    default_value: keep(p.default_value),
    sample_value: keep(p.sample_value),
    remark: keep(p.remark),
  }));
  const { backend_api: carriedBackend, mock_info: carriedMock, func_info: carriedFunc, backend_params: _bp, req_params: _rp, ...carried } = carry ?? ({} as Partial<ApiCreateRequest>);
  const body: ApiCreateRequest = {
    ...carried,
    name: v.name.trim(),
    type: carry?.type ?? 1,
    group_id: v.group_id,
    remark: opt(v.remark),
    auth_type: v.auth_type,
    req_protocol: v.req_protocol,
    req_method: v.req_method,
    req_uri: v.req_uri.trim(),
    match_mode: v.match_mode,
    cors: v.cors,
    backend_type: v.backend_type,
    req_params,
  };
  if (v.auth_type === 'AUTHORIZER' || carry?.authorizer_id !== undefined) body.authorizer_id = v.auth_type === 'AUTHORIZER' ? (v.authorizer_id ?? '').trim() : carry?.authorizer_id;
  if (v.backend_type === 'FUNCTION' && carriedFunc) body.func_info = carriedFunc;
  if (v.backend_type === 'HTTP') {
    body.backend_api = {
      ...carriedBackend,
      req_protocol: v.backend_protocol,
      req_method: v.backend_method,
      url_domain: opt(v.backend_domain),
      req_uri: (v.backend_uri ?? '').trim(),
      timeout: v.backend_timeout,
    };
    body.backend_params = v.backend_params.map(
      (b): BackendParamCreate => defined({ name: b.name.trim(), location: b.location, origin: b.origin, value: b.value.trim(), remark: b.remark }),
    );
  }
  if (v.backend_type === 'MOCK') {
    body.mock_info = {
      ...carriedMock,
      status_code: v.mock_status,
      result_content: v.mock_body ?? '',
      header: v.mock_headers.filter((h) => h.key.trim()).map((h) => defined({ key: h.key.trim(), value: h.value, remark: h.remark })),
    };
  }
  return body;
}

const loc = (s: string): ParamRow['location'] => (s === 'PATH' || s === 'HEADER' ? s : 'QUERY');

export function fromApi(a: Api): EditorValues {
  const base = emptyValues(a.group_id ?? '');
  return {
    ...base,
    name: a.name,
    remark: a.remark ?? '',
    auth_type: (a.auth_type as EditorValues['auth_type']) ?? 'NONE',
    authorizer_id: a.authorizer_id ?? '',
    req_protocol: (a.req_protocol as EditorValues['req_protocol']) ?? 'HTTPS',
    req_method: (a.req_method as EditorValues['req_method']) ?? 'GET',
    req_uri: a.req_uri ?? '/',
    match_mode: a.match_mode === 'SWA' ? 'SWA' : 'NORMAL',
    cors: a.cors === true,
    req_params: (a.req_params ?? []).map((p) => defined({
      ...Object.fromEntries(PARAM_RULE_KEYS.map((k) => [k, p[k] ?? undefined])),
      name: p.name,
      type: p.type === 'NUMBER' ? 'NUMBER' : 'STRING',
      location: loc(p.location),
      required: p.required === 1,
      default_value: p.default_value,
      sample_value: p.sample_value,
      remark: p.remark,
    }) as ParamRow),
    backend_type: (a.backend_type as EditorValues['backend_type']) ?? 'MOCK',
    backend_protocol: a.backend_api?.req_protocol === 'HTTPS' ? 'HTTPS' : 'HTTP',
    backend_method: (a.backend_api?.req_method as EditorValues['req_method']) ?? 'GET',
    backend_domain: a.backend_api?.url_domain ?? '',
    backend_uri: a.backend_api?.req_uri ?? '',
    backend_timeout: a.backend_api?.timeout ?? 5000,
    backend_params: (a.backend_params ?? []).map((b) => ({
      name: b.name,
      location: loc(b.location),
      origin: b.origin === 'CONSTANT' || b.origin === 'SYSTEM' ? b.origin : 'REQUEST',
      value: b.value,
      remark: b.remark,
    })),
    mock_status: a.mock_info?.status_code ?? 200,
    mock_body: a.mock_info?.result_content ?? '',
    mock_headers: (a.mock_info?.header ?? []).map((h) => ({ key: h.key, value: h.value, remark: h.remark })),
  };
}

/** One rule the draft breaks: where (a form field path) and why. */
export interface RuleIssue {
  field: (string | number)[];
  message: string;
}

/** Contract path → the editor's field path (backend_api.* are flat fields here). */
function toField(path: readonly PropertyKey[]): (string | number)[] {
  const p = path.map((x) => (typeof x === 'symbol' ? String(x) : x));
  if (p[0] === 'backend_api') {
    const map: Record<string, string> = { url_domain: 'backend_domain', req_uri: 'backend_uri', timeout: 'backend_timeout', req_method: 'backend_method' };
    if (!map[String(p[1])]) return ['backend_type']; // a carried field (VPC channel, retries): shown on the backend tab
    return [map[String(p[1])] ?? 'backend_domain'];
  }
  if (p[0] === 'mock_info') return [p[1] === 'status_code' ? 'mock_status' : p[1] === 'header' ? 'mock_headers' : 'mock_body'];
  if ((p[0] === 'req_params' || p[0] === 'backend_params') && typeof p[1] === 'number') return [p[0], p[1], String(p[2] ?? 'name')];
  return [String(p[0] ?? 'name')];
}

/** Every rule the server would enforce, checked here first. Empty = the server will accept the shape. */
export function checkDraft(v: EditorValues, carry?: ApiCreateRequest): RuleIssue[] {
  const r = apiCreateRequest.safeParse(toRequest(v, carry));
  if (r.success) return [];
  return r.error.issues.map((i) => ({ field: toField(i.path), message: i.message }));
}

/** `{name}` placeholders of the request path that have no PATH parameter yet. */
export function missingPathParams(v: Pick<EditorValues, 'req_uri' | 'req_params'>): string[] {
  const have = new Set(v.req_params.filter((p) => p.location === 'PATH').map((p) => p.name));
  return pathParams(v.req_uri).map((p) => p.name).filter((n) => !have.has(n));
}
