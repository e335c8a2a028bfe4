// Device groups: a tree per integration app (parent_id 0 = root), and their device members.
import type { z } from 'zod';
import type { createDeviceGroupRequest, groupDevicesQuery, updateDeviceGroupRequest } from '../../contract/index';
import type { Db } from '../db/open';
import type { TokenInfo } from '../iam/tokens';
import { isoSeconds } from '../util';
import { LINK, uniqueTo } from './errors';
import { contains, PERMISSIONS, user, Where, stmt } from './sql';

export interface GroupRow {
  id: number; instance_id: string; app_id: string; parent_id: number; name: string; description: string;
  created_user_id: string; created_user_name: string; updated_user_id: string; updated_user_name: string;
  created_at: number; updated_at: number; app_name: string | null;
}
export interface TreeNode { id: number; name: string; parent_id: number; children: TreeNode[] }

export const toGroup = (g: GroupRow) => ({
  permissions: PERMISSIONS, parent_id: g.parent_id, id: g.id, name: g.name, description: g.description, app_id: g.app_id,
  app_name: g.app_name ?? '', created_user: user(g.created_user_id, g.created_user_name),
  last_updated_user: user(g.updated_user_id, g.updated_user_name),
  created_datetime: isoSeconds(g.created_at), last_updated_datetime: isoSeconds(g.updated_at),
});

const SELECT = 'SELECT g.*, a.name AS app_name FROM link_groups g LEFT JOIN apps a ON a.id = g.app_id';

export class GroupStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  tree(instanceId: string, appId: string): TreeNode[] {
    const rows = stmt(this.db, 'SELECT id, name, parent_id FROM link_groups WHERE instance_id = ? AND app_id = ? ORDER BY id')
      .all(instanceId, appId) as { id: number; name: string; parent_id: number }[];
    const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as TreeNode[] }]));
    const roots: TreeNode[] = [];
    for (const n of nodes.values()) (nodes.get(n.parent_id)?.children ?? roots).push(n);
    return roots;
  }

  get(instanceId: string, id: number): GroupRow {
    const g = stmt(this.db, `${SELECT} WHERE g.instance_id = ? AND g.id = ?`).get(instanceId, id) as GroupRow | undefined;
    if (!g) throw LINK.notFound('device group', id);
    return g;
  }

  create(instanceId: string, who: TokenInfo, b: z.output<typeof createDeviceGroupRequest>): GroupRow {
    if (!stmt(this.db, 'SELECT 1 FROM apps WHERE instance_id = ? AND id = ?').get(instanceId, b.app_id)) {
      throw LINK.notFound('integration app', b.app_id);
    }
    if (b.parent_id !== 0) {
      const parent = this.get(instanceId, b.parent_id);
      if (parent.app_id !== b.app_id) throw LINK.invalid("Invalid parameter 'parent_id': the parent group belongs to another app");
    }
    const t = this.now();
    try {
      const r = stmt(this.db, `INSERT INTO link_groups (instance_id, app_id, parent_id, name, description, created_user_id, created_user_name,
            updated_user_id, updated_user_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(instanceId, b.app_id, b.parent_id, b.name, b.description ?? '', who.userId, who.userName, who.userId, who.userName, t, t);
      return this.get(instanceId, Number(r.lastInsertRowid));
    } catch (err) {
      return uniqueTo(err, { link_groups: () => LINK.groupNameUsed(b.name) });
    }
  }

  update(instanceId: string, who: TokenInfo, id: number, b: z.output<typeof updateDeviceGroupRequest>): GroupRow {
    const cur = this.get(instanceId, id);
    try {
      stmt(this.db, `UPDATE link_groups SET name = ?, description = ?, updated_user_id = ?, updated_user_name = ?,
          updated_at = ? WHERE id = ?`)
        .run(b.name, b.description ?? cur.description, who.userId, who.userName, this.now(), id);
    } catch (err) {
      uniqueTo(err, { link_groups: () => LINK.groupNameUsed(b.name) });
    }
    return this.get(instanceId, id);
  }

  /** Refused while child groups exist; device memberships go with the group. */
  delete(instanceId: string, id: number): void {
    this.get(instanceId, id);
    if (stmt(this.db, 'SELECT 1 FROM link_groups WHERE parent_id = ?').get(id)) throw LINK.groupHasChildren();
    stmt(this.db, 'DELETE FROM link_groups WHERE id = ?').run(id);
  }

  devices(instanceId: string, id: number, q: z.output<typeof groupDevicesQuery>) {
    this.get(instanceId, id);
    const w = new Where().add('gd.group_id = @gid', { gid: id });
    if (q.device_name) w.add(`d.device_name LIKE @dn ESCAPE '\\'`, { dn: contains(q.device_name) });
    if (q.product_name) w.add(`p.name LIKE @pn ESCAPE '\\'`, { pn: contains(q.product_name) });
    const from = `FROM link_group_devices gd JOIN link_devices d ON d.id = gd.device_id JOIN link_products p ON p.id = d.product_id ${w.sql}`;
    const { total } = stmt(this.db, `SELECT COUNT(*) AS total ${from}`).get(w.params) as { total: number };
    const items = stmt(this.db, `SELECT d.id AS device_id, d.device_name, d.product_id, p.name AS product_name, d.status, d.online_status ${from}
        ORDER BY d.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...w.params, limit: q.limit ?? 10, offset: q.offset ?? 0 });
    return { total, items };
  }

  /** All-or-nothing: every device must exist in the instance and belong to the group's app. */
  addDevices(instanceId: string, id: number, ids: number[]): void {
    const g = this.get(instanceId, id);
    this.db.transaction(() => {
      for (const deviceId of new Set(ids)) {
        const d = stmt(this.db, 'SELECT app_id FROM link_devices WHERE instance_id = ? AND id = ?').get(instanceId, deviceId) as
          { app_id: string } | undefined;
        if (!d) throw LINK.notFound('device', deviceId);
        if (d.app_id !== g.app_id) throw LINK.groupOtherApp(deviceId);
        stmt(this.db, 'INSERT OR IGNORE INTO link_group_devices (group_id, device_id) VALUES (?, ?)').run(id, deviceId);
      }
    })();
  }

  removeDevice(instanceId: string, id: number, deviceId: number): void {
    this.get(instanceId, id);
    const r = stmt(this.db, 'DELETE FROM link_group_devices WHERE group_id = ? AND device_id = ?').run(id, deviceId);
    if (r.changes === 0) throw LINK.notFound('device in group', deviceId);
  }
}
