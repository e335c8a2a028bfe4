// FDI end to end on roma-local's own SQLITE type: a run really moves rows, converts, counts
// dirty rows, checks integrity, and incremental runs pick up only what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detail, fdiClient, type FdiClient } from '../support/fdi';

let c: FdiClient;
beforeAll(async () => { c = await fdiClient(); });
afterAll(async () => { await c?.close(); });

describe('SQLite → SQLite', () => {
  it('full run: creates the target, copies every row, integrity consistent, detail logs with vendor codes', async () => {
    const src = c.sqliteFile('a.db', `CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(8,2), ts DATETIME);`);
    const ins = src.prepare('INSERT INTO items VALUES (?, ?, ?, ?)');
    src.transaction(() => { for (let i = 1; i <= 3000; i++) ins.run(i, `item-${i}`, (i % 100) + 0.5, `2025-01-01 00:00:${String(i % 60).padStart(2, '0')}`); })();
    src.close();
    const a = await c.datasource('sqlite-a', 'SQLITE', { database_name: 'a.db' });
    const b = await c.datasource('sqlite-b', 'SQLITE', { database_name: 'b.db' });
    const t = await c.task('copy-items', a, b, detail('items', 'items_copy', { target: { targetNeedCreateTable: true }, source: { batchSize: 700 } }));
    const log = await c.runToEnd(t);
    expect(log.execute_status).toBe('SUCCESS');
    expect(log.data_count).toBe(3000);
    expect(log.expected_count).toBe(3000);
    expect(log.dirty_data_count).toBe(0);
    const codes = log.detail_logs.map((d: { status: number }) => d.status);
    expect(codes).toEqual(expect.arrayContaining([900, 99, 104, 504, 903, 901]));
    expect(log.detail_logs.find((d: { status: number }) => d.status === 903).remarks).toMatch(/^consistent/);
    const dst = c.sqliteFile('b.db');
    expect(dst.prepare('SELECT COUNT(*) AS n, SUM(price) AS s FROM items_copy').get()).toEqual({ n: 3000, s: expect.closeTo(3000 * 50, 0) });
    dst.close();
  });
});
