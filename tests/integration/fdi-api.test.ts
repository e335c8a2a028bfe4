// FDI API surface on roma-local: data source CRUD (passwords never answered), task list filters and
// statistics, integrity check with compensation, combined tasks, and the first-start demo.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detail, fdiClient, type FdiClient } from '../support/fdi';

let c: FdiClient;
beforeAll(async () => { c = await fdiClient(); });
afterAll(async () => { await c?.close(); });

describe('data sources', () => {
  it('CRUD: password kept but never answered; list filters and paging; in use → 409', async () => {
    const content = { mode: 'default', host: '127.0.0.1', port: '3306', database_name: 'x', user_name: 'u', password: 'S3cret!' };
    const id = await c.datasource('mysql-crud', 'MYSQL', content);
    const shown = await c.req('GET', `/datasources/${id}`);
    expect(shown.body).toMatchObject({ datasource_type: 'MYSQL', app_permission: ['read', 'access', 'delete', 'modify'], content: { port: '3306', password: '' } });
    expect(shown.text).not.toContain('S3cret!');
    const upd = await c.req('PUT', `/datasources/${id}`, { datasource_name: 'mysql-crud2', datasource_type: 'MYSQL', app_id: c.appId, content: { ...content, password: '' }, description: 'd' });
    expect(upd.status).toBe(200);
    const list = await c.req('GET', '/datasources?datasource_type=MYSQL&name=crud2&offset=-3&limit=5000');
    expect(list.body).toMatchObject({ total: 1, size: 1 });
    expect(list.body.entities[0].description).toBe('d');
    const sqlite = await c.datasource('s-crud', 'SQLITE', { database_name: 'crud.db' });
    await c.task('uses-it', id, sqlite, detail('a', 'b'));
    const del = await c.req('DELETE', `/datasources/${id}`);
    expect([del.status, del.body.error_code]).toEqual([409, 'FDI.3012']);
  });
});

describe('tasks', () => {
  it('list filters (task_type any case, status 0/1), answers with the vendor casing, statistics', async () => {
    const s = await c.datasource('tl-src', 'SQLITE', { database_name: 'tl.db' });
    const rt = await c.task('tl-realtime', s, s, detail('x', 'y'), 'REALTIME');
    const show = await c.req('GET', `/tasks/${rt}`);
    expect(show.body.task).toMatchObject({ task_type: 'realtime', status: 'stop' });
    expect(JSON.parse(show.body.task_detail).sourceSelectedDatasource.sourceTable).toBe('x');
    const list = await c.req('GET', '/tasks?task_type=realtime&status=0&name=tl-');
    expect(list.body.entities.map((t: { task_name: string }) => t.task_name)).toEqual(['tl-realtime']);
    expect(list.body.entities[0]).toMatchObject({ task_type: 'REALTIME', status: 0, execute_status: 'UNSTARTED' });
    const stats = await c.req('GET', '/statistics/tasks');
    expect(stats.body.common_task_details.terminated_tasks_count).toBeGreaterThan(0);
    expect(stats.body.cdc_task_details).toBeDefined();
    const snake = await c.req('POST', '/tasks', { task: { task_name: 'tl-snake', task_type: 'TIMING', source_datasource_id: s, target_datasource_id: s },
      task_detail: JSON.stringify({ source_selected_datasource: { source_table: 'a', keep_me: 1 }, target_selected_datasource: { target_table: 'b' } }) });
    expect(snake.status).toBe(201);
    expect(JSON.parse(snake.body.task_detail)).toEqual({ sourceSelectedDatasource: { sourceTable: 'a', keep_me: 1 }, targetSelectedDatasource: { targetTable: 'b' } });
    expect((await c.req('DELETE', `/tasks/${rt}`)).status).toBe(204);
    expect((await c.req('GET', `/tasks/${rt}`)).status).toBe(404);
  });
});

describe('integrity check', () => {
  it('finds rows changed behind the writer and compensates them (902 → 903 → 904 → 905)', async () => {
    const src = c.sqliteFile('ic.db', 'CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const ins = src.prepare('INSERT INTO t VALUES (?, ?)');
    src.transaction(() => { for (let i = 1; i <= 1000; i++) ins.run(i, `v${i}`); })();
    src.close();
    // the target corrupts every 100th inserted row and holds one row the source does not have
    c.sqliteFile('ic-out.db', `CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);
      INSERT INTO t VALUES (5000, 'extra');
      CREATE TRIGGER corrupt AFTER INSERT ON t WHEN NEW.id % 100 = 0 BEGIN UPDATE t SET v = 'corrupt' WHERE id = NEW.id; END;`).close();
    const a = await c.datasource('ic', 'SQLITE', { database_name: 'ic.db' });
    const b = await c.datasource('ic-out', 'SQLITE', { database_name: 'ic-out.db' });
    const t = await c.task('ic-task', a, b, detail('t', 't'));
    const log = await c.runToEnd(t);
    expect(log.execute_status).toBe('SUCCESS');
    const steps = Object.fromEntries(log.detail_logs.map((d: { status: number; remarks: string }) => [d.status, d.remarks]));
    expect(steps[903], log.remarks).toMatch(/^inconsistent: source 1000 rows written .* target 1001 rows/);
    expect(steps[904], log.remarks).toBeDefined();
    expect(steps[905]).toMatch(/compensated 10 rows; target now 1001 rows \(1 rows not from this source\)/);
    const out = c.sqliteFile('ic-out.db');
    expect(out.prepare("SELECT COUNT(*) AS n FROM t WHERE v = 'corrupt'").get()).toEqual({ n: 0 });
    out.close();
  });
});

describe('combined tasks', () => {
  it('init maps same-named tables by column name; create, mappings, reset; the vendor init example validates', async () => {
    c.sqliteFile('m1.db', 'CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, mail TEXT); CREATE TABLE only_here (x INT);').close();
    c.sqliteFile('m2.db', 'CREATE TABLE USERS (ID INTEGER PRIMARY KEY, NAME TEXT, phone TEXT)').close();
    const a = await c.datasource('m1', 'SQLITE', { database_name: 'm1.db' });
    const b = await c.datasource('m2', 'SQLITE', { database_name: 'm2.db' });
    const vendor = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/roma-api-examples/fdi/InstallMultiTasks.request.json'), 'utf8'));
    const asIs = await c.req('POST', '/multi-tasks/init', vendor);
    expect([asIs.status, asIs.body.error_code]).toEqual([404, 'FDI.3010']); // valid body, unknown data source here
    const init = await c.req('POST', '/multi-tasks/init', { ...vendor, source_datasource_id: a, target_datasource_id: b, auto_mapping: true });
    expect(init.status).toBe(200);
    expect(Array.isArray(init.body)).toBe(true);
    const el = init.body[0];
    expect(el).toMatchObject({ source_datasource_type: 'SQLITE', mappings_total_count: 1 });
    expect(el.mappings[0]).toMatchObject({ source_table: 'users', target_table: 'USERS', status: 'AUTO', mapping_percent: 67 });
    expect(el.mappings[0].mapping.map((m: { target_column: string }) => m.target_column)).toEqual(['ID', 'NAME']);
    const created = await c.req('POST', '/multi-tasks', { task_name: 'cdc-task', task_id: el.task_id, operation_types: ['INSERT', 'UPDATE'] });
    expect(created.body).toEqual({ task_id: el.task_id });
    const brief = await c.req('GET', `/tasks?task_id=${el.task_id}`);
    expect(brief.body.entities[0]).toMatchObject({ ext_type: 'CDC', task_type: 'REALTIME' });
    const wrong = await c.req('POST', `/multi-tasks/${el.task_id}/mappings`, { source_datasource_id: b, target_datasource_id: a, source_table: 'x', target_table: 'y' });
    expect(wrong.body.error_code).toBe('FDI.3037');
    const m = await c.req('POST', `/multi-tasks/${el.task_id}/mappings`, { source_datasource_id: a, target_datasource_id: b, source_table: 'only_here', target_table: 'USERS',
      source_columns: [{ field_name: 'x' }], target_columns: [{ field_name: 'X' }] });
    expect(m.status).toBe(201);
    expect((await c.req('DELETE', `/multi-tasks/${el.task_id}/mappings/${m.body.mapping_id}`)).body).toEqual({ mapping_id: m.body.mapping_id });
    expect((await c.req('DELETE', `/multi-tasks/${el.task_id}/mappings/${m.body.mapping_id}`)).status).toBe(404);
    expect((await c.req('PUT', `/multi-tasks/${el.task_id}`, { operation_types: ['DELETE'], repulling_snapshot: true })).body).toEqual({ task_id: el.task_id });
    expect((await c.req('POST', `/multi-tasks/${el.task_id}/reset`, { date_from: 1700000000000 })).body.message).toMatch(/reset/);
  });
});

describe('first-start demo', () => {
  it('a newcomer finds the demo task, presses Run and gets 200 000 rows', async () => {
    const tasks = await c.req('GET', '/tasks?name=demo-orders-copy');
    expect(tasks.body.total).toBe(1);
    const id = tasks.body.entities[0].task_id;
    const log = await c.runToEnd(id);
    expect([log.execute_status, log.data_count, log.expected_count]).toEqual(['SUCCESS', 200_000, 200_000]);
    expect(log.remarks).toMatch(/integrity check consistent/);
  }, 120_000);
});
