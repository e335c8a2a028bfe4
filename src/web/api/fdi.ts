// FDI data sources and tasks (fdi.md §1-2). The vendor's quirks are normalised here, once:
// task_type in either case → upper case, status 0|1|"stop"|"running" → a boolean, port always a
// string, task_detail parsed from / serialised to its camelCase JSON string, times in epoch ms.
import { queryOptions } from '@tanstack/react-query';
import { DATASOURCE_TYPES, batchTaskOperationResponse, connectorTypesResponse, datasource as datasourceSchema, datasourceColumnsResponse, datasourceListResponse, datasourceTablesResponse, parseTaskDetail, taskDispatch, taskListResponse, taskResponse, taskStatisticsResponse, testConnectResponse, type BatchTaskOperationResponse, type ColumnInfo, type CreateTaskRequest, type Datasource as WireDatasource, type DatasourceInfo, type TaskBrief as WireTaskBrief, type TaskDetailDocument, type TaskDispatch as WireDispatch, type TaskDispatchRequest, type TaskResponse, type TaskStatisticsResponse, type TaskType } from '../../contract/fdi';
import { ApiError } from './errors';
import { detailQueryFactory, listQueryFactory, type Page } from './factories';
import { http, parseWith } from './http';
import { scopedKeys, type ListParams } from './keys';
import { romaPath, seg } from './project';
import { normaliseTime } from './time';

export type { ColumnInfo, TaskDetailDocument, TaskType };

export const datasourceKeys = scopedKeys('fdi-datasources');
export const taskKeys = scopedKeys('fdi-tasks');

const fdiPath = (iid: string, rest: string) => romaPath(`/fdi/instances/${seg(iid)}${rest}`);

// ---------------------------------------------------------------- data sources

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

// ---------------------------------------------------------------- tasks

export type ExecuteStatus = 'UNSTARTED' | 'WAITING' | 'RUNNING' | 'SUCCESS' | 'CANCELLED' | 'ERROR' | 'UNKNOWN';
export const toExecuteStatus = (s: string | null | undefined): ExecuteStatus => {
  const u = (s ?? '').toUpperCase();
  return (['UNSTARTED', 'WAITING', 'RUNNING', 'SUCCESS', 'CANCELLED', 'ERROR'] as const).find((x) => x === u) ?? (u ? 'UNKNOWN' : 'UNSTARTED');
};
/** 0|1, "0"|"1", "stop"|"running" → started (enabled) or not. */
export const isStarted = (status: unknown): boolean => status === 1 || status === '1' || String(status).toLowerCase() === 'running';

export interface TaskSummary {
  id: string;
  name: string;
  type: TaskType;
  started: boolean;
  executeStatus: ExecuteStatus;
  createdAt?: number;
  updatedAt?: number;
  tag: string;
  extType: string;
}

export function taskSummaryFromWire(t: WireTaskBrief): TaskSummary {
  return {
    id: t.task_id,
    name: t.task_name,
    type: t.task_type,
    started: isStarted(t.status),
    executeStatus: toExecuteStatus(t.execute_status),
    createdAt: normaliseTime(t.created_date),
    updatedAt: normaliseTime(t.last_modified_time),
    tag: t.task_tag ?? '',
    extType: t.ext_type ?? '',
  };
}

export interface Task {
  id: string;
  name: string;
  type: TaskType;
  started: boolean;
  sourceId: string;
  targetId: string;
  sourceName: string;
  targetName: string;
  description: string;
  tag: string;
  createdAt?: number;
  updatedAt?: number;
  /** the parsed task_detail, or null when it is not a document we understand */
  detail: TaskDetailDocument | null;
  /** the raw string, kept so unknown keys survive an edit */
  detailRaw: string;
}

export function taskFromWire(r: TaskResponse): Task {
  const t = r.task;
  return {
    id: t.task_id,
    name: t.task_name,
    type: t.task_type,
    started: isStarted(t.status),
    sourceId: t.source_datasource_id ?? '',
    targetId: t.target_datasource_id ?? '',
    sourceName: t.source_datasource_name ?? '',
    targetName: t.target_datasource_name ?? '',
    description: t.description ?? '',
    tag: t.task_tag ?? '',
    createdAt: normaliseTime(t.created_date),
    updatedAt: normaliseTime(t.last_modified_date),
    detail: parseTaskDetail(r.task_detail),
    detailRaw: r.task_detail ?? '',
  };
}

/** Serialise the document for the request, keeping keys of the old document we do not edit. */
export function serialiseTaskDetail(doc: TaskDetailDocument, previousRaw = ''): string {
  let prev: Record<string, unknown> = {};
  try {
    const p: unknown = previousRaw ? JSON.parse(previousRaw) : {};
    if (p && typeof p === 'object' && !Array.isArray(p)) prev = p as Record<string, unknown>;
  } catch {
    /* not JSON: nothing to keep */
  }
  return JSON.stringify({ ...prev, ...doc });
}

export interface TaskListParams extends ListParams {
  offset: number;
  limit: number;
  name?: string;
  /** lower case on the wire */
  task_type?: 'REALTIME' | 'TIMING';
  status?: '0' | '1';
  execute_status?: string;
}

export async function listTasks(iid: string, p: TaskListParams, signal?: AbortSignal): Promise<Page<TaskSummary>> {
  const params: Record<string, string | number> = { offset: p.offset, limit: p.limit, sort_field: 'CREATED_DATE', sort_type: 'DESC' };
  if (p.name) params.name = p.name;
  if (p.task_type) params.task_type = p.task_type.toLowerCase();
  if (p.status) params.status = p.status;
  if (p.execute_status) params.execute_status = p.execute_status;
  const res = await http.get(fdiPath(iid, '/tasks'), { params, signal });
  const body = parseWith(taskListResponse, res.data, 'task list');
  return { items: body.entities.map(taskSummaryFromWire), total: Math.max(body.total, p.offset + body.entities.length) };
}

const task = (data: unknown) => taskFromWire(parseWith(taskResponse, data, 'task'));
export const getTask = async (iid: string, id: string, signal?: AbortSignal) => task((await http.get(fdiPath(iid, `/tasks/${seg(id)}`), { signal })).data);
export const createTask = async (iid: string, body: CreateTaskRequest) => task((await http.post(fdiPath(iid, '/tasks'), body)).data);
export const updateTask = async (iid: string, id: string, body: CreateTaskRequest) => task((await http.put(fdiPath(iid, `/tasks/${seg(id)}`), body)).data);
export async function deleteTask(iid: string, id: string): Promise<void> {
  await http.delete(fdiPath(iid, `/tasks/${seg(id)}`));
}
/** Trigger one run now. */
export async function runTask(iid: string, id: string): Promise<void> {
  await http.post(fdiPath(iid, `/tasks/${seg(id)}/run`));
}
/** Terminate the running execution. */
export async function terminateTask(iid: string, id: string): Promise<void> {
  await http.post(fdiPath(iid, `/tasks/${seg(id)}/terminate`));
}
/** Start (enable the schedule / stream) or stop tasks; the answer lists each task's result. */
export async function batchTasks(iid: string, action: 'start' | 'stop', ids: readonly string[]): Promise<BatchTaskOperationResponse> {
  const res = await http.post(fdiPath(iid, '/batch-operation/tasks'), { action_id: action, list: ids.map((task_id) => ({ task_id })) });
  return parseWith(batchTaskOperationResponse, res.data, 'batch operation');
}

export interface Dispatch {
  id: string;
  startAt?: number;
  period: string;
  interval?: number;
  useCron: boolean;
  cron: string;
  remark: string;
  nextFireAt?: number;
}
const dispatchFromWire = (d: WireDispatch): Dispatch => ({
  id: d.dispatch_id,
  startAt: normaliseTime(d.start_datetime),
  period: d.period ?? '',
  interval: d.dispatch_interval ?? undefined,
  useCron: d.use_quartz_cron === true,
  cron: d.cron ?? '',
  remark: d.remark ?? '',
  nextFireAt: normaliseTime(d.next_fire_time),
});
/** The schedule of a TIMING task, or null when it has none yet. */
export async function getDispatch(iid: string, taskId: string, signal?: AbortSignal): Promise<Dispatch | null> {
  try {
    const res = await http.get(fdiPath(iid, `/tasks/${seg(taskId)}/dispatches`), { signal });
    if (!res.data || (typeof res.data === 'object' && !('dispatch_id' in res.data))) return null;
    return dispatchFromWire(parseWith(taskDispatch, res.data, 'schedule'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
export async function saveDispatch(iid: string, taskId: string, dispatchId: string | undefined, body: TaskDispatchRequest): Promise<Dispatch> {
  const res = dispatchId
    ? await http.put(fdiPath(iid, `/tasks/${seg(taskId)}/dispatches/${seg(dispatchId)}`), body)
    : await http.post(fdiPath(iid, `/tasks/${seg(taskId)}/dispatches`), body);
  return dispatchFromWire(parseWith(taskDispatch, res.data, 'schedule'));
}

export async function taskStatistics(iid: string, signal?: AbortSignal): Promise<TaskStatisticsResponse['common_task_details']> {
  const res = await http.get(fdiPath(iid, '/statistics/tasks'), { signal });
  return parseWith(taskStatisticsResponse, res.data, 'task statistics').common_task_details;
}

export const taskListQuery = listQueryFactory<TaskListParams, TaskSummary>(taskKeys.list, listTasks);
export const taskDetailQuery = detailQueryFactory<Task>(taskKeys.detail, getTask);
export const dispatchQuery = (iid: string, taskId: string) =>
  queryOptions({ queryKey: taskKeys.sub(iid, taskId, 'dispatch'), queryFn: ({ signal }) => getDispatch(iid, taskId, signal), enabled: !!taskId });
export const taskStatsQuery = (iid: string) =>
  queryOptions({ queryKey: [...taskKeys.all(iid), 'statistics'] as const, queryFn: ({ signal }) => taskStatistics(iid, signal) });
