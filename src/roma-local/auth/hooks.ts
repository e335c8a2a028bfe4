// Authentication for ROMA routes: X-Auth-Token, or an AK/SK signature (SDK-HMAC-SHA256, see
// signed.ts), answering in the family's error shape, plus the check that `{project_id}` in the
// path is the caller's project.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../context';
import { familyError, type Family } from '../errors';
import { authenticateSigned, isSigned } from './signed';

export function requireToken(ctx: Ctx, family: Family) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const raw = req.headers['x-auth-token'];
    if (raw === undefined && isSigned(req)) {
      authenticateSigned(ctx, req);
    } else {
      if (Array.isArray(raw)) throw familyError(family, 'badToken', 'Send exactly one X-Auth-Token header.');
      const token = raw?.trim();
      if (!token) throw familyError(family, 'noToken', 'The request carries no token (X-Auth-Token header).');
      const info = ctx.tokens.resolve(token, ctx.now());
      if (!info) throw familyError(family, 'badToken', 'Incorrect token or token resolution failed (unknown or expired token).');
      req.auth = info;
    }
    const projectId = (req.params as { project_id?: string } | undefined)?.project_id;
    if (projectId !== undefined && projectId !== req.auth?.projectId) {
      req.auth = null;
      throw familyError(family, 'forbidden', 'The caller is not scoped to the project in the URL.');
    }
  };
}
