// The products list state in the URL.
import { z } from 'zod';
import type { ProductListParams } from '../../../api/link';
import { pagedSearchFields } from '../../../components/searchState';

export const productsSearchSchema = z.object({
  ...pagedSearchFields(64),
  protocol: z.enum(['all', '0', '2', '4']).catch('all'),
  type: z.enum(['all', '0', '1']).catch('all'),
  app: z.string().max(64).catch(''),
});
export type ProductsSearch = z.infer<typeof productsSearchSchema>;

export const toProductParams = (s: ProductsSearch): ProductListParams => ({
  offset: s.offset,
  limit: s.limit,
  name: s.name || undefined,
  app_id: s.app || undefined,
  protocol_type: s.protocol === 'all' ? undefined : Number(s.protocol),
  product_type: s.type === 'all' ? undefined : Number(s.type),
});
