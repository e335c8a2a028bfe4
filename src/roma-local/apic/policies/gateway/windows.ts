// Fixed-window counters for throttling policies and rate_limit plugins. Counted in memory (the
// check and the increment of a call happen in one synchronous step, so concurrent calls can
// neither pass a limit nor drive a count below zero) and written behind to apic_throttle_windows
// (migration 011) every FLUSH_MS and on close, like the client-quota counters (../counters.ts).
// Windows still running are read back at start: a restart continues them instead of resetting.
import type { Db } from '../../../db/open';
import { prep } from '../../store/state';
import { FLUSH_MS } from '../counters';

interface Win { start: number; end: number; count: number }
const MAX_KEYS = 100_000;

export class WindowCounters {
  private readonly m = new Map<string, Win>();
  private readonly timer: NodeJS.Timeout;
  /** Keys changed since the last flush. */
  private readonly changed = new Set<string>();

  constructor(private readonly db: Db, private readonly now: () => number) {
    const t = now();
    prep(db, 'DELETE FROM apic_throttle_windows WHERE window_end <= ?').run(t);
    for (const r of prep(db, 'SELECT key, window_start, window_end, count FROM apic_throttle_windows').all() as
      { key: string; window_start: number; window_end: number; count: number }[]) {
      this.m.set(r.key, { start: r.window_start, end: r.window_end, count: r.count });
    }
    this.timer = setInterval(() => this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  /** Current count of `key` in the window of `period` ms containing `now`. */
  count(key: string, period: number, now: number): number {
    const w = this.m.get(key);
    return w && w.start === now - (now % period) ? w.count : 0;
  }

  add(key: string, period: number, now: number): void {
    const start = now - (now % period);
    const w = this.m.get(key);
    if (w && w.start === start) w.count++;
    else {
      if (this.m.size > MAX_KEYS) this.sweep(now); // keep memory bounded under many source IPs
      this.m.set(key, { start, end: start + period, count: 1 });
    }
    this.changed.add(key);
  }

  private sweep(now: number): void {
    for (const [k, w] of this.m) if (w.end <= now) this.m.delete(k); // a finished window
    if (this.m.size > MAX_KEYS) {
      this.flush();
      this.m.clear();
    }
  }

  /** Writes every changed window in one transaction and drops finished ones from the table. */
  flush(): void {
    if (this.changed.size === 0 || !this.db.open) return;
    const up = prep(this.db, `INSERT INTO apic_throttle_windows (key, window_start, window_end, count) VALUES (?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, window_end = excluded.window_end, count = excluded.count`);
    const drop = prep(this.db, 'DELETE FROM apic_throttle_windows WHERE window_end <= ?');
    this.db.transaction(() => {
      for (const k of this.changed) {
        const w = this.m.get(k);
        if (w) up.run(k, w.start, w.end, w.count);
      }
      drop.run(this.now());
    })();
    this.changed.clear();
  }

  close(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
