// The BFF's audit trail (GET /bff/audit): who did what, when, with which answer. Not
// instance-scoped: the BFF answers the records of the caller's own domain.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { http, parseWith } from './http';
import { cleanParams } from './keys';
import type { Page } from './factories';

const auditItem = z.object({
  id: z.number(),
  time: z.string(),
  user: z.string().nullable(),
  domain: z.string().nullable(),
  project: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  resource_ids: z.record(z.string(), z.string()).catch({}),
  status: z.number(),
  error_code: z.string().nullable(),
  request_id: z.string(),
  duration_ms: z.number(),
  client_ip: z.string(),
});
const auditPage = z.object({ total: z.number().int().min(0), items: z.array(auditItem) });

export interface AuditRecord {
  id: number;
  /** epoch ms */
  time: number;
  user: string;
  domain: string;
  project: string;
  method: string;
  route: string;
  resourceIds: Record<string, string>;
  status: number;
  ok: boolean;
  errorCode: string;
  requestId: string;
  durationMs: number;
  clientIp: string;
}

export function fromWire(i: z.infer<typeof auditItem>): AuditRecord {
  return {
    id: i.id,
    time: Date.parse(i.time),
    user: i.user ?? '',
    domain: i.domain ?? '',
    project: i.project ?? '',
    method: i.method,
    route: i.route,
    resourceIds: i.resource_ids,
    status: i.status,
    ok: i.status < 400,
    errorCode: i.error_code ?? '',
    requestId: i.request_id,
    durationMs: i.duration_ms,
    clientIp: i.client_ip,
  };
}

export interface AuditFilters {
  [k: string]: string | number | undefined;
  user?: string;
  resource?: string;
  result?: 'success' | 'failure';
  /** ISO times */
  since?: string;
  until?: string;
}
export type AuditParams = AuditFilters & { offset: number; limit: number };

/** The BFF's page size limit. */
export const AUDIT_MAX_LIMIT = 200;

export async function listAudit(p: AuditParams, signal?: AbortSignal): Promise<Page<AuditRecord>> {
  const res = await http.get('/bff/audit', { params: cleanParams(p), signal });
  const body = parseWith(auditPage, res.data, 'audit');
  return { items: body.items.map(fromWire), total: body.total };
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (p: AuditParams) => ['audit', 'list', cleanParams(p)] as const,
};

export const auditListQuery = (p: AuditParams) =>
  queryOptions({ queryKey: auditKeys.list(p), queryFn: ({ signal }) => listAudit(p, signal), placeholderData: keepPreviousData });

/**
 * Every record of a filtered query, paging through the API (newest first). Stops at `max` records
 * (reported as `truncated`) so an export of a huge trail cannot exhaust the browser.
 */
export async function listAllAudit(
  filters: AuditFilters,
  opts: { max?: number; signal?: AbortSignal; onProgress?: (loaded: number, total: number) => void } = {},
): Promise<{ items: AuditRecord[]; total: number; truncated: boolean }> {
  const max = opts.max ?? 100_000;
  const items: AuditRecord[] = [];
  let total = 0;
  for (let offset = 0; ; offset += AUDIT_MAX_LIMIT) {
    const page = await listAudit({ ...filters, offset, limit: AUDIT_MAX_LIMIT }, opts.signal);
    total = page.total;
    items.push(...page.items);
    opts.onProgress?.(items.length, total);
    if (page.items.length < AUDIT_MAX_LIMIT || items.length >= total) break;
    if (items.length >= max) return { items: items.slice(0, max), total, truncated: true };
  }
  return { items, total, truncated: false };
}
