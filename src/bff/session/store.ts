// Server-side sessions. The interface is async so a shared store (Redis) can replace the
// in-memory one without touching callers; entries carry their own deadlines so such a store
// can set a TTL from them.

export interface Session {
  /** IAM token: lives only here, never sent to the browser or logged. */
  token: string;
  user: { id: string; name: string };
  domain: { id: string; name: string };
  project: { id: string; name: string };
  /** Epoch ms. */
  createdAt: number;
  lastSeenAt: number;
  /** lastSeenAt + idle timeout. */
  idleExpiresAt: number;
  /** min(createdAt + absolute timeout, token expires_at). */
  absoluteExpiresAt: number;
  /** The token's own expires_at (epoch ms). */
  tokenExpiresAt: number;
}

export interface SessionStore {
  get(id: string): Promise<Session | undefined>;
  set(id: string, session: Session): Promise<void>;
  delete(id: string): Promise<void>;
  /** Like set, but only while the entry exists (so a touch never revives a session ended elsewhere). */
  update?(id: string, session: Session): Promise<void>;
  /** Optional: release timers/connections when the BFF closes. */
  close?(): Promise<void>;
}

export function sessionDeadline(s: Session): number {
  return Math.min(s.idleExpiresAt, s.absoluteExpiresAt);
}

export interface MemorySessionStoreOptions {
  now?: () => number;
  /** How often expired entries are dropped; 0 disables the timer (call sweep() yourself). */
  sweepIntervalMs?: number;
  /** Upper bound on stored sessions; the entries closest to expiry are dropped first. */
  maxEntries?: number;
}

export class MemorySessionStore implements SessionStore {
  private readonly map = new Map<string, Session>();
  private readonly now: () => number;
  private readonly maxEntries: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(opts: MemorySessionStoreOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.maxEntries = opts.maxEntries ?? 100_000;
    const every = opts.sweepIntervalMs ?? 60_000;
    if (every > 0) {
      this.timer = setInterval(() => this.sweep(), every);
      this.timer.unref(); // never keeps the process alive
    }
  }

  async get(id: string): Promise<Session | undefined> {
    // Expired entries are still returned (until swept): the session manager decides and reports "expired".
    const s = this.map.get(id);
    return s ? { ...s } : undefined;
  }

  async set(id: string, session: Session): Promise<void> {
    if (!this.map.has(id) && this.map.size >= this.maxEntries) {
      this.sweep();
      if (this.map.size >= this.maxEntries) this.evictSoonest();
    }
    this.map.set(id, { ...session });
  }

  async update(id: string, session: Session): Promise<void> {
    if (this.map.has(id)) this.map.set(id, { ...session });
  }

  async delete(id: string): Promise<void> {
    this.map.delete(id);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Drops expired entries; returns how many were dropped. */
  sweep(): number {
    const now = this.now();
    let n = 0;
    for (const [id, s] of this.map) {
      if (sessionDeadline(s) <= now) {
        this.map.delete(id);
        n++;
      }
    }
    return n;
  }

  get size(): number {
    return this.map.size;
  }

  private evictSoonest(): void {
    let soonest: string | undefined;
    let at = Infinity;
    for (const [id, s] of this.map) {
      const d = sessionDeadline(s);
      if (d < at) {
        at = d;
        soonest = id;
      }
    }
    if (soonest !== undefined) this.map.delete(soonest);
  }
}
