import { z } from 'zod';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** Top-level dictionary list state in the URL; .catch() defaults keep hand-edited URLs working. */
export const dictSearchSchema = z.object({
  name: z
    .string()
    .transform((s) => s.trim().slice(0, 64))
    .catch(''),
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0),
  limit: z.coerce
    .number()
    .int()
    .refine((v) => (PAGE_SIZES as readonly number[]).includes(v))
    .catch(20),
});
export type DictSearch = z.infer<typeof dictSearchSchema>;
