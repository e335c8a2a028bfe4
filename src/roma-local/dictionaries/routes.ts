// Dictionaries (dictionaries.md): 6 operations under /v2/{project_id}/instances/{instance_id}/.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DEFAULT_LIMIT, createDictionaryRequest, dictionaryListQuery, updateDictionaryRequest, validateDictionaryQuery,
} from '../../contract/index';
import { requireToken } from '../auth/hooks';
import type { Ctx } from '../context';
import { ApiError } from '../errors';
import { resource, type ResourceHooks } from '../http';
import { requireInstance } from '../instances/routes';
import { parseBody, parseQuery } from '../validate';
import { DictionaryStore, toDictionary } from './store';

const BASE = '/v2/:project_id/instances/:instance_id';
const params = (req: FastifyRequest) => req.params as { instance_id: string; dict_id: string };

export function dictionaryRoutes(app: FastifyInstance, ctx: Ctx): void {
  const store = new DictionaryStore(ctx.db, ctx.now);
  const hooks: ResourceHooks = { onRequest: [requireToken(ctx, 'roma')], preHandler: [requireInstance(ctx)] };

  resource(app, 'roma', `${BASE}/dictionaries`, {
    GET: async (req) => {
      const q = parseQuery('roma', dictionaryListQuery, req.query);
      const all = store.list(params(req).instance_id, q.parent_code?.trim() ?? '', q);
      const offset = q.offset ?? 0;
      const page = all.slice(offset, offset + (q.limit ?? DEFAULT_LIMIT)).map(toDictionary);
      return { total: all.length, size: page.length, dictionaries: page };
    },
    POST: async (req, reply) => {
      const body = parseBody('roma', createDictionaryRequest, req.body);
      return reply.code(201).send(toDictionary(store.create(params(req).instance_id, body)));
    },
  }, hooks);

  resource(app, 'roma', `${BASE}/dictionaries/:dict_id`, {
    GET: async (req) => toDictionary(store.get(params(req).instance_id, params(req).dict_id)),
    PUT: async (req) => {
      const body = parseBody('roma', updateDictionaryRequest, req.body);
      return toDictionary(store.update(params(req).instance_id, params(req).dict_id, body));
    },
    DELETE: async (req, reply) => {
      store.delete(params(req).instance_id, params(req).dict_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'roma', `${BASE}/validate-dictionaries`, {
    GET: async (req) => {
      const q = parseQuery('roma', validateDictionaryQuery, req.query);
      const found = store.find(params(req).instance_id, q);
      if (!found) throw new ApiError(404, 'ROMA.00110006', 'The dictionary does not exist.');
      return { name: found.name, code: found.code };
    },
  }, hooks);
}
