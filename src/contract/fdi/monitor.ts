// FDI monitoring (fdi.md §3): task monitor list, run logs with their steps, overview, dirty rows.
import { z } from 'zod';
import { DATA_SIZE_UNITS, entities, executeStatus, fdiPageQuery, int64, position, positionStatus, taskTypeAnyCase } from './base';

export const taskMonitorQuery = fdiPageQuery.extend({
  task_name: z.string().max(100).optional(),
  execute_status: executeStatus.optional(),
});
export type TaskMonitorQuery = z.input<typeof taskMonitorQuery>;
export const taskMonitorInfo = z.object({
  task_id: z.string(),
  task_name: z.string(),
  task_type: taskTypeAnyCase,
  status: z.union([z.number(), z.string()]).nullish(),
  last_execute_time: int64.nullish(),
  use_quartz_cron: z.boolean().nullish(),
  cron: z.string().nullish(),
  period: z.string().nullish(),
  dispatch_interval: z.number().int().nullish(),
  position: z.string().nullish(),
  execute_status: z.string().nullish(),
  source_app_id: z.string().nullish(),
  source_app_name: z.string().nullish(),
  source_instance_id: z.string().nullish(),
  target_app_id: z.string().nullish(),
  target_app_name: z.string().nullish(),
  target_instance_id: z.string().nullish(),
  ext_type: z.string().nullish(),
  enterprise_project_id: z.string().nullish(),
  task_tag: z.string().nullish(),
});
export type TaskMonitorInfo = z.infer<typeof taskMonitorInfo>;
export const taskMonitorListResponse = entities(taskMonitorInfo);

/** Epoch milliseconds in a query string. */
const queryMs = z.union([z.number().int(), z.string().regex(/^\d{1,15}$/, 'must be epoch milliseconds')]).transform(Number);
export const monitorLogQuery = fdiPageQuery.extend({ begin_time: queryMs.optional(), end_time: queryMs.optional() });
export type MonitorLogQuery = z.input<typeof monitorLogQuery>;

export const monitorDetailLog = z.object({
  id: z.string(),
  status: z.number().int().nullish(),
  position: z.string().nullish(),
  position_status: z.string().nullish(),
  stage: z.string().nullish(),
  dirty_data_count: z.number().int().nullish(),
  data_count: z.number().int().nullish(),
  data_size: z.number().nullish(),
  data_size_unit: z.string().nullish(),
  spend_time: z.number().int().nullish(),
  remarks: z.string().nullish(),
  step_begin_time: int64.nullish(),
  step_end_time: int64.nullish(),
});
export type MonitorDetailLog = z.infer<typeof monitorDetailLog>;
export const monitorDetailLogStrict = monitorDetailLog.extend({
  status: z.number().int(), position: position, position_status: positionStatus, stage: z.string(),
  dirty_data_count: z.number().int(), data_count: z.number().int(), data_size: z.number(),
  data_size_unit: z.enum(DATA_SIZE_UNITS), spend_time: z.number().int(), remarks: z.string(),
  step_begin_time: int64, step_end_time: int64.nullable(),
});

export const monitorLog = z.object({
  id: z.string(),
  start_time: int64.nullish(),
  dispatch_time: int64.nullish(),
  end_time: int64.nullish(),
  execute_status: z.string().nullish(),
  position: z.string().nullish(),
  position_status: z.string().nullish(),
  status: z.number().int().nullish(),
  dirty_data_count: z.number().int().nullish(),
  data_count: z.number().int().nullish(),
  data_size: z.number().nullish(),
  data_size_unit: z.string().nullish(),
  spend_time: int64.nullish(),
  read_spend_time: int64.nullish(),
  write_spend_time: int64.nullish(),
  remarks: z.string().nullish(),
  detail_logs: z.array(monitorDetailLog).nullish(),
  expected_count: z.number().int().nullish(), // (local) source rows to move, when known
});
export type MonitorLog = z.infer<typeof monitorLog>;
export const monitorLogStrict = monitorLog.extend({
  start_time: int64, dispatch_time: int64, end_time: int64.nullable(), execute_status: executeStatus,
  position: position, position_status: positionStatus, status: z.number().int(), dirty_data_count: z.number().int(),
  data_count: z.number().int(), data_size: z.number(), data_size_unit: z.enum(DATA_SIZE_UNITS), spend_time: int64,
  read_spend_time: int64, write_spend_time: int64, remarks: z.string(), detail_logs: z.array(monitorDetailLogStrict),
  expected_count: z.number().int().nullable(),
});
export const monitorLogListResponse = entities(monitorLog);
export type MonitorLogListResponse = z.infer<typeof monitorLogListResponse>;

/** `GET …/tasks/{task_id}/monitor-logs/{tracking_id}` (ShowMonitorLogDetail). */
export const monitorLogDetailResponse = z.object({
  id: z.string(),
  dirty_data_count: z.number().int().nullish(),
  detail_logs: z.array(monitorDetailLog),
});
export type MonitorLogDetailResponse = z.infer<typeof monitorLogDetailResponse>;

/** `GET …/tasks/{task_id}/monitor-overview` (ShowTaskMonitorOverview): run counts. */
export const monitorOverviewResponse = z.object({
  task_name: z.string(),
  total_num: z.number().int(),
  error_num: z.number().int(),
  success_num: z.number().int(),
  running_num: z.number().int(),
  cancel_num: z.number().int(),
});

/** (local) `GET …/tasks/{task_id}/monitor-logs/{tracking_id}/dirty-data`: rows that could not be
 * converted or written, with the reason. Page query as the other monitor endpoints. */
export const dirtyRow = z.object({
  id: z.number().int(),
  position: z.string(),
  reason: z.string(),
  row: z.record(z.string(), z.unknown()),
  created_time: int64,
});
export type DirtyRow = z.infer<typeof dirtyRow>;
export const dirtyRowListResponse = entities(dirtyRow);
