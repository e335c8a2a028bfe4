// Request ids: a sane incoming X-Request-Id is kept (so a trace spans browser, BFF and upstream),
// anything else is replaced by a fresh one. Ids are echoed in X-Request-Id and in BFF error bodies.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SANE = /^[A-Za-z0-9_-]{1,64}$/;

export function isSaneRequestId(v: unknown): v is string {
  return typeof v === 'string' && SANE.test(v);
}

export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return isSaneRequestId(incoming) ? incoming : randomUUID().replaceAll('-', '');
}
