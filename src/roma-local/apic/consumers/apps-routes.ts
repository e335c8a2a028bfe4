// Apps as APIC sees them, AppCodes and app configs (apic.md section 6).
import type { FastifyInstance } from 'fastify';
import {
  apicAppListQuery, appCodeCreateRequest, appCodeListQuery, appConfigCreateRequest, appConfigListQuery, appConfigUpdateRequest,
} from '../../../contract/index';
import { resource, type ResourceHooks } from '../../http';
import { parseBody, parseQuery } from '../../validate';
import { BASE, paged, params } from '../routes/common';
import { toApicApp, toAppCode, toAppConfig, type ConsumerAppStore } from './apps-store';

export function consumerAppRoutes(app: FastifyInstance, apps: ConsumerAppStore, hooks: ResourceHooks): void {
  resource(app, 'apic', `${BASE}/apps`, {
    GET: async (req) => {
      const q = parseQuery('apic', apicAppListQuery, req.query);
      return paged('apps', apps.list(params(req).instance_id, q), q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apps/configs`, {
    GET: async (req) => {
      const q = parseQuery('apic', appConfigListQuery, req.query);
      return paged('configs', apps.configs(params(req).instance_id, q).map(toAppConfig), q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apps/:app_id`, {
    GET: async (req) => toApicApp(apps.app(params(req).instance_id, params(req).app_id)),
  }, hooks);

  resource(app, 'apic', `${BASE}/apps/:app_id/app-codes`, {
    GET: async (req) => {
      const q = parseQuery('apic', appCodeListQuery, req.query);
      return paged('app_codes', apps.codes(params(req).instance_id, params(req).app_id).map(toAppCode), q);
    },
    POST: async (req, reply) => {
      const body = parseBody('apic', appCodeCreateRequest, req.body);
      return reply.code(201).send(toAppCode(apps.addCode(params(req).instance_id, params(req).app_id, body.app_code)));
    },
    // CreateAppCodeAutoV2: PUT without a body generates the code
    PUT: async (req, reply) => reply.code(201).send(toAppCode(apps.addCode(params(req).instance_id, params(req).app_id))),
  }, hooks);

  resource(app, 'apic', `${BASE}/apps/:app_id/app-codes/:app_code_id`, {
    GET: async (req) => toAppCode(apps.code(params(req).instance_id, params(req).app_id, params(req).app_code_id)),
    DELETE: async (req, reply) => {
      apps.deleteCode(params(req).instance_id, params(req).app_id, params(req).app_code_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apps/:app_id/configs`, {
    POST: async (req, reply) => {
      const body = parseBody('apic', appConfigCreateRequest, req.body);
      return reply.code(201).send(toAppConfig(apps.saveConfig(params(req).instance_id, params(req).app_id, body)));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/apps/:app_id/configs/:app_config_id`, {
    GET: async (req) => toAppConfig(apps.config(params(req).instance_id, params(req).app_id, params(req).app_config_id)),
    PUT: async (req) => {
      const body = parseBody('apic', appConfigUpdateRequest, req.body);
      const { instance_id, app_id, app_config_id } = params(req);
      return toAppConfig(apps.saveConfig(instance_id, app_id, body, app_config_id));
    },
    DELETE: async (req, reply) => {
      apps.deleteConfig(params(req).instance_id, params(req).app_id, params(req).app_config_id);
      return reply.code(204).send();
    },
  }, hooks);
}
