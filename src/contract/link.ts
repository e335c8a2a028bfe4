// LINK — device integration (link.md sections 1-5 and 8, without product templates, product
// import/export, rules and notifications; plus device export from fdi-link-details.md §4.4).
// One file per resource under ./link/ (a page loads only the schemas it uses); this file
// gathers them for roma-local, the tests and the web API module.
export * from './link/base';
export * from './link/products';
export * from './link/devices';
export * from './link/device-topics';
export * from './link/groups';
export * from './link/model';
export * from './link/stats';
