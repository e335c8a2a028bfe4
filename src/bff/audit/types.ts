// One audited action and the shape GET /bff/audit answers. The web Audit page relies on
// AuditItem exactly: keep it stable.
export interface AuditEntry {
  /** Epoch ms. */
  time: number;
  user: string | null;
  userId: string | null;
  domain: string | null;
  domainId: string | null;
  project: string | null;
  projectId: string | null;
  method: string;
  route: string;
  resourceIds: Record<string, string>;
  status: number;
  errorCode: string | null;
  requestId: string;
  durationMs: number;
  clientIp: string;
}

export interface AuditItem {
  id: number;
  time: string;
  user: string | null;
  domain: string | null;
  project: string | null;
  method: string;
  route: string;
  resource_ids: Record<string, string>;
  status: number;
  error_code: string | null;
  request_id: string;
  duration_ms: number;
  client_ip: string;
}

export interface AuditPage {
  total: number;
  items: AuditItem[];
}

export interface AuditQuery {
  /** Only records of this domain (the caller's). */
  domainId: string;
  domainName: string;
  /** Exact user name. */
  user?: string;
  /** A resource id (exact) or a piece of the route template. */
  resource?: string;
  result?: 'success' | 'failure';
  since?: number;
  until?: number;
  offset: number;
  limit: number;
}

export interface AuditStore {
  readonly kind: 'sqlite' | 'postgres';
  insert(entries: AuditEntry[]): Promise<void>;
  query(q: AuditQuery): Promise<AuditPage>;
  /** Deletes records older than `before` (epoch ms); returns how many. */
  purge(before: number): Promise<number>;
  close(): Promise<void>;
}

/** Resource ids as one searchable string: |id1|id2| (ids never contain '|': the filter refuses it). */
export function resourceKeys(ids: Record<string, string>): string {
  return `|${Object.values(ids).join('|')}|`;
}

/** Row → item; both stores name their columns the same. */
export interface AuditRow {
  id: number | string;
  time: number | string;
  user_name: string | null;
  domain: string | null;
  project: string | null;
  method: string;
  route: string;
  resource_ids: string;
  status: number;
  error_code: string | null;
  request_id: string;
  duration_ms: number;
  client_ip: string;
}

export function toItem(r: AuditRow): AuditItem {
  let ids: Record<string, string> = {};
  try {
    ids = JSON.parse(r.resource_ids) as Record<string, string>;
  } catch {
    // a damaged row still shows
  }
  return {
    id: Number(r.id),
    time: new Date(Number(r.time)).toISOString(),
    user: r.user_name,
    domain: r.domain,
    project: r.project,
    method: r.method,
    route: r.route,
    resource_ids: ids,
    status: Number(r.status),
    error_code: r.error_code,
    request_id: r.request_id,
    duration_ms: Number(r.duration_ms),
    client_ip: r.client_ip,
  };
}

/** WHERE clause shared by both stores; `p(i)` renders the i-th placeholder. */
export function whereClause(q: AuditQuery, p: (i: number) => string, contains: (col: string, ph: string) => string) {
  const args: unknown[] = [];
  const ph = (v: unknown): string => {
    args.push(v);
    return p(args.length);
  };
  const parts = [`(domain_id = ${ph(q.domainId)} OR (domain_id IS NULL AND domain = ${ph(q.domainName)}))`];
  if (q.user !== undefined) parts.push(`user_name = ${ph(q.user)}`);
  if (q.resource !== undefined) {
    parts.push(`(${contains('resource_keys', ph(`|${q.resource}|`))} OR ${contains('route', ph(q.resource))})`);
  }
  if (q.result === 'success') parts.push('status < 400');
  if (q.result === 'failure') parts.push('status >= 400');
  if (q.since !== undefined) parts.push(`time >= ${ph(q.since)}`);
  if (q.until !== undefined) parts.push(`time <= ${ph(q.until)}`);
  return { sql: parts.join(' AND '), args };
}
