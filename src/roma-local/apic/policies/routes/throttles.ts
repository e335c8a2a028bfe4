// Request throttling policies (section 10): CRUD, special apps / users, bindings to published APIs.
import type { FastifyInstance } from 'fastify';
import {
  apiThrottlesQuery, throttleApisQuery, throttleBindRequest, throttleCreateRequest, throttleListQuery, throttleSpecialCreateRequest,
  throttleSpecialListQuery, throttleSpecialUpdateRequest, throttleUnbindQuery, throttleUnbindRequest,
} from '../../../../contract/index';
import { resource, type ResourceHooks } from '../../../http';
import { isoSeconds } from '../../../util';
import { parseBody, parseQuery } from '../../../validate';
import { BASE, paged, params } from '../../routes/common';
import { liveApis, type LiveApi } from '../apis';
import type { PolicyStores } from '../index';

const toThrottleApi = (a: LiveApi, extra: Record<string, unknown> = {}) => ({
  id: a.api_id, name: a.api_name, group_id: a.group_id, group_name: a.group_name, type: a.type, req_protocol: a.req_protocol,
  req_method: a.req_method, req_uri: a.req_uri, auth_type: a.auth_type, match_mode: a.match_mode, remark: a.remark,
  run_env_id: a.env_id, run_env_name: a.env_name, publish_id: a.publish_id, ...extra,
});

export function throttleRoutes(app: FastifyInstance, s: PolicyStores, hooks: ResourceHooks): void {
  const inst = (req: Parameters<typeof params>[0]) => params(req).instance_id;

  resource(app, 'apic', `${BASE}/throttles`, {
    GET: async (req) => {
      const q = parseQuery('apic', throttleListQuery, req.query);
      return paged('throttles', s.throttles.list(inst(req), q), q);
    },
    POST: async (req, reply) => reply.code(201).send(s.throttles.create(inst(req), parseBody('apic', throttleCreateRequest, req.body))),
  }, hooks);

  resource(app, 'apic', `${BASE}/throttles/:throttle_id`, {
    GET: async (req) => s.throttles.view(inst(req), params(req).throttle_id),
    PUT: async (req) => s.throttles.update(inst(req), params(req).throttle_id, parseBody('apic', throttleCreateRequest, req.body)),
    DELETE: async (req, reply) => {
      s.throttles.delete(inst(req), params(req).throttle_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/throttles/:throttle_id/throttle-specials`, {
    GET: async (req) => {
      const q = parseQuery('apic', throttleSpecialListQuery, req.query);
      return paged('throttle_specials', s.throttles.specials(inst(req), params(req).throttle_id, q), q);
    },
    POST: async (req, reply) => {
      const body = parseBody('apic', throttleSpecialCreateRequest, req.body);
      return reply.code(201).send(s.throttles.createSpecial(inst(req), params(req).throttle_id, body));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/throttles/:throttle_id/throttle-specials/:strategy_id`, {
    PUT: async (req) => {
      const body = parseBody('apic', throttleSpecialUpdateRequest, req.body);
      return s.throttles.updateSpecial(inst(req), params(req).throttle_id, params(req).strategy_id, body.call_limits);
    },
    DELETE: async (req, reply) => {
      s.throttles.deleteSpecial(inst(req), params(req).throttle_id, params(req).strategy_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/throttle-bindings`, {
    POST: async (req, reply) => {
      const body = parseBody('apic', throttleBindRequest, req.body);
      return reply.code(201).send(s.throttles.bind(inst(req), body.strategy_id, body.publish_ids));
    },
    PUT: async (req) => {
      parseQuery('apic', throttleUnbindQuery, req.query);
      return s.throttles.unbindMany(inst(req), parseBody('apic', throttleUnbindRequest, req.body).throttle_bindings);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/throttle-bindings/:throttle_binding_id`, {
    DELETE: async (req, reply) => {
      s.throttles.unbind(inst(req), params(req).throttle_binding_id);
      return reply.code(204).send();
    },
  }, hooks);

  const bindingsOf = (instanceId: string) => new Map(s.throttles.bindings(instanceId).map((b) => [`${b.api_id}|${b.env_id}`, b]));

  resource(app, 'apic', `${BASE}/throttle-bindings/binded-apis`, {
    GET: async (req) => {
      const q = parseQuery('apic', throttleApisQuery, req.query);
      const t = s.throttles.get(inst(req), q.throttle_id);
      const b = bindingsOf(inst(req));
      const apis = liveApis(s.db, inst(req), q).flatMap((a) => {
        const hit = b.get(`${a.api_id}|${a.env_id}`);
        return hit && hit.throttle_id === t.id ? [toThrottleApi(a, { throttle_apply_id: hit.id, apply_time: isoSeconds(hit.apply_time), throttle_name: t.name })] : [];
      });
      return paged('apis', apis, q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/throttle-bindings/unbinded-apis`, {
    GET: async (req) => {
      const q = parseQuery('apic', throttleApisQuery, req.query);
      const t = s.throttles.get(inst(req), q.throttle_id);
      const b = bindingsOf(inst(req));
      return paged('apis', liveApis(s.db, inst(req), q).filter((a) => b.get(`${a.api_id}|${a.env_id}`)?.throttle_id !== t.id).map((a) => toThrottleApi(a)), q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/throttle-bindings/binded-throttles`, {
    GET: async (req) => {
      const q = parseQuery('apic', apiThrottlesQuery, req.query);
      const rows = s.throttles.bindings(inst(req)).filter((b) => b.api_id === q.api_id && (!q.env_id || b.env_id === q.env_id)
        && (!q.throttle_id || b.throttle_id === q.throttle_id));
      const envs = new Map(s.apic.envs.list(inst(req)).map((e) => [e.id, e.name]));
      const items = rows.map((b) => ({
        ...s.throttles.view(inst(req), b.throttle_id), throttle_apply_id: b.id, apply_time: isoSeconds(b.apply_time), env_id: b.env_id, env_name: envs.get(b.env_id) ?? '',
      })).filter((t) => !q.throttle_name || t.name.toLowerCase().includes(q.throttle_name.toLowerCase()));
      return paged('throttles', items, q);
    },
  }, hooks);
}
