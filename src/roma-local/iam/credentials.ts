// IAM permanent access keys (vendor operations CreatePermanentAccessKey, ListPermanentAccessKeys,
// ShowPermanentAccessKey, DeletePermanentAccessKey) under /v3.0/OS-CREDENTIAL/credentials,
// authenticated like every other route (a token of the user, or a key of the user).
// roma-local's login users are their domain's administrators (their tokens carry te_admin), so a
// caller may manage the keys of any user of its own domain; other domains' keys are "not found".
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireToken } from '../auth/hooks';
import { accessKeysOf } from '../auth/signed';
import { caller, type Ctx } from '../context';
import { ApiError } from '../errors';
import { resource } from '../http';
import { parseBody, parseQuery } from '../validate';
import type { AccessKeyRow } from './access-keys';

const BASE = '/v3.0/OS-CREDENTIAL/credentials';

const createRequest = z.object({
  credential: z.object({
    user_id: z.string().min(1).max(64),
    description: z.string().max(255).optional(),
  }),
});
const listQuery = z.object({ user_id: z.string().min(1).max(64).optional() });

/** The vendor's create_time: ISO UTC with microseconds ("2020-01-08T06:25:19.014028Z"). */
const createTime = (ms: number): string => new Date(ms).toISOString().replace(/Z$/, '000Z');

const view = (k: AccessKeyRow) => ({
  user_id: k.user_id, access: k.access, status: k.status, create_time: createTime(k.create_time), description: k.description,
});

const notFound = (what: string) => new ApiError(404, '404', `Could not find ${what}.`);

export function credentialRoutes(app: FastifyInstance, ctx: Ctx): void {
  const hooks = { onRequest: [requireToken(ctx, 'iam')] };
  const keys = () => accessKeysOf(ctx);

  /** The user `userId` if it is in the caller's domain (else 404, as for a user that does not exist). */
  const userInDomain = (req: FastifyRequest, userId: string): string => {
    const row = ctx.db.prepare('SELECT id FROM users WHERE id = ? AND domain_id = ?').get(userId, caller(req).domainId) as { id: string } | undefined;
    if (!row) throw notFound(`user: ${userId}`);
    return row.id;
  };

  resource(app, 'iam', BASE, {
    POST: async (req, reply) => {
      const body = parseBody('iam', createRequest, req.body);
      const userId = userInDomain(req, body.credential.user_id);
      const made = keys().create(userId, body.credential.description ?? '', ctx.now());
      // The vendor answers this limit as 400 with message "akSkNumExceed".
      if (made === 'limit') throw new ApiError(400, '400', 'akSkNumExceed');
      return reply
        .code(201)
        .header('Cache-Control', 'no-store')
        .send({ credential: { ...view(made.row), secret: made.secret } });
    },
    GET: async (req) => {
      const q = parseQuery('iam', listQuery, req.query);
      const userId = q.user_id === undefined ? caller(req).userId : userInDomain(req, q.user_id);
      return { credentials: keys().list(userId).map(view) };
    },
  }, hooks);

  const ownKey = (req: FastifyRequest) => {
    const access = (req.params as { access_key: string }).access_key;
    const k = keys().get(access);
    if (!k || k.domain_id !== caller(req).domainId) throw notFound(`access key: ${access}`);
    return k;
  };

  resource(app, 'iam', `${BASE}/:access_key`, {
    GET: async (req) => ({ credential: view(ownKey(req)) }),
    DELETE: async (req, reply) => {
      keys().delete(ownKey(req).access);
      return reply.code(204).send();
    },
  }, hooks);
}
