// Instances: the list (ROMA common: name, RUNNING…) and the detail (APIC: instance_name,
// Running… + instance_status) normalised into one view model.
import { queryOptions } from '@tanstack/react-query';
import { instanceDetail, instanceListResponse, type InstanceDetail, type InstanceListItem } from '../../contract/instances';
import { http, parseWith } from './http';
import { romaPath, seg } from './project';
import { normaliseTime } from './time';
import { splitList } from './lists';
import { instanceStatusKey, type StatusKey } from './status';
import { instanceKeys } from './keys';
import type { Page } from './factories';

export interface Instance {
  id: string;
  name: string;
  status: StatusKey;
  /** The vendor's own status text, shown on hover. */
  rawStatus?: string;
  statusCode?: number;
  spec?: string;
  description?: string;
  createdAt?: number;
  updatedAt?: number;
  version?: string;
  maintainBegin?: string;
  maintainEnd?: string;
  availableZones: string[];
  vpcId?: string;
  subnetId?: string;
  securityGroupId?: string;
  publicAddress?: string;
  ingressAddress?: string;
  chargeType?: string;
  cpuArch?: string;
  features: string[];
  errorCode?: string;
  errorMessage?: string;
}

// the detail sends one string, sometimes "[a, b]"; the list an array (see lists.ts)
const zones = splitList;

export function fromListItem(i: InstanceListItem): Instance {
  return {
    id: i.id,
    name: i.name ?? i.id,
    status: instanceStatusKey(i.status),
    rawStatus: i.status,
    spec: i.flavor_type ?? i.flavor_id,
    description: i.description,
    createdAt: normaliseTime(i.create_time),
    updatedAt: normaliseTime(i.update_time),
    maintainBegin: i.maintain_begin,
    maintainEnd: i.maintain_end,
    availableZones: zones(i.available_zone_ids),
    vpcId: i.vpc_id,
    subnetId: i.subnet_id,
    securityGroupId: i.security_group_id,
    publicAddress: i.publicip_address,
    chargeType: i.charge_type,
    cpuArch: i.cpu_arch,
    features: [],
    errorCode: i.error_code,
    errorMessage: i.error_msg,
  };
}

export function fromDetail(d: InstanceDetail, id: string): Instance {
  return {
    id: d.id ?? id,
    name: d.instance_name ?? d.id ?? id,
    status: instanceStatusKey(d.status, d.instance_status),
    rawStatus: d.status,
    statusCode: d.instance_status,
    spec: d.spec,
    description: d.description,
    createdAt: normaliseTime(d.create_time),
    version: d.instance_version,
    maintainBegin: d.maintain_begin,
    maintainEnd: d.maintain_end,
    availableZones: zones(d.available_zone_ids),
    vpcId: d.vpc_id,
    subnetId: d.subnet_id,
    securityGroupId: d.security_group_id,
    publicAddress: d.eip_address,
    ingressAddress: d.ingress_ip,
    chargeType: d.charging_mode === undefined ? undefined : d.charging_mode === 1 ? 'prePaid' : 'postPaid',
    features: splitList(d.supported_features),
  };
}

export async function listInstances(signal?: AbortSignal): Promise<Page<Instance>> {
  const res = await http.get(romaPath('/instances'), { params: { offset: 0, limit: 100 }, signal });
  const body = parseWith(instanceListResponse, res.data, 'instance list');
  return { items: body.instances.map(fromListItem), total: Math.max(body.total, body.instances.length) };
}

export async function getInstance(iid: string, signal?: AbortSignal): Promise<Instance> {
  const res = await http.get(romaPath(`/apic/instances/${seg(iid)}`), { signal });
  return fromDetail(parseWith(instanceDetail, res.data, 'instance'), iid);
}

export const instanceListQuery = () =>
  queryOptions({ queryKey: instanceKeys.list(), queryFn: ({ signal }) => listInstances(signal), staleTime: 60_000 });

export const instanceDetailQuery = (iid: string) =>
  queryOptions({ queryKey: instanceKeys.detail(iid), queryFn: ({ signal }) => getInstance(iid, signal) });
