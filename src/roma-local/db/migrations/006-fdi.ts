// FDI: reserved slot, filled by the FDI work (see src/roma-local/fdi/). Until then it creates nothing.
import type { Migration } from '../migrate';

export const m006Fdi: Migration = {
  version: 6,
  name: 'fdi',
  up() {},
};
