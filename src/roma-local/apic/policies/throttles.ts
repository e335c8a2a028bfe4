// Request throttling policies: CRUD, special apps / users, and bindings to APIs in an environment
// (by the publish record, as the reference's `publish_ids`). Deleting a policy removes its
// bindings and specials with it.
import type { ThrottleCreateRequest } from '../../../contract/index';
import type { Db } from '../../db/open';
import { fuzzy, hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import { appName, nextSeq, preciseSet, prep } from '../store/state';
import type { PolicyState, SpecialRow, ThrottleRow } from './state';

export const toThrottle = (t: ThrottleRow, bound: number, specials: number) => ({
  id: t.id, name: t.name, api_call_limits: t.api_call_limits, user_call_limits: t.user_call_limits, app_call_limits: t.app_call_limits,
  ip_call_limits: t.ip_call_limits, time_interval: t.time_interval, time_unit: t.time_unit, type: t.type,
  enable_adaptive_control: t.enable_adaptive_control, remark: t.remark, bind_num: bound, is_inclu_special_throttle: specials > 0 ? 1 : 2,
  create_time: isoSeconds(t.create_time),
});

export interface BindingRow { id: string; throttle_id: string; api_id: string; env_id: string; publish_id: string; apply_time: number }

export class ThrottleStore {
  constructor(private readonly db: Db, private readonly now: () => number, private readonly state: PolicyState) {}

  get(instanceId: string, id: string): ThrottleRow {
    const t = prep(this.db, 'SELECT * FROM apic_throttles WHERE id = ? AND instance_id = ?').get(id, instanceId) as ThrottleRow | undefined;
    if (!t) throw APIC.throttleNotFound(id);
    return t;
  }

  view(instanceId: string, id: string) {
    const t = this.get(instanceId, id);
    const n = (sql: string) => (prep(this.db, sql).get(id) as { n: number }).n;
    return toThrottle(t, n('SELECT COUNT(*) AS n FROM apic_throttle_bindings WHERE throttle_id = ?'),
      n('SELECT COUNT(*) AS n FROM apic_throttle_specials WHERE throttle_id = ?'));
  }

  list(instanceId: string, f: { id?: string; name?: string; precise_search?: string }) {
    const exact = preciseSet(f.precise_search).has('name');
    const rows = prep(this.db, `SELECT t.*, (SELECT COUNT(*) FROM apic_throttle_bindings b WHERE b.throttle_id = t.id) AS bound,
      (SELECT COUNT(*) FROM apic_throttle_specials s WHERE s.throttle_id = t.id) AS specials
      FROM apic_throttles t WHERE t.instance_id = ? ORDER BY t.create_time DESC, t.seq DESC`).all(instanceId) as (ThrottleRow & { bound: number; specials: number })[];
    return rows
      .filter((r) => (!f.id || r.id === f.id) && (!f.name || (exact ? r.name === f.name : fuzzy(r.name, f.name))))
      .map((r) => toThrottle(r, r.bound, r.specials));
  }

  private assertNameFree(instanceId: string, name: string, exceptId = ''): void {
    if (prep(this.db, 'SELECT 1 FROM apic_throttles WHERE instance_id = ? AND lower(name) = lower(?) AND id <> ?').get(instanceId, name, exceptId)) {
      throw APIC.throttleNameExists(name);
    }
  }

  private values(req: ThrottleCreateRequest) {
    return [req.name, req.api_call_limits, req.user_call_limits ?? 0, req.app_call_limits ?? 0, req.ip_call_limits ?? 0,
      req.time_interval, req.time_unit, req.type ?? 1, req.enable_adaptive_control ?? 'FALSE', req.remark ?? ''];
  }

  create(instanceId: string, req: ThrottleCreateRequest) {
    const id = hex32();
    this.db.transaction(() => {
      this.assertNameFree(instanceId, req.name);
      prep(this.db, `INSERT INTO apic_throttles (id, instance_id, name, api_call_limits, user_call_limits, app_call_limits, ip_call_limits,
        time_interval, time_unit, type, enable_adaptive_control, remark, create_time, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, instanceId, ...this.values(req), this.now(), nextSeq(this.db, 'apic_throttles'));
    })();
    this.state.bump();
    return this.view(instanceId, id);
  }

  update(instanceId: string, id: string, req: ThrottleCreateRequest) {
    this.db.transaction(() => {
      this.get(instanceId, id);
      this.assertNameFree(instanceId, req.name, id);
      prep(this.db, `UPDATE apic_throttles SET name = ?, api_call_limits = ?, user_call_limits = ?, app_call_limits = ?, ip_call_limits = ?,
        time_interval = ?, time_unit = ?, type = ?, enable_adaptive_control = ?, remark = ? WHERE id = ?`).run(...this.values(req), id);
    })();
    this.state.bump();
    return this.view(instanceId, id);
  }

  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      this.get(instanceId, id);
      prep(this.db, 'DELETE FROM apic_throttles WHERE id = ?').run(id); // specials and bindings cascade
    })();
    this.state.bump();
  }

  // ---- special apps / users ----

  private toSpecial(instanceId: string, s: SpecialRow) {
    const app = s.object_type === 'APP' ? (prep(this.db, 'SELECT name FROM apps WHERE id = ?').get(s.object_id) as { name: string } | undefined)?.name ?? '' : '';
    return {
      id: s.id, throttle_id: s.throttle_id, object_id: s.object_id, object_type: s.object_type, object_name: app || s.object_id,
      call_limits: s.call_limits, apply_time: isoSeconds(s.apply_time), ...(s.object_type === 'APP' ? { app_id: s.object_id, app_name: app } : {}),
      instance_id: instanceId,
    };
  }

  specials(instanceId: string, id: string, f: { object_type?: string; app_name?: string }) {
    this.get(instanceId, id);
    const rows = prep(this.db, 'SELECT * FROM apic_throttle_specials WHERE throttle_id = ? ORDER BY apply_time').all(id) as SpecialRow[];
    return rows.map((s) => this.toSpecial(instanceId, s)).map(({ instance_id: _drop, ...s }) => s)
      .filter((s) => (!f.object_type || s.object_type === f.object_type) && (!f.app_name || fuzzy(s.app_name ?? '', f.app_name)));
  }

  private special(id: string, sid: string): SpecialRow {
    const s = prep(this.db, 'SELECT * FROM apic_throttle_specials WHERE id = ? AND throttle_id = ?').get(sid, id) as SpecialRow | undefined;
    if (!s) throw APIC.specialNotFound(sid);
    return s;
  }

  createSpecial(instanceId: string, id: string, req: { object_id: string; object_type: 'APP' | 'USER'; call_limits: number }) {
    const sid = hex32();
    this.db.transaction(() => {
      const t = this.get(instanceId, id);
      if (req.object_type === 'APP') appName(this.db, instanceId, req.object_id);
      if (req.call_limits > t.api_call_limits) throw APIC.invalid(`parameterName:call_limits, must not exceed the policy's api_call_limits (${t.api_call_limits})`);
      if (prep(this.db, 'SELECT 1 FROM apic_throttle_specials WHERE throttle_id = ? AND object_type = ? AND object_id = ?').get(id, req.object_type, req.object_id)) {
        throw APIC.specialExists(req.object_type, req.object_id);
      }
      prep(this.db, 'INSERT INTO apic_throttle_specials (id, throttle_id, object_type, object_id, call_limits, apply_time) VALUES (?, ?, ?, ?, ?, ?)')
        .run(sid, id, req.object_type, req.object_id, req.call_limits, this.now());
    })();
    this.state.bump();
    const { instance_id: _drop, ...s } = this.toSpecial(instanceId, this.special(id, sid));
    return s;
  }

  updateSpecial(instanceId: string, id: string, sid: string, callLimits: number) {
    this.db.transaction(() => {
      const t = this.get(instanceId, id);
      this.special(id, sid);
      if (callLimits > t.api_call_limits) throw APIC.invalid(`parameterName:call_limits, must not exceed the policy's api_call_limits (${t.api_call_limits})`);
      prep(this.db, 'UPDATE apic_throttle_specials SET call_limits = ? WHERE id = ?').run(callLimits, sid);
    })();
    this.state.bump();
    const { instance_id: _drop, ...s } = this.toSpecial(instanceId, this.special(id, sid));
    return s;
  }

  deleteSpecial(instanceId: string, id: string, sid: string): void {
    this.get(instanceId, id);
    this.special(id, sid);
    prep(this.db, 'DELETE FROM apic_throttle_specials WHERE id = ?').run(sid);
    this.state.bump();
  }

  // ---- bindings ----

  /** All or nothing: an unknown publish record, or an API already carrying a policy in that env, refuses the call. */
  bind(instanceId: string, id: string, publishIds: string[]) {
    const t = this.now();
    const applys = this.db.transaction(() => {
      this.get(instanceId, id);
      return [...new Set(publishIds)].map((pid) => {
        const live = prep(this.db, `SELECT v.api_id, v.env_id, a.name AS api_name, e.name AS env_name FROM apic_versions v
          JOIN apic_apis a ON a.id = v.api_id JOIN apic_envs e ON e.instance_id = v.instance_id AND e.id = v.env_id
          WHERE v.publish_id = ? AND v.instance_id = ?`).get(pid, instanceId) as { api_id: string; env_id: string; api_name: string; env_name: string } | undefined;
        if (!live) throw APIC.publishNotFound(pid);
        if (prep(this.db, 'SELECT 1 FROM apic_throttle_bindings WHERE api_id = ? AND env_id = ?').get(live.api_id, live.env_id)) {
          throw APIC.apiHasThrottle(live.api_name, live.env_name);
        }
        const bid = hex32();
        prep(this.db, 'INSERT INTO apic_throttle_bindings (id, instance_id, throttle_id, api_id, env_id, publish_id, apply_time) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(bid, instanceId, id, live.api_id, live.env_id, pid, t);
        return { id: bid, strategy_id: id, publish_id: pid, scope: 1, apply_time: isoSeconds(t) };
      });
    })();
    this.state.bump();
    return { throttle_applys: applys };
  }

  binding(instanceId: string, bid: string): BindingRow {
    const b = prep(this.db, 'SELECT * FROM apic_throttle_bindings WHERE id = ? AND instance_id = ?').get(bid, instanceId) as BindingRow | undefined;
    if (!b) throw APIC.throttleBindingNotFound(bid);
    return b;
  }

  unbind(instanceId: string, bid: string): void {
    this.binding(instanceId, bid);
    prep(this.db, 'DELETE FROM apic_throttle_bindings WHERE id = ?').run(bid);
    this.state.bump();
  }

  /** Batch unbind: each id on its own; failures are reported, not thrown. */
  unbindMany(instanceId: string, ids: string[]) {
    const failure: { bind_id: string; error_code: string; error_msg: string }[] = [];
    let ok = 0;
    for (const bid of ids) {
      try { this.unbind(instanceId, bid); ok++; } catch (e) {
        const err = e as { code?: string; message: string };
        failure.push({ bind_id: bid, error_code: err.code ?? 'APIG.9999', error_msg: err.message });
      }
    }
    return { success_count: ok, failure };
  }

  bindings(instanceId: string): BindingRow[] {
    return prep(this.db, 'SELECT * FROM apic_throttle_bindings WHERE instance_id = ? ORDER BY apply_time').all(instanceId) as BindingRow[];
  }
}
