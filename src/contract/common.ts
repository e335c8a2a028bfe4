// Shared building blocks of the ROMA API contract: paging, envelopes, error bodies.
// Response schemas are lenient (the real service sends vendor quirks); request schemas are strict.
import { z } from 'zod';

/** Query-string integer: accepts "10" or 10, rejects "1e3", "-", "abc". */
export const queryInt = z
  .union([z.number(), z.string().regex(/^-?\d{1,10}$/, 'must be an integer')])
  .transform((v) => Number(v))
  .pipe(z.number().int().min(-2147483648).max(2147483647));

/** Query-string boolean: only "true" / "false". */
export const queryBool = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true');

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 20;

/** offset/limit paging as the ROMA common family validates it (offset ≥ 0, 1 ≤ limit ≤ 1000). */
export const offsetLimitQuery = z.object({
  offset: queryInt.pipe(z.number().min(0)).optional(),
  limit: queryInt.pipe(z.number().min(1).max(MAX_LIMIT)).optional(),
});
export type OffsetLimit = z.infer<typeof offsetLimitQuery>;

/** A timestamp as the vendor sends it: ISO text (any precision or offset) or epoch seconds/ms. */
export const wireTime = z.union([z.string(), z.number()]);

/** `{ total, size, <key>: T[] }` — the list envelope of every family but LINK/FDI (which use `items`/`entities`). */
const count = z.number().int().min(0);
export function listEnvelope<K extends string, T extends z.ZodType>(key: K, item: T) {
  const shape = { total: count, size: count, [key]: z.array(item) } as {
    total: typeof count;
    size: typeof count;
  } & Record<K, z.ZodArray<T>>;
  return z.object(shape);
}

// ---- error bodies, one per family (errors.md) ----

/** ROMA common (apps, dictionaries, assets, instance list). */
export const romaErrorBody = z.object({
  error_code: z.string().min(1),
  error_msg: z.string(),
  error_details: z.string().optional(),
  request_id: z.string().optional(),
});
/** APIC / APIG (also the instance-detail endpoint). */
export const apicErrorBody = z.object({ error_code: z.string().min(1), error_msg: z.string() });
/** LINK; request ids in the wild exceed the documented 64 chars, so no max. */
export const linkErrorBody = z.object({
  error_code: z.string().min(1),
  error_msg: z.string(),
  request_id: z.string().optional(),
});
/** FDI. */
export const fdiErrorBody = z.object({ error_code: z.string().min(1), error_msg: z.string() });
/** IAM (Keystone style). */
export const iamErrorBody = z.object({
  error: z.object({ code: z.union([z.number(), z.string()]), message: z.string(), title: z.string().optional() }),
});

export type RomaErrorBody = z.infer<typeof romaErrorBody>;
export type ApicErrorBody = z.infer<typeof apicErrorBody>;
export type LinkErrorBody = z.infer<typeof linkErrorBody>;
export type IamErrorBody = z.infer<typeof iamErrorBody>;

/** Any family's error body: used by clients to recognise an error answer. */
export const anyErrorBody = z.union([romaErrorBody, linkErrorBody, apicErrorBody, fdiErrorBody, iamErrorBody]);

/** Role values on integration apps (apps.md). */
export const APP_ROLES = ['read', 'access', 'delete', 'modify', 'admin'] as const;
export const appRole = z.enum(APP_ROLES);
export type AppRole = z.infer<typeof appRole>;
