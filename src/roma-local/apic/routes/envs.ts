// Environments and environment variables (section 5).
import type { FastifyInstance } from 'fastify';
import { envCreateRequest, envListQuery, envVariableCreateRequest, envVariableListQuery, envVariableUpdateRequest } from '../../../contract/index';
import { resource, type ResourceHooks } from '../../http';
import { parseBody, parseQuery } from '../../validate';
import { toEnv, toVariable } from '../store/envs';
import type { ApicStores } from '../stores';
import { BASE, paged, params } from './common';

export function envRoutes(app: FastifyInstance, s: ApicStores, hooks: ResourceHooks): void {
  resource(app, 'apic', `${BASE}/envs`, {
    GET: async (req) => {
      const q = parseQuery('apic', envListQuery, req.query);
      return paged('envs', s.envs.list(params(req).instance_id, q.name).map(toEnv), q);
    },
    POST: async (req, reply) => reply.code(201).send(toEnv(s.envs.create(params(req).instance_id, parseBody('apic', envCreateRequest, req.body)))),
  }, hooks);

  resource(app, 'apic', `${BASE}/envs/:env_id`, {
    PUT: async (req) => toEnv(s.envs.update(params(req).instance_id, params(req).env_id, parseBody('apic', envCreateRequest, req.body))),
    DELETE: async (req, reply) => {
      s.envs.delete(params(req).instance_id, params(req).env_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/env-variables`, {
    GET: async (req) => {
      const q = parseQuery('apic', envVariableListQuery, req.query);
      s.groups.row(params(req).instance_id, q.group_id);
      return paged('variables', s.envs.variables(params(req).instance_id, q).map(toVariable), q);
    },
    POST: async (req, reply) => {
      const body = parseBody('apic', envVariableCreateRequest, req.body);
      const { instance_id } = params(req);
      return reply.code(201).send(toVariable(s.envs.createVariable(instance_id, body, (g) => void s.groups.row(instance_id, g))));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/env-variables/:env_variable_id`, {
    GET: async (req) => toVariable(s.envs.variable(params(req).instance_id, params(req).env_variable_id)),
    PUT: async (req) => {
      const body = parseBody('apic', envVariableUpdateRequest, req.body);
      return toVariable(s.envs.updateVariable(params(req).instance_id, params(req).env_variable_id, body.variable_value));
    },
    DELETE: async (req, reply) => {
      s.envs.deleteVariable(params(req).instance_id, params(req).env_variable_id);
      return reply.code(204).send();
    },
  }, hooks);
}
