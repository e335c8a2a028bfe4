// Which connection fields a data source type uses (fdi.md §1 Content table), so the form shows
// only those: relational types have a default mode (host, port, database, user, password) and a
// professional mode (JDBC URL); SQLITE (roma-local only) a file name; other types edit JSON.
import type { DatasourceInfo } from '../../../../contract/fdi';

export type FormKind = 'relational' | 'relationalDefaultOnly' | 'file' | 'json';

const WITH_MODES = new Set(['MYSQL', 'POSTGRESQL', 'SQLSERVER', 'DB2', 'GAUSS200', 'GAUSS100', 'TAURUS', 'HIVE']);
const DEFAULT_ONLY = new Set(['DWS', 'HANA', 'ORACLE']);
const WITH_ENCODING = new Set(['MYSQL', 'TAURUS', 'POSTGRESQL', 'GAUSS200', 'GAUSS100']);
export const DEFAULT_PORTS: Record<string, string> = { MYSQL: '3306', TAURUS: '3306', POSTGRESQL: '5432', GAUSS200: '8000', DWS: '8000', SQLSERVER: '1433', ORACLE: '1521', DB2: '50000', HIVE: '10000', HANA: '30015' };

export function formKind(type: string): FormKind {
  if (type === 'SQLITE') return 'file';
  if (WITH_MODES.has(type)) return 'relational';
  if (DEFAULT_ONLY.has(type)) return 'relationalDefaultOnly';
  return 'json';
}
export const usesEncoding = (type: string): boolean => WITH_ENCODING.has(type);

export interface DatasourceFormValues {
  datasource_name: string;
  datasource_type: string;
  app_id: string;
  description?: string;
  mode?: 'default' | 'professional';
  host?: string;
  port?: string;
  database_name?: string;
  user_name?: string;
  password?: string;
  url?: string;
  encoding?: string;
  contentJson?: string;
}

/** The request body for the form's values: only the fields this type and mode use. A blank
 * password on edit is left out, so the saved one is kept. */
export function toDatasourceInfo(v: DatasourceFormValues): DatasourceInfo {
  const kind = formKind(v.datasource_type);
  const trim = (s?: string) => (s ?? '').trim();
  let content: Record<string, unknown> = {};
  if (kind === 'file') content = { database_name: trim(v.database_name) };
  else if (kind === 'json') content = v.contentJson?.trim() ? (JSON.parse(v.contentJson) as Record<string, unknown>) : {};
  else {
    const professional = kind === 'relational' && v.mode === 'professional';
    content = professional
      ? { mode: 'professional', url: trim(v.url) }
      : { ...(kind === 'relational' ? { mode: 'default' } : {}), host: trim(v.host), port: trim(v.port), database_name: trim(v.database_name) };
    if (trim(v.user_name)) content.user_name = trim(v.user_name);
    if (v.password) content.password = v.password;
    if (!professional && usesEncoding(v.datasource_type) && v.encoding) content.encoding = v.encoding;
  }
  return {
    datasource_name: v.datasource_name.trim(),
    datasource_type: v.datasource_type as DatasourceInfo['datasource_type'],
    app_id: v.app_id,
    content: content as DatasourceInfo['content'],
    ...(v.description?.trim() ? { description: v.description.trim() } : {}),
  };
}

/** Form values of a saved data source (its password comes back empty). */
export function fromContent(type: string, content: Record<string, unknown>): Partial<DatasourceFormValues> {
  const str = (k: string) => (typeof content[k] === 'string' ? (content[k] as string) : content[k] === undefined || content[k] === null ? undefined : String(content[k]));
  if (formKind(type) === 'json') {
    const { password: _p, ...rest } = content;
    return { contentJson: JSON.stringify(rest, null, 2) };
  }
  return {
    mode: str('mode') === 'professional' ? 'professional' : 'default',
    host: str('host'), port: str('port'), database_name: str('database_name'), user_name: str('user_name'), url: str('url'), encoding: str('encoding'),
  };
}

/** One line that says where the source is (list column). */
export function addressOf(type: string, content: Record<string, unknown>): string {
  const s = (k: string) => (content[k] === undefined || content[k] === null ? '' : String(content[k]));
  if (formKind(type) === 'file') return s('database_name');
  if (s('mode') === 'professional') return s('url');
  if (s('host')) return `${s('host')}${s('port') ? `:${s('port')}` : ''}${s('database_name') ? `/${s('database_name')}` : ''}`;
  return s('url') || s('address') || s('broker');
}
