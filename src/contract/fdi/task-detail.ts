// FDI `task_detail`: the JSON document inside a task (fdi-link-details §1.7), with its key aliases.
import { z } from 'zod';

/** Accepted spellings → the key roma-local stores and answers with (the vendor's camelCase example 1.3a). */
const ALIASES: Record<string, string> = {
  source_selected_datasource: 'sourceSelectedDatasource',
  target_selected_datasource: 'targetSelectedDatasource',
  mapping_table: 'mappingTable',
  mapping_table_properties: 'mappingTableProperties',
  mapping_required: 'mappingRequired',
  mapping_source_textornot: 'mappingSourceTextOrNot',
  mapping_input: 'mappingInput',
  errorHandler: 'error_handler',
  source_table: 'sourceTable',
  source_selected_column_list: 'sourceSelectedColumnList',
  where_options: 'whereOptions',
  is_add_sql: 'isAddSql',
  query_sql: 'querySql',
  order_column: 'orderColumn',
  order_type: 'orderType',
  needIncMigration: 'need_inc_migration',
  source_date_column: 'sourceDateColumn',
  data_timestamp: 'dataTimestamp',
  batch_size: 'batchSize',
  target_table: 'targetTable',
  target_need_create_table: 'targetNeedCreateTable',
  is_support_clear_tab: 'isSupportClearTab',
  batch_number: 'batchNumber',
};
function canonicalKeys(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    const key = ALIASES[k] ?? k;
    if (key in out && k !== key) continue; // the canonical spelling wins over an alias
    out[key] = val;
  }
  return out;
}
const canonical = <T extends z.ZodType>(s: T) => z.preprocess(canonicalKeys, s);

const flag = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
export const sqlIdent = z.string().min(1).max(255); // quoted by the connector, never spliced raw
const scalar = z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]);

export const WHERE_OPERATORS = ['=', '!=', '>', '>=', '<', '<=', 'LIKE', 'NOT LIKE', 'IN', 'IS NULL', 'IS NOT NULL'] as const;
/** A WHERE condition (chosen item shape: vendor silent). Values are bound as parameters. */
export const whereCondition = z.looseObject({
  column: sqlIdent,
  operator: z.enum(WHERE_OPERATORS),
  value: z.union([scalar, z.array(scalar).max(1000)]).optional(),
});
export type WhereCondition = z.infer<typeof whereCondition>;

export const selectedColumn = z.looseObject({
  field_name: sqlIdent,
  field_type: z.string().max(64).optional(),
  field_length: z.string().max(32).optional(),
  null_able: z.string().max(8).optional(),
  unique: z.string().max(8).optional(),
  primary: z.string().max(8).optional(),
});

export const sourceSelectedDatasource = canonical(z.looseObject({
  sourceTable: sqlIdent,
  sourceSelectedColumnList: z.array(selectedColumn).max(1000).optional(),
  where: z.array(whereCondition).max(100).optional(),
  whereOptions: z.array(z.unknown()).optional(),
  isAddSql: flag.optional(),
  querySql: z.string().max(65536).optional(),
  orderColumn: z.string().max(255).optional(),
  orderType: z.enum(['ASC', 'DESC', '']).optional(),
  need_inc_migration: flag.optional(),
  sourceDateColumn: z.string().max(255).optional(),
  dataTimestamp: z.union([z.string().max(64), z.number()]).optional(),
  batchSize: z.number().int().min(1).max(50_000).optional(), // (local) rows per read/write batch, default 5000
}));
export const targetSelectedDatasource = canonical(z.looseObject({
  targetTable: sqlIdent,
  targetNeedCreateTable: flag.optional(),
  isSupportClearTab: flag.optional(),
  batchNumber: z.string().max(255).optional(),
}));
/** One source column → one target column, as a single task's mapping and a combined task's mapping write it. */
export const columnMappingShape = {
  source_column: sqlIdent,
  source_column_type: z.string().max(64).optional(),
  source_column_length: z.string().max(32).optional(),
  target_column: sqlIdent,
  target_column_type: z.string().max(64).optional(),
  target_column_length: z.string().max(32).optional(),
};
export const mappingEntry = z.looseObject({
  ...columnMappingShape,
  is_add_mapping: z.union([z.string(), z.boolean()]).optional(),
});
export type MappingEntry = z.infer<typeof mappingEntry>;

/** The parsed `task_detail` (fdi-link-details §1.7). Unknown keys are kept and echoed back. */
export const taskDetailDocument = canonical(z.looseObject({
  sourceSelectedDatasource: sourceSelectedDatasource,
  targetSelectedDatasource: targetSelectedDatasource,
  mappingTable: z.array(mappingEntry).max(1000).optional(),
  mappingRequired: flag.optional(),
  error_handler: z.array(z.unknown()).optional(),
}));
export type TaskDetailDocument = z.output<typeof taskDetailDocument>;

/** `task_detail` as sent: a JSON document in a string, validated as taskDetailDocument. */
export const taskDetailString = z.string().max(512 * 1024).transform((s, ctx) => {
  let raw: unknown;
  try {
    raw = JSON.parse(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'task_detail must be a JSON document in a string' });
    return z.NEVER;
  }
  const r = taskDetailDocument.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    ctx.addIssue({ code: 'custom', message: `task_detail.${i.path.map(String).join('.')}: ${i.message}` });
    return z.NEVER;
  }
  return r.data;
});

/** Parse a `task_detail` string from an answer without throwing (null when it is not ours). */
export function parseTaskDetail(s: string | null | undefined): TaskDetailDocument | null {
  if (!s) return null;
  try {
    const r = taskDetailDocument.safeParse(JSON.parse(s));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
