import { queryOptions } from '@tanstack/react-query';
import { devicesCountResponse } from '../../../contract/link';
import { http, parseWith } from '../http';
import { base, linkStatsKey } from './base';

// ---- statistics ----

export interface DeviceCounts {
  online: number;
  offline: number;
  never: number;
  total: number;
  products: number;
}
export const deviceCountsQuery = (iid: string) =>
  queryOptions({
    queryKey: linkStatsKey(iid),
    queryFn: async ({ signal }): Promise<DeviceCounts> => {
      const c = parseWith(devicesCountResponse, (await http.get(`${base(iid)}/statistics/devices-count`, { signal })).data, 'device counts');
      const kinds = [c.devices.normal_devices, c.devices.gateway_devices, c.devices.subsets_devices];
      const sum = (k: 'online' | 'offline' | 'never_connected') => kinds.reduce((n, x) => n + x[k], 0);
      const online = sum('online');
      const offline = sum('offline');
      const never = sum('never_connected');
      return { online, offline, never, total: online + offline + never, products: c.products.normal_products_numbers + c.products.gateway_products_numbers };
    },
  });
