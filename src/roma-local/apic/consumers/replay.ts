// Signatures already accepted by the gateway, kept until their X-Sdk-Date leaves the allowed
// clock-skew window (after that the date check refuses them anyway). A second request carrying
// the same signature inside the window is a replay. Kept in memory: a restart forgets them
// (at most one window's worth of replays becomes possible again).
/** A hex signature as the key kept: its 32 bytes as a flat 32-character string. The parsed hex is
 * a slice of the whole Authorization header and would keep that alive as long as the entry (about
 * twice the old-generation memory, and more for the collector to copy and scan). */
export const replayKey = (hexSignature: string): string => Buffer.from(hexSignature, 'hex').toString('latin1');

export class ReplayGuard {
  /** signature → epoch ms after which the entry can go */
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly windowMs: number, private readonly max = 500_000) {}

  /** Records the signature; false when it was already seen and is still inside its window. */
  firstUse(signature: string, signedAt: number, now: number): boolean {
    const until = this.seen.get(signature);
    if (until !== undefined && until >= now) return false;
    if (now - this.lastSweep > 60_000 || this.seen.size >= this.max) this.sweep(now);
    // still full after the sweep (a flood of distinct valid signatures): forget the oldest
    if (this.seen.size >= this.max) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(signature, signedAt + this.windowMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [sig, until] of this.seen) if (until < now) this.seen.delete(sig);
  }
}
