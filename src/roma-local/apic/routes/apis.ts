// APIs (section 3: CRUD, check, list with every filter) and publishing (section 4).
import type { FastifyInstance } from 'fastify';
import {
  APIC_DEFAULT_LIMIT, apiActionRequest, apiCheckRequest, apiCreateRequest, apiListQuery, apiRuntimeQuery, apiVersionsQuery,
  batchPublishQuery, batchPublishRequest, changeApiVersionRequest,
} from '../../../contract/index';
import { resource, type ResourceHooks } from '../../http';
import { parseBody, parseQuery } from '../../validate';
import type { ApicStores } from '../stores';
import { BASE, paged, params } from './common';

export function apiRoutes(app: FastifyInstance, s: ApicStores, hooks: ResourceHooks): void {
  resource(app, 'apic', `${BASE}/apis`, {
    GET: async (req) => {
      const q = parseQuery('apic', apiListQuery, req.query);
      const { instance_id } = params(req);
      const { total, rows } = s.apis.list(instance_id, q, q.offset ?? 0, q.limit ?? APIC_DEFAULT_LIMIT);
      const apis = s.apis.views(instance_id, rows);
      return { size: apis.length, total, apis };
    },
    POST: async (req, reply) => {
      const def = parseBody('apic', apiCreateRequest, req.body);
      return reply.code(201).send(s.apis.create(params(req).instance_id, def));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apis/check`, {
    POST: async (req, reply) => {
      s.apis.check(params(req).instance_id, parseBody('apic', apiCheckRequest, req.body));
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apis/:api_id`, {
    GET: async (req) => s.apis.view(params(req).instance_id, params(req).api_id),
    PUT: async (req) => s.apis.update(params(req).instance_id, params(req).api_id, parseBody('apic', apiCreateRequest, req.body)),
    DELETE: async (req, reply) => {
      s.apis.delete(params(req).instance_id, params(req).api_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apis/action`, {
    POST: async (req, reply) => {
      const b = parseBody('apic', apiActionRequest, req.body);
      const { instance_id } = params(req);
      if (b.action === 'online') return reply.code(201).send(s.publish.publish(instance_id, b.api_id, b.env_id, b.remark));
      return reply.code(200).send(s.publish.offline(instance_id, b.api_id, b.env_id, b.remark));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apis/publish`, {
    POST: async (req) => {
      const q = parseQuery('apic', batchPublishQuery, req.query);
      const b = parseBody('apic', batchPublishRequest, req.body);
      return s.publish.batch(params(req).instance_id, q.action, b.apis, b.env_id, b.remark);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apis/publish/:api_id`, {
    GET: async (req) => {
      const q = parseQuery('apic', apiVersionsQuery, req.query);
      return paged('api_versions', s.publish.versions(params(req).instance_id, params(req).api_id, q), q);
    },
    PUT: async (req) => {
      const b = parseBody('apic', changeApiVersionRequest, req.body);
      return s.publish.switchVersion(params(req).instance_id, params(req).api_id, b.version_id);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apis/versions/:version_id`, {
    GET: async (req) => s.publish.versionDetail(params(req).instance_id, params(req).version_id),
    DELETE: async (req, reply) => {
      s.publish.deleteVersion(params(req).instance_id, params(req).version_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apis/runtime/:api_id`, {
    GET: async (req) => {
      const q = parseQuery('apic', apiRuntimeQuery, req.query);
      return s.publish.runtime(params(req).instance_id, params(req).api_id, q.env_id || undefined);
    },
  }, hooks);
}
