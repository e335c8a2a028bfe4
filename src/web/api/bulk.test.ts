import { describe, expect, it } from 'vitest';
import { failedItems, runBulk } from './bulk';

/** A request whose completion the test controls, to observe how many are in flight. */
function gate() {
  let release!: () => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    release = res;
    fail = rej;
  });
  return { promise, release, fail };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('runBulk', () => {
  it('mixed results: one per item, in input order, failures keep their error', async () => {
    const boom = new Error('APIC.0303 in use');
    const results = await runBulk(['a', 'b', 'c', 'd'], async (x) => {
      if (x === 'b' || x === 'd') throw boom;
    });
    expect(results.map((r) => r.item)).toEqual(['a', 'b', 'c', 'd']);
    expect(results.map((r) => r.error)).toEqual([undefined, boom, undefined, boom]);
    expect(failedItems(results)).toEqual(['b', 'd']);
  });

  it('never more than `concurrency` requests in flight, and every item runs once', async () => {
    const gates = new Map<number, ReturnType<typeof gate>>();
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    const done = runBulk([1, 2, 3, 4, 5, 6, 7], (n) => {
      started.push(n);
      inFlight++;
      peak = Math.max(peak, inFlight);
      const g = gate();
      gates.set(n, g);
      return g.promise.finally(() => inFlight--);
    }, 3);
    await tick();
    expect(started).toEqual([1, 2, 3]);
    gates.get(2)!.fail(new Error('no'));
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    // release whatever is in flight until nothing more starts
    while (gates.size > 0) {
      for (const [k, g] of gates) {
        g.release();
        gates.delete(k);
      }
      await tick();
    }
    const results = await done;
    expect(peak).toBe(3);
    expect(started.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(failedItems(results)).toEqual([2]);
  });

  it('a rejection without a reason still counts as a failure', async () => {
    const results = await runBulk(['x'], () => Promise.reject(undefined));
    expect(failedItems(results)).toEqual(['x']);
  });

  it('no items: no requests', async () => {
    let calls = 0;
    expect(await runBulk([], async () => void calls++)).toEqual([]);
    expect(calls).toBe(0);
  });
});
