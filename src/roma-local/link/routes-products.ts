// Products (link.md §1 without import/export and templates) and product topics (§2).
import type { FastifyInstance } from 'fastify';
import {
  createProductRequest, linkPageQuery, productListQuery, productTopicRequest, resetProductAuthenticationRequest,
  updateProductRequest,
} from '../../contract/index';
import { caller, type Ctx } from '../context';
import { resource } from '../http';
import { parseBody, parseQuery } from '../validate';
import { BASE, instanceOf, linkHooks, listOf, page, pathId } from './http-helpers';
import { ProductStore, toProduct, toTopic } from './products';

export function productRoutes(app: FastifyInstance, ctx: Ctx): void {
  const store = new ProductStore(ctx.db, ctx.now);
  const hooks = linkHooks(ctx);
  const product = (req: Parameters<typeof instanceOf>[0]) => store.get(instanceOf(req), pathId(req, 'product_id'));

  resource(app, 'link', `${BASE}/products`, {
    GET: async (req) => {
      const q = parseQuery('link', productListQuery, req.query);
      const r = store.list(instanceOf(req), q);
      return listOf(r.total, r.items.map((p) => toProduct(p)));
    },
    POST: async (req, reply) => {
      const b = parseBody('link', createProductRequest, req.body);
      return reply.code(201).send(toProduct(store.create(instanceOf(req), caller(req), b)));
    },
  }, hooks);

  resource(app, 'link', `${BASE}/products/:product_id`, {
    GET: async (req) => toProduct(product(req)),
    PUT: async (req) => {
      const id = pathId(req, 'product_id');
      const b = parseBody('link', updateProductRequest, req.body);
      return toProduct(store.update(instanceOf(req), caller(req), id, b), false);
    },
    DELETE: async (req, reply) => {
      store.delete(instanceOf(req), pathId(req, 'product_id'));
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'link', `${BASE}/products/:product_id/devices-summary`, {
    GET: async (req) => ({ summary: store.deviceCount(product(req).id) }),
  }, hooks);

  resource(app, 'link', `${BASE}/products/:product_id/authentication`, {
    GET: async (req) => {
      const p = product(req);
      return { user_name: p.auth_user_name, password: p.auth_password };
    },
    PUT: async (req) => {
      const id = pathId(req, 'product_id');
      const b = req.body === undefined ? {} : parseBody('link', resetProductAuthenticationRequest, req.body);
      return store.resetAuth(instanceOf(req), id, b);
    },
  }, hooks);

  resource(app, 'link', `${BASE}/products/:product_id/topics`, {
    GET: async (req) => {
      const q = page(parseQuery('link', linkPageQuery, req.query));
      const r = store.topics(product(req).id, q.offset, q.limit);
      return listOf(r.total, r.items.map(toTopic));
    },
    POST: async (req, reply) => {
      const p = product(req);
      const b = parseBody('link', productTopicRequest, req.body);
      return reply.code(201).send(toTopic(store.saveTopic(p.id, b)));
    },
  }, hooks);

  resource(app, 'link', `${BASE}/products/:product_id/topics/:topic_id`, {
    PUT: async (req) => {
      const p = product(req);
      const topicId = pathId(req, 'topic_id');
      const b = parseBody('link', productTopicRequest, req.body);
      const t = toTopic(store.saveTopic(p.id, b, topicId));
      return { ...t, topic_id: Number(t.topic_id) }; // int32 in the update response (link.md)
    },
    DELETE: async (req, reply) => {
      store.deleteTopic(product(req).id, pathId(req, 'topic_id'));
      return reply.code(204).send();
    },
  }, hooks);
}
