// CSV export of the audit trail: UTF-8 with a BOM (so Excel reads Chinese names right), CRLF rows,
// RFC 4180 quoting, and formula-looking cells neutralised (a leading ' for = + - @).
import type { AuditRecord } from '../../api/audit';

export const CSV_COLUMNS = ['time', 'user', 'domain', 'project', 'method', 'route', 'resources', 'status', 'error_code', 'request_id', 'duration_ms', 'client_ip'] as const;

function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const resources = (ids: Record<string, string>): string =>
  Object.entries(ids).map(([k, v]) => `${k}=${v}`).join('; ');

export function toCsv(records: readonly AuditRecord[]): string {
  const rows = records.map((r) =>
    [new Date(r.time).toISOString(), r.user, r.domain, r.project, r.method, r.route, resources(r.resourceIds), r.status, r.errorCode, r.requestId, r.durationMs, r.clientIp]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Offers `text` as a file download. */
export function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
