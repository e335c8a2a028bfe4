// Route registration that also answers 405 (in the family's shape) for the other methods of a
// known URL, which Fastify would otherwise report as 404.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { familyError, type Family } from './errors';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
type Hook = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export interface ResourceHooks {
  onRequest?: Hook[];
  preHandler?: Hook[];
}

export function resource(
  app: FastifyInstance,
  family: Family,
  url: string,
  handlers: Partial<Record<Method, RouteHandlerMethod>>,
  hooks: ResourceHooks = {},
): void {
  const allowed = METHODS.filter((m) => handlers[m]);
  for (const m of allowed) {
    app.route({ method: m, url, handler: handlers[m] as RouteHandlerMethod, onRequest: hooks.onRequest, preHandler: hooks.preHandler });
  }
  const others: string[] = [...METHODS.filter((m) => !handlers[m]), 'OPTIONS'];
  if (!handlers.GET) others.push('HEAD'); // Fastify adds HEAD itself for GET routes
  const allow = [...allowed, ...(handlers.GET ? ['HEAD'] : [])].join(', ');
  app.route({
    method: others,
    url,
    handler: async (req, reply) => {
      reply.header('Allow', allow);
      throw familyError(family, 'badMethod', `Method ${req.method} is not allowed on this URL (allowed: ${allow}).`);
    },
  });
}
