// FDI building blocks: enums, monitor status codes, the two paging styles and the list envelope.
// Request schemas are strict, response schemas lenient (vendor quirks: task_type case differs per
// endpoint, port is a string, monitor `offset` is a page number from 1); `*Strict` variants describe
// what roma-local sends. Limits the reference leaves open are marked (chosen), extensions (local).
import { z } from 'zod';
import { listEnvelope, queryInt } from '../common';

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
/** `{ total, size, entities: T[] }` — the FDI list envelope. */
export const entities = <T extends z.ZodType>(item: T) => listEnvelope('entities', item);
export const sortType = z.enum(['ASC', 'DESC']);
/** Ids of data sources, apps and tasks in a request (chosen limit). */
export const fdiId = z.string().min(1).max(64);
export const int64 = z.number().int();
