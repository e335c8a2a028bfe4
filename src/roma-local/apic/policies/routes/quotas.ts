// Client quotas (section 8) and the quota bound to an app.
import type { FastifyInstance } from 'fastify';
import { appQuotaAppsQuery, appQuotaBindRequest, appQuotaCreateRequest, appQuotaListQuery } from '../../../../contract/index';
import { resource, type ResourceHooks } from '../../../http';
import { parseBody, parseQuery } from '../../../validate';
import { BASE, paged, params } from '../../routes/common';
import type { PolicyStores } from '../index';

export function quotaRoutes(app: FastifyInstance, s: PolicyStores, hooks: ResourceHooks): void {
  resource(app, 'apic', `${BASE}/app-quotas`, {
    GET: async (req) => {
      const q = parseQuery('apic', appQuotaListQuery, req.query);
      return paged('quotas', s.quotas.list(params(req).instance_id, q.name), q);
    },
    POST: async (req, reply) => reply.code(201).send(s.quotas.create(params(req).instance_id, parseBody('apic', appQuotaCreateRequest, req.body))),
  }, hooks);

  resource(app, 'apic', `${BASE}/app-quotas/:app_quota_id`, {
    GET: async (req) => s.quotas.view(params(req).instance_id, params(req).app_quota_id),
    PUT: async (req) => s.quotas.update(params(req).instance_id, params(req).app_quota_id, parseBody('apic', appQuotaCreateRequest, req.body)),
    DELETE: async (req, reply) => {
      s.quotas.delete(params(req).instance_id, params(req).app_quota_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/app-quotas/:app_quota_id/bindable-apps`, {
    GET: async (req) => {
      const q = parseQuery('apic', appQuotaAppsQuery, req.query);
      s.quotas.get(params(req).instance_id, params(req).app_quota_id);
      return paged('apps', s.quotas.bindable(params(req).instance_id, q.app_name), q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/app-quotas/:app_quota_id/bound-apps`, {
    GET: async (req) => {
      const q = parseQuery('apic', appQuotaAppsQuery, req.query);
      return paged('apps', s.quotas.bound(params(req).instance_id, params(req).app_quota_id, q.app_name), q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/app-quotas/:app_quota_id/binding-apps`, {
    POST: async (req, reply) => {
      const body = parseBody('apic', appQuotaBindRequest, req.body);
      return reply.code(201).send(s.quotas.bind(params(req).instance_id, params(req).app_quota_id, body.app_ids));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/app-quotas/:app_quota_id/bound-apps/:app_id`, {
    DELETE: async (req, reply) => {
      s.quotas.unbind(params(req).instance_id, params(req).app_quota_id, params(req).app_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apps/:app_id/bound-quota`, {
    GET: async (req) => s.quotas.ofApp(params(req).instance_id, params(req).app_id),
  }, hooks);
}
