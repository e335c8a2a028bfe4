// LINK (device integration): products, product topics, devices, device groups, thing model,
// statistics. The family's quirks are hidden here, once: numeric ids become strings (query keys,
// URLs), inverted status flags (0 enabled / 1 disabled) become booleans, online_status 0/1/2 a
// named state, epoch-ms times (and the groups' string times) epoch ms via normaliseTime.
// One module per resource under ./link/, so a page's chunk holds only the resources it uses.
export * from './link/base';
export * from './link/products';
export * from './link/devices';
export * from './link/groups';
export * from './link/model';
export * from './link/stats';
