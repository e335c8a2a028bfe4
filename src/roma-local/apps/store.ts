// Integration apps. Roles, `owner` and `favorite` are per calling user: the creator always holds
// every role (so an app can never become unmanageable); other users hold their member roles.
import { normaliseRoles, type AppRole } from '../../contract/index';
import type { Db } from '../db/open';
import { ROMA } from '../errors';
import type { TokenInfo } from '../iam/tokens';
import { stmt } from '../db/stmt';
import { isoSeconds, randomString, uuid } from '../util';
import { listAppsPage, type ListedRow } from './list';

export interface AppRow {
  id: string; instance_id: string; name: string; remark: string; app_key: string; secret: string;
  created_user_id: string; created_user_name: string; updated_user_id: string; updated_user_name: string;
  create_time: number; update_time: number; seq: number;
}
/** An app as one caller sees it. */
export interface AppView extends AppRow { favorite: boolean; roles: AppRole[]; owner: boolean }

export interface AppFilter {
  favorite?: boolean; auth_role?: AppRole; name?: string; owner?: boolean; user_name?: string;
}
export interface Member { id: string; name: string; roles: AppRole[] }

export const generateKey = (): string => randomString(24);
export const generateSecret = (): string => randomString(32);

export function toApp(v: AppView) {
  return {
    id: v.id, name: v.name, remark: v.remark, roles: v.roles,
    create_time: isoSeconds(v.create_time), update_time: isoSeconds(v.update_time),
    created_user: { user_id: v.created_user_id, user_name: v.created_user_name },
    last_updated_user: { user_id: v.updated_user_id, user_name: v.updated_user_name },
    owner: v.owner, key: v.app_key, favorite: v.favorite,
  };
}

const parseRoles = (json: string | null): AppRole[] => (json ? (JSON.parse(json) as AppRole[]) : []);

export class AppStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  private views(instanceId: string, who: TokenInfo, appId?: string): AppView[] {
    const rows = stmt(
      this.db,
      `SELECT a.*, f.user_id IS NOT NULL AS fav, m.roles AS member_roles
       FROM apps a
       LEFT JOIN app_favorites f ON f.app_id = a.id AND f.user_id = @user
       LEFT JOIN app_members m ON m.app_id = a.id AND m.user_id = @user
       WHERE a.instance_id = @instance AND (@app IS NULL OR a.id = @app)`,
    ).all({ user: who.userId, instance: instanceId, app: appId ?? null }) as ListedRow[];
    return rows.map((r) => this.view(r, who)).filter((v): v is AppView => v !== undefined);
  }

  /** The row as this caller sees it; undefined when the caller holds no role (not visible). */
  private view({ fav, member_roles, ...row }: ListedRow, who: TokenInfo): AppView | undefined {
    const owner = row.created_user_id === who.userId;
    const roles = owner ? normaliseRoles(['admin']) : parseRoles(member_roles);
    return roles.length > 0 ? { ...row, favorite: fav === 1, roles, owner } : undefined;
  }

  /** One page of the visible apps matching the filter (favourites first, then newest), and their total. */
  listPage(instanceId: string, who: TokenInfo, f: AppFilter, offset: number, limit: number): { total: number; items: AppView[] } {
    const { total, rows } = listAppsPage(this.db, instanceId, who, f, offset, limit);
    return { total, items: rows.map((r) => this.view(r, who)).filter((v): v is AppView => v !== undefined) };
  }

  /** The app as the caller sees it; 404 when absent or not visible, 403 when a role is missing. */
  get(instanceId: string, who: TokenInfo, id: string, need: AppRole = 'read'): AppView {
    const v = this.views(instanceId, who, id)[0];
    if (!v) throw ROMA.notFound(id);
    if (!v.roles.includes(need)) throw ROMA.appForbidden(`You need the '${need}' role on application ${v.name}.`);
    return v;
  }

  private assertUnique(instanceId: string, field: 'name' | 'app_key', value: string, exceptId = ''): void {
    const hit = stmt(this.db, `SELECT 1 FROM apps WHERE instance_id = ? AND ${field} = ? AND id <> ?`)
      .get(instanceId, value, exceptId);
    if (hit) throw ROMA.conflict(`An application with this ${field === 'name' ? 'name' : 'key'} already exists: ${value}`);
  }

  create(
    instanceId: string, who: TokenInfo,
    req: { name: string; remark?: string; key?: string; secret?: string | null; favorite?: boolean },
  ): AppView {
    const id = uuid();
    const now = this.now();
    this.db.transaction(() => {
      this.assertUnique(instanceId, 'name', req.name);
      const key = req.key ?? generateKey();
      this.assertUnique(instanceId, 'app_key', key);
      const { seq } = stmt(this.db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM apps').get() as { seq: number };
      stmt(this.db, 
          `INSERT INTO apps (id, instance_id, name, remark, app_key, secret, created_user_id, created_user_name,
             updated_user_id, updated_user_name, create_time, update_time, seq)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, instanceId, req.name, req.remark ?? '', key, req.secret ?? generateSecret(), who.userId, who.userName,
          who.userId, who.userName, now, now, seq);
      stmt(this.db, 'INSERT INTO app_members (app_id, user_id, roles) VALUES (?, ?, ?)')
        .run(id, who.userId, JSON.stringify(normaliseRoles(['admin'])));
      if (req.favorite) stmt(this.db, 'INSERT INTO app_favorites (app_id, user_id) VALUES (?, ?)').run(id, who.userId);
    })();
    return this.get(instanceId, who, id);
  }

  update(instanceId: string, who: TokenInfo, id: string, req: { name?: string; remark?: string; favorite?: boolean }): AppView {
    this.db.transaction(() => {
      this.get(instanceId, who, id, 'modify');
      if (req.name !== undefined) this.assertUnique(instanceId, 'name', req.name, id);
      if (req.name !== undefined || req.remark !== undefined) {
        stmt(this.db, 
            `UPDATE apps SET name = COALESCE(?, name), remark = COALESCE(?, remark), updated_user_id = ?,
               updated_user_name = ?, update_time = ? WHERE id = ?`,
          )
          .run(req.name ?? null, req.remark ?? null, who.userId, who.userName, this.now(), id);
      }
      // favourites are the caller's own bookmark, not a change to the app itself
      if (req.favorite === true) stmt(this.db, 'INSERT OR IGNORE INTO app_favorites (app_id, user_id) VALUES (?, ?)').run(id, who.userId);
      if (req.favorite === false) stmt(this.db, 'DELETE FROM app_favorites WHERE app_id = ? AND user_id = ?').run(id, who.userId);
    })();
    return this.get(instanceId, who, id);
  }

  delete(instanceId: string, who: TokenInfo, id: string): void {
    this.db.transaction(() => {
      this.get(instanceId, who, id, 'delete');
      stmt(this.db, 'DELETE FROM apps WHERE id = ?').run(id); // members and favourites cascade
    })();
  }

  secret(instanceId: string, who: TokenInfo, id: string): { id: string; secret: string } {
    this.get(instanceId, who, id, 'read');
    const row = stmt(this.db, 'SELECT secret FROM apps WHERE id = ?').get(id) as { secret: string };
    return { id, secret: row.secret };
  }

  resetSecret(instanceId: string, who: TokenInfo, id: string, secret: string | null | undefined): { id: string; secret: string } {
    const value = secret ?? generateSecret();
    this.db.transaction(() => {
      this.get(instanceId, who, id, 'modify');
      stmt(this.db, 'UPDATE apps SET secret = ?, updated_user_id = ?, updated_user_name = ?, update_time = ? WHERE id = ?')
        .run(value, who.userId, who.userName, this.now(), id);
    })();
    return { id, secret: value };
  }

  members(appId: string, userName?: string): Member[] {
    const rows = stmt(this.db, 
        `SELECT u.id, u.name, m.roles FROM app_members m JOIN users u ON u.id = m.user_id
         WHERE m.app_id = ? AND (? IS NULL OR u.name = ?) ORDER BY u.name, u.id`,
      )
      .all(appId, userName ?? null, userName ?? null) as { id: string; name: string; roles: string }[];
    return rows.map((r) => ({ id: r.id, name: r.name, roles: parseRoles(r.roles) }));
  }

  replaceMembers(instanceId: string, who: TokenInfo, appId: string, users: { id: string; roles: AppRole[] }[]): Member[] {
    this.db.transaction(() => {
      this.get(instanceId, who, appId, 'admin');
      const known = new Set(
        (stmt(this.db, 'SELECT id FROM users WHERE domain_id = ?').all(who.domainId) as { id: string }[]).map((r) => r.id),
      );
      const unknown = users.filter((u) => !known.has(u.id)).map((u) => u.id);
      if (unknown.length > 0) throw ROMA.unknownUser(`Unknown user id(s): ${unknown.join(', ')}`);
      stmt(this.db, 'DELETE FROM app_members WHERE app_id = ?').run(appId);
      const insert = stmt(this.db, 'INSERT INTO app_members (app_id, user_id, roles) VALUES (?, ?, ?)');
      for (const u of users) insert.run(appId, u.id, JSON.stringify(normaliseRoles(u.roles)));
    })();
    return this.members(appId);
  }

  candidates(who: TokenInfo, appId: string, excludeMembers: boolean): { id: string; name: string }[] {
    return stmt(this.db, 
        `SELECT u.id, u.name FROM users u WHERE u.domain_id = ?
           AND (? = 0 OR NOT EXISTS (SELECT 1 FROM app_members m WHERE m.app_id = ? AND m.user_id = u.id))
         ORDER BY u.name, u.id`,
      )
      .all(who.domainId, excludeMembers ? 1 : 0, appId) as { id: string; name: string }[];
  }

  /** Instance-wide lookup by exact name / id / key (all given ones must match). */
  find(instanceId: string, q: { name?: string; id?: string; key?: string }): AppRow | undefined {
    return stmt(this.db, 
        `SELECT * FROM apps WHERE instance_id = @instance AND (@name IS NULL OR name = @name)
           AND (@id IS NULL OR id = @id) AND (@key IS NULL OR app_key = @key) ORDER BY seq LIMIT 1`,
      )
      .get({ instance: instanceId, name: q.name ?? null, id: q.id ?? null, key: q.key ?? null }) as AppRow | undefined;
  }
}
