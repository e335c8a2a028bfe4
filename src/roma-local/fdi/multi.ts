// Combined (multi-table) tasks: init binds two data sources to a task id and maps tables by
// name and columns by name; mappings can be added and removed. roma-local stores them; it does
// not run CDC (see README).
import type { CreateMultiTaskMappingRequest, CreateMultiTaskRequest, MultiTaskInitRequest, UpdateMultiTaskRequest } from '../../contract/index';
import type { Db } from '../db/open';
import { hex32 } from '../util';
import type { ColumnMeta } from './connectors/types';
import { DatasourceStore, type DatasourceRow } from './datasources';
import { FDI } from './errors';
import type { TaskStore } from './tasks';

interface MappingRow {
  id: string; task_id: string; source_ds: string; target_ds: string; source_table: string; target_table: string; status: string;
  percent: number; source_columns: string; target_columns: string; mapping: string; update_time: number;
}
type Col = { field_name: string; field_type?: string; field_length?: string };
export type TableColumns = (ds: DatasourceRow) => Promise<Map<string, ColumnMeta[]> | null>;

const colOf = (c: ColumnMeta): Col => ({ field_name: c.name, field_type: c.type.toUpperCase(), field_length: c.length === null ? '' : String(c.length) });

/** Column pairs by (case-insensitive) name. */
export function mapByName(src: Col[], dst: Col[]) {
  const byName = new Map(dst.map((c) => [c.field_name.toLowerCase(), c]));
  return src.flatMap((s) => {
    const d = byName.get(s.field_name.toLowerCase());
    return d ? [{ source_column: s.field_name, source_column_type: s.field_type ?? '', source_column_length: s.field_length ?? '', target_column: d.field_name, target_column_type: d.field_type ?? '', target_column_length: d.field_length ?? '' }] : [];
  });
}

export class MultiTaskStore {
  private readonly ds: DatasourceStore;
  constructor(private readonly db: Db, private readonly now: () => number, private readonly tasks: TaskStore) {
    this.ds = new DatasourceStore(db, now);
  }

  private toMapping(m: MappingRow) {
    return {
      id: m.id, source_table: m.source_table, target_table: m.target_table, updated_time: m.update_time, mapping_percent: m.percent,
      status: m.status, source_columns: JSON.parse(m.source_columns) as Col[], target_columns: JSON.parse(m.target_columns) as Col[],
      mapping: JSON.parse(m.mapping) as unknown[],
    };
  }

  async init(instanceId: string, body: MultiTaskInitRequest, columns: TableColumns) {
    const src = this.ds.get(instanceId, body.source_datasource_id);
    const dst = this.ds.get(instanceId, body.target_datasource_id);
    const taskId = body.task_id || hex32();
    const existing = this.tasks.find(instanceId, taskId);
    if (body.task_id && existing && !existing.ext_type) throw FDI.badMapping(`The task ${taskId} is not a combined task.`);
    const now = this.now();
    // metadata first (network), then one transaction for the writes
    const auto: Omit<MappingRow, 'id' | 'task_id'>[] = [];
    if (body.auto_mapping) {
      const [s, d] = [await columns(src), await columns(dst)];
      if (s && d) {
        const dstByName = new Map([...d.keys()].map((k) => [k.toLowerCase(), k]));
        for (const [table, cols] of s) {
          const tTable = dstByName.get(table.toLowerCase());
          if (!tTable) continue;
          const sc = cols.map(colOf);
          const tc = d.get(tTable)!.map(colOf);
          const pairs = mapByName(sc, tc);
          auto.push({ source_ds: src.id, target_ds: dst.id, source_table: table, target_table: tTable, status: 'AUTO',
            percent: sc.length ? Math.round((pairs.length / sc.length) * 100) : 0, source_columns: JSON.stringify(sc),
            target_columns: JSON.stringify(tc), mapping: JSON.stringify(pairs), update_time: now });
        }
      }
    }
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO fdi_multi_inits (task_id, instance_id, source_ds, target_ds, ext_info, create_time) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (task_id) DO UPDATE SET source_ds = excluded.source_ds, target_ds = excluded.target_ds, ext_info = excluded.ext_info`)
        .run(taskId, instanceId, src.id, dst.id, body.ext_info ? JSON.stringify(body.ext_info) : null, now);
      if (body.auto_mapping) {
        this.db.prepare("DELETE FROM fdi_multi_mappings WHERE task_id = ? AND status = 'AUTO'").run(taskId);
        const ins = this.db.prepare(`INSERT INTO fdi_multi_mappings (id, task_id, source_ds, target_ds, source_table, target_table, status, percent,
          source_columns, target_columns, mapping, update_time) VALUES (@id, @task_id, @source_ds, @target_ds, @source_table, @target_table, @status,
          @percent, @source_columns, @target_columns, @mapping, @update_time)`);
        for (const m of auto) ins.run({ ...m, id: hex32(), task_id: taskId });
      }
    })();
    const all = this.db.prepare('SELECT * FROM fdi_multi_mappings WHERE task_id = ? ORDER BY source_table').all(taskId) as MappingRow[];
    return [{
      ext_info: body.ext_info ?? null, task_id: taskId, source_datasource_id: src.id, target_datasource_id: dst.id, source_group: '', target_group: '',
      source_ds_id: src.id, target_ds_id: dst.id, source_instance_id: instanceId, target_instance_id: instanceId, source_app_id: src.app_id,
      target_app_id: dst.app_id, source_datasource_name: src.name, target_datasource_name: dst.name, source_datasource_type: src.type,
      target_datasource_type: dst.type, mappings: all.slice(0, 10).map((m) => this.toMapping(m)), mappings_total_count: all.length,
    }];
  }

  create(instanceId: string, body: CreateMultiTaskRequest): string {
    const id = body.task_id ?? hex32();
    const now = this.now();
    this.db.transaction(() => {
      if (this.tasks.byId(id)) throw FDI.invalid('task_id', `a task with id ${id} already exists`);
      if (this.db.prepare('SELECT 1 FROM fdi_tasks WHERE instance_id = ? AND name = ?').get(instanceId, body.task_name)) throw FDI.taskNameUsed(body.task_name);
      const init = this.db.prepare('SELECT * FROM fdi_multi_inits WHERE task_id = ? AND instance_id = ?').get(id, instanceId) as { source_ds: string; target_ds: string } | undefined;
      const { seq } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM fdi_tasks').get() as { seq: number };
      this.db.prepare(
        `INSERT INTO fdi_tasks (id, instance_id, name, type, ext_type, source_ds, target_ds, source_app_id, target_app_id, description, tag, detail,
           operation_types, create_time, update_time, seq) VALUES (?, ?, ?, ?, 'CDC', ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`,
      ).run(id, instanceId, body.task_name, body.task_type ?? 'REALTIME', init?.source_ds ?? '', init?.target_ds ?? '', body.source_app_id ?? '',
        body.target_app_id ?? '', body.description ?? '', body.task_tag ?? '', JSON.stringify(body.operation_types), now, now, seq);
    })();
    return id;
  }

  private combined(instanceId: string, taskId: string) {
    const t = this.tasks.get(instanceId, taskId);
    if (!t.ext_type) throw FDI.taskNotFound(taskId);
    return t;
  }

  update(instanceId: string, taskId: string, body: UpdateMultiTaskRequest): string {
    this.db.transaction(() => {
      const t = this.combined(instanceId, taskId);
      this.tasks.assertIdle(t, 'edit');
      this.db.prepare(`UPDATE fdi_tasks SET description = ?, tag = ?, operation_types = ?, update_time = ?, version = version + 1${body.repulling_snapshot ? ', watermark = NULL' : ''} WHERE id = ?`)
        .run(body.description ?? t.description, body.task_tag ?? t.tag, JSON.stringify(body.operation_types), this.now(), t.id);
    })();
    return taskId;
  }

  addMapping(instanceId: string, taskId: string, body: CreateMultiTaskMappingRequest): string {
    const t = this.combined(instanceId, taskId);
    const init = this.db.prepare('SELECT * FROM fdi_multi_inits WHERE task_id = ?').get(t.id) as { source_ds: string; target_ds: string } | undefined;
    const srcDs = t.source_ds || init?.source_ds;
    const dstDs = t.target_ds || init?.target_ds;
    if ((srcDs && srcDs !== body.source_datasource_id) || (dstDs && dstDs !== body.target_datasource_id)) {
      throw FDI.badMapping('The mapping parameters do not match the data sources of the task.');
    }
    this.ds.get(instanceId, body.source_datasource_id);
    this.ds.get(instanceId, body.target_datasource_id);
    const sc = body.source_columns ?? [];
    const tc = body.target_columns ?? [];
    const mapping = body.mapping_columns ?? mapByName(sc, tc);
    const id = hex32();
    this.db.prepare(`INSERT INTO fdi_multi_mappings (id, task_id, source_ds, target_ds, source_table, target_table, status, percent, source_columns,
      target_columns, mapping, update_time) VALUES (?, ?, ?, ?, ?, ?, 'MANUAL', ?, ?, ?, ?, ?)`)
      .run(id, t.id, body.source_datasource_id, body.target_datasource_id, body.source_table, body.target_table,
        sc.length ? Math.round((mapping.length / sc.length) * 100) : 100, JSON.stringify(sc), JSON.stringify(tc), JSON.stringify(mapping), this.now());
    return id;
  }

  deleteMapping(instanceId: string, taskId: string, mappingId: string): string {
    const t = this.combined(instanceId, taskId);
    const r = this.db.prepare('DELETE FROM fdi_multi_mappings WHERE id = ? AND task_id = ?').run(mappingId, t.id);
    if (r.changes === 0) throw FDI.mappingNotFound(mappingId);
    return mappingId;
  }

  reset(instanceId: string, taskId: string, dateFrom: number | undefined): string {
    const t = this.combined(instanceId, taskId);
    this.tasks.assertIdle(t, 'reset');
    this.db.prepare('UPDATE fdi_tasks SET reset_from = ?, watermark = NULL, update_time = ? WHERE id = ?').run(dateFrom ?? this.now(), this.now(), t.id);
    return `The sync position of task ${t.name} is reset${dateFrom ? ` to ${new Date(dateFrom).toISOString()}` : ''}.`;
  }
}
