// Client-quota call counters. The gateway counts in memory (one synchronous check-and-increment,
// so concurrent calls can neither pass the limit nor drive a count below zero) and writes the
// changed counters behind, all in one transaction, every FLUSH_MS and on shutdown: a restart keeps
// what was spent (at most FLUSH_MS of calls can be lost if the process is killed, not closed).
import type { Db } from '../../db/open';
import { prep } from '../store/state';

export const FLUSH_MS = 200;

export interface QuotaRule { id: string; limit: number; periodMs: number; resetTime: number | null }
interface Slot { quotaId: string; appId: string; anchor: number; windowStart: number; count: number; dirty: boolean }
export interface Take { ok: boolean; used: number; resetAt: number }

/** Start of the period containing `now`, periods of `period` ms counted from `anchor` (either side). */
export const periodStart = (anchor: number, period: number, now: number): number => anchor + Math.floor((now - anchor) / period) * period;

export class QuotaCounters {
  /** quota → app → slot (nested: the ids are held strings with their hash cached, no key built per call) */
  private readonly slots = new Map<string, Map<string, Slot>>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly db: Db) {
    this.timer = setInterval(() => this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  private slot(quotaId: string, appId: string, rule: QuotaRule, now: number): Slot {
    let byApp = this.slots.get(quotaId);
    let s = byApp?.get(appId);
    if (!s) {
      const row = prep(this.db, 'SELECT anchor, window_start, count FROM apic_quota_counters WHERE quota_id = ? AND app_id = ?')
        .get(quotaId, appId) as { anchor: number; window_start: number; count: number } | undefined;
      s = row
        ? { quotaId, appId, anchor: row.anchor, windowStart: row.window_start, count: row.count, dirty: false }
        : { quotaId, appId, anchor: rule.resetTime ?? now, windowStart: rule.resetTime ?? now, count: 0, dirty: true };
      if (!byApp) this.slots.set(quotaId, (byApp = new Map()));
      byApp.set(appId, s);
    }
    return s;
  }

  /** Counts one call of `appId` against the rule; refused (not counted) once the period's limit is spent. */
  take(rule: QuotaRule, appId: string, now: number): Take {
    const s = this.slot(rule.id, appId, rule, now);
    const start = periodStart(s.anchor, rule.periodMs, now);
    if (start !== s.windowStart) {
      s.windowStart = start;
      s.count = 0;
      s.dirty = true;
    }
    const resetAt = start + rule.periodMs;
    if (s.count >= rule.limit) return { ok: false, used: s.count, resetAt };
    s.count++;
    s.dirty = true;
    return { ok: true, used: s.count, resetAt };
  }

  /** Calls spent in the current period (0 when none), for tests and the console. */
  used(rule: QuotaRule, appId: string, now: number): number {
    const s = this.slot(rule.id, appId, rule, now);
    return periodStart(s.anchor, rule.periodMs, now) === s.windowStart ? s.count : 0;
  }

  /** Drops the counters of a quota (or of one app under it): changed rule, unbinding, deletion. */
  forget(quotaId: string, appId?: string): void {
    if (appId === undefined) this.slots.delete(quotaId);
    else this.slots.get(quotaId)?.delete(appId);
    if (appId === undefined) prep(this.db, 'DELETE FROM apic_quota_counters WHERE quota_id = ?').run(quotaId);
    else prep(this.db, 'DELETE FROM apic_quota_counters WHERE quota_id = ? AND app_id = ?').run(quotaId, appId);
  }

  /** Writes every changed counter in one transaction. */
  flush(): void {
    const dirty: Slot[] = [];
    for (const byApp of this.slots.values()) for (const s of byApp.values()) if (s.dirty) dirty.push(s);
    if (dirty.length === 0 || !this.db.open) return;
    const up = prep(this.db, `INSERT INTO apic_quota_counters (quota_id, app_id, anchor, window_start, count) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (quota_id, app_id) DO UPDATE SET anchor = excluded.anchor, window_start = excluded.window_start, count = excluded.count`);
    this.db.transaction(() => {
      for (const s of dirty) up.run(s.quotaId, s.appId, s.anchor, s.windowStart, s.count);
    })();
    for (const s of dirty) s.dirty = false;
  }

  close(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
