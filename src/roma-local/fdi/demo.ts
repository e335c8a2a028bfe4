// First-start demo (once per database): a SQLite source with an `orders` table of 200 000 rows,
// an empty SQLite target and a task between them in the demo instance, so a newcomer can press
// Run and watch.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { DatasourceStore } from './datasources';
import { fdiDir, sqlitePath } from './connectors/sqlite';
import { DEMO_ROWS, DEMO_SOURCE_FILE } from './demo-data';
import { TaskStore } from './tasks';

export const DEMO_TARGET_FILE = 'demo-warehouse.sqlite';

export function seedFdiDemo(db: Db, dataDir: string, now: () => number): void {
  const instances = db.prepare("SELECT id FROM instances WHERE name = 'roma-demo'").all() as { id: string }[];
  for (const { id: instanceId } of instances) {
    const flag = `fdi-demo:${instanceId}`;
    if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(flag)) continue;
    const app = db.prepare("SELECT id FROM apps WHERE instance_id = ? AND name = 'demo-app'").get(instanceId) as { id: string } | undefined;
    if (!app) continue;
    const dst = sqlitePath(dataDir, DEMO_TARGET_FILE);
    fs.mkdirSync(fdiDir(dataDir), { recursive: true });
    // the source file is filled on first use (demo-data.ts): tests start roma-local often
    if (!fs.existsSync(dst)) new Database(dst).close();
    db.transaction(() => {
      const ds = new DatasourceStore(db, now);
      const a = ds.create(instanceId, { datasource_name: 'demo-orders (SQLite)', datasource_type: 'SQLITE', app_id: app.id, content: { database_name: DEMO_SOURCE_FILE }, description: `Demo source: table orders, ${DEMO_ROWS} rows` });
      const b = ds.create(instanceId, { datasource_name: 'demo-warehouse (SQLite)', datasource_type: 'SQLITE', app_id: app.id, content: { database_name: DEMO_TARGET_FILE }, description: 'Demo target: empty, the task creates its table' });
      new TaskStore(db, now).create(instanceId, {
        task: { task_name: 'demo-orders-copy', task_type: 'TIMING', source_datasource_id: a.id, target_datasource_id: b.id, description: 'Copies demo orders; press Run and watch the monitor log', task_tag: 'demo' },
        task_detail: {
          sourceSelectedDatasource: { sourceTable: 'orders', orderColumn: 'id', orderType: 'ASC', need_inc_migration: true, sourceDateColumn: 'updated_at', batchSize: 5000 },
          targetSelectedDatasource: { targetTable: 'orders', targetNeedCreateTable: true, isSupportClearTab: false },
          mappingTable: [],
          mappingRequired: true,
        },
      });
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(flag, new Date(now()).toISOString());
    })();
  }
}
