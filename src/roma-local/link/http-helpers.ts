// Route plumbing shared by the LINK route files: base path, hooks, path ids and paging.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../context';
import { caller } from '../context';
import { familyError } from '../errors';
import { requireToken } from '../auth/hooks';
import type { ResourceHooks } from '../http';
import { InstanceStore } from '../instances/store';

export const BASE = '/v2/:project_id/link/instances/:instance_id';

export function linkHooks(ctx: Ctx): ResourceHooks {
  const instances = new InstanceStore(ctx.db);
  const requireInstance = async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const { instance_id: id } = req.params as { instance_id: string };
    if (!instances.get(caller(req).projectId ?? '', id)) {
      throw familyError('link', 'instanceNotFound', `The instance does not exist. project_id: ${caller(req).projectId}, instance_id: ${id}`);
    }
  };
  return { onRequest: [requireToken(ctx, 'link')], preHandler: [requireInstance] };
}

export const instanceOf = (req: FastifyRequest): string => (req.params as { instance_id: string }).instance_id;

/** An int32 id from the path; anything else is the vendor's 400 "Parameter is [x]. Processor is [path]". */
export function pathId(req: FastifyRequest, name: string): number {
  const raw = (req.params as Record<string, string>)[name] ?? '';
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 2147483647) {
    throw familyError('link', 'invalidParam', `Parameter is not valid. Parameter is [${name}]. Processor is [path].`);
  }
  return n;
}

export const page = (q: { offset?: number; limit?: number }) => ({ offset: q.offset ?? 0, limit: q.limit ?? 10 });
export const listOf = <T>(total: number, items: T[]) => ({ total, size: items.length, items });
