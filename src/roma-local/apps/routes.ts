// Integration apps (apps.md): 11 operations under /v2/{project_id}/instances/{instance_id}/.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DEFAULT_LIMIT, appCandidatesQuery, appListQuery, appMembersQuery, createAppRequest, resetSecretRequest,
  updateAppMembersRequest, updateAppRequest, validateAppQuery,
} from '../../contract/index';
import { requireToken } from '../auth/hooks';
import { caller, type Ctx } from '../context';
import { ApiError } from '../errors';
import { resource, type ResourceHooks } from '../http';
import { requireInstance } from '../instances/routes';
import { parseBody, parseQuery } from '../validate';
import { AppStore, toApp } from './store';

const BASE = '/v2/:project_id/instances/:instance_id';
const params = (req: FastifyRequest) => req.params as { instance_id: string; app_id: string };

export function appRoutes(app: FastifyInstance, ctx: Ctx): void {
  const store = new AppStore(ctx.db, ctx.now);
  const hooks: ResourceHooks = { onRequest: [requireToken(ctx, 'roma')], preHandler: [requireInstance(ctx)] };

  resource(app, 'roma', `${BASE}/apps`, {
    GET: async (req) => {
      const q = parseQuery('roma', appListQuery, req.query);
      const { total, items } = store.listPage(params(req).instance_id, caller(req), q, q.offset ?? 0, q.limit ?? DEFAULT_LIMIT);
      return { total, size: items.length, apps: items.map(toApp) };
    },
    POST: async (req, reply) => {
      const body = parseBody('roma', createAppRequest, req.body);
      return reply.code(201).send(toApp(store.create(params(req).instance_id, caller(req), body)));
    },
  }, hooks);

  resource(app, 'roma', `${BASE}/apps/:app_id`, {
    GET: async (req) => toApp(store.get(params(req).instance_id, caller(req), params(req).app_id)),
    PUT: async (req) => {
      const body = parseBody('roma', updateAppRequest, req.body);
      return toApp(store.update(params(req).instance_id, caller(req), params(req).app_id, body));
    },
    DELETE: async (req, reply) => {
      store.delete(params(req).instance_id, caller(req), params(req).app_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'roma', `${BASE}/apps/:app_id/secret`, {
    GET: async (req) => store.secret(params(req).instance_id, caller(req), params(req).app_id),
    PUT: async (req) => {
      // An absent body is allowed here: it means "generate a new secret".
      const body = req.body === undefined ? {} : parseBody('roma', resetSecretRequest, req.body);
      return store.resetSecret(params(req).instance_id, caller(req), params(req).app_id, body.secret);
    },
  }, hooks);

  resource(app, 'roma', `${BASE}/apps/:app_id/users`, {
    GET: async (req) => {
      const q = parseQuery('roma', appMembersQuery, req.query);
      const { instance_id, app_id } = params(req);
      store.get(instance_id, caller(req), app_id);
      const users = store.members(app_id, q.user_name || undefined); // empty = no filter
      return { total: users.length, id: app_id, users };
    },
    PUT: async (req) => {
      const body = parseBody('roma', updateAppMembersRequest, req.body);
      const { instance_id, app_id } = params(req);
      const users = store.replaceMembers(instance_id, caller(req), app_id, body.users);
      return { total: users.length, id: app_id, users };
    },
  }, hooks);

  resource(app, 'roma', `${BASE}/apps/:app_id/candidates`, {
    GET: async (req) => {
      const q = parseQuery('roma', appCandidatesQuery, req.query);
      const { instance_id, app_id } = params(req);
      store.get(instance_id, caller(req), app_id);
      return { users: store.candidates(caller(req), app_id, q.filter === 'members') };
    },
  }, hooks);

  resource(app, 'roma', `${BASE}/validate-apps`, {
    GET: async (req) => {
      const q = parseQuery('roma', validateAppQuery, req.query);
      const found = store.find(params(req).instance_id, q);
      if (!found) throw new ApiError(404, 'ROMA.00110006', 'The application does not exist.');
      return { id: found.id, name: found.name, remark: found.remark };
    },
  }, hooks);
}
