// The demo source's rows: 200 000 orders written in one transaction, generated the first time
// the demo source file is opened.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const DEMO_ROWS = 200_000;
export const DEMO_SOURCE_FILE = 'demo-orders.sqlite';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const stamp = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const STATUSES = ['NEW', 'PAID', 'SHIPPED', 'DONE'];

/** Create (or refill) the demo `orders` table with `rows` rows, in one transaction. */
export function createDemoOrders(file: string, rows: number): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS orders (
        id INTEGER PRIMARY KEY, customer VARCHAR(64) NOT NULL, amount DECIMAL(10,2) NOT NULL, status VARCHAR(16) NOT NULL,
        created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)`);
    const ins = db.prepare('INSERT INTO orders (id, customer, amount, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const base = Date.UTC(2025, 0, 1);
    db.transaction(() => {
      db.exec('DELETE FROM orders');
      for (let i = 1; i <= rows; i++) {
        const created = base + i * 60_000;
        ins.run(i, `customer-${i % 5000}`, ((i * 7919) % 100000) / 100, STATUSES[i % 4], stamp(created), stamp(created + (i % 3600) * 1000));
      }
    })();
  } finally {
    db.close();
  }
}

/** The demo source is filled on first use (not at every start: tests start roma-local often). */
export function materialiseDemo(file: string, fdiFolder: string): void {
  if (path.basename(file) === DEMO_SOURCE_FILE && path.dirname(file) === path.resolve(fdiFolder) && !fs.existsSync(file)) createDemoOrders(file, DEMO_ROWS);
}

