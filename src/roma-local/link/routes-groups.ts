// Device groups (link.md §4).
import type { FastifyInstance } from 'fastify';
import {
  batchAddDevicesToGroupRequest, createDeviceGroupRequest, deviceGroupTreeQuery, groupDevicesQuery, updateDeviceGroupRequest,
} from '../../contract/index';
import { caller, type Ctx } from '../context';
import { resource } from '../http';
import { parseBody, parseQuery } from '../validate';
import { GroupStore, toGroup } from './groups';
import { BASE, instanceOf, linkHooks, listOf, pathId } from './http-helpers';

export function groupRoutes(app: FastifyInstance, ctx: Ctx): void {
  const store = new GroupStore(ctx.db, ctx.now);
  const hooks = linkHooks(ctx);

  resource(app, 'link', `${BASE}/device-groups`, {
    GET: async (req) => {
      const q = parseQuery('link', deviceGroupTreeQuery, req.query);
      const items = store.tree(instanceOf(req), q.app_id);
      return { size: items.length, items };
    },
    POST: async (req, reply) => {
      const b = parseBody('link', createDeviceGroupRequest, req.body);
      return reply.code(201).send(toGroup(store.create(instanceOf(req), caller(req), b)));
    },
  }, hooks);

  resource(app, 'link', `${BASE}/device-groups/:group_id`, {
    GET: async (req) => toGroup(store.get(instanceOf(req), pathId(req, 'group_id'))),
    PUT: async (req) => {
      const id = pathId(req, 'group_id');
      const b = parseBody('link', updateDeviceGroupRequest, req.body);
      return toGroup(store.update(instanceOf(req), caller(req), id, b));
    },
    DELETE: async (req, reply) => {
      store.delete(instanceOf(req), pathId(req, 'group_id'));
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'link', `${BASE}/device-groups/:group_id/devices`, {
    GET: async (req) => {
      const id = pathId(req, 'group_id');
      const q = parseQuery('link', groupDevicesQuery, req.query);
      const r = store.devices(instanceOf(req), id, q);
      return listOf(r.total, r.items);
    },
  }, hooks);

  resource(app, 'link', `${BASE}/device-groups/:group_id/devices/batch-add`, {
    POST: async (req, reply) => {
      const id = pathId(req, 'group_id');
      const b = parseBody('link', batchAddDevicesToGroupRequest, req.body);
      store.addDevices(instanceOf(req), id, b.resources);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'link', `${BASE}/device-groups/:group_id/devices/:device_id`, {
    DELETE: async (req, reply) => {
      store.removeDevice(instanceOf(req), pathId(req, 'group_id'), pathId(req, 'device_id'));
      return reply.code(204).send();
    },
  }, hooks);
}
