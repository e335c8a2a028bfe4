// Throttling windows (throttling policies and rate_limit plugins), written behind by the gateway
// so that a restart does not reset a window in progress. See apic/policies/gateway/windows.ts.
import type { Migration } from '../migrate';

export const m011ApicThrottleWindows: Migration = {
  version: 11,
  name: 'apic-throttle-windows',
  up(db) {
    db.exec(`
      CREATE TABLE apic_throttle_windows (
        key TEXT PRIMARY KEY,                  -- source:id|api-or-*|dimension (policies/gateway/limits.ts)
        window_start INTEGER NOT NULL,         -- ms, a multiple of the period
        window_end INTEGER NOT NULL,           -- ms; the row is dropped once this has passed
        count INTEGER NOT NULL CHECK (count >= 0)
      );
      CREATE INDEX apic_throttle_windows_end ON apic_throttle_windows (window_end);
    `);
  },
};
