// What every APIC route needs: the URL prefix, token + instance checks, paging.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APIC_DEFAULT_LIMIT } from '../../../contract/index';
import { requireToken } from '../../auth/hooks';
import { caller, type Ctx } from '../../context';
import type { ResourceHooks } from '../../http';
import { InstanceStore } from '../../instances/store';
import { APIC } from '../errors';

export const BASE = '/v2/:project_id/apic/instances/:instance_id';

export type Params = Record<string, string> & { instance_id: string };
export const params = (req: FastifyRequest): Params => req.params as Params;

export function apicHooks(ctx: Ctx): ResourceHooks {
  const instances = new InstanceStore(ctx.db);
  const requireInstance = async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const { instance_id: id } = params(req);
    if (!instances.get(caller(req).projectId ?? '', id)) throw APIC.instanceNotFound(id);
  };
  return { onRequest: [requireToken(ctx, 'apic')], preHandler: [requireInstance] };
}

export function paged<T, K extends string>(key: K, all: T[], q: { offset?: number; limit?: number }) {
  const offset = q.offset ?? 0;
  const items = all.slice(offset, offset + (q.limit ?? APIC_DEFAULT_LIMIT));
  return { size: items.length, total: all.length, [key]: items } as { size: number; total: number } & Record<K, T[]>;
}
