// MYSQL (also MariaDB) through mysql2: keyset reads, multi-row upserts in one transaction.
import mysql from 'mysql2/promise';
import { countSql, keysWhere, maxSql, qualified, quote, readSql, splitTable } from './sql';
import { rowBytes } from './sqlite';
import { ConnectorError, logicalOf, nativeType, type ColumnMeta, type Condition, type Connector, type ReadSpec, type Row, type Value, type WriteResult } from './types';
import type { Address } from './url';

/** Driver error → what failed, with the driver's own message. */
export function mysqlError(err: unknown): ConnectorError {
  const e = err as { code?: string; message?: string };
  const msg = e.message || String(err);
  switch (e.code) {
    case 'ECONNREFUSED': case 'ENOTFOUND': case 'ETIMEDOUT': case 'EHOSTUNREACH': case 'ECONNRESET': case 'EAI_AGAIN':
      return new ConnectorError('unreachable', `host unreachable: ${msg}`);
    case 'ER_ACCESS_DENIED_ERROR': case 'ER_DBACCESS_DENIED_ERROR': case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new ConnectorError('credentials', `wrong credentials: ${msg}`);
    case 'ER_BAD_DB_ERROR': return new ConnectorError('database', `unknown database: ${msg}`);
    case 'ER_NO_SUCH_TABLE': return new ConnectorError('table', msg);
    case 'ER_BAD_FIELD_ERROR': return new ConnectorError('column', msg);
  }
  return err instanceof ConnectorError ? err : new ConnectorError('other', msg);
}

export class MysqlConnector implements Connector {
  readonly dialect = 'mysql' as const;
  private conn: mysql.Connection | null = null;
  constructor(private readonly addr: Address, private readonly timeoutS = 10) {}

  private async c(): Promise<mysql.Connection> {
    if (this.conn) return this.conn;
    try {
      this.conn = await mysql.createConnection({
        host: this.addr.host, port: this.addr.port, user: this.addr.user, password: this.addr.password ?? '',
        database: this.addr.database, connectTimeout: this.timeoutS * 1000, dateStrings: true, supportBigNumbers: true,
        bigNumberStrings: true, decimalNumbers: false, jsonStrings: true, timezone: 'Z', charset: 'utf8mb4', multipleStatements: false,
      });
      this.conn.on('error', () => { this.conn = null; });
      // strict: a value the column cannot hold is an error (a dirty row), never silently truncated
      await this.conn.query("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00'");
    } catch (err) {
      throw mysqlError(err);
    }
    return this.conn;
  }

  private async q<T>(sql: string, params: unknown[] = [], rowsAsArray = false): Promise<T> {
    const conn = await this.c();
    try {
      const [rows] = await conn.query({ sql, rowsAsArray }, params);
      return rows as T;
    } catch (err) {
      throw mysqlError(err);
    }
  }

  async test(): Promise<void> {
    await this.q('SELECT 1');
  }

  private schemaOf(table: string): { schema: string; table: string } {
    const t = splitTable(table);
    return { schema: t.schema ?? this.addr.database, table: t.table };
  }

  async tables(filter?: string): Promise<string[]> {
    const rows = await this.q<{ n: string }[]>(
      "SELECT TABLE_NAME AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", [this.addr.database]);
    return rows.map((r) => r.n).filter((n) => !filter || n.toLowerCase().includes(filter.toLowerCase()));
  }

  async exists(table: string): Promise<boolean> {
    const { schema, table: t } = this.schemaOf(table);
    const rows = await this.q<unknown[]>('SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [schema, t]);
    return rows.length > 0;
  }

  async columns(table: string): Promise<ColumnMeta[]> {
    const { schema, table: t } = this.schemaOf(table);
    const rows = await this.q<{ n: string; ct: string; len: number | null; p: number | null; s: number | null; nl: string; k: string }[]>(
      `SELECT COLUMN_NAME AS n, COLUMN_TYPE AS ct, CHARACTER_MAXIMUM_LENGTH AS len, NUMERIC_PRECISION AS p, NUMERIC_SCALE AS s,
         IS_NULLABLE AS nl, COLUMN_KEY AS k
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`, [schema, t]);
    if (rows.length === 0) throw new ConnectorError('table', `table ${table} does not exist`);
    return rows.map((r) => {
      const { logical, bits } = logicalOf('mysql', r.ct);
      const unsigned = /unsigned/i.test(r.ct);
      return {
        name: r.n, type: r.ct, logical: unsigned && logical === 'int' && (bits ?? 32) >= 32 ? 'bigint' : logical,
        bits: unsigned && bits ? Math.min(64, bits + 1) : bits,
        length: logical === 'decimal' ? Number(r.p) : r.len === null ? null : Number(r.len),
        scale: logical === 'decimal' ? Number(r.s) : null,
        nullable: r.nl === 'YES', primary: r.k === 'PRI', unique: r.k === 'UNI',
      };
    });
  }

  async count(table: string, where: Condition | null): Promise<number> {
    const { sql, params } = countSql('mysql', table, where);
    const rows = await this.q<{ n: string | number }[]>(sql, params);
    return Number(rows[0]?.n ?? 0);
  }

  async max(table: string, column: string, where: Condition | null): Promise<Value> {
    const { sql, params } = maxSql('mysql', table, column, where);
    return (await this.q<{ m: Value }[]>(sql, params))[0]?.m ?? null;
  }

  rowIdKey(): string | null {
    return null;
  }

  async read(spec: ReadSpec): Promise<Row[]> {
    const { sql, params } = readSql('mysql', spec);
    return this.q<Row[]>(sql, params, true);
  }

  async readByKeys(table: string, columns: string[], key: string[], keys: Value[][]): Promise<Row[]> {
    const w = keysWhere('mysql', key, keys);
    return this.q<Row[]>(`SELECT ${[...key, ...columns].map((c) => quote('mysql', c)).join(', ')} FROM ${qualified('mysql', table)} WHERE ${w.sql}`, w.params, true);
  }

  async createTable(table: string, columns: ColumnMeta[], primary: string[]): Promise<void> {
    const defs = columns.map((c) => `${quote('mysql', c.name)} ${nativeType('mysql', c, primary.includes(c.name))}${c.nullable && !primary.includes(c.name) ? ' NULL' : ' NOT NULL'}`);
    if (primary.length) defs.push(`PRIMARY KEY (${primary.map((p) => quote('mysql', p)).join(', ')})`);
    await this.q(`CREATE TABLE IF NOT EXISTS ${qualified('mysql', table)} (${defs.join(', ')}) DEFAULT CHARSET = utf8mb4`);
  }

  async clearTable(table: string): Promise<void> {
    await this.q(`DELETE FROM ${qualified('mysql', table)}`); // DELETE, not TRUNCATE: transactional and no DDL grant needed
  }

  async write(table: string, columns: ColumnMeta[], rows: Row[], key: string[]): Promise<WriteResult> {
    const conn = await this.c();
    const names = columns.map((c) => quote('mysql', c.name));
    const updates = columns.filter((c) => !key.includes(c.name)).map((c) => `${quote('mysql', c.name)} = VALUES(${quote('mysql', c.name)})`);
    const head = `INSERT INTO ${qualified('mysql', table)} (${names.join(', ')}) VALUES `;
    const tail = key.length ? ` ON DUPLICATE KEY UPDATE ${updates.length ? updates.join(', ') : `${names[0]} = ${names[0]}`}` : '';
    const bytes = rows.reduce((n, r) => n + rowBytes(r), 0);
    try {
      await conn.beginTransaction();
      await conn.query(`${head}?${tail}`, [rows]);
      await conn.commit();
      return { written: rows.length, bytes, failed: [] };
    } catch (err) {
      await conn.rollback().catch(() => undefined);
      const e = mysqlError(err);
      if (e.kind !== 'other') throw e; // connection / table problems are not about one row
    }
    // Row by row to find the refused rows; a failed statement does not abort the transaction.
    const failed: WriteResult['failed'] = [];
    await conn.beginTransaction();
    try {
      for (let i = 0; i < rows.length; i++) {
        try {
          await conn.query(`${head}(?)${tail}`, [rows[i]]);
        } catch (err) {
          const e = mysqlError(err);
          if (e.kind === 'unreachable') throw e;
          failed.push({ index: i, reason: e.message });
        }
      }
      await conn.commit();
    } catch (err) {
      await conn.rollback().catch(() => undefined);
      throw mysqlError(err);
    }
    return { written: rows.length - failed.length, bytes, failed };
  }

  async close(): Promise<void> {
    const c = this.conn;
    this.conn = null;
    await c?.end().catch(() => c.destroy());
  }
}
