// The pages `npm run bench` measures, one row each: all JS a fresh browser downloads from the
// login page to that page (logged in over the BFF API), gzip -9, against the page's budget.
// Add a line here for every new page.
const KB = 1024;

export interface BenchPage {
  name: string;
  /** Path of the page; `iid` is the demo instance's id. */
  path: (iid: string) => string;
  budgetGzip: number;
  /** A selector that shows the page has rendered its content (default: the page title). */
  ready?: string;
}

export const DEFAULT_READY = '[data-testid="page-title"]';
const PAGE_BUDGET = 400 * KB;
export const FDI_RUN_PAGE_BUDGET = 450 * KB;

export const pages: BenchPage[] = [
  { name: 'instances', path: () => '/instances', budgetGzip: PAGE_BUDGET },
  { name: 'instance overview', path: (iid) => `/i/${iid}/overview`, budgetGzip: PAGE_BUDGET },
  { name: 'apps', path: (iid) => `/i/${iid}/apps`, budgetGzip: PAGE_BUDGET },
  { name: 'dictionaries', path: (iid) => `/i/${iid}/dictionaries`, budgetGzip: PAGE_BUDGET },
  { name: 'audit', path: () => '/audit', budgetGzip: PAGE_BUDGET },
  { name: 'fdi data sources', path: (iid) => `/i/${iid}/datasources`, budgetGzip: PAGE_BUDGET },
  { name: 'fdi tasks', path: (iid) => `/i/${iid}/tasks`, budgetGzip: PAGE_BUDGET },
  { name: 'fdi task wizard', path: (iid) => `/i/${iid}/tasks/new`, budgetGzip: PAGE_BUDGET },
  // the run page loads its chart (uPlot) on mount, so a task id without runs measures the same JS
  { name: 'fdi run page', path: (iid) => `/i/${iid}/tasks/bench-task/runs`, budgetGzip: FDI_RUN_PAGE_BUDGET },
  { name: 'API list', path: (iid) => `/i/${iid}/apis`, budgetGzip: PAGE_BUDGET, ready: '[data-testid="apis-table"]' },
  { name: 'API editor', path: (iid) => `/i/${iid}/apis/new`, budgetGzip: PAGE_BUDGET, ready: '[data-testid="api-save"]' },
  { name: 'products', path: (iid) => `/i/${iid}/products`, budgetGzip: PAGE_BUDGET, ready: '[data-testid="products-table"]' },
  { name: 'devices', path: (iid) => `/i/${iid}/devices`, budgetGzip: PAGE_BUDGET, ready: '[data-testid="devices-table"]' },
  { name: 'device groups', path: (iid) => `/i/${iid}/device-groups`, budgetGzip: PAGE_BUDGET },
  { name: 'client quotas', path: (iid) => `/i/${iid}/quotas`, budgetGzip: PAGE_BUDGET },
  { name: 'plugins', path: (iid) => `/i/${iid}/plugins`, budgetGzip: PAGE_BUDGET },
  { name: 'throttling policies', path: (iid) => `/i/${iid}/throttles`, budgetGzip: PAGE_BUDGET },
  // a plugin / policy page loads the same JS whether or not the id exists (the header renders either way)
  { name: 'plugin page', path: (iid) => `/i/${iid}/plugins/bench-plugin`, budgetGzip: PAGE_BUDGET },
  { name: 'throttling policy page', path: (iid) => `/i/${iid}/throttles/bench-throttle`, budgetGzip: PAGE_BUDGET },
];
