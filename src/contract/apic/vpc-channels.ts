// APIC §14 — VPC channels (read-only in roma-local).
import { z } from 'zod';
import { queryInt, wireTime } from '../common';
import { apicList, apicPaging, preciseSearch } from './base';

export const vpcChannel = z.object({
  id: z.string(),
  name: z.string(),
  port: z.number().int().optional(),
  balance_strategy: z.number().int().optional(),
  member_type: z.string().optional(),
  type: z.number().int().optional(),
  dict_code: z.string().optional(),
  create_time: wireTime.optional(),
  status: z.number().int().optional(),
  member_groups: z.array(z.unknown()).optional(),
});
export type VpcChannel = z.infer<typeof vpcChannel>;
export const vpcChannelListQuery = apicPaging.extend({
  id: z.string().max(64).optional(), name: z.string().max(255).optional(), dict_code: z.string().max(64).optional(),
  precise_search: preciseSearch, member_host: z.string().max(255).optional(), member_port: queryInt.optional(),
  member_group_name: z.string().max(255).optional(), member_group_id: z.string().max(64).optional(),
});
export const vpcChannelList = apicList('vpc_channels', vpcChannel);
