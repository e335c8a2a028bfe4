// In-memory lookups for the `app-auth` stage: app by AppKey, app by AppCode, and "is this app
// authorised to this API in this environment". Reading SQLite on every gateway call was most of
// the stage's CPU (profiled). Entries are filled on first use and all dropped whenever a row of
// apps, apic_app_codes or apic_app_auths changes: TEMP triggers on this connection call a JS
// function, so every writer is covered (the apps family, secret resets, cascading deletes)
// without each store having to remember to invalidate.
import type { Db } from '../../db/open';
import { prep } from '../store/state';

export interface AppHit { id: string; name: string; app_key: string; secret: string }

const WATCHED = ['apps', 'apic_app_codes', 'apic_app_auths'] as const;
const FN = 'roma_apic_app_index_changed';
/** Bounds the positive entries kept between two writes (unknown keys are never cached). */
const MAX_ENTRIES = 50_000;

/** One change counter per connection, shared by every index on it (a second db.function would replace the first). */
const epochs = new WeakMap<Db, { epoch: number }>();

function watch(db: Db): { epoch: number } {
  let e = epochs.get(db);
  if (e) return e;
  const counter = { epoch: 0 };
  e = counter;
  db.function(FN, { deterministic: false }, () => {
    counter.epoch++;
    return null;
  });
  for (const table of WATCHED) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${FN}_${table}_${op.toLowerCase()} AFTER ${op} ON main.${table} BEGIN SELECT ${FN}(); END`);
    }
  }
  epochs.set(db, e);
  return e;
}

export class AppIndex {
  private changes: { epoch: number } | undefined;
  private seen = -1;
  private byKey = new Map<string, AppHit>();
  private byCode = new Map<string, AppHit>();
  private auths = new Map<string, boolean>();

  constructor(private readonly db: Db) {}

  // instance and environment come from the route match; without one nothing can be found
  appByKey(instanceId: string | undefined, appKey: string): AppHit | undefined {
    if (instanceId === undefined) return undefined;
    return this.cached(this.byKey, `${instanceId}\n${appKey}`, () =>
      prep(this.db, 'SELECT id, name, app_key, secret FROM apps WHERE instance_id = ? AND app_key = ?').get(instanceId, appKey) as AppHit | undefined);
  }

  appByCode(instanceId: string | undefined, code: string): AppHit | undefined {
    if (instanceId === undefined) return undefined;
    return this.cached(this.byCode, `${instanceId}\n${code}`, () =>
      prep(this.db, `SELECT a.id, a.name, a.app_key, a.secret FROM apic_app_codes c JOIN apps a ON a.id = c.app_id
        WHERE c.app_code = ? AND c.instance_id = ?`).get(code, instanceId) as AppHit | undefined);
  }

  authorised(apiId: string, envId: string | undefined, appId: string): boolean {
    if (envId === undefined) return false;
    this.fresh();
    const k = `${apiId}\n${envId}\n${appId}`;
    let hit = this.auths.get(k);
    if (hit === undefined) {
      hit = prep(this.db, 'SELECT 1 FROM apic_app_auths WHERE api_id = ? AND env_id = ? AND app_id = ?').get(apiId, envId, appId) !== undefined;
      // negatives only for known apps' pairs (the caller already found the app), so the map stays bounded by real data
      if (this.auths.size < MAX_ENTRIES) this.auths.set(k, hit);
    }
    return hit;
  }

  private cached(m: Map<string, AppHit>, k: string, load: () => AppHit | undefined): AppHit | undefined {
    this.fresh();
    const hit = m.get(k);
    if (hit) return hit;
    const row = load();
    if (row && m.size < MAX_ENTRIES) m.set(k, row);
    return row;
  }

  /** Drop everything when a watched table changed since the entries were read. */
  private fresh(): void {
    this.changes ??= watch(this.db);
    if (this.changes.epoch === this.seen) return;
    this.seen = this.changes.epoch;
    this.byKey.clear();
    this.byCode.clear();
    this.auths.clear();
  }
}
