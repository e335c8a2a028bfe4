// Published APIs (one row per API and environment it is live in), as the binding listings of
// throttling policies and plugins show them.
import type { Db } from '../../db/open';
import { fuzzy } from '../../util';
import { prep } from '../store/state';

export interface LiveApi {
  api_id: string; api_name: string; type: number; req_protocol: string; req_method: string; req_uri: string; auth_type: string;
  match_mode: string; remark: string; group_id: string; group_name: string; roma_app_id: string; env_id: string; env_name: string;
  publish_id: string;
}

export interface LiveApiFilter { env_id?: string; group_id?: string; api_id?: string; api_name?: string; req_method?: string; req_uri?: string }

export function liveApis(db: Db, instanceId: string, f: LiveApiFilter = {}): LiveApi[] {
  const rows = prep(db, `SELECT a.id AS api_id, a.name AS api_name, a.type, a.req_protocol, a.req_method, a.req_uri, a.auth_type, a.match_mode,
      COALESCE(json_extract(a.def, '$.remark'), '') AS remark, a.group_id, g.name AS group_name, a.roma_app_id, l.env_id, e.name AS env_name, l.publish_id
    FROM apic_live l JOIN apic_apis a ON a.id = l.api_id JOIN apic_groups g ON g.id = a.group_id
    JOIN apic_envs e ON e.instance_id = l.instance_id AND e.id = l.env_id
    WHERE l.instance_id = ? ORDER BY a.name, e.name`).all(instanceId) as LiveApi[];
  return rows.filter((r) => (!f.env_id || r.env_id === f.env_id) && (!f.group_id || r.group_id === f.group_id)
    && (!f.api_id || r.api_id === f.api_id) && (!f.api_name || fuzzy(r.api_name, f.api_name))
    && (!f.req_method || r.req_method === f.req_method.toUpperCase()) && (!f.req_uri || fuzzy(r.req_uri, f.req_uri)));
}
