// FDI contract: the vendor's examples parse, request schemas refuse junk, task_detail accepts
// both casings and keeps unknown keys.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  batchTaskOperationRequest, createTaskRequest, datasourceInfo, datasourceListQuery, fdiErrorBody, monitorCodeGroup,
  monitorLogListResponse, monitorLogQuery, monitorLogStrict, multiTaskInitRequest, parseTaskDetail, taskBasic,
  taskBrief, taskDetailDocument, taskDispatchRequest, taskListQuery, taskMonitorQuery,
} from '../../src/contract';

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'roma-api-examples', 'fdi');
const load = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));

describe('vendor FDI examples', () => {
  it('InstallMultiTasks request (nulls for optional fields) is accepted as it is', () => {
    const r = multiTaskInitRequest.parse(load('InstallMultiTasks.request.json'));
    expect(r.source_datasource_id).toBe('30969b205e8f4392a25fb321112d1753');
    expect(r.task_id).toBeNull();
    expect(r.auto_mapping).toBe(false);
  });
  it('ListMonitorLog 200 parses (float data_size, detail logs)', () => {
    const r = monitorLogListResponse.parse(load('ListMonitorLog.response.200.json'));
    expect(r.entities[0]!.detail_logs![0]!.stage).toBe('adapter');
    expect(r.entities[0]!.data_size).toBe(1000);
    // the example lacks fields roma-local always sends (expected_count): strict refuses it
    expect(monitorLogStrict.safeParse(r.entities[0]).success).toBe(false);
  });
  it('error examples parse as FDI errors', () => {
    for (const f of ['BatchStartOrStopTasks.response.400.json', 'BatchStartOrStopTasks.response.404.json']) {
      expect(fdiErrorBody.safeParse(load(f)).success, f).toBe(true);
    }
  });
});

const detail = {
  sourceSelectedDatasource: {
    sourceTable: 'testdb.orders',
    sourceSelectedColumnList: [{ field_name: 'id', field_type: 'INT', field_length: '11', null_able: '0', unique: '1' }],
    where: [{ column: 'amount', operator: '>', value: 10 }], orderColumn: 'id', orderType: 'ASC',
    need_inc_migration: true, sourceDateColumn: 'updated_at', dataTimestamp: '2024-01-01 00:00:00', batchSize: 1000,
    extend_meta_data: [], instanceId: '02a7',
  },
  targetSelectedDatasource: { targetTable: 'public.orders', targetNeedCreateTable: false, isSupportClearTab: 'true' },
  mappingTable: [{ source_column: 'id', target_column: 'id', is_add_mapping: 'false' }],
  needAPI: false,
};
const task = { task_name: 'orders-copy', task_type: 'TIMING', source_datasource_id: 'a', target_datasource_id: 'b' };

describe('task_detail', () => {
  it('camelCase document (vendor example 1.3a keys) keeps unknown keys', () => {
    const d = taskDetailDocument.parse(detail);
    expect(d.sourceSelectedDatasource.sourceTable).toBe('testdb.orders');
    expect(d.targetSelectedDatasource.isSupportClearTab).toBe(true); // "true" string flag
    expect((d as Record<string, unknown>).needAPI).toBe(false);
    expect((d.sourceSelectedDatasource as Record<string, unknown>).instanceId).toBe('02a7');
  });
  it('snake_case document is answered in camelCase', () => {
    const d = taskDetailDocument.parse({
      source_selected_datasource: { source_table: 'orders', need_inc_migration: 'false', batch_size: 10, source_date_column: 'ts' },
      target_selected_datasource: { target_table: 'orders_copy', target_need_create_table: true },
      mapping_table: [],
    });
    expect(d.sourceSelectedDatasource.sourceTable).toBe('orders');
    expect(d.sourceSelectedDatasource.batchSize).toBe(10);
    expect(d.sourceSelectedDatasource.sourceDateColumn).toBe('ts');
    expect(d.targetSelectedDatasource.targetNeedCreateTable).toBe(true);
    expect(d.mappingTable).toEqual([]);
    expect(Object.keys(d)).not.toContain('source_selected_datasource');
  });
  it('create request carries it as a string; bad JSON or missing table is refused', () => {
    const ok = createTaskRequest.safeParse({ task, task_detail: JSON.stringify(detail) });
    expect(ok.success).toBe(true);
    expect(createTaskRequest.safeParse({ task, task_detail: '{not json' }).success).toBe(false);
    expect(createTaskRequest.safeParse({ task, task_detail: JSON.stringify({ sourceSelectedDatasource: {} }) }).success).toBe(false);
    expect(createTaskRequest.safeParse({ task, task_detail: detail }).success).toBe(false);
    const badOp = { ...detail, sourceSelectedDatasource: { ...detail.sourceSelectedDatasource, where: [{ column: 'a', operator: 'OR 1=1' }] } };
    expect(createTaskRequest.safeParse({ task, task_detail: JSON.stringify(badOp) }).success).toBe(false);
  });
  it('parseTaskDetail is null for foreign documents', () => {
    expect(parseTaskDetail('{"needAPI":true}')).toBeNull();
    expect(parseTaskDetail('x')).toBeNull();
    expect(parseTaskDetail(JSON.stringify(detail))?.mappingTable).toHaveLength(1);
  });
});

describe('requests', () => {
  const ds = { datasource_name: 'mysql-1', datasource_type: 'MYSQL', app_id: 'app', content: { host: 'h', port: '3306', database_name: 'd', user_name: 'u', password: 'p', mode: 'default' } };
  it('data source: port string, default vs professional mode, SQLITE needs a file name', () => {
    expect(datasourceInfo.parse(ds).content.port).toBe('3306');
    expect(datasourceInfo.parse({ ...ds, content: { ...ds.content, port: 3306 } }).content.port).toBe('3306');
    expect(datasourceInfo.safeParse({ ...ds, content: { ...ds.content, port: '70000' } }).success).toBe(false);
    expect(datasourceInfo.safeParse({ ...ds, content: { mode: 'default', host: 'h' } }).success).toBe(false);
    expect(datasourceInfo.safeParse({ ...ds, content: { mode: 'professional', url: 'jdbc:mysql://h:3306/d' } }).success).toBe(true);
    expect(datasourceInfo.safeParse({ ...ds, content: { mode: 'professional' } }).success).toBe(false);
    expect(datasourceInfo.safeParse({ ...ds, datasource_type: 'SQLITE', content: {} }).success).toBe(false);
    expect(datasourceInfo.safeParse({ ...ds, datasource_type: 'SQLITE', content: { database_name: 'a.db' } }).success).toBe(true);
    expect(datasourceInfo.safeParse({ ...ds, datasource_name: 'a(b)' }).success).toBe(false);
    expect(datasourceInfo.safeParse({ ...ds, datasource_type: 'NOSQL' }).success).toBe(false);
    expect(datasourceInfo.safeParse({ ...ds, extra: 1 }).success).toBe(false);
    expect(datasourceInfo.safeParse({ ...ds, datasource_type: 'KAFKA', content: { broker: 'h:9092' } }).success).toBe(true);
  });
  it('task basics: name pattern, upper-case type', () => {
    expect(createTaskRequest.safeParse({ task: { ...task, task_type: 'timing' }, task_detail: JSON.stringify(detail) }).success).toBe(false);
    expect(createTaskRequest.safeParse({ task: { ...task, task_name: '-bad' }, task_detail: JSON.stringify(detail) }).success).toBe(false);
  });
  it('list paging: negative offset → 0, limit > 999 → 999; monitor offset is a page from 1', () => {
    expect(datasourceListQuery.parse({ offset: '-5', limit: '5000' })).toMatchObject({ offset: 0, limit: 999 });
    expect(taskMonitorQuery.parse({ offset: '0' }).offset).toBe(1);
    expect(monitorLogQuery.parse({ offset: '3', begin_time: '1603243428000' })).toMatchObject({ offset: 3, begin_time: 1603243428000 });
    expect(taskListQuery.parse({ task_type: 'realtime' }).task_type).toBe('REALTIME');
    expect(taskListQuery.safeParse({ status: '2' }).success).toBe(false);
  });
  it('batch and dispatch', () => {
    expect(batchTaskOperationRequest.safeParse({ action_id: 'start', list: [{ task_id: 'x' }] }).success).toBe(true);
    expect(batchTaskOperationRequest.safeParse({ action_id: 'run', list: [] }).success).toBe(false);
    expect(taskDispatchRequest.safeParse({ period: 'MIN', dispatch_interval: 5 }).success).toBe(true);
    expect(taskDispatchRequest.safeParse({ use_quartz_cron: true, cron: '0 0/5 * * * ?' }).success).toBe(true);
    expect(taskDispatchRequest.safeParse({ use_quartz_cron: true }).success).toBe(false);
    expect(taskDispatchRequest.safeParse({ period: 'MIN' }).success).toBe(false);
  });
});

describe('responses', () => {
  it('task_type in any case is normalised', () => {
    expect(taskBasic.parse({ task_id: 'a', task_name: 'n', task_type: 'timing', status: 'stop' }).task_type).toBe('TIMING');
    expect(taskBrief.parse({ task_id: 'a', task_name: 'n', task_type: 'REALTIME', status: 0 }).task_type).toBe('REALTIME');
  });
  it('code groups as fdi.md suggests', () => {
    expect(monitorCodeGroup(503)).toBe('error');
    expect(monitorCodeGroup(505)).toBe('cancelled');
    expect(monitorCodeGroup(906)).toBe('queued');
    expect(monitorCodeGroup(914)).toBe('skipped');
    expect(monitorCodeGroup(504)).toBe('normal');
  });
});
