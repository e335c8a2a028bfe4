// APIC (service integration): API groups and domains, APIs, publishing and versions, debug,
// environments and their variables, OpenAPI import/export. The `{ size, total, <plural> }`
// envelope becomes a Page once here; errors are ApiErrors (http.ts reads error_code/error_msg).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api as apiSchema, apiDebugResponse, apiGroup as groupSchema, apiGroupList, apiList, apiVersionDetail, apiVersionList, apicEnv, batchPublishResponse, domainResponse, envVariable, envVariableList, openApiImportResponse, publishResp, type Api as WireApi, type ApiCreateRequest, type ApiDebugRequest, type ApiGroup, type ApicEnv, type ApiVersion, type ApiVersionDetail, type AssociateDomainRequest, type BatchPublishResponse, type CreateApiGroupRequest, type EnvCreateRequest, type EnvVariable, type EnvVariableCreateRequest, type OpenApiExportRequest, type OpenApiImportResponse, type PublishResp, type UpdateApiGroupRequest } from '../../contract/apic';
import { http, parseWith } from './http';
import { romaPath, seg } from './project';
import { scopedKeys, type ListParams } from './keys';
import { detailQueryFactory, itemCrudFactory, listQueryFactory, type Page } from './factories';
import { normaliseTime } from './time';

export type { ApiGroup, ApicEnv, ApiVersion, ApiVersionDetail, EnvVariable, PublishResp, BatchPublishResponse, OpenApiImportResponse };

export const apicGroupKeys = scopedKeys('apic-groups');
export const apicApiKeys = scopedKeys('apic-apis');

/** Where an API is live: one entry per environment (the wire joins them with `|`). */
export interface LiveIn {
  envId: string;
  envName: string;
  publishedAt?: number;
}

export type Api = WireApi & { live: LiveIn[] };

const split = (s: string | undefined) => (s ? s.split('|') : []);

export function apiFromWire(a: WireApi): Api {
  const ids = split(a.run_env_id);
  const names = split(a.run_env_name);
  const times = split(a.publish_time === undefined ? undefined : String(a.publish_time));
  return { ...a, live: ids.map((envId, i) => ({ envId, envName: names[i] ?? envId, publishedAt: normaliseTime(times[i]) })) };
}

const root = (iid: string) => romaPath(`/apic/instances/${seg(iid)}`);
const groupsBase = (iid: string) => `${root(iid)}/api-groups`;
const apisBase = (iid: string) => `${root(iid)}/apis`;
const envsBase = (iid: string) => `${root(iid)}/envs`;

/** `{ size, total, <key>: [...] }` → Page; never report fewer than we can see. */
async function listEnvelope<K extends string, S extends z.ZodType, T>(
  url: string,
  schema: S,
  key: K,
  params: ListParams,
  signal: AbortSignal | undefined,
  map: (x: never) => T,
  what: string,
): Promise<Page<T>> {
  const clean: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') clean[k] = v;
  const body = parseWith(schema, (await http.get(url, { params: clean, signal })).data, what) as Record<string, unknown>;
  const items = (body[key] as never[]).map(map);
  const offset = typeof params.offset === 'number' ? params.offset : 0;
  return { items, total: Math.max(Number(body.total ?? 0), offset + items.length) };
}

const same = <T,>(x: T) => x;

// ---- groups and domains ----

export interface GroupListParams extends ListParams {
  offset: number;
  limit: number;
  name?: string;
}
export const listGroups = (iid: string, p: GroupListParams, signal?: AbortSignal) =>
  listEnvelope(groupsBase(iid), apiGroupList, 'groups', p, signal, same<ApiGroup>, 'API group list');
export const {
  get: getGroup,
  create: createGroup,
  update: updateGroup,
  remove: deleteGroup,
} = itemCrudFactory<typeof groupSchema, ApiGroup, CreateApiGroupRequest, UpdateApiGroupRequest>(groupsBase, groupSchema, same, 'API group');

export async function bindDomain(iid: string, groupId: string, body: AssociateDomainRequest) {
  const res = await http.post(`${groupsBase(iid)}/${seg(groupId)}/domains`, body);
  return parseWith(domainResponse, res.data, 'domain');
}
export async function unbindDomain(iid: string, groupId: string, domainId: string): Promise<void> {
  await http.delete(`${groupsBase(iid)}/${seg(groupId)}/domains/${seg(domainId)}`);
}

export const groupListQuery = listQueryFactory<GroupListParams, ApiGroup>(apicGroupKeys.list, listGroups);
export const groupDetailQuery = detailQueryFactory<ApiGroup>(apicGroupKeys.detail, getGroup);

// ---- APIs ----

export interface ApiListParams extends ListParams {
  offset: number;
  limit: number;
  name?: string;
  group_id?: string;
  req_method?: string;
  auth_type?: string;
  env_id?: string;
}
export const listApis = (iid: string, p: ApiListParams, signal?: AbortSignal) =>
  listEnvelope(apisBase(iid), apiList, 'apis', p, signal, apiFromWire, 'API list');
export const {
  get: getApi,
  create: createApi,
  update: updateApi,
  remove: deleteApi,
} = itemCrudFactory<typeof apiSchema, Api, ApiCreateRequest, ApiCreateRequest>(apisBase, apiSchema, apiFromWire, 'API');

export const apiListQuery = listQueryFactory<ApiListParams, Api>(apicApiKeys.list, listApis);
export const apiDetailQuery = detailQueryFactory<Api>(apicApiKeys.detail, getApi);

// ---- publishing and versions ----

export async function publishApi(iid: string, body: { action: 'online' | 'offline'; api_id: string; env_id: string; remark?: string }) {
  const res = await http.post(`${apisBase(iid)}/action`, body);
  return parseWith(publishResp, res.data, 'publish');
}
export async function batchPublish(iid: string, action: 'online' | 'offline', body: { apis: string[]; env_id: string; remark?: string }) {
  const res = await http.post(`${apisBase(iid)}/publish`, body, { params: { action } });
  return parseWith(batchPublishResponse, res.data, 'batch publish');
}
export async function listVersions(iid: string, apiId: string, envId: string | undefined, signal?: AbortSignal): Promise<Page<ApiVersion>> {
  const p: ListParams = { offset: 0, limit: 100, env_id: envId };
  return listEnvelope(`${apisBase(iid)}/publish/${seg(apiId)}`, apiVersionList, 'api_versions', p, signal, same<ApiVersion>, 'API versions');
}
export async function getVersion(iid: string, versionId: string, signal?: AbortSignal): Promise<ApiVersionDetail> {
  const res = await http.get(`${apisBase(iid)}/versions/${seg(versionId)}`, { signal });
  return parseWith(apiVersionDetail, res.data, 'API version');
}
export async function switchVersion(iid: string, apiId: string, versionId: string) {
  const res = await http.put(`${apisBase(iid)}/publish/${seg(apiId)}`, { version_id: versionId });
  return parseWith(publishResp, res.data, 'switch version');
}
export const versionsQuery = (iid: string, apiId: string, envId?: string) =>
  queryOptions({ queryKey: apicApiKeys.sub(iid, apiId, `versions:${envId ?? ''}`), queryFn: ({ signal }) => listVersions(iid, apiId, envId, signal) });
export const versionDetailQuery = (iid: string, versionId: string) =>
  queryOptions({ queryKey: ['instance', iid, 'apic-versions', versionId], queryFn: ({ signal }) => getVersion(iid, versionId, signal), staleTime: Infinity });

// ---- debug ----

export interface DebugResult {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  latency: number;
  request: string;
  log: string;
}

/** The raw HTTP text of the answer → status, headers, body. */
export function parseRawResponse(raw: string): Pick<DebugResult, 'status' | 'statusText' | 'headers' | 'body'> {
  const cut = raw.indexOf('\r\n\r\n');
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const body = cut < 0 ? '' : raw.slice(cut + 4);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const m = /^HTTP\/[\d.]+\s+(\d{3})\s*(.*)$/.exec(statusLine);
  const headers = lines.filter(Boolean).map((l): [string, string] => {
    const i = l.indexOf(':');
    return i < 0 ? [l, ''] : [l.slice(0, i).trim(), l.slice(i + 1).trim()];
  });
  return { status: m ? Number(m[1]) : 0, statusText: m?.[2] ?? '', headers, body };
}

export async function debugApi(iid: string, apiId: string, body: ApiDebugRequest): Promise<DebugResult> {
  const res = await http.post(`${apisBase(iid)}/debug/${seg(apiId)}`, body);
  const d = parseWith(apiDebugResponse, res.data, 'debug');
  return { ...parseRawResponse(d.response), latency: d.latency, request: d.request, log: d.log };
}

// ---- environments and variables ----

export { apicEnvKeys, envsQuery, listEnvs } from './apicEnvs';
export const {
  create: createEnv,
  update: updateEnv,
  remove: deleteEnv,
} = itemCrudFactory<typeof apicEnv, ApicEnv, EnvCreateRequest, EnvCreateRequest>(envsBase, apicEnv, same, 'environment');

const varsBase = (iid: string) => `${root(iid)}/env-variables`;
export const listVariables = (iid: string, groupId: string, signal?: AbortSignal) =>
  listEnvelope(varsBase(iid), envVariableList, 'variables', { offset: 0, limit: 500, group_id: groupId }, signal, same<EnvVariable>, 'variables');
export const variablesQuery = (iid: string, groupId: string) =>
  queryOptions({ queryKey: apicGroupKeys.sub(iid, groupId, 'variables'), queryFn: ({ signal }) => listVariables(iid, groupId, signal) });
export const {
  create: createVariable,
  remove: deleteVariable,
} = itemCrudFactory<typeof envVariable, EnvVariable, EnvVariableCreateRequest, { variable_value: string }>(varsBase, envVariable, same, 'variable');

// ---- OpenAPI ----

export async function importOpenApi(iid: string, file: File, fields: Record<string, string>): Promise<OpenApiImportResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file_name', file);
  const res = await http.post(`${root(iid)}/openapi/import`, form);
  return parseWith(openApiImportResponse, res.data, 'OpenAPI import');
}

/** The exported document as text (JSON or YAML), ready to download. */
export async function exportOpenApi(iid: string, body: OpenApiExportRequest): Promise<string> {
  const res = await http.post(`${root(iid)}/openapi/export`, body, { responseType: 'text', transformResponse: (x: unknown) => x });
  return typeof res.data === 'string' ? res.data : JSON.stringify(res.data, null, 2);
}
