// URL state of the APIC lists. Every field has a .catch() default: a hand-edited URL never breaks.
import { z } from 'zod';
import { HTTP_METHODS } from '../../../contract/apic';
import type { ApiListParams } from '../../api/apic';
import { pagedSearchFields } from '../../components/searchState';

export const apisSearchSchema = z.object({
  ...pagedSearchFields(255),
  group: z.string().max(64).catch(''),
  method: z.enum(['', ...HTTP_METHODS]).catch(''),
  env: z.string().max(64).catch(''),
});
export type ApisSearch = z.infer<typeof apisSearchSchema>;

export const toApiListParams = (s: ApisSearch): ApiListParams => ({
  offset: s.offset,
  limit: s.limit,
  name: s.name || undefined,
  group_id: s.group || undefined,
  req_method: s.method || undefined,
  env_id: s.env || undefined,
});

export const groupsSearchSchema = z.object({ ...pagedSearchFields(255) });
