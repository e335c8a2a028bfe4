// The apps list state in the URL. Every field has a .catch() default: a hand-edited URL never breaks.
import { z } from 'zod';
import { APP_NAME_MAX } from '../../../contract';
import type { AppListParams } from '../../api/apps';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const appsSearchSchema = z.object({
  name: z
    .string()
    .transform((s) => s.trim().slice(0, APP_NAME_MAX))
    .catch(''),
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0),
  limit: z.coerce
    .number()
    .int()
    .refine((v) => (PAGE_SIZES as readonly number[]).includes(v))
    .catch(20),
  favorite: z.enum(['all', 'yes', 'no']).catch('all'),
  /** id of the app shown in the drawer */
  app: z.string().max(128).catch(''),
});
export type AppsSearch = z.infer<typeof appsSearchSchema>;

export function toListParams(s: AppsSearch): AppListParams {
  return {
    offset: s.offset,
    limit: s.limit,
    name: s.name || undefined,
    favorite: s.favorite === 'all' ? undefined : s.favorite === 'yes',
  };
}
