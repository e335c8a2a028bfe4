// FDI: data sources, tasks (common and combined), schedules, runs (monitor logs) with their
// steps (detail logs), dirty rows and combined-task table mappings.
import type { Migration } from '../migrate';

export const m006Fdi: Migration = {
  version: 6,
  name: 'fdi',
  up(db) {
    db.exec(`
      CREATE TABLE fdi_datasources (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        app_id TEXT NOT NULL,
        content TEXT NOT NULL,                 -- JSON Content, password included (never answered)
        description TEXT NOT NULL DEFAULT '',
        create_time INTEGER NOT NULL,
        update_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (instance_id, name)
      );
      CREATE TABLE fdi_tasks (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,                    -- REALTIME | TIMING
        ext_type TEXT NOT NULL DEFAULT '',     -- '' common task | CDC combined task
        source_ds TEXT NOT NULL DEFAULT '',
        target_ds TEXT NOT NULL DEFAULT '',
        source_app_id TEXT NOT NULL DEFAULT '',
        target_app_id TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        tag TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}',     -- canonical task_detail JSON (camelCase, unknown keys kept)
        operation_types TEXT NOT NULL DEFAULT '[]',
        started INTEGER NOT NULL DEFAULT 0,    -- status 0 stop | 1 running (enabled)
        watermark TEXT,                        -- JSON: last successful incremental value
        reset_from INTEGER,                    -- combined tasks: reset position (ms)
        version INTEGER NOT NULL DEFAULT 1,
        create_time INTEGER NOT NULL,
        update_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (instance_id, name)
      );
      CREATE TABLE fdi_dispatches (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL UNIQUE REFERENCES fdi_tasks(id) ON DELETE CASCADE,
        start_datetime INTEGER,
        period TEXT NOT NULL DEFAULT '',
        dispatch_interval INTEGER,
        remark TEXT NOT NULL DEFAULT '',
        use_quartz_cron INTEGER NOT NULL DEFAULT 0,
        cron TEXT NOT NULL DEFAULT '',
        create_time INTEGER NOT NULL,
        update_time INTEGER NOT NULL
      );
      CREATE TABLE fdi_runs (
        id TEXT PRIMARY KEY,                   -- tracking id
        task_id TEXT NOT NULL REFERENCES fdi_tasks(id) ON DELETE CASCADE,
        trigger TEXT NOT NULL,                 -- manual | schedule | realtime
        mode TEXT NOT NULL DEFAULT 'full',     -- full | incremental
        dispatch_time INTEGER NOT NULL,
        start_time INTEGER NOT NULL,
        end_time INTEGER,
        execute_status TEXT NOT NULL,
        position TEXT NOT NULL DEFAULT 'ADAPTER',
        position_status TEXT NOT NULL DEFAULT 'NORMAL',
        status INTEGER NOT NULL DEFAULT 900,
        data_count INTEGER NOT NULL DEFAULT 0,
        dirty_count INTEGER NOT NULL DEFAULT 0,
        read_count INTEGER NOT NULL DEFAULT 0,
        data_bytes INTEGER NOT NULL DEFAULT 0,
        expected_count INTEGER,
        read_ms INTEGER NOT NULL DEFAULT 0,
        write_ms INTEGER NOT NULL DEFAULT 0,
        remarks TEXT NOT NULL DEFAULT '',
        checkpoint TEXT,                       -- JSON: last committed key, counters, checksum state
        cancel_requested INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL
      );
      CREATE INDEX fdi_runs_task ON fdi_runs (task_id, seq);
      CREATE INDEX fdi_runs_status ON fdi_runs (execute_status);
      CREATE TABLE fdi_run_steps (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES fdi_runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        status INTEGER NOT NULL,
        position TEXT NOT NULL,
        position_status TEXT NOT NULL,
        stage TEXT NOT NULL,
        data_count INTEGER NOT NULL DEFAULT 0,
        dirty_count INTEGER NOT NULL DEFAULT 0,
        data_bytes INTEGER NOT NULL DEFAULT 0,
        remarks TEXT NOT NULL DEFAULT '',
        begin_time INTEGER NOT NULL,
        end_time INTEGER
      );
      CREATE INDEX fdi_run_steps_run ON fdi_run_steps (run_id, seq);
      CREATE TABLE fdi_dirty_rows (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL REFERENCES fdi_runs(id) ON DELETE CASCADE,
        position TEXT NOT NULL,                -- READER (conversion) | WRITER (target refused it)
        reason TEXT NOT NULL,
        row TEXT NOT NULL,                     -- JSON object of the source row
        create_time INTEGER NOT NULL
      );
      CREATE INDEX fdi_dirty_rows_run ON fdi_dirty_rows (run_id, id);
      CREATE TABLE fdi_multi_mappings (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL,                 -- may precede the task (init before create)
        source_ds TEXT NOT NULL,
        target_ds TEXT NOT NULL,
        source_table TEXT NOT NULL,
        target_table TEXT NOT NULL,
        status TEXT NOT NULL,
        percent INTEGER NOT NULL DEFAULT 100,
        source_columns TEXT NOT NULL DEFAULT '[]',
        target_columns TEXT NOT NULL DEFAULT '[]',
        mapping TEXT NOT NULL DEFAULT '[]',
        update_time INTEGER NOT NULL
      );
      CREATE INDEX fdi_multi_mappings_task ON fdi_multi_mappings (task_id);
      CREATE TABLE fdi_multi_inits (
        task_id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        source_ds TEXT NOT NULL,
        target_ds TEXT NOT NULL,
        ext_info TEXT,
        create_time INTEGER NOT NULL
      );
    `);
  },
};
