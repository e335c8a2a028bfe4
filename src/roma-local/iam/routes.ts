// IAM v3 password token: POST /v3/auth/tokens (iam.md). A request signed by the vendor's SDK
// (Authorization/X-Sdk-Date headers) is answered on the password in its body; those headers
// are ignored and never logged.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { passwordTokenRequest } from '../../contract/index';
import type { Ctx } from '../context';
import { ApiError } from '../errors';
import { resource } from '../http';
import { isoMillis } from '../util';
import { parseBody } from '../validate';
import { verifyPassword } from './password';

const unauthorized = (msg = 'The username or password is wrong.') => new ApiError(401, '401', msg);

interface Ref { id: string; name: string }

function catalog(req: FastifyRequest, region: Ref) {
  const url = `${req.protocol}://${req.host}`;
  const endpoint = (id: string) => [{ id, url, region: region.name, region_id: region.name, interface: 'public' }];
  return [
    { type: 'identity', id: 'iam', name: 'iam', endpoints: endpoint('iam-public') },
    { type: 'roma', id: 'roma', name: 'roma', endpoints: endpoint('roma-public') },
  ];
}

export function iamRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { db } = ctx;
  resource(app, 'iam', '/v3/auth/tokens', {
    POST: async (req, reply) => {
      const body = parseBody('iam', passwordTokenRequest, req.body);
      const u = body.auth.identity.password.user;
      const domain = db.prepare('SELECT id, name FROM domains WHERE name = ?').get(u.domain.name) as Ref | undefined;
      const user = domain
        ? (db.prepare('SELECT id, name, password_hash FROM users WHERE domain_id = ? AND name = ?').get(domain.id, u.name) as
            | (Ref & { password_hash: string | null })
            | undefined)
        : undefined;
      // Always spend one scrypt, so a wrong user name answers as slowly as a wrong password.
      const ok = await verifyPassword(u.password, user?.password_hash);
      if (!ok || !user || !domain) throw unauthorized();

      const scope = body.auth.scope;
      let project: Ref | undefined;
      if ('project' in scope) {
        const { id, name } = scope.project;
        project = db
          .prepare('SELECT id, name FROM projects WHERE domain_id = ? AND (? IS NULL OR id = ?) AND (? IS NULL OR name = ?)')
          .get(domain.id, id ?? null, id ?? null, name ?? null, name ?? null) as Ref | undefined;
        if (!project) throw unauthorized('The project does not exist or the user has no access to it.');
      } else {
        const { id, name } = scope.domain;
        if ((id !== undefined && id !== domain.id) || (name !== undefined && name !== domain.name)) {
          throw unauthorized('The user does not belong to the requested domain.');
        }
      }

      const issued = ctx.now();
      const expires = issued + ctx.tokenTtlMs;
      const token = ctx.tokens.issue(user.id, domain.id, project?.id ?? null, issued, expires);
      const q = req.query as Record<string, unknown> | undefined;
      const noCatalog = typeof q?.nocatalog === 'string' && q.nocatalog !== '';
      const domainRef = { id: domain.id, name: domain.name };
      return reply
        .code(201)
        .header('X-Subject-Token', token)
        .header('Cache-Control', 'no-store')
        .send({
          token: {
            expires_at: isoMillis(expires),
            issued_at: isoMillis(issued),
            methods: ['password'],
            ...(project ? { project: { ...project, domain: domainRef } } : { domain: domainRef }),
            user: { id: user.id, name: user.name, domain: domainRef, password_expires_at: '' },
            roles: [{ id: '0', name: 'te_admin' }, { id: '0', name: 'roma_admin' }],
            ...(noCatalog ? {} : { catalog: catalog(req, project ?? domainRef) }),
          },
        });
    },
  });
}
