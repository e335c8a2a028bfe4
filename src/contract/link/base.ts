// LINK — device integration (link.md sections 1-5 and 8, without product templates, product
// import/export, rules and notifications; plus device export from fdi-link-details.md §4.4).
// Conventions of this family: numeric int32 ids (floored when sent as decimals in bodies),
// inverted `status` flags (0 enabled / 1 disabled), epoch-millisecond times (groups: strings),
// paging offset + limit (limit capped at 999), list envelope `{ total, size, items }`.
// Request schemas are strict; response schemas are lenient, `*Strict` is what roma-local sends.
// Limits the reference does not give are marked (chosen).
import { z } from 'zod';
import { queryInt } from '../common';

export const CJK = '\\u4e00-\\u9fa5';
export const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef'; // Chinese punctuation (full-width forms)

export const LINK_MAX_LIMIT = 999;
export const LINK_DEFAULT_LIMIT = 10; // (chosen)

// ---- building blocks ----

/** int32 id in a request body: decimals are floored (link.md), must end up ≥ 1. */
export const linkBodyId = z
  .number()
  .finite()
  .transform((v) => Math.floor(v))
  .pipe(z.number().int().min(1).max(2147483647));
/** int32 id in a path or query string. */
export const linkQueryId = queryInt.pipe(z.number().min(1));
/** 0/1 flag (status: 0 enabled, 1 disabled; required: 0 optional, 1 required …). */
export const flag01 = z.union([z.literal(0), z.literal(1)]);
/** 0/1 flag from a query string. */
export const queryFlag01 = queryInt.pipe(flag01);
/** Epoch ms in a query string. */
export const queryEpochMs = z
  .union([z.number(), z.string().regex(/^\d{1,15}$/, 'must be epoch milliseconds')])
  .transform((v) => Number(v))
  .pipe(z.number().int().min(0));

/** LINK paging: offset ≥ 0, 1 ≤ limit; a larger limit is capped at 999 (link.md). */
export const linkPageQuery = z.object({
  offset: queryInt.pipe(z.number().min(0)).optional(),
  limit: queryInt.pipe(z.number().min(1)).transform((v) => Math.min(v, LINK_MAX_LIMIT)).optional(),
});
export type LinkPageQuery = z.input<typeof linkPageQuery>;

export const count = z.number().int().min(0);
/** `{ total, size, items[] }`. */
export function linkList<T extends z.ZodType>(item: T) {
  return z.object({ total: count, size: count, items: z.array(item) });
}

export const linkUserRef = z.object({ user_id: z.string().optional(), user_name: z.string().optional() });
export const linkUserRefStrict = z.object({ user_id: z.string(), user_name: z.string() });
export const linkAuthentication = z.object({ user_name: z.string(), password: z.string() });
export type LinkAuthentication = z.infer<typeof linkAuthentication>;
export const permissions = z.array(z.string());
