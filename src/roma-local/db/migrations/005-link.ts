// LINK: reserved slot, filled by the LINK work (see src/roma-local/link/). Until then it creates nothing.
import type { Migration } from '../migrate';

export const m005Link: Migration = {
  version: 5,
  name: 'link',
  up() {},
};
