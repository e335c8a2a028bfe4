// One status vocabulary for the console. Vendor vocabularies (instance list RUNNING…, instance
// detail Running… + numeric codes, LINK 0/1/2, FDI running/stop…) are mapped here, once.
import { INSTANCE_STATUS_CODES } from '../../contract/instances';

export const STATUS_KEYS = [
  'running', 'online', 'creating', 'starting', 'updating', 'restarting', 'deleting', 'freezing', 'inProgress',
  'failed', 'unhealthy', 'stopped', 'offline', 'disabled', 'frozen', 'deleted', 'unknown',
] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export type StatusTone = 'success' | 'processing' | 'error' | 'default' | 'warning';

/** The one colour map: running/online green, in progress blue, failed red, stopped/offline grey, disabled/frozen orange. */
export const STATUS_TONE: Record<StatusKey, StatusTone> = {
  running: 'success',
  online: 'success',
  creating: 'processing',
  starting: 'processing',
  updating: 'processing',
  restarting: 'processing',
  deleting: 'processing',
  freezing: 'processing',
  inProgress: 'processing',
  failed: 'error',
  unhealthy: 'error',
  stopped: 'default',
  offline: 'default',
  deleted: 'default',
  unknown: 'default',
  disabled: 'warning',
  frozen: 'warning',
};

/** Map any instance status (list upper-snake, detail CamelCase, or numeric code) to a StatusKey. */
export function instanceStatusKey(status: string | undefined, code?: number): StatusKey {
  let s = status;
  if ((s === undefined || s === '') && code !== undefined) {
    s = (INSTANCE_STATUS_CODES as Record<number, string>)[code];
  }
  if (!s) return 'unknown';
  const k = s.replace(/[_\s-]/g, '').toLowerCase();
  if (k === 'running' || k === 'createsuccess' || k === 'rollbacksuccess') return 'running';
  if (k === 'frozen') return 'frozen';
  if (k === 'freezing') return 'freezing';
  if (k === 'deleting' || k === 'unregistering') return 'deleting';
  if (k === 'unhealthy') return 'unhealthy';
  // the SDK enum literally spells DELETE_FALIED
  if (k === 'error' || k.includes('fail') || k.includes('falied') || k.includes('timeout')) return 'failed';
  if (k === 'creating' || k === 'initing' || k === 'registering' || k === 'installing') return 'creating';
  if (k === 'updating' || k === 'rollbacking') return 'updating';
  if (k === 'starting') return 'starting';
  if (k === 'restarting') return 'restarting';
  return 'unknown';
}
