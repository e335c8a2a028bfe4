// Colours of FDI states, from the one convention: task started green, a run in progress blue,
// succeeded green, failed red, stopped/cancelled grey; always with text.
import type { TagTone } from '../../../components/ui';
import type { ExecuteStatus } from '../../../api/fdi';
import type { StageState } from './stages';

export const EXEC_TONE: Record<ExecuteStatus, TagTone> = {
  UNSTARTED: 'default',
  WAITING: 'processing',
  RUNNING: 'processing',
  SUCCESS: 'success',
  CANCELLED: 'default',
  ERROR: 'error',
  UNKNOWN: 'default',
};

export const startedTone = (started: boolean): TagTone => (started ? 'success' : 'default');

export const STAGE_TONE: Record<StageState, TagTone> = {
  pending: 'default',
  active: 'processing',
  done: 'success',
  error: 'error',
  cancelled: 'default',
  skipped: 'default',
};
