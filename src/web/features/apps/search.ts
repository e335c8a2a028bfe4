// The apps list state in the URL. Every field has a .catch() default: a hand-edited URL never breaks.
import { z } from 'zod';
import { APP_NAME_MAX } from '../../../contract/apps';
import type { AppListParams } from '../../api/apps';
import { pagedSearchFields } from '../../components/searchState';

export const appsSearchSchema = z.object({
  ...pagedSearchFields(APP_NAME_MAX),
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
