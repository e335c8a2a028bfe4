// FDI against the machine's real MariaDB and PostgreSQL: connection tests that say what failed,
// tables/columns, MySQL → PostgreSQL with type conversion and an auto-created table, re-runs that
// upsert, PostgreSQL → MySQL with dirty rows, professional (JDBC URL) mode.
// One database per server for this file, dropped afterwards. Skipped when a server is down (not in CI).
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detail, fdiClient, type FdiClient } from '../support/fdi';

const DB = `fdi_t_${randomBytes(4).toString('hex')}`;
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };

async function reachable(): Promise<{ my: boolean; pg: boolean }> {
  const my = await mysql.createConnection({ ...MY, connectTimeout: 3000 }).then(async (c) => { await c.end(); return true; }, () => false);
  const p = new pg.Client({ ...PG, database: 'postgres', connectionTimeoutMillis: 3000 });
  const pgOk = await p.connect().then(async () => { await p.end(); return true; }, () => false);
  return { my, pg: pgOk };
}
const up = await reachable();
const ci = process.env.CI === 'true';
const skipMy = !up.my && !ci;
const skipPg = !up.pg && !ci;
if (skipMy) console.warn('fdi-mysql-pg: MariaDB on 127.0.0.1:3306 unreachable: MySQL cases skipped');
if (skipPg) console.warn('fdi-mysql-pg: PostgreSQL on 127.0.0.1:5432 unreachable: PostgreSQL cases skipped');

let c: FdiClient;
let my: mysql.Connection;
let pgc: pg.Client;
const myContent = (over: Record<string, unknown> = {}) => ({ mode: 'default', host: MY.host, port: '3306', database_name: DB, user_name: 'root', password: '', ...over });
const pgContent = (over: Record<string, unknown> = {}) => ({ mode: 'default', host: PG.host, port: '5432', database_name: DB, user_name: 'postgres', password: 'x', ...over });

beforeAll(async () => {
  c = await fdiClient();
  if (up.my) {
    const admin = await mysql.createConnection(MY);
    await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4`);
    await admin.end();
    my = await mysql.createConnection({ ...MY, database: DB, dateStrings: true });
  }
  if (up.pg) {
    const admin = new pg.Client({ ...PG, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.end();
    pgc = new pg.Client({ ...PG, database: DB });
    await pgc.connect();
  }
});
afterAll(async () => {
  await c?.close();
  if (my) { await my.query(`DROP DATABASE \`${DB}\``); await my.end(); }
  if (pgc) {
    await pgc.end();
    const admin = new pg.Client({ ...PG, database: 'postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  }
});

async function testConnect(type: string, content: Record<string, unknown>) {
  const id = await c.datasource(`t-${randomBytes(3).toString('hex')}`, type, content);
  return c.req('POST', `/datasources/${id}/test-connect`, { datasource_name: 'x', datasource_type: type, app_id: c.appId, content });
}

describe.skipIf(skipMy)('MySQL (MariaDB)', () => {
  it('test connection reports success, wrong credentials, unknown database, unreachable host', async () => {
    expect((await testConnect('MYSQL', myContent())).body).toEqual({ result: true });
    expect((await testConnect('MYSQL', { mode: 'professional', url: `jdbc:mysql://127.0.0.1:3306/${DB}?user=root` })).body).toEqual({ result: true });
    const cred = await testConnect('MYSQL', myContent({ user_name: 'no_such_user', password: 'bad' }));
    expect([cred.status, cred.body.error_code]).toEqual([400, 'FDI.3016']);
    expect(cred.body.error_msg).toMatch(/wrong credentials: Access denied/);
    const db = await testConnect('MYSQL', myContent({ database_name: 'no_such_db_x' }));
    expect(db.body.error_msg).toMatch(/unknown database: Unknown database/);
    const host = await testConnect('MYSQL', myContent({ port: '1' }));
    expect(host.body.error_msg).toMatch(/host unreachable/);
  });
});

describe.skipIf(skipPg)('PostgreSQL', () => {
  it('test connection reports success, wrong credentials, unknown database, unreachable host', async () => {
    expect((await testConnect('POSTGRESQL', pgContent())).body).toEqual({ result: true });
    expect((await testConnect('POSTGRESQL', { mode: 'professional', url: `jdbc:postgresql://127.0.0.1:5432/${DB}?user=postgres` })).body).toEqual({ result: true });
    expect((await testConnect('POSTGRESQL', pgContent({ user_name: 'no_such_role' }))).body.error_msg).toMatch(/wrong credentials/);
    expect((await testConnect('POSTGRESQL', pgContent({ database_name: 'no_such_db_x' }))).body.error_msg).toMatch(/unknown database/);
    expect((await testConnect('POSTGRESQL', pgContent({ port: '1' }))).body.error_msg).toMatch(/host unreachable/);
  });
});

describe.skipIf(skipMy || skipPg)('copies between them', () => {
  it('MySQL → PostgreSQL: types converted, table created, integrity consistent, re-run upserts', async () => {
    await my.query(`CREATE TABLE orders (id INT PRIMARY KEY, paid TINYINT(1) NOT NULL, amount DECIMAL(10,2), name VARCHAR(50), big BIGINT,
      created DATETIME(3), day DATE, data BLOB, doc JSON, ratio DOUBLE)`);
    const rows = Array.from({ length: 2500 }, (_, k) => {
      const i = k + 1;
      return [i, i % 2, `${i}.25`, i === 500 ? 'tab\there\nnew line \\ back 中文' : `näme-${i}`, 9007199254740993n + BigInt(i), `2025-03-0${(i % 9) + 1} 10:20:30.${String(i % 1000).padStart(3, '0')}`,
        `2024-12-${String((i % 28) + 1).padStart(2, '0')}`, Buffer.from([i % 256, 0, 255]), JSON.stringify({ i, tags: ['a', 'b'] }), i / 3];
    });
    await my.query('INSERT INTO orders VALUES ?', [rows]);
    const a = await c.datasource('my-src', 'MYSQL', myContent());
    const b = await c.datasource('pg-dst', 'POSTGRESQL', pgContent());
    const tables = await c.req('GET', `/datasources/${a}/tables?position=SOURCE`);
    expect(tables.body.tables).toContain('orders');
    const cols = await c.req('GET', `/datasources/${a}/columns?position=SOURCE&table_name=orders`);
    expect(cols.body.columns[0]).toMatchObject({ field_name: 'id', primary: '1', null_able: '0' });
    const t = await c.task('my-to-pg', a, b, detail('orders', 'public.orders', { target: { targetNeedCreateTable: true }, source: { batchSize: 1000 } }));
    const log = await c.runToEnd(t);
    expect(log.remarks).toMatch(/integrity check consistent/);
    expect([log.execute_status, log.data_count, log.dirty_data_count]).toEqual(['SUCCESS', 2500, 0]);
    const types = await pgc.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position");
    // MariaDB reports JSON as LONGTEXT, so it arrives as text (MySQL 8 JSON becomes jsonb)
    expect(types.rows.map((r) => r.data_type)).toEqual(['integer', 'boolean', 'numeric', 'character varying', 'bigint', 'timestamp without time zone', 'date', 'bytea', expect.stringMatching(/^(jsonb|text)$/), 'double precision']);
    const r7 = (await pgc.query("SELECT paid, amount::text, name, big::text, created::text, day::text, encode(data, 'hex') AS data, doc::jsonb->>'i' AS doc FROM orders WHERE id = 7")).rows[0];
    expect(r7).toEqual({ paid: true, amount: '7.25', name: 'näme-7', big: '9007199254741000', created: '2025-03-08 10:20:30.007', day: '2024-12-08', data: '0700ff', doc: '7' });
    // COPY text escapes: tab, newline, backslash, and multi-byte characters across the 64 KB chunk buffers
    expect((await pgc.query('SELECT name FROM orders WHERE id = 500')).rows[0].name).toBe('tab\there\nnew line \\ back 中文');
    await my.query("UPDATE orders SET name = 'renamed' WHERE id = 1");
    const again = await c.runToEnd(t);
    expect(again.execute_status).toBe('SUCCESS');
    expect((await pgc.query('SELECT COUNT(*)::int AS n FROM orders')).rows[0].n).toBe(2500);
    expect((await pgc.query('SELECT name FROM orders WHERE id = 1')).rows[0].name).toBe('renamed');
  });

  it('PostgreSQL → MySQL into an existing table: rows the target refuses are dirty; no primary key = plain insert', async () => {
    await pgc.query('CREATE TABLE people (id int PRIMARY KEY, code text, born timestamptz)');
    await pgc.query("INSERT INTO people SELECT i, CASE WHEN i % 100 = 0 THEN 'way-too-long-code' ELSE 'c' || i END, '2024-01-01 12:00:00+02' FROM generate_series(1, 1000) i");
    await my.query('CREATE TABLE people (id INT PRIMARY KEY, code VARCHAR(8), born DATETIME)');
    await my.query('CREATE TABLE people_log (id INT, code VARCHAR(30))');
    const a = await c.datasource('pg-src', 'POSTGRESQL', pgContent());
    const b = await c.datasource('my-dst', 'MYSQL', { mode: 'professional', url: `jdbc:mysql://127.0.0.1:3306/${DB}`, user_name: 'root' });
    const t = await c.task('pg-to-my', a, b, detail('people', 'people'));
    const log = await c.runToEnd(t);
    expect([log.execute_status, log.data_count, log.dirty_data_count]).toEqual(['SUCCESS', 990, 10]);
    const [[row]] = await my.query("SELECT born FROM people WHERE id = 1") as unknown as [[{ born: string }]];
    expect(row.born).toBe('2024-01-01 10:00:00'); // stored in UTC
    const dirty = await c.req('GET', `/tasks/${t}/monitor-logs/${log.id}/dirty-data?limit=20`);
    expect(dirty.body.total).toBe(10);
    expect(dirty.body.entities[0].reason).toMatch(/too long/);
    const t2 = await c.task('pg-to-my-log', a, b, detail('people', 'people_log', { mapping: [{ source_column: 'id', target_column: 'id' }, { source_column: 'code', target_column: 'code' }] }));
    expect((await c.runToEnd(t2)).data_count).toBe(1000);
    expect((await c.runToEnd(t2)).data_count).toBe(1000);
    const [[n]] = await my.query('SELECT COUNT(*) AS n FROM people_log') as unknown as [[{ n: number }]];
    expect(Number(n.n)).toBe(2000); // no key on the target: plain inserts
  });
});
