// roma-local's own SQLITE type: `content.database_name` is a file inside ROMA_DATA_DIR/fdi/.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { materialiseDemo } from '../demo-data';
import { SqliteAttached, upsertClause } from './sqlite-attached';
import { countSql, keysWhere, maxSql, qualified, quote, readSql, splitTable } from './sql';
import { ConnectorError, logicalOf, nativeType, type AttachedSource, type ColumnMeta, type Condition, type Connector, type ReadSpec, type Row, type Value, type WriteResult } from './types';

/** The FDI folder of a data dir; SQLite data sources live only there. */
export const fdiDir = (dataDir: string): string => path.join(dataDir, 'fdi');

/** Resolve a data source file name; refuses anything that leaves the FDI folder. */
export function sqlitePath(dataDir: string, name: string): string {
  const base = path.resolve(fdiDir(dataDir));
  if (!name || name.includes('\0') || path.isAbsolute(name)) throw new ConnectorError('database', `database_name must be a file name inside the FDI data folder (got ${JSON.stringify(name)})`);
  const full = path.resolve(base, name);
  const rel = path.relative(base, full);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) throw new ConnectorError('database', `database_name must stay inside the FDI data folder (got ${JSON.stringify(name)})`);
  return full;
}

const toValue = (v: unknown): Value => (v === undefined ? null : (v as Value));

export class SqliteConnector implements Connector {
  readonly dialect = 'sqlite' as const;
  private db: Database.Database | null = null;
  // the upsert of a table, prepared once per run rather than once per batch
  private writes = new Map<string, Database.Statement>();
  constructor(private readonly file: string, private readonly create: boolean, private readonly folder = '') {}

  private open(): Database.Database {
    if (this.db) return this.db;
    if (this.folder) materialiseDemo(this.file, this.folder);
    if (!fs.existsSync(this.file)) {
      if (!this.create) throw new ConnectorError('database', `database file does not exist: ${path.basename(this.file)}`);
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
    }
    try {
      this.db = new Database(this.file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
    } catch (err) {
      throw new ConnectorError('database', `cannot open ${path.basename(this.file)}: ${(err as Error).message}`);
    }
    return this.db;
  }

  async test(): Promise<void> {
    this.open().prepare('SELECT 1').get();
  }

  async tables(filter?: string): Promise<string[]> {
    const rows = this.open().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return rows.map((r) => r.name).filter((n) => !filter || n.toLowerCase().includes(filter.toLowerCase()));
  }

  async exists(table: string): Promise<boolean> {
    return !!this.open().prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(splitTable(table).table);
  }

  async columns(table: string): Promise<ColumnMeta[]> {
    const db = this.open();
    const name = splitTable(table).table;
    if (!(await this.exists(name))) throw new ConnectorError('table', `table ${table} does not exist`);
    const cols = db.prepare(`PRAGMA table_info(${quote('sqlite', name)})`).all() as { name: string; type: string; notnull: number; pk: number }[];
    const unique = new Set<string>();
    for (const idx of db.prepare(`PRAGMA index_list(${quote('sqlite', name)})`).all() as { name: string; unique: number }[]) {
      if (!idx.unique) continue;
      const parts = db.prepare(`PRAGMA index_info(${quote('sqlite', idx.name)})`).all() as { name: string }[];
      if (parts.length === 1) unique.add(parts[0]!.name);
    }
    return cols.map((c) => {
      const { logical, bits } = logicalOf('sqlite', c.type || 'TEXT');
      const m = /\((\d+)(?:\s*,\s*(\d+))?\)/.exec(c.type);
      return {
        name: c.name, type: c.type || 'TEXT', logical, bits, length: m ? Number(m[1]) : null, scale: m?.[2] ? Number(m[2]) : null,
        nullable: c.notnull === 0 && c.pk === 0, primary: c.pk > 0, unique: unique.has(c.name),
      };
    });
  }

  async count(table: string, where: Condition | null): Promise<number> {
    const { sql, params } = countSql('sqlite', table, where);
    return Number((this.open().prepare(sql).get(...params) as { n: number }).n);
  }

  async max(table: string, column: string, where: Condition | null): Promise<Value> {
    const { sql, params } = maxSql('sqlite', splitTable(table).table, column, where);
    return toValue((this.open().prepare(sql).get(...params) as { m: unknown }).m);
  }

  rowIdKey(): string | null {
    return 'rowid';
  }

  async read(spec: ReadSpec): Promise<Row[]> {
    const { sql, params } = readSql('sqlite', { ...spec, table: splitTable(spec.table).table });
    return this.open().prepare(sql).raw(true).all(...params) as Row[]; // SQLite never yields undefined
  }

  async readByKeys(table: string, columns: string[], key: string[], keys: Value[][]): Promise<Row[]> {
    const w = keysWhere('sqlite', key, keys);
    const cols = [...key, ...columns].map((c) => (c === 'rowid' ? 'rowid' : quote('sqlite', c))).join(', ');
    return this.open().prepare(`SELECT ${cols} FROM ${quote('sqlite', splitTable(table).table)} WHERE ${w.sql}`).raw(true).all(...w.params) as Row[];
  }

  async createTable(table: string, columns: ColumnMeta[], primary: string[]): Promise<void> {
    const defs = columns.map((c) => `${quote('sqlite', c.name)} ${nativeType('sqlite', c, primary.includes(c.name))}${c.nullable ? '' : ' NOT NULL'}`);
    if (primary.length) defs.push(`PRIMARY KEY (${primary.map((p) => quote('sqlite', p)).join(', ')})`);
    this.open().exec(`CREATE TABLE IF NOT EXISTS ${quote('sqlite', splitTable(table).table)} (${defs.join(', ')})`);
  }

  async clearTable(table: string): Promise<void> {
    this.open().exec(`DELETE FROM ${qualified('sqlite', splitTable(table).table)}`);
  }

  /** The upsert (or insert) of `n` rows in one statement, prepared once per run. */
  private insertOf(table: string, columns: ColumnMeta[], key: string[], n: number): Database.Statement {
    const names = columns.map((c) => quote('sqlite', c.name));
    const tuple = `(${names.map(() => '?').join(', ')})`;
    const sql = `INSERT INTO ${quote('sqlite', splitTable(table).table)} (${names.join(', ')}) VALUES ${new Array<string>(n).fill(tuple).join(', ')}${upsertClause(columns, key)}`;
    let stmt = this.writes.get(sql);
    if (!stmt) { stmt = this.open().prepare(sql); this.writes.set(sql, stmt); }
    return stmt;
  }

  async write(table: string, columns: ColumnMeta[], rows: Row[], key: string[]): Promise<WriteResult> {
    return this.writeNow(table, columns, rows, key);
  }

  /** write() without the promise: the attached-source copy calls it inside its own transaction. */
  writeNow(table: string, columns: ColumnMeta[], rows: Row[], key: string[]): WriteResult {
    const db = this.open();
    const width = columns.length;
    // many rows per statement: a third of the CPU time of one statement per row
    const per = Math.max(1, Math.min(200, Math.floor(2000 / Math.max(1, width))));
    const many = per > 1 && rows.length >= per ? this.insertOf(table, columns, key, per) : null;
    const one = this.insertOf(table, columns, key, 1);
    const failed: WriteResult['failed'] = [];
    // A failing statement rolls back only itself in SQLite: refused rows become dirty, the rest commit.
    const runOne = (i: number): void => {
      try {
        one.run(rows[i]!);
      } catch (err) {
        failed.push({ index: i, reason: (err as Error).message });
      }
    };
    db.transaction(() => {
      let i = 0;
      if (many) {
        const flat = new Array<Value>(per * width);
        for (; i + per <= rows.length; i += per) {
          let k = 0;
          for (let j = i; j < i + per; j++) { const r = rows[j]!; for (let c = 0; c < width; c++) flat[k++] = r[c] ?? null; }
          try {
            many.run(flat);
          } catch {
            for (let j = i; j < i + per; j++) runOne(j); // find the refused rows one by one
          }
        }
      }
      for (; i < rows.length; i++) runOne(i);
    })();
    let bytes = 0;
    for (const r of rows) bytes += rowBytes(r);
    return { written: rows.length - failed.length, bytes, failed };
  }

  /** SQLite → SQLite: the source file attached to this (target) connection, or null for another source. */
  attachSource(src: Connector): AttachedSource | null {
    if (!(src instanceof SqliteConnector)) return null;
    src.open(); // a demo source is materialised on first open
    const db = this.open();
    if (fs.realpathSync(src.file) === fs.realpathSync(this.file)) return null; // one file: nothing to attach
    return new SqliteAttached(db, src.file, this);
  }

  async close(): Promise<void> {
    this.writes.clear();
    this.db?.close();
    this.db = null;
  }
}

/** Approximate size of a row as written (for data_size). */
export function rowBytes(r: Row): number {
  let n = 0;
  for (const v of r) {
    if (v === null) n += 1;
    else if (typeof v === 'string') n += v.length;
    else if (Buffer.isBuffer(v)) n += v.length;
    else n += 8;
  }
  return n;
}
