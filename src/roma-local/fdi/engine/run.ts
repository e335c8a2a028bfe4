// One execution of a task, as the worker runs it: adapter → copy (copy.ts: batches with a
// checkpoint after each committed batch) → integrity check and compensation (integrity.ts) → finish.
// Everything is recorded in the run's monitor log with the vendor's status codes.
import { taskDetailDocument, type DatasourceContent } from '../../../contract/index';
import { Checksum } from '../connectors/checksum';
import { openConnector } from '../connectors/index';
import { quote } from '../connectors/sql';
import { ConnectorError, type Connector, type Value } from '../connectors/types';
import { RunStore, type Pos, type RunRow } from '../runs';
import { copyRows, recordProgress, type CopyStage } from './copy';
import { integrity } from './integrity';
import { andWhere, buildPlan, type Plan } from './plan';
import { Cancelled, jsonSafe, onSide, SideError, type Checkpoint, type RunEnv } from './run-env';

export type { Checkpoint, RunEnv } from './run-env';

export async function executeRun(env: RunEnv, runId: string): Promise<void> {
  const now = env.now ?? Date.now;
  const runs = new RunStore(env.db, now);
  const run = runs.get(runId);
  if (!run) return;
  const task = env.db.prepare('SELECT * FROM fdi_tasks WHERE id = ?').get(run.task_id) as
    { id: string; type: string; detail: string; source_ds: string; target_ds: string; watermark: string | null } | undefined;
  if (!task) return;
  const ds = (id: string) => env.db.prepare('SELECT type, content FROM fdi_datasources WHERE id = ?').get(id) as { type: string; content: string } | undefined;
  const resume: Checkpoint | null = run.checkpoint ? (JSON.parse(run.checkpoint) as Checkpoint) : null;
  const t0 = now();
  runs.update(runId, { execute_status: 'RUNNING', position: 'ADAPTER', position_status: 'NORMAL', status: 99, ...(resume ? {} : { start_time: t0 }) });
  const adapter = runs.addStep(runId, { status: 99, position: 'ADAPTER', stage: 'adapter', remarks: resume ? 'task restarted after an interruption' : 'task started' });

  let src: Connector | null = null;
  let dst: Connector | null = null;
  let readerStep = '';
  let writerStep = '';
  const finish = (status: 'SUCCESS' | 'ERROR' | 'CANCELLED', code: number, pos: Pos, posStatus: RunRow['position_status'], remarks: string): void => {
    const end = now();
    for (const s of [readerStep, writerStep]) if (s) runs.updateStep(s, { end_time: end });
    // the adapter step keeps the end it got when both sides were connected; it ends now only if it never did
    if (runs.steps(runId).find((x) => x.id === adapter)?.end_time == null) runs.updateStep(adapter, { end_time: end });
    runs.update(runId, { execute_status: status, status: code, position: pos, position_status: posStatus, remarks: remarks.slice(0, 2000), end_time: end });
  };

  try {
    // ---- adapter: connect both sides ----
    const open = async (id: string, side: 'source' | 'target'): Promise<Connector> => {
      const row = ds(id);
      if (!row) throw new SideError(side, new ConnectorError('other', `the ${side} data source no longer exists`));
      try {
        return await openConnector(row.type, JSON.parse(row.content) as DatasourceContent, { dataDir: env.dataDir, create: side === 'target' });
      } catch (err) {
        throw new SideError(side, err);
      }
    };
    const connect = async (c: Connector, side: 'source' | 'target'): Promise<void> => {
      try { await c.test(); } catch (err) { throw new SideError(side, err); }
    };
    src = await open(task.source_ds, 'source');
    await connect(src, 'source');
    dst = await open(task.target_ds, 'target');
    await connect(dst, 'target');
    const detail = taskDetailDocument.parse(JSON.parse(task.detail));
    let plan: Plan;
    try {
      plan = await buildPlan(detail, task.type, src, dst, !!resume);
    } catch (err) {
      const msg = (err as Error).message;
      throw new SideError(/target/.test(msg) ? 'target' : 'source', err);
    }
    const mode = run.mode;
    runs.updateStep(adapter, { status: 99, position_status: 'NODE_END', end_time: now(), remarks: `${resume ? 'resumed' : 'started'}: ${plan.sourceTable} → ${plan.targetTable}${plan.createdTarget ? ' (target table created)' : ''}, ${mode} run` });

    // ---- incremental bounds ----
    let lo: Value = resume ? resume.lo : null;
    let hi: Value = resume ? resume.hi : null;
    if (!resume && plan.incColumn) {
      const prev = task.watermark ? (JSON.parse(task.watermark) as Value) : null;
      const start = detail.sourceSelectedDatasource.dataTimestamp;
      lo = prev;
      hi = await src.max(plan.sourceTable, plan.incColumn, plan.filter).catch(onSide('source'));
      if (prev === null && start !== undefined && start !== '') lo = { start } as unknown as Value;
    }
    const incWhere = plan.incColumn ? boundsWhere(src, plan.incColumn, lo, hi) : null;
    const where = andWhere(plan.filter, incWhere);

    // ---- clear target (full runs, once) ----
    let cleared = resume?.cleared ?? false;
    if (!cleared && mode === 'full' && detail.targetSelectedDatasource.isSupportClearTab) {
      await dst.clearTable(plan.targetTable).catch(onSide('target'));
      cleared = true;
    }

    const expected = await src.count(plan.sourceTable, where).catch(onSide('source'));
    runs.update(runId, { expected_count: expected }); // the whole range: a resumed run counts it again the same way

    if (resume) {
      runs.addStep(runId, { status: 108, position: 'READER', stage: 'reader', position_status: 'NODE_END', end_time: now(), data_count: resume.read, remarks: `read task resumed after ${resume.read} rows` });
      runs.addStep(runId, { status: 507, position: 'WRITER', stage: 'writer', position_status: 'NODE_END', end_time: now(), data_count: resume.written, remarks: `write task resumed after ${resume.written} rows` });
    }
    const srcStage = `${src.dialect}reader`;
    const dstStage = `${dst.dialect}writer`;
    readerStep = runs.addStep(runId, { status: 100, position: 'READER', stage: srcStage, remarks: 'reader started' });
    writerStep = runs.addStep(runId, { status: 500, position: 'WRITER', stage: dstStage, remarks: 'writer started' });

    // ---- copy ----
    const cp: Checkpoint = resume ?? { after: null, offset: 0, read: 0, written: 0, dirty: 0, bytes: 0, sum: { a: 0, b: 0, count: 0 }, lo, hi, cleared, readMs: 0, writeMs: 0 };
    cp.cleared = cleared;
    const sum = Checksum.from(cp.sum);
    const stage: CopyStage = { runs, runId, env, src, dst, plan, where, mode, readerStep, writerStep, now };
    await copyRows(stage, cp, sum);
    runs.updateStep(readerStep, { status: cp.read === 0 ? 105 : 104, position_status: 'NODE_END', data_count: cp.read, dirty_count: cp.dirty, end_time: now(), remarks: cp.read === 0 ? 'read 0 records' : `read ${cp.read} records` });
    runs.updateStep(writerStep, { status: 504, position_status: 'NODE_END', data_count: cp.written, dirty_count: cp.dirty, data_bytes: cp.bytes, end_time: now(), remarks: `wrote ${cp.written} records, ${cp.dirty} dirty` });
    readerStep = writerStep = stage.readerStep = stage.writerStep = '';
    recordProgress(stage, cp, sum, 504, 'WRITER');

    // ---- integrity check and compensation (full runs) ----
    let remarks = `Task execute success: ${cp.written} records written, ${cp.dirty} dirty`;
    if (mode === 'full') {
      remarks = await integrity(runs, runId, env, src, dst, plan, where, sum, cp, now) ?? remarks;
    }
    if (plan.incColumn && hi !== null) env.db.prepare('UPDATE fdi_tasks SET watermark = ? WHERE id = ?').run(JSON.stringify(jsonSafe(hi)), task.id);
    runs.addStep(runId, { status: 901, position: 'WRITER', stage: 'adapter', position_status: 'TASK_END', data_count: cp.written, dirty_count: cp.dirty, end_time: now(), remarks: 'task run finished' });
    finish('SUCCESS', 901, 'WRITER', 'TASK_END', remarks);
  } catch (err) {
    if (err instanceof Cancelled) {
      const t = now();
      if (readerStep) runs.updateStep(readerStep, { status: 106, position_status: 'RUNTIME_CANCEL', end_time: t, remarks: 'read task forcibly cancelled' });
      if (writerStep) runs.updateStep(writerStep, { status: 505, position_status: 'RUNTIME_CANCEL', end_time: t, remarks: 'write task forcibly cancelled' });
      readerStep = writerStep = '';
      runs.addStep(runId, { status: 16, position: 'ADAPTER', stage: 'adapter', position_status: 'RUNTIME_CANCEL', end_time: t, remarks: 'forcibly cancelled' });
      finish('CANCELLED', 16, 'ADAPTER', 'RUNTIME_CANCEL', 'Task cancelled by the operator.');
    } else if (err instanceof SideError) {
      const started = !!readerStep;
      const code = err.side === 'source' ? (started ? 103 : 911) : (started ? 503 : 912);
      const pos: Pos = err.side === 'source' ? 'READER' : 'WRITER';
      const msg = `${err.side === 'source' ? 'Source' : 'Target'} error: ${err.message}`;
      const t = now();
      const step = err.side === 'source' ? readerStep : writerStep;
      if (step) runs.updateStep(step, { status: code, position_status: 'RUNTIME_ERR', end_time: t, remarks: msg });
      else runs.addStep(runId, { status: code, position: pos, stage: err.side === 'source' ? 'reader' : 'writer', position_status: 'RUNTIME_ERR', end_time: t, remarks: msg });
      finish('ERROR', code, pos, 'RUNTIME_ERR', msg);
    } else {
      const msg = `Internal error: ${(err as Error)?.message ?? String(err)}`;
      runs.addStep(runId, { status: 915, position: 'ADAPTER', stage: 'adapter', position_status: 'INTERNAL_ERR', end_time: now(), remarks: msg });
      finish('ERROR', 915, 'ADAPTER', 'INTERNAL_ERR', msg);
    }
  } finally {
    await src?.close().catch(() => undefined);
    await dst?.close().catch(() => undefined);
  }
}

function boundsWhere(src: Connector, col: string, lo: Value, hi: Value) {
  const q = quote(src.dialect, col);
  const parts: string[] = [];
  const params: Value[] = [];
  if (lo && typeof lo === 'object' && !Buffer.isBuffer(lo) && 'start' in (lo as object)) {
    parts.push(`${q} >= ?`);
    params.push((lo as unknown as { start: Value }).start);
  } else if (lo !== null) {
    parts.push(`${q} > ?`);
    params.push(lo);
  }
  if (hi !== null) {
    parts.push(`${q} <= ?`);
    params.push(hi);
  } else {
    parts.push('1 = 0'); // empty source column: nothing to read
  }
  return { sql: parts.join(' AND '), params };
}
