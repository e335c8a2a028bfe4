// FDI data integration (fdi.md, fdi-link-details.md). Request schemas are strict, response
// schemas lenient (vendor quirks: task_type case differs per endpoint, port is a string, monitor
// `offset` is a page number from 1); `*Strict` variants describe what roma-local sends.
// Limits the reference leaves open are marked (chosen). roma-local extensions are marked (local).
import { z } from 'zod';
import { listEnvelope, queryInt } from './common';

// ---------------------------------------------------------------- enums

export const DATASOURCE_TYPES = [
  'DWS', 'MYSQL', 'KAFKA', 'API', 'OBS', 'SAP', 'MRSHBASE', 'MRSHDFS', 'MRSHIVE', 'WEBSOCKET', 'SQLSERVER', 'ORACLE',
  'POSTGRESQL', 'REDIS', 'MONGODB', 'DIS', 'HL7', 'RABBITMQ', 'SNMP', 'IBMMQ', 'CUSTOMIZED', 'ACTIVEMQ', 'ARTEMISMQ',
  'FTP', 'HIVE', 'HANA', 'FIKAFKA', 'MRSKAFKA', 'FIHDFS', 'FIHIVE', 'GAUSS200', 'GAUSS100', 'LDAP', 'DB2', 'TAURUS',
] as const;
/** roma-local's own file database type (local): not a vendor type, offered only where the service lists it. */
export const LOCAL_DATASOURCE_TYPES = ['SQLITE'] as const;
export const datasourceType = z.enum([...DATASOURCE_TYPES, ...LOCAL_DATASOURCE_TYPES]);
export type DatasourceType = z.infer<typeof datasourceType>;

export const TASK_TYPES = ['REALTIME', 'TIMING'] as const;
export const taskType = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof taskType>;
/** Any casing the vendor answers with (`realtime`, `TIMING`), normalised to upper case. */
export const taskTypeAnyCase = z.string().transform((s) => s.toUpperCase()).pipe(taskType);

export const EXECUTE_STATUSES = ['UNSTARTED', 'WAITING', 'RUNNING', 'SUCCESS', 'CANCELLED', 'ERROR'] as const;
export const executeStatus = z.enum(EXECUTE_STATUSES);
export type ExecuteStatus = z.infer<typeof executeStatus>;
export const POSITIONS = ['ADAPTER', 'READER', 'WRITER'] as const;
export const position = z.enum(POSITIONS);
export const POSITION_STATUSES = ['NORMAL', 'NODE_END', 'RUNTIME_CANCEL', 'TASK_END', 'RUNTIME_ERR', 'INTERNAL_ERR'] as const;
export const positionStatus = z.enum(POSITION_STATUSES);
export const DATA_SIZE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
export const PERIODS = ['MIN', 'HOUR', 'DAY', 'WEEK', 'MON'] as const;
export const period = z.enum(PERIODS);

/** Detailed monitor status codes (fdi.md §3): reader 100-499, writer 500-899, others 900+. */
export const MONITOR_CODES = {
  16: 'forcibly cancelled', 99: 'task started', 100: 'reader started', 101: 'reader finished', 102: 'reading data',
  103: 'source-side error', 104: 'reading completed', 105: 'read 0 records', 106: 'read task forcibly cancelled',
  107: 'interrupted inside the reader plugin', 108: 'read task resumed', 500: 'writer started', 501: 'writer finished',
  502: 'writing data', 503: 'target-side error', 504: 'writing completed', 505: 'write task forcibly cancelled',
  506: 'interrupted inside the writer plugin', 507: 'write task resumed', 900: 'schedule request received',
  901: 'task run finished', 902: 'integrity check in progress', 903: 'integrity check result',
  904: 'data missing, compensation in progress', 905: 'compensation result', 906: 'read task queued',
  907: 'read task rejected: previous schedule not finished', 908: 'write task queued',
  909: 'write task rejected: previous schedule not finished', 911: 'read task did not start',
  912: 'write task did not start', 913: 'schedule request failed', 914: 'task rejected: previous schedule not finished',
  915: 'task running abnormally', 916: 'task log reporting failed',
} as const satisfies Record<number, string>;
/** The fdi.md UI grouping of codes. */
export function monitorCodeGroup(code: number): 'error' | 'cancelled' | 'queued' | 'skipped' | 'normal' {
  if ([103, 503, 911, 912, 913, 915, 916].includes(code)) return 'error';
  if ([16, 106, 505].includes(code)) return 'cancelled';
  if ([906, 908].includes(code)) return 'queued';
  if ([907, 909, 914].includes(code)) return 'skipped';
  return 'normal';
}

// ---------------------------------------------------------------- paging

/** Data sources and tasks: row offset, negative coerced to 0; limit > 999 answered as 999. */
export const FDI_MAX_LIMIT = 999;
export const fdiOffsetLimitQuery = z.object({
  offset: queryInt.transform((n) => Math.max(0, n)).optional(),
  limit: queryInt.pipe(z.number().min(1)).transform((n) => Math.min(FDI_MAX_LIMIT, n)).optional(),
});
/** Monitoring endpoints: `offset` is a PAGE NUMBER from 1 (0 treated as 1), rows skipped = (offset-1)·limit. */
export const fdiPageQuery = z.object({
  offset: queryInt.pipe(z.number().min(0)).transform((n) => Math.max(1, n)).optional(),
  limit: queryInt.pipe(z.number().min(1)).transform((n) => Math.min(FDI_MAX_LIMIT, n)).optional(),
});
const entities = <T extends z.ZodType>(item: T) => listEnvelope('entities', item);
const sortType = z.enum(['ASC', 'DESC']);
const id = z.string().min(1).max(64); // (chosen)
const int64 = z.number().int();

// ---------------------------------------------------------------- data sources

export const DATASOURCE_NAME_PATTERN = /^[^&<>"'()]+$/;
export const datasourceName = z.string().trim().min(1).max(255).regex(DATASOURCE_NAME_PATTERN, 'must not contain & < > " \' ( )');
/** `port` is a string on the wire; a number is accepted and turned into one. */
export const portString = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,5}$/, 'port must be 0-65535').refine((s) => Number(s) <= 65535, 'port must be 0-65535'));

const str = z.string().max(4096); // (chosen) generic limit for connection strings
const secret = z.string().max(1024); // (chosen)

/** `Content` — connection settings; which fields apply depends on the type (fdi.md §1). */
export const datasourceContent = z.strictObject({
  host: str.optional(),
  port: portString.optional(),
  database_name: str.optional(),
  user_name: str.optional(),
  password: secret.optional(),
  mode: z.enum(['default', 'professional', 'multiAddress']).optional(),
  url: str.optional(),
  cdc_mode: z.enum(['xstream', 'logminer']).optional(),
  multi_oracle_address: z.array(z.strictObject({ oracle_address: str, oracle_port: portString })).max(32).optional(),
  oracle_service_name: str.optional(),
  encoding: z.string().max(32).optional(),
  mysql_timeout: z.number().int().min(0).max(3600).optional(),
  gauss100_version: z.enum(['V100R003C20', 'V300R001C00']).optional(),
  redis_database: str.optional(),
  address: str.optional(),
  mongodb_auth_source: str.optional(),
  mongodb_cluster_enable: z.boolean().optional(),
  mongodb_replica_set: str.optional(),
  ak: secret.optional(),
  sk: secret.optional(),
  bucket_name: str.optional(),
  https: z.boolean().optional(),
  broker: str.optional(),
  ssl: z.boolean().optional(),
  ssl_enable: z.boolean().optional(),
  ssl_username: str.optional(),
  ssl_password: secret.optional(),
  trust_store: str.optional(),
  trust_store_password: secret.optional(),
  trust_store_file_type: z.enum(['jks', 'ts']).optional(),
  ssl_auth_method: z.enum(['one-way', 'two-way']).optional(),
  key_store: str.optional(),
  key_store_file_type: z.enum(['ks', 'jks']).optional(),
  key_store_password: secret.optional(),
  key_store_key_password: secret.optional(),
  ftp_connect_mode: z.enum(['active', 'passive']).optional(),
  ftp_protocol: z.enum(['sftp', 'ftp']).optional(),
  api_method: z.enum(['POST', 'PUT', 'DELETE', 'PATCH', 'GET']).optional(),
  auth_method: z.enum(['none', 'basicauth']).optional(),
  api_auth_detail: z.record(z.string(), z.union([z.string(), z.null()])).optional(),
  dis_tunnel_name: str.optional(),
  dis_data_type: z.enum(['JSON']).optional(),
  dis_setting_type: z.enum(['basic', 'senior']).optional(),
  dis_endpoint: str.optional(),
  dis_region: str.optional(),
  dis_source_project_id: str.optional(),
  hl7_position: z.enum(['source', 'target']).optional(),
  hl7_whitelist_enable: z.boolean().optional(),
  hl7_whitelist: str.optional(),
  ldap_security_auth_type: z.enum(['no', 'simple']).optional(),
  rabbitmq_virtual_host: str.optional(),
  rabbitmq_ssl_protocol: z.enum(['TLS']).optional(),
  sap_client: str.optional(),
  sap_sysnr: str.optional(),
  snmp_network_protocol: z.enum(['udp', 'tcp']).optional(),
  snmp_version: z.union([z.literal(0), z.literal(1), z.literal(3), z.enum(['0', '1', '3'])]).optional(),
  snmp_community: str.optional(),
  ibmmq_ccs_id: str.optional(),
  ibmmq_queue_manager: str.optional(),
  ibmmq_channel: str.optional(),
  ibmmq_cipher_suite: str.optional(),
  hdfs_path: str.optional(),
  principal_name: str.optional(),
  config_file_name: str.optional(),
  config_file_content: z.string().max(1_000_000).optional(),
  connection_instance_id: str.optional(),
  connector_params: z.unknown().optional(),
});
export type DatasourceContent = z.output<typeof datasourceContent>;

/** Relational types that need host/port/database (default mode) or url (professional). */
const NEEDS_ADDRESS = new Set(['MYSQL', 'POSTGRESQL', 'SQLSERVER', 'DB2', 'GAUSS200', 'GAUSS100', 'TAURUS', 'DWS', 'HANA', 'HIVE']);

/** `DatasourceInfo` — create, update and test-connect body. */
export const datasourceInfo = z
  .strictObject({
    datasource_name: datasourceName,
    datasource_type: datasourceType,
    app_id: id,
    content: datasourceContent,
    description: z.string().max(1024).optional(), // (chosen)
  })
  .superRefine((v, ctx) => {
    const c = v.content;
    if (v.datasource_type === 'SQLITE') {
      if (!c.database_name) ctx.addIssue({ code: 'custom', path: ['content', 'database_name'], message: 'required: a file name inside the FDI data folder' });
      return;
    }
    if (!NEEDS_ADDRESS.has(v.datasource_type)) return;
    if (c.mode === 'professional') {
      if (!c.url) ctx.addIssue({ code: 'custom', path: ['content', 'url'], message: 'required in professional mode' });
      return;
    }
    for (const k of ['host', 'port', 'database_name'] as const) {
      if (!c[k]) ctx.addIssue({ code: 'custom', path: ['content', k], message: 'required in default mode' });
    }
  });
export type DatasourceInfo = z.input<typeof datasourceInfo>;

export const datasourceListQuery = fdiOffsetLimitQuery.extend({
  datasource_type: z.string().max(32).optional(),
  sort_field: z.enum(['CREATED_DATE']).optional(),
  sort_type: sortType.optional(),
  name: z.string().max(255).optional(),
  app_id: z.string().max(64).optional(),
  custom_plugin_id: z.string().max(64).optional(),
});
export type DatasourceListQuery = z.input<typeof datasourceListQuery>;

export const APP_PERMISSIONS = ['read', 'access', 'delete', 'modify'] as const;

/** `DataSourceRsp`. Passwords are never echoed: roma-local sends `password` as "" (local). */
export const datasource = z.object({
  datasource_id: z.string(),
  datasource_name: z.string(),
  datasource_type: z.string(),
  vpc_id: z.string().nullish(),
  app_id: z.string().nullish(),
  app_name: z.string().nullish(),
  instance_id: z.string().nullish(),
  create_time: int64.nullish(),
  update_time: int64.nullish(),
  custom_plugin_id: z.string().nullish(),
  content: z.looseObject({ port: z.union([z.string(), z.number()]).nullish() }).nullish(),
  description: z.string().nullish(),
  app_permission: z.array(z.string()).nullish(),
});
export type Datasource = z.infer<typeof datasource>;
export const datasourceStrict = datasource.extend({
  datasource_type: datasourceType,
  vpc_id: z.string(),
  app_id: z.string(),
  app_name: z.string(),
  instance_id: z.string(),
  create_time: int64,
  update_time: int64,
  custom_plugin_id: z.string(),
  content: z.looseObject({ port: z.string().optional(), password: z.literal('').optional() }),
  description: z.string(),
  app_permission: z.array(z.enum(APP_PERMISSIONS)),
});
export const datasourceListResponse = entities(datasource);
export type DatasourceListResponse = z.infer<typeof datasourceListResponse>;

export const testConnectResponse = z.object({ result: z.boolean() });

export const tablePosition = z.enum(['SOURCE', 'TARGET']);
export const datasourceTablesQuery = z.object({
  position: tablePosition,
  db_name: z.string().max(255).optional(),
  db_schema: z.string().max(255).optional(),
  filter: z.string().max(255).optional(),
});
export const datasourceTablesResponse = z.object({ tables: z.array(z.string()) });
export const datasourceColumnsQuery = z.object({
  position: tablePosition,
  db_name: z.string().max(255).optional(),
  table_name: z.string().min(1).max(255),
});
/** `ColumnInfo`; flags are strings ("0"/"1"). */
export const columnInfo = z.object({
  field_name: z.string(),
  field_type: z.string().nullish(),
  field_length: z.string().nullish(),
  null_able: z.string().nullish(),
  is_partition: z.boolean().nullish(),
  primary: z.string().nullish(),
  unique: z.string().nullish(),
  decimal_digits: z.string().nullish(),
});
export type ColumnInfo = z.infer<typeof columnInfo>;
export const datasourceColumnsResponse = z.object({ columns: z.array(columnInfo) });

/** (local) `GET …/fdi/instances/{i}/connector-types`: which types this service can test and run.
 * The real cloud has no such route (404): the console then offers the vendor list without SQLITE. */
export const connectorTypesResponse = z.object({
  datasource_types: z.array(z.object({ datasource_type: z.string(), runnable: z.boolean(), local_extension: z.boolean() })),
});
export type ConnectorTypesResponse = z.infer<typeof connectorTypesResponse>;

// ---------------------------------------------------------------- task_detail document

/** Accepted spellings → the key roma-local stores and answers with (the vendor's camelCase example 1.3a). */
const ALIASES: Record<string, string> = {
  source_selected_datasource: 'sourceSelectedDatasource',
  target_selected_datasource: 'targetSelectedDatasource',
  mapping_table: 'mappingTable',
  mapping_table_properties: 'mappingTableProperties',
  mapping_required: 'mappingRequired',
  mapping_source_textornot: 'mappingSourceTextOrNot',
  mapping_input: 'mappingInput',
  errorHandler: 'error_handler',
  source_table: 'sourceTable',
  source_selected_column_list: 'sourceSelectedColumnList',
  where_options: 'whereOptions',
  is_add_sql: 'isAddSql',
  query_sql: 'querySql',
  order_column: 'orderColumn',
  order_type: 'orderType',
  needIncMigration: 'need_inc_migration',
  source_date_column: 'sourceDateColumn',
  data_timestamp: 'dataTimestamp',
  batch_size: 'batchSize',
  target_table: 'targetTable',
  target_need_create_table: 'targetNeedCreateTable',
  is_support_clear_tab: 'isSupportClearTab',
  batch_number: 'batchNumber',
};
function canonicalKeys(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    const key = ALIASES[k] ?? k;
    if (key in out && k !== key) continue; // the canonical spelling wins over an alias
    out[key] = val;
  }
  return out;
}
const canonical = <T extends z.ZodType>(s: T) => z.preprocess(canonicalKeys, s);

const flag = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
const sqlIdent = z.string().min(1).max(255); // quoted by the connector, never spliced raw
const scalar = z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]);

export const WHERE_OPERATORS = ['=', '!=', '>', '>=', '<', '<=', 'LIKE', 'NOT LIKE', 'IN', 'IS NULL', 'IS NOT NULL'] as const;
/** A WHERE condition (chosen item shape: vendor silent). Values are bound as parameters. */
export const whereCondition = z.looseObject({
  column: sqlIdent,
  operator: z.enum(WHERE_OPERATORS),
  value: z.union([scalar, z.array(scalar).max(1000)]).optional(),
});
export type WhereCondition = z.infer<typeof whereCondition>;

export const selectedColumn = z.looseObject({
  field_name: sqlIdent,
  field_type: z.string().max(64).optional(),
  field_length: z.string().max(32).optional(),
  null_able: z.string().max(8).optional(),
  unique: z.string().max(8).optional(),
  primary: z.string().max(8).optional(),
});

export const sourceSelectedDatasource = canonical(z.looseObject({
  sourceTable: sqlIdent,
  sourceSelectedColumnList: z.array(selectedColumn).max(1000).optional(),
  where: z.array(whereCondition).max(100).optional(),
  whereOptions: z.array(z.unknown()).optional(),
  isAddSql: flag.optional(),
  querySql: z.string().max(65536).optional(),
  orderColumn: z.string().max(255).optional(),
  orderType: z.enum(['ASC', 'DESC', '']).optional(),
  need_inc_migration: flag.optional(),
  sourceDateColumn: z.string().max(255).optional(),
  dataTimestamp: z.union([z.string().max(64), z.number()]).optional(),
  batchSize: z.number().int().min(1).max(50_000).optional(), // (local) rows per read/write batch, default 5000
}));
export const targetSelectedDatasource = canonical(z.looseObject({
  targetTable: sqlIdent,
  targetNeedCreateTable: flag.optional(),
  isSupportClearTab: flag.optional(),
  batchNumber: z.string().max(255).optional(),
}));
export const mappingEntry = z.looseObject({
  source_column: sqlIdent,
  source_column_type: z.string().max(64).optional(),
  source_column_length: z.string().max(32).optional(),
  target_column: sqlIdent,
  target_column_type: z.string().max(64).optional(),
  target_column_length: z.string().max(32).optional(),
  is_add_mapping: z.union([z.string(), z.boolean()]).optional(),
});
export type MappingEntry = z.infer<typeof mappingEntry>;

/** The parsed `task_detail` (fdi-link-details §1.7). Unknown keys are kept and echoed back. */
export const taskDetailDocument = canonical(z.looseObject({
  sourceSelectedDatasource: sourceSelectedDatasource,
  targetSelectedDatasource: targetSelectedDatasource,
  mappingTable: z.array(mappingEntry).max(1000).optional(),
  mappingRequired: flag.optional(),
  error_handler: z.array(z.unknown()).optional(),
}));
export type TaskDetailDocument = z.output<typeof taskDetailDocument>;

/** `task_detail` as sent: a JSON document in a string, validated as taskDetailDocument. */
export const taskDetailString = z.string().max(512 * 1024).transform((s, ctx) => {
  let raw: unknown;
  try {
    raw = JSON.parse(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'task_detail must be a JSON document in a string' });
    return z.NEVER;
  }
  const r = taskDetailDocument.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    ctx.addIssue({ code: 'custom', message: `task_detail.${i.path.map(String).join('.')}: ${i.message}` });
    return z.NEVER;
  }
  return r.data;
});

/** Parse a `task_detail` string from an answer without throwing (null when it is not ours). */
export function parseTaskDetail(s: string | null | undefined): TaskDetailDocument | null {
  if (!s) return null;
  try {
    const r = taskDetailDocument.safeParse(JSON.parse(s));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- tasks

export const TASK_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const TASK_TAG_PATTERN = /^[A-Za-z0-9_-]*$/;
export const taskName = z.string().min(3).max(100).regex(TASK_NAME_PATTERN, 'starts with a letter or digit; letters, digits, . _ -');

export const taskBasicRequest = z.strictObject({
  task_name: taskName,
  task_type: taskType,
  source_datasource_id: id,
  target_datasource_id: id,
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
    if (v.use_quartz_cron) {
      if (!v.cron?.trim()) ctx.addIssue({ code: 'custom', path: ['cron'], message: 'required when use_quartz_cron is true' });
      return;
    }
    if (!v.period) ctx.addIssue({ code: 'custom', path: ['period'], message: 'required unless use_quartz_cron is true' });
    if (v.dispatch_interval === undefined) ctx.addIssue({ code: 'custom', path: ['dispatch_interval'], message: 'required unless use_quartz_cron is true' });
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

// ---------------------------------------------------------------- monitoring

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

// ---------------------------------------------------------------- combined (multi-table) tasks

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
  source_datasource_id: id,
  target_datasource_id: id,
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

const mappingInfoRequest = z.strictObject({
  source_column: sqlIdent,
  source_column_type: z.string().max(64).optional(),
  source_column_length: z.string().max(32).optional(),
  target_column: sqlIdent,
  target_column_type: z.string().max(64).optional(),
  target_column_length: z.string().max(32).optional(),
});
const columnRequest = z.strictObject({ field_name: sqlIdent, field_type: z.string().max(64).optional(), field_length: z.string().max(32).optional() });
export const createMultiTaskMappingRequest = z.strictObject({
  ext_info: extInfo.nullish(),
  source_datasource_id: id,
  target_datasource_id: id,
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
