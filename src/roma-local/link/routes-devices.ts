// Devices (link.md §3, plus DownloadDevices from fdi-link-details §4.4) and statistics (§8).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  addSubsetsRequest, batchDeleteDevicesRequest, createDeviceRequest, deviceExportQuery, deviceListQuery, deviceTopicsQuery,
  forceOfflineRequest, resetDeviceAuthenticationRequest, sendCommandRequest, subsetsQuery, updateDeviceRequest,
} from '../../contract/index';
import { caller, type Ctx } from '../context';
import { resource } from '../http';
import { parseBody, parseQuery } from '../validate';
import type { LinkBroker } from './broker';
import { devicesCsv } from './csv';
import { addresses, toDevice } from './device-row';
import { DeviceStore } from './devices';
import { LINK } from './errors';
import { BASE, instanceOf, linkHooks, listOf, page, pathId } from './http-helpers';
import { ProductStore } from './products';
import { ShadowStore } from './shadow';
import { ThingModelStore } from './thing-model';
import { deviceTopics } from './topics';

export function deviceRoutes(app: FastifyInstance, ctx: Ctx, broker: LinkBroker): void {
  const store = new DeviceStore(ctx.db, ctx.now);
  const products = new ProductStore(ctx.db, ctx.now);
  const model = new ThingModelStore(ctx.db, ctx.now);
  const shadow = new ShadowStore(ctx.db);
  const hooks = linkHooks(ctx);
  const address = () => broker.address;
  const device = (req: FastifyRequest) => store.get(instanceOf(req), pathId(req, 'device_id'));
  const view = (d: Parameters<typeof toDevice>[0]) => toDevice(d, address());

  resource(app, 'link', `${BASE}/devices`, {
    GET: async (req) => {
      const q = parseQuery('link', deviceListQuery, req.query);
      const r = store.list(instanceOf(req), q);
      return { total: r.total, size: r.items.length, ...addresses(address()), items: r.items.map(view) };
    },
    POST: async (req, reply) => {
      const b = parseBody('link', createDeviceRequest, req.body);
      const d = view(store.create(instanceOf(req), caller(req), b));
      const { parent_device_id: _p, parent_device_name: _n, last_login_datetime: _l, client_ip: _c, keep_alive: _k,
        last_active_time: _a, version: _v, ...created } = d;
      return reply.code(201).send(b.parent_device_id ? { ...created, parent_device_id: d.parent_device_id, parent_device_name: d.parent_device_name } : created);
    },
    DELETE: async (req, reply) => {
      const b = parseBody('link', batchDeleteDevicesRequest, req.body);
      store.delete(instanceOf(req), b.resources);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'link', `${BASE}/devices/export`, {
    GET: async (req, reply) => {
      const q = parseQuery('link', deviceExportQuery, req.query);
      if (q.file_export_type === 'xls') throw LINK.exportFormat();
      const csv = devicesCsv(store.all(instanceOf(req), q.device_ids), q.password_type === 1);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="devices.csv"')
        .send(csv);
    },
  }, hooks);

  resource(app, 'link', `${BASE}/devices/force-offline`, {
    POST: async (req) => {
      const b = parseBody('link', forceOfflineRequest, req.body);
      const success: object[] = [];
      const failed: object[] = [];
      for (const id of new Set(b.device_ids)) {
        const d = store.find(instanceOf(req), id);
        if (!d) failed.push({ id, device_id: id, error_code: 'ROMA.00110006', error_msg: 'The device does not exist.' });
        else if (broker.kick(d.client_id)) success.push({ id, device_name: d.device_name, device_id: id });
        else failed.push({ id, device_name: d.device_name, device_id: id, error_code: 'RML.0236', error_msg: 'The device is not online.' });
      }
      return { success, failed };
    },
  }, hooks);

  resource(app, 'link', `${BASE}/devices/:device_id`, {
    GET: async (req) => ({ ...view(device(req)), plugin_id: null }),
    PUT: async (req) => {
      const id = pathId(req, 'device_id');
      const b = parseBody('link', updateDeviceRequest, req.body);
      const d = store.update(instanceOf(req), caller(req), id, b);
      if (d.status === 1 && broker.kick(d.client_id)) return view(store.get(instanceOf(req), id)); // disabled: dropped now
      return view(d);
    },
    DELETE: async (req, reply) => {
      store.delete(instanceOf(req), [pathId(req, 'device_id')]);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'link', `${BASE}/devices/:device_id/authentication`, {
    GET: async (req) => {
      const d = device(req);
      return { user_name: d.user_name, password: d.password };
    },
    PUT: async (req) => {
      const d = device(req);
      const b = req.body === undefined ? {} : parseBody('link', resetDeviceAuthenticationRequest, req.body);
      const r = store.resetAuth(instanceOf(req), d.id, b);
      broker.kick(d.client_id); // the old credentials no longer hold
      return r;
    },
  }, hooks);

  resource(app, 'link', `${BASE}/devices/:device_id/send-command`, {
    POST: async (req) => {
      const d = device(req);
      const b = parseBody('link', sendCommandRequest, req.body);
      if (d.protocol_type !== 0) throw LINK.notMqtt();
      const svc = model.service(instanceOf(req), b.service_id);
      if (svc.product_id !== d.product_id) throw LINK.notFound('service of the device product', b.service_id);
      const cmd = model.command(svc.id, b.command_id);
      const paras = Object.fromEntries((b.requests ?? []).map((r) => [r.parameter_name, r.parameter_value]));
      return broker.sendCommand(d, { msgType: 'cloudReq', cmd: cmd.name, paras, serviceId: svc.name, deviceId: d.client_id }, b.is_sync);
    },
  }, hooks);

  resource(app, 'link', `${BASE}/devices/:device_id/shadow`, {
    GET: async (req) => {
      const d = device(req);
      const services = model.servicesOf(d.product_id).map((s) => ({ ...s, properties: model.propertiesOf(s.id) }));
      return shadow.view(d.id, services);
    },
  }, hooks);

  resource(app, 'link', `${BASE}/devices/:device_id/topics`, {
    GET: async (req) => {
      const d = device(req);
      const q = parseQuery('link', deviceTopicsQuery, req.query);
      const all = deviceTopics(d, products.allTopics(d.product_id)).filter((t) =>
        (!q.name || t.name.includes(q.name))
        && (q.topic_permission === undefined || t.permission === q.topic_permission)
        && (q.topic_type === undefined || t.topic_type === q.topic_type)
        && (q.is_private === undefined || t.is_private === q.is_private));
      const p = page(q);
      return listOf(all.length, all.slice(p.offset, p.offset + p.limit).map(({ topic_type: _t, ...t }) => t));
    },
  }, hooks);

  resource(app, 'link', `${BASE}/devices/:device_id/subsets`, {
    GET: async (req) => {
      const id = pathId(req, 'device_id');
      const q = parseQuery('link', subsetsQuery, req.query);
      const r = store.subsets(instanceOf(req), id, q);
      return listOf(r.total, r.items.map(view));
    },
    POST: async (req) => {
      const id = pathId(req, 'device_id');
      const b = parseBody('link', addSubsetsRequest, req.body);
      return store.addSubsets(instanceOf(req), id, b.resources).map(view);
    },
  }, hooks);

  resource(app, 'link', `${BASE}/statistics/devices-count`, {
    GET: async (req) => store.counts(instanceOf(req)),
  }, hooks);
}
