// Instances as stored, and the two views the API gives of them (list item, APIC detail).
import { INSTANCE_STATUS_CODES, type INSTANCE_LIST_STATUSES } from '../../contract/index';
import type { Db } from '../db/open';
import { isoSeconds } from '../util';

export interface InstanceRow {
  id: string; project_id: string; name: string; description: string; spec: string; flavor_id: string;
  flavor_type: string; cpu_arch: string; instance_status: number; vpc_id: string; subnet_id: string;
  security_group_id: string; publicip_enable: number; publicip_id: string; publicip_address: string;
  charge_type: string; maintain_begin: string; maintain_end: string; available_zone_ids: string;
  enterprise_project_id: string; ingress_ip: string; user_id: string; bandwidth_size: number;
  instance_version: string; supported_features: string; create_time: number; update_time: number;
}

type ListStatus = (typeof INSTANCE_LIST_STATUSES)[number];

/** The list API's coarse status vocabulary, derived from the detail view's numeric code. */
export function listStatus(code: number): ListStatus {
  if (code === 6 || code === 21) return 'RUNNING';
  if (code === 36) return 'FREEZING';
  if (code === 37) return 'FROZEN';
  if (code === 23 || code === 25) return 'DELETING';
  if ([24, 26, 33, 34].includes(code)) return 'DELETE_FALIED'; // sic: the SDK enum's spelling
  if ([3, 7, 8, 11, 27, 28, 29, 30].includes(code)) return 'CREATE_FAILED';
  if ([1, 2, 4, 5, 10].includes(code)) return 'CREATING';
  return 'ERROR';
}

const zones = (row: InstanceRow): string[] => JSON.parse(row.available_zone_ids) as string[];

export function toListItem(row: InstanceRow) {
  return {
    id: row.id, name: row.name, description: row.description, flavor_id: row.flavor_id, flavor_type: row.flavor_type,
    cpu_arch: row.cpu_arch as 'x86_64' | 'aarch64', vpc_id: row.vpc_id, subnet_id: row.subnet_id,
    security_group_id: row.security_group_id, publicip_enable: row.publicip_enable === 1,
    ...(row.publicip_enable === 1 ? { publicip_id: row.publicip_id, publicip_address: row.publicip_address } : {}),
    status: listStatus(row.instance_status), error_code: '', error_msg: '',
    charge_type: row.charge_type as 'prePaid' | 'postPaid', project_id: row.project_id,
    create_time: isoSeconds(row.create_time), update_time: isoSeconds(row.update_time),
    maintain_begin: row.maintain_begin, maintain_end: row.maintain_end, available_zone_ids: zones(row),
    enterprise_project_id: row.enterprise_project_id,
  };
}

export function toDetail(row: InstanceRow) {
  const code = row.instance_status as keyof typeof INSTANCE_STATUS_CODES;
  return {
    id: row.id, project_id: row.project_id, instance_name: row.name,
    status: INSTANCE_STATUS_CODES[code] ?? 'Unhealthy', instance_status: row.instance_status, type: 'apig',
    spec: row.spec, create_time: Math.floor(row.create_time / 1000), // epoch seconds here (instances.md)
    enterprise_project_id: row.enterprise_project_id, eip_address: row.publicip_enable === 1 ? row.publicip_address : '',
    charging_mode: row.charge_type === 'prePaid' ? 1 : 0, cbc_metadata: '', description: row.description,
    vpc_id: row.vpc_id, subnet_id: row.subnet_id, security_group_id: row.security_group_id,
    maintain_begin: row.maintain_begin, maintain_end: row.maintain_end, ingress_ip: row.ingress_ip,
    user_id: row.user_id, nat_eip_address: '', bandwidth_size: row.bandwidth_size,
    available_zone_ids: `[${zones(row).join(', ')}]`, // a string in the detail view, as in the official example
    instance_version: row.instance_version, supported_features: JSON.parse(row.supported_features) as string[],
    node_ips: { livedata: [], shubao: [] }, ingress_ips: row.ingress_ip, cipher_type: 'generalCipher' as const,
  };
}

export class InstanceStore {
  constructor(private readonly db: Db) {}

  listByProject(projectId: string): InstanceRow[] {
    return this.db
      .prepare('SELECT * FROM instances WHERE project_id = ? ORDER BY create_time DESC, id')
      .all(projectId) as InstanceRow[];
  }

  get(projectId: string, id: string): InstanceRow | undefined {
    return this.db.prepare('SELECT * FROM instances WHERE project_id = ? AND id = ?').get(projectId, id) as
      | InstanceRow
      | undefined;
  }
}
