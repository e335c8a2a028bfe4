// POSTGRESQL through pg: keyset reads; writes by COPY (pg-copy-streams) straight into the target
// while no batch has met an existing key, else COPY into a staging table then one
// INSERT … ON CONFLICT per batch; each batch in one transaction, committed without waiting for the
// WAL fsync (synchronous_commit off for the session from its first write on): durable() flushes the
// WAL past all of them with one synchronous commit before the engine records a checkpoint.
import pg from 'pg';
import type { FieldEncoder } from './pg-binary';
import { copyEncoders, copyInto } from './pg-copy';
import { flushWal } from './pg-durable';
import { countSql, keysWhere, maxSql, placeholders, qualified, quote, readSql, splitTable } from './sql';
import { rowBytes } from './sqlite';
import { ConnectorError, logicalOf, nativeType, type ColumnMeta, type Condition, type Connector, type ReadSpec, type Row, type Value, type WriteResult } from './types';
import type { Address } from './url';

// date/time and json values stay text (no local time zone games, no re-serialising); int8 and numeric are text by default
const RAW = new Set([114, 1082, 1083, 1114, 1184, 1266, 3802]); // + json/jsonb kept as text
const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (RAW.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format ?? 'text')) };

export function pgError(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = err as { code?: string; message?: string };
  const msg = e.message || String(err);
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', 'EAI_AGAIN'].includes(e.code ?? '') || /timeout expired|Connection terminated/i.test(msg)) {
    return new ConnectorError('unreachable', `host unreachable: ${msg}`);
  }
  if (e.code === '28P01' || e.code === '28000') return new ConnectorError('credentials', `wrong credentials: ${msg}`);
  if (e.code === '3D000') return new ConnectorError('database', `unknown database: ${msg}`);
  if (e.code === '42P01' || e.code === '3F000') return new ConnectorError('table', msg);
  if (e.code === '42703') return new ConnectorError('column', msg);
  return new ConnectorError('other', msg);
}

export class PostgresConnector implements Connector {
  readonly dialect = 'postgres' as const;
  private client: pg.Client | null = null;
  private staged = new Set<string>();
  /** Tables where a COPY met an existing key: upsert through the staging table from then on. */
  private upserting = new Set<string>();
  /** Writes committed since the last durable(): their commit records may not be on disk yet. */
  private unsynced = false;
  /** The session commits without waiting for the WAL flush (set by the first write on a connection). */
  private asyncCommits = false;
  /** Binary COPY encoders per target and columns (null: text COPY), looked up once per run. */
  private encoders = new Map<string, FieldEncoder[] | null>();
  constructor(private readonly addr: Address, private readonly timeoutS = 10) {}

  private async c(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      host: this.addr.host, port: this.addr.port, user: this.addr.user, password: this.addr.password,
      database: this.addr.database, connectionTimeoutMillis: this.timeoutS * 1000, types,
    });
    client.on('error', () => { this.client = null; });
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw pgError(err);
    }
    this.client = client;
    this.asyncCommits = false;
    return client;
  }

  private async q<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const c = await this.c();
    try {
      return (await c.query(text, values)).rows as T[];
    } catch (err) {
      throw pgError(err);
    }
  }

  async test(): Promise<void> {
    await this.q('SELECT 1');
  }

  private names(table: string): { schema: string; table: string } {
    const t = splitTable(table);
    return { schema: t.schema ?? 'public', table: t.table };
  }

  async tables(filter?: string): Promise<string[]> {
    const rows = await this.q<{ s: string; n: string }>(
      `SELECT table_schema AS s, table_name AS n FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`);
    return rows.map((r) => (r.s === 'public' ? r.n : `${r.s}.${r.n}`)).filter((n) => !filter || n.toLowerCase().includes(filter.toLowerCase()));
  }

  async exists(table: string): Promise<boolean> {
    const { schema, table: t } = this.names(table);
    return (await this.q('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [schema, t])).length > 0;
  }

  async columns(table: string): Promise<ColumnMeta[]> {
    const { schema, table: t } = this.names(table);
    const rows = await this.q<{ n: string; ty: string; udt: string; len: number | null; p: number | null; s: number | null; nl: string }>(
      `SELECT column_name AS n, data_type AS ty, udt_name AS udt, character_maximum_length AS len, numeric_precision AS p,
         numeric_scale AS s, is_nullable AS nl
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`, [schema, t]);
    if (rows.length === 0) throw new ConnectorError('table', `table ${table} does not exist`);
    const keys = await this.q<{ n: string; pk: boolean; cols: number }>(
      `SELECT a.attname AS n, i.indisprimary AS pk, i.indnatts AS cols FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = (quote_ident($1) || '.' || quote_ident($2))::regclass AND (i.indisprimary OR i.indisunique)`, [schema, t]);
    return rows.map((r) => {
      const native = r.ty === 'USER-DEFINED' || r.ty === 'ARRAY' ? r.udt : r.ty;
      const { logical, bits } = logicalOf('postgres', native === 'integer' ? 'int4' : native);
      return {
        name: r.n, type: native, logical, bits,
        length: logical === 'decimal' ? (r.p === null ? null : Number(r.p)) : r.len === null ? null : Number(r.len),
        scale: logical === 'decimal' && r.s !== null ? Number(r.s) : null,
        nullable: r.nl === 'YES',
        primary: keys.some((k) => k.n === r.n && k.pk),
        unique: keys.some((k) => k.n === r.n && !k.pk && Number(k.cols) === 1),
      };
    });
  }

  async count(table: string, where: Condition | null): Promise<number> {
    const { sql, params } = countSql('postgres', table, where);
    return Number((await this.q<{ n: string }>(sql, params))[0]?.n ?? 0);
  }

  async max(table: string, column: string, where: Condition | null): Promise<Value> {
    const { sql, params } = maxSql('postgres', table, column, where);
    return ((await this.q<{ m: Value }>(sql, params))[0]?.m ?? null) as Value;
  }

  rowIdKey(): string | null {
    return null;
  }

  async read(spec: ReadSpec): Promise<Row[]> {
    const { sql, params } = readSql('postgres', spec);
    const c = await this.c();
    try {
      return (await c.query({ text: sql, values: params, rowMode: 'array' })).rows as Row[];
    } catch (err) {
      throw pgError(err);
    }
  }

  async readByKeys(table: string, columns: string[], key: string[], keys: Value[][]): Promise<Row[]> {
    const w = keysWhere('postgres', key, keys);
    const c = await this.c();
    const text = placeholders('postgres', `SELECT ${[...key, ...columns].map((x) => quote('postgres', x)).join(', ')} FROM ${qualified('postgres', table)} WHERE ${w.sql}`);
    try {
      return (await c.query({ text, values: w.params, rowMode: 'array' })).rows as Row[];
    } catch (err) {
      throw pgError(err);
    }
  }

  async createTable(table: string, columns: ColumnMeta[], primary: string[]): Promise<void> {
    const defs = columns.map((c) => `${quote('postgres', c.name)} ${nativeType('postgres', c, primary.includes(c.name))}${c.nullable ? '' : ' NOT NULL'}`);
    if (primary.length) defs.push(`PRIMARY KEY (${primary.map((p) => quote('postgres', p)).join(', ')})`);
    await this.q(`CREATE TABLE IF NOT EXISTS ${qualified('postgres', table)} (${defs.join(', ')})`);
  }

  async clearTable(table: string): Promise<void> {
    await this.q(`DELETE FROM ${qualified('postgres', table)}`);
  }

  async write(table: string, columns: ColumnMeta[], rows: Row[], key: string[]): Promise<WriteResult> {
    const c = await this.c();
    const names = columns.map((x) => quote('postgres', x.name));
    const target = qualified('postgres', table);
    const stage = `fdi_stage_${Buffer.from(table).toString('hex').slice(0, 40)}`;
    const updates = columns.filter((x) => !key.includes(x.name)).map((x) => `${quote('postgres', x.name)} = EXCLUDED.${quote('postgres', x.name)}`);
    const conflict = key.length ? ` ON CONFLICT (${key.map((k) => quote('postgres', k)).join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}` : '';
    const bytes = rows.reduce((n, r) => n + rowBytes(r), 0);
    this.unsynced = true;
    try {
      if (!this.asyncCommits) { await c.query('SET synchronous_commit TO off'); this.asyncCommits = true; } // durable() flushes
      const encKey = `${target} ${names.join(',')}`;
      if (!this.encoders.has(encKey)) this.encoders.set(encKey, await copyEncoders(c, target, columns.map((x) => x.name)));
      const enc = this.encoders.get(encKey)!;
      if (key.length && !this.upserting.has(target)) {
        // a fresh key range (first run, cleared table) needs no upsert: COPY straight in, as fast as psql \copy
        // (one COPY statement is its own transaction, all rows or none: no BEGIN/COMMIT round trips)
        try {
          await copyInto(c, target, names, rows, enc);
          return { written: rows.length, bytes, failed: [] };
        } catch (err) {
          if ((err as { code?: string }).code !== '23505') throw err; // unique violation: some keys exist, upsert
          this.upserting.add(target);
        }
      }
      await c.query('BEGIN');
      if (key.length) {
        if (!this.staged.has(stage)) {
          await c.query(`CREATE TEMP TABLE IF NOT EXISTS ${stage} (LIKE ${target} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
          this.staged.add(stage);
        }
        await copyInto(c, stage, names, rows, enc);
        await c.query(`INSERT INTO ${target} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${stage}${conflict}`);
      } else {
        await copyInto(c, target, names, rows, enc);
      }
      await c.query('COMMIT');
      return { written: rows.length, bytes, failed: [] };
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      const e = pgError(err);
      if (e.kind !== 'other') throw e;
    }
    // Row by row under savepoints to find the refused rows.
    const failed: WriteResult['failed'] = [];
    const sql = `INSERT INTO ${target} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})${conflict}`;
    try {
      await c.query('BEGIN');
      for (let i = 0; i < rows.length; i++) {
        await c.query('SAVEPOINT r');
        try {
          await c.query(sql, rows[i]!.map((v) => (typeof v === 'bigint' ? v.toString() : v)));
          await c.query('RELEASE SAVEPOINT r');
        } catch (err) {
          const e = pgError(err);
          if (e.kind === 'unreachable') throw e;
          await c.query('ROLLBACK TO SAVEPOINT r');
          failed.push({ index: i, reason: e.message });
        }
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw pgError(err);
    }
    return { written: rows.length - failed.length, bytes, failed };
  }

  /** Every write committed so far is on disk once this returns (pg-durable.ts). */
  async durable(): Promise<void> {
    if (!this.unsynced) return;
    const c = await this.c();
    try {
      await flushWal(c);
    } catch (err) {
      throw pgError(err);
    }
    this.unsynced = false;
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
