// Combined tasks: create, update, init (binding + automatic mapping), mappings, reset.
import type { FastifyInstance } from 'fastify';
import { createMultiTaskMappingRequest, createMultiTaskRequest, multiTaskInitRequest, resetMultiTaskRequest, updateMultiTaskRequest } from '../../../contract/index';
import type { Ctx } from '../../context';
import { resource } from '../../http';
import { parseBody } from '../../validate';
import { isRunnable } from '../connectors/index';
import type { ColumnMeta } from '../connectors/types';
import type { DatasourceRow } from '../datasources';
import { MultiTaskStore } from '../multi';
import type { TaskStore } from '../tasks';
import { BASE, fdiHooks, params } from './common';
import { withConnector } from './datasources';

/** Tables with their columns, or null when the type cannot be read here (no automatic mapping then). */
async function tableColumns(ctx: Ctx, ds: DatasourceRow): Promise<Map<string, ColumnMeta[]> | null> {
  if (!isRunnable(ds.type)) return null;
  return withConnector(ctx, ds, async (c) => {
    const out = new Map<string, ColumnMeta[]>();
    for (const t of (await c.tables()).slice(0, 500)) out.set(t, await c.columns(t));
    return out;
  });
}

export function multiTaskRoutes(app: FastifyInstance, ctx: Ctx, tasks: TaskStore): void {
  const hooks = fdiHooks(ctx);
  const store = new MultiTaskStore(ctx.db, ctx.now, tasks);

  resource(app, 'fdi', `${BASE}/multi-tasks`, {
    POST: async (req, reply) => {
      const body = parseBody('fdi', createMultiTaskRequest, req.body);
      return reply.code(201).send({ task_id: store.create(params(req).instance_id, body) });
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/multi-tasks/init`, {
    POST: async (req) => {
      const body = parseBody('fdi', multiTaskInitRequest, req.body);
      return store.init(params(req).instance_id, body, (ds) => tableColumns(ctx, ds));
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/multi-tasks/:task_id`, {
    PUT: async (req) => {
      const body = parseBody('fdi', updateMultiTaskRequest, req.body);
      return { task_id: store.update(params(req).instance_id, params(req).task_id, body) };
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/multi-tasks/:task_id/mappings`, {
    POST: async (req, reply) => {
      const body = parseBody('fdi', createMultiTaskMappingRequest, req.body);
      return reply.code(201).send({ mapping_id: store.addMapping(params(req).instance_id, params(req).task_id, body) });
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/multi-tasks/:task_id/mappings/:mapping_id`, {
    DELETE: async (req) => ({ mapping_id: store.deleteMapping(params(req).instance_id, params(req).task_id, params(req).mapping_id) }),
  }, hooks);

  resource(app, 'fdi', `${BASE}/multi-tasks/:task_id/reset`, {
    POST: async (req) => {
      const body = req.body === undefined ? {} : parseBody('fdi', resetMultiTaskRequest, req.body);
      return { message: store.reset(params(req).instance_id, params(req).task_id, body.date_from) };
    },
  }, hooks);
}
