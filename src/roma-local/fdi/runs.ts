// Runs (monitor logs), their steps (detail logs) and dirty rows. Used by the routes and by the
// engine worker, which opens the same database file to record progress off the HTTP thread.
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

export type ExecStatus = 'UNSTARTED' | 'WAITING' | 'RUNNING' | 'SUCCESS' | 'CANCELLED' | 'ERROR';
export type Pos = 'ADAPTER' | 'READER' | 'WRITER';
export type PosStatus = 'NORMAL' | 'NODE_END' | 'RUNTIME_CANCEL' | 'TASK_END' | 'RUNTIME_ERR' | 'INTERNAL_ERR';

export interface RunRow {
  id: string; task_id: string; trigger: string; mode: string; dispatch_time: number; start_time: number; end_time: number | null;
  execute_status: ExecStatus; position: Pos; position_status: PosStatus; status: number; data_count: number; dirty_count: number;
  read_count: number; data_bytes: number; expected_count: number | null; read_ms: number; write_ms: number; remarks: string;
  checkpoint: string | null; cancel_requested: number; seq: number;
}
export interface StepRow {
  id: string; run_id: string; seq: number; status: number; position: Pos; position_status: PosStatus; stage: string;
  data_count: number; dirty_count: number; data_bytes: number; remarks: string; begin_time: number; end_time: number | null;
}
export interface DirtyInput { position: Pos; reason: string; row: Record<string, unknown> }

/** At most this many dirty rows are kept per run for inspection; all are counted. */
export const DIRTY_KEEP = 10_000;

const trackingId = (): string => randomBytes(16).toString('hex');

export function sizeWithUnit(bytes: number): { data_size: number; data_size_unit: 'B' | 'KB' | 'MB' | 'GB' | 'TB' } {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return { data_size: Math.round(v * 100) / 100, data_size_unit: units[i]! };
}

export class RunStore {
  // prepared once: the engine updates a run after every batch
  private readonly stmts = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database, private readonly now: () => number) {}

  private prep(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) { s = this.db.prepare(sql); this.stmts.set(sql, s); }
    return s;
  }

  /** Several updates as one commit. */
  batch(fn: () => void): void {
    this.db.transaction(fn)();
  }

  create(taskId: string, trigger: string, mode: string, status: ExecStatus, code: number, dispatchTime = this.now()): RunRow {
    const id = trackingId();
    const { seq } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM fdi_runs').get() as { seq: number };
    this.db.prepare(
      `INSERT INTO fdi_runs (id, task_id, trigger, mode, dispatch_time, start_time, execute_status, status, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, taskId, trigger, mode, dispatchTime, this.now(), status, code, seq);
    return this.get(id)!;
  }

  get(id: string): RunRow | undefined {
    return this.prep('SELECT * FROM fdi_runs WHERE id = ?').get(id) as RunRow | undefined;
  }

  update(id: string, patch: Partial<Omit<RunRow, 'id'>>): void {
    const keys = Object.keys(patch);
    if (!keys.length) return;
    this.prep(`UPDATE fdi_runs SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
  }

  addStep(runId: string, s: Pick<StepRow, 'status' | 'position' | 'stage'> & Partial<StepRow>): string {
    const id = trackingId();
    const { seq } = this.prep('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM fdi_run_steps WHERE run_id = ?').get(runId) as { seq: number };
    // a step never ends before it begins: an end time taken just before this call is its begin time too
    const begin = s.begin_time ?? Math.min(this.now(), s.end_time ?? Number.POSITIVE_INFINITY);
    this.db.prepare(
      `INSERT INTO fdi_run_steps (id, run_id, seq, status, position, position_status, stage, data_count, dirty_count, data_bytes, remarks, begin_time, end_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, runId, seq, s.status, s.position, s.position_status ?? 'NORMAL', s.stage, s.data_count ?? 0, s.dirty_count ?? 0, s.data_bytes ?? 0,
      s.remarks ?? '', begin, s.end_time ?? null);
    return id;
  }

  updateStep(id: string, patch: Partial<Omit<StepRow, 'id'>>): void {
    const keys = Object.keys(patch);
    if (!keys.length) return;
    // end_time is clamped to begin_time (the clocks of two threads may disagree by a millisecond)
    const set = keys.map((k) => (k === 'end_time' ? 'end_time = CASE WHEN @end_time IS NULL THEN NULL ELSE MAX(@end_time, begin_time) END' : `${k} = @${k}`));
    this.prep(`UPDATE fdi_run_steps SET ${set.join(', ')} WHERE id = @id`).run({ ...patch, id });
  }

  addDirty(runId: string, rows: DirtyInput[]): void {
    const kept = (this.db.prepare('SELECT COUNT(*) AS n FROM fdi_dirty_rows WHERE run_id = ?').get(runId) as { n: number }).n;
    const room = Math.max(0, DIRTY_KEEP - kept);
    const ins = this.db.prepare('INSERT INTO fdi_dirty_rows (run_id, position, reason, row, create_time) VALUES (?, ?, ?, ?, ?)');
    for (const r of rows.slice(0, room)) {
      ins.run(runId, r.position, r.reason.slice(0, 1000), JSON.stringify(r.row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)), this.now());
    }
  }

  active(taskId: string): RunRow | undefined {
    return this.db.prepare("SELECT * FROM fdi_runs WHERE task_id = ? AND execute_status IN ('WAITING', 'RUNNING') ORDER BY seq DESC LIMIT 1").get(taskId) as RunRow | undefined;
  }

  last(taskId: string): RunRow | undefined {
    return this.db.prepare('SELECT * FROM fdi_runs WHERE task_id = ? ORDER BY seq DESC LIMIT 1').get(taskId) as RunRow | undefined;
  }

  unfinished(): RunRow[] {
    return this.db.prepare("SELECT * FROM fdi_runs WHERE execute_status IN ('WAITING', 'RUNNING') ORDER BY seq").all() as RunRow[];
  }

  list(taskId: string, begin: number | undefined, end: number | undefined, skip: number, limit: number): { total: number; rows: RunRow[] } {
    const where = 'task_id = @task AND (@begin IS NULL OR start_time >= @begin) AND (@end IS NULL OR start_time <= @end)';
    const p = { task: taskId, begin: begin ?? null, end: end ?? null };
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM fdi_runs WHERE ${where}`).get(p) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM fdi_runs WHERE ${where} ORDER BY seq DESC LIMIT @limit OFFSET @skip`).all({ ...p, limit, skip }) as RunRow[];
    return { total, rows };
  }

  steps(runId: string): StepRow[] {
    return this.prep('SELECT * FROM fdi_run_steps WHERE run_id = ? ORDER BY seq').all(runId) as StepRow[];
  }

  dirty(runId: string, skip: number, limit: number) {
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM fdi_dirty_rows WHERE run_id = ?').get(runId) as { n: number }).n;
    const rows = this.db.prepare('SELECT * FROM fdi_dirty_rows WHERE run_id = ? ORDER BY id LIMIT ? OFFSET ?').all(runId, limit, skip) as
      { id: number; position: string; reason: string; row: string; create_time: number }[];
    return { total, rows: rows.map((r) => ({ id: r.id, position: r.position, reason: r.reason, row: JSON.parse(r.row) as Record<string, unknown>, created_time: r.create_time })) };
  }

  overview(taskId: string) {
    const rows = this.db.prepare('SELECT execute_status AS s, COUNT(*) AS n FROM fdi_runs WHERE task_id = ? GROUP BY execute_status').all(taskId) as { s: string; n: number }[];
    const n = (s: string[]): number => rows.filter((r) => s.includes(r.s)).reduce((a, r) => a + r.n, 0);
    return { total_num: n(['WAITING', 'RUNNING', 'SUCCESS', 'CANCELLED', 'ERROR']), error_num: n(['ERROR']), success_num: n(['SUCCESS']), running_num: n(['WAITING', 'RUNNING']), cancel_num: n(['CANCELLED']) };
  }
}

export function toDetailLog(s: StepRow, now: number) {
  return {
    id: s.id, status: s.status, position: s.position, position_status: s.position_status, stage: s.stage,
    dirty_data_count: s.dirty_count, data_count: s.data_count, ...sizeWithUnit(s.data_bytes),
    spend_time: (s.end_time ?? now) - s.begin_time, remarks: s.remarks, step_begin_time: s.begin_time, step_end_time: s.end_time,
  };
}

export function toMonitorLog(r: RunRow, steps: StepRow[], now: number) {
  return {
    id: r.id, start_time: r.start_time, dispatch_time: r.dispatch_time, end_time: r.end_time, execute_status: r.execute_status,
    position: r.position, position_status: r.position_status, status: r.status, dirty_data_count: r.dirty_count,
    data_count: r.data_count, ...sizeWithUnit(r.data_bytes), spend_time: (r.end_time ?? now) - r.start_time,
    read_spend_time: r.read_ms, write_spend_time: r.write_ms, remarks: r.remarks,
    detail_logs: steps.map((s) => toDetailLog(s, now)), expected_count: r.expected_count,
  };
}
