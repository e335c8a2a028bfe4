// App authorisations (apic.md section 7).
import type { FastifyInstance } from 'fastify';
import { apiAuthCreateRequest, apisBoundToAppQuery, apisUnboundToAppQuery, appsBoundToApiQuery } from '../../../contract/index';
import { resource, type ResourceHooks } from '../../http';
import { parseBody, parseQuery } from '../../validate';
import { BASE, paged, params } from '../routes/common';
import type { AppAuthStore } from './auths-store';

export function appAuthRoutes(app: FastifyInstance, auths: AppAuthStore, hooks: ResourceHooks): void {
  resource(app, 'apic', `${BASE}/app-auths`, {
    POST: async (req, reply) => reply.code(201).send(auths.create(params(req).instance_id, parseBody('apic', apiAuthCreateRequest, req.body))),
  }, hooks);

  resource(app, 'apic', `${BASE}/app-auths/binded-apps`, {
    GET: async (req) => {
      const q = parseQuery('apic', appsBoundToApiQuery, req.query);
      return paged('auths', auths.list(params(req).instance_id, q), q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/app-auths/binded-apis`, {
    GET: async (req) => {
      const q = parseQuery('apic', apisBoundToAppQuery, req.query);
      return paged('auths', auths.list(params(req).instance_id, q), q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/app-auths/unbinded-apis`, {
    GET: async (req) => {
      const q = parseQuery('apic', apisUnboundToAppQuery, req.query);
      return paged('apis', auths.unbound(params(req).instance_id, q), q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/app-auths/:app_auth_id`, {
    DELETE: async (req, reply) => {
      auths.cancel(params(req).instance_id, params(req).app_auth_id);
      return reply.code(204).send();
    },
  }, hooks);
}
