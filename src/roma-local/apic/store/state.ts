// Shared by the APIC stores and the gateway: a change counter (the gateway rebuilds its routing
// table when it moves) and small helpers.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { APIC } from '../errors';

export class ApicState {
  /** Bumped by every write that can change what the gateway serves. */
  epoch = 0;
  bump(): void {
    this.epoch++;
  }
}

const cache = new WeakMap<Db, Map<string, Statement>>();
/** A prepared statement, prepared once per database (preparing costs more than running). */
export function prep(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

export function nextSeq(db: Db, table: string): number {
  return (prep(db, `SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM ${table}`).get() as { seq: number }).seq;
}

/** Name of an integration app of the instance; 404 APIG.3019 when it does not exist. */
export function appName(db: Db, instanceId: string, appId: string): string {
  const row = prep(db, 'SELECT name FROM apps WHERE id = ? AND instance_id = ?').get(appId, instanceId) as { name: string } | undefined;
  if (!row) throw APIC.appNotFound(appId);
  return row.name;
}

/** App names of many ids at once ('' for unknown). */
export function appNames(db: Db, ids: string[]): Map<string, string> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = db.prepare(`SELECT id, name FROM apps WHERE id IN (${unique.map(() => '?').join(',')})`).all(...unique) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Comma-separated `precise_search` as a set of parameter names. */
export const preciseSet = (s: string | undefined): Set<string> => new Set((s ?? '').split(',').map((x) => x.trim()).filter(Boolean));

export function page<T>(all: T[], offset = 0, limit = 20): T[] {
  return all.slice(offset, offset + limit);
}
