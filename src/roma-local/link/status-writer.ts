// Online/offline changes from the broker, written in batches. Every commit rewrites the touched
// pages of link_devices and of its two status indexes in the WAL (several KB), so during a
// connect storm one commit per device costs far more than the UPDATE itself. When quiet, a change
// is written on the next event-loop turn (CONNACK → API stays in the single milliseconds); under
// load, at most one commit per window. Changes keep their order: a connect followed by a
// disconnect in the same batch still records the login, then the offline state.
import type { StatusChange } from './device-status';

export class StatusWriter {
  private queue: [number, StatusChange][] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private lastFlush = -Infinity;
  private closed = false;

  constructor(private readonly apply: (batch: [number, StatusChange][]) => void, private readonly windowMs = 50) {}

  push(deviceId: number, change: StatusChange): void {
    if (this.closed) return;
    this.queue.push([deviceId, change]);
    if (this.timer) return;
    const wait = this.lastFlush + this.windowMs - performance.now();
    this.timer = wait <= 0 ? setImmediate(() => this.flush()) : setTimeout(() => this.flush(), wait);
  }

  /** Writes what is queued now (force offline must land before its HTTP answer). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    if (this.queue.length === 0 || this.closed) return;
    this.lastFlush = performance.now();
    const batch = this.queue;
    this.queue = [];
    this.apply(batch);
  }

  /** Drops what is queued: used when the database is about to close. */
  close(): void {
    this.closed = true;
    this.queue = [];
    this.flush();
  }
}
