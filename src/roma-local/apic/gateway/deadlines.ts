// Deadlines for the gateway's backend calls: one interval timer checks every pending deadline
// (and runs only while some are pending) instead of a timer per request.

/** A pending deadline: `fire` runs once `at` (performance.now() ms) has passed. */
export interface Deadline { at: number; fire(): void }

/** Deadlines checked by one interval timer (running only while attempts are pending). */
export class Deadlines {
  private pending = new Set<Deadline>();
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly tickMs = 10) {}

  add(e: Deadline): void {
    this.pending.add(e);
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.tickMs);
      this.timer.unref();
    }
  }

  remove(e: Deadline): void {
    this.pending.delete(e);
  }

  private tick(): void {
    const now = performance.now();
    for (const e of this.pending) {
      if (e.at <= now) { this.pending.delete(e); e.fire(); }
    }
    if (this.pending.size === 0) { clearInterval(this.timer); this.timer = undefined; }
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}

/** A backend took longer than its deadline (answered as a backend timeout). */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}
