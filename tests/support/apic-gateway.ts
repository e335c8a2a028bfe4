// One roma-local with the APIC gateway per test file, and the HTTP backends its tests start: all
// stopped after the file's tests (the backends first, then the gateway).
import { afterAll, beforeAll } from 'vitest';
import { backend, startApic } from './apic';

export type Apic = Awaited<ReturnType<typeof startApic>>;

/** Registers the file's beforeAll/afterAll; `use` receives the started service (kept in the file's `t`). */
export function startApicForFile(use: (t: Apic) => void) {
  let t: Apic | undefined;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    t = await startApic();
    use(t);
  });
  afterAll(async () => {
    for (const c of closers) await c();
    await t?.close();
  });
  return {
    /** Run `close` after the file's tests, before the gateway stops. */
    closeAfter: (close: () => Promise<void>) => void closers.push(close),
    /** A test backend (support/apic `backend`) closed after the file's tests. */
    httpBackend: async (...args: Parameters<typeof backend>) => {
      const b = await backend(...args);
      closers.push(b.close);
      return b;
    },
  };
}
