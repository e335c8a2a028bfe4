// Making PostgreSQL writes that committed asynchronously (synchronous_commit off) durable at once.
// A transaction that writes WAL, committed with the configured synchronous_commit, flushes the WAL up
// to its commit record, so past every earlier commit. The cheapest WAL any role may write is an
// empty transactional logical message (prefix 'roma-fdi'; nothing reads it unless a logical decoding
// slot is there). A transaction that only takes an xid writes no WAL and is not flushed. Without the
// function (revoked): wait until the WAL writer has flushed past the current insert position.
import type pg from 'pg';

export async function flushWal(c: pg.Client): Promise<void> {
  try {
    // synchronous_commit as configured (the writes turned it off for the session)
    await c.query("BEGIN; SET LOCAL synchronous_commit TO DEFAULT; SELECT pg_logical_emit_message(true, 'roma-fdi', ''); COMMIT");
    return;
  } catch {
    await c.query('ROLLBACK');
  }
  const first = (await c.query('SELECT pg_current_wal_insert_lsn()::text AS l, pg_current_wal_flush_lsn() >= pg_current_wal_insert_lsn() AS ok')).rows[0] as { l: string; ok: boolean };
  for (let ok = first.ok; !ok;) {
    await new Promise((r) => setTimeout(r, 5));
    ok = (await c.query('SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn AS ok', [first.l])).rows[0].ok as boolean;
  }
}
