// Data sources: CRUD, connectivity test, tables, columns, and the connector types on offer.
import type { FastifyInstance } from 'fastify';
import { datasourceColumnsQuery, datasourceInfo, datasourceListQuery, datasourceTablesQuery } from '../../../contract/index';
import type { Ctx } from '../../context';
import { resource } from '../../http';
import { parseBody, parseQuery } from '../../validate';
import { connectorTypes, openConnector, type Connector } from '../connectors/index';
import { sqlitePath } from '../connectors/sqlite';
import { ConnectorError, toColumnInfo } from '../connectors/types';
import { contentOf, DatasourceStore, type DatasourceRow } from '../datasources';
import { FDI } from '../errors';
import { BASE, fdiHooks, params, slice } from './common';

/** Open, use, close; connector failures become FDI errors naming what failed. */
export async function withConnector<T>(ctx: Ctx, row: Pick<DatasourceRow, 'type' | 'content'>, fn: (c: Connector) => Promise<T>, test = false): Promise<T> {
  let c: Connector;
  try {
    c = await openConnector(row.type, JSON.parse(row.content), { dataDir: ctx.settings.dataDir });
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'unsupported') throw FDI.connectorUnavailable(row.type);
    throw FDI.testFailed((err as Error).message);
  }
  try {
    return await fn(c);
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    if (err.kind === 'table' && !test) throw FDI.tableNotFound(err.message);
    throw FDI.testFailed(err.message);
  } finally {
    await c.close().catch(() => undefined);
  }
}

export function datasourceRoutes(app: FastifyInstance, ctx: Ctx): void {
  const store = new DatasourceStore(ctx.db, ctx.now);
  const hooks = fdiHooks(ctx);
  /** Body + the SQLITE rule: the file stays inside ROMA_DATA_DIR/fdi/. */
  const parseInfo = (body: unknown) => {
    const info = parseBody('fdi', datasourceInfo, body);
    if (info.datasource_type === 'SQLITE') {
      try { sqlitePath(ctx.settings.dataDir, info.content.database_name ?? ''); } catch (err) { throw FDI.invalid('content.database_name', (err as Error).message); }
    }
    return info;
  };

  resource(app, 'fdi', `${BASE}/connector-types`, { GET: async () => ({ datasource_types: connectorTypes() }) }, hooks);

  resource(app, 'fdi', `${BASE}/datasources`, {
    GET: async (req) => {
      const q = parseQuery('fdi', datasourceListQuery, req.query);
      const all = store.list(params(req).instance_id, q);
      const page = slice(all, q.offset, q.limit).map((r) => store.toResponse(r));
      return { total: all.length, size: page.length, entities: page };
    },
    POST: async (req, reply) => {
      const body = parseInfo(req.body);
      return reply.code(201).send(store.toResponse(store.create(params(req).instance_id, body)));
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/datasources/:datasource_id`, {
    GET: async (req) => store.toResponse(store.get(params(req).instance_id, params(req).datasource_id)),
    PUT: async (req) => {
      const body = parseInfo(req.body);
      return store.toResponse(store.update(params(req).instance_id, params(req).datasource_id, body));
    },
    DELETE: async (req, reply) => {
      store.delete(params(req).instance_id, params(req).datasource_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/datasources/:datasource_id/test-connect`, {
    POST: async (req) => {
      const body = parseInfo(req.body);
      // an id not saved yet (the console tests a new source before creating it, with id "new"): no stored secrets
      const stored = store.find(params(req).instance_id, params(req).datasource_id);
      const content = stored ? store.mergeSecrets(contentOf(stored), body.content) : body.content; // the console never has the stored password
      await withConnector(ctx, { type: body.datasource_type, content: JSON.stringify(content) }, (c) => c.test(), true);
      return { result: true };
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/datasources/:datasource_id/tables`, {
    GET: async (req) => {
      const q = parseQuery('fdi', datasourceTablesQuery, req.query);
      const row = store.get(params(req).instance_id, params(req).datasource_id);
      return { tables: await withConnector(ctx, row, (c) => c.tables(q.filter)) };
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/datasources/:datasource_id/columns`, {
    GET: async (req) => {
      const q = parseQuery('fdi', datasourceColumnsQuery, req.query);
      const row = store.get(params(req).instance_id, params(req).datasource_id);
      const table = q.db_name && !q.table_name.includes('.') ? `${q.db_name}.${q.table_name}` : q.table_name;
      return { columns: (await withConnector(ctx, row, (c) => c.columns(table))).map(toColumnInfo) };
    },
  }, hooks);
}
