import { describe, expect, it } from 'vitest';
import { createTaskRequest, taskDispatchRequest, type ColumnInfo } from '../../../../contract/fdi';
import { taskFromWire } from '../../../api/fdi';
import { initialState, pairsOf, stateFromTask, stepErrors, toDispatchRequest, toTaskRequest } from './wizardState';

const source: ColumnInfo[] = [{ field_name: 'id', field_type: 'INTEGER' }, { field_name: 'Name', field_type: 'TEXT' }, { field_name: 'updated_at', field_type: 'TEXT' }];
const target: ColumnInfo[] = [{ field_name: 'id', field_type: 'int4' }, { field_name: 'name', field_type: 'text' }];

describe('wizard state → request', () => {
  const s = { ...initialState(0), name: 'orders-copy', sourceId: 's1', targetId: 't1', sourceTable: 'orders', targetTable: 'orders_copy', incremental: true, dateColumn: 'updated_at', startValue: '2024-01-01 00:00:00' };
  it('builds a task the contract accepts, with the mapping by name and the incremental keys', () => {
    const pairs = pairsOf(s, source, target);
    const req = toTaskRequest(s, pairs, source, target);
    const parsed = createTaskRequest.parse(req);
    expect(parsed.task.task_type).toBe('TIMING');
    expect(parsed.task_detail.mappingTable?.map((m) => [m.source_column, m.target_column])).toEqual([['id', 'id'], ['Name', 'name']]);
    expect(parsed.task_detail.sourceSelectedDatasource).toMatchObject({ sourceTable: 'orders', need_inc_migration: true, sourceDateColumn: 'updated_at' });
  });
  it('round-trips through a saved task (edit keeps the values)', () => {
    const req = toTaskRequest(s, pairsOf(s, source, target), source, target);
    const task = taskFromWire({ task: { task_id: 'x', task_name: s.name, task_type: 'TIMING', source_datasource_id: 's1', target_datasource_id: 't1' }, task_detail: req.task_detail });
    const back = stateFromTask(task, null, 0);
    expect(back).toMatchObject({ name: 'orders-copy', sourceTable: 'orders', targetTable: 'orders_copy', incremental: true, dateColumn: 'updated_at', startValue: '2024-01-01 00:00:00' });
    expect(back.savedMapping?.length).toBe(2);
  });
  it('step checks name what is missing', () => {
    expect(Object.keys(stepErrors('basics', initialState(0), []))).toEqual(['name', 'sourceId', 'targetId', 'sourceTable', 'targetTable']);
    expect(stepErrors('columns', s, [{ source: 'a', target: '' }])).toEqual({ mapping: 'wizard.nothingMapped' });
    expect(stepErrors('columns', s, [{ source: 'a', target: 'x' }, { source: 'b', target: 'x' }])).toEqual({ mapping: 'wizard.duplicateTargets' });
  });
  it('schedule requests the contract accepts', () => {
    expect(taskDispatchRequest.safeParse(toDispatchRequest(s)).success).toBe(true);
    expect(taskDispatchRequest.safeParse(toDispatchRequest({ ...s, useCron: true })).success).toBe(true);
  });
});
