// FDI monitoring (fdi.md §3, fdi-link-details §2): task monitors, runs (monitor logs) with their
// steps, dirty rows. The monitoring endpoints page by PAGE NUMBER from 1: callers pass a row
// offset like everywhere else and it is turned into a page number here, once.
import { queryOptions } from '@tanstack/react-query';
import { dirtyRowListResponse, monitorLogDetailResponse, monitorLogListResponse, taskMonitorListResponse, type MonitorDetailLog, type MonitorLog, type TaskMonitorInfo } from '../../../contract/fdi/monitor';
import type { Page } from '../factories';
import { http, parseWith } from '../http';
import { seg } from '../project';
import { normaliseTime } from '../time';
import { fdiPath, isStarted, taskKeys, toExecuteStatus, type ExecuteStatus } from './base';

/** Row offset → the monitor endpoints' 1-based page number (offset must be a multiple of limit). */
export const pageNumber = (offset: number, limit: number): number => Math.floor(Math.max(0, offset) / Math.max(1, limit)) + 1;

export interface TaskMonitor {
  id: string;
  name: string;
  started: boolean;
  lastRunAt?: number;
  position: string;
  executeStatus: ExecuteStatus;
}
const monitorFromWire = (m: TaskMonitorInfo): TaskMonitor => ({
  id: m.task_id,
  name: m.task_name,
  started: isStarted(m.status),
  lastRunAt: normaliseTime(m.last_execute_time),
  position: m.position ?? '',
  executeStatus: toExecuteStatus(m.execute_status),
});

/** Last run of every task on one page of the monitor list (one request for the visible tasks). */
export async function listTaskMonitors(iid: string, p: { offset: number; limit: number }, signal?: AbortSignal): Promise<Page<TaskMonitor>> {
  const res = await http.get(fdiPath(iid, '/task-monitors'), { params: { offset: pageNumber(p.offset, p.limit), limit: p.limit }, signal });
  const body = parseWith(taskMonitorListResponse, res.data, 'task monitor list');
  return { items: body.entities.map(monitorFromWire), total: body.total };
}

export interface RunStep {
  id: string;
  code?: number;
  position: string;
  positionStatus: string;
  stage: string;
  rows: number;
  dirty: number;
  spendMs?: number;
  remarks: string;
  beganAt?: number;
  endedAt?: number;
}
const stepFromWire = (s: MonitorDetailLog): RunStep => ({
  id: s.id,
  code: s.status ?? undefined,
  position: s.position ?? '',
  positionStatus: s.position_status ?? '',
  stage: s.stage ?? '',
  rows: s.data_count ?? 0,
  dirty: s.dirty_data_count ?? 0,
  spendMs: s.spend_time ?? undefined,
  remarks: s.remarks ?? '',
  beganAt: normaliseTime(s.step_begin_time),
  endedAt: normaliseTime(s.step_end_time),
});

export interface Run {
  id: string;
  executeStatus: ExecuteStatus;
  position: string;
  positionStatus: string;
  code?: number;
  startedAt?: number;
  endedAt?: number;
  /** rows written */
  written: number;
  dirty: number;
  /** rows read: the READER steps' count when the service reports it, else written + dirty */
  read: number;
  dataSize: number;
  dataSizeUnit: string;
  spendMs: number;
  remarks: string;
  /** rows the run will move, when the service knows (roma-local); the real cloud does not say */
  expected?: number;
  steps: RunStep[];
}

export function runFromWire(l: MonitorLog): Run {
  const steps = (l.detail_logs ?? []).map(stepFromWire);
  const written = l.data_count ?? 0;
  const dirty = l.dirty_data_count ?? 0;
  const readerRows = steps.filter((s) => s.position === 'READER').reduce((m, s) => Math.max(m, s.rows), 0);
  return {
    id: l.id,
    executeStatus: toExecuteStatus(l.execute_status),
    position: l.position ?? '',
    positionStatus: l.position_status ?? '',
    code: l.status ?? undefined,
    startedAt: normaliseTime(l.start_time),
    endedAt: normaliseTime(l.end_time),
    written,
    dirty,
    read: Math.max(readerRows, written + dirty),
    dataSize: l.data_size ?? 0,
    dataSizeUnit: l.data_size_unit ?? 'B',
    spendMs: l.spend_time ?? 0,
    remarks: l.remarks ?? '',
    expected: l.expected_count ?? undefined,
    steps,
  };
}

export const isActive = (s: ExecuteStatus): boolean => s === 'RUNNING' || s === 'WAITING';

/** The runs of a task, newest first. */
export async function listRuns(iid: string, taskId: string, p: { offset: number; limit: number }, signal?: AbortSignal): Promise<Page<Run>> {
  const res = await http.get(fdiPath(iid, `/tasks/${seg(taskId)}/monitor-logs`), {
    params: { offset: pageNumber(p.offset, p.limit), limit: p.limit },
    signal,
  });
  const body = parseWith(monitorLogListResponse, res.data, 'run list');
  return { items: body.entities.map(runFromWire), total: body.total };
}

export async function getRunSteps(iid: string, taskId: string, runId: string, signal?: AbortSignal): Promise<RunStep[]> {
  const res = await http.get(fdiPath(iid, `/tasks/${seg(taskId)}/monitor-logs/${seg(runId)}`), { signal });
  return parseWith(monitorLogDetailResponse, res.data, 'run detail').detail_logs.map(stepFromWire);
}

export interface DirtyRow {
  id: number;
  position: string;
  reason: string;
  row: Record<string, unknown>;
  at?: number;
}
export async function listDirtyRows(
  iid: string,
  taskId: string,
  runId: string,
  p: { offset: number; limit: number },
  signal?: AbortSignal,
): Promise<Page<DirtyRow>> {
  const res = await http.get(fdiPath(iid, `/tasks/${seg(taskId)}/monitor-logs/${seg(runId)}/dirty-data`), {
    params: { offset: pageNumber(p.offset, p.limit), limit: p.limit },
    signal,
  });
  const body = parseWith(dirtyRowListResponse, res.data, 'dirty rows');
  return { items: body.entities.map((d) => ({ id: d.id, position: d.position, reason: d.reason, row: d.row, at: normaliseTime(d.created_time) })), total: body.total };
}

// ---------------------------------------------------------------- status-aware polling

/** Every second while a run is in progress; every 5 s for two minutes after it ended (late logs); then every 30 s. */
export const ACTIVE_POLL_MS = 1000;
export const SETTLING_POLL_MS = 5000;
export const IDLE_POLL_MS = 30_000;
const SETTLING_FOR_MS = 2 * 60_000;

export function runPollInterval(run: Pick<Run, 'executeStatus' | 'endedAt'> | undefined, now = Date.now()): number {
  if (!run) return IDLE_POLL_MS;
  if (isActive(run.executeStatus)) return ACTIVE_POLL_MS;
  if (run.endedAt !== undefined && now - run.endedAt < SETTLING_FOR_MS) return SETTLING_POLL_MS;
  return IDLE_POLL_MS;
}

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/** refetchInterval for a query whose data tells whether something runs; nothing in a hidden tab. */
export function statusPoll<D>(intervalOf: (data: D | undefined) => number) {
  return {
    refetchInterval: (q: { state: { data: D | undefined } }): number | false => (hidden() ? false : intervalOf(q.state.data)),
    refetchIntervalInBackground: false,
  } as const;
}

export const runsKey = (iid: string, taskId: string, p: { offset: number; limit: number }) =>
  [...taskKeys.sub(iid, taskId, 'runs'), p.offset, p.limit] as const;

export const runListQuery = (iid: string, taskId: string, p: { offset: number; limit: number }) =>
  queryOptions({
    queryKey: runsKey(iid, taskId, p),
    queryFn: ({ signal }) => listRuns(iid, taskId, p, signal),
    ...statusPoll<Page<Run>>((d) => Math.min(...(d?.items.slice(0, 1).map((r) => runPollInterval(r)) ?? [IDLE_POLL_MS]), IDLE_POLL_MS)),
  });

export const dirtyRowsQuery = (iid: string, taskId: string, runId: string, p: { offset: number; limit: number }, active: boolean) =>
  queryOptions({
    queryKey: [...taskKeys.sub(iid, taskId, 'dirty'), runId, p.offset, p.limit] as const,
    queryFn: ({ signal }) => listDirtyRows(iid, taskId, runId, p, signal),
    enabled: !!runId,
    ...statusPoll<Page<DirtyRow>>(() => (active ? ACTIVE_POLL_MS * 2 : IDLE_POLL_MS)),
  });

export const taskMonitorsQuery = (iid: string, p: { offset: number; limit: number }) =>
  queryOptions({
    queryKey: [...taskKeys.all(iid), 'monitors', p.offset, p.limit] as const,
    queryFn: ({ signal }) => listTaskMonitors(iid, p, signal),
    ...statusPoll<Page<TaskMonitor>>((d) => (d?.items.some((m) => isActive(m.executeStatus)) ? ACTIVE_POLL_MS : IDLE_POLL_MS)),
  });

/** The steps of one run (ShowMonitorLogDetail), for services whose run list omits detail_logs. */
export const runStepsQuery = (iid: string, taskId: string, runId: string, enabled: boolean, active: boolean) =>
  queryOptions({
    queryKey: [...taskKeys.sub(iid, taskId, 'steps'), runId] as const,
    queryFn: ({ signal }) => getRunSteps(iid, taskId, runId, signal),
    enabled: enabled && !!runId,
    ...statusPoll<RunStep[]>(() => (active ? ACTIVE_POLL_MS : IDLE_POLL_MS)),
  });
