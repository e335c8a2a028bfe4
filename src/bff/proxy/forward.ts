// ANY /api/v2/{project_id}/... → {romaEndpoint}/v2/{project_id}/... with the session's token.
// Bodies stream both ways through a keep-alive undici pool; nothing is buffered whole.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Dispatcher, Pool } from 'undici';
import { noteSubject, sessionSubject } from '../audit/context';
import { BffError, sendBffError } from '../errors';
import type { SessionManager } from '../session/manager';
import { clearSessionCookie, readSessionId } from '../session/cookie';
import { upstreamFailure } from '../upstream';
import { BodyLimit } from './body-limit';
import { checkApiPath } from './path';
import { browserResponseHeaders, upstreamRequestHeaders } from './headers';

export const PROXY_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface ProxyDeps {
  pool: Pool;
  sessions: SessionManager;
  maxBodyBytes: number;
}

export async function proxyPlugin(app: FastifyInstance, deps: ProxyDeps): Promise<void> {
  // The proxy streams bodies untouched: no parsing, whatever the content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  app.all('/api/*', async (request, reply) => forward(request, reply, deps));
  app.all('/api', async () => {
    throw new BffError('BFF.0014');
  });
}

function hasBody(request: FastifyRequest): boolean {
  const h = request.headers;
  if (h['transfer-encoding'] !== undefined) return true;
  const len = h['content-length'];
  return len !== undefined && len !== '0';
}

async function forward(request: FastifyRequest, reply: FastifyReply, deps: ProxyDeps): Promise<FastifyReply> {
  if (!PROXY_METHODS.has(request.method)) {
    throw new BffError('BFF.0007', `Method ${request.method} is not allowed`, { allow: [...PROXY_METHODS].join(', ') });
  }
  const target = checkApiPath(request.raw.url ?? '');
  if (!target.ok) {
    throw target.reason === 'not-api' ? new BffError('BFF.0014') : new BffError('BFF.0011');
  }

  const sid = readSessionId(request);
  const loaded = await deps.sessions.load(sid, { touch: true });
  if (loaded.status !== 'ok') {
    if (request.cookies?.roma_sid !== undefined) clearSessionCookie(request, reply);
    throw new BffError('BFF.0002');
  }
  const session = loaded.session;
  noteSubject(request, sessionSubject(session));
  if (target.projectId !== session.project.id) {
    throw new BffError('BFF.0006', 'Only the project of the current session can be used');
  }

  const declared = Number(request.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > deps.maxBodyBytes) {
    reply.header('connection', 'close');
    throw new BffError('BFF.0013');
  }

  let body: BodyLimit | undefined;
  if (hasBody(request) && request.method !== 'GET') {
    body = new BodyLimit(deps.maxBodyBytes);
    request.raw.pipe(body);
  }

  // Stop the upstream call when the browser goes away.
  const abort = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) abort.abort();
  };
  reply.raw.once('close', onClose);

  let res: Dispatcher.ResponseData;
  try {
    res = await deps.pool.request({
      method: request.method as Dispatcher.HttpMethod,
      path: target.upstreamPath + target.query,
      headers: upstreamRequestHeaders(request.headers, session.token, request.id),
      body,
      signal: abort.signal,
    });
  } catch (err) {
    if (body?.exceeded) {
      reply.header('connection', 'close');
      throw new BffError('BFF.0013');
    }
    throw upstreamFailure(err, 'The ROMA Connect service');
  }

  const passed = browserResponseHeaders(res.headers);
  const upstreamRequestId = passed['x-request-id'] ?? request.id;

  if (res.statusCode === 401) {
    // The token is no longer accepted (expired or revoked): end the session so the console logs in again.
    res.body.dump().catch(() => undefined);
    await deps.sessions.destroy(sid);
    clearSessionCookie(request, reply);
    return sendBffError(
      request,
      reply,
      new BffError('BFF.0002', 'The session has expired; please log in again'),
      upstreamRequestId,
    );
  }

  reply.code(res.statusCode);
  reply.headers(passed);
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.body.dump().catch(() => undefined);
    reply.removeHeader('content-length');
    return reply.send();
  }
  return reply.send(res.body);
}
