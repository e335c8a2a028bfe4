// Session lifecycle: create at login, load with idle/absolute checks, touch, destroy.
// Store keys are SHA-256 hashes of the cookie value, so a dump of the store holds no usable cookie.
import { createHash } from 'node:crypto';
import { newSessionId } from './cookie';
import type { Session, SessionStore } from './store';

export interface SessionTimeouts {
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  now: () => number;
}

export type LoadResult =
  | { status: 'ok'; session: Session }
  | { status: 'none' }
  | { status: 'expired' };

export interface NewSessionData {
  token: string;
  user: Session['user'];
  domain: Session['domain'];
  project: Session['project'];
  tokenExpiresAt: number;
}

export function storeKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

export class SessionManager {
  constructor(
    readonly store: SessionStore,
    private readonly t: SessionTimeouts,
  ) {}

  async create(data: NewSessionData): Promise<{ id: string; session: Session }> {
    const now = this.t.now();
    const session: Session = {
      ...data,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: now + this.t.idleTimeoutMs,
      absoluteExpiresAt: Math.min(now + this.t.absoluteTimeoutMs, data.tokenExpiresAt),
    };
    const id = newSessionId();
    await this.store.set(storeKey(id), session);
    return { id, session };
  }

  /** `touch` restarts the idle timer (every use but GET /bff/session). Expired sessions are deleted. */
  async load(id: string | undefined, opts: { touch: boolean }): Promise<LoadResult> {
    if (!id) return { status: 'none' };
    const key = storeKey(id);
    const session = await this.store.get(key);
    if (!session) return { status: 'none' };
    const now = this.t.now();
    if (now >= session.idleExpiresAt || now >= session.absoluteExpiresAt) {
      await this.store.delete(key);
      return { status: 'expired' };
    }
    // A touch is a store write (a Redis round trip): skip it when the last one is only seconds
    // old, so a burst of calls costs one write; the idle deadline is then at most that much early.
    const granularity = Math.min(5_000, Math.floor(this.t.idleTimeoutMs / 100));
    if (opts.touch && now - session.lastSeenAt >= granularity) {
      session.lastSeenAt = now;
      session.idleExpiresAt = now + this.t.idleTimeoutMs;
      await (this.store.update ? this.store.update(key, session) : this.store.set(key, session));
    }
    return { status: 'ok', session };
  }

  async destroy(id: string | undefined): Promise<void> {
    if (id) await this.store.delete(storeKey(id));
  }
}
