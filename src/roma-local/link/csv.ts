// Device export as CSV, UTF-8 with BOM (what the vendor's console produces and Excel expects).
// Column set is ours (the vendor's list is not published): see src/roma-local/README.md.
import type { DeviceRow } from './device-row';

export const CSV_COLUMNS = [
  'device_id', 'device_name', 'node_id', 'client_id', 'product_id', 'product_name', 'app_id', 'app_name', 'user_name',
  'password', 'status', 'online_status', 'node_type', 'parent_device_name', 'description', 'tags', 'created_datetime',
] as const;

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** `withPassword` false (password_type 0) leaves the password column empty. */
export function devicesCsv(rows: DeviceRow[], withPassword: boolean): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const d of rows) {
    lines.push([
      d.id, d.device_name, d.node_id, d.client_id, d.product_id, d.product_name, d.app_id, d.app_name ?? '', d.user_name,
      withPassword ? d.password : '', d.status, d.online_status, d.node_type, d.parent_name ?? '', d.description,
      (JSON.parse(d.tags) as string[]).join(';'), new Date(d.created_at).toISOString(),
    ].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
