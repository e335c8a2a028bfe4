// Writes audit entries in the background so the operator's request never waits for (or fails
// because of) the audit store. A failed write is logged with the entry itself (which holds no
// secret), counted, kept for a retry, and shown by /healthz until it gets through.
import type { AuditEntry, AuditStore } from './types';

export interface AuditLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface AuditHealth {
  ok: boolean;
  store: AuditStore['kind'];
  failed_writes: number;
  pending: number;
  dropped: number;
}

const MAX_PENDING = 10_000;
const BATCH = 200;

export class AuditTrail {
  private pending: AuditEntry[] = [];
  private writing: Promise<void> | undefined;
  private failedWrites = 0;
  private dropped = 0;
  private lastOk = true;
  private retryTimer: NodeJS.Timeout | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly store: AuditStore,
    private readonly o: { log: AuditLog; now: () => number; retentionDays: number; retryMs?: number; purgeEveryMs?: number },
  ) {
    const every = o.purgeEveryMs ?? 3_600_000;
    if (every > 0) {
      this.purgeTimer = setInterval(() => void this.purge().catch(() => undefined), every);
      this.purgeTimer.unref();
    }
  }

  record(entry: AuditEntry): void {
    if (this.closed) return;
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING) {
      const lost = this.pending.splice(0, this.pending.length - MAX_PENDING);
      this.dropped += lost.length;
      this.o.log.error({ audit_dropped: lost }, 'audit store unavailable too long: oldest unwritten audit records dropped');
    }
    this.kick();
  }

  /** Resolves when everything recorded so far has been tried once. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  health(): AuditHealth {
    return {
      ok: this.lastOk && this.pending.length === 0,
      store: this.store.kind,
      failed_writes: this.failedWrites,
      pending: this.pending.length,
      dropped: this.dropped,
    };
  }

  /** Deletes what is older than the retention period. */
  async purge(): Promise<number> {
    const before = this.o.now() - this.o.retentionDays * 86_400_000;
    try {
      const n = await this.store.purge(before);
      if (n > 0) this.o.log.info({ purged: n, before: new Date(before).toISOString() }, 'audit retention: old records deleted');
      return n;
    } catch (err) {
      this.o.log.error({ err }, 'audit retention purge failed');
      throw err;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.purgeTimer);
    clearTimeout(this.retryTimer);
    await this.flush();
    await this.store.close();
  }

  private kick(): void {
    if (this.writing || this.pending.length === 0) return;
    this.writing = this.drain().finally(() => {
      this.writing = undefined;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, BATCH);
      try {
        await this.store.insert(batch);
        this.pending.splice(0, batch.length);
        this.lastOk = true;
      } catch (err) {
        this.lastOk = false;
        this.failedWrites += batch.length;
        this.o.log.error({ err, audit_unwritten: batch }, 'audit write failed; records kept for retry');
        this.scheduleRetry();
        return;
      }
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, this.o.retryMs ?? 5_000);
    this.retryTimer.unref();
  }
}
