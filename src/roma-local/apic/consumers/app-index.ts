// In-memory lookups for the `app-auth` stage: app by AppKey, app by AppCode, and "is this app
// authorised to this API in this environment". Reading SQLite on every gateway call was most of
// the stage's CPU (profiled). Entries are filled on first use and all dropped whenever a row of
// apps, apic_app_codes or apic_app_auths changes: TEMP triggers on this connection call a JS
// function, so every writer is covered (the apps family, secret resets, cascading deletes)
// without each store having to remember to invalidate.
import type { HmacKey } from '../../auth/hmac-key';
import type { Db } from '../../db/open';
import { prep } from '../store/state';

export interface AppHit {
  id: string; name: string; app_key: string; secret: string;
  /** The secret as an HMAC key, made on first use; dropped with the entry when the apps table changes (a secret reset). */
  hmac?: HmacKey;
  /** What the stage hands to the consumer stages (ctx.app), made once per entry. */
  consumer?: { id: string; name: string; key: string };
}

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

/** Two-level map get: nested maps keyed by strings the caller already holds (route-table ids keep
 * their hash cached; a concatenated key would be built and hashed on every call). */
function get2<V>(m: Map<string, Map<string, V>>, a: string, b: string): V | undefined {
  return m.get(a)?.get(b);
}
function set2<V>(m: Map<string, Map<string, V>>, a: string, b: string, v: V): void {
  let inner = m.get(a);
  if (!inner) m.set(a, (inner = new Map()));
  inner.set(b, v);
}

export class AppIndex {
  private changes: { epoch: number } | undefined;
  private seen = -1;
  /** entries in the maps below, bounded by MAX_ENTRIES */
  private entries = 0;
  /** instance → AppKey → app */
  private byKey = new Map<string, Map<string, AppHit>>();
  /** instance → AppCode → app */
  private byCode = new Map<string, Map<string, AppHit>>();
  /** app → API → environment → authorised */
  private auths = new Map<string, Map<string, Map<string, boolean>>>();

  constructor(private readonly db: Db) {}

  // instance and environment come from the route match; without one nothing can be found
  appByKey(instanceId: string | undefined, appKey: string): AppHit | undefined {
    if (instanceId === undefined) return undefined;
    return this.cached(this.byKey, instanceId, appKey, () =>
      prep(this.db, 'SELECT id, name, app_key, secret FROM apps WHERE instance_id = ? AND app_key = ?').get(instanceId, appKey) as AppHit | undefined);
  }

  appByCode(instanceId: string | undefined, code: string): AppHit | undefined {
    if (instanceId === undefined) return undefined;
    return this.cached(this.byCode, instanceId, code, () =>
      prep(this.db, `SELECT a.id, a.name, a.app_key, a.secret FROM apic_app_codes c JOIN apps a ON a.id = c.app_id
        WHERE c.app_code = ? AND c.instance_id = ?`).get(code, instanceId) as AppHit | undefined);
  }

  authorised(apiId: string, envId: string | undefined, appId: string): boolean {
    if (envId === undefined) return false;
    this.fresh();
    let byApi = this.auths.get(appId);
    let hit = byApi ? get2(byApi, apiId, envId) : undefined;
    if (hit === undefined) {
      hit = prep(this.db, 'SELECT 1 FROM apic_app_auths WHERE api_id = ? AND env_id = ? AND app_id = ?').get(apiId, envId, appId) !== undefined;
      // negatives only for known apps' pairs (the caller already found the app), so the map stays bounded by real data
      if (this.entries < MAX_ENTRIES) {
        if (!byApi) this.auths.set(appId, (byApi = new Map()));
        set2(byApi, apiId, envId, hit);
        this.entries++;
      }
    }
    return hit;
  }

  private cached(m: Map<string, Map<string, AppHit>>, instanceId: string, k: string, load: () => AppHit | undefined): AppHit | undefined {
    this.fresh();
    const hit = get2(m, instanceId, k);
    if (hit) return hit;
    const row = load();
    if (row && this.entries < MAX_ENTRIES) {
      set2(m, instanceId, k, row);
      this.entries++;
    }
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
    this.entries = 0;
  }
}
