// What the broker needs at CONNECT, kept in memory: a reconnect storm (every device after a
// restart or a network blip) then costs no database read per connection. Entries are dropped
// on every write that can change a login (devicesChanged: create, update, disable, delete,
// sub-device changes; credential resets; product topic changes), so a refusal or a new
// password takes effect on the next CONNECT exactly as with a direct read.
import type { Db } from '../db/open';
import type { DeviceRow } from './device-row';
import type { TopicRow } from './products';
import { stmt } from './sql';

export type LoginInfo = Pick<DeviceRow, 'id' | 'product_id' | 'node_id' | 'node_type' | 'user_name' | 'password' | 'status' | 'product_serial'>;

const MAX_ENTRIES = 200_000; // (chosen) well above the devices one roma-local serves; cleared past it
interface Cache { logins: Map<string, LoginInfo>; topics: Map<number, TopicRow[]> }
const caches = new WeakMap<Db, Cache>();
const cacheOf = (db: Db): Cache => {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { logins: new Map(), topics: new Map() }));
  return c;
};

export function loginChanged(db: Db): void {
  const c = caches.get(db);
  c?.logins.clear();
  c?.topics.clear();
}

const LOGIN_SQL = `SELECT d.id, d.client_id, d.product_id, d.node_id, d.node_type, d.user_name, d.password, d.status, p.product_serial
  FROM link_devices d JOIN link_products p ON p.id = d.product_id`;

/**
 * The device a client id belongs to, or undefined (unknown ids are not cached). The ids not cached yet are read in one query per
 * event-loop turn (a connect storm otherwise pays one read transaction per device).
 */
export function loginInfoBatched(db: Db, clientId: string, cb: (d: LoginInfo | undefined) => void): void {
  const { logins } = cacheOf(db);
  const hit = logins.get(clientId);
  if (hit) return cb(hit);
  let waiting = pending.get(db);
  if (!waiting) {
    pending.set(db, (waiting = new Map()));
    setImmediate(() => readPending(db));
  }
  const list = waiting.get(clientId);
  if (list) list.push(cb);
  else waiting.set(clientId, [cb]);
}

const pending = new WeakMap<Db, Map<string, ((d: LoginInfo | undefined) => void)[]>>();
function readPending(db: Db): void {
  const waiting = pending.get(db)!;
  pending.delete(db);
  const { logins } = cacheOf(db);
  const found = new Map<string, LoginInfo>();
  try {
    const ids = [...waiting.keys()];
    const q = stmt(db, `${LOGIN_SQL} WHERE d.client_id IN (SELECT value FROM json_each(?))`);
    for (let i = 0; i < ids.length; i += 500) {
      for (const row of q.all(JSON.stringify(ids.slice(i, i + 500))) as (LoginInfo & { client_id: string })[]) {
        found.set(row.client_id, row);
        remember(logins, row.client_id, row);
      }
    }
  } catch {
    found.clear(); // a closed database: everyone is refused
  }
  for (const [id, cbs] of waiting) for (const cb of cbs) cb(found.get(id));
}

function remember(logins: Map<string, LoginInfo>, clientId: string, d: LoginInfo): void {
  if (logins.size >= MAX_ENTRIES) logins.clear();
  logins.set(clientId, d);
}

/** A product's custom topics (part of each device's topic rights). */
export function productTopics(db: Db, productId: number): TopicRow[] {
  const { topics } = cacheOf(db);
  let t = topics.get(productId);
  if (!t) {
    t = stmt(db, 'SELECT * FROM link_product_topics WHERE product_id = ? ORDER BY id').all(productId) as TopicRow[];
    topics.set(productId, t);
  }
  return t;
}
