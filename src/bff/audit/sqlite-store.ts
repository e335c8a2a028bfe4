// The one-node audit store: SQLite (WAL) in the data folder, or in memory when none is given.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { resourceKeys, toItem, whereClause, type AuditEntry, type AuditPage, type AuditQuery, type AuditRow, type AuditStore } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time INTEGER NOT NULL,
  user_name TEXT, user_id TEXT, domain TEXT, domain_id TEXT, project TEXT, project_id TEXT,
  method TEXT NOT NULL, route TEXT NOT NULL, resource_ids TEXT NOT NULL, resource_keys TEXT NOT NULL,
  status INTEGER NOT NULL, error_code TEXT, request_id TEXT NOT NULL, duration_ms REAL NOT NULL, client_ip TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_domain_time ON audit (domain_id, time);
CREATE INDEX IF NOT EXISTS audit_time ON audit (time);
`;

export const AUDIT_SQLITE_FILE = 'audit.sqlite';

export class SqliteAuditStore implements AuditStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly insertStmt: Database.Statement;

  /** `dir` undefined = an in-memory database (tests, throwaway runs). */
  constructor(dir?: string) {
    let file = ':memory:';
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      file = path.join(dir, AUDIT_SQLITE_FILE);
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 2000');
    this.db.exec(SCHEMA);
    this.insertStmt = this.db.prepare(`INSERT INTO audit (time, user_name, user_id, domain, domain_id, project, project_id,
      method, route, resource_ids, resource_keys, status, error_code, request_id, duration_ms, client_ip)
      VALUES (@time, @user, @userId, @domain, @domainId, @project, @projectId, @method, @route, @resourceIds,
      @resourceKeys, @status, @errorCode, @requestId, @durationMs, @clientIp)`);
  }

  async insert(entries: AuditEntry[]): Promise<void> {
    const tx = this.db.transaction((rows: AuditEntry[]) => {
      for (const e of rows) {
        this.insertStmt.run({ ...e, resourceIds: JSON.stringify(e.resourceIds), resourceKeys: resourceKeys(e.resourceIds) });
      }
    });
    tx(entries);
  }

  async query(q: AuditQuery): Promise<AuditPage> {
    const w = whereClause(q, () => '?', (col, ph) => `instr(${col}, ${ph}) > 0`);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM audit WHERE ${w.sql} ORDER BY time DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...w.args, q.limit, q.offset) as AuditRow[];
    return { total, items: rows.map(toItem) };
  }

  async purge(before: number): Promise<number> {
    return this.db.prepare('DELETE FROM audit WHERE time < ?').run(before).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
