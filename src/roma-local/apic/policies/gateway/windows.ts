// Fixed-window counters for throttling (in memory: throttling windows are short; client quotas,
// which must survive a restart, are counted by QuotaCounters instead).
export class WindowCounters {
  private readonly m = new Map<string, { start: number; end: number; count: number }>();

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
      if (this.m.size > 100_000) this.sweep(now); // keep memory bounded under many source IPs
      this.m.set(key, { start, end: start + period, count: 1 });
    }
  }

  private sweep(now: number): void {
    for (const [k, w] of this.m) if (w.end <= now) this.m.delete(k); // a finished window
    if (this.m.size > 100_000) this.m.clear();
  }
}
