// Data sources: stored per instance; the password is kept but never answered.
import type { DatasourceContent, DatasourceListQuery } from '../../contract/index';
import type { Db } from '../db/open';
import { fuzzy, hex32 } from '../util';
import { FDI } from './errors';

export interface DatasourceRow {
  id: string; instance_id: string; name: string; type: string; app_id: string; content: string; description: string;
  create_time: number; update_time: number; seq: number;
}
export interface DatasourceInput { datasource_name: string; datasource_type: string; app_id: string; content: DatasourceContent; description?: string }

export const contentOf = (r: DatasourceRow): DatasourceContent => JSON.parse(r.content) as DatasourceContent;

export class DatasourceStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  appName(instanceId: string, appId: string): string | null {
    const r = this.db.prepare('SELECT name FROM apps WHERE id = ? AND instance_id = ?').get(appId, instanceId) as { name: string } | undefined;
    return r?.name ?? null;
  }

  toResponse(r: DatasourceRow) {
    const content = contentOf(r);
    const safe: Record<string, unknown> = { ...content };
    for (const k of ['password', 'sk', 'ssl_password', 'trust_store_password', 'key_store_password', 'key_store_key_password'] as const) {
      if (k in safe) safe[k] = '';
    }
    return {
      datasource_id: r.id, datasource_name: r.name, datasource_type: r.type, vpc_id: '', app_id: r.app_id,
      app_name: this.appName(r.instance_id, r.app_id) ?? '', instance_id: r.instance_id, create_time: r.create_time,
      update_time: r.update_time, custom_plugin_id: '', content: safe, description: r.description,
      app_permission: ['read', 'access', 'delete', 'modify'],
    };
  }

  list(instanceId: string, q: DatasourceListQuery): DatasourceRow[] {
    let rows = this.db.prepare('SELECT * FROM fdi_datasources WHERE instance_id = ?').all(instanceId) as DatasourceRow[];
    if (q.datasource_type) rows = rows.filter((r) => r.type === q.datasource_type!.toUpperCase());
    if (q.name) rows = rows.filter((r) => fuzzy(r.name, q.name!));
    if (q.app_id) rows = rows.filter((r) => r.app_id === q.app_id);
    if (q.custom_plugin_id) rows = [];
    const dir = q.sort_type === 'ASC' ? 1 : -1;
    return rows.sort((a, b) => dir * (a.create_time - b.create_time || a.seq - b.seq));
  }

  find(instanceId: string, id: string): DatasourceRow | undefined {
    return this.db.prepare('SELECT * FROM fdi_datasources WHERE id = ? AND instance_id = ?').get(id, instanceId) as DatasourceRow | undefined;
  }

  get(instanceId: string, id: string): DatasourceRow {
    const r = this.find(instanceId, id);
    if (!r) throw FDI.datasourceNotFound(id);
    return r;
  }

  private check(instanceId: string, input: DatasourceInput, exceptId = ''): void {
    if (!this.appName(instanceId, input.app_id)) throw FDI.invalid('app_id', `the integration application ${input.app_id} does not exist`);
    const dup = this.db.prepare('SELECT 1 FROM fdi_datasources WHERE instance_id = ? AND name = ? AND id <> ?').get(instanceId, input.datasource_name, exceptId);
    if (dup) throw FDI.datasourceNameUsed(input.datasource_name);
  }

  create(instanceId: string, input: DatasourceInput): DatasourceRow {
    const id = hex32();
    const now = this.now();
    this.db.transaction(() => {
      this.check(instanceId, input);
      const { seq } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM fdi_datasources').get() as { seq: number };
      this.db.prepare(
        `INSERT INTO fdi_datasources (id, instance_id, name, type, app_id, content, description, create_time, update_time, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, instanceId, input.datasource_name, input.datasource_type, input.app_id, JSON.stringify(input.content), input.description ?? '', now, now, seq);
    })();
    return this.get(instanceId, id);
  }

  /** An empty or absent password keeps the stored one (answers never carry it back). */
  mergeSecrets(stored: DatasourceContent, next: DatasourceContent): DatasourceContent {
    const out: DatasourceContent = { ...next };
    for (const k of ['password', 'sk', 'ssl_password', 'trust_store_password', 'key_store_password', 'key_store_key_password'] as const) {
      if (!out[k] && stored[k]) out[k] = stored[k];
    }
    return out;
  }

  update(instanceId: string, id: string, input: DatasourceInput): DatasourceRow {
    this.db.transaction(() => {
      const old = this.get(instanceId, id);
      this.check(instanceId, input, id);
      if (old.type !== input.datasource_type && this.usedBy(id).length > 0) {
        throw FDI.datasourceInUse(`The data source ${old.name} is used by a task: its type cannot change.`);
      }
      const content = this.mergeSecrets(contentOf(old), input.content);
      this.db.prepare('UPDATE fdi_datasources SET name = ?, type = ?, app_id = ?, content = ?, description = ?, update_time = ? WHERE id = ?')
        .run(input.datasource_name, input.datasource_type, input.app_id, JSON.stringify(content), input.description ?? old.description, this.now(), id);
    })();
    return this.get(instanceId, id);
  }

  usedBy(id: string): string[] {
    return (this.db.prepare('SELECT name FROM fdi_tasks WHERE source_ds = ? OR target_ds = ?').all(id, id) as { name: string }[]).map((r) => r.name);
  }

  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      const row = this.get(instanceId, id);
      const users = this.usedBy(id);
      if (users.length) throw FDI.datasourceInUse(`The data source ${row.name} is used by task(s): ${users.slice(0, 5).join(', ')}.`);
      this.db.prepare('DELETE FROM fdi_datasources WHERE id = ?').run(id);
    })();
  }
}
