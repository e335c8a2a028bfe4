import { expect, type Locator, type Page } from '@playwright/test';

/** Dictionaries (/i/:instanceId/dictionaries): top-level table, expandable entries, form modal. */
export class DictionariesPage {
  readonly table: Locator;
  readonly search: Locator;
  readonly createButton: Locator;
  readonly formModal: Locator;
  readonly formParent: Locator;
  readonly formName: Locator;
  readonly formCode: Locator;
  readonly formRemark: Locator;
  readonly formSubmit: Locator;
  readonly confirmDialog: Locator;
  readonly confirmOk: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('dict-table');
    this.search = page.getByLabel('Search by name');
    this.createButton = page.getByTestId('dict-create').first();
    this.formModal = page.getByRole('dialog').filter({ has: page.getByTestId('dict-form') });
    this.formParent = page.getByTestId('dict-form-parent');
    this.formName = page.getByTestId('dict-form-name');
    this.formCode = page.getByTestId('dict-form-code');
    this.formRemark = page.getByTestId('dict-form-remark');
    this.formSubmit = page.getByTestId('dict-form-submit');
    this.confirmDialog = page.getByRole('dialog').filter({ has: page.getByTestId('confirm-ok') });
    this.confirmOk = page.getByTestId('confirm-ok');
  }

  async goto(instanceId: string, query = ''): Promise<void> {
    await this.page.goto(`/i/${encodeURIComponent(instanceId)}/dictionaries${query}`);
    await expect(this.table).toBeVisible();
  }

  /** Top-level row of the dictionary with this code (not rows of nested entry tables). */
  row(code: string): Locator {
    return this.table
      .locator('tbody tr[data-row-key]')
      .filter({ has: this.page.getByTestId('dict-code').getByText(code, { exact: true }) })
      .filter({ hasNot: this.page.getByTestId('dict-children') })
      .first();
  }

  /** The expanded entries of a dictionary. */
  children(parentCode: string): Locator {
    return this.page.locator(`[data-testid="dict-children"][data-parent-code="${parentCode}"]`);
  }

  childRow(parentCode: string, code: string): Locator {
    return this.children(parentCode)
      .locator('tbody tr')
      .filter({ has: this.page.getByTestId('dict-code').getByText(code, { exact: true }) });
  }

  async expand(code: string): Promise<void> {
    await this.row(code).getByRole('button', { name: /expand row/i }).click();
    await expect(this.children(code)).toBeVisible();
  }

  async fillForm(v: { name: string; code: string; remark?: string }): Promise<void> {
    await this.formName.fill(v.name);
    await this.formCode.fill(v.code);
    if (v.remark) await this.formRemark.fill(v.remark);
  }
}
