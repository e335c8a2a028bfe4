// SQL text helpers shared by the connectors: identifier quoting, keyset and filter clauses.
// Identifiers are always quoted; values are always bound, never spliced.
import type { Condition, Dialect, ReadSpec, Value } from './types';

export function quote(dialect: Dialect, id: string): string {
  return dialect === 'mysql' ? `\`${id.replace(/`/g, '``')}\`` : `"${id.replace(/"/g, '""')}"`;
}

/** `schema.table` or `table`; a dot inside a quoted name is not supported. */
export function splitTable(name: string): { schema: string | null; table: string } {
  const i = name.indexOf('.');
  return i > 0 ? { schema: name.slice(0, i), table: name.slice(i + 1) } : { schema: null, table: name };
}

export function qualified(dialect: Dialect, name: string): string {
  const { schema, table } = splitTable(name);
  return schema ? `${quote(dialect, schema)}.${quote(dialect, table)}` : quote(dialect, table);
}

/** Replace `?` by `$n` for PostgreSQL (our generated SQL never has `?` inside literals). */
export function placeholders(dialect: Dialect, sql: string): string {
  if (dialect !== 'postgres') return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** SELECT for one keyset page (or an offset page when there is no key). */
export function readSql(dialect: Dialect, spec: ReadSpec): { sql: string; params: Value[] } {
  const q = (c: string): string => (c === 'rowid' && dialect === 'sqlite' ? 'rowid' : quote(dialect, c));
  const extra = spec.key.filter((k) => !spec.columns.includes(k));
  const cols = [...spec.columns, ...extra].map(q).join(', ');
  const where: string[] = [];
  const params: Value[] = [];
  if (spec.where) {
    where.push(`(${spec.where.sql})`);
    params.push(...spec.where.params);
  }
  if (spec.after && spec.key.length > 0) {
    if (spec.key.length === 1) where.push(`${q(spec.key[0]!)} > ?`);
    else where.push(`(${spec.key.map(q).join(', ')}) > (${spec.key.map(() => '?').join(', ')})`);
    params.push(...spec.after);
  }
  const order = spec.key.length > 0 ? spec.key.map(q).join(', ') : spec.columns.map(q).join(', ');
  let sql = `SELECT ${cols} FROM ${qualified(dialect, spec.table)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${Number(spec.limit)}`;
  if (spec.key.length === 0 && spec.offset) sql += ` OFFSET ${Number(spec.offset)}`;
  return { sql: placeholders(dialect, sql), params };
}

export function countSql(dialect: Dialect, table: string, where: Condition | null): { sql: string; params: Value[] } {
  const sql = `SELECT COUNT(*) AS n FROM ${qualified(dialect, table)}${where ? ` WHERE ${where.sql}` : ''}`;
  return { sql: placeholders(dialect, sql), params: where?.params ?? [] };
}

/** WHERE for rows whose key is one of `keys`. */
export function keysWhere(dialect: Dialect, key: string[], keys: Value[][]): Condition {
  const q = (c: string): string => (c === 'rowid' && dialect === 'sqlite' ? 'rowid' : quote(dialect, c));
  if (key.length === 1) return { sql: `${q(key[0]!)} IN (${keys.map(() => '?').join(', ')})`, params: keys.map((k) => k[0] ?? null) };
  return {
    sql: keys.map(() => `(${key.map((c) => `${q(c)} = ?`).join(' AND ')})`).join(' OR '),
    params: keys.flat(),
  };
}

export function maxSql(dialect: Dialect, table: string, column: string, where: Condition | null): { sql: string; params: Value[] } {
  const sql = `SELECT MAX(${quote(dialect, column)}) AS m FROM ${qualified(dialect, table)}${where ? ` WHERE ${where.sql}` : ''}`;
  return { sql: placeholders(dialect, sql), params: where?.params ?? [] };
}
