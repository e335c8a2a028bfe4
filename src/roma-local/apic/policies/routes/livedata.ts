// LiveData (custom backend) data sources (section 15): the FDI data sources of the app, read-only.
import type { FastifyInstance } from 'fastify';
import { liveDataDataSourcesQuery } from '../../../../contract/index';
import { resource, type ResourceHooks } from '../../../http';
import { fuzzy, isoSeconds } from '../../../util';
import { parseQuery } from '../../../validate';
import { BASE, paged, params } from '../../routes/common';
import { appName, prep } from '../../store/state';
import type { PolicyStores } from '../index';

interface DsRow { id: string; name: string; type: string; content: string; description: string; create_time: number; update_time: number }

/** The connection string and user of an FDI data source's content, when it has them (never the password). */
function connection(type: string, content: string): { url?: string; user?: string } {
  let c: Record<string, unknown> = {};
  try { c = JSON.parse(content) as Record<string, unknown>; } catch { /* unreadable content: no url */ }
  const str = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : undefined);
  const user = str('user_name') ?? str('username') ?? str('user');
  const url = str('url') ?? str('connection_url') ?? (str('host') ? `jdbc:${type}://${str('host')}${str('port') ? `:${String(c.port)}` : ''}/${str('database_name') ?? str('database') ?? ''}` : undefined);
  return { ...(url ? { url } : {}), ...(user ? { user } : {}) };
}

export function liveDataRoutes(app: FastifyInstance, s: PolicyStores, hooks: ResourceHooks): void {
  resource(app, 'apic', `${BASE}/data-sources`, {
    GET: async (req) => {
      const q = parseQuery('apic', liveDataDataSourcesQuery, req.query);
      const instanceId = params(req).instance_id;
      appName(s.db, instanceId, q.app_id);
      const rows = prep(s.db, 'SELECT id, name, type, content, description, create_time, update_time FROM fdi_datasources WHERE instance_id = ? AND app_id = ? ORDER BY create_time, seq')
        .all(instanceId, q.app_id) as DsRow[];
      const items = rows.filter((r) => !q.name || fuzzy(r.name, q.name)).map((r) => ({
        id: r.id, name: r.name, type: r.type.toLowerCase(), description: r.description, ...connection(r.type.toLowerCase(), r.content),
        status: 'new', created_time: isoSeconds(r.create_time), modified_time: isoSeconds(r.update_time),
      }));
      return paged('data_sources', items, q);
    },
  }, hooks);
}
