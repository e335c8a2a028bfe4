// After a full run: the integrity check (902/903) compares the target's count and checksum with
// what was written, and compensation (904/905) writes again the source rows the target lacks.
import { Checksum, RowCodec, rowText } from '../connectors/checksum';
import { convert } from '../connectors/convert';
import type { Connector, Row, Value } from '../connectors/types';
import type { RunStore } from '../runs';
import type { andWhere, Plan } from './plan';
import { Cancelled, SideError, type Checkpoint, type RunEnv } from './run-env';

/** Integrity check (902/903) and compensation (904/905): returns the run remarks. */
export async function integrity(
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
  await dst.durable?.(); // the run ends as a success only with the compensated rows on disk
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
  const codec = new RowCodec(plan.targetCols, dst.dialect);
  let after: Value[] | null = null;
  let offset = 0;
  for (;;) {
    if (env.cancelled()) throw new Cancelled();
    const rows: Row[] = await dst.read({ table: plan.targetTable, columns: names, key, after, where: null, limit: plan.batchSize * 4, offset });
    for (const r of rows) codec.addRow(sum, r);
    if (rows.length < plan.batchSize * 4) break;
    const last = rows[rows.length - 1]!;
    if (key.length) after = keyIdx.map((i) => last[i] ?? null);
    else offset += rows.length;
  }
  return { count: sum.count, value: sum.value };
}
