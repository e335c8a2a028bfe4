// The FDI engine on the main thread: a queue limited to ctx.settings.fdiMaxRuns runs at once,
// a small pool of worker threads that execute them, and recovery of runs interrupted by a dead
// process. Started tasks (schedules of TIMING tasks, passes of REALTIME tasks) are in started.ts.
import { Worker } from 'node:worker_threads';
import type { Ctx } from '../../context';
import { FDI } from '../errors';
import { RunStore, type RunRow } from '../runs';
import type { TaskRow, TaskStore } from '../tasks';
import { StartedTasks } from './started';
import type { FromWorker, WorkerInit } from './worker';

/** A cancelled run whose worker does not stop within this time is killed (chosen). */
const CANCEL_GRACE_MS = 10_000;
/** Young generation of a worker (V8's default is 16-32 MB; measured with bench/fdi-profile*.ts). */
const YOUNG_GEN_MB = 96;

interface Slot { worker: Worker; cancel: Int32Array; runId: string | null; ready: Promise<void>; dead: boolean }

const WORKER_URL = new URL('./worker.ts', import.meta.url).href;
// Workers do not inherit `--import tsx` (nor vitest's transform): register tsx, then load the entry.
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })`;

export class FdiEngine {
  private readonly runs: RunStore;
  private slots: Slot[] = [];
  private queue: string[] = [];
  private readonly started: StartedTasks;
  private closed = false;

  constructor(private readonly ctx: Ctx, private readonly tasks: TaskStore) {
    this.runs = new RunStore(ctx.db, ctx.now);
    this.started = new StartedTasks(ctx, tasks, this.runs, (t, trigger, at) => this.trigger(t, trigger, at));
  }

  get maxRuns(): number {
    return Math.max(1, this.ctx.settings.fdiMaxRuns || 2);
  }

  /** Resume what a dead process left behind, then arm schedules and real-time tasks. */
  start(): void {
    for (const r of this.runs.unfinished()) {
      if (r.execute_status === 'RUNNING') this.queue.unshift(r.id); // resumes from its checkpoint
      else this.queue.push(r.id);
    }
    this.started.start();
    this.pump();
  }

  // ---------------------------------------------------------------- runs

  /** Queue one execution; refuses when one is already active. */
  trigger(t: TaskRow, trigger: 'manual' | 'schedule' | 'realtime', dispatchTime?: number): RunRow {
    if (this.runs.active(t.id)) throw FDI.runRefused(`The task ${t.name} already has a run in progress.`);
    const mode = t.watermark !== null ? 'incremental' : 'full';
    const busy = this.busy() >= this.maxRuns;
    const run = this.runs.create(t.id, trigger, mode, 'WAITING', 900, dispatchTime);
    this.runs.addStep(run.id, { status: 900, position: 'ADAPTER', stage: 'adapter', position_status: 'NODE_END', end_time: this.ctx.now(), remarks: `schedule request received (${trigger})` });
    if (busy) {
      const waiting = this.queue.length + 1;
      this.runs.addStep(run.id, { status: 906, position: 'READER', stage: 'reader', remarks: `read task queued: ${this.maxRuns} runs at once, ${waiting} waiting` });
      this.runs.addStep(run.id, { status: 908, position: 'WRITER', stage: 'writer', remarks: 'write task queued' });
      this.runs.update(run.id, { status: 906 });
    }
    this.queue.push(run.id);
    this.pump();
    return this.runs.get(run.id)!;
  }

  private busy(): number {
    return this.slots.filter((s) => s.runId).length;
  }

  private pump(): void {
    if (this.closed) return;
    while (this.queue.length && this.busy() < this.maxRuns) {
      const runId = this.queue.shift()!;
      const run = this.runs.get(runId);
      if (!run || (run.execute_status !== 'WAITING' && run.execute_status !== 'RUNNING')) continue;
      for (const s of this.runs.steps(runId)) {
        if ((s.status === 906 || s.status === 908) && s.end_time === null) this.runs.updateStep(s.id, { position_status: 'NODE_END', end_time: this.ctx.now() });
      }
      const slot = this.slots.find((s) => !s.runId && !s.dead) ?? this.spawn();
      slot.runId = runId;
      Atomics.store(slot.cancel, 0, 0);
      void slot.ready.then(() => slot.worker.postMessage({ type: 'run', runId }));
    }
  }

  private spawn(): Slot {
    const cancel = new SharedArrayBuffer(4);
    const worker = new Worker(BOOT, {
      eval: true, workerData: { dataDir: this.ctx.settings.dataDir, cancel } satisfies WorkerInit,
      // batches of thousands of rows outlive the default young generation: each scavenge copied them (half the GC time)
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GEN_MB },
    });
    let resolve!: () => void;
    const slot: Slot = { worker, cancel: new Int32Array(cancel), runId: null, ready: new Promise<void>((r) => { resolve = r; }), dead: false };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'done') this.finished(slot, m.runId);
    });
    const died = (why: string): void => {
      if (slot.dead) return;
      slot.dead = true;
      this.slots = this.slots.filter((s) => s !== slot);
      const runId = slot.runId;
      slot.runId = null;
      resolve();
      if (runId && !this.closed) this.fail(runId, why);
      this.pump();
    };
    worker.on('error', (err) => died(`worker failed: ${err.message}`));
    worker.on('exit', (code) => died(`worker exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  /** The worker died under a run: the run must not stay RUNNING. */
  private fail(runId: string, why: string): void {
    const r = this.runs.get(runId);
    if (!r || (r.execute_status !== 'RUNNING' && r.execute_status !== 'WAITING')) return;
    const now = this.ctx.now();
    const cancelled = r.cancel_requested === 1;
    this.runs.addStep(runId, { status: cancelled ? 16 : 915, position: 'ADAPTER', stage: 'adapter', position_status: cancelled ? 'RUNTIME_CANCEL' : 'INTERNAL_ERR', end_time: now, remarks: cancelled ? 'forcibly cancelled' : why });
    this.runs.update(runId, { execute_status: cancelled ? 'CANCELLED' : 'ERROR', status: cancelled ? 16 : 915, position_status: cancelled ? 'RUNTIME_CANCEL' : 'INTERNAL_ERR', end_time: now, remarks: cancelled ? 'Task cancelled by the operator.' : why });
    this.afterRun(runId);
  }

  private finished(slot: Slot, runId: string): void {
    if (slot.runId === runId) slot.runId = null;
    const r = this.runs.get(runId);
    if (r && (r.execute_status === 'RUNNING' || r.execute_status === 'WAITING')) this.fail(runId, 'the run ended without a result');
    else this.afterRun(runId);
    this.pump();
  }

  private afterRun(runId: string): void {
    const r = this.runs.get(runId);
    if (!r) return;
    const t = this.tasks.byId(r.task_id);
    // an idle real-time pass is not worth a monitor log entry
    if (r.trigger === 'realtime' && r.execute_status === 'SUCCESS' && r.read_count === 0 && r.mode === 'incremental') {
      this.ctx.db.prepare('DELETE FROM fdi_runs WHERE id = ?').run(runId);
    }
    if (t?.started && t.type === 'REALTIME' && !this.closed) this.started.realtimeAfter(t.id);
  }

  /** Terminate: cancel the queued or active run. */
  cancel(taskId: string): boolean {
    const r = this.runs.active(taskId);
    if (!r) return false;
    this.runs.update(r.id, { cancel_requested: 1 });
    const slot = this.slots.find((s) => s.runId === r.id);
    if (!slot) {
      this.queue = this.queue.filter((id) => id !== r.id);
      const now = this.ctx.now();
      for (const s of this.runs.steps(r.id)) if (s.end_time === null) this.runs.updateStep(s.id, { position_status: 'RUNTIME_CANCEL', end_time: now });
      this.runs.addStep(r.id, { status: 16, position: 'ADAPTER', stage: 'adapter', position_status: 'RUNTIME_CANCEL', end_time: now, remarks: 'forcibly cancelled while queued' });
      this.runs.update(r.id, { execute_status: 'CANCELLED', status: 16, position_status: 'RUNTIME_CANCEL', end_time: now, remarks: 'Task cancelled by the operator.' });
      return true;
    }
    Atomics.store(slot.cancel, 0, 1);
    const guard = setTimeout(() => {
      if (slot.runId === r.id) void slot.worker.terminate(); // stuck in a driver call: kill it, `exit` records CANCELLED
    }, CANCEL_GRACE_MS);
    guard.unref();
    return true;
  }

  // ---------------------------------------------------------------- started tasks (schedule.ts)

  enable(t: TaskRow): void { this.started.enable(t); }
  disable(t: TaskRow): void { this.started.disable(t); }
  rearm(taskId: string): void { this.started.rearm(taskId); }
  nextFireTime(taskId: string): number | null { return this.started.nextFireTime(taskId); }

  /** Stop everything; runs in progress stay RUNNING with their checkpoint and resume at the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.started.close();
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => { s.dead = true; return s.worker.terminate(); }));
  }
}
