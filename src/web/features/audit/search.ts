// Audit list state in the URL (filters and paging); .catch() defaults keep a hand-edited URL working.
import { z } from 'zod';
import { pagedSearchFields } from '../../components/searchState';
import type { AuditFilters } from '../../api/audit';

const text = (max: number) => z.string().transform((s) => s.trim().slice(0, max)).catch('');
/** An ISO time, or '' when absent or unreadable. */
const isoTime = z
  .string()
  .transform((s) => (Number.isNaN(Date.parse(s)) ? '' : new Date(Date.parse(s)).toISOString()))
  .catch('');

const { offset, limit } = pagedSearchFields(0);
export const auditSearchSchema = z.object({
  user: text(255),
  resource: text(256).transform((s) => s.replace(/\|/g, '')),
  result: z.enum(['success', 'failure', '']).catch(''),
  since: isoTime,
  until: isoTime,
  offset,
  limit,
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** The filters of the URL state, as the API takes them (empty ones left out). */
export function auditFilters(s: AuditSearch): AuditFilters {
  return {
    user: s.user || undefined,
    resource: s.resource || undefined,
    result: s.result || undefined,
    since: s.since || undefined,
    until: s.until || undefined,
  };
}
