// The run's stage timeline ADAPTER → READER → WRITER → integrity check, from its position,
// status and steps. Reader and writer may overlap (rows stream through), so each stage's state
// comes from its own steps; the run's end state settles the rest.
import type { ExecuteStatus } from '../../../api/fdi';
import type { Run } from '../../../api/fdiRuns';

export const STAGES = ['ADAPTER', 'READER', 'WRITER', 'CHECK'] as const;
export type Stage = (typeof STAGES)[number];
export type StageState = 'pending' | 'active' | 'done' | 'error' | 'cancelled' | 'skipped';

const CHECK_CODES = new Set([902, 903, 904, 905]);
const END_CODES: Record<Exclude<Stage, 'CHECK'>, number[]> = { ADAPTER: [], READER: [101, 104, 105], WRITER: [501, 504] };
const ERROR_STATUSES = new Set(['RUNTIME_ERR', 'INTERNAL_ERR']);

const stageOf = (s: { position: string; code?: number }): Stage => (s.code !== undefined && CHECK_CODES.has(s.code) ? 'CHECK' : (STAGES as readonly string[]).includes(s.position) ? (s.position as Stage) : 'ADAPTER');

export function stageStates(run: Pick<Run, 'executeStatus' | 'position' | 'positionStatus' | 'steps'>): Record<Stage, StageState> {
  const out: Record<Stage, StageState> = { ADAPTER: 'pending', READER: 'pending', WRITER: 'pending', CHECK: 'pending' };
  const status: ExecuteStatus = run.executeStatus;
  const idx = (s: Stage) => STAGES.indexOf(s);
  const seen = new Set<Stage>();
  for (const step of run.steps) {
    const st = stageOf(step);
    seen.add(st);
    if (ERROR_STATUSES.has(step.positionStatus)) out[st] = 'error';
    else if (step.positionStatus === 'RUNTIME_CANCEL') out[st] = out[st] === 'error' ? 'error' : 'cancelled';
    else if (out[st] === 'pending') out[st] = 'active';
    if (st !== 'CHECK' && step.code !== undefined && END_CODES[st].includes(step.code) && out[st] === 'active') out[st] = 'done';
    if (st === 'CHECK' && (step.code === 903 || step.code === 905) && out[st] === 'active') out[st] = 'done';
    if (step.positionStatus === 'NODE_END' && out[st] === 'active') out[st] = 'done';
  }
  const current = stageOf({ position: run.position });
  seen.add(current);
  // stages before the furthest one seen have finished
  const furthest = Math.max(...[...seen].map(idx));
  // initialisation has no end code: it is over once a later stage started (reader and writer may overlap)
  if (furthest > 0 && out.ADAPTER === 'active') out.ADAPTER = 'done';
  for (const s of STAGES) if (idx(s) < furthest && out[s] === 'pending') out[s] = 'done';
  if (status === 'RUNNING' || status === 'WAITING') {
    if (out[current] === 'pending') out[current] = 'active';
    return out;
  }
  if (status === 'SUCCESS') {
    for (const s of STAGES) if (out[s] === 'active' || (s !== 'CHECK' && out[s] === 'pending')) out[s] = 'done';
    if (out.CHECK === 'pending') out.CHECK = 'skipped';
    return out;
  }
  const endState: StageState = status === 'ERROR' ? 'error' : status === 'CANCELLED' ? 'cancelled' : 'pending';
  if (endState !== 'pending' && !STAGES.some((s) => out[s] === endState)) out[current] = endState;
  for (const s of STAGES) if (out[s] === 'active') out[s] = idx(s) < idx(current) ? 'done' : endState === 'pending' ? 'active' : 'cancelled';
  return out;
}
