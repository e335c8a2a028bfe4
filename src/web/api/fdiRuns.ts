// FDI monitoring (fdi.md §3): task monitors, runs with their steps, dirty rows — see ./fdi/monitor.
export * from './fdi/monitor';
