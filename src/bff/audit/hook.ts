// Records every state-changing call: POST/PUT/PATCH/DELETE on /api/..., and login/logout.
// Hooks on the root instance, so they see the proxy, the session routes and refused requests alike.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { pathOf } from '../security/headers';
import { subjectOf } from './context';
import { errorCodeIn, tapStream, type HeadTap } from './capture';
import { routeTemplate } from './route-template';
import type { AuditTrail } from './trail';
import type { AuditEntry } from './types';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const AUDITED_BFF = new Set(['/bff/login', '/bff/logout']);

export function isAudited(method: string, path: string): boolean {
  return MUTATING.has(method) && (path.startsWith('/api/') || AUDITED_BFF.has(path));
}

const codes = new WeakMap<FastifyRequest, string | null | HeadTap>();

export function auditHooks(app: FastifyInstance, trail: AuditTrail, now: () => number): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode < 400 || !isAudited(request.method, pathOf(request.raw.url))) return payload;
    if (typeof payload === 'string') codes.set(request, errorCodeIn(payload.slice(0, 4096)));
    else if (Buffer.isBuffer(payload)) codes.set(request, errorCodeIn(payload.subarray(0, 4096).toString('latin1')));
    else if (payload instanceof Readable) {
      const tap = tapStream(payload);
      codes.set(request, tap);
      return tap;
    }
    return payload;
  });

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.raw.url);
    if (!isAudited(request.method, path)) return;
    trail.record(entryFor(request, reply, path, now()));
  });
}

function entryFor(request: FastifyRequest, reply: FastifyReply, path: string, time: number): AuditEntry {
  const subject = subjectOf(request);
  const captured = codes.get(request);
  const errorCode = captured === undefined || captured === null ? null : typeof captured === 'string' ? captured : captured.code;
  let route = path.length > 256 ? `${path.slice(0, 256)}…` : path;
  let resourceIds: Record<string, string> = {};
  if (path.startsWith('/api/v2/')) ({ route, resourceIds } = routeTemplate(path.slice('/api'.length)));
  return {
    time,
    user: subject?.user ?? null,
    userId: subject?.userId ?? null,
    domain: subject?.domain ?? null,
    domainId: subject?.domainId ?? null,
    project: subject?.project ?? null,
    projectId: subject?.projectId ?? null,
    method: request.method,
    route,
    resourceIds,
    status: reply.statusCode,
    errorCode: reply.statusCode >= 400 ? errorCode : null,
    requestId: String(reply.getHeader('x-request-id') ?? request.id),
    durationMs: Math.round(reply.elapsedTime * 100) / 100,
    clientIp: request.ip,
  };
}
