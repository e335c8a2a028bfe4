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
    // no step ends before it begins (the adapter step used to take the end time of the 900 step)
    for (const d of log.detail_logs as { status: number; spend_time: number; step_begin_time: number; step_end_time: number | null }[]) {
      expect(d.spend_time, `step ${d.status}`).toBeGreaterThanOrEqual(0);
      expect(d.step_end_time, `step ${d.status}`).not.toBeNull();
      expect(d.step_end_time!, `step ${d.status}`).toBeGreaterThanOrEqual(d.step_begin_time);
    }
    const adapter = log.detail_logs.find((d: { status: number }) => d.status === 99);
    const reader = log.detail_logs.find((d: { status: number }) => d.status === 104);
    expect(adapter.step_end_time).toBeLessThanOrEqual(reader.step_begin_time); // it ends when both sides are connected
  });

  it('a keyless source (rowid batches), filtered, mapped to other column names, one dirty row: the target gets exactly the rest', async () => {
    // most batches pass unchanged (copied inside SQLite, the source attached), the one with the dirty row is written from JS
    const src = c.sqliteFile('k-src.db', 'CREATE TABLE k (n INTEGER NOT NULL, label TEXT, amount REAL)');
    const ins = src.prepare('INSERT INTO k VALUES (?, ?, ?)');
    src.transaction(() => { for (let i = 1; i <= 2600; i++) ins.run(i, i === 1500 ? 'x'.repeat(30) : `l-${i}`, i / 4); })();
    src.close();
    c.sqliteFile('k-dst.db', 'CREATE TABLE k2 (num INTEGER NOT NULL, name VARCHAR(20), amt REAL)').close();
    const a = await c.datasource('k-src', 'SQLITE', { database_name: 'k-src.db' });
    const b = await c.datasource('k-dst', 'SQLITE', { database_name: 'k-dst.db' });
    const mapping = [['n', 'num'], ['label', 'name'], ['amount', 'amt']].map(([s, t]) => ({ source_column: s, target_column: t }));
    const where = [{ column: 'n', operator: '>', value: 100 }];
    const t = await c.task('keyless', a, b, detail('k', 'k2', { source: { batchSize: 300, where }, mapping }));
    const log = await c.runToEnd(t);
    expect(log.execute_status).toBe('SUCCESS');
    expect(log.dirty_data_count).toBe(1);
    expect(log.data_count).toBe(2499);
    expect(log.detail_logs.find((d: { status: number }) => d.status === 903).remarks).toMatch(/^consistent/);
    const dst = c.sqliteFile('k-dst.db');
    expect(dst.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT num) AS k, SUM(num) AS s, MIN(num) AS lo, TOTAL(amt) AS a FROM k2').get())
      .toEqual({ n: 2499, k: 2499, s: 2600 * 2601 / 2 - 100 * 101 / 2 - 1500, lo: 101, a: (2600 * 2601 / 2 - 100 * 101 / 2 - 1500) / 4 });
    expect(dst.prepare("SELECT COUNT(*) AS n FROM k2 WHERE name <> 'l-' || num").get()).toEqual({ n: 0 });
    dst.close();
  });

  it('rows the target refuses inside a many-row statement become dirty one by one; the others are written', async () => {
    const src = c.sqliteFile('w-src.db', 'CREATE TABLE w (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL)');
    const ins = src.prepare('INSERT INTO w VALUES (?, ?)');
    src.transaction(() => { for (let i = 1; i <= 2500; i++) ins.run(i, i === 1234 || i === 2400 ? -i : i); })();
    src.close();
    c.sqliteFile('w-dst.db', 'CREATE TABLE w (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL CHECK (qty >= 0))').close();
    const a = await c.datasource('w-src', 'SQLITE', { database_name: 'w-src.db' });
    const b = await c.datasource('w-dst', 'SQLITE', { database_name: 'w-dst.db' });
    const t = await c.task('refused-rows', a, b, detail('w', 'w', { source: { batchSize: 1000 } }));
    const log = await c.runToEnd(t);
    expect(log.execute_status).toBe('SUCCESS');
    expect(log.data_count).toBe(2498);
    expect(log.dirty_data_count).toBe(2);
    const dirty = await c.req('GET', `/tasks/${t}/monitor-logs/${log.id}/dirty-data?offset=1&limit=10`);
    expect(dirty.body.entities.map((d: { row: { id: number }; position: string; reason: string }) => `${d.row.id} ${d.position} ${d.reason}`))
      .toEqual([expect.stringMatching(/^1234 WRITER CHECK constraint failed/), expect.stringMatching(/^2400 WRITER CHECK constraint failed/)]);
    const dst = c.sqliteFile('w-dst.db');
    expect(dst.prepare('SELECT COUNT(*) AS n, SUM(id) AS s FROM w').get()).toEqual({ n: 2498, s: 2500 * 2501 / 2 - 1234 - 2400 });
    dst.close();
  });
});
