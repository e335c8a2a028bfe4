// Who did it: routes note the acting operator on the request, the audit hook reads it back when
// the answer has gone out. Kept beside the request, never in a global.
import type { FastifyRequest } from 'fastify';
import type { Session } from '../session/store';

export interface AuditSubject {
  user: string | null;
  userId: string | null;
  domain: string | null;
  domainId: string | null;
  project: string | null;
  projectId: string | null;
}

const subjects = new WeakMap<FastifyRequest, AuditSubject>();

export function noteSubject(request: FastifyRequest, subject: AuditSubject): void {
  subjects.set(request, subject);
}

export function subjectOf(request: FastifyRequest): AuditSubject | undefined {
  return subjects.get(request);
}

export function sessionSubject(s: Session): AuditSubject {
  return {
    user: s.user.name,
    userId: s.user.id,
    domain: s.domain.name,
    domainId: s.domain.id,
    project: s.project.name,
    projectId: s.project.id,
  };
}
