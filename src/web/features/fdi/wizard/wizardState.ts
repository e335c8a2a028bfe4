// The wizard's one state object (Back keeps every value), its per-step checks, and the request
// it becomes: { task, task_detail } with task_detail as the camelCase JSON string, plus the
// schedule of a TIMING task.
import type { ColumnInfo, CreateTaskRequest, MappingEntry, TaskDispatchRequest } from '../../../../contract/fdi';
import { TASK_NAME_PATTERN } from '../../../../contract/fdi';
import { serialiseTaskDetail, type Dispatch, type Task } from '../../../api/fdi';
import { duplicateTargets, mapByName, toMappingTable, withEdits, type ColumnPair } from '../logic/mapping';
import type { Period } from '../logic/schedule';

export interface WizardState {
  name: string;
  type: 'TIMING' | 'REALTIME';
  description: string;
  sourceId: string;
  targetId: string;
  sourceTable: string;
  targetTable: string;
  /** manual mapping edits over the automatic one: source column → target column ('' = not written) */
  edits: Record<string, string>;
  /** the saved mapping of an edited task, turned into edits once the columns are known */
  savedMapping?: MappingEntry[];
  incremental: boolean;
  dateColumn: string;
  startValue: string;
  orderColumn: string;
  batchSize: number;
  clearTarget: boolean;
  useCron: boolean;
  cron: string;
  /** first run, epoch ms */
  startAt: number;
  period: Period;
  interval: number;
}

export const STEPS = ['basics', 'columns', 'incremental', 'schedule'] as const;
export type Step = (typeof STEPS)[number];

export function initialState(now = Date.now()): WizardState {
  const nextMinute = Math.ceil(now / 60_000) * 60_000 + 60_000;
  return {
    name: '', type: 'TIMING', description: '', sourceId: '', targetId: '', sourceTable: '', targetTable: '', edits: {},
    incremental: false, dateColumn: '', startValue: '', orderColumn: '', batchSize: 5000, clearTarget: false,
    useCron: false, cron: '0 0/5 * * * ?', startAt: nextMinute, period: 'HOUR', interval: 1,
  };
}

/** State of an existing task (and its schedule). */
export function stateFromTask(task: Task, dispatch: Dispatch | null, now = Date.now()): WizardState {
  const s = initialState(now);
  const src = task.detail?.sourceSelectedDatasource;
  const tgt = task.detail?.targetSelectedDatasource;
  return {
    ...s,
    name: task.name, type: task.type, description: task.description, sourceId: task.sourceId, targetId: task.targetId,
    sourceTable: src?.sourceTable ?? '', targetTable: tgt?.targetTable ?? '',
    savedMapping: task.detail?.mappingTable ?? [],
    incremental: src?.need_inc_migration === true,
    dateColumn: src?.sourceDateColumn ?? '',
    startValue: src?.dataTimestamp === undefined ? '' : String(src.dataTimestamp),
    orderColumn: src?.orderColumn ?? '',
    batchSize: typeof src?.batchSize === 'number' ? src.batchSize : s.batchSize,
    clearTarget: tgt?.isSupportClearTab === true,
    ...(dispatch
      ? {
          useCron: dispatch.useCron, cron: dispatch.cron || s.cron, startAt: dispatch.startAt ?? s.startAt,
          period: (['MIN', 'HOUR', 'DAY', 'WEEK', 'MON'].includes(dispatch.period) ? dispatch.period : 'HOUR') as Period,
          interval: dispatch.interval ?? 1,
        }
      : {}),
  };
}

export const pairsOf = (s: WizardState, source: readonly ColumnInfo[], target: readonly ColumnInfo[]): ColumnPair[] =>
  withEdits(mapByName(source.map((c) => c.field_name), target.map((c) => c.field_name)), s.edits);

/** i18n keys (fdi namespace) of what blocks leaving a step, by field. */
export function stepErrors(step: Step, s: WizardState, pairs: readonly ColumnPair[]): Record<string, string> {
  const e: Record<string, string> = {};
  if (step === 'basics') {
    if (s.name.length < 3 || s.name.length > 100 || !TASK_NAME_PATTERN.test(s.name)) e.name = 'wizard.nameInvalid';
    if (!s.sourceId) e.sourceId = 'ds.required';
    if (!s.targetId) e.targetId = 'ds.required';
    if (!s.sourceTable) e.sourceTable = 'ds.required';
    if (!s.targetTable) e.targetTable = 'ds.required';
  }
  if (step === 'columns') {
    if (!pairs.some((p) => p.target)) e.mapping = 'wizard.nothingMapped';
    else if (duplicateTargets(pairs).length) e.mapping = 'wizard.duplicateTargets';
  }
  if (step === 'incremental' && s.incremental && !s.dateColumn) e.dateColumn = 'ds.required';
  if (step === 'schedule' && s.type === 'TIMING') {
    if (s.useCron && !s.cron.trim()) e.cron = 'ds.required';
    if (!s.useCron && !(s.interval >= 1)) e.interval = 'ds.required';
  }
  return e;
}

export function toTaskRequest(s: WizardState, pairs: readonly ColumnPair[], source: readonly ColumnInfo[], target: readonly ColumnInfo[], previousRaw = ''): CreateTaskRequest {
  const mapped = new Set(pairs.filter((p) => p.target).map((p) => p.source));
  const doc = {
    sourceSelectedDatasource: {
      sourceTable: s.sourceTable,
      sourceSelectedColumnList: source.filter((c) => mapped.has(c.field_name)).map((c) => ({
        field_name: c.field_name, field_type: c.field_type ?? '', field_length: c.field_length ?? '', null_able: c.null_able ?? '', unique: c.unique ?? '',
      })),
      where: [],
      isAddSql: false,
      querySql: '',
      orderColumn: s.orderColumn,
      orderType: 'ASC' as const,
      need_inc_migration: s.incremental,
      sourceDateColumn: s.incremental ? s.dateColumn : '',
      dataTimestamp: s.incremental ? s.startValue : '',
      batchSize: s.batchSize,
    },
    targetSelectedDatasource: { targetTable: s.targetTable, isSupportClearTab: s.clearTarget, targetNeedCreateTable: false },
    mappingTable: toMappingTable(pairs, source, target),
    mappingRequired: true,
  };
  return {
    task: {
      task_name: s.name,
      task_type: s.type,
      source_datasource_id: s.sourceId,
      target_datasource_id: s.targetId,
      ...(s.description ? { description: s.description } : {}),
    },
    task_detail: serialiseTaskDetail(doc, previousRaw),
  };
}

export function toDispatchRequest(s: WizardState): TaskDispatchRequest {
  return s.useCron
    ? { use_quartz_cron: true, cron: s.cron.trim(), start_datetime: s.startAt, period: '' }
    : { use_quartz_cron: false, period: s.period, dispatch_interval: s.interval, start_datetime: s.startAt };
}
