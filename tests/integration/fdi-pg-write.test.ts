// PostgreSQL writes against the machine's real server: a COPY the server refuses part-way (a key that
// exists, met while megabytes are still being sent) falls back to the upsert without hanging or
// losing a row, and durable() leaves the WAL flushed past every write committed before it.
// Skipped when PostgreSQL is down (not in CI).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresConnector } from '../../src/roma-local/fdi/connectors/postgres';
import type { Row } from '../../src/roma-local/fdi/connectors/types';

const DB = `fdi_pw_${randomBytes(4).toString('hex')}`;
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const admin = new pg.Client({ ...PG, database: 'postgres', connectionTimeoutMillis: 3000 });
const up = await admin.connect().then(() => true, () => false);
const skip = !up && process.env.CI !== 'true';

afterAll(async () => {
  if (up) await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
});

describe.skipIf(skip)('PostgreSQL connector writes', () => {
  it('a COPY refused part-way falls back to the upsert; durable() flushes the WAL past the writes', async () => {
    await admin.query(`CREATE DATABASE ${DB}`);
    const conn = new PostgresConnector({ host: PG.host, port: PG.port, user: PG.user, password: 'x', database: DB, params: {} });
    const check = new pg.Client({ ...PG, database: DB });
    await check.connect();
    try {
      await check.query('CREATE TABLE t (id integer PRIMARY KEY, v text NOT NULL)');
      await check.query("INSERT INTO t VALUES (1, 'old')"); // the first key of the batch exists: the COPY fails at once
      const cols = await conn.columns('public.t');
      const rows: Row[] = Array.from({ length: 200_000 }, (_, i) => [i + 1, `value-${i + 1}-${'x'.repeat(40)}`]); // ~10 MB of COPY text
      const res = await conn.write('public.t', cols, rows, ['id']);
      expect([res.written, res.failed.length]).toEqual([200_000, 0]);
      const after = (await check.query('SELECT COUNT(*)::int AS n, (SELECT v FROM t WHERE id = 1) AS first FROM t')).rows[0]; // row 1 upserted
      expect(after).toEqual({ n: 200_000, first: `value-1-${'x'.repeat(40)}` });
      const written = (await check.query('SELECT pg_current_wal_insert_lsn()::text AS l')).rows[0].l as string;
      await conn.durable();
      const flushed = (await check.query('SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn AS ok', [written])).rows[0].ok;
      expect(flushed).toBe(true);
    } finally {
      await check.end();
      await conn.close();
    }
  }, 60_000);
});
