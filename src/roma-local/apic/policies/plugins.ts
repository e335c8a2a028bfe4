// Plugins: CRUD, and attachments to APIs per environment (one plugin of a type per API and env).
import { type PluginCreateRequest, type PluginType } from '../../../contract/index';
import type { Db } from '../../db/open';
import { fuzzy, hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import { appName, nextSeq, preciseSet, prep } from '../store/state';
import type { PluginRow, PolicyState } from './state';

export const toPlugin = (p: PluginRow, romaAppName: string) => ({
  plugin_id: p.id, plugin_name: p.name, plugin_type: p.type as PluginType, plugin_scope: p.scope as 'global' | 'app',
  plugin_content: p.content, remark: p.remark, roma_app_id: p.roma_app_id, roma_app_name: romaAppName,
  create_time: isoSeconds(p.create_time), update_time: isoSeconds(p.update_time),
});

export interface AttachRow { id: string; plugin_id: string; plugin_type: string; api_id: string; env_id: string; attached_time: number }
export interface PluginFilter { plugin_type?: string; plugin_scope?: string; plugin_id?: string; plugin_name?: string; precise_search?: string; roma_app_id?: string; roma_app_name?: string }

export class PluginStore {
  constructor(private readonly db: Db, private readonly now: () => number, private readonly state: PolicyState) {}

  row(instanceId: string, id: string): PluginRow {
    const p = prep(this.db, 'SELECT * FROM apic_plugins WHERE id = ? AND instance_id = ?').get(id, instanceId) as PluginRow | undefined;
    if (!p) throw APIC.pluginNotFound(id);
    return p;
  }

  private appNameOf(p: PluginRow): string {
    return p.roma_app_id ? (prep(this.db, 'SELECT name FROM apps WHERE id = ?').get(p.roma_app_id) as { name: string } | undefined)?.name ?? '' : '';
  }

  view(instanceId: string, id: string) {
    const p = this.row(instanceId, id);
    return toPlugin(p, this.appNameOf(p));
  }

  list(instanceId: string, f: PluginFilter) {
    const exact = preciseSet(f.precise_search).has('plugin_name');
    const rows = prep(this.db, 'SELECT * FROM apic_plugins WHERE instance_id = ? ORDER BY create_time DESC, seq DESC').all(instanceId) as PluginRow[];
    return rows.map((p) => toPlugin(p, this.appNameOf(p))).filter((p) => (!f.plugin_type || p.plugin_type === f.plugin_type)
      && (!f.plugin_scope || p.plugin_scope === f.plugin_scope) && (!f.plugin_id || p.plugin_id === f.plugin_id)
      && (!f.plugin_name || (exact ? p.plugin_name === f.plugin_name : fuzzy(p.plugin_name, f.plugin_name)))
      && (!f.roma_app_id || p.roma_app_id === f.roma_app_id) && (!f.roma_app_name || fuzzy(p.roma_app_name, f.roma_app_name)));
  }

  private check(instanceId: string, req: PluginCreateRequest, exceptId = ''): void {
    if (prep(this.db, 'SELECT 1 FROM apic_plugins WHERE instance_id = ? AND lower(name) = lower(?) AND id <> ?').get(instanceId, req.plugin_name, exceptId)) {
      throw APIC.pluginNameExists(req.plugin_name);
    }
    if (req.roma_app_id) appName(this.db, instanceId, req.roma_app_id);
  }

  create(instanceId: string, req: PluginCreateRequest) {
    const id = hex32();
    const t = this.now();
    this.db.transaction(() => {
      this.check(instanceId, req);
      prep(this.db, `INSERT INTO apic_plugins (id, instance_id, name, type, scope, content, roma_app_id, remark, create_time, update_time, seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, instanceId, req.plugin_name, req.plugin_type, req.plugin_scope, req.plugin_content,
        req.roma_app_id ?? '', req.remark ?? '', t, t, nextSeq(this.db, 'apic_plugins'));
    })();
    this.state.bump();
    return this.view(instanceId, id);
  }

  update(instanceId: string, id: string, req: PluginCreateRequest) {
    this.db.transaction(() => {
      const p = this.row(instanceId, id);
      this.check(instanceId, req, id);
      if (p.type !== req.plugin_type && this.attachedCount(id) > 0) throw APIC.pluginTypeLocked();
      prep(this.db, 'UPDATE apic_plugins SET name = ?, type = ?, scope = ?, content = ?, roma_app_id = ?, remark = ?, update_time = ? WHERE id = ?')
        .run(req.plugin_name, req.plugin_type, req.plugin_scope, req.plugin_content, req.roma_app_id ?? '', req.remark ?? '', this.now(), id);
    })();
    this.state.bump();
    return this.view(instanceId, id);
  }

  attachedCount(id: string): number {
    return (prep(this.db, 'SELECT COUNT(*) AS n FROM apic_plugin_attachments WHERE plugin_id = ?').get(id) as { n: number }).n;
  }

  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      this.row(instanceId, id);
      const n = this.attachedCount(id);
      if (n > 0) throw APIC.pluginAttached(n);
      prep(this.db, 'DELETE FROM apic_plugins WHERE id = ?').run(id);
    })();
    this.state.bump();
  }

  /** Attaches plugins × APIs in one env, all or nothing. Re-attaching the same pair is a no-op. */
  attach(instanceId: string, envId: string, pluginIds: string[], apiIds: string[], envName: string) {
    const t = this.now();
    const out = this.db.transaction(() => {
      const res = [];
      for (const pid of new Set(pluginIds)) {
        const p = this.row(instanceId, pid);
        for (const aid of new Set(apiIds)) {
          const api = prep(this.db, 'SELECT name FROM apic_apis WHERE id = ? AND instance_id = ?').get(aid, instanceId) as { name: string } | undefined;
          if (!api) throw APIC.apiNotFound(aid);
          const hit = prep(this.db, 'SELECT * FROM apic_plugin_attachments WHERE api_id = ? AND env_id = ? AND plugin_type = ?')
            .get(aid, envId, p.type) as AttachRow | undefined;
          if (hit && hit.plugin_id !== pid) throw APIC.pluginTypeAttached(p.type, api.name, envName);
          const id = hit?.id ?? hex32();
          if (!hit) {
            prep(this.db, 'INSERT INTO apic_plugin_attachments (id, instance_id, plugin_id, plugin_type, api_id, env_id, attached_time) VALUES (?, ?, ?, ?, ?, ?, ?)')
              .run(id, instanceId, pid, p.type, aid, envId, t);
          }
          res.push({ plugin_attach_id: id, plugin_id: pid, plugin_name: p.name, plugin_type: p.type, plugin_scope: p.scope,
            env_id: envId, env_name: envName, api_id: aid, api_name: api.name, attached_time: isoSeconds(hit?.attached_time ?? t) });
        }
      }
      return res;
    })();
    this.state.bump();
    return { attached_plugins: out };
  }

  /** Detaches plugins × APIs in one env (unknown plugin: 404; pairs not attached are skipped). */
  detach(instanceId: string, envId: string, pluginIds: string[], apiIds: string[]): void {
    this.db.transaction(() => {
      for (const pid of pluginIds) {
        this.row(instanceId, pid);
        for (const aid of apiIds) prep(this.db, 'DELETE FROM apic_plugin_attachments WHERE plugin_id = ? AND api_id = ? AND env_id = ?').run(pid, aid, envId);
      }
    })();
    this.state.bump();
  }

  attachments(instanceId: string, f: { plugin_id?: string; api_id?: string; env_id?: string } = {}): AttachRow[] {
    const rows = prep(this.db, 'SELECT * FROM apic_plugin_attachments WHERE instance_id = ? ORDER BY attached_time').all(instanceId) as AttachRow[];
    return rows.filter((r) => (!f.plugin_id || r.plugin_id === f.plugin_id) && (!f.api_id || r.api_id === f.api_id) && (!f.env_id || r.env_id === f.env_id));
  }

  all(instanceId: string): PluginRow[] {
    return prep(this.db, 'SELECT * FROM apic_plugins WHERE instance_id = ? ORDER BY create_time DESC, seq DESC').all(instanceId) as PluginRow[];
  }
}
