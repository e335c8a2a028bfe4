// The ROMA API contract. Imports zod only.
export * from './common';
export * from './iam';
export * from './instances';
export * from './apps';
export * from './dictionaries';
export * from './fdi';
export * from './apic';
export * from './link';
export * from './apic-policies';
export * from './apic-plugins';
export * from './apic-rate-limit-rules';
export * from './apic-apps';
