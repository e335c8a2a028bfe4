// FDI data integration (fdi.md, fdi-link-details.md). One file per resource under ./fdi/ (a page
// loads only the schemas it uses); this file gathers them for roma-local, the tests and the web
// API module.
export * from './fdi/base';
export * from './fdi/datasources';
export * from './fdi/task-detail';
export * from './fdi/tasks';
export * from './fdi/monitor';
export * from './fdi/multi-tasks';
