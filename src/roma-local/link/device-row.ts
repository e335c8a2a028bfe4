// A device as stored (with its product, parent and app joined) and as the API shows it.
import { PERMISSIONS, user } from './sql';

export interface DeviceRow {
  id: number; instance_id: string; product_id: number; parent_id: number | null; app_id: string; device_name: string;
  node_id: string; node_type: 0 | 1 | 2; client_id: string; user_name: string; password: string; status: 0 | 1;
  online_status: 0 | 1 | 2; description: string; tags: string; version: string | null; created_user_id: string;
  created_user_name: string; updated_user_id: string; updated_user_name: string; created_at: number; updated_at: number;
  last_login: number | null; last_active: number | null; client_ip: string | null; keep_alive: number | null;
  // joined
  product_name: string; manufacturer_id: string; model: string; protocol_type: 0 | 2 | 4; product_type: 0 | 1;
  product_serial: string; parent_name: string | null; app_name: string | null;
}

export const DEVICE_SELECT = `SELECT d.*, p.name AS product_name, p.manufacturer_id, p.model, p.protocol_type, p.product_type,
  p.product_serial, par.device_name AS parent_name, a.name AS app_name
  FROM link_devices d JOIN link_products p ON p.id = d.product_id
  LEFT JOIN link_devices par ON par.id = d.parent_id LEFT JOIN apps a ON a.id = d.app_id`;

export function toDevice(d: DeviceRow, address: string) {
  return {
    permissions: PERMISSIONS, id: d.id, device_id: d.id, parent_device_id: d.parent_id, parent_device_name: d.parent_name,
    product: {
      product_id: d.product_id, product_name: d.product_name, manufacturer_id: d.manufacturer_id, model: d.model,
      protocol_type: d.protocol_type, product_type: d.product_type,
    },
    device_name: d.device_name, instance_id: d.instance_id, client_id: d.client_id, node_id: d.node_id,
    app_name: d.app_name ?? '', status: d.status, online_status: d.online_status, description: d.description,
    authentication: { user_name: d.user_name, password: d.password },
    created_user: user(d.created_user_id, d.created_user_name), last_updated_user: user(d.updated_user_id, d.updated_user_name),
    tags: JSON.parse(d.tags) as string[], created_datetime: d.created_at, last_updated_datetime: d.updated_at,
    ...addresses(address), last_login_datetime: d.last_login, node_type: d.node_type, device_type: d.node_type,
    client_ip: d.client_ip, keep_alive: d.keep_alive === null ? null : String(d.keep_alive), last_active_time: d.last_active,
    version: d.version, app_id: d.app_id,
  };
}
/** Only plain MQTT is served; the SSL and IPv6 addresses stay empty. */
export const addresses = (address: string) => ({
  connect_address: address, ssl_connect_address: '', ipv6_connect_address: '', ipv6_ssl_connect_address: '',
});
