// Instances: project list (ROMA common prefix) and detail (APIC prefix) — instances.md.
import { z } from 'zod';
import { listEnvelope, offsetLimitQuery, wireTime } from './common';

export const INSTANCE_LIST_STATUSES = [
  'CREATING', 'CREATE_FAILED', 'ERROR', 'RUNNING', 'FREEZING', 'FROZEN', 'DELETING', 'DELETE_FALIED',
] as const;

export const INSTANCE_SPECS = [
  'ROMA_BASIC', 'ROMA_PROFESSIONAL', 'ROMA_ENTERPRISE', 'ROMA_PLATINUM',
  'ROMA_BASIC_IPV6', 'ROMA_PROFESSIONAL_IPV6', 'ROMA_ENTERPRISE_IPV6', 'ROMA_PLATINUM_IPV6', 'ROMASITE_BASIC',
] as const;

/** numeric `instance_status` → textual `status` of the detail view. */
export const INSTANCE_STATUS_CODES = {
  1: 'Creating', 2: 'CreateSuccess', 3: 'CreateFail', 4: 'Initing', 5: 'Registering', 6: 'Running',
  7: 'InitingFailed', 8: 'RegisterFailed', 10: 'Installing', 11: 'InstallFailed', 12: 'Updating',
  13: 'UpdateFailed', 20: 'Rollbacking', 21: 'RollbackSuccess', 22: 'RollbackFailed', 23: 'Deleting',
  24: 'DeleteFailed', 25: 'Unregistering', 26: 'UnRegisterFailed', 27: 'CreateTimeout', 28: 'InitTimeout',
  29: 'RegisterTimeout', 30: 'InstallTimeout', 31: 'UpdateTimeout', 32: 'RollbackTimeout', 33: 'DeleteTimeout',
  34: 'UnregisterTimeout', 35: 'Starting', 36: 'Freezing', 37: 'Frozen', 38: 'Restarting', 39: 'RestartFail',
  40: 'Unhealthy', 41: 'RestartTimeout',
} as const;
export const INSTANCE_DETAIL_STATUSES = Object.values(INSTANCE_STATUS_CODES) as [
  (typeof INSTANCE_STATUS_CODES)[keyof typeof INSTANCE_STATUS_CODES],
  ...(typeof INSTANCE_STATUS_CODES)[keyof typeof INSTANCE_STATUS_CODES][],
];

export const instanceListQuery = offsetLimitQuery.extend({ status: z.string().max(64).optional() });

/** List item (`name`, upper-snake `status`, string times, AZ array). Lenient: unknown enum values pass. */
export const instanceListItem = z.object({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  flavor_id: z.string().optional(),
  flavor_type: z.string().optional(),
  cpu_arch: z.string().optional(),
  vpc_id: z.string().optional(),
  subnet_id: z.string().optional(),
  security_group_id: z.string().optional(),
  publicip_enable: z.boolean().optional(),
  publicip_id: z.string().optional(),
  publicip_address: z.string().optional(),
  status: z.string().optional(),
  error_code: z.string().optional(),
  error_msg: z.string().optional(),
  charge_type: z.string().optional(),
  project_id: z.string().optional(),
  create_time: wireTime.optional(),
  update_time: wireTime.optional(),
  maintain_begin: z.string().optional(),
  maintain_end: z.string().optional(),
  available_zone_ids: z.union([z.array(z.string()), z.string()]).optional(),
  enterprise_project_id: z.string().optional(),
});
export type InstanceListItem = z.infer<typeof instanceListItem>;
export const instanceListResponse = listEnvelope('instances', instanceListItem);
export type InstanceListResponse = z.infer<typeof instanceListResponse>;

/** What roma-local sends in the list: the documented enums, required id/name/status. */
export const instanceListItemStrict = instanceListItem.extend({
  name: z.string(),
  status: z.enum(INSTANCE_LIST_STATUSES),
  cpu_arch: z.enum(['x86_64', 'aarch64']).optional(),
  charge_type: z.enum(['prePaid', 'postPaid']).optional(),
  create_time: z.string(),
  available_zone_ids: z.array(z.string()).optional(),
});

/** Detail (APIC view): `instance_name`, CamelCase `status` + numeric `instance_status`. Lenient. */
export const instanceDetail = z.object({
  id: z.string().optional(),
  project_id: z.string().optional(),
  instance_name: z.string().optional(),
  status: z.string().optional(),
  instance_status: z.number().int().optional(),
  type: z.string().optional(),
  spec: z.string().optional(),
  create_time: wireTime.optional(),
  enterprise_project_id: z.string().optional(),
  eip_address: z.string().optional(),
  charging_mode: z.number().int().optional(),
  cbc_metadata: z.string().optional(),
  description: z.string().optional(),
  vpc_id: z.string().optional(),
  subnet_id: z.string().optional(),
  security_group_id: z.string().optional(),
  maintain_begin: z.string().optional(),
  maintain_end: z.string().optional(),
  ingress_ip: z.string().optional(),
  user_id: z.string().optional(),
  nat_eip_ipv6_cidr: z.string().optional(),
  eip_ipv6_address: z.string().optional(),
  nat_eip_address: z.string().optional(),
  bandwidth_size: z.number().optional(),
  available_zone_ids: z.union([z.string(), z.array(z.string())]).optional(),
  instance_version: z.string().optional(),
  supported_features: z.array(z.string()).optional(),
  ingress_ip_v6: z.string().optional(),
  node_ips: z.object({ livedata: z.array(z.string()).optional(), shubao: z.array(z.string()).optional() }).optional(),
  ingress_ips: z.string().optional(),
  cipher_type: z.string().optional(),
});
export type InstanceDetail = z.infer<typeof instanceDetail>;

export const instanceDetailStrict = instanceDetail.extend({
  id: z.string(),
  instance_name: z.string(),
  status: z.enum(INSTANCE_DETAIL_STATUSES),
  instance_status: z.number().int(),
  spec: z.enum(INSTANCE_SPECS),
  create_time: z.number().int(),
  available_zone_ids: z.string().optional(),
  charging_mode: z.union([z.literal(0), z.literal(1)]).optional(),
  cipher_type: z.enum(['generalCipher', 'SMCompatible', 'SMOnly']).optional(),
});
