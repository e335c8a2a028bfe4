// The copy stage of a run: keyset batches read from the source (the next batch is read while the
// current one is written), converted by per-column functions chosen once, written in one
// transaction per batch, and checkpointed (one commit of roma-local's database) after each one.
import { Checksum, RowCodec } from '../connectors/checksum';
import { ConversionError } from '../connectors/convert';
import type { AttachedSource, Connector, Row, Value, WriteResult } from '../connectors/types';
import type { DirtyInput, Pos, RunStore } from '../runs';
import type { andWhere, Plan } from './plan';
import { copyAttached } from './copy-attached';
import { Cancelled, jsonSafe, onSide, type Checkpoint, type RunEnv } from './run-env';

/** Checkpoint and counters of an upserting run are recorded at most this often (ms, chosen). */
export const PROGRESS_MS = 200;

export interface CopyStage {
  runs: RunStore;
  runId: string;
  env: RunEnv;
  src: Connector;
  dst: Connector;
  plan: Plan;
  where: ReturnType<typeof andWhere>;
  mode: string;
  /** Step ids whose counters follow the copy ('' once the step has ended). */
  readerStep: string;
  writerStep: string;
  now: () => number;
}

/** Records the counters and the checkpoint of a run: the run and both steps in one commit. */
export function recordProgress(s: CopyStage, cp: Checkpoint, sum: Checksum, code: number, pos: Pos): void {
  s.runs.batch(() => {
    s.runs.update(s.runId, {
      position: pos, status: code, data_count: cp.written, dirty_count: cp.dirty, read_count: cp.read, data_bytes: cp.bytes,
      read_ms: cp.readMs, write_ms: cp.writeMs, checkpoint: JSON.stringify({ ...cp, sum: sum.state() }),
    });
    if (s.readerStep) s.runs.updateStep(s.readerStep, { status: pos === 'READER' ? code : 102, data_count: cp.read, dirty_count: cp.dirty, data_bytes: cp.bytes });
    if (s.writerStep) s.runs.updateStep(s.writerStep, { status: pos === 'WRITER' ? code : 502, data_count: cp.written, dirty_count: cp.dirty, data_bytes: cp.bytes });
  });
}

export function rowObject(names: string[], row: Row): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  names.forEach((n, i) => { o[n] = jsonSafe(row[i] ?? null); });
  return o;
}

/** The target's fast path over the source, or null (none, or it cannot attach: the usual copy runs). */
function attach(dst: Connector, src: Connector): AttachedSource | null {
  try { return dst.attachSource?.(src) ?? null; } catch { return null; }
}

/** Copies every remaining row from the checkpoint `cp` on; `sum` collects the checksum of what was written (full runs). */
export async function copyRows(s: CopyStage, cp: Checkpoint, sum: Checksum): Promise<void> {
  const { plan, src, dst, now } = s;
  // a target that reads the source itself (SQLite → SQLite) copies unchanged batches inside the database
  const link = plan.readKey.length ? attach(dst, src) : null;
  if (link) return copyAttached(s, cp, sum, link);
  const srcNames = plan.sourceCols.map((c) => c.name);
  const extraKeys = plan.readKey.filter((x) => !srcNames.includes(x));
  const keyIdx = plan.readKey.map((k) => { const i = srcNames.indexOf(k); return i >= 0 ? i : srcNames.length + extraKeys.indexOf(k); });
  const codec = new RowCodec(plan.targetCols, dst.dialect);
  const full = s.mode === 'full';
  // a checkpoint counts only rows the target holds durably (writes may commit before their fsync)
  const durable = async (): Promise<void> => { await dst.durable?.().catch(onSide('target')); };
  const read = (after: Value[] | null, offset: number): Promise<Row[]> => {
    const p = src.read({ table: plan.sourceTable, columns: srcNames, key: plan.readKey, after, where: s.where, limit: plan.batchSize, offset }).catch(onSide('source'));
    p.catch(() => undefined); // awaited later; a run that stops first must not leave it unhandled
    return p;
  };

  // Three batches at most are in hand: one being written, the next being converted and hashed
  // meanwhile (the CPU work overlaps the target's), and the one after it being read.
  let readOffset = cp.offset;
  let next = read(cp.after, readOffset);
  let writing: Promise<void> | null = null;
  let recorded = 0;
  let pendingRecord = false;
  try {
    for (;;) {
      if (s.env.cancelled()) throw new Cancelled();
      const r0 = now();
      const rows = await next;
      cp.readMs += now() - r0;
      if (rows.length === 0) break;
      const more = rows.length >= plan.batchSize;
      const last = rows[rows.length - 1]!;
      const after = plan.readKey.length ? keyIdx.map((i) => last[i] ?? null) : null;
      if (!plan.readKey.length) readOffset += rows.length;
      if (more) { // a SQLite read runs right here; a network read overlaps what follows
        const n0 = now();
        next = read(after, readOffset);
        cp.readMs += now() - n0;
      }

      const w0 = now(); // write time: conversion, checksum, the write (SQLite) or waiting for the previous one
      const good: Row[] = [];
      const goodSrc: Row[] = [];
      const dirty: DirtyInput[] = [];
      for (const row of rows) {
        try {
          good.push(codec.toTarget(row));
          goodSrc.push(row);
        } catch (err) {
          if (!(err instanceof ConversionError)) throw err;
          dirty.push({ position: 'READER', reason: err.message, row: rowObject(srcNames, row) });
        }
      }
      const part = new Checksum(); // this batch's rows, merged into `sum` once committed
      if (full) for (const r of good) codec.addRow(part, r);
      if (writing) await writing;
      writing = (async (): Promise<void> => {
        const res: WriteResult = good.length ? await dst.write(plan.targetTable, plan.targetCols, good, plan.writeKey).catch(onSide('target'))
          : { written: 0, bytes: 0, failed: [] };
        for (const f of res.failed) {
          dirty.push({ position: 'WRITER', reason: f.reason, row: rowObject(srcNames, goodSrc[f.index]!) });
          if (full) codec.addRow(part, good[f.index]!, -1);
        }
        sum.merge(part);
        if (dirty.length) s.runs.addDirty(s.runId, dirty);
        cp.after = after ? after.map(jsonSafe) : null;
        if (!plan.readKey.length) cp.offset += rows.length;
        cp.read += rows.length;
        cp.written += res.written;
        cp.dirty += dirty.length;
        cp.bytes += res.bytes;
        // the checkpoint of the batch just committed: after every batch without an upsert key (a batch
        // written again would be doubled), else at most every PROGRESS_MS (a replayed batch upserts)
        const t = now();
        if (!plan.writeKey.length || t - recorded >= PROGRESS_MS) { await durable(); recordProgress(s, cp, sum, 502, 'WRITER'); recorded = t; pendingRecord = false; }
        else pendingRecord = true;
      })();
      writing.catch(() => undefined); // awaited before the next write, or below
      cp.writeMs += now() - w0;
      if (!more) break;
    }
    const f0 = now();
    await writing;
    await durable(); // the caller records the final counters
    cp.writeMs += now() - f0;
  } catch (err) {
    await writing?.catch(() => undefined); // nothing is recorded behind the run's end
    // counters of every committed batch, once durable (else a resumed run writes them again)
    if (pendingRecord && await durable().then(() => true, () => false)) recordProgress(s, cp, sum, 502, 'WRITER');
    throw err;
  }
}
