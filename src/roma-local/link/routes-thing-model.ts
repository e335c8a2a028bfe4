// Thing model (link.md §5 without product templates): services, properties, commands and the
// request / response parameters of commands.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  commandListQuery, commandRequest, createServiceRequest, propertyListQuery, propertyRequest, serviceListQuery,
  updateServiceRequest,
} from '../../contract/index';
import { caller, type Ctx } from '../context';
import { resource } from '../http';
import { parseBody, parseQuery } from '../validate';
import { BASE, instanceOf, linkHooks, listOf, page, pathId } from './http-helpers';
import { ThingModelStore, toCommand, toProperty, toService, type PropertyKind } from './thing-model';

export function thingModelRoutes(app: FastifyInstance, ctx: Ctx): void {
  const store = new ThingModelStore(ctx.db, ctx.now);
  const hooks = linkHooks(ctx);
  const service = (req: FastifyRequest) => store.service(instanceOf(req), pathId(req, 'service_id'));
  const command = (req: FastifyRequest) => store.command(service(req).id, pathId(req, 'command_id'));

  resource(app, 'link', `${BASE}/services`, {
    GET: async (req) => {
      const q = parseQuery('link', serviceListQuery, req.query);
      const r = store.listServices(instanceOf(req), q);
      return listOf(r.total, r.items.map(toService));
    },
    POST: async (req, reply) => {
      const b = parseBody('link', createServiceRequest, req.body);
      return reply.code(201).send(toService(store.createService(instanceOf(req), caller(req), b)));
    },
  }, hooks);
  resource(app, 'link', `${BASE}/services/:service_id`, {
    GET: async (req) => toService(service(req)),
    PUT: async (req) => {
      const id = pathId(req, 'service_id');
      const b = parseBody('link', updateServiceRequest, req.body);
      return toService(store.updateService(instanceOf(req), caller(req), id, b));
    },
    DELETE: async (req, reply) => {
      store.deleteService(instanceOf(req), pathId(req, 'service_id'));
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'link', `${BASE}/services/:service_id/commands`, {
    GET: async (req) => {
      const q = parseQuery('link', commandListQuery, req.query);
      const r = store.listCommands(service(req).id, { ...page(q), command_id: q.command_id, command_name: q.command_name });
      return listOf(r.total, r.items.map(toCommand));
    },
    POST: async (req, reply) => {
      const s = service(req);
      const b = parseBody('link', commandRequest, req.body);
      return reply.code(201).send(toCommand(store.saveCommand(s.id, b)));
    },
  }, hooks);
  resource(app, 'link', `${BASE}/services/:service_id/commands/:command_id`, {
    GET: async (req) => toCommand(command(req)),
    PUT: async (req) => {
      const c = command(req);
      const b = parseBody('link', commandRequest, req.body);
      return toCommand(store.saveCommand(c.service_id, b, c.id));
    },
    DELETE: async (req, reply) => {
      const c = command(req);
      store.deleteCommand(c.service_id, c.id);
      return reply.code(204).send();
    },
  }, hooks);

  // properties of a service, request / response parameters of a command: same body and object
  const kinds: [PropertyKind, string, string, 'property' | 'request' | 'response'][] = [
    ['property', '/services/:service_id/properties', 'property_id', 'property'],
    ['request', '/services/:service_id/commands/:command_id/requests', 'property_id', 'request'],
    ['response', '/services/:service_id/commands/:command_id/responses', 'property_id', 'response'],
  ];
  for (const [kind, path, idParam, q] of kinds) {
    const owner = (req: FastifyRequest) => {
      if (kind === 'property') return { sid: service(req).id, cid: null };
      const c = command(req);
      return { sid: c.service_id, cid: c.id };
    };
    resource(app, 'link', `${BASE}${path}`, {
      GET: async (req) => {
        const query = parseQuery('link', propertyListQuery, req.query);
        const o = owner(req);
        const r = store.listProperties(o.sid, kind, o.cid, {
          ...page(query), id: query[`${q}_id`], name: query[`${q}_name`],
        });
        return listOf(r.total, r.items.map(toProperty));
      },
      POST: async (req, reply) => {
        const o = owner(req);
        const b = parseBody('link', propertyRequest, req.body);
        return reply.code(201).send(toProperty(store.saveProperty(o.sid, kind, o.cid, b)));
      },
    }, hooks);
    resource(app, 'link', `${BASE}${path}/:${idParam}`, {
      GET: async (req) => {
        const o = owner(req);
        return toProperty(store.property(o.sid, kind, o.cid, pathId(req, idParam)));
      },
      PUT: async (req) => {
        const o = owner(req);
        const id = pathId(req, idParam);
        const b = parseBody('link', propertyRequest, req.body);
        return toProperty(store.saveProperty(o.sid, kind, o.cid, b, id));
      },
      DELETE: async (req, reply) => {
        const o = owner(req);
        store.deleteProperty(o.sid, kind, o.cid, pathId(req, idParam));
        return reply.code(204).send();
      },
    }, hooks);
  }
}
