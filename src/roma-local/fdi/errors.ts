// FDI error codes roma-local answers with, in the family shape {error_code, error_msg, request_id}.
// Codes from ../shared/roma-api/errors.md and the vendor examples; (chosen) where the reference is silent.
//
// | Situation                                           | HTTP | Code                  |
// |-----------------------------------------------------|------|-----------------------|
// | invalid parameter / body / JSON (generic)           | 400  | FDI.3002              |
// | invalid parameter, field named (task_detail, app…)  | 400  | FDI.3033              |
// | instance does not exist                             | 404  | FDI.3004 (chosen)     |
// | data source does not exist                          | 404  | FDI.3010 (chosen)     |
// | data source name already used                       | 409  | FDI.3011 (chosen)     |
// | data source used by a task (delete / type change)   | 409  | FDI.3012 (chosen)     |
// | connectivity test failed (driver message included)  | 400  | FDI.3016              |
// | connector not available in roma-local               | 400  | FDI.3017 (chosen)     |
// | table does not exist                                | 404  | FDI.3018 (chosen)     |
// | task does not exist                                 | 404  | FDI.3021              |
// | task is started / running (edit, delete, reset)     | 400  | FDI.3023              |
// | manual run refused (a run is already active)        | 400  | FDI.3026              |
// | task name already used                              | 409  | FDI.3029 (chosen)     |
// | mapping does not match the task / data sources      | 400  | FDI.3037              |
// | mapping does not exist                              | 404  | FDI.3038 (chosen)     |
// | schedule on a REALTIME task / missing schedule      | 400  | FDI.3040 (chosen)     |
// | run (tracking id) does not exist                    | 404  | FDI.3042 (chosen)     |
// | schedule does not exist (update)                    | 404  | FDI.3041 (chosen)     |
// | scheduled task started without a schedule (batch)   | 404  | FDI.3083 (per item)   |
// | batch list empty                                    | 400  | FDI.3150              |
// | unexpected server fault                             | 500  | FDI.3999 (chosen)     |
import { ApiError } from '../errors';

export const FDI = {
  invalid: (field: string, msg: string) => new ApiError(400, 'FDI.3033', `Invalid parameter [${field}]: ${msg}`),
  datasourceNotFound: (id: string) => new ApiError(404, 'FDI.3010', `The data source ${id} does not exist.`),
  datasourceNameUsed: (name: string) => new ApiError(409, 'FDI.3011', `A data source named ${name} already exists.`),
  datasourceInUse: (msg: string) => new ApiError(409, 'FDI.3012', msg),
  testFailed: (msg: string) => new ApiError(400, 'FDI.3016', `Connectivity test failed: ${msg}`),
  connectorUnavailable: (type: string) =>
    new ApiError(400, 'FDI.3017', `The ${type} connector is not available in roma-local (available: MYSQL, POSTGRESQL, SQLITE).`),
  tableNotFound: (table: string) => new ApiError(404, 'FDI.3018', `The table ${table} does not exist.`),
  taskNotFound: (id: string) => new ApiError(404, 'FDI.3021', `The task ${id} does not exist.`),
  taskRunning: (msg: string) => new ApiError(400, 'FDI.3023', msg),
  runRefused: (msg: string) => new ApiError(400, 'FDI.3026', msg),
  taskNameUsed: (name: string) => new ApiError(409, 'FDI.3029', `A task named ${name} already exists.`),
  badMapping: (msg: string) => new ApiError(400, 'FDI.3037', msg),
  mappingNotFound: (id: string) => new ApiError(404, 'FDI.3038', `The mapping ${id} does not exist.`),
  badSchedule: (msg: string) => new ApiError(400, 'FDI.3040', msg),
  dispatchNotFound: (id: string) => new ApiError(404, 'FDI.3041', `The schedule ${id} does not exist.`),
  runNotFound: (id: string) => new ApiError(404, 'FDI.3042', `The run ${id} does not exist.`),
  emptyBatch: () => new ApiError(400, 'FDI.3150', 'The task list is empty.'),
};

/** Per-item batch failure codes (answered inside a 200, as the vendor does). */
export const BATCH_CODES = {
  notFound: 'FDI.3021',
  noSchedule: 'FDI.3083',
  connector: 'FDI.3017',
} as const;
