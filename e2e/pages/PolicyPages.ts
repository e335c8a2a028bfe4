import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// lazy pages on a busy 2-core runner can take longer than the default 20 s to first render
const expect = baseExpect.configure({ timeout: 60_000 });
const enc = encodeURIComponent;

/** Pick `option` in an antd (multi-)select until `chosen` shows: a click lost to an animation or a late option list is retried. */
async function pickUntil(page: Page, select: Locator, option: string, chosen: Locator): Promise<void> {
  await expect(async () => {
    if (!(await chosen.isVisible())) {
      await select.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 5_000 });
    }
    await expect(chosen).toBeVisible({ timeout: 2_000 });
  }).toPass();
}

/** Pick one or more items in a multi-select dialog (attach, bind), press OK, wait for the dialog to close. */
async function pickManyAndOk(page: Page, testId: string, option: string): Promise<void> {
  const select = page.getByTestId(`${testId}-pick`);
  await pickUntil(page, select, option, select.locator('.ant-select-selection-item').filter({ hasText: option }));
  await page.keyboard.press('Escape'); // close the dropdown, keep the modal
  const ok = page.getByRole('dialog').getByRole('button', { name: 'OK' });
  await expect(ok).toBeEnabled();
  await ok.click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

const rows = (table: Locator) => table.locator('tbody tr[data-row-key]');

/** Throttling policies (/i/:iid/throttles) and one policy's page. */
export class ThrottlePages {
  constructor(readonly page: Page) {}

  async goto(iid: string): Promise<void> {
    await this.page.goto(`/i/${enc(iid)}/throttles`);
    await expect(this.page.getByTestId('throttle-create').first()).toBeVisible();
  }

  /** Create a policy of `api` calls per `interval` seconds with an app limit; waits for the service to accept it. */
  async create(name: string, api: number, app: number): Promise<void> {
    await this.page.getByTestId('throttle-create').first().click();
    await this.page.getByTestId('throttle-name').fill(name);
    await this.page.getByTestId('throttle-api-limit').fill(String(api));
    await this.page.getByTestId('throttle-app-limit').fill(String(app));
    const created = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/throttles$/.test(new URL(r.url()).pathname));
    await this.page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    expect((await created).status()).toBe(201);
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }

  async open(name: string): Promise<void> {
    const search = this.page.getByLabel('Search by policy name');
    await search.fill(name);
    await search.press('Enter');
    await this.page.getByTestId('throttle-name-link').filter({ hasText: name }).click();
    await expect(this.page.getByTestId('page-title')).toHaveText(name);
  }

  /** Edit the policy from its page: a new API limit; waits for the service to accept it. */
  async editApiLimit(api: number): Promise<void> {
    await this.page.getByTestId('throttle-edit').click();
    const field = this.page.getByTestId('throttle-api-limit');
    await expect(field).not.toHaveValue(''); // the form is filled with the policy before it is changed
    await field.fill(String(api));
    const saved = this.page.waitForResponse((r) => r.request().method() === 'PUT' && /\/throttles\/[^/]+$/.test(new URL(r.url()).pathname));
    await this.page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    expect((await saved).status()).toBe(200);
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }

  limit(kind: 'api' | 'user' | 'app' | 'ip'): Locator {
    return this.page.getByTestId(`throttle-limit-${kind}`);
  }

  apiRows(): Locator {
    return rows(this.page.getByTestId('throttle-apis-table'));
  }

  async bind(apiName: string): Promise<void> {
    await this.page.getByTestId('throttle-bind').click();
    await pickManyAndOk(this.page, 'throttle-bind', apiName);
  }

  specialRows(): Locator {
    return rows(this.page.getByTestId('throttle-specials-table'));
  }

  async addSpecialApp(appName: string, limit: number): Promise<void> {
    await this.page.getByTestId('special-add').click();
    const select = this.page.getByTestId('special-app');
    await pickUntil(this.page, select, appName, select.filter({ hasText: appName }));
    await this.page.getByTestId('special-limit').fill(String(limit));
    const added = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/throttle-specials$/.test(new URL(r.url()).pathname));
    await this.page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    expect((await added).status()).toBe(201);
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }
}

/** Plugins (/i/:iid/plugins) and one plugin's page. */
export class PluginPages {
  constructor(readonly page: Page) {}

  async open(iid: string, name: string): Promise<void> {
    await this.page.goto(`/i/${enc(iid)}/plugins`);
    const search = this.page.getByLabel('Search by plugin name');
    await search.fill(name);
    await search.press('Enter');
    await this.page.getByTestId('plugin-name-link').filter({ hasText: name }).click();
    await expect(this.page.getByTestId('page-title')).toHaveText(name);
  }

  settings(): Locator {
    return this.page.getByTestId('plugin-settings');
  }

  apisTable(): Locator {
    return this.page.getByTestId('plugin-apis-table');
  }

  async attach(apiName: string): Promise<void> {
    await this.page.getByTestId('plugin-attach').click();
    await pickManyAndOk(this.page, 'plugin-attach', apiName);
  }

  /** Detach one API from its row, confirming in the dialog that names it. */
  async detach(apiName: string): Promise<void> {
    await rows(this.apisTable()).filter({ hasText: apiName }).getByTestId('plugin-api-detach').click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: apiName });
    await dialog.getByRole('button', { name: 'Detach' }).click();
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }
}
