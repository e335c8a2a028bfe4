import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// lazy pages on a busy 2-core runner can take longer than the default 20 s to first render
const expect = baseExpect.configure({ timeout: 60_000 });

const enc = encodeURIComponent;

/** Pick an option of an antd Select (opened by clicking it) from the visible dropdown. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Client quotas (/i/:iid/quotas) and one quota's page. */
export class QuotasPage {
  constructor(readonly page: Page) {}

  async goto(iid: string): Promise<void> {
    await this.page.goto(`/i/${enc(iid)}/quotas`);
    await expect(this.page.getByTestId('quota-create').first()).toBeVisible();
  }

  /** Create a quota in the modal; waits for the service to accept it. */
  async create(name: string, calls: number, interval: number, unit: string): Promise<void> {
    await this.page.getByTestId('quota-create').first().click();
    await this.page.getByTestId('quota-name').fill(name);
    await this.page.getByTestId('quota-calls').fill(String(calls));
    await this.page.getByTestId('quota-interval').fill(String(interval));
    await choose(this.page, this.page.getByTestId('quota-unit'), unit);
    const created = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/app-quotas$/.test(new URL(r.url()).pathname));
    await this.page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    expect((await created).status()).toBe(201);
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }

  /** Find the quota by name (the search lives in the URL) and open its page. */
  async open(name: string): Promise<void> {
    const search = this.page.getByLabel('Search by quota name');
    await search.fill(name);
    await search.press('Enter');
    await this.page.getByTestId('quota-name-link').filter({ hasText: name }).click();
    await expect(this.page.getByTestId('page-title')).toHaveText(name);
  }

  rule(): Locator {
    return this.page.getByTestId('quota-rule');
  }

  /** Bind one app from the bind dialog; waits until the app shows in the bound apps table. */
  async bind(appName: string): Promise<void> {
    await this.page.getByTestId('quota-bind').click();
    const select = this.page.getByTestId('bind-apps');
    const picked = select.locator('.ant-select-selection-item').filter({ hasText: appName });
    // a click landing while the dropdown still animates or the app list loads can be lost: retry until the tag shows
    await expect(async () => {
      if (!(await picked.isVisible())) await choose(this.page, select, appName);
      await expect(picked).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await this.page.keyboard.press('Escape'); // close the multi-select's dropdown, keep the modal
    const ok = this.page.getByRole('dialog').getByRole('button', { name: 'OK' });
    await expect(ok).toBeEnabled();
    await ok.click();
    await expect(this.appRow(appName)).toBeVisible();
  }

  /** The bound apps table's row of an app. */
  appRow(appName: string): Locator {
    return this.page.getByTestId('quota-apps-table').locator('tbody tr[data-row-key]').filter({ hasText: appName });
  }

  /** Select these bound apps, unbind them from the bulk bar and confirm; waits for one DELETE per app. */
  async bulkUnbind(appNames: string[]): Promise<void> {
    for (const name of appNames) await this.appRow(name).getByRole('checkbox').check();
    await expect(this.page.getByTestId('quota-apps-bulk-bar')).toContainText(`${appNames.length} selected`);
    await this.page.getByTestId('quota-apps-bulk-unbind').click();
    const dialog = this.page.getByRole('dialog').filter({ has: this.page.getByTestId('confirm-ok') });
    for (const name of appNames) await expect(dialog).toContainText(name);
    let deletes = 0;
    const all = new Promise<void>((done) => {
      const seen = (r: import('@playwright/test').Response) => {
        if (r.request().method() === 'DELETE' && /\/bound-apps\/[^/]+$/.test(new URL(r.url()).pathname) && ++deletes === appNames.length) {
          this.page.off('response', seen);
          done();
        }
      };
      this.page.on('response', seen);
    });
    await dialog.getByTestId('confirm-ok').click();
    await all;
  }
}

/** The Consumers tab of an API's page, one environment at a time. */
export class ApiConsumersTab {
  constructor(readonly page: Page) {}

  async open(iid: string, apiId: string, apiName: string, env = 'RELEASE'): Promise<void> {
    await this.page.goto(`/i/${enc(iid)}/apis/${enc(apiId)}`);
    await expect(this.page.getByTestId('page-title')).toHaveText(apiName);
    await this.page.getByTestId('api-tab-consumers').click();
    await this.page.getByTestId('api-consumers-env').getByText(env, { exact: true }).click();
    await expect(this.page.getByTestId('api-consumers-env').locator('.ant-segmented-item-selected')).toHaveText(env);
  }

  /** The authorised apps table's row of an app. */
  appRow(appName: string): Locator {
    return this.page.getByTestId('api-auths-table').locator('tbody tr[data-row-key]').filter({ hasText: appName });
  }

  /** Cancel the app's authorisation in the shown environment and confirm (the dialog names the app). */
  async cancel(appName: string): Promise<void> {
    await this.appRow(appName).getByTestId('api-auth-cancel').click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: `Cancel the authorization of “${appName}”` });
    const cancelled = this.page.waitForResponse((r) => r.request().method() === 'DELETE' && /\/app-auths\/[^/]+$/.test(new URL(r.url()).pathname));
    await dialog.getByTestId('confirm-ok').click();
    expect((await cancelled).status()).toBe(204);
  }

  throttleLimits(): Locator {
    return this.page.getByTestId('api-throttle-limits');
  }
}

/** The debug tab of an API's page, calling as a chosen app. */
export class DebugAsApp {
  constructor(readonly page: Page) {}

  async open(iid: string, apiId: string, apiName: string): Promise<void> {
    await this.page.goto(`/i/${enc(iid)}/apis/${enc(apiId)}`);
    await expect(this.page.getByTestId('page-title')).toHaveText(apiName);
    await this.page.getByRole('tab', { name: 'Debug' }).click();
  }

  async target(label: string): Promise<void> {
    await this.pick('debug-target', label);
  }

  async asApp(appName: string): Promise<void> {
    await this.pick('debug-app', appName);
  }

  /** Choose in a single select and check it took (retry a click lost to an animation or a late option list). */
  private async pick(testId: string, option: string): Promise<void> {
    const chosen = this.page.getByTestId(testId).filter({ hasText: option }); // the dropdown is portalled: the select's own text is its value
    await expect(async () => {
      if (!(await chosen.isVisible())) await choose(this.page, this.page.getByTestId(testId), option);
      await expect(chosen).toBeVisible({ timeout: 2_000 });
    }).toPass();
  }

  /** Send once and wait for the service's answer (so each call is counted before the next). */
  async send(): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/apis\/debug\/[^/]+$/.test(new URL(r.url()).pathname));
    await this.page.getByTestId('debug-send').click();
    expect((await answered).status()).toBe(200);
  }

  status(): Locator {
    return this.page.getByTestId('debug-status');
  }
  body(): Locator {
    return this.page.getByTestId('debug-body');
  }
}
