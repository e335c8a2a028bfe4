// The apps list as one SQL query per page: visibility (creator, or a member with roles), every
// filter, favourites first then newest, LIMIT/OFFSET, and a count. Loading every app of the
// instance and filtering in JS cost ~18 µs per app per request, which a team's shared instance
// with a thousand apps turned into the BFF's whole CPU budget.
import type { Db } from '../db/open';
import { stmt } from '../db/stmt';
import type { TokenInfo } from '../iam/tokens';
import type { AppFilter, AppRow } from './store';

export type ListedRow = AppRow & { fav: number; member_roles: string | null };

const FROM = `FROM apps a
  LEFT JOIN app_favorites f ON f.app_id = a.id AND f.user_id = @user
  LEFT JOIN app_members m ON m.app_id = a.id AND m.user_id = @user
  WHERE a.instance_id = @instance
    AND (a.created_user_id = @user OR (m.roles IS NOT NULL AND m.roles <> '[]'))
    AND (@fav IS NULL OR (f.user_id IS NOT NULL) = @fav)
    AND (@owner IS NULL OR (a.created_user_id = @user) = @owner)
    AND (@role IS NULL OR a.created_user_id = @user OR EXISTS (SELECT 1 FROM json_each(m.roles) WHERE value = @role))
    AND (@name IS NULL OR roma_contains(a.name, @name))
    AND (@uname IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.name = @uname AND u.domain_id = @domain
      AND (a.created_user_id = u.id OR EXISTS (SELECT 1 FROM app_members um WHERE um.app_id = a.id AND um.user_id = u.id))))`;

const registered = new WeakSet<Db>();
/** Case-insensitive "contains" as the JS filter had it (any script, not only ASCII like lower()). */
function ensureFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function('roma_contains', { deterministic: true }, (value: unknown, needle: unknown) =>
    String(value).toLocaleLowerCase('en-US').includes(String(needle).toLocaleLowerCase('en-US')) ? 1 : 0,
  );
  registered.add(db);
}

const bool = (b: boolean | undefined): number | null => (b === undefined ? null : b ? 1 : 0);

export function listAppsPage(db: Db, instanceId: string, who: TokenInfo, f: AppFilter, offset: number, limit: number): { total: number; rows: ListedRow[] } {
  ensureFunctions(db);
  const p = {
    user: who.userId, domain: who.domainId, instance: instanceId, fav: bool(f.favorite), owner: bool(f.owner),
    role: f.auth_role ?? null, name: f.name || null, uname: f.user_name || null,
  };
  const { total } = stmt(db, `SELECT COUNT(*) AS total ${FROM}`).get(p) as { total: number };
  const rows = stmt(db, `SELECT a.*, f.user_id IS NOT NULL AS fav, m.roles AS member_roles ${FROM}
    ORDER BY fav DESC, a.create_time DESC, a.seq DESC LIMIT @limit OFFSET @offset`).all({ ...p, limit, offset }) as ListedRow[];
  return { total, rows };
}
