// The audit store shared by replicas: one PostgreSQL table. A database that is down at start is
// not fatal: the table is created on the first write that reaches it.
import pg from 'pg';
import { resourceKeys, toItem, whereClause, type AuditEntry, type AuditPage, type AuditQuery, type AuditRow, type AuditStore } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bff_audit (
  id BIGSERIAL PRIMARY KEY,
  time BIGINT NOT NULL,
  user_name TEXT, user_id TEXT, domain TEXT, domain_id TEXT, project TEXT, project_id TEXT,
  method TEXT NOT NULL, route TEXT NOT NULL, resource_ids TEXT NOT NULL, resource_keys TEXT NOT NULL,
  status INTEGER NOT NULL, error_code TEXT, request_id TEXT NOT NULL, duration_ms DOUBLE PRECISION NOT NULL, client_ip TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bff_audit_domain_time ON bff_audit (domain_id, time);
CREATE INDEX IF NOT EXISTS bff_audit_time ON bff_audit (time);
`;

const COLUMNS = 16;

export class PgAuditStore implements AuditStore {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 10_000 });
    this.pool.on('error', () => undefined); // an idle client losing its server; the next query reports it
  }

  private init(): Promise<void> {
    this.ready ??= this.pool.query(SCHEMA).then(
      () => undefined,
      (err: { code?: string }) => {
        // Two replicas creating the table at once: the loser sees a duplicate; anything else retries later.
        if (err.code === '23505' || err.code === '42P07') return;
        this.ready = undefined;
        throw err;
      },
    );
    return this.ready;
  }

  async insert(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.init();
    const values: unknown[] = [];
    const rows = entries.map((e, r) => {
      values.push(e.time, e.user, e.userId, e.domain, e.domainId, e.project, e.projectId, e.method, e.route,
        JSON.stringify(e.resourceIds), resourceKeys(e.resourceIds), e.status, e.errorCode, e.requestId, e.durationMs, e.clientIp);
      return `(${Array.from({ length: COLUMNS }, (_, c) => `$${r * COLUMNS + c + 1}`).join(', ')})`;
    });
    await this.pool.query(
      `INSERT INTO bff_audit (time, user_name, user_id, domain, domain_id, project, project_id, method, route,
        resource_ids, resource_keys, status, error_code, request_id, duration_ms, client_ip) VALUES ${rows.join(', ')}`,
      values,
    );
  }

  async query(q: AuditQuery): Promise<AuditPage> {
    await this.init();
    const w = whereClause(q, (i) => `$${i}`, (col, ph) => `strpos(${col}, ${ph}) > 0`);
    const total = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM bff_audit WHERE ${w.sql}`, w.args);
    const n = w.args.length;
    const rows = await this.pool.query<AuditRow>(
      `SELECT * FROM bff_audit WHERE ${w.sql} ORDER BY time DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...w.args, q.limit, q.offset],
    );
    return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows.map(toItem) };
  }

  async purge(before: number): Promise<number> {
    await this.init();
    const res = await this.pool.query('DELETE FROM bff_audit WHERE time < $1', [before]);
    return res.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
