// When a scheduled task fires next: a Quartz cron (croner, seconds field, `?` allowed; a 7th
// year field is dropped) or start_datetime + k × dispatch_interval × period.
import { Cron } from 'croner';
import type { DispatchRow } from '../tasks';

const UNIT_MS: Record<string, number> = { MIN: 60_000, HOUR: 3_600_000, DAY: 86_400_000, WEEK: 604_800_000 };

export function quartzToCroner(expr: string): string {
  const parts = expr.trim().split(/\s+/);
  return (parts.length === 7 ? parts.slice(0, 6) : parts).join(' ');
}

/** Throws with a readable message when the expression is not a valid cron. */
export function checkCron(expr: string): void {
  new Cron(quartzToCroner(expr), { paused: true }).stop();
}

export function nextFire(d: DispatchRow, after: number): number | null {
  if (d.use_quartz_cron) {
    try {
      const c = new Cron(quartzToCroner(d.cron), { paused: true, startAt: d.start_datetime ? new Date(d.start_datetime) : undefined });
      const next = c.nextRun(new Date(Math.max(after, d.start_datetime ?? 0)));
      c.stop();
      return next ? next.getTime() : null;
    } catch {
      return null;
    }
  }
  const n = d.dispatch_interval ?? 0;
  if (!d.period || n <= 0) return null;
  const start = d.start_datetime ?? after;
  if (start > after) return start;
  if (d.period === 'MON') {
    const s = new Date(start);
    for (let k = 1; k < 100_000; k++) {
      const t = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + k * n, s.getUTCDate(), s.getUTCHours(), s.getUTCMinutes(), s.getUTCSeconds());
      if (t > after) return t;
    }
    return null;
  }
  const step = n * (UNIT_MS[d.period] ?? 0);
  if (!step) return null;
  return start + (Math.floor((after - start) / step) + 1) * step;
}
