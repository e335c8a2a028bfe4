// APIC — service integration (apic.md sections 1-5, 14 read-only, 16, 17) and the gateway's
// error shape. One file per resource under ./apic/ (a page loads only the schemas it uses); this
// file gathers them for roma-local, the tests and the web API module.
export * from './apic/base';
export * from './apic/instance';
export * from './apic/groups';
export * from './apic/api-create';
export * from './apic/api';
export * from './apic/debug';
export * from './apic/publish';
export * from './apic/envs';
export * from './apic/vpc-channels';
export * from './apic/openapi';
export * from './apic/statistics';
export * from './apic/gateway-error';
