// Plugins (section 9): CRUD, attach / detach in an environment from either side, and listings.
import type { FastifyInstance } from 'fastify';
import {
  apiAttachablePluginsQuery, apiAttachedPluginsQuery, apiOperPluginRequest, pluginAttachableApisQuery, pluginAttachedApisQuery,
  pluginCreateRequest, pluginListQuery, pluginOperApiRequest,
} from '../../../../contract/index';
import { resource, type ResourceHooks } from '../../../http';
import { fuzzy, isoSeconds } from '../../../util';
import { parseBody, parseQuery } from '../../../validate';
import { BASE, paged, params } from '../../routes/common';
import { liveApis } from '../apis';
import type { PolicyStores } from '../index';
import { toPlugin } from '../plugins';

export function pluginRoutes(app: FastifyInstance, s: PolicyStores, hooks: ResourceHooks): void {
  const inst = (req: Parameters<typeof params>[0]) => params(req).instance_id;
  const envName = (instanceId: string, envId: string) => s.apic.envs.get(instanceId, envId).name;

  resource(app, 'apic', `${BASE}/plugins`, {
    GET: async (req) => {
      const q = parseQuery('apic', pluginListQuery, req.query);
      return paged('plugins', s.plugins.list(inst(req), q), q);
    },
    POST: async (req, reply) => reply.code(201).send(s.plugins.create(inst(req), parseBody('apic', pluginCreateRequest, req.body))),
  }, hooks);

  resource(app, 'apic', `${BASE}/plugins/:plugin_id`, {
    GET: async (req) => s.plugins.view(inst(req), params(req).plugin_id),
    PUT: async (req) => s.plugins.update(inst(req), params(req).plugin_id, parseBody('apic', pluginCreateRequest, req.body)),
    DELETE: async (req, reply) => {
      s.plugins.delete(inst(req), params(req).plugin_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/plugins/:plugin_id/attach`, {
    POST: async (req, reply) => {
      const b = parseBody('apic', pluginOperApiRequest, req.body);
      s.plugins.row(inst(req), params(req).plugin_id);
      return reply.code(201).send(s.plugins.attach(inst(req), b.env_id, [params(req).plugin_id], b.api_ids, envName(inst(req), b.env_id)));
    },
  }, hooks);
  resource(app, 'apic', `${BASE}/plugins/:plugin_id/detach`, {
    PUT: async (req, reply) => {
      const b = parseBody('apic', pluginOperApiRequest, req.body);
      envName(inst(req), b.env_id);
      s.plugins.detach(inst(req), b.env_id, [params(req).plugin_id], b.api_ids);
      return reply.code(204).send();
    },
  }, hooks);
  resource(app, 'apic', `${BASE}/apis/:api_id/plugins/attach`, {
    POST: async (req, reply) => {
      const b = parseBody('apic', apiOperPluginRequest, req.body);
      s.apic.apis.row(inst(req), params(req).api_id);
      return reply.code(201).send(s.plugins.attach(inst(req), b.env_id, b.plugin_ids, [params(req).api_id], envName(inst(req), b.env_id)));
    },
  }, hooks);
  resource(app, 'apic', `${BASE}/apis/:api_id/plugins/detach`, {
    PUT: async (req, reply) => {
      const b = parseBody('apic', apiOperPluginRequest, req.body);
      s.apic.apis.row(inst(req), params(req).api_id);
      envName(inst(req), b.env_id);
      s.plugins.detach(inst(req), b.env_id, b.plugin_ids, [params(req).api_id]);
      return reply.code(204).send();
    },
  }, hooks);

  const apisOf = (instanceId: string, pluginId: string, attached: boolean, q: Parameters<typeof liveApis>[2]) => {
    const at = new Map(s.plugins.attachments(instanceId, { plugin_id: pluginId }).map((a) => [`${a.api_id}|${a.env_id}`, a]));
    return liveApis(s.db, instanceId, q).flatMap((a) => {
      const hit = at.get(`${a.api_id}|${a.env_id}`);
      if (attached !== Boolean(hit)) return [];
      return [{ ...a, ...(hit ? { plugin_attach_id: hit.id, attached_time: isoSeconds(hit.attached_time) } : {}) }];
    });
  };
  resource(app, 'apic', `${BASE}/plugins/:plugin_id/attached-apis`, {
    GET: async (req) => {
      const q = parseQuery('apic', pluginAttachedApisQuery, req.query);
      s.plugins.row(inst(req), params(req).plugin_id);
      return paged('apis', apisOf(inst(req), params(req).plugin_id, true, q), q);
    },
  }, hooks);
  resource(app, 'apic', `${BASE}/plugins/:plugin_id/attachable-apis`, {
    GET: async (req) => {
      const q = parseQuery('apic', pluginAttachableApisQuery, req.query);
      s.plugins.row(inst(req), params(req).plugin_id);
      return paged('apis', apisOf(inst(req), params(req).plugin_id, false, q), q);
    },
  }, hooks);

  type PQ = { plugin_name?: string; plugin_id?: string; plugin_type?: string; roma_app_id?: string; roma_app_name?: string };
  const match = (p: ReturnType<typeof toPlugin>, q: PQ) => (!q.plugin_name || fuzzy(p.plugin_name, q.plugin_name))
    && (!q.plugin_id || p.plugin_id === q.plugin_id) && (!q.plugin_type || p.plugin_type === q.plugin_type)
    && (!q.roma_app_id || p.roma_app_id === q.roma_app_id) && (!q.roma_app_name || fuzzy(p.roma_app_name, q.roma_app_name));

  resource(app, 'apic', `${BASE}/apis/:api_id/attached-plugins`, {
    GET: async (req) => {
      const q = parseQuery('apic', apiAttachedPluginsQuery, req.query);
      s.apic.apis.row(inst(req), params(req).api_id);
      const envs = new Map(s.apic.envs.list(inst(req)).map((e) => [e.id, e.name]));
      const items = s.plugins.attachments(inst(req), { api_id: params(req).api_id, env_id: q.env_id }).flatMap((a) => {
        const p = s.plugins.view(inst(req), a.plugin_id);
        const env = envs.get(a.env_id) ?? '';
        if (!match(p, q) || (q.env_name && env !== q.env_name)) return [];
        return [{ plugin_attach_id: a.id, plugin_id: p.plugin_id, plugin_name: p.plugin_name, plugin_type: p.plugin_type, plugin_scope: p.plugin_scope,
          env_id: a.env_id, env_name: env, attached_time: isoSeconds(a.attached_time), plugin_content: p.plugin_content, remark: p.remark,
          create_time: p.create_time, update_time: p.update_time }];
      });
      return paged('plugins', items, q);
    },
  }, hooks);
  resource(app, 'apic', `${BASE}/apis/:api_id/attachable-plugins`, {
    GET: async (req) => {
      const q = parseQuery('apic', apiAttachablePluginsQuery, req.query);
      s.apic.apis.row(inst(req), params(req).api_id);
      envName(inst(req), q.env_id);
      const taken = new Set(s.plugins.attachments(inst(req), { api_id: params(req).api_id, env_id: q.env_id }).map((a) => a.plugin_id));
      return paged('plugins', s.plugins.list(inst(req), {}).filter((p) => !taken.has(p.plugin_id) && match(p, q)), q);
    },
  }, hooks);
}
