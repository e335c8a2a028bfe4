// X-Auth-Token check for ROMA routes, answering in the family's error shape, and the check that
// `{project_id}` in the path is the token's project.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../context';
import { familyError, type Family } from '../errors';

export function requireToken(ctx: Ctx, family: Family) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const raw = req.headers['x-auth-token'];
    if (Array.isArray(raw)) throw familyError(family, 'badToken', 'Send exactly one X-Auth-Token header.');
    const token = raw?.trim();
    if (!token) throw familyError(family, 'noToken', 'The request carries no token (X-Auth-Token header).');
    const info = ctx.tokens.resolve(token, ctx.now());
    if (!info) throw familyError(family, 'badToken', 'Incorrect token or token resolution failed (unknown or expired token).');
    const projectId = (req.params as { project_id?: string } | undefined)?.project_id;
    if (projectId !== undefined && projectId !== info.projectId) {
      throw familyError(family, 'forbidden', 'The token is not scoped to the project in the URL.');
    }
    req.auth = info;
  };
}
