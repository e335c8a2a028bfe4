// Devices: CRUD, credentials, sub-devices and statistics. The list is in device-list.ts, the
// broker's status writes in device-status.ts, the row and its API shape in device-row.ts.
import type { z } from 'zod';
import type { createDeviceRequest, subsetsQuery, updateDeviceRequest } from '../../contract/index';
import type { Db } from '../db/open';
import type { TokenInfo } from '../iam/tokens';
import { clientId, devicePassword, deviceUserName } from './credentials';
import { devicesChanged, listDevices, type ListFilter } from './device-list';
import { DEVICE_SELECT, type DeviceRow } from './device-row';
import { LINK, uniqueTo } from './errors';
import { loginChanged } from './login-cache';
import type { ProductRow } from './products';
import { stmt, type Where } from './sql';

const UNIQUE = (name: string, node: string) => ({
  'link_devices.instance_id, link_devices.device_name': () => LINK.deviceNameUsed(name),
  'link_devices.product_id, link_devices.node_id': () => LINK.nodeIdUsed(node),
  'link_devices.user_name': () => LINK.userNameUsed(),
});

export class DeviceStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  list(instanceId: string, q: Partial<ListFilter>, extra?: (w: Where) => void): { total: number; items: DeviceRow[] } {
    return listDevices(this.db, instanceId, q, extra);
  }

  subsets(instanceId: string, gatewayId: number, q: z.output<typeof subsetsQuery>) {
    const gw = this.get(instanceId, gatewayId);
    if (gw.node_type !== 1) throw LINK.notGateway(gw.device_name);
    return this.list(instanceId, { offset: q.offset, limit: q.limit, device_name: q.device_name, online_status: q.online_status }, (w) => {
      w.add('d.parent_id = @parent', { parent: gatewayId });
      if (q.status !== undefined) w.add('d.status = @st', { st: q.status });
    });
  }

  /** Every device matching (export): ids, or all of the instance. */
  all(instanceId: string, ids?: number[]): DeviceRow[] {
    if (ids?.length) {
      return stmt(this.db, `${DEVICE_SELECT} WHERE d.instance_id = ? AND d.id IN (SELECT value FROM json_each(?)) ORDER BY d.id DESC`)
        .all(instanceId, JSON.stringify(ids)) as DeviceRow[];
    }
    return stmt(this.db, `${DEVICE_SELECT} WHERE d.instance_id = ? ORDER BY d.id DESC`).all(instanceId) as DeviceRow[];
  }

  find(instanceId: string, id: number): DeviceRow | undefined {
    return stmt(this.db, `${DEVICE_SELECT} WHERE d.instance_id = ? AND d.id = ?`).get(instanceId, id) as DeviceRow | undefined;
  }
  get(instanceId: string, id: number): DeviceRow {
    const d = this.find(instanceId, id);
    if (!d) throw LINK.notFound('device', id);
    return d;
  }
  byId(id: number): DeviceRow | undefined {
    return stmt(this.db, `${DEVICE_SELECT} WHERE d.id = ?`).get(id) as DeviceRow | undefined;
  }
  byClientId(client: string): DeviceRow | undefined {
    return stmt(this.db, `${DEVICE_SELECT} WHERE d.client_id = ?`).get(client) as DeviceRow | undefined;
  }

  resolveProduct(instanceId: string, ref: z.output<typeof createDeviceRequest>['product']): ProductRow {
    const row = ref.product_id !== undefined
      ? stmt(this.db, 'SELECT * FROM link_products WHERE instance_id = ? AND id = ?').get(instanceId, ref.product_id)
      : stmt(this.db, 'SELECT * FROM link_products WHERE instance_id = ? AND manufacturer_id = ? AND model = ?')
        .get(instanceId, ref.manufacturer_id, ref.model);
    if (!row) throw LINK.notFound('product', ref.product_id ?? `${ref.manufacturer_id}/${ref.model}`);
    return row as ProductRow;
  }

  create(instanceId: string, who: TokenInfo, b: z.output<typeof createDeviceRequest>): DeviceRow {
    if (!stmt(this.db, 'SELECT 1 FROM apps WHERE instance_id = ? AND id = ?').get(instanceId, b.app_id)) {
      throw LINK.notFound('integration app', b.app_id);
    }
    const product = this.resolveProduct(instanceId, b.product);
    let nodeType: 0 | 1 | 2 = product.product_type === 1 ? 1 : 0;
    if (b.parent_device_id !== undefined) {
      const parent = this.get(instanceId, b.parent_device_id);
      if (parent.node_type !== 1) throw LINK.notGateway(parent.device_name);
      if (product.product_type === 1) throw LINK.badSubset('A device of a gateway product cannot be a sub-device.');
      nodeType = 2;
    }
    const t = this.now();
    return this.db.transaction(() => {
      try {
        const r = stmt(this.db, 
            `INSERT INTO link_devices (instance_id, product_id, parent_id, app_id, device_name, node_id, node_type, client_id,
               user_name, password, status, description, tags, created_user_id, created_user_name, updated_user_id,
               updated_user_name, created_at, updated_at)
             VALUES (@inst, @pid, @parent, @app, @name, @node, @nt, @tmp, @un, @pw, @status, @desc, @tags, @uid, @uname,
               @uid, @uname, @t, @t)`,
          )
          .run({
            inst: instanceId, pid: product.id, parent: b.parent_device_id ?? null, app: b.app_id, name: b.device_name,
            node: b.node_id, nt: nodeType, tmp: `tmp-${t}-${Math.random()}`, un: b.user_name ?? deviceUserName(),
            pw: b.password ?? devicePassword(), status: b.status ?? 0, desc: b.description ?? '',
            tags: JSON.stringify(b.tags ?? []), uid: who.userId, uname: who.userName, t,
          });
        const id = Number(r.lastInsertRowid);
        stmt(this.db, 'UPDATE link_devices SET client_id = ? WHERE id = ?').run(clientId(product.id, id), id);
        devicesChanged(this.db);
        return this.get(instanceId, id);
      } catch (err) {
        return uniqueTo(err, UNIQUE(b.device_name, b.node_id));
      }
    })();
  }

  update(instanceId: string, who: TokenInfo, id: number, b: z.output<typeof updateDeviceRequest>): DeviceRow {
    const cur = this.get(instanceId, id);
    try {
      stmt(this.db, `UPDATE link_devices SET device_name = ?, status = ?, description = ?, tags = ?, updated_user_id = ?,
           updated_user_name = ?, updated_at = ? WHERE id = ?`)
        .run(b.device_name, b.status, b.description ?? cur.description, b.tags ? JSON.stringify(b.tags) : cur.tags,
          who.userId, who.userName, this.now(), id);
    } catch (err) {
      uniqueTo(err, UNIQUE(b.device_name, cur.node_id));
    }
    devicesChanged(this.db);
    return this.get(instanceId, id);
  }

  /** All-or-nothing: every id must exist, be offline and have no sub-devices. */
  delete(instanceId: string, ids: number[]): void {
    const unique = [...new Set(ids)];
    this.db.transaction(() => {
      for (const id of unique) {
        const d = this.get(instanceId, id);
        if (d.online_status === 1) throw LINK.deviceOnline(d.device_name);
        const child = stmt(this.db, 'SELECT id FROM link_devices WHERE parent_id = ?').all(id) as { id: number }[];
        if (child.some((c) => !unique.includes(c.id))) throw LINK.gatewayHasSubsets(d.device_name);
      }
      // children first (the parent FK)
      const del = stmt(this.db, 'DELETE FROM link_devices WHERE id = ?');
      const sorted = unique.map((id) => this.get(instanceId, id)).sort((a, b) => (b.parent_id ? 1 : 0) - (a.parent_id ? 1 : 0));
      for (const d of sorted) del.run(d.id);
      devicesChanged(this.db);
    })();
  }

  resetAuth(instanceId: string, id: number, b: { user_name?: string; password?: string }) {
    const cur = this.get(instanceId, id);
    const regenerate = !b.user_name && !b.password;
    const userName = b.user_name || cur.user_name;
    const password = regenerate ? devicePassword() : b.password || cur.password;
    try {
      stmt(this.db, 'UPDATE link_devices SET user_name = ?, password = ?, updated_at = ? WHERE id = ?')
        .run(userName, password, this.now(), id);
    } catch (err) {
      uniqueTo(err, UNIQUE(cur.device_name, cur.node_id));
    }
    loginChanged(this.db); // the old password stops working at the next CONNECT
    return { user_name: userName, password };
  }

  /** Attach ordinary devices to a gateway; all-or-nothing. */
  addSubsets(instanceId: string, gatewayId: number, ids: number[]): DeviceRow[] {
    const gw = this.get(instanceId, gatewayId);
    if (gw.node_type !== 1) throw LINK.notGateway(gw.device_name);
    const unique = [...new Set(ids)];
    return this.db.transaction(() => {
      for (const id of unique) {
        const d = this.get(instanceId, id);
        if (d.node_type !== 0) {
          throw LINK.badSubset(`Device ${id} ('${d.device_name}') is not an ordinary direct device (gateways and sub-devices cannot be attached).`);
        }
        stmt(this.db, 'UPDATE link_devices SET parent_id = ?, node_type = 2, updated_at = ? WHERE id = ?').run(gatewayId, this.now(), id);
      }
      devicesChanged(this.db);
      return unique.map((id) => this.get(instanceId, id));
    })();
  }

  counts(instanceId: string) {
    const rows = stmt(this.db, 'SELECT node_type, online_status, COUNT(*) AS n FROM link_devices WHERE instance_id = ? GROUP BY node_type, online_status')
      .all(instanceId) as { node_type: number; online_status: number; n: number }[];
    const zero = () => ({ never_connected: 0, online: 0, offline: 0 });
    const out = { normal_devices: zero(), gateway_devices: zero(), subsets_devices: zero() };
    const keys = ['normal_devices', 'gateway_devices', 'subsets_devices'] as const;
    const states = ['never_connected', 'online', 'offline'] as const;
    for (const r of rows) out[keys[r.node_type]!][states[r.online_status]!] += r.n;
    const p = stmt(this.db, 'SELECT product_type, COUNT(*) AS n FROM link_products WHERE instance_id = ? GROUP BY product_type')
      .all(instanceId) as { product_type: number; n: number }[];
    return {
      product_templates: { product_templates_numbers: 0 },
      products: {
        normal_products_numbers: p.find((x) => x.product_type === 0)?.n ?? 0,
        gateway_products_numbers: p.find((x) => x.product_type === 1)?.n ?? 0,
      },
      devices: out,
    };
  }
}
