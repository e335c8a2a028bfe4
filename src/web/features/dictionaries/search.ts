import { z } from 'zod';
import { pagedSearchFields } from '../../components/searchState';

/** Top-level dictionary list state in the URL; .catch() defaults keep hand-edited URLs working. */
export const dictSearchSchema = z.object(pagedSearchFields(64));
export type DictSearch = z.infer<typeof dictSearchSchema>;
