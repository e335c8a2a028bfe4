// What every connector offers the engine and the routes, and the logical column types the
// engine converts between (MySQL, PostgreSQL and SQLite native types map onto these).
export type Logical = 'int' | 'bigint' | 'decimal' | 'float' | 'double' | 'bool' | 'text' | 'date' | 'datetime' | 'time' | 'blob' | 'json';
export type Dialect = 'mysql' | 'postgres' | 'sqlite';
export type Value = string | number | bigint | boolean | Buffer | null;
export type Row = Value[];

export interface ColumnMeta {
  name: string;
  type: string; // native type as the database names it
  logical: Logical;
  length: number | null; // chars for text, precision for decimal
  scale: number | null;
  nullable: boolean;
  primary: boolean;
  unique: boolean;
  /** bit width for integers (8, 16, 24, 32, 64), used for range checks */
  bits?: number;
}

export interface Condition { sql: string; params: Value[] }

export interface ReadSpec {
  table: string;
  columns: string[]; // selected columns; the key columns are appended by the reader when missing
  key: string[]; // keyset order (primary key, or the connector's row id when `rowIdKey`)
  after: Value[] | null; // last key read, exclusive
  where: Condition | null; // filter with `?` placeholders (translated per dialect)
  limit: number;
  offset?: number; // for tables without any usable key
}

export interface WriteResult { written: number; bytes: number; failed: { index: number; reason: string }[] }

export interface Connector {
  readonly dialect: Dialect;
  test(): Promise<void>;
  tables(filter?: string): Promise<string[]>;
  columns(table: string): Promise<ColumnMeta[]>;
  exists(table: string): Promise<boolean>;
  count(table: string, where: Condition | null): Promise<number>;
  /** Highest value of a column (incremental upper bound), null when there is none. */
  max(table: string, column: string, where: Condition | null): Promise<Value>;
  /** Rows as arrays in `columns` order, followed by the key values when they were not selected. */
  read(spec: ReadSpec): Promise<Row[]>;
  /** Name of a hidden, stable row key when the table has no primary key (SQLite rowid), else null. */
  rowIdKey(): string | null;
  createTable(table: string, columns: ColumnMeta[], primary: string[]): Promise<void>;
  clearTable(table: string): Promise<void>;
  /** One transaction: upsert on `key` when given, plain insert otherwise; rows the target refuses are reported, not thrown. */
  write(table: string, columns: ColumnMeta[], rows: Row[], key: string[]): Promise<WriteResult>;
  /** Optional: when write() commits without waiting for the disk, this waits until every write committed
   * so far is durable. The engine calls it before it records a checkpoint that counts those writes. */
  durable?(): Promise<void>;
  /** Rows with these keys (for integrity compensation), as [key..., columns...]. */
  readByKeys(table: string, columns: string[], key: string[], keys: Value[][]): Promise<Row[]>;
  close(): Promise<void>;
  /** Optional fast path of a target that can read the source itself (SQLite → SQLite: ATTACH), else null. */
  attachSource?(src: Connector): AttachedSource | null;
}

/** The source as seen from the target's connection: a batch is read and written in one target
 * transaction, so rows copied inside the database are exactly the rows the engine checked. */
export interface AttachedSource {
  /** Runs `fn` in one transaction of the target (rolled back when it throws). */
  inTransaction<T>(fn: () => T): T;
  /** read() of the source, through the target's connection. */
  read(spec: ReadSpec): Row[];
  /** Copies the rows of `spec` after `spec.after` up to the key `read.last` into `table` inside the
   * database (no value passes through JS); throws, leaving nothing written, when the target refuses
   * one or the copy does not count `read.count` rows. */
  copy(spec: ReadSpec, read: { last: Value[]; count: number }, table: string, columns: ColumnMeta[], key: string[]): void;
  /** write() of the target, inside the current transaction. */
  write(table: string, columns: ColumnMeta[], rows: Row[], key: string[]): WriteResult;
  detach(): void;
}

/** A connector failure with a category the API and the monitor log can report. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'credentials' | 'database' | 'table' | 'column' | 'unsupported' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

const INT_BITS: [RegExp, number][] = [[/^tinyint/, 8], [/^smallint|^int2$/, 16], [/^mediumint/, 24], [/^bigint|^int8$/, 64]];

/** Logical type of a native type name (lower-cased, with or without length). */
export function logicalOf(dialect: Dialect, nativeType: string): { logical: Logical; bits?: number } {
  const t = nativeType.toLowerCase().trim();
  if (t === 'tinyint(1)' || t === 'boolean' || t === 'bool') return { logical: 'bool' };
  if (/bigint|int8|bigserial|serial8/.test(t)) return { logical: 'bigint', bits: 64 };
  if (dialect === 'sqlite' && /int/.test(t)) return { logical: 'bigint', bits: 64 }; // SQLite integers are 64-bit
  if (/int|serial/.test(t)) return { logical: 'int', bits: INT_BITS.find(([re]) => re.test(t))?.[1] ?? 32 };
  if (/numeric|decimal|money/.test(t)) return { logical: 'decimal' };
  if (/double|float8/.test(t)) return { logical: 'double' };
  if (/real|float4|^float/.test(t)) return { logical: dialect === 'sqlite' ? 'double' : 'float' };
  if (/^bit$|^bit\(1\)$/.test(t)) return { logical: 'bool' };
  if (/json/.test(t)) return { logical: 'json' };
  if (/blob|binary|bytea/.test(t)) return { logical: 'blob' };
  if (/^timestamp|^datetime/.test(t)) return { logical: 'datetime' };
  if (/^date$/.test(t)) return { logical: 'date' };
  if (/^time/.test(t)) return { logical: 'time' };
  return { logical: 'text' };
}

/** Native column type a created target table gets. */
export function nativeType(dialect: Dialect, c: ColumnMeta, isKey: boolean): string {
  const len = c.length && c.length > 0 ? c.length : null;
  switch (c.logical) {
    case 'int': return dialect === 'postgres' ? (c.bits && c.bits <= 16 ? 'smallint' : 'integer') : dialect === 'mysql' ? 'INT' : 'INTEGER';
    case 'bigint': return dialect === 'postgres' ? 'bigint' : dialect === 'mysql' ? 'BIGINT' : 'INTEGER';
    case 'decimal': {
      const p = len && len <= 65 ? len : null;
      const spec = p ? `(${p},${Math.min(c.scale ?? 0, p)})` : dialect === 'mysql' ? '(65,10)' : '';
      return dialect === 'postgres' ? `numeric${spec}` : `DECIMAL${spec}`;
    }
    case 'float': return dialect === 'postgres' ? 'real' : dialect === 'mysql' ? 'FLOAT' : 'REAL';
    case 'double': return dialect === 'postgres' ? 'double precision' : dialect === 'mysql' ? 'DOUBLE' : 'REAL';
    case 'bool': return dialect === 'postgres' ? 'boolean' : dialect === 'mysql' ? 'TINYINT(1)' : 'INTEGER';
    case 'text':
      if (dialect === 'sqlite') return 'TEXT';
      if (dialect === 'mysql') return len && len <= 16000 ? `VARCHAR(${len})` : isKey ? 'VARCHAR(255)' : 'LONGTEXT';
      return len && len <= 10485760 ? `varchar(${len})` : 'text';
    case 'date': return dialect === 'sqlite' ? 'TEXT' : dialect === 'mysql' ? 'DATE' : 'date';
    case 'datetime': return dialect === 'sqlite' ? 'TEXT' : dialect === 'mysql' ? 'DATETIME(6)' : 'timestamp(6)';
    case 'time': return dialect === 'sqlite' ? 'TEXT' : dialect === 'mysql' ? 'TIME(6)' : 'time';
    case 'blob': return dialect === 'postgres' ? 'bytea' : dialect === 'mysql' ? 'LONGBLOB' : 'BLOB';
    case 'json': return dialect === 'postgres' ? 'jsonb' : dialect === 'mysql' ? 'JSON' : 'TEXT';
  }
}

/** The ColumnInfo answer of the columns route: flags as strings, as the vendor sends them. */
export function toColumnInfo(c: ColumnMeta) {
  return {
    field_name: c.name,
    field_type: c.type.toUpperCase(),
    field_length: c.length === null ? '' : String(c.length),
    null_able: c.nullable ? '1' : '0',
    is_partition: false,
    primary: c.primary ? '1' : '0',
    unique: c.unique || c.primary ? '1' : '0',
    decimal_digits: c.logical === 'decimal' && c.scale !== null ? String(c.scale) : null,
  };
}
