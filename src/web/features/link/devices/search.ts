// The devices list state in the URL (every field has a .catch() default: a hand-edited URL never breaks).
import { z } from 'zod';
import { ONLINE_STATES, onlineCode, type DeviceListParams, type OnlineState } from '../../../api/link';
import { pagedSearchFields } from '../../../components/searchState';

const id = z.string().regex(/^\d{1,10}$/).catch('');
export const devicesSearchSchema = z.object({
  ...pagedSearchFields(64),
  /** online states, comma-separated: online,offline */
  state: z
    .string()
    .transform((s) => s.split(',').filter((x): x is OnlineState => (ONLINE_STATES as readonly string[]).includes(x)).join(','))
    .catch(''),
  product: id,
  node: z.string().max(64).catch(''),
  tag: z.string().max(64).catch(''),
  kind: z.enum(['all', '0', '1', '2']).catch('all'),
  /** the device shown in the drawer */
  device: id,
});
export type DevicesSearch = z.infer<typeof devicesSearchSchema>;

export const states = (s: DevicesSearch): OnlineState[] => (s.state ? (s.state.split(',') as OnlineState[]) : []);

export function toDeviceParams(s: DevicesSearch): DeviceListParams {
  return {
    offset: s.offset,
    limit: s.limit,
    device_name: s.name || undefined,
    product_id: s.product || undefined,
    node_id: s.node || undefined,
    tag: s.tag || undefined,
    online_status: states(s).map((x) => onlineCode[x]).join(',') || undefined,
    node_type: s.kind === 'all' ? undefined : Number(s.kind),
  };
}
