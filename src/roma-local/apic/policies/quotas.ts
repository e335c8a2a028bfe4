// Client quotas (app quotas): CRUD, binding apps (one quota per app), and the quota of an app.
import { formatResetTime, parseResetTime, type AppQuotaCreateRequest } from '../../../contract/index';
import type { Db } from '../../db/open';
import { fuzzy, hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import { appName, nextSeq, prep } from '../store/state';
import type { QuotaCounters } from './counters';
import type { AppRow, PolicyState, QuotaRow } from './state';

export const toQuota = (q: QuotaRow, bound: number) => ({
  app_quota_id: q.id, name: q.name, call_limits: q.call_limits, time_unit: q.time_unit, time_interval: q.time_interval,
  remark: q.remark, reset_time: q.reset_time === null ? '' : formatResetTime(q.reset_time), create_time: isoSeconds(q.create_time),
  bound_app_num: bound,
});

export const toQuotaApp = (a: AppRow, b?: { quota_id: string; quota_name: string; bound_time: number }) => ({
  app_id: a.id, name: a.name, status: 1, app_key: a.app_key, remark: a.remark,
  register_time: isoSeconds(a.create_time), update_time: isoSeconds(a.update_time),
  ...(b ? { app_quota_id: b.quota_id, app_quota_name: b.quota_name, bound_time: isoSeconds(b.bound_time) } : {}),
});

export class QuotaStore {
  constructor(
    private readonly db: Db, private readonly now: () => number, private readonly state: PolicyState,
    private readonly counters: QuotaCounters,
  ) {}

  get(instanceId: string, id: string): QuotaRow {
    const q = prep(this.db, 'SELECT * FROM apic_app_quotas WHERE id = ? AND instance_id = ?').get(id, instanceId) as QuotaRow | undefined;
    if (!q) throw APIC.quotaNotFound(id);
    return q;
  }

  boundCount(id: string): number {
    return (prep(this.db, 'SELECT COUNT(*) AS n FROM apic_app_quota_bindings WHERE quota_id = ?').get(id) as { n: number }).n;
  }

  view(instanceId: string, id: string) {
    return toQuota(this.get(instanceId, id), this.boundCount(id));
  }

  list(instanceId: string, name?: string) {
    const rows = prep(this.db, `SELECT q.*, (SELECT COUNT(*) FROM apic_app_quota_bindings b WHERE b.quota_id = q.id) AS bound
      FROM apic_app_quotas q WHERE q.instance_id = ? ORDER BY q.create_time DESC, q.seq DESC`).all(instanceId) as (QuotaRow & { bound: number })[];
    return rows.filter((r) => !name || fuzzy(r.name, name)).map((r) => toQuota(r, r.bound));
  }

  private assertNameFree(instanceId: string, name: string, exceptId = ''): void {
    if (prep(this.db, 'SELECT 1 FROM apic_app_quotas WHERE instance_id = ? AND lower(name) = lower(?) AND id <> ?').get(instanceId, name, exceptId)) {
      throw APIC.quotaNameExists();
    }
  }

  create(instanceId: string, req: AppQuotaCreateRequest) {
    const id = hex32();
    this.db.transaction(() => {
      this.assertNameFree(instanceId, req.name);
      prep(this.db, `INSERT INTO apic_app_quotas (id, instance_id, name, call_limits, time_unit, time_interval, reset_time, remark, create_time, seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, instanceId, req.name, req.call_limits, req.time_unit, req.time_interval,
        req.reset_time ? parseResetTime(req.reset_time)! : null, req.remark ?? '', this.now(), nextSeq(this.db, 'apic_app_quotas'));
    })();
    this.state.bump();
    return this.view(instanceId, id);
  }

  /** PUT takes the whole object; a changed rule starts every bound app's count afresh. */
  update(instanceId: string, id: string, req: AppQuotaCreateRequest) {
    this.db.transaction(() => {
      this.get(instanceId, id);
      this.assertNameFree(instanceId, req.name, id);
      prep(this.db, `UPDATE apic_app_quotas SET name = ?, call_limits = ?, time_unit = ?, time_interval = ?, reset_time = ?, remark = ? WHERE id = ?`)
        .run(req.name, req.call_limits, req.time_unit, req.time_interval, req.reset_time ? parseResetTime(req.reset_time)! : null, req.remark ?? '', id);
      this.counters.forget(id);
    })();
    this.state.bump();
    return this.view(instanceId, id);
  }

  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      this.get(instanceId, id);
      const n = this.boundCount(id);
      if (n > 0) throw APIC.quotaBound(n);
      prep(this.db, 'DELETE FROM apic_app_quotas WHERE id = ?').run(id);
      this.counters.forget(id);
    })();
    this.state.bump();
  }

  private apps(instanceId: string, appName?: string): AppRow[] {
    const rows = prep(this.db, 'SELECT id, instance_id, name, remark, app_key, create_time, update_time FROM apps WHERE instance_id = ? ORDER BY create_time, seq')
      .all(instanceId) as AppRow[];
    return appName ? rows.filter((r) => fuzzy(r.name, appName)) : rows;
  }

  /** Apps bound to no quota at all (an app carries one quota). */
  bindable(instanceId: string, appName?: string) {
    const bound = new Set((prep(this.db, 'SELECT app_id FROM apic_app_quota_bindings').all() as { app_id: string }[]).map((r) => r.app_id));
    return this.apps(instanceId, appName).filter((a) => !bound.has(a.id)).map((a) => toQuotaApp(a));
  }

  bound(instanceId: string, id: string, appName?: string) {
    const q = this.get(instanceId, id);
    const rows = prep(this.db, 'SELECT app_id, bound_time FROM apic_app_quota_bindings WHERE quota_id = ?').all(id) as { app_id: string; bound_time: number }[];
    const at = new Map(rows.map((r) => [r.app_id, r.bound_time]));
    return this.apps(instanceId, appName).filter((a) => at.has(a.id))
      .map((a) => toQuotaApp(a, { quota_id: q.id, quota_name: q.name, bound_time: at.get(a.id)! }));
  }

  /** All or nothing: an unknown app or one already carrying a quota refuses the whole call. */
  bind(instanceId: string, id: string, appIds: string[]) {
    const t = this.now();
    const applies = this.db.transaction(() => {
      this.get(instanceId, id);
      return [...new Set(appIds)].map((appId) => {
        const name = appName(this.db, instanceId, appId);
        const hit = prep(this.db, 'SELECT q.name FROM apic_app_quota_bindings b JOIN apic_app_quotas q ON q.id = b.quota_id WHERE b.app_id = ?')
          .get(appId) as { name: string } | undefined;
        if (hit) throw APIC.appHasQuota(name, hit.name);
        prep(this.db, 'INSERT INTO apic_app_quota_bindings (app_id, quota_id, bound_time) VALUES (?, ?, ?)').run(appId, id, t);
        return { app_quota_id: id, app_id: appId, bound_time: isoSeconds(t) };
      });
    })();
    this.state.bump();
    return { applies };
  }

  unbind(instanceId: string, id: string, appId: string): void {
    this.db.transaction(() => {
      this.get(instanceId, id);
      const r = prep(this.db, 'DELETE FROM apic_app_quota_bindings WHERE quota_id = ? AND app_id = ?').run(id, appId);
      if (r.changes === 0) throw APIC.quotaAppNotBound(appId);
      this.counters.forget(id, appId);
    })();
    this.state.bump();
  }

  /** ShowAppBoundAppQuota: 404 APIG.3002 for an unknown app (as the operation's example). */
  ofApp(instanceId: string, appId: string) {
    if (!prep(this.db, 'SELECT 1 FROM apps WHERE id = ? AND instance_id = ?').get(appId, instanceId)) throw APIC.quotaAppNotFound(appId);
    const b = prep(this.db, 'SELECT quota_id FROM apic_app_quota_bindings WHERE app_id = ?').get(appId) as { quota_id: string } | undefined;
    if (!b) throw APIC.noBoundQuota(appId);
    return this.view(instanceId, b.quota_id);
  }
}
