// Versioned migrations tracked in PRAGMA user_version: migration N runs once, inside a
// transaction, and only if the database is at version N-1. Re-running is a no-op.
import type Database from 'better-sqlite3';
import { migrations } from './migrations/index';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration versions must be 1..n without gaps (got ${m.version})`);
  });
  const current = schemaVersion(db);
  if (current > sorted.length) {
    throw new Error(`database schema version ${current} is newer than this roma-local (${sorted.length})`);
  }
  for (const m of sorted.slice(current)) {
    db.transaction(() => {
      m.up(db);
      // user_version cannot be bound as a parameter; the value is our own integer.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
