// API groups and the custom domains bound to them. Each group gets a system sub-domain
// `<id>.apic.localhost`: *.localhost resolves to the loopback address, so `curl` reaches the
// gateway with the right Host header and no /etc/hosts entry.
import type { AssociateDomainRequest, CreateApiGroupRequest, UpdateApiGroupRequest, UpdateDomainRequest } from '../../../contract/index';
import type { Db } from '../../db/open';
import { fuzzy, hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import { appName, appNames, nextSeq, preciseSet, prep, type ApicState } from './state';

export const SL_DOMAIN_SUFFIX = 'apic.localhost';

export interface GroupRow {
  id: string; instance_id: string; name: string; remark: string; roma_app_id: string; version: string;
  sl_domain: string; is_default: number; register_time: number; update_time: number; seq: number;
}
export interface DomainRow {
  id: string; instance_id: string; group_id: string; domain: string; min_ssl_version: string;
  redirect_https: number; verify_client_cert: number; create_time: number;
}

export function toUrlDomain(d: DomainRow) {
  return {
    id: d.id, domain: d.domain, cname_status: 3, ssl_id: '', ssl_name: '', min_ssl_version: d.min_ssl_version,
    verified_client_certificate_enabled: d.verify_client_cert === 1, is_has_trusted_root_ca: false,
    is_http_redirect_to_https: d.redirect_https === 1, ssl_infos: [],
  };
}
export function toDomainResponse(d: DomainRow) {
  return {
    url_domain: d.domain, id: d.id, status: 3 as const, min_ssl_version: d.min_ssl_version as 'TLSv1.1' | 'TLSv1.2',
    is_http_redirect_to_https: d.redirect_https === 1, verified_client_certificate_enabled: d.verify_client_cert === 1,
  };
}

export function toGroup(g: GroupRow, domains: DomainRow[], romaAppName: string) {
  return {
    id: g.id, name: g.name, status: 1 as const, sl_domain: g.sl_domain, register_time: isoSeconds(g.register_time),
    update_time: isoSeconds(g.update_time), on_sell_status: 2 as const, url_domains: domains.map(toUrlDomain),
    sl_domains: [g.sl_domain], remark: g.remark, is_default: (g.is_default === 1 ? 1 : 2) as 1 | 2,
    version: g.version as 'V1' | 'V2', roma_app_id: g.roma_app_id, roma_app_name: romaAppName,
  };
}
export type GroupView = ReturnType<typeof toGroup>;

export interface GroupFilter { id?: string; name?: string; roma_app_id?: string; precise_search?: string; domain_name?: string }

export class GroupStore {
  constructor(private readonly db: Db, private readonly now: () => number, private readonly state: ApicState) {}

  row(instanceId: string, id: string): GroupRow {
    const g = prep(this.db, 'SELECT * FROM apic_groups WHERE id = ? AND instance_id = ?').get(id, instanceId) as GroupRow | undefined;
    if (!g) throw APIC.groupNotFound(id);
    return g;
  }

  domains(groupIds: string[]): Map<string, DomainRow[]> {
    const out = new Map<string, DomainRow[]>();
    if (groupIds.length === 0) return out;
    const rows = this.db
      .prepare(`SELECT * FROM apic_domains WHERE group_id IN (${groupIds.map(() => '?').join(',')}) ORDER BY create_time, id`)
      .all(...groupIds) as DomainRow[];
    for (const r of rows) out.set(r.group_id, [...(out.get(r.group_id) ?? []), r]);
    return out;
  }

  views(rows: GroupRow[]): GroupView[] {
    const doms = this.domains(rows.map((r) => r.id));
    const names = appNames(this.db, rows.map((r) => r.roma_app_id));
    return rows.map((r) => toGroup(r, doms.get(r.id) ?? [], names.get(r.roma_app_id) ?? ''));
  }

  view(instanceId: string, id: string): GroupView {
    return this.views([this.row(instanceId, id)])[0]!;
  }

  list(instanceId: string, f: GroupFilter): GroupView[] {
    const precise = preciseSet(f.precise_search);
    let rows = prep(this.db, 'SELECT * FROM apic_groups WHERE instance_id = ? ORDER BY seq DESC').all(instanceId) as GroupRow[];
    if (f.id) rows = rows.filter((r) => r.id === f.id);
    if (f.roma_app_id) rows = rows.filter((r) => r.roma_app_id === f.roma_app_id);
    if (f.name) rows = rows.filter((r) => (precise.has('name') ? r.name === f.name : fuzzy(r.name, f.name!)));
    let views = this.views(rows);
    if (f.domain_name) {
      const d = f.domain_name.toLowerCase();
      views = views.filter((v) => v.sl_domain === d || v.url_domains.some((u) => (precise.has('domain_name') ? u.domain === d : u.domain.includes(d))));
    }
    return views;
  }

  private assertNameFree(instanceId: string, appId: string, name: string, exceptId = ''): void {
    const hit = this.db
      .prepare('SELECT 1 FROM apic_groups WHERE instance_id = ? AND roma_app_id = ? AND name = ? AND id <> ?')
      .get(instanceId, appId, name, exceptId);
    if (hit) throw APIC.groupNameExists(name);
  }

  check(instanceId: string, name: string, appId?: string): void {
    if (appId) appName(this.db, instanceId, appId);
    this.assertNameFree(instanceId, appId ?? '', name);
  }

  create(instanceId: string, req: CreateApiGroupRequest): GroupView {
    const id = hex32();
    const now = this.now();
    this.db.transaction(() => {
      const appId = req.roma_app_id ?? '';
      if (appId) appName(this.db, instanceId, appId);
      this.assertNameFree(instanceId, appId, req.name);
      this.db
        .prepare(
          `INSERT INTO apic_groups (id, instance_id, name, remark, roma_app_id, version, sl_domain, is_default, register_time, update_time, seq)
           VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?, ?)`,
        )
        .run(id, instanceId, req.name, req.remark ?? '', appId, req.version ?? (appId ? 'V2' : 'V1'), `${id}.${SL_DOMAIN_SUFFIX}`, now, now, nextSeq(this.db, 'apic_groups'));
    })();
    this.state.bump();
    return this.view(instanceId, id);
  }

  update(instanceId: string, id: string, req: UpdateApiGroupRequest): GroupView {
    this.db.transaction(() => {
      const g = this.row(instanceId, id);
      this.assertNameFree(instanceId, g.roma_app_id, req.name, id);
      prep(this.db, 'UPDATE apic_groups SET name = ?, remark = COALESCE(?, remark), update_time = ? WHERE id = ?')
        .run(req.name, req.remark ?? null, this.now(), id);
    })();
    this.state.bump();
    return this.view(instanceId, id);
  }

  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      this.row(instanceId, id);
      const { n } = prep(this.db, 'SELECT COUNT(*) AS n FROM apic_apis WHERE group_id = ?').get(id) as { n: number };
      if (n > 0) throw APIC.groupHasApis(n);
      prep(this.db, 'DELETE FROM apic_groups WHERE id = ?').run(id); // domains and variables cascade
    })();
    this.state.bump();
  }

  bindDomain(instanceId: string, groupId: string, req: AssociateDomainRequest): DomainRow {
    const id = hex32();
    const domain = req.url_domain.toLowerCase();
    this.db.transaction(() => {
      this.row(instanceId, groupId);
      const taken = prep(this.db, 'SELECT 1 FROM apic_domains WHERE domain = ?').get(domain)
        || prep(this.db, 'SELECT 1 FROM apic_groups WHERE sl_domain = ?').get(domain);
      if (taken || domain.endsWith(`.${SL_DOMAIN_SUFFIX}`)) throw APIC.domainBound(domain);
      this.db
        .prepare(
          `INSERT INTO apic_domains (id, instance_id, group_id, domain, min_ssl_version, redirect_https, verify_client_cert, create_time)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, instanceId, groupId, domain, req.min_ssl_version ?? 'TLSv1.1', req.is_http_redirect_to_https ? 1 : 0,
          req.verified_client_certificate_enabled ? 1 : 0, this.now());
    })();
    this.state.bump();
    return this.domainRow(instanceId, groupId, id);
  }

  domainRow(instanceId: string, groupId: string, id: string): DomainRow {
    this.row(instanceId, groupId);
    const d = prep(this.db, 'SELECT * FROM apic_domains WHERE id = ? AND group_id = ?').get(id, groupId) as DomainRow | undefined;
    if (!d) throw APIC.domainNotFound(id);
    return d;
  }

  updateDomain(instanceId: string, groupId: string, id: string, req: UpdateDomainRequest): DomainRow {
    this.domainRow(instanceId, groupId, id);
    this.db
      .prepare(
        `UPDATE apic_domains SET min_ssl_version = ?, redirect_https = COALESCE(?, redirect_https),
           verify_client_cert = COALESCE(?, verify_client_cert) WHERE id = ?`,
      )
      .run(req.min_ssl_version, req.is_http_redirect_to_https === undefined ? null : Number(req.is_http_redirect_to_https),
        req.verified_client_certificate_enabled === undefined ? null : Number(req.verified_client_certificate_enabled), id);
    return this.domainRow(instanceId, groupId, id);
  }

  unbindDomain(instanceId: string, groupId: string, id: string): void {
    this.domainRow(instanceId, groupId, id);
    prep(this.db, 'DELETE FROM apic_domains WHERE id = ?').run(id);
    this.state.bump();
  }
}
