// Prepared statements, cached per database and SQL text: preparing a join costs more than running
// it, and better-sqlite3 does not cache. Any store may use it; the SQL text is the key.
import type Database from 'better-sqlite3';
import type { Db } from './open';

type Stmt = Database.Statement<unknown[]>;
const cache = new WeakMap<Db, Map<string, Stmt>>();

export function stmt(db: Db, sql: string): Stmt {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    if (m.size >= 1000) m.clear();
    s = db.prepare<unknown[]>(sql);
    m.set(sql, s);
  }
  return s;
}
