import { expect, type Locator, type Page } from '@playwright/test';

/** Audit (/audit): filter bar, server-paged table, CSV export. */
export class AuditPage {
  readonly table: Locator;
  readonly user: Locator;
  readonly resource: Locator;
  readonly result: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('audit-table');
    this.user = page.getByTestId('audit-filter-user').getByRole('searchbox');
    this.resource = page.getByTestId('audit-filter-resource').getByRole('searchbox');
    this.result = page.getByRole('combobox', { name: 'Result' });
    this.exportButton = page.getByTestId('audit-export');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/audit${query}`);
    await expect(this.table).toBeVisible();
  }

  rows(): Locator {
    return this.table.locator('tbody tr[data-row-key]');
  }

  async filterResource(text: string): Promise<void> {
    await this.resource.fill(text);
    await this.resource.press('Enter');
  }

  async filterResult(which: 'All results' | 'Success' | 'Failure'): Promise<void> {
    await this.result.click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${which}$`) }).click();
  }
}
