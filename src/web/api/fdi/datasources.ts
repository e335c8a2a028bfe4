// FDI data sources (fdi.md §1): port always a string, secrets come back empty, times in epoch ms.
import { queryOptions } from '@tanstack/react-query';
import { connectorTypesResponse, datasource as datasourceSchema, datasourceColumnsResponse, datasourceListResponse, datasourceTablesResponse, testConnectResponse, type ColumnInfo, type Datasource as WireDatasource, type DatasourceInfo } from '../../../contract/fdi/datasources';
import { DATASOURCE_TYPES } from '../../../contract/fdi/base';
import { ApiError } from '../errors';
import { detailQueryFactory, listQueryFactory, type Page } from '../factories';
import { http, parseWith } from '../http';
import type { ListParams } from '../keys';
import { seg } from '../project';
import { normaliseTime } from '../time';
import { datasourceKeys, fdiPath } from './base';

export interface Datasource {
  id: string;
  name: string;
  type: string;
  appId: string;
  appName: string;
  description: string;
  /** connection settings as stored; `port` always a string, secrets come back empty */
  content: Record<string, unknown>;
  createdAt?: number;
  updatedAt?: number;
  permissions: string[];
}

export function datasourceFromWire(d: WireDatasource): Datasource {
  const content: Record<string, unknown> = { ...(d.content ?? {}) };
  if (content.port !== undefined && content.port !== null) content.port = String(content.port);
  return {
    id: d.datasource_id,
    name: d.datasource_name,
    type: d.datasource_type.toUpperCase(),
    appId: d.app_id ?? '',
    appName: d.app_name ?? '',
    description: d.description ?? '',
    content,
    createdAt: normaliseTime(d.create_time),
    updatedAt: normaliseTime(d.update_time),
    permissions: d.app_permission ?? ['read', 'access', 'delete', 'modify'],
  };
}

export interface DatasourceListParams extends ListParams {
  offset: number;
  limit: number;
  name?: string;
  datasource_type?: string;
}

export async function listDatasources(iid: string, p: DatasourceListParams, signal?: AbortSignal): Promise<Page<Datasource>> {
  const res = await http.get(fdiPath(iid, '/datasources'), { params: { sort_field: 'CREATED_DATE', sort_type: 'DESC', ...p }, signal });
  const body = parseWith(datasourceListResponse, res.data, 'data source list');
  return { items: body.entities.map(datasourceFromWire), total: Math.max(body.total, p.offset + body.entities.length) };
}

const one = (data: unknown) => datasourceFromWire(parseWith(datasourceSchema, data, 'data source'));
export const getDatasource = async (iid: string, id: string, signal?: AbortSignal) =>
  one((await http.get(fdiPath(iid, `/datasources/${seg(id)}`), { signal })).data);
export const createDatasource = async (iid: string, body: DatasourceInfo) => one((await http.post(fdiPath(iid, '/datasources'), body)).data);
export const updateDatasource = async (iid: string, id: string, body: DatasourceInfo) =>
  one((await http.put(fdiPath(iid, `/datasources/${seg(id)}`), body)).data);
export async function deleteDatasource(iid: string, id: string): Promise<void> {
  await http.delete(fdiPath(iid, `/datasources/${seg(id)}`));
}

/** Test the connection with the settings in the form (`id` of a saved source, or "new"). Failure throws ApiError (FDI.3016). */
export async function testDatasource(iid: string, id: string, body: DatasourceInfo): Promise<boolean> {
  const res = await http.post(fdiPath(iid, `/datasources/${seg(id || 'new')}/test-connect`), body);
  return parseWith(testConnectResponse, res.data, 'test connection').result;
}

export type Position = 'SOURCE' | 'TARGET';
export async function listTables(iid: string, id: string, position: Position, signal?: AbortSignal): Promise<string[]> {
  const res = await http.get(fdiPath(iid, `/datasources/${seg(id)}/tables`), { params: { position }, signal });
  return parseWith(datasourceTablesResponse, res.data, 'table list').tables;
}
export async function listColumns(iid: string, id: string, position: Position, table: string, signal?: AbortSignal): Promise<ColumnInfo[]> {
  const res = await http.get(fdiPath(iid, `/datasources/${seg(id)}/columns`), { params: { position, table_name: table }, signal });
  return parseWith(datasourceColumnsResponse, res.data, 'column list').columns;
}

export interface OfferedType {
  type: string;
  /** this service can really test and run it (roma-local); the cloud runs every vendor type */
  runnable: boolean;
  local: boolean;
}

/** Types the service offers: roma-local says so (and adds SQLITE); the real cloud has no such route (404): the vendor list. */
export async function listOfferedTypes(iid: string, signal?: AbortSignal): Promise<OfferedType[]> {
  try {
    const res = await http.get(fdiPath(iid, '/connector-types'), { signal });
    return parseWith(connectorTypesResponse, res.data, 'connector types').datasource_types.map((t) => ({
      type: t.datasource_type, runnable: t.runnable, local: t.local_extension,
    }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return DATASOURCE_TYPES.map((type) => ({ type, runnable: true, local: false }));
    throw err;
  }
}

export const datasourceListQuery = listQueryFactory<DatasourceListParams, Datasource>(datasourceKeys.list, listDatasources);
export const datasourceDetailQuery = detailQueryFactory<Datasource>(datasourceKeys.detail, getDatasource);
export const offeredTypesQuery = (iid: string) =>
  queryOptions({ queryKey: [...datasourceKeys.all(iid), 'types'] as const, queryFn: ({ signal }) => listOfferedTypes(iid, signal), staleTime: 5 * 60_000 });
export const tablesQuery = (iid: string, id: string, position: Position) =>
  queryOptions({ queryKey: datasourceKeys.sub(iid, id, `tables-${position}`), queryFn: ({ signal }) => listTables(iid, id, position, signal), enabled: !!id });
export const columnsQuery = (iid: string, id: string, position: Position, table: string) =>
  queryOptions({
    queryKey: [...datasourceKeys.sub(iid, id, `columns-${position}`), table] as const,
    queryFn: ({ signal }) => listColumns(iid, id, position, table, signal),
    enabled: !!id && !!table,
  });
