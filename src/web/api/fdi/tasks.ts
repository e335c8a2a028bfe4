// FDI tasks (fdi.md §2): task_type in either case → upper case, status → a boolean, task_detail
// parsed from / serialised to its camelCase JSON string, times in epoch ms.
import { batchTaskOperationResponse, taskListResponse, taskResponse, taskStatisticsResponse, type BatchTaskOperationResponse, type CreateTaskRequest, type TaskBrief as WireTaskBrief, type TaskResponse, type TaskStatisticsResponse } from '../../../contract/fdi/tasks';
import { parseTaskDetail, type TaskDetailDocument } from '../../../contract/fdi/task-detail';
import type { TaskType } from '../../../contract/fdi/base';
import { queryOptions } from '@tanstack/react-query';
import { detailQueryFactory, listQueryFactory, type Page } from '../factories';
import { http, parseWith } from '../http';
import type { ListParams } from '../keys';
import { seg } from '../project';
import { normaliseTime } from '../time';
import { fdiPath, isStarted, taskKeys, toExecuteStatus, type ExecuteStatus } from './base';

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

export async function taskStatistics(iid: string, signal?: AbortSignal): Promise<TaskStatisticsResponse['common_task_details']> {
  const res = await http.get(fdiPath(iid, '/statistics/tasks'), { signal });
  return parseWith(taskStatisticsResponse, res.data, 'task statistics').common_task_details;
}

export const taskListQuery = listQueryFactory<TaskListParams, TaskSummary>(taskKeys.list, listTasks);
export const taskDetailQuery = detailQueryFactory<Task>(taskKeys.detail, getTask);
export const taskStatsQuery = (iid: string) =>
  queryOptions({ queryKey: [...taskKeys.all(iid), 'statistics'] as const, queryFn: ({ signal }) => taskStatistics(iid, signal) });
