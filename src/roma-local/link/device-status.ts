// The writes the MQTT broker makes to devices: online/offline (batched by StatusWriter), the
// last-active time of data reports, and "nobody is online" at start and stop.
import type { Db } from '../db/open';
import { statusChanged } from './device-list';
import { stmt } from './sql';

export type StatusChange = { online: true; ip: string | null; keepalive: number; at: number } | { online: false };

/** Online/offline changes, in order, in one transaction. */
export function applyStatus(db: Db, changes: [number, StatusChange][]): void {
  if (changes.length === 0) return;
  const on = stmt(db, `UPDATE link_devices SET online_status = 1, last_login = ?, last_active = ?, client_ip = ?,
    keep_alive = ? WHERE id = ?`);
  const off = stmt(db, 'UPDATE link_devices SET online_status = 2 WHERE id = ? AND online_status = 1');
  db.transaction(() => {
    for (const [id, c] of changes) {
      if (c.online) on.run(c.at, c.at, c.ip, c.keepalive, id);
      else off.run(id);
    }
  })();
  statusChanged(db);
}

export function touchDevice(db: Db, id: number, t: number): void {
  stmt(db, 'UPDATE link_devices SET last_active = ? WHERE id = ?').run(t, id);
}

export function allOffline(db: Db): void {
  stmt(db, 'UPDATE link_devices SET online_status = 2 WHERE online_status = 1').run();
  statusChanged(db);
}
