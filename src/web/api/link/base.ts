import { romaPath, seg } from '../project';
import { scopedKeys } from '../keys';
import { parseWith } from '../http';
import { linkAuthentication } from '../../../contract/link/base';

// LINK (device integration): products, product topics, devices, device groups, thing model,
// statistics. The family's quirks are hidden here, once: numeric ids become strings (query keys,
// URLs), inverted status flags (0 enabled / 1 disabled) become booleans, online_status 0/1/2 a
// named state, epoch-ms times (and the groups' string times) epoch ms via normaliseTime.

export const productKeys = scopedKeys('linkProducts');
export const deviceKeys = scopedKeys('linkDevices');
export const groupKeys = scopedKeys('linkGroups');
export const modelKeys = scopedKeys('linkModel');
export const linkStatsKey = (iid: string) => ['instance', iid, 'linkStats'] as const;

export const base = (iid: string) => romaPath(`/link/instances/${seg(iid)}`);
export const str = (v: number | string | null | undefined) => (v === null || v === undefined ? undefined : String(v));
export const who = (u?: { user_name?: string; user_id?: string }) => u?.user_name || u?.user_id || undefined;
/** An id for a request body (int32). */
export const num = (id: string): number => Number(id);
/** What the caller may do, from `permissions` (absent = the server decides). */
export const can = (permissions: string[] | undefined, what: 'modify' | 'delete' | 'access'): boolean =>
  permissions === undefined || permissions.length === 0 || permissions.includes(what) || permissions.includes('admin');

/** Query parameters without the empty ones. */
export function clean(p: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export type OnlineState = 'never' | 'online' | 'offline';
export type DeviceState = OnlineState | 'disabled';
export const ONLINE_STATES: readonly OnlineState[] = ['never', 'online', 'offline'];
export const onlineCode: Record<OnlineState, 0 | 1 | 2> = { never: 0, online: 1, offline: 2 };
export const onlineState = (code: number | undefined): OnlineState => (code === 1 ? 'online' : code === 2 ? 'offline' : 'never');

export interface Credentials {
  userName: string;
  password: string;
}
export const creds = (data: unknown): Credentials => {
  const a = parseWith(linkAuthentication, data, 'credentials');
  return { userName: a.user_name, password: a.password };
};
