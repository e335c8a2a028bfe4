import { expect, type Locator, type Page } from '@playwright/test';

/** Integration apps (/i/:instanceId/apps): filter bar, table, create/edit modal, drawer, secret flow. */
export class AppsPage {
  readonly table: Locator;
  readonly search: Locator;
  readonly createButton: Locator;
  readonly refreshButton: Locator;
  readonly formModal: Locator;
  readonly formName: Locator;
  readonly formRemark: Locator;
  readonly formSubmit: Locator;
  readonly confirmDialog: Locator;
  readonly confirmOk: Locator;
  readonly secretModal: Locator;
  readonly newSecret: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('apps-table');
    this.search = page.getByRole('searchbox', { name: 'Search by name' }).or(page.getByLabel('Search by name'));
    this.createButton = page.getByTestId('app-create').first();
    this.refreshButton = page.getByTestId('apps-refresh');
    this.formModal = page.getByRole('dialog').filter({ has: page.getByTestId('app-form') });
    this.formName = page.getByTestId('app-form-name');
    this.formRemark = page.getByTestId('app-form-remark');
    this.formSubmit = page.getByTestId('app-form-submit');
    this.confirmDialog = page.getByRole('dialog').filter({ has: page.getByTestId('confirm-ok') });
    this.confirmOk = page.getByTestId('confirm-ok');
    this.secretModal = page.getByRole('dialog').filter({ has: page.getByTestId('new-secret') });
    this.newSecret = page.getByTestId('new-secret');
    this.drawer = page.getByRole('dialog').filter({ has: page.getByTestId('app-details') });
  }

  async goto(instanceId: string, query = ''): Promise<void> {
    await this.page.goto(`/i/${encodeURIComponent(instanceId)}/apps${query}`);
    await expect(this.table).toBeVisible();
  }

  /** The table row of the app with exactly this name. */
  row(name: string): Locator {
    return this.table
      .locator('tbody tr')
      .filter({ has: this.page.getByTestId('app-name-link').getByText(name, { exact: true }) });
  }

  async create(name: string, remark = ''): Promise<void> {
    await this.createButton.click();
    await expect(this.formModal).toBeVisible();
    await this.formName.fill(name);
    if (remark) await this.formRemark.fill(remark);
    await this.formSubmit.click();
  }

  async searchByName(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  async openEdit(name: string): Promise<void> {
    await this.row(name).getByTestId('app-action-edit').click();
    await expect(this.formModal).toBeVisible();
  }

  async startResetSecret(name: string): Promise<void> {
    await this.row(name).getByTestId('app-action-reset-secret').click();
    await expect(this.confirmDialog).toBeVisible();
  }

  async startDelete(name: string): Promise<void> {
    await this.row(name).getByTestId('app-action-delete').click();
    await expect(this.confirmDialog).toBeVisible();
  }

  /** Cancel the confirm dialog; a click that lands while the dialog is still zooming in can be lost (CI once), so retry until it closes. */
  async cancelConfirm(): Promise<void> {
    await expect(async () => {
      if (await this.confirmDialog.isVisible()) await this.page.getByTestId('confirm-cancel').click({ timeout: 5_000 });
      await expect(this.confirmDialog).toBeHidden({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
  }

  async openDrawer(name: string): Promise<void> {
    await this.row(name).getByTestId('app-name-link').click();
    await expect(this.drawer).toBeVisible();
  }
}
