// FDI (fdi.md): what the data source, task and monitor modules share — query keys, the instance
// path, and the normalised run state (execute_status in any case, status 0|1|"stop"|"running").
import { scopedKeys } from '../keys';
import { romaPath, seg } from '../project';

export const datasourceKeys = scopedKeys('fdi-datasources');
export const taskKeys = scopedKeys('fdi-tasks');

/** `…/fdi/instances/{iid}<rest>` under the project. */
export const fdiPath = (iid: string, rest: string) => romaPath(`/fdi/instances/${seg(iid)}${rest}`);

export type ExecuteStatus = 'UNSTARTED' | 'WAITING' | 'RUNNING' | 'SUCCESS' | 'CANCELLED' | 'ERROR' | 'UNKNOWN';
export const toExecuteStatus = (s: string | null | undefined): ExecuteStatus => {
  const u = (s ?? '').toUpperCase();
  return (['UNSTARTED', 'WAITING', 'RUNNING', 'SUCCESS', 'CANCELLED', 'ERROR'] as const).find((x) => x === u) ?? (u ? 'UNKNOWN' : 'UNSTARTED');
};
/** 0|1, "0"|"1", "stop"|"running" → started (enabled) or not. */
export const isStarted = (status: unknown): boolean => status === 1 || status === '1' || String(status).toLowerCase() === 'running';
