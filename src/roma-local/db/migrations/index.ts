// Ordered list of schema migrations. Append new files; never edit a released one.
import type { Migration } from '../migrate';
import { m001Iam } from './001-iam';
import { m002Instances } from './002-instances';
import { m003Apps } from './003-apps';
import { m004Dictionaries } from './004-dictionaries';
import { m005Link } from './005-link';
import { m006Fdi } from './006-fdi';
import { m007Apic } from './007-apic';
import { m008IamAccessKeys } from './008-iam-access-keys';
import { m009ApicAppAuth } from './009-apic-app-auth';
import { m010ApicPolicies } from './010-apic-policies';
import { m011ApicThrottleWindows } from './011-apic-throttle-windows';

export const migrations: readonly Migration[] = [
  m001Iam,
  m002Instances,
  m003Apps,
  m004Dictionaries,
  m005Link,
  m006Fdi,
  m007Apic,
  m008IamAccessKeys,
  m009ApicAppAuth,
  m010ApicPolicies,
  m011ApicThrottleWindows,
];
