// Integration apps (ROMA common family).
import { APP_ROLES, type AppRole } from '../../contract/common';
import { appCandidatesResponse, appListResponse, appMembersResponse, appSecretResponse, app as appSchema, normaliseRoles, type App as WireApp, type CreateAppRequest, type UpdateAppRequest, type UpdateAppMembersRequest } from '../../contract/apps';
import { http, parseWith } from './http';
import { romaPath, seg } from './project';
import { normaliseTime } from './time';
import { splitList } from './lists';
import { appKeys } from './keys';
import { detailQueryFactory, itemCrudFactory, listQueryFactory, type Page } from './factories';
import { queryOptions } from '@tanstack/react-query';

export type { AppRole };

export interface App {
  id: string;
  name: string;
  remark: string;
  key?: string;
  roles: AppRole[];
  favorite: boolean;
  owner: boolean;
  createdAt?: number;
  updatedAt?: number;
  createdBy?: string;
  updatedBy?: string;
}

/** What the caller may do with an app, from its `roles` (the server still decides). */
export interface AppPermissions {
  modify: boolean;
  delete: boolean;
  access: boolean;
  admin: boolean;
}

const isRole = (r: string): r is AppRole => (APP_ROLES as readonly string[]).includes(r);
/** Roles in any of the vendor's spellings (see lists.ts) → the known roles, expanded like the service. */
export const readRoles = (roles: string | readonly string[] | undefined): AppRole[] =>
  normaliseRoles(splitList(roles).map((r) => r.toLowerCase()).filter(isRole));

export function appPermissions(app: Pick<App, 'roles'>): AppPermissions {
  const has = (r: AppRole) => app.roles.includes(r) || app.roles.includes('admin');
  return { modify: has('modify'), delete: has('delete'), access: has('access'), admin: app.roles.includes('admin') };
}

export function fromWire(a: WireApp): App {
  return {
    id: a.id,
    name: a.name,
    remark: a.remark ?? '',
    key: a.key,
    roles: readRoles(a.roles),
    favorite: a.favorite === true,
    owner: a.owner === true,
    createdAt: normaliseTime(a.create_time),
    updatedAt: normaliseTime(a.update_time),
    createdBy: a.created_user?.user_name || a.created_user?.user_id || undefined,
    updatedBy: a.last_updated_user?.user_name || a.last_updated_user?.user_id || undefined,
  };
}

export interface AppListParams {
  [k: string]: string | number | boolean | undefined;
  offset: number;
  limit: number;
  name?: string;
  favorite?: boolean;
}

const base = (iid: string) => romaPath(`/instances/${seg(iid)}/apps`);

export async function listApps(iid: string, p: AppListParams, signal?: AbortSignal): Promise<Page<App>> {
  const params: Record<string, string | number | boolean> = { offset: p.offset, limit: p.limit };
  if (p.name) params.name = p.name;
  if (p.favorite !== undefined) params.favorite = p.favorite;
  const res = await http.get(base(iid), { params, signal });
  const body = parseWith(appListResponse, res.data, 'app list');
  // the vendor's own example has total 0 with one app: never report fewer than we can see
  return { items: body.apps.map(fromWire), total: Math.max(body.total, p.offset + body.apps.length) };
}

export const {
  get: getApp,
  create: createApp,
  update: updateApp,
  remove: deleteApp,
} = itemCrudFactory<typeof appSchema, App, CreateAppRequest, UpdateAppRequest>(base, appSchema, fromWire, 'app');

/** Reset the secret; the platform generates one when none is given. The answer is shown once. */
export async function resetAppSecret(iid: string, id: string, secret?: string): Promise<string> {
  const res = await http.put(`${base(iid)}/${seg(id)}/secret`, secret ? { secret } : {});
  return parseWith(appSecretResponse, res.data, 'app secret').secret;
}

export interface AppMember {
  id: string;
  name: string;
  roles: AppRole[];
}

export async function listAppMembers(iid: string, id: string, signal?: AbortSignal): Promise<AppMember[]> {
  const res = await http.get(`${base(iid)}/${seg(id)}/users`, { signal });
  const body = parseWith(appMembersResponse, res.data, 'app members');
  return body.users.map((u) => ({ id: u.id, name: u.name ?? u.id, roles: readRoles(u.roles) }));
}

export async function updateAppMembers(iid: string, id: string, body: UpdateAppMembersRequest): Promise<AppMember[]> {
  const res = await http.put(`${base(iid)}/${seg(id)}/users`, body);
  const out = parseWith(appMembersResponse, res.data, 'app members');
  return out.users.map((u) => ({ id: u.id, name: u.name ?? u.id, roles: readRoles(u.roles) }));
}

export async function listAppCandidates(iid: string, id: string, signal?: AbortSignal): Promise<{ id: string; name: string }[]> {
  const res = await http.get(`${base(iid)}/${seg(id)}/candidates`, { params: { filter: 'members' }, signal });
  return parseWith(appCandidatesResponse, res.data, 'app candidates').users;
}

export const appListQuery = listQueryFactory<AppListParams, App>(appKeys.list, listApps);
export const appDetailQuery = detailQueryFactory<App>(appKeys.detail, getApp);
export const appMembersQuery = (iid: string, id: string) =>
  queryOptions({ queryKey: appKeys.sub(iid, id, 'members'), queryFn: ({ signal }) => listAppMembers(iid, id, signal) });
export const appCandidatesQuery = (iid: string, id: string) =>
  queryOptions({
    queryKey: appKeys.sub(iid, id, 'candidates'),
    queryFn: ({ signal }) => listAppCandidates(iid, id, signal),
  });
