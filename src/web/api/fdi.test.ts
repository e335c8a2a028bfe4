import { describe, expect, it } from 'vitest';
import listMonitorLog from '../../../tests/fixtures/roma-api-examples/fdi/ListMonitorLog.response.200.json';
import { monitorLogListResponse, taskBrief, taskResponse } from '../../contract/fdi';
import { isStarted, serialiseTaskDetail, taskFromWire, taskSummaryFromWire, toExecuteStatus, datasourceFromWire } from './fdi';
import { ACTIVE_POLL_MS, IDLE_POLL_MS, SETTLING_POLL_MS, pageNumber, runFromWire, runPollInterval } from './fdiRuns';

describe('FDI normalisation', () => {
  it('task type in any case and status as 0|1|"stop"|"running"', () => {
    const brief = taskSummaryFromWire(taskBrief.parse({ task_id: 't', task_name: 'n', task_type: 'TIMING', status: 1, execute_status: 'running', created_date: '1605288733684' }));
    expect(brief).toMatchObject({ type: 'TIMING', started: true, executeStatus: 'RUNNING', createdAt: 1605288733684 });
    const full = taskFromWire(taskResponse.parse({ task: { task_id: 't', task_name: 'n', task_type: 'realtime', status: 'stop', created_date: 1605288733684 }, task_detail: '{"sourceSelectedDatasource":{"source_table":"db.t"},"targetSelectedDatasource":{"targetTable":"u"},"custom":1}' }));
    expect(full).toMatchObject({ type: 'REALTIME', started: false });
    expect(full.detail?.sourceSelectedDatasource.sourceTable).toBe('db.t');
    expect([isStarted(0), isStarted('1'), isStarted('running'), isStarted(undefined)]).toEqual([false, true, true, false]);
    expect([toExecuteStatus(undefined), toExecuteStatus('weird')]).toEqual(['UNSTARTED', 'UNKNOWN']);
  });
  it('task_detail serialised as a string that keeps keys the console does not edit', () => {
    const s = serialiseTaskDetail({ sourceSelectedDatasource: { sourceTable: 'a' }, targetSelectedDatasource: { targetTable: 'b' } }, '{"needAPI":false,"sourceSelectedDatasource":{"old":1}}');
    expect(JSON.parse(s)).toEqual({ needAPI: false, sourceSelectedDatasource: { sourceTable: 'a' }, targetSelectedDatasource: { targetTable: 'b' } });
  });
  it('port always a string', () => {
    expect(datasourceFromWire({ datasource_id: 'd', datasource_name: 'n', datasource_type: 'mysql', content: { port: 3306 } }).content.port).toBe('3306');
  });
  it('the vendor ListMonitorLog example becomes runs with steps', () => {
    const body = monitorLogListResponse.parse(listMonitorLog);
    const runs = body.entities.map(runFromWire);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs[0]!.id).toBeTruthy();
    expect(runs[0]!.expected).toBeUndefined(); // the cloud does not say: no ETA
  });
  it('monitor offsets are page numbers from 1', () => {
    expect([pageNumber(0, 20), pageNumber(20, 20), pageNumber(45, 20)]).toEqual([1, 2, 3]);
  });
  it('polls every second while a run is active, slower after, slowest when idle', () => {
    const now = 1_000_000;
    expect(runPollInterval({ executeStatus: 'RUNNING', endedAt: undefined }, now)).toBe(ACTIVE_POLL_MS);
    expect(runPollInterval({ executeStatus: 'WAITING', endedAt: undefined }, now)).toBe(ACTIVE_POLL_MS);
    expect(runPollInterval({ executeStatus: 'SUCCESS', endedAt: now - 10_000 }, now)).toBe(SETTLING_POLL_MS);
    expect(runPollInterval({ executeStatus: 'ERROR', endedAt: now - 600_000 }, now)).toBe(IDLE_POLL_MS);
    expect(runPollInterval(undefined, now)).toBe(IDLE_POLL_MS);
  });
});
