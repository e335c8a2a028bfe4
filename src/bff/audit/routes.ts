// GET /bff/audit: the audit trail of the caller's own domain, filtered and paged.
//   ?user=<exact user name>&resource=<resource id, or a piece of the route template>
//   &result=success|failure&since=&until=<ISO time or epoch ms>&offset=0&limit=20 (max 200)
// Answers { total, items: AuditItem[] } newest first (see types.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BffError } from '../errors';
import { readSessionId } from '../session/cookie';
import type { SessionManager } from '../session/manager';
import type { AuditTrail } from './trail';

const instant = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const ms = /^\d{1,15}$/.test(v) ? Number(v) : /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : NaN;
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO time or epoch milliseconds' });
      return z.NEVER;
    }
    return ms;
  });

const count = (max: number, dflt: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max))
    .optional()
    .transform((v) => v ?? dflt);

export const auditQuery = z.strictObject({
  user: z.string().trim().min(1).max(255).optional(),
  resource: z
    .string()
    .trim()
    .min(1)
    .max(256)
    .regex(/^[^|]+$/, 'must not contain |')
    .optional(),
  result: z.enum(['success', 'failure']).optional(),
  since: instant.optional(),
  until: instant.optional(),
  offset: count(1_000_000, 0),
  limit: count(200, 20).pipe(z.number().min(1, 'limit must be at least 1')),
});

export async function auditRoutes(app: FastifyInstance, deps: { trail: AuditTrail; sessions: SessionManager }): Promise<void> {
  app.get('/bff/audit', async (request) => {
    const loaded = await deps.sessions.load(readSessionId(request), { touch: true });
    if (loaded.status !== 'ok') throw new BffError('BFF.0002');
    const parsed = auditQuery.safeParse(request.query ?? {});
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'query'))].join(', ');
      throw new BffError('BFF.0019', `Invalid audit query: check ${fields}`);
    }
    const q = parsed.data;
    if (q.since !== undefined && q.until !== undefined && q.since > q.until) {
      throw new BffError('BFF.0019', 'Invalid audit query: since is after until');
    }
    const { domain } = loaded.session;
    try {
      return await deps.trail.store.query({ ...q, domainId: domain.id, domainName: domain.name });
    } catch (err) {
      request.log.error({ err }, 'audit query failed');
      throw new BffError('BFF.0023');
    }
  });
}
