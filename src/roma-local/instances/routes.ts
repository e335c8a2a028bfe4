// GET /v2/{project_id}/instances (ROMA common shape) and
// GET /v2/{project_id}/apic/instances/{instance_id} (APIC shape) — instances.md.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LIMIT, instanceListQuery } from '../../contract/index';
import { requireToken } from '../auth/hooks';
import { caller, type Ctx } from '../context';
import { familyError } from '../errors';
import { resource } from '../http';
import { parseQuery } from '../validate';
import { InstanceStore, listStatus, toDetail, toListItem } from './store';

/** preHandler for `/instances/{instance_id}/…` routes: the instance must exist in the token's project. */
export function requireInstance(ctx: Ctx) {
  const store = new InstanceStore(ctx.db);
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const { instance_id: id } = req.params as { instance_id: string };
    if (!store.get(caller(req).projectId ?? '', id)) {
      throw familyError('roma', 'instanceNotFound', `The instance ${id} does not exist.`);
    }
  };
}

export function instanceRoutes(app: FastifyInstance, ctx: Ctx): void {
  const store = new InstanceStore(ctx.db);

  resource(app, 'roma', '/v2/:project_id/instances', {
    GET: async (req) => {
      const q = parseQuery('roma', instanceListQuery, req.query);
      const status = q.status?.trim().toUpperCase();
      const all = store.listByProject(caller(req).projectId ?? '').filter(
        (r) => !status || listStatus(r.instance_status) === status,
      );
      const offset = q.offset ?? 0;
      const page = all.slice(offset, offset + (q.limit ?? DEFAULT_LIMIT)).map(toListItem);
      return { total: all.length, size: page.length, instances: page };
    },
  }, { onRequest: [requireToken(ctx, 'roma')] });

  resource(app, 'apic', '/v2/:project_id/apic/instances/:instance_id', {
    GET: async (req) => {
      const { instance_id: id } = req.params as { instance_id: string };
      const row = store.get(caller(req).projectId ?? '', id);
      if (!row) throw familyError('apic', 'instanceNotFound', 'Instance not found');
      return toDetail(row);
    },
  }, { onRequest: [requireToken(ctx, 'apic')] });
}
