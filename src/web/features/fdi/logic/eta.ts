// Rate and ETA of a run from successive samples of its row count. The rate is smoothed (an
// exponential moving average over the samples) so the ETA does not jump with every poll; an ETA
// exists only when the run's total is known (roma-local's expected_count), else elapsed + rate.

export interface Sample {
  /** epoch ms */
  at: number;
  /** rows processed so far (written + dirty) */
  rows: number;
}

/** Weight of the newest interval's rate; ~the last 5 samples matter. */
const ALPHA = 0.3;

/** Rows per second between consecutive samples (one value per interval). */
export function rates(samples: readonly Sample[]): { at: number; rate: number }[] {
  const out: { at: number; rate: number }[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const dt = (b.at - a.at) / 1000;
    if (dt <= 0) continue;
    out.push({ at: b.at, rate: Math.max(0, (b.rows - a.rows) / dt) });
  }
  return out;
}

/** Smoothed rows/s, or undefined with fewer than two samples. */
export function smoothedRate(samples: readonly Sample[]): number | undefined {
  const r = rates(samples);
  if (r.length === 0) return undefined;
  let ema = r[0]!.rate;
  for (let i = 1; i < r.length; i++) ema = ALPHA * r[i]!.rate + (1 - ALPHA) * ema;
  return ema;
}

/** Milliseconds left, or undefined when the total is unknown, nothing moves yet, or the run is past it. */
export function etaMs(done: number, expected: number | undefined, rate: number | undefined): number | undefined {
  if (expected === undefined || expected <= 0 || rate === undefined || rate <= 0) return undefined;
  const left = expected - done;
  if (left <= 0) return 0;
  return Math.round((left / rate) * 1000);
}

/** Share done (0..1) when the total is known. */
export const progressOf = (done: number, expected: number | undefined): number | undefined =>
  expected === undefined || expected <= 0 ? undefined : Math.min(1, done / expected);

/** Keep at most `cap` samples; a sample with the same time replaces the previous one. */
export function addSample(samples: readonly Sample[], s: Sample, cap = 600): Sample[] {
  const last = samples[samples.length - 1];
  if (last && s.at <= last.at) return last.rows === s.rows ? [...samples] : [...samples.slice(0, -1), s];
  const next = [...samples, s];
  return next.length > cap ? next.slice(next.length - cap) : next;
}

/** "1h 02m 03s" / "2m 05s" / "7s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m ${pad(sec)}s`;
  if (m > 0) return `${m}m ${pad(sec)}s`;
  return `${sec}s`;
}
