// Started (enabled) FDI tasks: TIMING tasks fire on their schedule (period and interval, or a
// Quartz cron), REALTIME tasks run one incremental pass after another while started. Runs are
// queued through the engine's trigger; a schedule that fires during a run is recorded as 914.
import type { Ctx } from '../../context';
import type { RunRow, RunStore } from '../runs';
import type { TaskRow, TaskStore } from '../tasks';
import { nextFire } from './schedule';

/** Pause between two passes of a started REALTIME task (chosen). */
export const REALTIME_PAUSE_MS = 1000;
const MAX_TIMER = 2_147_000_000;

type Trigger = (t: TaskRow, trigger: 'schedule' | 'realtime', dispatchTime?: number) => RunRow;

export class StartedTasks {
  private timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly ctx: Ctx, private readonly tasks: TaskStore, private readonly runs: RunStore, private readonly trigger: Trigger) {}

  /** Arm every started task (at roma-local start). */
  start(): void {
    for (const t of this.tasks.all()) if (t.started) this.arm(t);
  }

  /** A REALTIME task's pass ended: the next one after a pause. */
  realtimeAfter(taskId: string): void {
    this.later(taskId, REALTIME_PAUSE_MS, () => this.realtimePass(taskId));
  }

  close(): void {
    this.closed = true;
    for (const h of this.timers.values()) clearTimeout(h);
    this.timers.clear();
  }

  /** Start (enable): TIMING tasks follow their schedule, REALTIME tasks run passes continuously. */
  enable(t: TaskRow): void {
    this.tasks.setStarted(t.id, true);
    this.arm({ ...t, started: 1 });
  }

  disable(t: TaskRow): void {
    this.tasks.setStarted(t.id, false);
    this.disarm(t.id);
  }

  /** Schedule changed: re-arm a started TIMING task. */
  rearm(taskId: string): void {
    const t = this.tasks.byId(taskId);
    this.disarm(taskId);
    if (t?.started) this.arm(t);
  }

  nextFireTime(taskId: string): number | null {
    const d = this.tasks.dispatch(taskId);
    return d ? nextFire(d, this.ctx.now()) : null;
  }

  private arm(t: TaskRow): void {
    if (this.closed) return;
    if (t.type === 'REALTIME') {
      if (!this.runs.active(t.id)) this.later(t.id, 0, () => this.realtimePass(t.id));
      return;
    }
    const d = this.tasks.dispatch(t.id);
    if (!d) return;
    const at = nextFire(d, Date.now());
    if (at === null) return;
    const delay = Math.max(0, at - Date.now());
    this.later(t.id, Math.min(delay, MAX_TIMER), () => {
      if (delay > MAX_TIMER) return this.rearm(t.id);
      this.fireSchedule(t.id, at);
      this.rearm(t.id);
    });
  }

  private fireSchedule(taskId: string, at: number): void {
    const t = this.tasks.byId(taskId);
    if (!t?.started) return;
    if (this.runs.active(t.id)) {
      // previous run still going: record the rejected schedule (914) instead of stacking runs
      const r = this.runs.create(t.id, 'schedule', 'full', 'CANCELLED', 914, at);
      this.runs.addStep(r.id, { status: 914, position: 'ADAPTER', stage: 'adapter', position_status: 'RUNTIME_CANCEL', end_time: this.ctx.now(), remarks: 'task rejected: previous schedule not finished' });
      this.runs.update(r.id, { end_time: this.ctx.now(), position_status: 'RUNTIME_CANCEL', remarks: 'Skipped: the previous run has not finished.' });
      return;
    }
    this.trigger(t, 'schedule', at);
  }

  private realtimePass(taskId: string): void {
    const t = this.tasks.byId(taskId);
    if (!t?.started || t.type !== 'REALTIME' || this.runs.active(t.id)) return;
    this.trigger(t, 'realtime');
  }

  private later(taskId: string, ms: number, fn: () => void): void {
    clearTimeout(this.timers.get(taskId));
    const h = setTimeout(() => {
      this.timers.delete(taskId);
      try { fn(); } catch { /* a task deleted meanwhile */ }
    }, ms);
    h.unref();
    this.timers.set(taskId, h);
  }

  private disarm(taskId: string): void {
    clearTimeout(this.timers.get(taskId));
    this.timers.delete(taskId);
  }
}
