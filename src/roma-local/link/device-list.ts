// The device list: every filter of the reference, index-backed for 100 000+ devices, with exact
// totals cached per filter (COUNT(*) over 100 000 rows is what dominates a page otherwise).
import type { z } from 'zod';
import type { deviceListQuery } from '../../contract/index';
import type { Db } from '../db/open';
import { DEVICE_SELECT, type DeviceRow } from './device-row';
import { loginChanged } from './login-cache';
import { prefixEnd, Where, stmt } from './sql';

export type ListFilter = z.output<typeof deviceListQuery>;

// Totals per filter, exact: dropped on every write that can change a filter's result (create,
// update, delete, status change, product rename). Paging through one filter then costs a LIMIT
// query only.
const totals = new WeakMap<Db, Map<string, number>>();
const totalsOf = (db: Db): Map<string, number> => {
  let m = totals.get(db);
  if (!m) totals.set(db, (m = new Map()));
  return m;
};
/**
 * After online/offline changes only: just the totals of filters on online_status move (the
 * unfiltered, product and name totals stay cached while devices come and go), and no login.
 */
export const statusChanged = (db: Db): void => {
  const m = totalsOf(db);
  for (const key of m.keys()) if (key.includes('d.online_status')) m.delete(key);
};
/** Call after any write to link_devices (or a product name) that bypasses DeviceStore. */
export const devicesChanged = (db: Db): void => {
  totalsOf(db).clear();
  loginChanged(db);
};

function filter(instanceId: string, q: Partial<ListFilter>): Where {
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

export function listDevices(db: Db, instanceId: string, q: Partial<ListFilter>, extra?: (w: Where) => void): { total: number; items: DeviceRow[] } {
  const w = filter(instanceId, q);
  extra?.(w);
  const cache = totalsOf(db);
  const key = `${w.sql}|${JSON.stringify(w.params)}`;
  let total = cache.get(key);
  if (total === undefined) {
    total = (stmt(db, `SELECT COUNT(*) AS total FROM link_devices d ${w.sql}`).get(w.params) as { total: number }).total;
    if (cache.size >= 500) cache.clear();
    cache.set(key, total);
  }
  const items = stmt(db, `${DEVICE_SELECT} WHERE d.id IN (SELECT d.id FROM link_devices d ${w.sql} ORDER BY d.id DESC LIMIT @limit OFFSET @offset)
      ORDER BY d.id DESC`)
    .all({ ...w.params, limit: q.limit ?? 10, offset: q.offset ?? 0 }) as DeviceRow[];
  return { total, items };
}
