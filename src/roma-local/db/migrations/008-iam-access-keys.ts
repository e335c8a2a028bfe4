// IAM access keys: reserved slot, filled by the IAM access keys work (see src/roma-local/iam/). Until then it creates nothing.
import type { Migration } from '../migrate';

export const m008IamAccessKeys: Migration = {
  version: 8,
  name: 'iam-access-keys',
  up() {},
};
