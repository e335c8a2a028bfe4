// FDI data sources, tasks and schedules (fdi.md §1-2). The vendor's quirks are normalised once, in
// the module of each resource under ./fdi/, so a page's chunk holds only the resources it uses.
// Monitoring (runs, dirty rows) is ./fdi/monitor, gathered by fdiRuns.ts.
export type { ColumnInfo } from '../../contract/fdi/datasources';
export type { TaskDetailDocument } from '../../contract/fdi/task-detail';
export type { TaskType } from '../../contract/fdi/base';
export * from './fdi/base';
export * from './fdi/datasources';
export * from './fdi/tasks';
export * from './fdi/dispatch';
