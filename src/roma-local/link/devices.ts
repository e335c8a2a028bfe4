// Devices: CRUD, credentials, sub-devices, list filters (index-backed for 100 000+ devices),
// statistics and the status/shadow writes the MQTT broker makes.
import type { z } from 'zod';
import type { createDeviceRequest, deviceListQuery, subsetsQuery, updateDeviceRequest } from '../../contract/index';
import type { Db } from '../db/open';
import type { TokenInfo } from '../iam/tokens';
import { clientId, devicePassword, deviceUserName } from './credentials';
import { LINK, uniqueTo } from './errors';
import type { ProductRow } from './products';
import { PERMISSIONS, prefixEnd, user, Where, stmt } from './sql';

export type StatusChange = { online: true; ip: string | null; keepalive: number; at: number } | { online: false };

export interface DeviceRow {
  id: number; instance_id: string; product_id: number; parent_id: number | null; app_id: string; device_name: string;
  node_id: string; node_type: 0 | 1 | 2; client_id: string; user_name: string; password: string; status: 0 | 1;
  online_status: 0 | 1 | 2; description: string; tags: string; version: string | null; created_user_id: string;
  created_user_name: string; updated_user_id: string; updated_user_name: string; created_at: number; updated_at: number;
  last_login: number | null; last_active: number | null; client_ip: string | null; keep_alive: number | null;
  // joined
  product_name: string; manufacturer_id: string; model: string; protocol_type: 0 | 2 | 4; product_type: 0 | 1;
  product_serial: string; parent_name: string | null; app_name: string | null;
}

const SELECT = `SELECT d.*, p.name AS product_name, p.manufacturer_id, p.model, p.protocol_type, p.product_type,
  p.product_serial, par.device_name AS parent_name, a.name AS app_name
  FROM link_devices d JOIN link_products p ON p.id = d.product_id
  LEFT JOIN link_devices par ON par.id = d.parent_id LEFT JOIN apps a ON a.id = d.app_id`;

export function toDevice(d: DeviceRow, address: string) {
  return {
    permissions: PERMISSIONS, id: d.id, device_id: d.id, parent_device_id: d.parent_id, parent_device_name: d.parent_name,
    product: {
      product_id: d.product_id, product_name: d.product_name, manufacturer_id: d.manufacturer_id, model: d.model,
      protocol_type: d.protocol_type, product_type: d.product_type,
    },
    device_name: d.device_name, instance_id: d.instance_id, client_id: d.client_id, node_id: d.node_id,
    app_name: d.app_name ?? '', status: d.status, online_status: d.online_status, description: d.description,
    authentication: { user_name: d.user_name, password: d.password },
    created_user: user(d.created_user_id, d.created_user_name), last_updated_user: user(d.updated_user_id, d.updated_user_name),
    tags: JSON.parse(d.tags) as string[], created_datetime: d.created_at, last_updated_datetime: d.updated_at,
    ...addresses(address), last_login_datetime: d.last_login, node_type: d.node_type, device_type: d.node_type,
    client_ip: d.client_ip, keep_alive: d.keep_alive === null ? null : String(d.keep_alive), last_active_time: d.last_active,
    version: d.version, app_id: d.app_id,
  };
}
/** Only plain MQTT is served; the SSL and IPv6 addresses stay empty. */
export const addresses = (address: string) => ({
  connect_address: address, ssl_connect_address: '', ipv6_connect_address: '', ipv6_ssl_connect_address: '',
});

type ListFilter = z.output<typeof deviceListQuery>;

// List totals per filter, exact: dropped on every write that can change a filter's result
// (create, update, delete, status change, product rename). COUNT(*) over 100 000 rows is what
// dominates a page otherwise; paging through one filter then costs a LIMIT query only.
const totals = new WeakMap<Db, Map<string, number>>();
const totalsOf = (db: Db): Map<string, number> => {
  let m = totals.get(db);
  if (!m) totals.set(db, (m = new Map()));
  return m;
};
/** Call after any write to link_devices (or a product name) that bypasses DeviceStore. */
export const devicesChanged = (db: Db): void => totalsOf(db).clear();
const UNIQUE = (name: string, node: string) => ({
  'link_devices.instance_id, link_devices.device_name': () => LINK.deviceNameUsed(name),
  'link_devices.product_id, link_devices.node_id': () => LINK.nodeIdUsed(node),
  'link_devices.user_name': () => LINK.userNameUsed(),
});

export class DeviceStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  private filter(instanceId: string, q: Partial<ListFilter>): Where {
    const w = new Where().add('d.instance_id = @inst', { inst: instanceId });
    if (q.app_id) w.add('d.app_id = @app', { app: q.app_id });
    if (q.product_id !== undefined) w.add('d.product_id = @pid', { pid: q.product_id });
    if (q.product_name) {
      w.add(`d.product_id IN (SELECT id FROM link_products WHERE instance_id = @inst AND name LIKE @pn ESCAPE '\\')`, {
        pn: `%${q.product_name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    // names and ids: "starts with", served by an index range scan
    for (const [k, col] of [['device_name', 'device_name'], ['client_id', 'client_id'], ['node_id', 'node_id']] as const) {
      const v = q[k];
      if (v) w.add(`d.${col} >= @${k}_lo AND d.${col} < @${k}_hi`, { [`${k}_lo`]: v, [`${k}_hi`]: prefixEnd(v) });
    }
    if (q.node_type !== undefined) w.add('d.node_type = @nt', { nt: q.node_type });
    if (q.online_status?.length) {
      const keys = q.online_status.map((s, i) => [`os${i}`, s] as const);
      w.add(`d.online_status IN (${keys.map(([k]) => `@${k}`).join(', ')})`, Object.fromEntries(keys));
    }
    if (q.created_date_start !== undefined) w.add('d.created_at >= @ds', { ds: q.created_date_start });
    if (q.created_date_end !== undefined) w.add('d.created_at <= @de', { de: q.created_date_end });
    if (q.tag) w.add('EXISTS (SELECT 1 FROM json_each(d.tags) WHERE value = @tag)', { tag: q.tag });
    return w;
  }

  list(instanceId: string, q: Partial<ListFilter>, extra?: (w: Where) => void): { total: number; items: DeviceRow[] } {
    const w = this.filter(instanceId, q);
    extra?.(w);
    const cache = totalsOf(this.db);
    const key = `${w.sql}|${JSON.stringify(w.params)}`;
    let total = cache.get(key);
    if (total === undefined) {
      total = (stmt(this.db, `SELECT COUNT(*) AS total FROM link_devices d ${w.sql}`).get(w.params) as { total: number }).total;
      if (cache.size >= 500) cache.clear();
      cache.set(key, total);
    }
    const items = stmt(this.db, `${SELECT} WHERE d.id IN (SELECT d.id FROM link_devices d ${w.sql} ORDER BY d.id DESC LIMIT @limit OFFSET @offset)
        ORDER BY d.id DESC`)
      .all({ ...w.params, limit: q.limit ?? 10, offset: q.offset ?? 0 }) as DeviceRow[];
    return { total, items };
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
      return stmt(this.db, `${SELECT} WHERE d.instance_id = ? AND d.id IN (SELECT value FROM json_each(?)) ORDER BY d.id DESC`)
        .all(instanceId, JSON.stringify(ids)) as DeviceRow[];
    }
    return stmt(this.db, `${SELECT} WHERE d.instance_id = ? ORDER BY d.id DESC`).all(instanceId) as DeviceRow[];
  }

  find(instanceId: string, id: number): DeviceRow | undefined {
    return stmt(this.db, `${SELECT} WHERE d.instance_id = ? AND d.id = ?`).get(instanceId, id) as DeviceRow | undefined;
  }
  get(instanceId: string, id: number): DeviceRow {
    const d = this.find(instanceId, id);
    if (!d) throw LINK.notFound('device', id);
    return d;
  }
  byId(id: number): DeviceRow | undefined {
    return stmt(this.db, `${SELECT} WHERE d.id = ?`).get(id) as DeviceRow | undefined;
  }
  /** What the broker needs at CONNECT (a slim query: it runs once per connection attempt). */
  loginInfo(client: string) {
    return stmt(this.db, `SELECT d.id, d.product_id, d.node_id, d.node_type, d.user_name, d.password, d.status, p.product_serial
      FROM link_devices d JOIN link_products p ON p.id = d.product_id WHERE d.client_id = ?`).get(client) as
      Pick<DeviceRow, 'id' | 'product_id' | 'node_id' | 'node_type' | 'user_name' | 'password' | 'status' | 'product_serial'> | undefined;
  }
  byClientId(client: string): DeviceRow | undefined {
    return stmt(this.db, `${SELECT} WHERE d.client_id = ?`).get(client) as DeviceRow | undefined;
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

  // ---- writes made by the broker ----
  /** Online/offline changes from the broker, in one transaction. */
  applyStatus(changes: [number, StatusChange][]): void {
    if (changes.length === 0) return;
    const on = stmt(this.db, `UPDATE link_devices SET online_status = 1, last_login = ?, last_active = ?, client_ip = ?,
      keep_alive = ? WHERE id = ?`);
    const off = stmt(this.db, 'UPDATE link_devices SET online_status = 2 WHERE id = ? AND online_status = 1');
    this.db.transaction(() => {
      for (const [id, c] of changes) {
        if (c.online) on.run(c.at, c.at, c.ip, c.keepalive, id);
        else off.run(id);
      }
    })();
    devicesChanged(this.db);
  }
  touch(id: number, t: number): void {
    stmt(this.db, 'UPDATE link_devices SET last_active = ? WHERE id = ?').run(t, id);
  }
  /** At start: nobody is connected yet. */
  allOffline(): void {
    stmt(this.db, 'UPDATE link_devices SET online_status = 2 WHERE online_status = 1').run();
    devicesChanged(this.db);
  }
}
