// Products, their credentials, custom topics and device summary.
import type { z } from 'zod';
import type { createProductRequest, productListQuery, ProductTopicRequest, updateProductRequest } from '../../contract/index';
import type { Db } from '../db/open';
import type { TokenInfo } from '../iam/tokens';
import { productPassword, productSerial, productUserName } from './credentials';
import { devicesChanged } from './device-list';
import { loginChanged } from './login-cache';
import { LINK, uniqueTo } from './errors';
import { contains, PERMISSIONS, user, Where, stmt } from './sql';

export interface ProductRow {
  id: number; instance_id: string; app_id: string; product_serial: string; name: string; manufacturer_id: string;
  manufacturer_name: string; model: string; product_type: 0 | 1; protocol_type: 0 | 2 | 4; description: string;
  device_type: string; version: string; data_format: 0 | 1; template_id: number | null; auth_user_name: string;
  auth_password: string; created_user_id: string; created_user_name: string; updated_user_id: string;
  updated_user_name: string; created_at: number; updated_at: number; app_name: string | null;
}
export interface TopicRow { id: number; product_id: number; permission: 0 | 1; name: string; version: string; description: string }

export function toProduct(r: ProductRow, withAuth = true) {
  return {
    permissions: PERMISSIONS, id: r.id, product_serial: r.product_serial, app_id: r.app_id, name: r.name,
    manufacturer_id: r.manufacturer_id, manufacturer_name: r.manufacturer_name, model: r.model,
    product_type: r.product_type, description: r.description, protocol_type: r.protocol_type, device_type: r.device_type,
    version: r.version, created_user: user(r.created_user_id, r.created_user_name),
    last_updated_user: user(r.updated_user_id, r.updated_user_name),
    ...(withAuth ? { authentication: { user_name: r.auth_user_name, password: r.auth_password } } : {}),
    created_datetime: r.created_at, app_name: r.app_name ?? '', data_format: r.data_format,
  };
}
export const toTopic = (t: TopicRow) => ({
  product_id: t.product_id, topic_id: String(t.id), permission: t.permission, topic_name: t.name, version: t.version,
  description: t.description,
});

const SELECT = `SELECT p.*, a.name AS app_name FROM link_products p LEFT JOIN apps a ON a.id = p.app_id`;
const UNIQUE = (b: { name: string; manufacturer_id: string; model: string }) => ({
  'link_products.instance_id, link_products.name': () => LINK.productNameUsed(b.name),
  'link_products.instance_id, link_products.manufacturer_id': () => LINK.modelUsed(b.manufacturer_id, b.model),
});

export class ProductStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  requireApp(instanceId: string, appId: string): void {
    if (!stmt(this.db, 'SELECT 1 FROM apps WHERE instance_id = ? AND id = ?').get(instanceId, appId)) {
      throw LINK.notFound('integration app', appId);
    }
  }

  list(instanceId: string, q: z.output<typeof productListQuery>): { total: number; items: ProductRow[] } {
    const w = new Where().add('p.instance_id = @inst', { inst: instanceId });
    if (q.app_id) w.add('p.app_id = @app', { app: q.app_id });
    if (q.id) w.add('CAST(p.id AS TEXT) = @id', { id: q.id.trim() });
    for (const k of ['name', 'manufacturer_id', 'manufacturer_name', 'model', 'device_type', 'product_serial'] as const) {
      const v = q[k];
      if (v) w.add(`p.${k} LIKE @${k} ESCAPE '\\'`, { [k]: contains(v) });
    }
    if (q.product_type !== undefined) w.add('p.product_type = @pt', { pt: q.product_type });
    if (q.protocol_type !== undefined) w.add('p.protocol_type = @proto', { proto: q.protocol_type });
    if (q.created_user_name) w.add(`p.created_user_name LIKE @cu ESCAPE '\\'`, { cu: contains(q.created_user_name) });
    if (q.created_date_start !== undefined) w.add('p.created_at >= @ds', { ds: q.created_date_start });
    if (q.created_date_end !== undefined) w.add('p.created_at <= @de', { de: q.created_date_end });
    if (q.app_name) w.add(`a.name LIKE @an ESCAPE '\\'`, { an: contains(q.app_name) });
    const { total } = stmt(this.db, `SELECT COUNT(*) AS total FROM link_products p LEFT JOIN apps a ON a.id = p.app_id ${w.sql}`)
      .get(w.params) as { total: number };
    const items = stmt(this.db, `${SELECT} ${w.sql} ORDER BY p.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...w.params, limit: q.limit ?? 10, offset: q.offset ?? 0 }) as ProductRow[];
    return { total, items };
  }

  get(instanceId: string, id: number): ProductRow {
    const row = stmt(this.db, `${SELECT} WHERE p.instance_id = ? AND p.id = ?`).get(instanceId, id) as ProductRow | undefined;
    if (!row) throw LINK.notFound('product', id);
    return row;
  }

  create(instanceId: string, who: TokenInfo, b: z.output<typeof createProductRequest>): ProductRow {
    this.requireApp(instanceId, b.app_id);
    if (b.template_id !== undefined) throw LINK.notFound('product template', b.template_id);
    const t = this.now();
    try {
      const { lastInsertRowid } = stmt(this.db, 
          `INSERT INTO link_products (instance_id, app_id, product_serial, name, manufacturer_id, manufacturer_name, model,
             product_type, protocol_type, description, device_type, version, data_format, template_id, auth_user_name,
             auth_password, created_user_id, created_user_name, updated_user_id, updated_user_name, created_at, updated_at)
           VALUES (@inst, @app_id, @serial, @name, @manufacturer_id, @manufacturer_name, @model, @product_type,
             @protocol_type, @description, @device_type, @version, @data_format, NULL, @au, @ap, @uid, @uname, @uid,
             @uname, @t, @t)`,
        )
        .run({
          inst: instanceId, app_id: b.app_id, serial: productSerial(), name: b.name, manufacturer_id: b.manufacturer_id,
          manufacturer_name: b.manufacturer_name, model: b.model, product_type: b.product_type,
          protocol_type: b.protocol_type, description: b.description ?? '', device_type: b.device_type ?? 'Default',
          version: b.version ?? '', data_format: b.data_format ?? 0, au: productUserName(), ap: productPassword(),
          uid: who.userId, uname: who.userName, t,
        });
      return this.get(instanceId, Number(lastInsertRowid));
    } catch (err) {
      return uniqueTo(err, UNIQUE(b));
    }
  }

  update(instanceId: string, who: TokenInfo, id: number, b: z.output<typeof updateProductRequest>): ProductRow {
    const cur = this.get(instanceId, id);
    try {
      stmt(this.db, 
          `UPDATE link_products SET name = @name, description = @description, manufacturer_id = @manufacturer_id,
             manufacturer_name = @manufacturer_name, model = @model, device_type = @device_type, version = @version,
             updated_user_id = @uid, updated_user_name = @uname, updated_at = @t WHERE id = @id`,
        )
        .run({
          id, name: b.name, description: b.description ?? cur.description, manufacturer_id: b.manufacturer_id,
          manufacturer_name: b.manufacturer_name, model: b.model, device_type: b.device_type,
          version: b.version ?? cur.version, uid: who.userId, uname: who.userName, t: this.now(),
        });
    } catch (err) {
      uniqueTo(err, UNIQUE(b));
    }
    devicesChanged(this.db); // the product_name filter of the device list
    return this.get(instanceId, id);
  }

  delete(instanceId: string, id: number): void {
    this.get(instanceId, id);
    const n = this.deviceCount(id);
    if (n > 0) throw LINK.productHasDevices(n);
    stmt(this.db, 'DELETE FROM link_products WHERE id = ?').run(id);
  }

  deviceCount(id: number): number {
    return (stmt(this.db, 'SELECT COUNT(*) AS n FROM link_devices WHERE product_id = ?').get(id) as { n: number }).n;
  }

  resetAuth(instanceId: string, id: number, b: { user_name?: string; password?: string }) {
    const cur = this.get(instanceId, id);
    const keepAll = !b.user_name && !b.password;
    const user_name = keepAll ? productUserName() : b.user_name || cur.auth_user_name;
    const password = keepAll ? productPassword() : b.password || cur.auth_password;
    stmt(this.db, 'UPDATE link_products SET auth_user_name = ?, auth_password = ?, updated_at = ? WHERE id = ?')
      .run(user_name, password, this.now(), id);
    return { user_name, password };
  }

  // ---- custom topics ----
  topics(productId: number, offset: number, limit: number): { total: number; items: TopicRow[] } {
    const { total } = stmt(this.db, 'SELECT COUNT(*) AS total FROM link_product_topics WHERE product_id = ?').get(productId) as { total: number };
    const items = stmt(this.db, 'SELECT * FROM link_product_topics WHERE product_id = ? ORDER BY id LIMIT ? OFFSET ?')
      .all(productId, limit, offset) as TopicRow[];
    return { total, items };
  }
  allTopics(productId: number): TopicRow[] {
    return stmt(this.db, 'SELECT * FROM link_product_topics WHERE product_id = ? ORDER BY id').all(productId) as TopicRow[];
  }
  topic(productId: number, topicId: number): TopicRow {
    const t = stmt(this.db, 'SELECT * FROM link_product_topics WHERE product_id = ? AND id = ?').get(productId, topicId) as TopicRow | undefined;
    if (!t) throw LINK.notFound('topic', topicId);
    return t;
  }
  saveTopic(productId: number, b: ProductTopicRequest, topicId?: number): TopicRow {
    try {
      if (topicId === undefined) {
        const r = stmt(this.db, 'INSERT INTO link_product_topics (product_id, permission, name, version, description) VALUES (?, ?, ?, ?, ?)')
          .run(productId, b.permission, b.name, b.version, b.description ?? '');
        loginChanged(this.db); // topic rights are part of a device's login
        return this.topic(productId, Number(r.lastInsertRowid));
      }
      const cur = this.topic(productId, topicId);
      stmt(this.db, 'UPDATE link_product_topics SET permission = ?, name = ?, version = ?, description = ? WHERE id = ?')
        .run(b.permission, b.name, b.version, b.description ?? cur.description, topicId);
      loginChanged(this.db); // topic rights are part of a device's login
      return this.topic(productId, topicId);
    } catch (err) {
      return uniqueTo(err, { link_product_topics: () => LINK.nameUsed('topic', `/${b.version}/{device}/${b.name}`) });
    }
  }
  deleteTopic(productId: number, topicId: number): void {
    this.topic(productId, topicId);
    stmt(this.db, 'DELETE FROM link_product_topics WHERE id = ?').run(topicId);
    loginChanged(this.db);
  }
}
