// Dictionaries: code and name unique per instance, a two-level tree through parent_code,
// `system` entries editable but never deletable.
import type { Db } from '../db/open';
import { ROMA } from '../errors';
import { fuzzy, isoSeconds, uuid } from '../util';

export interface DictRow {
  id: string; instance_id: string; name: string; remark: string; code: string; extend_one: string;
  extend_two: string; parent_code: string; type: 'system' | 'user'; ord: number; create_time: number; update_time: number;
}
export interface DictInput {
  name: string; code: string; remark?: string; order?: number; extend_one?: string; extend_two?: string;
  parent_code?: string;
}
export type DictPatch = Partial<Pick<DictInput, 'name' | 'remark' | 'order' | 'extend_one' | 'extend_two'>>;

export function toDictionary(r: DictRow) {
  return {
    id: r.id, name: r.name, remark: r.remark, code: r.code, extend_one: r.extend_one, extend_two: r.extend_two,
    parent_code: r.parent_code, type: r.type, order: r.ord,
    create_time: isoSeconds(r.create_time), update_time: isoSeconds(r.update_time),
  };
}

export class DictionaryStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  /** Children of `parentCode` ('' = top level), filtered, ordered by `order` then code. */
  list(instanceId: string, parentCode: string, f: { code?: string; name?: string }): DictRow[] {
    const rows = this.db
      .prepare('SELECT * FROM dictionaries WHERE instance_id = ? AND parent_code = ? ORDER BY ord, code')
      .all(instanceId, parentCode) as DictRow[];
    return rows.filter((r) => (!f.code || fuzzy(r.code, f.code)) && (!f.name || fuzzy(r.name, f.name)));
  }

  get(instanceId: string, id: string): DictRow {
    const row = this.db.prepare('SELECT * FROM dictionaries WHERE instance_id = ? AND id = ?').get(instanceId, id) as
      | DictRow
      | undefined;
    if (!row) throw ROMA.notFound(id);
    return row;
  }

  private assertUnique(instanceId: string, field: 'code' | 'name', value: string, exceptId = ''): void {
    if (this.db.prepare(`SELECT 1 FROM dictionaries WHERE instance_id = ? AND ${field} = ? AND id <> ?`).get(instanceId, value, exceptId)) {
      throw ROMA.conflict(`A dictionary with this ${field} already exists: ${value}`);
    }
  }

  create(instanceId: string, d: DictInput, type: 'system' | 'user' = 'user'): DictRow {
    const id = uuid();
    const now = this.now();
    const parent = d.parent_code?.trim() ?? '';
    this.db.transaction(() => {
      this.assertUnique(instanceId, 'code', d.code);
      this.assertUnique(instanceId, 'name', d.name);
      if (parent !== '') {
        const p = this.db.prepare('SELECT parent_code FROM dictionaries WHERE instance_id = ? AND code = ?').get(instanceId, parent) as
          | { parent_code: string }
          | undefined;
        if (!p) throw ROMA.noParent(`The parent dictionary ${parent} does not exist.`);
        if (p.parent_code !== '') {
          throw ROMA.tooDeep(`Dictionary ${parent} is itself a child; dictionaries have only two levels.`);
        }
      }
      this.db
        .prepare(
          `INSERT INTO dictionaries (id, instance_id, name, remark, code, extend_one, extend_two, parent_code, type, ord,
             create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, instanceId, d.name, d.remark ?? '', d.code, d.extend_one ?? '', d.extend_two ?? '', parent, type,
          d.order ?? 0, now, now);
    })();
    return this.get(instanceId, id);
  }

  update(instanceId: string, id: string, p: DictPatch): DictRow {
    this.db.transaction(() => {
      this.get(instanceId, id);
      if (p.name !== undefined) this.assertUnique(instanceId, 'name', p.name, id);
      this.db
        .prepare(
          `UPDATE dictionaries SET name = COALESCE(?, name), remark = COALESCE(?, remark), ord = COALESCE(?, ord),
             extend_one = COALESCE(?, extend_one), extend_two = COALESCE(?, extend_two), update_time = ? WHERE id = ?`,
        )
        .run(p.name ?? null, p.remark ?? null, p.order ?? null, p.extend_one ?? null, p.extend_two ?? null, this.now(), id);
    })();
    return this.get(instanceId, id);
  }

  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      const row = this.get(instanceId, id);
      if (row.type === 'system') {
        throw ROMA.systemDict(`System dictionaries cannot be deleted (${row.code}); they can only be edited.`);
      }
      const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM dictionaries WHERE instance_id = ? AND parent_code = ?').get(instanceId, row.code) as { n: number };
      if (n > 0) throw ROMA.hasChildren(`Dictionary ${row.code} still has ${n} child dictionaries; delete them first.`);
      this.db.prepare('DELETE FROM dictionaries WHERE id = ?').run(id);
    })();
  }

  /** Exact lookup by name and/or code (all given ones must match). */
  find(instanceId: string, q: { name?: string; code?: string }): DictRow | undefined {
    return this.db
      .prepare(
        `SELECT * FROM dictionaries WHERE instance_id = @instance AND (@name IS NULL OR name = @name)
           AND (@code IS NULL OR code = @code) LIMIT 1`,
      )
      .get({ instance: instanceId, name: q.name ?? null, code: q.code ?? null }) as DictRow | undefined;
  }
}
