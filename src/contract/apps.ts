// Integration apps (apps.md), except asset jobs.
// Length limits are not in the reference; the chosen ones are marked (chosen).
import { z } from 'zod';
import { appRole, listEnvelope, offsetLimitQuery, queryBool, wireTime } from './common';

const CJK = '\\u4e00-\\u9fa5';
/** Chinese, letters, digits, `-`, `_`, `.`, space, ASCII and Chinese parentheses. */
export const APP_NAME_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9\\-_. ()（）]+$`);
/** Chinese, letters, digits, `-_@.`; starts with a letter, Chinese or digit. */
export const APP_KEY_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9][${CJK}A-Za-z0-9\\-_@.]*$`);
/** Letters, digits and `!@#$%+=.-/`. */
export const APP_SECRET_PATTERN = /^[A-Za-z0-9!@#$%+=.\-/]+$/;

export const APP_NAME_MAX = 64; // (chosen)
export const APP_REMARK_MAX = 255; // (chosen)

export const appName = z.string().trim().min(1).max(APP_NAME_MAX).regex(APP_NAME_PATTERN, 'invalid characters in name');
export const appRemark = z.string().max(APP_REMARK_MAX);
export const appKey = z.string().min(1).max(64).regex(APP_KEY_PATTERN, 'invalid app key');
export const appSecret = z.string().min(8).max(64).regex(APP_SECRET_PATTERN, 'invalid app secret');

const userRef = z.object({ user_id: z.string().optional(), user_name: z.string().optional() });

/** ServerAppInfo — same shape from list/create/show/update. */
export const app = z.object({
  id: z.string(),
  name: z.string(),
  remark: z.string().optional(),
  roles: z.array(z.string()).optional(),
  create_time: wireTime.optional(),
  update_time: wireTime.optional(),
  created_user: userRef.optional(),
  last_updated_user: userRef.optional(),
  owner: z.boolean().optional(),
  key: z.string().optional(),
  favorite: z.boolean().optional(),
});
export type App = z.infer<typeof app>;

/** What roma-local sends: every field present, roles from the enum. */
export const appStrict = app.extend({
  remark: z.string(),
  roles: z.array(appRole).min(1),
  create_time: z.string(),
  update_time: z.string(),
  created_user: z.object({ user_id: z.string(), user_name: z.string() }),
  last_updated_user: z.object({ user_id: z.string(), user_name: z.string() }),
  owner: z.boolean(),
  key: z.string(),
  favorite: z.boolean(),
});

export const appListQuery = offsetLimitQuery.extend({
  favorite: queryBool.optional(),
  auth_role: appRole.optional(),
  name: z.string().max(APP_NAME_MAX).optional(),
  owner: queryBool.optional(),
  user_name: z.string().max(64).optional(),
});
export type AppListQuery = z.input<typeof appListQuery>;
export const appListResponse = listEnvelope('apps', app);
export type AppListResponse = z.infer<typeof appListResponse>;

export const createAppRequest = z.strictObject({
  name: appName,
  remark: appRemark.optional(),
  key: appKey.optional(),
  secret: appSecret.nullable().optional(),
  favorite: z.boolean().optional(),
});
export type CreateAppRequest = z.input<typeof createAppRequest>;

export const updateAppRequest = z
  .strictObject({ name: appName.optional(), remark: appRemark.optional(), favorite: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, 'request body has no field to update');
export type UpdateAppRequest = z.input<typeof updateAppRequest>;

export const resetSecretRequest = z.strictObject({ secret: appSecret.nullable().optional() });
export type ResetSecretRequest = z.input<typeof resetSecretRequest>;
export const appSecretResponse = z.object({ id: z.string(), secret: z.string() });
export type AppSecretResponse = z.infer<typeof appSecretResponse>;

// ---- members ----
export const appMember = z.object({ id: z.string(), name: z.string().optional(), roles: z.array(z.string()) });
export type AppMember = z.infer<typeof appMember>;
export const appMembersQuery = z.object({ user_name: z.string().max(64).optional() });
export const appMembersResponse = z.object({ total: z.number().int(), id: z.string(), users: z.array(appMember) });
export type AppMembersResponse = z.infer<typeof appMembersResponse>;
export const updateAppMembersRequest = z.strictObject({
  users: z
    .array(z.strictObject({ id: z.string().min(1).max(64), roles: z.array(appRole).min(1) }))
    .max(100)
    .refine((u) => new Set(u.map((x) => x.id)).size === u.length, 'duplicate user id'),
});
export type UpdateAppMembersRequest = z.input<typeof updateAppMembersRequest>;
export const appCandidatesQuery = z.object({ filter: z.enum(['members']).optional() });
export const appCandidatesResponse = z.object({ users: z.array(z.object({ id: z.string(), name: z.string() })) });

// ---- validate ----
export const validateAppQuery = z
  .object({ name: z.string().max(APP_NAME_MAX).optional(), id: z.string().max(64).optional(), key: z.string().max(64).optional() })
  .refine((v) => v.name !== undefined || v.id !== undefined || v.key !== undefined, 'name, id or key is required');
export const validateAppResponse = z.object({ id: z.string(), name: z.string(), remark: z.string().optional() });

/** Expand roles as the service does: admin implies all, read is always present. */
export function normaliseRoles(roles: readonly z.infer<typeof appRole>[]): z.infer<typeof appRole>[] {
  if (roles.includes('admin')) return ['read', 'access', 'delete', 'modify', 'admin'];
  const set = new Set(roles);
  set.add('read');
  return (['read', 'access', 'delete', 'modify', 'admin'] as const).filter((r) => set.has(r));
}
