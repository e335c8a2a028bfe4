import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// the FDI pages run real jobs on a shared machine: waits are generous
const expect = baseExpect.configure({ timeout: 60_000 });

/** Pick an option of an antd Select by its visible text. */
export async function pickOption(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  await select.click();
  // searchable selects are virtual lists: type to bring the option into view
  const typed = typeof text === 'string' ? text : text.source.replace(/[\^$]/g, '');
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Data sources (/i/:iid/datasources): list, create/edit modal with fields per type and test connection. */
export class DatasourcesPage {
  readonly table: Locator;
  readonly form: Locator;
  readonly testButton: Locator;
  readonly testOk: Locator;
  readonly testFailed: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('datasources-table');
    this.form = page.getByRole('dialog').filter({ has: page.getByTestId('ds-form') });
    this.testButton = page.getByTestId('ds-test');
    this.testOk = page.getByTestId('ds-test-ok');
    this.testFailed = page.getByTestId('ds-test-failed');
    this.submit = page.getByTestId('ds-form-submit');
  }

  async goto(iid: string): Promise<void> {
    await this.page.goto(`/i/${encodeURIComponent(iid)}/datasources`);
    await expect(this.table).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByTestId('ds-row-name').getByText(name, { exact: true }) });
  }

  /** Open the create form and fill name, type and app (the type decides the fields shown next). */
  async startCreate(name: string, type: string, app = 'demo-app'): Promise<void> {
    await this.page.getByTestId('ds-create').first().click();
    await expect(this.form).toBeVisible();
    await this.page.getByTestId('ds-name').fill(name);
    await pickOption(this.page, this.page.getByTestId('ds-type'), new RegExp(`^${type}`));
    await pickOption(this.page, this.page.getByTestId('ds-app'), app);
  }

  async fillDefaultMode(v: { host: string; port: string; database: string; user: string; password?: string }): Promise<void> {
    await this.page.getByTestId('ds-host').fill(v.host);
    await this.page.getByTestId('ds-port').fill(v.port);
    await this.page.getByTestId('ds-database').fill(v.database);
    await this.page.getByTestId('ds-user').fill(v.user);
    if (v.password !== undefined) await this.page.getByTestId('ds-password').fill(v.password);
  }

  async save(name: string): Promise<void> {
    await this.submit.click();
    await expect(this.form).toBeHidden();
    await expect(this.row(name)).toBeVisible();
  }
}

/** Integration tasks (/i/:iid/tasks): statistics, list with live status, row and bulk actions. */
export class TasksPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('tasks-table');
  }

  async goto(iid: string): Promise<void> {
    await this.page.goto(`/i/${encodeURIComponent(iid)}/tasks`);
    await expect(this.table).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByTestId('task-name-link').getByText(name, { exact: true }) });
  }

  stat(key: 'running' | 'abnormal' | 'terminated' | 'completed'): Locator {
    return this.page.getByTestId(`stat-${key}`);
  }
}

/** The task wizard (/i/:iid/tasks/new): basics → columns → incremental → schedule. */
export class TaskWizard {
  constructor(readonly page: Page) {}

  async basics(v: { name: string; source: string; sourceTable: string; target: string; targetTable: string }): Promise<void> {
    const p = this.page;
    await expect(p.getByTestId('wizard-step-basics')).toBeVisible();
    await p.getByTestId('wizard-name').fill(v.name);
    await pickOption(p, p.getByTestId('wizard-source'), v.source);
    await pickOption(p, p.getByTestId('wizard-source-table'), new RegExp(`^${v.sourceTable}$`));
    await pickOption(p, p.getByTestId('wizard-target'), v.target);
    await pickOption(p, p.getByTestId('wizard-target-table'), new RegExp(`^${v.targetTable}$`));
    await p.getByTestId('wizard-next').click();
    await expect(p.getByTestId('mapping-table')).toBeVisible();
  }

  mapping(source: string): Locator {
    return this.page.getByTestId(`map-${source}`);
  }

  async next(): Promise<void> {
    await this.page.getByTestId('wizard-next').click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('wizard-save').click();
  }
}

/** The run page (/i/:iid/tasks/:taskId/runs). */
export class RunPage {
  readonly summary: Locator;
  readonly timeline: Locator;
  readonly logs: Locator;
  readonly dirtyRows: Locator;
  readonly history: Locator;
  readonly runNow: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('run-summary');
    this.timeline = page.getByTestId('stage-timeline');
    this.logs = page.getByTestId('detail-logs');
    this.dirtyRows = page.getByTestId('dirty-rows');
    this.history = page.getByTestId('run-history');
    this.runNow = page.getByTestId('run-now');
  }

  stage(s: 'ADAPTER' | 'READER' | 'WRITER' | 'CHECK'): Locator {
    return this.page.getByTestId(`stage-${s}`);
  }

  /** Wait until the shown run has finished with this status. */
  async waitForStatus(status: 'SUCCESS' | 'ERROR' | 'CANCELLED', timeout = 90_000): Promise<void> {
    await expect(this.summary).toHaveAttribute('data-status', status, { timeout });
  }
}
