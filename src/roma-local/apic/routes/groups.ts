// API groups (section 2) and their bound domains.
import type { FastifyInstance } from 'fastify';
import {
  apiGroupListQuery, associateDomainRequest, checkApiGroupRequest, createApiGroupRequest, updateApiGroupRequest, updateDomainRequest,
} from '../../../contract/index';
import { resource, type ResourceHooks } from '../../http';
import { parseBody, parseQuery } from '../../validate';
import type { ApicStores } from '../stores';
import { toDomainResponse } from '../store/groups';
import { BASE, paged, params } from './common';

export function groupRoutes(app: FastifyInstance, s: ApicStores, hooks: ResourceHooks): void {
  resource(app, 'apic', `${BASE}/api-groups`, {
    GET: async (req) => {
      const q = parseQuery('apic', apiGroupListQuery, req.query);
      return paged('groups', s.groups.list(params(req).instance_id, q), q);
    },
    POST: async (req, reply) => {
      const body = parseBody('apic', createApiGroupRequest, req.body);
      return reply.code(201).send(s.groups.create(params(req).instance_id, body));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/api-groups/check`, {
    POST: async (req, reply) => {
      const body = parseBody('apic', checkApiGroupRequest, req.body);
      s.groups.check(params(req).instance_id, body.group_name, body.roma_app_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/api-groups/:group_id`, {
    GET: async (req) => s.groups.view(params(req).instance_id, params(req).group_id),
    PUT: async (req) => s.groups.update(params(req).instance_id, params(req).group_id, parseBody('apic', updateApiGroupRequest, req.body)),
    DELETE: async (req, reply) => {
      s.groups.delete(params(req).instance_id, params(req).group_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/api-groups/:group_id/domains`, {
    POST: async (req, reply) => {
      const body = parseBody('apic', associateDomainRequest, req.body);
      return reply.code(201).send(toDomainResponse(s.groups.bindDomain(params(req).instance_id, params(req).group_id, body)));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/api-groups/:group_id/domains/:domain_id`, {
    PUT: async (req) => {
      const { instance_id, group_id, domain_id } = params(req);
      return toDomainResponse(s.groups.updateDomain(instance_id, group_id, domain_id, parseBody('apic', updateDomainRequest, req.body)));
    },
    DELETE: async (req, reply) => {
      const { instance_id, group_id, domain_id } = params(req);
      s.groups.unbindDomain(instance_id, group_id, domain_id);
      return reply.code(204).send();
    },
  }, hooks);
}
