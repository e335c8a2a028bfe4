// One execution of a task, as the worker runs it: adapter → read/convert/write in batches with a
// checkpoint after each committed batch → integrity check (full runs) → compensation → finish.
// Everything is recorded in the run's monitor log with the vendor's status codes.
import type Database from 'better-sqlite3';
import { taskDetailDocument, type DatasourceContent } from '../../../contract/index';
import { Checksum, ConversionError, convert, rowText } from '../connectors/convert';
import { openConnector } from '../connectors/index';
import { quote } from '../connectors/sql';
import { ConnectorError, type Connector, type Row, type Value } from '../connectors/types';
import { RunStore, type DirtyInput, type Pos, type RunRow } from '../runs';
import { andWhere, buildPlan, type Plan } from './plan';

export interface Checkpoint {
  after: Value[] | null;
  offset: number;
  read: number;
  written: number;
  dirty: number;
  bytes: number;
  sum: { a: number; b: number; count: number };
  lo: Value; // incremental lower bound (exclusive) or null
  hi: Value; // incremental upper bound (inclusive) or null
  cleared: boolean;
  readMs: number;
  writeMs: number;
}

export interface RunEnv {
  db: Database.Database;
  dataDir: string;
  cancelled: () => boolean;
  now?: () => number;
}

class Cancelled extends Error {}
/** Which side failed: decides 103 vs 503 and the step that reports it. */
class SideError extends Error {
  constructor(readonly side: 'source' | 'target', readonly reason: unknown) {
    super((reason as Error)?.message ?? String(reason));
  }
}

const PROGRESS_MS = 500;

const jsonSafe = (v: Value): Value => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('hex') : v);

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
    runs.updateStep(adapter, { end_time: runs.steps(runId)[0]?.end_time ?? end });
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
      hi = await src.max(plan.sourceTable, plan.incColumn, plan.filter).catch((err: unknown) => { throw new SideError('source', err); });
      if (prev === null && start !== undefined && start !== '') lo = { start } as unknown as Value;
    }
    const incWhere = plan.incColumn ? boundsWhere(src, plan.incColumn, lo, hi) : null;
    const where = andWhere(plan.filter, incWhere);

    // ---- clear target (full runs, once) ----
    let cleared = resume?.cleared ?? false;
    if (!cleared && mode === 'full' && detail.targetSelectedDatasource.isSupportClearTab) {
      await dst.clearTable(plan.targetTable).catch((err: unknown) => { throw new SideError('target', err); });
      cleared = true;
    }

    const expected = await src.count(plan.sourceTable, where).catch((err: unknown) => { throw new SideError('source', err); });
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
    const srcNames = plan.sourceCols.map((c) => c.name);
    const keyIdx = plan.readKey.map((k) => { const i = srcNames.indexOf(k); return i >= 0 ? i : srcNames.length + plan.readKey.filter((x) => !srcNames.includes(x)).indexOf(k); });
    const srcSideDialect = dst.dialect;
    let lastProgress = 0;
    const progress = (force: boolean, code: number, pos: Pos): void => {
      const t = now();
      if (!force && t - lastProgress < PROGRESS_MS) return;
      lastProgress = t;
      runs.update(runId, {
        position: pos, status: code, data_count: cp.written, dirty_count: cp.dirty, read_count: cp.read, data_bytes: cp.bytes,
        read_ms: cp.readMs, write_ms: cp.writeMs, checkpoint: JSON.stringify({ ...cp, sum: sum.state() }),
      });
      runs.updateStep(readerStep, { status: pos === 'READER' ? code : 102, data_count: cp.read, dirty_count: cp.dirty, data_bytes: cp.bytes });
      runs.updateStep(writerStep, { status: pos === 'WRITER' ? code : 502, data_count: cp.written, dirty_count: cp.dirty, data_bytes: cp.bytes });
    };

    for (;;) {
      if (env.cancelled()) throw new Cancelled();
      const r0 = now();
      const rows = await src.read({ table: plan.sourceTable, columns: srcNames, key: plan.readKey, after: cp.after, where, limit: plan.batchSize, offset: cp.offset })
        .catch((err: unknown) => { throw new SideError('source', err); });
      cp.readMs += now() - r0;
      if (rows.length === 0) break;
      const w0 = now(); // write time includes conversion and the checksum
      const good: Row[] = [];
      const goodSrc: Row[] = [];
      const dirty: DirtyInput[] = [];
      for (const row of rows) {
        try {
          const out = new Array<Value>(plan.targetCols.length);
          for (let i = 0; i < out.length; i++) out[i] = convert(row[i] ?? null, plan.targetCols[i]!, srcSideDialect);
          good.push(out);
          goodSrc.push(row);
        } catch (err) {
          if (!(err instanceof ConversionError)) throw err;
          dirty.push({ position: 'READER', reason: err.message, row: rowObject(srcNames, row) });
        }
      }
      const res = good.length ? await dst.write(plan.targetTable, plan.targetCols, good, plan.writeKey).catch((err: unknown) => { throw new SideError('target', err); })
        : { written: 0, bytes: 0, failed: [] };
      cp.writeMs += now() - w0;
      const failed = new Set(res.failed.map((f) => f.index));
      for (const f of res.failed) dirty.push({ position: 'WRITER', reason: f.reason, row: rowObject(srcNames, goodSrc[f.index]!) });
      if (mode === 'full') for (let i = 0; i < good.length; i++) if (!failed.has(i)) sum.add(rowText(good[i]!, plan.targetCols));
      if (dirty.length) runs.addDirty(runId, dirty);
      const last = rows[rows.length - 1]!;
      cp.after = plan.readKey.length ? keyIdx.map((i) => jsonSafe(last[i] ?? null)) : null;
      if (!plan.readKey.length) cp.offset += rows.length;
      cp.read += rows.length;
      cp.written += res.written;
      cp.dirty += dirty.length;
      cp.bytes += res.bytes;
      progress(true, 502, 'WRITER'); // checkpoint after every committed batch
      if (rows.length < plan.batchSize) break;
    }
    runs.updateStep(readerStep, { status: cp.read === 0 ? 105 : 104, position_status: 'NODE_END', data_count: cp.read, dirty_count: cp.dirty, end_time: now(), remarks: cp.read === 0 ? 'read 0 records' : `read ${cp.read} records` });
    runs.updateStep(writerStep, { status: 504, position_status: 'NODE_END', data_count: cp.written, dirty_count: cp.dirty, data_bytes: cp.bytes, end_time: now(), remarks: `wrote ${cp.written} records, ${cp.dirty} dirty` });
    readerStep = '';
    writerStep = '';
    progress(true, 504, 'WRITER');

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

function rowObject(names: string[], row: Row): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  names.forEach((n, i) => { o[n] = jsonSafe(row[i] ?? null); });
  return o;
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

/** Integrity check (902/903) and compensation (904/905): returns the run remarks. */
async function integrity(
  runs: RunStore, runId: string, env: RunEnv, src: Connector, dst: Connector, plan: Plan, where: ReturnType<typeof andWhere>,
  sum: Checksum, cp: Checkpoint, now: () => number,
): Promise<string | null> {
  const step = runs.addStep(runId, { status: 902, position: 'WRITER', stage: 'integrity', remarks: 'data integrity check in progress' });
  runs.update(runId, { status: 902 });
  const target = await targetChecksum(dst, plan, env).catch((err: unknown) => { throw new SideError('target', err); });
  const ok = target.count === sum.count && target.value === sum.value;
  const detail = `source ${sum.count} rows written (checksum ${sum.value}), target ${target.count} rows (checksum ${target.value})`;
  runs.updateStep(step, { position_status: 'NODE_END', end_time: now(), data_count: target.count, remarks: 'data integrity check done' });
  runs.addStep(runId, { status: 903, position: 'WRITER', stage: 'integrity', position_status: 'NODE_END', end_time: now(), data_count: target.count, remarks: `${ok ? 'consistent' : 'inconsistent'}: ${detail}` });
  runs.update(runId, { status: 903 });
  if (ok) return `Task execute success: ${cp.written} records written, ${cp.dirty} dirty; integrity check consistent`;
  if (!plan.writeKey.length || !plan.readKey.length || plan.readKey[0] === 'rowid') {
    return `Task execute success: ${cp.written} records written, ${cp.dirty} dirty; integrity check inconsistent (${detail}); no key to compensate by`;
  }
  // compensation: rows of the source whose key is missing or different in the target are written again
  const comp = runs.addStep(runId, { status: 904, position: 'WRITER', stage: 'compensation', remarks: 'data missing after the integrity check, compensating' });
  runs.update(runId, { status: 904 });
  const srcNames = plan.sourceCols.map((c) => c.name);
  const keyIdx = plan.readKey.map((k) => srcNames.indexOf(k));
  const dstKeyNames = plan.readKey.map((k) => plan.targetCols[srcNames.indexOf(k)]?.name ?? k);
  let after: Value[] | null = null;
  let fixed = 0;
  let unfixable = 0;
  if (keyIdx.some((i) => i < 0)) return `integrity check inconsistent (${detail}); source key not mapped, no compensation`;
  for (;;) {
    if (env.cancelled()) throw new Cancelled();
    const rows = await src.read({ table: plan.sourceTable, columns: srcNames, key: plan.readKey, after, where, limit: plan.batchSize });
    if (!rows.length) break;
    const converted: { key: string; out: Row | null }[] = rows.map((row) => {
      try {
        const out = plan.targetCols.map((c, i) => convert(row[i] ?? null, c, dst.dialect));
        return { key: keyText(keyIdx.map((i) => out[i] ?? null)), out };
      } catch {
        return { key: '', out: null };
      }
    });
    const keys = converted.filter((c) => c.out).map((c) => keyIdx.map((i) => c.out![i] ?? null));
    const have = new Map<string, string>();
    if (keys.length) {
      const back = await dst.readByKeys(plan.targetTable, plan.targetCols.map((c) => c.name), dstKeyNames, keys);
      for (const r of back) have.set(keyText(r.slice(0, dstKeyNames.length)), rowText(r.slice(dstKeyNames.length), plan.targetCols));
    }
    const redo = converted.filter((c) => c.out && have.get(c.key) !== rowText(c.out, plan.targetCols)).map((c) => c.out!);
    if (redo.length) {
      const res = await dst.write(plan.targetTable, plan.targetCols, redo, plan.writeKey);
      fixed += res.written;
      unfixable += res.failed.length;
    }
    after = keyIdx.map((i) => rows[rows.length - 1]![i] ?? null);
    if (rows.length < plan.batchSize) break;
  }
  const again = await targetChecksum(dst, plan, env);
  const extra = again.count - sum.count;
  const msg = `compensated ${fixed} rows${unfixable ? `, ${unfixable} could not be written` : ''}; target now ${again.count} rows${extra > 0 ? ` (${extra} rows not from this source)` : ''}`;
  runs.updateStep(comp, { position_status: 'NODE_END', end_time: now(), data_count: fixed, remarks: `compensation done: ${fixed} rows written again` });
  runs.addStep(runId, { status: 905, position: 'WRITER', stage: 'compensation', position_status: 'NODE_END', end_time: now(), data_count: fixed, remarks: msg });
  runs.update(runId, { status: 905 });
  return `Task execute success: ${cp.written} records written, ${cp.dirty} dirty; integrity check inconsistent, ${msg}`;
}

const keyText = (vals: Value[]): string => vals.map((v) => (v === null ? '\u0000' : Buffer.isBuffer(v) ? v.toString('hex') : String(v))).join('\u001f');

async function targetChecksum(dst: Connector, plan: Plan, env: RunEnv): Promise<{ count: number; value: string }> {
  const names = plan.targetCols.map((c) => c.name);
  const key = plan.writeKey.length ? plan.writeKey : dst.rowIdKey() ? [dst.rowIdKey()!] : [];
  const keyIdx = key.map((k) => { const i = names.indexOf(k); return i >= 0 ? i : names.length + key.filter((x) => !names.includes(x)).indexOf(k); });
  const sum = new Checksum();
  let after: Value[] | null = null;
  let offset = 0;
  for (;;) {
    if (env.cancelled()) throw new Cancelled();
    const rows = await dst.read({ table: plan.targetTable, columns: names, key, after, where: null, limit: plan.batchSize * 4, offset });
    for (const r of rows) sum.add(rowText(r, plan.targetCols));
    if (rows.length < plan.batchSize * 4) break;
    const last = rows[rows.length - 1]!;
    if (key.length) after = keyIdx.map((i) => last[i] ?? null);
    else offset += rows.length;
  }
  return { count: sum.count, value: sum.value };
}
