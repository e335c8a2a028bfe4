// APIs: the draft definition (validated ApiCreate, with generated ids) and the API view the
// management API answers with. Duplicates in a group (name; method + path) are refused.
import type { ApiCheckRequest, ApiDefinition } from '../../../contract/index';
import type { Db } from '../../db/open';
import { hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import type { GroupStore, GroupView } from './groups';
import { appName, appNames, nextSeq, preciseSet, prep, type ApicState } from './state';

export interface ApiRow {
  id: string; instance_id: string; group_id: string; name: string; type: number; req_protocol: string; req_method: string;
  req_uri: string; path_key: string; match_mode: string; auth_type: string; backend_type: string; roma_app_id: string;
  vpc_channel_id: string; def: string; register_time: number; update_time: number; seq: number;
}
/** Where an API is live: one entry per environment. */
export interface LiveInfo { env_id: string; env_name: string; publish_id: string; publish_time: number }

/** `{id}` and `{id+}` blanked, so `/u/{id}` and `/u/{name}` are the same path. */
export const pathKey = (uri: string): string => uri.replace(/\{[^}/]*?(\+?)\}/g, '{$1}');

type Stored = ApiDefinition; // sub-objects also carry generated `id`s (kept by the spreads in toApi)

/** Generated ids for every sub-object, as the vendor returns them. */
function withIds(def: ApiDefinition): Stored {
  const req_params = (def.req_params ?? []).map((p) => ({ ...p, id: hex32() }));
  const byName = new Map(req_params.map((p) => [p.name, p.id]));
  return ({
    ...def,
    req_params,
    backend_params: (def.backend_params ?? []).map((b) => ({
      ...b, id: hex32(), ...(b.origin === 'REQUEST' ? { req_param_id: byName.get(b.value) ?? '' } : {}),
    })),
    ...(def.backend_api ? { backend_api: { ...def.backend_api, id: hex32() } } : {}),
    ...(def.mock_info ? { mock_info: { ...def.mock_info, id: hex32() } } : {}),
    ...(def.func_info ? { func_info: { ...def.func_info, id: hex32() } } : {}),
    ...(def.policy_https ? { policy_https: def.policy_https.map((p) => ({ ...p, id: hex32() })) } : {}),
    ...(def.policy_mocks ? { policy_mocks: def.policy_mocks.map((p) => ({ ...p, id: hex32() })) } : {}),
    ...(def.policy_functions ? { policy_functions: def.policy_functions.map((p) => ({ ...p, id: hex32() })) } : {}),
  }) as Stored;
}

/** (chosen) Validation is on by default when a rule is set or the type is NUMBER, else off. */
function defaultValidEnable(p: NonNullable<ApiDefinition['req_params']>[number]): 1 | 2 {
  const ruled = [p.min_num, p.max_num, p.min_size, p.max_size].some((x) => x !== undefined) || !!p.enumerations;
  return ruled || p.type === 'NUMBER' ? 1 : 2;
}

/** The API object of the management API, built from a row, its group and where it is live. */
export function toApi(row: ApiRow, group: GroupView, romaAppName: string, live: LiveInfo[]) {
  const d = JSON.parse(row.def) as Stored;
  const times = { status: 1 as const, register_time: isoSeconds(row.register_time), update_time: isoSeconds(row.update_time) };
  return {
    name: d.name, type: d.type, version: d.version ?? '', req_protocol: d.req_protocol, req_method: d.req_method, req_uri: d.req_uri,
    auth_type: d.auth_type, auth_opt: { app_code_auth_type: d.auth_opt?.app_code_auth_type ?? ('DISABLE' as const) },
    cors: d.cors ?? false, match_mode: d.match_mode ?? ('NORMAL' as const), backend_type: d.backend_type, remark: d.remark ?? '',
    group_id: row.group_id, body_remark: d.body_remark ?? '', result_normal_sample: d.result_normal_sample ?? '',
    result_failure_sample: d.result_failure_sample ?? '', authorizer_id: d.authorizer_id ?? '',
    tags: d.tags ?? (d.tag ? [d.tag] : []), response_id: d.response_id ?? '', roma_app_id: row.roma_app_id,
    domain_name: d.domain_name ?? '', tag: d.tag ?? '', ...(d.content_type ? { content_type: d.content_type } : {}),
    id: row.id, status: 1 as const, arrange_necessary: 2 as const,
    register_time: times.register_time, update_time: times.update_time,
    group_name: group.name, group_version: group.version,
    run_env_name: live.map((l) => l.env_name).join('|'), run_env_id: live.map((l) => l.env_id).join('|'),
    publish_id: live.map((l) => l.publish_id).join('|'), publish_time: live.map((l) => isoSeconds(l.publish_time)).join('|'),
    roma_app_name: romaAppName, ld_api_id: '',
    ...(d.backend_api ? {
      backend_api: {
        ...d.backend_api, retry_count: d.backend_api.retry_count ?? '-1', enable_client_ssl: d.backend_api.enable_client_ssl ?? false,
        vpc_channel_status: d.backend_api.vpc_channel_status ?? 2, remark: d.backend_api.remark ?? '', ...times,
      },
    } : {}),
    api_group_info: {
      id: group.id, name: group.name, status: group.status, sl_domain: group.sl_domain, sl_domains: group.sl_domains,
      url_domains: group.url_domains, remark: group.remark, version: group.version, roma_app_id: group.roma_app_id,
      roma_app_name: group.roma_app_name,
    },
    ...(d.mock_info ? { mock_info: { ...d.mock_info, status_code: d.mock_info.status_code ?? 200, ...times } } : {}),
    ...(d.func_info ? { func_info: { ...d.func_info, ...times } } : {}),
    req_params: (d.req_params ?? []).map((p) => ({
      ...p, required: p.required ?? (p.location === 'PATH' ? 1 : 2), valid_enable: p.valid_enable ?? defaultValidEnable(p), pass_through: p.pass_through ?? 1,
    })),
    backend_params: d.backend_params ?? [],
    policy_https: d.policy_https ?? [], policy_mocks: d.policy_mocks ?? [], policy_functions: d.policy_functions ?? [],
  };
}
export type ApiView = ReturnType<typeof toApi>;

export interface ApiFilter {
  id?: string; name?: string; group_id?: string; req_protocol?: string; req_method?: string; req_uri?: string; auth_type?: string;
  env_id?: string; type?: number; precise_search?: string; vpc_channel_id?: string; vpc_channel_name?: string;
  roma_app_name?: string; roma_app_id?: string;
}

const like = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class ApiStore {
  constructor(private readonly db: Db, private readonly now: () => number, private readonly state: ApicState, private readonly groups: GroupStore) {}

  row(instanceId: string, id: string): ApiRow {
    const r = prep(this.db, 'SELECT * FROM apic_apis WHERE id = ? AND instance_id = ?').get(id, instanceId) as ApiRow | undefined;
    if (!r) throw APIC.apiNotFound(id);
    return r;
  }

  live(apiIds: string[]): Map<string, LiveInfo[]> {
    const out = new Map<string, LiveInfo[]>();
    if (apiIds.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT l.api_id, l.env_id, e.name AS env_name, l.publish_id, l.publish_time FROM apic_live l
         JOIN apic_envs e ON e.instance_id = l.instance_id AND e.id = l.env_id
         WHERE l.api_id IN (${apiIds.map(() => '?').join(',')}) ORDER BY e.create_time, e.name`,
      )
      .all(...apiIds) as (LiveInfo & { api_id: string })[];
    for (const { api_id, ...l } of rows) out.set(api_id, [...(out.get(api_id) ?? []), l]);
    return out;
  }

  views(instanceId: string, rows: ApiRow[]): ApiView[] {
    const groupIds = [...new Set(rows.map((r) => r.group_id))];
    const groups = new Map(groupIds.map((g) => [g, this.groups.view(instanceId, g)]));
    const apps = appNames(this.db, rows.map((r) => r.roma_app_id));
    const live = this.live(rows.map((r) => r.id));
    return rows.map((r) => toApi(r, groups.get(r.group_id)!, apps.get(r.roma_app_id) ?? '', live.get(r.id) ?? []));
  }

  view(instanceId: string, id: string): ApiView {
    return this.views(instanceId, [this.row(instanceId, id)])[0]!;
  }

  /** A page of matching APIs (newest first) and the total, filtered in SQL so big groups stay fast. */
  list(instanceId: string, f: ApiFilter, offset: number, limit: number): { total: number; rows: ApiRow[] } {
    const precise = preciseSet(f.precise_search);
    // A group filter: the group's instance is checked once, so the count and the page run on the
    // (group_id, seq) index alone, without reading 5 000 table rows to compare their instance.
    if (f.group_id && !prep(this.db, 'SELECT 1 FROM apic_groups WHERE id = ? AND instance_id = ?').get(f.group_id, instanceId)) return { total: 0, rows: [] };
    const where = f.group_id ? [] : ['a.instance_id = @instance'];
    const p: Record<string, unknown> = f.group_id ? {} : { instance: instanceId };
    const eq = (col: string, key: keyof ApiFilter) => {
      if (f[key] !== undefined && f[key] !== '') { where.push(`a.${col} = @${key}`); p[key] = f[key]; }
    };
    eq('id', 'id'); eq('group_id', 'group_id'); eq('req_protocol', 'req_protocol'); eq('req_method', 'req_method');
    eq('auth_type', 'auth_type'); eq('type', 'type'); eq('vpc_channel_id', 'vpc_channel_id'); eq('roma_app_id', 'roma_app_id');
    for (const key of ['name', 'req_uri'] as const) {
      if (!f[key]) continue;
      if (precise.has(key)) where.push(`a.${key} = @${key}`);
      else where.push(`a.${key} LIKE @${key} ESCAPE '\\'`);
      p[key] = precise.has(key) ? f[key] : like(f[key]!);
    }
    if (f.env_id) { where.push('EXISTS (SELECT 1 FROM apic_live l WHERE l.api_id = a.id AND l.env_id = @env_id)'); p.env_id = f.env_id; }
    if (f.roma_app_name) {
      where.push(`EXISTS (SELECT 1 FROM apps x WHERE x.id = a.roma_app_id AND x.name ${precise.has('roma_app_name') ? '= @app_name' : "LIKE @app_name ESCAPE '\\'"})`);
      p.app_name = precise.has('roma_app_name') ? f.roma_app_name : like(f.roma_app_name);
    }
    if (f.vpc_channel_name) where.push('0'); // roma-local has no VPC channels
    const sql = where.join(' AND ') || '1';
    const { n } = prep(this.db, `SELECT COUNT(*) AS n FROM apic_apis a WHERE ${sql}`).get(p) as { n: number };
    const rows = prep(this.db, `SELECT a.* FROM apic_apis a WHERE ${sql} ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`)
      .all({ ...p, limit, offset }) as ApiRow[];
    return { total: n, rows };
  }

  /** Conflicts of a name / method+path in a group, ignoring `exceptId`. */
  private assertFree(groupId: string, name: string | undefined, method: string | undefined, uri: string | undefined, mode: string, exceptId = ''): void {
    if (name !== undefined && prep(this.db, 'SELECT 1 FROM apic_apis WHERE group_id = ? AND name = ? AND id <> ?').get(groupId, name, exceptId)) {
      throw APIC.apiNameExists(name);
    }
    if (method && uri) {
      const hit = this.db
        .prepare(
          `SELECT 1 FROM apic_apis WHERE group_id = ? AND path_key = ? AND match_mode = ? AND id <> ?
             AND (req_method = ? OR req_method = 'ANY' OR ? = 'ANY')`,
        )
        .get(groupId, pathKey(uri), mode, exceptId, method, method);
      if (hit) throw APIC.apiPathExists(method, uri);
    }
  }

  check(instanceId: string, req: ApiCheckRequest): void {
    const groupIds = req.group_id ? [this.groups.row(instanceId, req.group_id).id]
      : (prep(this.db, 'SELECT id FROM apic_groups WHERE instance_id = ? AND (? IS NULL OR roma_app_id = ?)')
        .all(instanceId, req.roma_app_id ?? null, req.roma_app_id ?? null) as { id: string }[]).map((g) => g.id);
    for (const g of groupIds) {
      if (req.type === 'name') this.assertFree(g, req.name, undefined, undefined, '', req.api_id);
      else this.assertFree(g, undefined, req.req_method, req.req_uri, req.match_mode ?? 'NORMAL', req.api_id);
    }
  }

  private write(instanceId: string, def: ApiDefinition, existing?: ApiRow): string {
    const id = existing?.id ?? hex32();
    const now = this.now();
    const group = this.groups.row(instanceId, def.group_id);
    const appId = def.roma_app_id || group.roma_app_id;
    if (appId) appName(this.db, instanceId, appId);
    const mode = def.match_mode ?? 'NORMAL';
    this.assertFree(group.id, def.name, def.req_method, def.req_uri, mode, id);
    const cols = {
      id, instance_id: instanceId, group_id: group.id, name: def.name, type: def.type, req_protocol: def.req_protocol,
      req_method: def.req_method, req_uri: def.req_uri, path_key: pathKey(def.req_uri), match_mode: mode, auth_type: def.auth_type,
      backend_type: def.backend_type, roma_app_id: appId, vpc_channel_id: def.backend_api?.vpc_channel_info?.vpc_channel_id ?? '',
      def: JSON.stringify(withIds(def)), register_time: existing?.register_time ?? now, update_time: now,
      seq: existing?.seq ?? nextSeq(this.db, 'apic_apis'),
    };
    const names = Object.keys(cols);
    // an UPDATE, not INSERT OR REPLACE: a replace would cascade-delete the API's versions
    if (existing) prep(this.db, `UPDATE apic_apis SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run(cols);
    else prep(this.db, `INSERT INTO apic_apis (${names.join(',')}) VALUES (${names.map((n) => `@${n}`).join(',')})`).run(cols);
    return id;
  }

  /** Creates (or, with `id`, replaces) a definition and returns the id: the import's fast path. */
  save(instanceId: string, def: ApiDefinition, id?: string): string {
    const out = this.db.transaction(() => this.write(instanceId, def, id === undefined ? undefined : this.row(instanceId, id)))();
    this.state.bump();
    return out;
  }

  create(instanceId: string, def: ApiDefinition): ApiView {
    return this.view(instanceId, this.save(instanceId, def));
  }

  update(instanceId: string, id: string, def: ApiDefinition): ApiView {
    return this.view(instanceId, this.save(instanceId, def, id));
  }

  /** Deleting an API takes it offline everywhere and drops its version history. */
  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      this.row(instanceId, id);
      prep(this.db, 'DELETE FROM apic_live WHERE api_id = ?').run(id);
      prep(this.db, 'DELETE FROM apic_versions WHERE api_id = ?').run(id);
      prep(this.db, 'DELETE FROM apic_apis WHERE id = ?').run(id);
    })();
    this.state.bump();
  }

  /** Distinct tags of the instance's APIs (ListTagsV2). */
  tags(instanceId: string): string[] {
    const set = new Set<string>();
    for (const r of prep(this.db, 'SELECT def FROM apic_apis WHERE instance_id = ?').all(instanceId) as { def: string }[]) {
      for (const t of (JSON.parse(r.def) as ApiDefinition).tags ?? []) set.add(t);
    }
    return [...set].sort();
  }
}
