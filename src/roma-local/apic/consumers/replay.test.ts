// The replay guard: a signature is refused a second time inside its window, forgotten after it,
// and memory stays bounded under a flood of distinct signatures.
import { describe, expect, it } from 'vitest';
import { ReplayGuard, replayKey } from './replay';

const MIN = 60_000;

describe('ReplayGuard', () => {
  it('refuses a second use inside the window of the signed date, allows it once the window is over', () => {
    const g = new ReplayGuard(15 * MIN);
    const t0 = Date.UTC(2026, 0, 1);
    expect(g.firstUse('a', t0, t0)).toBe(true);
    expect(g.firstUse('a', t0, t0 + 14 * MIN)).toBe(false);
    expect(g.firstUse('b', t0, t0 + 14 * MIN)).toBe(true);
    // a date 15 min in the future keeps the entry 15 min past that date
    expect(g.firstUse('c', t0 + 15 * MIN, t0)).toBe(true);
    expect(g.firstUse('c', t0 + 15 * MIN, t0 + 29 * MIN)).toBe(false);
    expect(g.firstUse('a', t0, t0 + 16 * MIN)).toBe(true); // the gateway's date check refuses it before this point
  });

  it('sweeps expired entries and never holds more than its maximum', () => {
    const g = new ReplayGuard(15 * MIN, 100);
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 100; i++) g.firstUse(`old${i}`, t0, t0);
    expect(g.size).toBe(100);
    g.firstUse('new', t0 + 20 * MIN, t0 + 20 * MIN); // full: the sweep drops the 100 expired ones
    expect(g.size).toBe(1);
    for (let i = 0; i < 250; i++) g.firstUse(`flood${i}`, t0 + 20 * MIN, t0 + 20 * MIN);
    expect(g.size).toBe(100);
    expect(g.firstUse('flood249', t0 + 20 * MIN, t0 + 20 * MIN)).toBe(false); // the newest are kept
  });

  it('keys a hex signature by its bytes: the same signature in either case is one key, another signature another', () => {
    const sig = 'ab'.repeat(31) + 'cd';
    expect(replayKey(sig)).toHaveLength(32);
    expect(replayKey(sig.toUpperCase())).toBe(replayKey(sig));
    expect(replayKey('ab'.repeat(31) + 'ce')).not.toBe(replayKey(sig));
    const g = new ReplayGuard(15 * MIN);
    const t0 = Date.UTC(2026, 0, 1);
    expect(g.firstUse(replayKey(sig), t0, t0)).toBe(true);
    expect(g.firstUse(replayKey(sig), t0, t0 + MIN)).toBe(false);
  });
});
