// FDI tasks (fdi.md §2): create/update, list, start/stop, schedules and statistics.
import { z } from 'zod';
import { entities, executeStatus, fdiOffsetLimitQuery, fdiId, int64, period, sortType, taskType, taskTypeAnyCase } from './base';
import { taskDetailString } from './task-detail';
import { issueReporter } from '../refine';

export const TASK_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const TASK_TAG_PATTERN = /^[A-Za-z0-9_-]*$/;
export const taskName = z.string().min(3).max(100).regex(TASK_NAME_PATTERN, 'starts with a letter or digit; letters, digits, . _ -');

export const taskBasicRequest = z.strictObject({
  task_name: taskName,
  task_type: taskType,
  source_datasource_id: fdiId,
  target_datasource_id: fdiId,
  description: z.string().max(1024).optional(), // (chosen)
  task_tag: z.string().max(64).regex(TASK_TAG_PATTERN, 'letters, digits, - and _').optional(),
});
export const createTaskRequest = z.strictObject({ task: taskBasicRequest, task_detail: taskDetailString });
export type CreateTaskRequest = z.input<typeof createTaskRequest>;
export const updateTaskRequest = createTaskRequest;
export type UpdateTaskRequest = CreateTaskRequest;

/** `TaskBasicRsp` (task_type lower case, status stop|running). */
export const taskBasic = z.object({
  task_id: z.string(),
  task_name: z.string(),
  task_type: taskTypeAnyCase,
  status: z.string().nullish(),
  project_id: z.string().nullish(),
  source_datasource_id: z.string().nullish(),
  target_datasource_id: z.string().nullish(),
  source_datasource_name: z.string().nullish(),
  target_datasource_name: z.string().nullish(),
  source_app_id: z.string().nullish(),
  target_app_id: z.string().nullish(),
  source_app_name: z.string().nullish(),
  target_app_name: z.string().nullish(),
  created_date: int64.nullish(),
  last_modified_date: int64.nullish(),
  description: z.string().nullish(),
  task_tag: z.string().nullish(),
});
export type TaskBasic = z.infer<typeof taskBasic>;
export const taskBasicStrict = taskBasic.extend({
  task_type: z.enum(['realtime', 'timing']),
  status: z.enum(['stop', 'running']),
  project_id: z.string(),
  source_datasource_id: z.string(),
  target_datasource_id: z.string(),
  source_datasource_name: z.string(),
  target_datasource_name: z.string(),
  source_app_id: z.string(),
  target_app_id: z.string(),
  source_app_name: z.string(),
  target_app_name: z.string(),
  created_date: int64,
  last_modified_date: int64,
  description: z.string(),
  task_tag: z.string(),
});
/** Show/create/update answer: `{ task, task_detail }` with task_detail a string. */
export const taskResponse = z.object({ task: taskBasic, task_detail: z.string().nullish() });
export type TaskResponse = z.infer<typeof taskResponse>;
export const taskResponseStrict = z.object({ task: taskBasicStrict, task_detail: z.string() });

export const taskListQuery = fdiOffsetLimitQuery.extend({
  task_id: z.string().max(64).optional(),
  name: z.string().max(100).optional(),
  status: z.enum(['0', '1']).optional(),
  task_type: z.string().transform((s) => s.toUpperCase()).pipe(taskType).optional(),
  source_datasource_id: z.string().max(64).optional(),
  target_datasource_id: z.string().max(64).optional(),
  sort_field: z.enum(['CREATED_DATE', 'STATUS']).optional(),
  sort_type: sortType.optional(),
  execute_status: executeStatus.optional(),
  source_app_id: z.string().max(64).optional(),
  target_app_id: z.string().max(64).optional(),
  task_tag: z.string().max(64).optional(),
});
export type TaskListQuery = z.input<typeof taskListQuery>;

/** `BriefTaskRespBean` (task_type upper case, status 0|1 integer). */
export const taskBrief = z.object({
  task_id: z.string(),
  task_name: z.string(),
  task_type: taskTypeAnyCase,
  status: z.union([z.number(), z.string()]).nullish(),
  created_date: z.union([z.string(), z.number()]).nullish(),
  version: z.string().nullish(),
  last_modified_time: int64.nullish(),
  execute_status: z.string().nullish(),
  source_app_id: z.string().nullish(),
  target_app_id: z.string().nullish(),
  source_instance_id: z.string().nullish(),
  target_instance_id: z.string().nullish(),
  ext_type: z.string().nullish(),
  enterprise_project_id: z.string().nullish(),
  task_tag: z.string().nullish(),
});
export type TaskBrief = z.infer<typeof taskBrief>;
export const taskBriefStrict = taskBrief.extend({
  task_type: taskType,
  status: z.union([z.literal(0), z.literal(1)]),
  created_date: z.string(),
  execute_status: executeStatus,
  last_modified_time: int64,
});
export const taskListResponse = entities(taskBrief);
export type TaskListResponse = z.infer<typeof taskListResponse>;

export const terminateTaskResponse = z.object({ message: z.string() });

export const batchTaskOperationRequest = z.strictObject({
  action_id: z.enum(['start', 'stop']),
  list: z.array(z.strictObject({ task_id: z.string().max(64) })).max(100), // empty list → FDI.3150
});
export type BatchTaskOperationRequest = z.input<typeof batchTaskOperationRequest>;
const batchItem = z.object({
  task_id: z.string(), task_name: z.string().nullish(), error_code: z.string().nullish(), error_msg: z.string().nullish(),
});
export const batchTaskOperationResponse = z.object({
  success_count: z.number().int(),
  failure_count: z.number().int(),
  success: z.array(batchItem),
  failure: z.array(batchItem),
});
export type BatchTaskOperationResponse = z.infer<typeof batchTaskOperationResponse>;

/** `TaskDispatch` (create/update). Either period + dispatch_interval, or use_quartz_cron + cron. */
export const taskDispatchRequest = z
  .strictObject({
    start_datetime: int64.min(0).optional(),
    period: z.union([period, z.literal('')]).optional(),
    dispatch_interval: int64.min(1).max(1_000_000).optional(),
    remark: z.string().max(1024).optional(),
    use_quartz_cron: z.boolean().optional(),
    cron: z.string().max(255).optional(),
  })
  .superRefine((v, ctx) => {
    const issue = issueReporter(ctx);
    if (v.use_quartz_cron) {
      if (!v.cron?.trim()) issue(['cron'], 'required when use_quartz_cron is true');
      return;
    }
    if (!v.period) issue(['period'], 'required unless use_quartz_cron is true');
    if (v.dispatch_interval === undefined) issue(['dispatch_interval'], 'required unless use_quartz_cron is true');
  });
export type TaskDispatchRequest = z.input<typeof taskDispatchRequest>;
export const taskDispatch = z.object({
  dispatch_id: z.string(),
  task_id: z.string(),
  start_datetime: int64.nullish(),
  period: z.string().nullish(),
  dispatch_interval: int64.nullish(),
  remark: z.string().nullish(),
  use_quartz_cron: z.boolean().nullish(),
  cron: z.string().nullish(),
  created_date: int64.nullish(),
  last_modified_date: int64.nullish(),
  next_fire_time: int64.nullish(), // (local) when the scheduler will run it next
});
export type TaskDispatch = z.infer<typeof taskDispatch>;

const stats = z.object({
  running_tasks_count: z.number().int(),
  abnormal_tasks_count: z.number().int(),
  terminated_tasks_count: z.number().int(),
  completed_tasks_count: z.number().int(),
});
export const taskStatisticsResponse = z.object({ common_task_details: stats, cdc_task_details: stats });
export type TaskStatisticsResponse = z.infer<typeof taskStatisticsResponse>;
