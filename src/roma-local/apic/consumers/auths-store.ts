// App authorisations: which integration app may call which API in which environment. The
// gateway's app-auth stage reads apic_app_auths directly (one indexed lookup per call).
import type { ApiAuthCreateRequest } from '../../../contract/index';
import type { Db } from '../../db/open';
import { fuzzy, hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import type { ApicStores } from '../stores';
import { nextSeq, prep } from '../store/state';
import type { ConsumerAppStore } from './apps-store';

/** One authorisation joined with its API, group, env and app, as the listings show it. */
interface AuthJoined {
  id: string; app_id: string; api_id: string; env_id: string; auth_tunnel: string; auth_whitelist: string; auth_blacklist: string;
  visit_param: string; auth_time: number; api_name: string; api_type: number; api_remark: string; group_id: string;
  group_name: string; env_name: string; app_name: string; app_remark: string; publish_id: string | null;
}

const JOINED = `SELECT x.*, p.name AS api_name, p.type AS api_type, json_extract(p.def, '$.remark') AS api_remark, p.group_id,
    g.name AS group_name, e.name AS env_name, a.name AS app_name, a.remark AS app_remark, l.publish_id
  FROM apic_app_auths x
  JOIN apic_apis p ON p.id = x.api_id JOIN apic_groups g ON g.id = p.group_id
  JOIN apic_envs e ON e.instance_id = x.instance_id AND e.id = x.env_id JOIN apps a ON a.id = x.app_id
  LEFT JOIN apic_live l ON l.api_id = x.api_id AND l.env_id = x.env_id
  WHERE x.instance_id = ?`;

export function toAuthInfo(r: AuthJoined) {
  return {
    id: r.id, api_id: r.api_id, api_name: r.api_name, group_id: r.group_id, group_name: r.group_name, api_type: r.api_type,
    api_remark: r.api_remark ?? '', env_id: r.env_id, env_name: r.env_name, auth_role: 'CONSUMER' as const, auth_time: isoSeconds(r.auth_time),
    app_id: r.app_id, app_name: r.app_name, app_remark: r.app_remark, app_type: 'roma' as const, app_creator: 'USER', publish_id: r.publish_id ?? '',
    auth_tunnel: r.auth_tunnel as 'NORMAL' | 'GREEN', auth_whitelist: JSON.parse(r.auth_whitelist) as string[],
    auth_blacklist: JSON.parse(r.auth_blacklist) as string[], visit_param: r.visit_param, roma_app_type: 'integration',
  };
}

export interface AuthFilter {
  app_id?: string; api_id?: string; env_id?: string; app_name?: string; api_name?: string; group_id?: string; group_name?: string;
}

export class AppAuthStore {
  constructor(private readonly db: Db, private readonly now: () => number, private readonly s: ApicStores, private readonly apps: ConsumerAppStore) {}

  list(instanceId: string, f: AuthFilter) {
    const rows = prep(this.db, `${JOINED} ORDER BY x.seq DESC`).all(instanceId) as AuthJoined[];
    return rows.filter((r) => (f.app_id === undefined || r.app_id === f.app_id) && (f.api_id === undefined || r.api_id === f.api_id)
      && (f.env_id === undefined || r.env_id === f.env_id) && (f.group_id === undefined || r.group_id === f.group_id)
      && (f.app_name === undefined || fuzzy(r.app_name, f.app_name)) && (f.api_name === undefined || fuzzy(r.api_name, f.api_name))
      && (f.group_name === undefined || fuzzy(r.group_name, f.group_name))).map(toAuthInfo);
  }

  /** APIs published in the env, with APP auth there, not yet authorised to the app. */
  unbound(instanceId: string, q: { app_id: string; env_id: string; group_id?: string; api_id?: string; api_name?: string }) {
    this.apps.app(instanceId, q.app_id);
    const env = this.s.envs.get(instanceId, q.env_id);
    const rows = prep(this.db, `SELECT p.id, p.name, p.group_id, g.name AS group_name, p.type, json_extract(p.def, '$.remark') AS remark,
        l.publish_id, json_extract(v.snapshot, '$.auth_type') AS auth_type, json_extract(v.snapshot, '$.req_method') AS req_method,
        json_extract(v.snapshot, '$.req_uri') AS req_uri
      FROM apic_live l JOIN apic_apis p ON p.id = l.api_id JOIN apic_groups g ON g.id = p.group_id JOIN apic_versions v ON v.id = l.version_id
      WHERE l.instance_id = ? AND l.env_id = ?
        AND NOT EXISTS (SELECT 1 FROM apic_app_auths x WHERE x.api_id = p.id AND x.env_id = l.env_id AND x.app_id = ?)
      ORDER BY p.seq DESC`).all(instanceId, env.id, q.app_id) as { id: string; name: string; group_id: string; auth_type: string; remark: string | null }[];
    return rows.filter((r) => r.auth_type === 'APP' && (q.group_id === undefined || r.group_id === q.group_id)
      && (q.api_id === undefined || r.id === q.api_id) && (q.api_name === undefined || fuzzy(r.name, q.api_name)))
      .map((r) => ({ ...r, remark: r.remark ?? '', run_env_name: env.name, run_env_id: env.id }));
  }

  /**
   * Authorises every app to every API in the env, all or nothing: unknown ids are 404s; an API not
   * published there, not using APP auth there, or a pair already authorised refuses the request.
   */
  create(instanceId: string, req: ApiAuthCreateRequest) {
    const ids = { apps: [...new Set(req.app_ids)], apis: [...new Set(req.api_ids)] };
    const created = this.db.transaction(() => {
      const env = this.s.envs.get(instanceId, req.env_id);
      const apps = ids.apps.map((a) => this.apps.app(instanceId, a));
      const apis = ids.apis.map((a) => this.s.apis.row(instanceId, a));
      for (const api of apis) {
        const live = prep(this.db, `SELECT json_extract(v.snapshot, '$.auth_type') AS auth_type FROM apic_live l
          JOIN apic_versions v ON v.id = l.version_id WHERE l.api_id = ? AND l.env_id = ?`).get(api.id, env.id) as { auth_type: string } | undefined;
        if (!live) throw APIC.notPublished(api.name, env.name);
        if (live.auth_type !== 'APP') throw APIC.notAppAuthApi(api.name);
      }
      const out = [];
      const time = this.now();
      const exists = prep(this.db, 'SELECT 1 FROM apic_app_auths WHERE api_id = ? AND env_id = ? AND app_id = ?');
      const insert = prep(this.db, `INSERT INTO apic_app_auths (id, instance_id, app_id, api_id, env_id, auth_tunnel, auth_whitelist,
        auth_blacklist, visit_param, auth_time, seq) VALUES (@id, @instance_id, @app_id, @api_id, @env_id, @auth_tunnel, @auth_whitelist,
        @auth_blacklist, @visit_param, @auth_time, @seq)`);
      for (const app of apps) {
        for (const api of apis) {
          if (exists.get(api.id, env.id, app.id)) throw APIC.appAuthExists(app.name, api.name, env.name);
          const visit = req.visit_params?.find((v) => v.api_id === api.id && (v.app_id === undefined || v.app_id === app.id));
          const row = {
            id: hex32(), instance_id: instanceId, app_id: app.id, api_id: api.id, env_id: env.id, auth_tunnel: req.auth_tunnel ?? 'NORMAL',
            auth_whitelist: JSON.stringify(req.auth_whitelist ?? []), auth_blacklist: JSON.stringify(req.auth_blacklist ?? []),
            visit_param: visit?.visit_param ?? '', auth_time: time, seq: nextSeq(this.db, 'apic_app_auths'),
          };
          insert.run(row);
          out.push({
            id: row.id, api_id: api.id, app_id: app.id, auth_role: 'CONSUMER' as const, auth_time: isoSeconds(time), auth_tunnel: row.auth_tunnel,
            auth_whitelist: req.auth_whitelist ?? [], auth_blacklist: req.auth_blacklist ?? [], visit_params: visit ? [visit] : [],
            auth_result: { status: 'SUCCESS' as const, error_code: '', error_msg: '', api_name: api.name, app_name: app.name },
          });
        }
      }
      return out;
    })();
    return { auths: created };
  }

  cancel(instanceId: string, id: string): void {
    this.db.transaction(() => {
      const hit = prep(this.db, 'DELETE FROM apic_app_auths WHERE id = ? AND instance_id = ?').run(id, instanceId);
      if (hit.changes === 0) throw APIC.appAuthNotFound(id);
    })();
  }
}
