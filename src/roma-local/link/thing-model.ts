// Thing model of a product: services, their properties and commands, and each command's
// request / response parameters (one table, `kind`). Product templates are not implemented, so
// services always belong to a product.
import type { z } from 'zod';
import type { createServiceRequest, propertyRequest, serviceListQuery, updateServiceRequest } from '../../contract/index';
import type { Db } from '../db/open';
import type { TokenInfo } from '../iam/tokens';
import { LINK, uniqueTo } from './errors';
import { contains, user, Where, stmt } from './sql';

export type PropertyKind = 'property' | 'request' | 'response';
export interface ServiceRow {
  id: number; product_id: number; name: string; description: string; status: 0 | 1; created_user_id: string;
  created_user_name: string; updated_user_id: string; updated_user_name: string; created_at: number; updated_at: number;
}
export interface CommandRow { id: number; service_id: number; name: string; description: string }
export interface PropertyRow {
  id: number; service_id: number; command_id: number | null; kind: PropertyKind; name: string; description: string;
  data_type: string; required: 0 | 1; min: string | null; max: string | null; step: string | null;
  max_length: number | null; unit: string | null; enum_list: string | null; enum_dict: string | null; method: string | null;
}

export const toService = (s: ServiceRow) => ({
  product_template_id: null, product_id: s.product_id, service_id: s.id, service_name: s.name, description: s.description,
  status: s.status, created_user: user(s.created_user_id, s.created_user_name),
  last_updated_user: user(s.updated_user_id, s.updated_user_name), created_datetime: s.created_at,
  last_updated_datetime: s.updated_at,
});
export const toCommand = (c: CommandRow) => ({ service_id: c.service_id, command_id: c.id, command_name: c.name, description: c.description });
export const toProperty = (p: PropertyRow) => ({
  property_id: p.id, property_name: p.name, description: p.description, data_type: p.data_type, required: p.required,
  min: p.min, max: p.max, step: p.step, max_length: p.max_length, unit: p.unit, enum_list: p.enum_list,
  enum_dict: p.enum_dict === null ? undefined : (JSON.parse(p.enum_dict) as unknown), method: p.method,
});

type Page = { offset: number; limit: number };

export class ThingModelStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  // ---- services ----
  listServices(instanceId: string, q: z.output<typeof serviceListQuery>): { total: number; items: ServiceRow[] } {
    const w = new Where().add('p.instance_id = @inst', { inst: instanceId });
    if (q.product_template_id !== undefined) w.add('0'); // templates are not implemented: none match
    if (q.product_id !== undefined) w.add('s.product_id = @pid', { pid: q.product_id });
    if (q.service_id) w.add('CAST(s.id AS TEXT) = @sid', { sid: q.service_id.trim() });
    if (q.service_name) w.add(`s.name LIKE @sn ESCAPE '\\'`, { sn: contains(q.service_name) });
    if (q.created_user_name) w.add(`s.created_user_name LIKE @cu ESCAPE '\\'`, { cu: contains(q.created_user_name) });
    if (q.created_date_start !== undefined) w.add('s.created_at >= @ds', { ds: q.created_date_start });
    if (q.created_date_end !== undefined) w.add('s.created_at <= @de', { de: q.created_date_end });
    const from = `FROM link_services s JOIN link_products p ON p.id = s.product_id ${w.sql}`;
    const { total } = stmt(this.db, `SELECT COUNT(*) AS total ${from}`).get(w.params) as { total: number };
    const items = stmt(this.db, `SELECT s.* ${from} ORDER BY s.id LIMIT @limit OFFSET @offset`)
      .all({ ...w.params, limit: q.limit ?? 10, offset: q.offset ?? 0 }) as ServiceRow[];
    return { total, items };
  }
  servicesOf(productId: number): ServiceRow[] {
    return stmt(this.db, 'SELECT * FROM link_services WHERE product_id = ? ORDER BY id').all(productId) as ServiceRow[];
  }
  service(instanceId: string, id: number): ServiceRow {
    const s = stmt(this.db, 'SELECT s.* FROM link_services s JOIN link_products p ON p.id = s.product_id WHERE p.instance_id = ? AND s.id = ?')
      .get(instanceId, id) as ServiceRow | undefined;
    if (!s) throw LINK.notFound('service', id);
    return s;
  }
  createService(instanceId: string, who: TokenInfo, b: z.output<typeof createServiceRequest>): ServiceRow {
    if (b.product_id === undefined) throw LINK.notFound('product template', b.product_template_id ?? '');
    if (!stmt(this.db, 'SELECT 1 FROM link_products WHERE instance_id = ? AND id = ?').get(instanceId, b.product_id)) {
      throw LINK.notFound('product', b.product_id);
    }
    const t = this.now();
    try {
      const r = stmt(this.db, 
          `INSERT INTO link_services (product_id, name, description, status, created_user_id, created_user_name,
             updated_user_id, updated_user_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(b.product_id, b.service_name, b.description ?? '', b.status, who.userId, who.userName, who.userId, who.userName, t, t);
      return this.service(instanceId, Number(r.lastInsertRowid));
    } catch (err) {
      return uniqueTo(err, { link_services: () => LINK.nameUsed('service', b.service_name) });
    }
  }
  updateService(instanceId: string, who: TokenInfo, id: number, b: z.output<typeof updateServiceRequest>): ServiceRow {
    const cur = this.service(instanceId, id);
    try {
      stmt(this.db, `UPDATE link_services SET name = ?, description = ?, status = ?, updated_user_id = ?, updated_user_name = ?,
           updated_at = ? WHERE id = ?`)
        .run(b.service_name, b.description ?? cur.description, b.status, who.userId, who.userName, this.now(), id);
    } catch (err) {
      uniqueTo(err, { link_services: () => LINK.nameUsed('service', b.service_name) });
    }
    return this.service(instanceId, id);
  }
  deleteService(instanceId: string, id: number): void {
    this.service(instanceId, id);
    stmt(this.db, 'DELETE FROM link_services WHERE id = ?').run(id);
  }

  // ---- commands ----
  listCommands(serviceId: number, q: Page & { command_id?: string; command_name?: string }) {
    const w = new Where().add('service_id = @sid', { sid: serviceId });
    if (q.command_id) w.add('CAST(id AS TEXT) = @cid', { cid: q.command_id.trim() });
    if (q.command_name) w.add(`name LIKE @cn ESCAPE '\\'`, { cn: contains(q.command_name) });
    return this.page<CommandRow>('link_commands', w, q);
  }
  command(serviceId: number, id: number): CommandRow {
    const c = stmt(this.db, 'SELECT * FROM link_commands WHERE service_id = ? AND id = ?').get(serviceId, id) as CommandRow | undefined;
    if (!c) throw LINK.notFound('command', id);
    return c;
  }
  commandsOf(serviceId: number): CommandRow[] {
    return stmt(this.db, 'SELECT * FROM link_commands WHERE service_id = ? ORDER BY id').all(serviceId) as CommandRow[];
  }
  saveCommand(serviceId: number, b: { name: string; description?: string }, id?: number): CommandRow {
    try {
      if (id === undefined) {
        const r = stmt(this.db, 'INSERT INTO link_commands (service_id, name, description) VALUES (?, ?, ?)')
          .run(serviceId, b.name, b.description ?? '');
        return this.command(serviceId, Number(r.lastInsertRowid));
      }
      const cur = this.command(serviceId, id);
      stmt(this.db, 'UPDATE link_commands SET name = ?, description = ? WHERE id = ?').run(b.name, b.description ?? cur.description, id);
      return this.command(serviceId, id);
    } catch (err) {
      return uniqueTo(err, { link_commands: () => LINK.nameUsed('command', b.name) });
    }
  }
  deleteCommand(serviceId: number, id: number): void {
    this.command(serviceId, id);
    stmt(this.db, 'DELETE FROM link_commands WHERE id = ?').run(id);
  }

  // ---- properties and command parameters ----
  private owner(serviceId: number, kind: PropertyKind, commandId: number | null): Where {
    return new Where().add('service_id = @sid AND kind = @kind AND IFNULL(command_id, 0) = @cid', {
      sid: serviceId, kind, cid: commandId ?? 0,
    });
  }
  listProperties(serviceId: number, kind: PropertyKind, commandId: number | null, q: Page & { id?: string; name?: string }) {
    const w = this.owner(serviceId, kind, commandId);
    if (q.id) w.add('CAST(id AS TEXT) = @pid', { pid: q.id.trim() });
    if (q.name) w.add(`name LIKE @pn ESCAPE '\\'`, { pn: contains(q.name) });
    return this.page<PropertyRow>('link_properties', w, q);
  }
  propertiesOf(serviceId: number): PropertyRow[] {
    return stmt(this.db, `SELECT * FROM link_properties WHERE service_id = ? AND kind = 'property' ORDER BY id`).all(serviceId) as PropertyRow[];
  }
  property(serviceId: number, kind: PropertyKind, commandId: number | null, id: number): PropertyRow {
    const w = this.owner(serviceId, kind, commandId).add('id = @id', { id });
    const p = stmt(this.db, `SELECT * FROM link_properties ${w.sql}`).get(w.params) as PropertyRow | undefined;
    if (!p) throw LINK.notFound(kind === 'property' ? 'property' : `${kind} parameter`, id);
    return p;
  }
  saveProperty(serviceId: number, kind: PropertyKind, commandId: number | null, b: z.output<typeof propertyRequest>, id?: number): PropertyRow {
    const v = {
      name: b.property_name, description: b.description ?? '', data_type: b.data_type, required: b.required,
      min: b.min ?? null, max: b.max ?? null, step: b.step ?? null, max_length: b.max_length ?? null, unit: b.unit ?? null,
      enum_list: b.enum_list ?? null, enum_dict: b.enum_dict === undefined ? null : JSON.stringify(b.enum_dict),
      method: b.method ?? null,
    };
    try {
      if (id === undefined) {
        const r = stmt(this.db, `INSERT INTO link_properties (service_id, command_id, kind, name, description, data_type, required, min, max,
              step, max_length, unit, enum_list, enum_dict, method) VALUES (@sid, @cid, @kind, @name, @description,
              @data_type, @required, @min, @max, @step, @max_length, @unit, @enum_list, @enum_dict, @method)`)
          .run({ ...v, sid: serviceId, cid: commandId, kind });
        return this.property(serviceId, kind, commandId, Number(r.lastInsertRowid));
      }
      this.property(serviceId, kind, commandId, id);
      stmt(this.db, `UPDATE link_properties SET name = @name, description = @description, data_type = @data_type,
            required = @required, min = @min, max = @max, step = @step, max_length = @max_length, unit = @unit,
            enum_list = @enum_list, enum_dict = @enum_dict, method = @method WHERE id = @id`)
        .run({ ...v, id });
      return this.property(serviceId, kind, commandId, id);
    } catch (err) {
      return uniqueTo(err, { link_properties: () => LINK.nameUsed(kind === 'property' ? 'property' : 'parameter', b.property_name) });
    }
  }
  deleteProperty(serviceId: number, kind: PropertyKind, commandId: number | null, id: number): void {
    this.property(serviceId, kind, commandId, id);
    stmt(this.db, 'DELETE FROM link_properties WHERE id = ?').run(id);
  }

  private page<T>(table: string, w: Where, q: Page): { total: number; items: T[] } {
    const { total } = stmt(this.db, `SELECT COUNT(*) AS total FROM ${table} ${w.sql}`).get(w.params) as { total: number };
    const items = stmt(this.db, `SELECT * FROM ${table} ${w.sql} ORDER BY id LIMIT @limit OFFSET @offset`)
      .all({ ...w.params, limit: q.limit, offset: q.offset }) as T[];
    return { total, items };
  }
}
