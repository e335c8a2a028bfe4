// Professional mode: a JDBC-style URL (jdbc:mysql://host:port/db?user=u&password=p).
import { ConnectorError } from './types';

export interface Address { host: string; port: number; database: string; user?: string; password?: string; params: Record<string, string> }

export function parseJdbcUrl(url: string, scheme: 'mysql' | 'postgresql', defaultPort: number): Address {
  const m = /^(?:jdbc:)?(mysql|mariadb|postgresql|postgres):\/\/([^/?#]+?)(?::(\d{1,5}))?\/([^?#]+)(?:\?(.*))?$/i.exec(url.trim());
  const kind = m?.[1]?.toLowerCase();
  const ok = kind && (scheme === 'mysql' ? kind === 'mysql' || kind === 'mariadb' : kind === 'postgresql' || kind === 'postgres');
  if (!m || !ok) throw new ConnectorError('other', `url must look like jdbc:${scheme}://host:port/database (got ${JSON.stringify(url)})`);
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(m[5] ?? '')) params[k] = v;
  return {
    host: m[2]!.replace(/^\[|\]$/g, ''),
    port: m[3] ? Number(m[3]) : defaultPort,
    database: decodeURIComponent(m[4]!),
    user: params.user ?? params.username,
    password: params.password,
    params,
  };
}
