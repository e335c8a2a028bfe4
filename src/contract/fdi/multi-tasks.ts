// FDI combined (multi-table) tasks: create, init, table mappings, reset.
import { z } from 'zod';
import { fdiId, int64, taskType } from './base';
import { columnMappingShape, sqlIdent } from './task-detail';
import { TASK_NAME_PATTERN, TASK_TAG_PATTERN } from './tasks';

const OPERATION_TYPES = ['INSERT', 'UPDATE', 'DELETE'] as const;
const extInfo = z.looseObject({ server_id: z.union([z.string(), z.number()]).nullish() });

export const createMultiTaskRequest = z.strictObject({
  task_name: z.string().min(3).max(100).regex(TASK_NAME_PATTERN, 'starts with a letter or digit; letters, digits, . _ -'),
  task_id: z.string().min(3).max(50).optional(),
  task_type: taskType.optional(),
  description: z.string().min(1).max(1024).optional(),
  task_tag: z.string().min(4).max(64).regex(TASK_TAG_PATTERN, 'letters, digits, - and _').optional(),
  operation_types: z.array(z.enum(OPERATION_TYPES)).min(1).max(3),
  source_app_id: z.string().max(64).optional(),
  target_app_id: z.string().max(64).optional(),
});
export type CreateMultiTaskRequest = z.input<typeof createMultiTaskRequest>;
export const updateMultiTaskRequest = z.strictObject({
  description: z.string().max(1024).optional(),
  task_tag: z.string().max(64).regex(TASK_TAG_PATTERN, 'letters, digits, - and _').optional(),
  operation_types: z.array(z.enum(OPERATION_TYPES)).min(1).max(3),
  repulling_snapshot: z.boolean(),
});
export type UpdateMultiTaskRequest = z.input<typeof updateMultiTaskRequest>;
export const multiTaskIdResponse = z.object({ task_id: z.string() });

/** `MultiTaskInitBody`; the vendor example sends nulls for the optional fields. */
export const multiTaskInitRequest = z.strictObject({
  ext_info: extInfo.nullish(),
  source_datasource_id: fdiId,
  target_datasource_id: fdiId,
  task_id: z.string().max(64).nullish(),
  auto_mapping: z.boolean().nullish(),
});
export type MultiTaskInitRequest = z.input<typeof multiTaskInitRequest>;

export const multiTaskColumn = z.object({ field_name: z.string(), field_type: z.string().nullish(), field_length: z.string().nullish() });
export const mappingInfo = z.object({
  source_column: z.string(),
  source_column_type: z.string().nullish(),
  source_column_length: z.string().nullish(),
  target_column: z.string(),
  target_column_type: z.string().nullish(),
  target_column_length: z.string().nullish(),
});
export const MAPPING_STATUSES = ['AUTO', 'MANUAL', 'ADD', 'UPDATE', 'DELETE', 'USING'] as const;
export const multiTaskMapping = z.object({
  id: z.string(),
  source_table: z.string(),
  target_table: z.string(),
  updated_time: int64.nullish(),
  mapping_percent: int64.nullish(),
  status: z.string().nullish(),
  source_columns: z.array(multiTaskColumn).nullish(),
  target_columns: z.array(multiTaskColumn).nullish(),
  mapping: z.array(mappingInfo).nullish(),
});
export type MultiTaskMapping = z.infer<typeof multiTaskMapping>;
export const multiTaskInitElement = z.object({
  ext_info: extInfo.nullish(),
  task_id: z.string(),
  source_datasource_id: z.string().nullish(),
  target_datasource_id: z.string().nullish(),
  source_group: z.string().nullish(),
  target_group: z.string().nullish(),
  source_ds_id: z.string().nullish(),
  target_ds_id: z.string().nullish(),
  source_instance_id: z.string().nullish(),
  target_instance_id: z.string().nullish(),
  source_app_id: z.string().nullish(),
  target_app_id: z.string().nullish(),
  source_datasource_name: z.string().nullish(),
  target_datasource_name: z.string().nullish(),
  source_datasource_type: z.string().nullish(),
  target_datasource_type: z.string().nullish(),
  mappings: z.array(multiTaskMapping).nullish(),
  mappings_total_count: int64.nullish(),
});
export type MultiTaskInitElement = z.infer<typeof multiTaskInitElement>;
/** InstallMultiTasks answers a bare JSON array. */
export const multiTaskInitResponse = z.array(multiTaskInitElement);

const mappingInfoRequest = z.strictObject(columnMappingShape);
const columnRequest = z.strictObject({ field_name: sqlIdent, field_type: z.string().max(64).optional(), field_length: z.string().max(32).optional() });
export const createMultiTaskMappingRequest = z.strictObject({
  ext_info: extInfo.nullish(),
  source_datasource_id: fdiId,
  target_datasource_id: fdiId,
  source_columns: z.array(columnRequest).max(1000).optional(),
  target_columns: z.array(columnRequest).max(1000).optional(),
  source_table: sqlIdent,
  target_table: sqlIdent,
  mapping_columns: z.array(mappingInfoRequest).max(1000).optional(),
});
export type CreateMultiTaskMappingRequest = z.input<typeof createMultiTaskMappingRequest>;
export const multiTaskMappingIdResponse = z.object({ mapping_id: z.string() });
export const resetMultiTaskRequest = z.strictObject({ date_from: int64.min(0).optional() });
export const messageResponse = z.object({ message: z.string() });
