// The session cookie: an opaque random id, HttpOnly, SameSite=Strict, Secure unless the
// browser talks plain http to this very machine (where browsers would drop a Secure cookie).
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'roma_sid';

/** 256 random bits, base64url: 43 characters. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;
export function isWellFormedSessionId(value: unknown): value is string {
  return typeof value === 'string' && ID_SHAPE.test(value);
}

/** Host name without port, lower-case; IPv6 keeps its brackets. */
export function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : h;
  }
  return h.split(':')[0] ?? '';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isPlainHttpLoopback(protocol: string, host: string | undefined): boolean {
  return protocol === 'http' && LOOPBACK.has(hostnameOf(host));
}

export interface SessionCookieFlags {
  httpOnly: true;
  sameSite: 'strict';
  path: '/';
  secure: boolean;
}

export function sessionCookieFlags(request: FastifyRequest): SessionCookieFlags {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: !isPlainHttpLoopback(request.protocol, request.host) };
}

export function readSessionId(request: FastifyRequest): string | undefined {
  const v = request.cookies?.[SESSION_COOKIE];
  return isWellFormedSessionId(v) ? v : undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string): void {
  reply.setCookie(SESSION_COOKIE, id, sessionCookieFlags(request));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieFlags(request));
}
