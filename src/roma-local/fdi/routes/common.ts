// Shared bits of the FDI routes: prefix, hooks (token + instance, FDI error shape), params.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireToken } from '../../auth/hooks';
import { caller, type Ctx } from '../../context';
import { familyError } from '../../errors';
import type { ResourceHooks } from '../../http';
import { InstanceStore } from '../../instances/store';

export const BASE = '/v2/:project_id/fdi/instances/:instance_id';

export type Params = { project_id: string; instance_id: string; datasource_id: string; task_id: string; dispatch_id: string; tracking_id: string; mapping_id: string };
export const params = (req: FastifyRequest): Params => req.params as Params;

export function fdiHooks(ctx: Ctx): ResourceHooks {
  const instances = new InstanceStore(ctx.db);
  const requireInstance = async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const { instance_id: id } = params(req);
    if (!instances.get(caller(req).projectId ?? '', id)) throw familyError('fdi', 'instanceNotFound', `The instance ${id} does not exist.`);
  };
  return { onRequest: [requireToken(ctx, 'fdi')], preHandler: [requireInstance] };
}

/** Page of a list by row offset. */
export const slice = <T>(all: T[], offset = 0, limit = 10): T[] => all.slice(offset, offset + limit);
