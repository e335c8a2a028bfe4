// Common and combined tasks, and the schedules of scheduled tasks.
import type { TaskDetailDocument, TaskListQuery, TaskDispatchRequest } from '../../contract/index';
import type { Db } from '../db/open';
import { fuzzy, hex32, isoSeconds } from '../util';
import { DatasourceStore } from './datasources';
import { FDI } from './errors';
import { RunStore, type RunRow } from './runs';

export interface TaskRow {
  id: string; instance_id: string; name: string; type: 'REALTIME' | 'TIMING'; ext_type: string; source_ds: string; target_ds: string;
  source_app_id: string; target_app_id: string; description: string; tag: string; detail: string; operation_types: string;
  started: number; watermark: string | null; reset_from: number | null; version: number; create_time: number; update_time: number; seq: number;
}
export interface DispatchRow {
  id: string; task_id: string; start_datetime: number | null; period: string; dispatch_interval: number | null; remark: string;
  use_quartz_cron: number; cron: string; create_time: number; update_time: number;
}
export interface TaskInput {
  task: { task_name: string; task_type: 'REALTIME' | 'TIMING'; source_datasource_id: string; target_datasource_id: string; description?: string; task_tag?: string };
  task_detail: TaskDetailDocument;
}

export class TaskStore {
  readonly runs: RunStore;
  private readonly ds: DatasourceStore;
  constructor(private readonly db: Db, private readonly now: () => number) {
    this.runs = new RunStore(db, now);
    this.ds = new DatasourceStore(db, now);
  }

  find(instanceId: string, id: string): TaskRow | undefined {
    return this.db.prepare('SELECT * FROM fdi_tasks WHERE id = ? AND instance_id = ?').get(id, instanceId) as TaskRow | undefined;
  }
  byId(id: string): TaskRow | undefined {
    return this.db.prepare('SELECT * FROM fdi_tasks WHERE id = ?').get(id) as TaskRow | undefined;
  }
  get(instanceId: string, id: string): TaskRow {
    const t = this.find(instanceId, id);
    if (!t) throw FDI.taskNotFound(id);
    return t;
  }
  all(): TaskRow[] {
    return this.db.prepare('SELECT * FROM fdi_tasks').all() as TaskRow[];
  }

  executeStatus(t: TaskRow): string {
    return this.runs.last(t.id)?.execute_status ?? 'UNSTARTED';
  }

  toBasic(t: TaskRow, projectId: string) {
    const src = this.ds.find(t.instance_id, t.source_ds);
    const dst = this.ds.find(t.instance_id, t.target_ds);
    return {
      task_id: t.id, task_name: t.name, task_type: t.type.toLowerCase(), status: t.started ? 'running' : 'stop', project_id: projectId,
      source_datasource_id: t.source_ds, target_datasource_id: t.target_ds, source_datasource_name: src?.name ?? '',
      target_datasource_name: dst?.name ?? '', source_app_id: t.source_app_id, target_app_id: t.target_app_id,
      source_app_name: this.ds.appName(t.instance_id, t.source_app_id) ?? '', target_app_name: this.ds.appName(t.instance_id, t.target_app_id) ?? '',
      created_date: t.create_time, last_modified_date: t.update_time, description: t.description, task_tag: t.tag,
    };
  }

  toBrief(t: TaskRow, last: RunRow | undefined) {
    return {
      task_id: t.id, task_name: t.name, task_type: t.type, status: t.started ? 1 : 0, created_date: isoSeconds(t.create_time),
      version: String(t.version), last_modified_time: t.update_time, execute_status: last?.execute_status ?? 'UNSTARTED',
      source_app_id: t.source_app_id, target_app_id: t.target_app_id, source_instance_id: t.instance_id, target_instance_id: t.instance_id,
      ext_type: t.ext_type, enterprise_project_id: '0', task_tag: t.tag,
    };
  }

  list(instanceId: string, q: TaskListQuery & { task_type?: string; status?: string }): TaskRow[] {
    let rows = this.db.prepare('SELECT * FROM fdi_tasks WHERE instance_id = ?').all(instanceId) as TaskRow[];
    if (q.task_id) rows = rows.filter((r) => r.id === q.task_id);
    if (q.name) rows = rows.filter((r) => fuzzy(r.name, q.name!));
    if (q.status !== undefined) rows = rows.filter((r) => String(r.started) === q.status);
    if (q.task_type) rows = rows.filter((r) => r.type === q.task_type);
    if (q.source_datasource_id) rows = rows.filter((r) => r.source_ds === q.source_datasource_id);
    if (q.target_datasource_id) rows = rows.filter((r) => r.target_ds === q.target_datasource_id);
    if (q.source_app_id) rows = rows.filter((r) => r.source_app_id === q.source_app_id);
    if (q.target_app_id) rows = rows.filter((r) => r.target_app_id === q.target_app_id);
    if (q.task_tag) rows = rows.filter((r) => r.tag === q.task_tag);
    if (q.execute_status) rows = rows.filter((r) => this.executeStatus(r) === q.execute_status);
    const dir = q.sort_type === 'ASC' ? 1 : -1;
    return rows.sort((a, b) => (q.sort_field === 'STATUS' ? dir * (a.started - b.started) : 0) || dir * (a.create_time - b.create_time || a.seq - b.seq));
  }

  private check(instanceId: string, input: TaskInput, exceptId = ''): { srcApp: string; dstApp: string } {
    const src = this.ds.get(instanceId, input.task.source_datasource_id);
    const dst = this.ds.get(instanceId, input.task.target_datasource_id);
    const dup = this.db.prepare('SELECT 1 FROM fdi_tasks WHERE instance_id = ? AND name = ? AND id <> ?').get(instanceId, input.task.task_name, exceptId);
    if (dup) throw FDI.taskNameUsed(input.task.task_name);
    return { srcApp: src.app_id, dstApp: dst.app_id };
  }

  create(instanceId: string, input: TaskInput): TaskRow {
    const id = hex32();
    const now = this.now();
    this.db.transaction(() => {
      const { srcApp, dstApp } = this.check(instanceId, input);
      const { seq } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM fdi_tasks').get() as { seq: number };
      this.db.prepare(
        `INSERT INTO fdi_tasks (id, instance_id, name, type, source_ds, target_ds, source_app_id, target_app_id, description, tag, detail,
           create_time, update_time, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, instanceId, input.task.task_name, input.task.task_type, input.task.source_datasource_id, input.task.target_datasource_id,
        srcApp, dstApp, input.task.description ?? '', input.task.task_tag ?? '', JSON.stringify(input.task_detail), now, now, seq);
    })();
    return this.get(instanceId, id);
  }

  assertIdle(t: TaskRow, what: string): void {
    if (t.started) throw FDI.taskRunning(`The task ${t.name} is started: stop it before you ${what} it.`);
    if (this.runs.active(t.id)) throw FDI.taskRunning(`The task ${t.name} has a run in progress: terminate it before you ${what} it.`);
  }

  update(instanceId: string, id: string, input: TaskInput): TaskRow {
    this.db.transaction(() => {
      const t = this.get(instanceId, id);
      this.assertIdle(t, 'edit');
      const { srcApp, dstApp } = this.check(instanceId, input, id);
      // a different source or table makes the incremental position meaningless
      const oldSrc = JSON.parse(t.detail)?.sourceSelectedDatasource?.sourceTable as string | undefined;
      const reset = t.source_ds !== input.task.source_datasource_id || oldSrc !== input.task_detail.sourceSelectedDatasource.sourceTable;
      this.db.prepare(
        `UPDATE fdi_tasks SET name = ?, type = ?, source_ds = ?, target_ds = ?, source_app_id = ?, target_app_id = ?, description = ?, tag = ?,
           detail = ?, version = version + 1, update_time = ?${reset ? ', watermark = NULL' : ''} WHERE id = ?`,
      ).run(input.task.task_name, input.task.task_type, input.task.source_datasource_id, input.task.target_datasource_id, srcApp, dstApp,
        input.task.description ?? t.description, input.task.task_tag ?? t.tag, JSON.stringify(input.task_detail), this.now(), id);
      if (input.task.task_type === 'REALTIME') this.db.prepare('DELETE FROM fdi_dispatches WHERE task_id = ?').run(id);
    })();
    return this.get(instanceId, id);
  }

  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      const t = this.get(instanceId, id);
      this.assertIdle(t, 'delete');
      this.db.prepare('DELETE FROM fdi_tasks WHERE id = ?').run(id);
      this.db.prepare('DELETE FROM fdi_multi_mappings WHERE task_id = ?').run(id);
    })();
  }

  setStarted(id: string, started: boolean): void {
    this.db.prepare('UPDATE fdi_tasks SET started = ? WHERE id = ?').run(started ? 1 : 0, id);
  }

  // ---- schedules ----
  dispatch(taskId: string): DispatchRow | undefined {
    return this.db.prepare('SELECT * FROM fdi_dispatches WHERE task_id = ?').get(taskId) as DispatchRow | undefined;
  }

  toDispatch(d: DispatchRow, next: number | null) {
    return {
      dispatch_id: d.id, task_id: d.task_id, start_datetime: d.start_datetime, period: d.period, dispatch_interval: d.dispatch_interval,
      remark: d.remark, use_quartz_cron: d.use_quartz_cron === 1, cron: d.cron, created_date: d.create_time, last_modified_date: d.update_time,
      next_fire_time: next,
    };
  }

  saveDispatch(t: TaskRow, body: TaskDispatchRequest, dispatchId?: string): DispatchRow {
    if (t.type !== 'TIMING') throw FDI.badSchedule(`The task ${t.name} is a REALTIME task: only TIMING tasks have a schedule.`);
    const now = this.now();
    const existing = this.dispatch(t.id);
    if (dispatchId !== undefined && existing?.id !== dispatchId) throw FDI.dispatchNotFound(dispatchId);
    if (dispatchId === undefined && existing) throw FDI.badSchedule(`The task ${t.name} already has a schedule (${existing.id}): update it instead.`);
    const v = {
      start: body.start_datetime ?? null, period: body.use_quartz_cron ? '' : body.period ?? '',
      interval: body.use_quartz_cron ? null : body.dispatch_interval ?? null, remark: body.remark ?? '',
      cron: body.use_quartz_cron ? (body.cron ?? '').trim() : '', useCron: body.use_quartz_cron ? 1 : 0,
    };
    if (existing) {
      this.db.prepare('UPDATE fdi_dispatches SET start_datetime = ?, period = ?, dispatch_interval = ?, remark = ?, use_quartz_cron = ?, cron = ?, update_time = ? WHERE id = ?')
        .run(v.start, v.period, v.interval, v.remark, v.useCron, v.cron, now, existing.id);
    } else {
      this.db.prepare(
        `INSERT INTO fdi_dispatches (id, task_id, start_datetime, period, dispatch_interval, remark, use_quartz_cron, cron, create_time, update_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(hex32(), t.id, v.start, v.period, v.interval, v.remark, v.useCron, v.cron, now, now);
    }
    return this.dispatch(t.id)!;
  }

  setWatermark(id: string, value: unknown): void {
    this.db.prepare('UPDATE fdi_tasks SET watermark = ? WHERE id = ?').run(value === undefined ? null : JSON.stringify(value), id);
  }
}
