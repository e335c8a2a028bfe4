// Publishing: each publish freezes the API view as a version of one environment and makes it
// the live version there; the gateway serves live versions only, never the draft.
import { DEFAULT_ENV_ID } from '../../../contract/index';
import type { Db } from '../../db/open';
import { ApiError } from '../../errors';
import { hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import type { ApiStore, ApiView } from './apis';
import type { EnvStore } from './envs';
import type { GroupStore } from './groups';
import { prep, type ApicState } from './state';

export interface VersionRow {
  id: string; instance_id: string; api_id: string; env_id: string; version_no: string; remark: string;
  publish_id: string; publish_time: number; snapshot: string;
}
export interface LiveRow { api_id: string; env_id: string; instance_id: string; version_id: string; publish_id: string; publish_time: number }

const versionNo = (ms: number): string => new Date(ms).toISOString().replace(/[-:TZ.]/g, '').slice(0, 17);

export function publishResp(v: { publish_id: string; api_id: string; env_id: string; remark: string; publish_time: number; id: string }, apiName: string) {
  return {
    publish_id: v.publish_id, api_id: v.api_id, api_name: apiName, env_id: v.env_id, remark: v.remark,
    publish_time: isoSeconds(v.publish_time), version_id: v.id,
  };
}

export class PublishStore {
  constructor(
    private readonly db: Db, private readonly now: () => number, private readonly state: ApicState,
    private readonly apis: ApiStore, private readonly envs: EnvStore, private readonly groups: GroupStore,
  ) {}

  version(instanceId: string, id: string): VersionRow {
    const v = prep(this.db, 'SELECT * FROM apic_versions WHERE id = ? AND instance_id = ?').get(id, instanceId) as VersionRow | undefined;
    if (!v) throw APIC.versionNotFound(id);
    return v;
  }

  liveRow(apiId: string, envId: string): LiveRow | undefined {
    return prep(this.db, 'SELECT * FROM apic_live WHERE api_id = ? AND env_id = ?').get(apiId, envId) as LiveRow | undefined;
  }

  publish(instanceId: string, apiId: string, envId: string, remark = '') {
    const out = this.db.transaction(() => {
      const view = this.apis.view(instanceId, apiId);
      this.envs.get(instanceId, envId);
      const v: VersionRow = {
        id: hex32(), instance_id: instanceId, api_id: apiId, env_id: envId, version_no: versionNo(this.now()), remark,
        publish_id: hex32(), publish_time: this.now(), snapshot: JSON.stringify(view),
      };
      prep(this.db, 
        `INSERT INTO apic_versions (id, instance_id, api_id, env_id, version_no, remark, publish_id, publish_time, snapshot)
         VALUES (@id, @instance_id, @api_id, @env_id, @version_no, @remark, @publish_id, @publish_time, @snapshot)`,
      ).run(v);
      this.setLive(instanceId, apiId, envId, v.id, v.publish_id, v.publish_time);
      return publishResp(v, view.name);
    })();
    this.state.bump();
    return out;
  }

  private setLive(instanceId: string, apiId: string, envId: string, versionId: string, publishId: string, time: number): void {
    prep(this.db, 
      `INSERT INTO apic_live (api_id, env_id, instance_id, version_id, publish_id, publish_time) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (api_id, env_id) DO UPDATE SET version_id = excluded.version_id, publish_id = excluded.publish_id, publish_time = excluded.publish_time`,
    ).run(apiId, envId, instanceId, versionId, publishId, time);
  }

  offline(instanceId: string, apiId: string, envId: string, remark = '') {
    const out = this.db.transaction(() => {
      const api = this.apis.row(instanceId, apiId);
      const env = this.envs.get(instanceId, envId);
      const live = this.liveRow(apiId, envId);
      if (!live) throw APIC.notPublished(api.name, env.name);
      prep(this.db, 'DELETE FROM apic_live WHERE api_id = ? AND env_id = ?').run(apiId, envId);
      return publishResp({ publish_id: live.publish_id, api_id: apiId, env_id: envId, remark, publish_time: this.now(), id: live.version_id }, api.name);
    })();
    this.state.bump();
    return out;
  }

  /** Batch publish/offline: per-API failures are reported, not thrown. */
  batch(instanceId: string, action: 'online' | 'offline', apiIds: string[], envId: string, remark = '') {
    this.envs.get(instanceId, envId); // an unknown env fails the whole request
    const success: ReturnType<PublishStore['publish']>[] = [];
    const failure: { api_id: string; api_name: string; error_code: string; error_msg: string }[] = [];
    for (const id of [...new Set(apiIds)]) {
      try {
        success.push(action === 'online' ? this.publish(instanceId, id, envId, remark) : this.offline(instanceId, id, envId, remark));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const name = (prep(this.db, 'SELECT name FROM apic_apis WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
        failure.push({ api_id: id, api_name: name, error_code: err.code, error_msg: err.message });
      }
    }
    return { success, failure };
  }

  versions(instanceId: string, apiId: string, f: { env_id?: string; env_name?: string }) {
    this.apis.row(instanceId, apiId);
    const rows = prep(this.db, 
      `SELECT v.*, e.name AS env_name, l.version_id AS live_id FROM apic_versions v
       JOIN apic_envs e ON e.instance_id = v.instance_id AND e.id = v.env_id
       LEFT JOIN apic_live l ON l.api_id = v.api_id AND l.env_id = v.env_id
       WHERE v.api_id = ? ORDER BY v.publish_time DESC, v.rowid DESC`,
    ).all(apiId) as (VersionRow & { env_name: string; live_id: string | null })[];
    return rows
      .filter((r) => (!f.env_id || r.env_id === f.env_id) && (!f.env_name || r.env_name === f.env_name))
      .map((r) => ({
        version_id: r.id, version_no: r.version_no, api_id: r.api_id, env_id: r.env_id, env_name: r.env_name, remark: r.remark,
        publish_time: isoSeconds(r.publish_time), status: (r.live_id === r.id ? 1 : 2) as 1 | 2,
      }));
  }

  switchVersion(instanceId: string, apiId: string, versionId: string) {
    const out = this.db.transaction(() => {
      const api = this.apis.row(instanceId, apiId);
      const v = this.version(instanceId, versionId);
      if (v.api_id !== apiId) throw APIC.otherApiVersion(versionId);
      const publishId = hex32();
      this.setLive(instanceId, apiId, v.env_id, v.id, publishId, this.now());
      return publishResp({ ...v, publish_id: publishId, publish_time: this.now() }, api.name);
    })();
    this.state.bump();
    return out;
  }

  /** Take a version offline: only the live version of its environment can be. */
  deleteVersion(instanceId: string, versionId: string): void {
    this.db.transaction(() => {
      const v = this.version(instanceId, versionId);
      const live = this.liveRow(v.api_id, v.env_id);
      if (!live || live.version_id !== v.id) {
        throw APIC.notPublished(v.api_id, this.envs.get(instanceId, v.env_id).name);
      }
      prep(this.db, 'DELETE FROM apic_live WHERE api_id = ? AND env_id = ?').run(v.api_id, v.env_id);
    })();
    this.state.bump();
  }

  /** ListApiVersionDetailV2: the frozen view plus where it is served. */
  versionDetail(instanceId: string, versionId: string) {
    const v = this.version(instanceId, versionId);
    const snap = JSON.parse(v.snapshot) as ApiView;
    const env = this.envs.get(instanceId, v.env_id);
    const group = snap.api_group_info;
    return {
      ...snap, run_env_name: env.name, run_env_id: env.id, publish_id: v.publish_id, publish_time: isoSeconds(v.publish_time),
      version_id: v.id, sl_domain: group.sl_domain, sl_domains: group.sl_domains,
    };
  }

  /** ListApiRuntimeDefinitionV2: the frontend definition live in an env (RELEASE by default). */
  runtime(instanceId: string, apiId: string, envId = DEFAULT_ENV_ID) {
    const api = this.apis.row(instanceId, apiId);
    const env = this.envs.get(instanceId, envId);
    const live = this.liveRow(apiId, envId);
    if (!live) throw APIC.notPublished(api.name, env.name);
    const s = JSON.parse(this.version(instanceId, live.version_id).snapshot) as ApiView;
    const group = this.groups.view(instanceId, api.group_id);
    return {
      id: s.id, name: s.name, type: s.type, version: s.version, req_protocol: s.req_protocol, req_method: s.req_method,
      req_uri: s.req_uri, auth_type: s.auth_type, auth_opt: s.auth_opt, cors: s.cors, match_mode: s.match_mode, remark: s.remark,
      group_id: s.group_id, group_name: group.name, roma_app_id: s.roma_app_id, req_params: s.req_params,
      sl_domain: group.sl_domain, sl_domains: group.sl_domains, run_env_name: env.name, run_env_id: env.id,
      publish_id: live.publish_id, publish_time: isoSeconds(live.publish_time), version_id: live.version_id,
    };
  }

  /** Live versions of a group's APIs in an env (export of what is published). */
  liveViews(instanceId: string, groupId: string, envId: string): ApiView[] {
    const rows = prep(this.db, 
      `SELECT v.snapshot FROM apic_live l JOIN apic_versions v ON v.id = l.version_id JOIN apic_apis a ON a.id = l.api_id
       WHERE l.instance_id = ? AND l.env_id = ? AND a.group_id = ? ORDER BY a.seq`,
    ).all(instanceId, envId, groupId) as { snapshot: string }[];
    return rows.map((r) => JSON.parse(r.snapshot) as ApiView);
  }
}
