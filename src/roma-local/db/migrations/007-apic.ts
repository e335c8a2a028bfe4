// APIC: reserved slot, filled by the APIC work (see src/roma-local/apic/). Until then it creates nothing.
import type { Migration } from '../migrate';

export const m007Apic: Migration = {
  version: 7,
  name: 'apic',
  up() {},
};
