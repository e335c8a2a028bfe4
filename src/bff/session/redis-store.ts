// Sessions in Redis, shared by every replica behind one address. Keys are the SHA-256 of the
// session id (the manager hashes before calling us), the IAM token is sealed with AES-256-GCM,
// and each entry expires in Redis at its own deadline. A record that fails to open (forged,
// moved, other key) counts as no session and is removed.
import type { Redis } from 'ioredis';
import { viaRedis } from '../redis/client';
import { sessionDeadline, type Session, type SessionStore } from './store';
import { openToken, sealToken, type SealedToken } from './token-crypto';

type StoredSession = Omit<Session, 'token'> & { v: 1; token: SealedToken };

export interface RedisSessionStoreOptions {
  redis: Redis;
  key: Buffer;
  prefix: string;
  now: () => number;
}

export class RedisSessionStore implements SessionStore {
  constructor(private readonly o: RedisSessionStoreOptions) {}

  private k(id: string): string {
    return `${this.o.prefix}sess:${id}`;
  }

  async get(id: string): Promise<Session | undefined> {
    const raw = await viaRedis(() => this.o.redis.get(this.k(id)));
    if (raw === null) return undefined;
    let stored: StoredSession;
    try {
      stored = JSON.parse(raw) as StoredSession;
    } catch {
      stored = { v: 0 } as unknown as StoredSession;
    }
    const token = stored.v === 1 && stored.token ? openToken(this.o.key, stored.token, id) : undefined;
    if (token === undefined) {
      await this.delete(id);
      return undefined;
    }
    const { v: _v, ...rest } = stored;
    return { ...rest, token };
  }

  async set(id: string, session: Session): Promise<void> {
    await viaRedis(() => this.o.redis.set(this.k(id), this.encode(id, session), 'PX', this.ttl(session)));
  }

  /** Writes only while the entry still exists: a logout on another replica is never undone. */
  async update(id: string, session: Session): Promise<void> {
    await viaRedis(() => this.o.redis.set(this.k(id), this.encode(id, session), 'PX', this.ttl(session), 'XX'));
  }

  async delete(id: string): Promise<void> {
    await viaRedis(() => this.o.redis.del(this.k(id)));
  }

  private ttl(s: Session): number {
    return Math.max(1, sessionDeadline(s) - this.o.now());
  }

  private encode(id: string, s: Session): string {
    const stored: StoredSession = { ...s, v: 1, token: sealToken(this.o.key, s.token, id) };
    return JSON.stringify(stored);
  }
}
