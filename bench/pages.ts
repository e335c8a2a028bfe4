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
  { name: 'products', path: (iid) => `/i/${iid}/products`, budgetGzip: PAGE_BUDGET, ready: '[data-testid="products-table"]' },
  { name: 'devices', path: (iid) => `/i/${iid}/devices`, budgetGzip: PAGE_BUDGET, ready: '[data-testid="devices-table"]' },
  { name: 'device groups', path: (iid) => `/i/${iid}/device-groups`, budgetGzip: PAGE_BUDGET },
];
