// /bff/login, /bff/logout, /bff/session.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BffError } from '../errors';
import type { IamClient } from '../iam/client';
import { noteSubject, sessionSubject } from '../audit/context';
import type { LoginLimiter } from '../security/rate-limit';
import { clearSessionCookie, readSessionId, setSessionCookie, SESSION_COOKIE } from './cookie';
import type { SessionManager } from './manager';
import type { Session } from './store';

const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(255),
  password: z.string().min(1).max(1024),
  domain: z.string().trim().min(1).max(255),
  project: z.string().trim().min(1).max(255),
});

export interface SessionRoutesDeps {
  sessions: SessionManager;
  iam: IamClient;
  limiter: LoginLimiter;
}

/** What the browser learns about its session: names, ids and deadline — never the token. */
export function sessionView(s: Session) {
  return {
    authenticated: true as const,
    user: s.user.name,
    user_id: s.user.id,
    domain: s.domain.name,
    project: s.project.name,
    project_id: s.project.id,
    expires_at: new Date(s.absoluteExpiresAt).toISOString(),
    idle_expires_at: new Date(s.idleExpiresAt).toISOString(),
  };
}

const ANONYMOUS = { authenticated: false, user: null, project_id: null, expires_at: null } as const;

export async function sessionRoutes(app: FastifyInstance, deps: SessionRoutesDeps): Promise<void> {
  app.post('/bff/login', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const parsed = loginBody.safeParse(request.body);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'body'))].join(', ');
      throw new BffError('BFF.0003', `Invalid login request: check ${fields}`);
    }
    const typed = parsed.data;
    // The audit trail names who tried, even when the attempt fails (never the password).
    noteSubject(request, { user: typed.username, userId: null, domain: typed.domain, domainId: null, project: typed.project, projectId: null });
    const wait = await deps.limiter.retryAfterSeconds(request.ip);
    if (wait > 0) throw new BffError('BFF.0005', undefined, { 'retry-after': String(wait) });

    let login;
    try {
      login = await deps.iam.login(typed, request.id);
    } catch (err) {
      if (err instanceof BffError && err.code === 'BFF.0004') await deps.limiter.recordFailure(request.ip);
      throw err;
    }
    // A new id at every login: an id planted before login (session fixation) is worthless.
    await deps.sessions.destroy(readSessionId(request));
    const { id, session } = await deps.sessions.create({
      token: login.token,
      user: login.user,
      domain: login.domain,
      project: login.project,
      tokenExpiresAt: login.expiresAt,
    });
    noteSubject(request, sessionSubject(session));
    setSessionCookie(request, reply, id);
    request.log.info({ user: login.user.name, project: login.project.id }, 'login');
    const { authenticated: _a, ...view } = sessionView(session);
    return view;
  });

  // Logout must work whatever the client sends along (or fails to send): any body is ignored.
  await app.register(async (child) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { bodyLimit: 16 * 1024, parseAs: 'buffer' }, (_req, _body, done) => done(null));
    child.post('/bff/logout', async (request, reply) => {
      const sid = readSessionId(request);
      // The cookie goes in any case; a 503 then tells the operator the server side could not be ended.
      clearSessionCookie(request, reply);
      const loaded = await deps.sessions.load(sid, { touch: false });
      if (loaded.status === 'ok') noteSubject(request, sessionSubject(loaded.session));
      await deps.sessions.destroy(sid);
      return reply.code(204).send();
    });
  });

  // Reading the session state does not count as activity: the idle timer keeps running.
  app.get('/bff/session', async (request, reply) => sessionState(request, reply, deps.sessions));
}

async function sessionState(request: FastifyRequest, reply: FastifyReply, sessions: SessionManager) {
  const loaded = await sessions.load(readSessionId(request), { touch: false });
  if (loaded.status === 'ok') return sessionView(loaded.session);
  if (request.cookies?.[SESSION_COOKIE] !== undefined) clearSessionCookie(request, reply);
  return ANONYMOUS;
}
