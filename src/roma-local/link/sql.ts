// Small SQL helpers shared by the LINK stores.
/** LIKE pattern for "contains", with %, _ and \ escaped (use with ESCAPE '\'). */
export const contains = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Upper bound for a prefix range scan (index-friendly "starts with"). */
export const prefixEnd = (s: string): string => `${s}\uffff`;

/** WHERE-clause builder with named parameters. */
export class Where {
  readonly parts: string[] = [];
  readonly params: Record<string, unknown> = {};
  add(sql: string, params: Record<string, unknown> = {}): this {
    this.parts.push(sql);
    Object.assign(this.params, params);
    return this;
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export const PERMISSIONS = ['read', 'access', 'delete', 'modify'];
export const user = (id: string, name: string) => ({ user_id: id, user_name: name });

// Prepared statements, cached per database and SQL text (shared with the other stores).
export { stmt } from '../db/stmt';
