// What a run reads and writes, resolved from the task_detail and both tables' metadata.
import type { TaskDetailDocument, WhereCondition } from '../../../contract/index';
import { ConnectorError, type ColumnMeta, type Condition, type Connector, type Value } from '../connectors/types';
import { quote } from '../connectors/sql';

export interface Plan {
  sourceTable: string;
  targetTable: string;
  /** Source column names read, in mapping order. */
  sourceCols: ColumnMeta[];
  /** Target columns written, aligned with sourceCols. */
  targetCols: ColumnMeta[];
  /** Keyset order on the source (primary key, rowid) — empty means offset paging. */
  readKey: string[];
  /** Upsert key on the target (its primary key); empty = plain insert. */
  writeKey: string[];
  /** Incremental column on the source, when the task is incremental. */
  incColumn: string | null;
  filter: Condition | null;
  batchSize: number;
  createdTarget: boolean;
}

export const DEFAULT_BATCH = 5000;

const findCol = (cols: ColumnMeta[], name: string): ColumnMeta | undefined =>
  cols.find((c) => c.name === name) ?? cols.find((c) => c.name.toLowerCase() === name.toLowerCase());

/** WHERE conditions of the task (values bound). */
export function whereOf(dialect: Connector['dialect'], conds: WhereCondition[] | undefined, cols: ColumnMeta[]): Condition | null {
  if (!conds?.length) return null;
  const parts: string[] = [];
  const params: Value[] = [];
  for (const w of conds) {
    const col = findCol(cols, w.column);
    if (!col) throw new ConnectorError('column', `where: column ${w.column} does not exist in the source table`);
    const q = quote(dialect, col.name);
    if (w.operator === 'IS NULL' || w.operator === 'IS NOT NULL') { parts.push(`${q} ${w.operator}`); continue; }
    if (w.operator === 'IN') {
      const vals = Array.isArray(w.value) ? w.value : [w.value ?? null];
      if (!vals.length) { parts.push('1 = 0'); continue; }
      parts.push(`${q} IN (${vals.map(() => '?').join(', ')})`);
      params.push(...vals.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
      continue;
    }
    if (Array.isArray(w.value)) throw new ConnectorError('other', `where: operator ${w.operator} takes one value (column ${w.column})`);
    parts.push(`${q} ${w.operator} ?`);
    params.push(typeof w.value === 'boolean' ? Number(w.value) : w.value ?? null);
  }
  return { sql: parts.join(' AND '), params };
}

export function andWhere(a: Condition | null, b: Condition | null): Condition | null {
  if (!a) return b;
  if (!b) return a;
  return { sql: `(${a.sql}) AND (${b.sql})`, params: [...a.params, ...b.params] };
}

/** Resolve columns, keys and the target table (created when asked and missing). */
export async function buildPlan(detail: TaskDetailDocument, taskType: string, src: Connector, dst: Connector, resuming: boolean): Promise<Plan> {
  const s = detail.sourceSelectedDatasource;
  const t = detail.targetSelectedDatasource;
  const srcAll = await src.columns(s.sourceTable);
  const selected = s.sourceSelectedColumnList?.length ? s.sourceSelectedColumnList.map((c) => c.field_name) : srcAll.map((c) => c.name);
  const pairs = detail.mappingTable?.length
    ? detail.mappingTable.map((m) => [m.source_column, m.target_column] as const)
    : selected.map((n) => [n, n] as const);
  const sourceCols = pairs.map(([sName]) => {
    const c = findCol(srcAll, sName);
    if (!c) throw new ConnectorError('column', `column ${sName} does not exist in source table ${s.sourceTable}`);
    return c;
  });
  const srcPk = srcAll.filter((c) => c.primary).map((c) => c.name);

  let createdTarget = false;
  if (!(await dst.exists(t.targetTable))) {
    if (!t.targetNeedCreateTable || resuming) throw new ConnectorError('table', `target table ${t.targetTable} does not exist (set targetNeedCreateTable to create it)`);
    const defs = sourceCols.map((c, i) => ({ ...c, name: pairs[i]![1], primary: false, unique: false }));
    const pk = srcPk.map((k) => pairs.find(([a]) => a === k)?.[1]).filter((x): x is string => !!x);
    await dst.createTable(t.targetTable, defs, pk.length === srcPk.length ? pk : []);
    createdTarget = true;
  }
  const dstAll = await dst.columns(t.targetTable);
  const targetCols = pairs.map(([, tName]) => {
    const c = findCol(dstAll, tName);
    if (!c) throw new ConnectorError('column', `column ${tName} does not exist in target table ${t.targetTable}`);
    return c;
  });
  const writeKey = dstAll.filter((c) => c.primary).map((c) => c.name);
  for (const k of writeKey) {
    if (!targetCols.some((c) => c.name === k)) throw new ConnectorError('column', `target primary key column ${k} is not mapped`);
  }
  const rowId = src.rowIdKey();
  const readKey = srcPk.length ? srcPk : rowId ? [rowId] : [];

  let incColumn: string | null = null;
  if (s.need_inc_migration && s.sourceDateColumn) {
    const c = findCol(srcAll, s.sourceDateColumn);
    if (!c) throw new ConnectorError('column', `incremental column ${s.sourceDateColumn} does not exist in source table ${s.sourceTable}`);
    incColumn = c.name;
  } else if (taskType === 'REALTIME' && srcPk.length === 1) {
    incColumn = srcPk[0]!; // real-time passes pick up new keys
  }
  return {
    sourceTable: s.sourceTable, targetTable: t.targetTable, sourceCols, targetCols, readKey, writeKey, incColumn,
    filter: whereOf(src.dialect, s.where, srcAll), batchSize: s.batchSize ?? DEFAULT_BATCH, createdTarget,
  };
}
