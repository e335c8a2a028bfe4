// Which data source types roma-local can test and run, and opening a connector for one.
import { datasourceType as typeSchema, DATASOURCE_TYPES, LOCAL_DATASOURCE_TYPES, type DatasourceContent } from '../../../contract/index';
import { fdiDir, SqliteConnector, sqlitePath } from './sqlite';
import { ConnectorError, type Connector } from './types';
import { parseJdbcUrl } from './url';

export const RUNNABLE_TYPES = ['MYSQL', 'POSTGRESQL', 'SQLITE'] as const;
export const isRunnable = (type: string): boolean => (RUNNABLE_TYPES as readonly string[]).includes(type);

/** Every type: the vendor's (stored; runnable only for MYSQL and POSTGRESQL) and roma-local's own SQLITE. */
export function connectorTypes() {
  const local = new Set<string>(LOCAL_DATASOURCE_TYPES);
  return [...DATASOURCE_TYPES, ...LOCAL_DATASOURCE_TYPES].map((t) => ({ datasource_type: t, runnable: isRunnable(t), local_extension: local.has(t) }));
}

export interface OpenOptions {
  dataDir: string;
  /** SQLite: create the file when missing (targets). */
  create?: boolean;
}

/** A connector for a stored or submitted data source; throws ConnectorError('unsupported') for other types.
 * The MySQL and PostgreSQL drivers load on first use: they would add seconds to every roma-local start. */
export async function openConnector(type: string, content: DatasourceContent, opts: OpenOptions): Promise<Connector> {
  typeSchema.parse(type);
  if (type === 'SQLITE') return new SqliteConnector(sqlitePath(opts.dataDir, content.database_name ?? ''), opts.create ?? false, fdiDir(opts.dataDir));
  if (type !== 'MYSQL' && type !== 'POSTGRESQL') {
    throw new ConnectorError('unsupported', `The ${type} connector is not available in roma-local (available: ${RUNNABLE_TYPES.join(', ')}).`);
  }
  const scheme = type === 'MYSQL' ? 'mysql' : 'postgresql';
  const defPort = type === 'MYSQL' ? 3306 : 5432;
  const addr = content.mode === 'professional'
    ? parseJdbcUrl(content.url ?? '', scheme, defPort)
    : { host: content.host ?? '', port: Number(content.port ?? defPort), database: content.database_name ?? '', params: {} };
  const full = { ...addr, user: addr.user ?? content.user_name, password: addr.password ?? content.password };
  const timeout = content.mysql_timeout && content.mysql_timeout > 0 ? content.mysql_timeout : 10;
  if (type === 'MYSQL') return new (await import('./mysql')).MysqlConnector(full, timeout);
  return new (await import('./postgres')).PostgresConnector(full, timeout);
}

export { ConnectorError };
export type { Connector };
