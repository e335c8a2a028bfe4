// Preview of a schedule's next run times, computed in the browser: start + k × interval × period
// (calendar months for MON), or a Quartz cron through croner (loaded only by the wizard's chunk).
import type { Cron as CronType } from 'croner';

export type Period = 'MIN' | 'HOUR' | 'DAY' | 'WEEK' | 'MON';
const UNIT_MS: Record<Exclude<Period, 'MON'>, number> = { MIN: 60_000, HOUR: 3_600_000, DAY: 86_400_000, WEEK: 604_800_000 };

/** The next `count` times after `after` of start + k × interval × period (k ≥ 0). */
export function nextPeriodRuns(start: number, period: Period, interval: number, after: number, count: number): number[] {
  if (!Number.isFinite(interval) || interval < 1 || count < 1) return [];
  const out: number[] = [];
  if (period === 'MON') {
    const s = new Date(start);
    for (let k = 0; out.length < count && k < 12_000; k++) {
      const d = new Date(s.getFullYear(), s.getMonth() + k * interval, 1, s.getHours(), s.getMinutes(), s.getSeconds());
      // keep the day of month, clamped to the month's length (31 Jan + 1 month → 28/29 Feb)
      const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
      d.setDate(Math.min(s.getDate(), last));
      if (d.getTime() > after) out.push(d.getTime());
    }
    return out;
  }
  const step = interval * UNIT_MS[period];
  const k0 = start > after ? 0 : Math.floor((after - start) / step) + 1;
  for (let k = k0; out.length < count; k++) out.push(start + k * step);
  return out;
}

/**
 * Quartz (seconds first, `?`, optional year) → croner: the year field is dropped and `N/step`
 * (Quartz: from N every step) becomes `N-max/step`, which croner accepts.
 */
export function quartzToCroner(expr: string): string {
  const MAX = [59, 59, 23, 31, 12, 7];
  const parts = expr.trim().split(/\s+/);
  const six = parts.length === 7 ? parts.slice(0, 6) : parts;
  return six
    .map((f, i) => f.replace(/^(\d+)\/(\d+)$/, (_, a: string, b: string) => `${a}-${MAX[i] ?? 59}/${b}`))
    .join(' ');
}

export type CronPreview = { ok: true; runs: number[] } | { ok: false; error: string };

/** Next `count` fire times of a Quartz cron, or the parser's message. `Cron` is passed in (lazy import). */
export function nextCronRuns(Cron: typeof CronType, expr: string, after: number, count: number, startAt?: number): CronPreview {
  const fields = expr.trim().split(/\s+/).length;
  if (fields < 6 || fields > 7) return { ok: false, error: `expected 6 or 7 fields (seconds first), got ${fields}` };
  try {
    const c = new Cron(quartzToCroner(expr), { paused: true });
    const from = new Date(Math.max(after, startAt ?? 0));
    const runs = c.nextRuns(count, from).map((d) => d.getTime());
    c.stop();
    return { ok: true, runs };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
