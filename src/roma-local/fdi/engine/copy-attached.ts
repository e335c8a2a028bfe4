// The copy stage when the target reads the source itself (SQLite → SQLite, connectors/sqlite-attached.ts):
// each batch is read, checked and written in one target transaction. The rows are converted and
// hashed as in copy.ts (dirty rows, the integrity checksum); a batch that passes unchanged is
// copied inside the database, any other one is written from the converted rows as usual.
import { Checksum, RowCodec } from '../connectors/checksum';
import { ConversionError } from '../connectors/convert';
import { rowBytes } from '../connectors/sqlite';
import type { AttachedSource, Row, WriteResult } from '../connectors/types';
import type { DirtyInput } from '../runs';
import { PROGRESS_MS, recordProgress, rowObject, type CopyStage } from './copy';
import { Cancelled, jsonSafe, SideError, type Checkpoint } from './run-env';

/** copyRows() through `link`; the plan has a read key (keyset batches). */
export async function copyAttached(s: CopyStage, cp: Checkpoint, sum: Checksum, link: AttachedSource): Promise<void> {
  const { plan, now } = s;
  const srcNames = plan.sourceCols.map((c) => c.name);
  const extraKeys = plan.readKey.filter((x) => !srcNames.includes(x));
  const keyIdx = plan.readKey.map((k) => { const i = srcNames.indexOf(k); return i >= 0 ? i : srcNames.length + extraKeys.indexOf(k); });
  const n = plan.targetCols.length;
  const codec = new RowCodec(plan.targetCols, 'sqlite');
  const full = s.mode === 'full';
  let after = cp.after; // the raw key values (cp.after holds them JSON-safe)
  let recorded = 0;
  let pendingRecord = false;
  try {
    for (;;) {
      if (s.env.cancelled()) throw new Cancelled();
      const t0 = now();
      const spec = { table: plan.sourceTable, columns: srcNames, key: plan.readKey, after, where: s.where, limit: plan.batchSize };
      const dirty: DirtyInput[] = [];
      const part = new Checksum(); // this batch's rows, merged into `sum` once committed
      let readMs = 0;
      const batch = link.inTransaction((): { rows: Row[]; res: WriteResult } => {
        let rows: Row[];
        try { rows = link.read(spec); } catch (err) { throw new SideError('source', err); }
        readMs = now() - t0;
        if (!rows.length) return { rows, res: { written: 0, bytes: 0, failed: [] } };
        const good: Row[] = [];
        const goodSrc: Row[] = [];
        let same = true; // every row converts to itself: the source's values can be copied as they are
        for (const row of rows) {
          try {
            const out = codec.toTarget(row);
            if (out !== row) for (let i = 0; i < n && same; i++) same = out[i] === row[i];
            good.push(out);
            goodSrc.push(row);
          } catch (err) {
            if (!(err instanceof ConversionError)) throw err;
            same = false;
            dirty.push({ position: 'READER', reason: err.message, row: rowObject(srcNames, row) });
          }
        }
        if (full) for (const r of good) codec.addRow(part, r);
        const last = rows[rows.length - 1]!;
        let res: WriteResult | null = null;
        try {
          if (same) {
            try {
              link.copy(spec, { last: keyIdx.map((i) => last[i] ?? null), count: rows.length }, plan.targetTable, plan.targetCols, plan.writeKey);
              let bytes = 0;
              for (const r of good) bytes += rowBytes(r);
              res = { written: good.length, bytes, failed: [] };
            } catch { /* a refused row: the bound write below finds it */ }
          }
          res ??= good.length ? link.write(plan.targetTable, plan.targetCols, good, plan.writeKey) : { written: 0, bytes: 0, failed: [] };
        } catch (err) {
          throw new SideError('target', err);
        }
        for (const f of res.failed) {
          dirty.push({ position: 'WRITER', reason: f.reason, row: rowObject(srcNames, goodSrc[f.index]!) });
          if (full) codec.addRow(part, good[f.index]!, -1);
        }
        return { rows, res };
      });
      const { rows, res } = batch;
      cp.readMs += readMs;
      if (!rows.length) { cp.writeMs += now() - t0 - readMs; break; }
      const last = rows[rows.length - 1]!;
      sum.merge(part);
      if (dirty.length) s.runs.addDirty(s.runId, dirty);
      after = keyIdx.map((i) => last[i] ?? null);
      cp.after = after.map(jsonSafe);
      cp.read += rows.length;
      cp.written += res.written;
      cp.dirty += dirty.length;
      cp.bytes += res.bytes;
      // as in copy.ts: the checkpoint after every batch without an upsert key, else every PROGRESS_MS
      const t = now();
      if (!plan.writeKey.length || t - recorded >= PROGRESS_MS) { recordProgress(s, cp, sum, 502, 'WRITER'); recorded = t; pendingRecord = false; }
      else pendingRecord = true;
      cp.writeMs += now() - t0 - readMs;
      if (rows.length < plan.batchSize) break;
    }
  } catch (err) {
    if (pendingRecord) recordProgress(s, cp, sum, 502, 'WRITER'); // counters of every committed batch
    throw err;
  } finally {
    link.detach();
  }
}
