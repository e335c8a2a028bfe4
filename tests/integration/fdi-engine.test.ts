// FDI engine behaviours on SQLite: dirty rows, incremental runs, cancel, queueing, schedules,
// real-time passes, and bad input (4xx in the FDI shape, nothing half-written).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detail, fdiClient, type FdiClient } from '../support/fdi';

let c: FdiClient;
beforeAll(async () => { c = await fdiClient({ fdiMaxRuns: 1 }); });
afterAll(async () => { await c?.close(); });

const fill = (file: string, table: string, rows: number, ddl: string, row: (i: number) => unknown[]): void => {
  const db = c.sqliteFile(file, ddl);
  const ins = db.prepare(`INSERT INTO ${table} VALUES (${row(1).map(() => '?').join(', ')})`);
  db.transaction(() => { for (let i = 1; i <= rows; i++) ins.run(...row(i)); })();
  db.close();
};
const count = (file: string, table: string): number => {
  const db = c.sqliteFile(file);
  try { return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n; } finally { db.close(); }
};

describe('dirty rows', () => {
  it('are counted, kept with their reason, and the other rows are written', async () => {
    fill('d-src.db', 'p', 50, 'CREATE TABLE p (id INTEGER PRIMARY KEY, qty TEXT, code TEXT)', (i) => [i, i === 7 ? 'seven' : String(i), i === 9 ? 'TOO-LONG-CODE' : 'ok']);
    c.sqliteFile('d-dst.db', 'CREATE TABLE p (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL, code VARCHAR(5))').close();
    const a = await c.datasource('d-src', 'SQLITE', { database_name: 'd-src.db' });
    const b = await c.datasource('d-dst', 'SQLITE', { database_name: 'd-dst.db' });
    const t = await c.task('dirty-task', a, b, detail('p', 'p'));
    const log = await c.runToEnd(t);
    expect(log.execute_status).toBe('SUCCESS');
    expect(log.dirty_data_count).toBe(2);
    expect(log.data_count).toBe(48);
    expect(count('d-dst.db', 'p')).toBe(48);
    const dirty = await c.req('GET', `/tasks/${t}/monitor-logs/${log.id}/dirty-data?offset=1&limit=10`);
    expect(dirty.status).toBe(200);
    expect(dirty.body.total).toBe(2);
    const reasons = dirty.body.entities.map((d: { reason: string; row: { id: number } }) => `${d.row.id}: ${d.reason}`).join('\n');
    expect(reasons).toMatch(/7: "seven" is not an integer/);
    expect(reasons).toMatch(/9: value of 13 characters is too long for VARCHAR\(5\)/);
    const detailRes = await c.req('GET', `/tasks/${t}/monitor-logs/${log.id}`);
    expect(detailRes.body.dirty_data_count).toBe(2);
  });
});

describe('incremental', () => {
  it('the second run reads only rows past the watermark; updates land by primary key', async () => {
    fill('i-src.db', 'ev', 100, 'CREATE TABLE ev (id INTEGER PRIMARY KEY, v TEXT, ts DATETIME)', (i) => [i, `v${i}`, `2025-01-01 00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`]);
    const a = await c.datasource('i-src', 'SQLITE', { database_name: 'i-src.db' });
    const b = await c.datasource('i-dst', 'SQLITE', { database_name: 'i-dst.db' });
    const t = await c.task('inc-task', a, b, detail('ev', 'ev', { source: { need_inc_migration: true, sourceDateColumn: 'ts' }, target: { targetNeedCreateTable: true } }));
    const first = await c.runToEnd(t);
    expect(first.data_count).toBe(100);
    const db = c.sqliteFile('i-src.db');
    db.prepare("UPDATE ev SET v = 'changed', ts = '2025-02-01 00:00:00' WHERE id = 5").run();
    const ins = db.prepare('INSERT INTO ev VALUES (?, ?, ?)');
    for (let i = 101; i <= 110; i++) ins.run(i, `v${i}`, '2025-02-01 00:00:01');
    db.close();
    const second = await c.runToEnd(t);
    expect(second.execute_status).toBe('SUCCESS');
    expect(second.data_count).toBe(11);
    expect(second.expected_count).toBe(11);
    const dst = c.sqliteFile('i-dst.db');
    expect(dst.prepare('SELECT COUNT(*) AS n FROM ev').get()).toEqual({ n: 110 });
    expect(dst.prepare('SELECT v FROM ev WHERE id = 5').get()).toEqual({ v: 'changed' });
    dst.close();
    const third = await c.runToEnd(t);
    expect(third.data_count).toBe(0);
    expect(third.detail_logs.some((d: { status: number }) => d.status === 105)).toBe(true); // read 0 records
  });
});

describe('cancel and queue (FDI_MAX_RUNS = 1)', () => {
  it('a second run waits (906/908) while the first runs; terminate cancels with 16/106/505', async () => {
    fill('big.db', 'b', 40_000, 'CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)', (i) => [i, `row-${i}`]);
    fill('small.db', 's', 10, 'CREATE TABLE s (id INTEGER PRIMARY KEY, v TEXT)', (i) => [i, `s${i}`]);
    const big = await c.datasource('big', 'SQLITE', { database_name: 'big.db' });
    const small = await c.datasource('small', 'SQLITE', { database_name: 'small.db' });
    const out = await c.datasource('out', 'SQLITE', { database_name: 'out.db' });
    const slow = await c.task('slow-task', big, out, detail('b', 'b', { source: { batchSize: 1 }, target: { targetNeedCreateTable: true } }));
    const quick = await c.task('quick-task', small, out, detail('s', 's', { target: { targetNeedCreateTable: true } }));
    expect((await c.req('POST', `/tasks/${slow}/run`)).status).toBe(204);
    await c.waitRun(slow, (l) => l.execute_status === 'RUNNING' && l.data_count > 0);
    expect((await c.req('POST', `/tasks/${quick}/run`)).status).toBe(204);
    const queued = (await c.logs(quick))[0];
    expect(queued.execute_status).toBe('WAITING');
    expect(queued.detail_logs.map((d: { status: number }) => d.status)).toEqual(expect.arrayContaining([906, 908]));
    const again = await c.req('POST', `/tasks/${slow}/run`);
    expect(again.status).toBe(400);
    expect(again.body.error_code).toBe('FDI.3026');
    const term = await c.req('POST', `/tasks/${slow}/terminate`);
    expect(term.status).toBe(200);
    expect(term.body.message).toMatch(/terminated/);
    const cancelled = await c.waitRun(slow);
    expect(cancelled.execute_status).toBe('CANCELLED');
    expect(cancelled.status).toBe(16);
    const codes = cancelled.detail_logs.map((d: { status: number }) => d.status);
    expect(codes).toEqual(expect.arrayContaining([16, 106, 505]));
    expect(cancelled.data_count).toBeLessThan(40_000);
    const done = await c.waitRun(quick);
    expect(done.execute_status).toBe('SUCCESS');
    expect(done.data_count).toBe(10);
  });
});

describe('started tasks', () => {
  it('TIMING: cannot start without a schedule (FDI.3083); with a Quartz cron it runs on its own', async () => {
    fill('sch.db', 'k', 5, 'CREATE TABLE k (id INTEGER PRIMARY KEY)', (i) => [i]);
    const a = await c.datasource('sch', 'SQLITE', { database_name: 'sch.db' });
    const b = await c.datasource('sch-out', 'SQLITE', { database_name: 'sch-out.db' });
    const t = await c.task('sched-task', a, b, detail('k', 'k', { target: { targetNeedCreateTable: true } }));
    const refused = await c.req('POST', '/batch-operation/tasks', { action_id: 'start', list: [{ task_id: t }, { task_id: 'nope' }] });
    expect(refused.status).toBe(200);
    expect(refused.body.failure.map((f: { error_code: string }) => f.error_code).sort()).toEqual(['FDI.3021', 'FDI.3083']);
    const bad = await c.req('POST', `/tasks/${t}/dispatches`, { use_quartz_cron: true, cron: 'not a cron' });
    expect(bad.status).toBe(400);
    const d = await c.req('POST', `/tasks/${t}/dispatches`, { use_quartz_cron: true, cron: '* * * * * ?', remark: 'every second' });
    expect(d.status).toBe(201);
    const started = await c.req('POST', '/batch-operation/tasks', { action_id: 'start', list: [{ task_id: t }] });
    expect(started.body.success_count).toBe(1);
    expect((await c.req('GET', `/tasks/${t}`)).body.task.status).toBe('running');
    const ran = await c.waitRun(t, (l) => l.execute_status === 'SUCCESS');
    expect(ran.data_count).toBe(5);
    const shown = await c.req('GET', `/tasks/${t}/dispatches`);
    expect(shown.body.use_quartz_cron).toBe(true);
    expect(typeof shown.body.next_fire_time).toBe('number');
    const edit = await c.req('PUT', `/tasks/${t}`, { task: { task_name: 'sched-task', task_type: 'TIMING', source_datasource_id: a, target_datasource_id: b }, task_detail: JSON.stringify(detail('k', 'k')) });
    expect(edit.status).toBe(400);
    expect(edit.body.error_code).toBe('FDI.3023');
    const stopped = await c.req('POST', '/batch-operation/tasks', { action_id: 'stop', list: [{ task_id: t }] });
    expect(stopped.body.success_count).toBe(1);
    const monitors = await c.req('GET', '/task-monitors?offset=1&limit=50&task_name=sched-task');
    expect(monitors.body.entities[0]).toMatchObject({ task_name: 'sched-task', use_quartz_cron: true, cron: '* * * * * ?', status: 0 });
  });

  it('REALTIME: passes run while started and pick up new rows', async () => {
    fill('rt.db', 'r', 20, 'CREATE TABLE r (id INTEGER PRIMARY KEY, v TEXT)', (i) => [i, `r${i}`]);
    const a = await c.datasource('rt', 'SQLITE', { database_name: 'rt.db' });
    const b = await c.datasource('rt-out', 'SQLITE', { database_name: 'rt-out.db' });
    const t = await c.task('rt-task', a, b, detail('r', 'r', { target: { targetNeedCreateTable: true } }), 'REALTIME');
    const sched = await c.req('POST', `/tasks/${t}/dispatches`, { period: 'MIN', dispatch_interval: 1 });
    expect(sched.body.error_code).toBe('FDI.3040');
    expect((await c.req('POST', '/batch-operation/tasks', { action_id: 'start', list: [{ task_id: t }] })).body.success_count).toBe(1);
    await c.waitRun(t, (l) => l.execute_status === 'SUCCESS' && l.data_count === 20);
    const db = c.sqliteFile('rt.db');
    db.prepare("INSERT INTO r VALUES (21, 'new'), (22, 'new')").run();
    db.close();
    await c.waitRun(t, (l) => l.execute_status === 'SUCCESS' && l.data_count === 2);
    expect(count('rt-out.db', 'r')).toBe(22);
    await c.req('POST', `/tasks/${t}/terminate`);
    expect((await c.req('GET', `/tasks/${t}`)).body.task.status).toBe('stop');
  });
});

describe('errors end a run as ERROR with a precise message', () => {
  it('missing source table (911/103) and missing target column (503)', async () => {
    c.sqliteFile('e.db', 'CREATE TABLE e (id INTEGER PRIMARY KEY, v TEXT)').close();
    c.sqliteFile('e-out.db', 'CREATE TABLE e (id INTEGER PRIMARY KEY)').close();
    const a = await c.datasource('e', 'SQLITE', { database_name: 'e.db' });
    const b = await c.datasource('e-out', 'SQLITE', { database_name: 'e-out.db' });
    const t1 = await c.task('err-table', a, b, detail('nope', 'e'));
    const l1 = await c.runToEnd(t1);
    expect(l1.execute_status).toBe('ERROR');
    expect(l1.remarks).toMatch(/table nope does not exist/);
    const t2 = await c.task('err-column', a, b, detail('e', 'e'));
    const l2 = await c.runToEnd(t2);
    expect(l2.execute_status).toBe('ERROR');
    expect(l2.remarks).toMatch(/column v does not exist in target table e/);
    expect(l2.position_status).toBe('RUNTIME_ERR');
  });
});

describe('bad input', () => {
  it('never 5xx, never half-written', async () => {
    const before = (await c.req('GET', '/tasks?limit=999')).body.total;
    const a = await c.datasource('bi', 'SQLITE', { database_name: 'bi.db' });
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/tasks', { task: { task_name: 'x1x', task_type: 'TIMING', source_datasource_id: a, target_datasource_id: a }, task_detail: '{bad' }, 400, 'FDI.3002'],
      ['POST', '/tasks', { task: { task_name: 'x1x', task_type: 'TIMING', source_datasource_id: 'none', target_datasource_id: a }, task_detail: JSON.stringify(detail('a', 'b')) }, 404, 'FDI.3010'],
      ['POST', '/datasources', { datasource_name: 'esc', datasource_type: 'SQLITE', app_id: c.appId, content: { database_name: '../../escape.db' } }, 400, 'FDI.3033'],
      ['POST', '/datasources', { datasource_name: 'esc', datasource_type: 'SQLITE', app_id: c.appId, content: { database_name: '/etc/passwd' } }, 400, 'FDI.3033'],
      ['POST', '/datasources', { datasource_name: 'esc', datasource_type: 'MYSQL', app_id: 'no-app', content: { host: 'h', port: '1', database_name: 'd' } }, 400, 'FDI.3033'],
      ['POST', '/datasources', { datasource_name: 'bi', datasource_type: 'SQLITE', app_id: c.appId, content: { database_name: 'x.db' } }, 409, 'FDI.3011'],
      ['GET', '/tasks/nope', undefined, 404, 'FDI.3021'],
      ['GET', '/datasources/nope', undefined, 404, 'FDI.3010'],
      ['POST', '/batch-operation/tasks', { action_id: 'start', list: [] }, 400, 'FDI.3150'],
      ['DELETE', `/datasources/${a}x`, undefined, 404, 'FDI.3010'],
      ['GET', '/task-monitors?offset=-1', undefined, 400, 'FDI.3002'],
      ['PATCH', '/tasks', {}, 405, 'ROMA.1008'],
    ];
    for (const [m, p, body, status, code] of cases) {
      const r = await c.req(m, p, body);
      expect([r.status, r.body?.error_code], `${m} ${p}`).toEqual([status, code]);
      expect(typeof r.body.error_msg).toBe('string');
    }
    const raw = await c.req('POST', '/tasks', undefined, '{"task":');
    expect(raw.status).toBe(400);
    expect((await c.req('GET', '/tasks?limit=999')).body.total).toBe(before);
    const kafka = await c.datasource('kafka-1', 'KAFKA', { broker: '127.0.0.1:9092' });
    const test = await c.req('POST', `/datasources/${kafka}/test-connect`, { datasource_name: 'kafka-1', datasource_type: 'KAFKA', app_id: c.appId, content: { broker: '127.0.0.1:9092' } });
    expect([test.status, test.body.error_code]).toEqual([400, 'FDI.3017']);
    expect(test.body.error_msg).toMatch(/not available in roma-local/);
    const types = await c.req('GET', '/connector-types');
    expect(types.body.datasource_types.filter((x: { runnable: boolean }) => x.runnable).map((x: { datasource_type: string }) => x.datasource_type)).toEqual(['MYSQL', 'POSTGRESQL', 'SQLITE']);
  });
});
