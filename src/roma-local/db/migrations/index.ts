// Ordered list of schema migrations. Append new files; never edit a released one.
import type { Migration } from '../migrate';
import { m001Iam } from './001-iam';
import { m002Instances } from './002-instances';
import { m003Apps } from './003-apps';
import { m004Dictionaries } from './004-dictionaries';

export const migrations: readonly Migration[] = [m001Iam, m002Instances, m003Apps, m004Dictionaries];
