import { expect, type Locator, type Page } from '@playwright/test';

/** LINK products: list (/i/:id/products) and one product's page (/i/:id/products/:productId). */
export class ProductsPage {
  readonly table: Locator;
  readonly form: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByTestId('products-table');
    this.form = page.getByRole('dialog').filter({ has: page.getByTestId('product-form-submit') });
  }

  async goto(instanceId: string): Promise<void> {
    await this.page.goto(`/i/${encodeURIComponent(instanceId)}/products`);
    // a wait limit for a cold page on a busy machine, not a speed assertion
    await expect(this.table).toBeVisible({ timeout: 60_000 });
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByTestId('product-name-link').getByText(name, { exact: true }) });
  }

  /** Create an MQTT product of the first integration app. */
  async create(p: { name: string; manufacturerId: string; model: string }): Promise<void> {
    await this.page.getByTestId('product-create').click();
    await expect(this.form).toBeVisible();
    await pickFirst(this.page, this.page.getByTestId('product-form-app'));
    await this.page.getByTestId('product-form-name').fill(p.name);
    await this.page.getByTestId('product-form-manufacturer-id').fill(p.manufacturerId);
    await this.page.getByTestId('product-form-manufacturer-name').fill('E2E Devices');
    await this.page.getByTestId('product-form-model').fill(p.model);
    await this.page.getByTestId('product-form-submit').click();
    await expect(this.form).toBeHidden();
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByTestId('product-name-link').click();
    await expect(this.page.getByTestId('product-title')).toHaveText(name);
  }

  async tab(which: 'devices' | 'model' | 'topics' | 'credentials'): Promise<void> {
    await this.page.getByTestId(`product-tab-${which}`).click();
  }

  /** Thing model: add a service, a command in it, and an integer request parameter. */
  async addServiceCommandParam(service: string, command: string, param: string): Promise<void> {
    const dialog = this.page.getByRole('dialog').filter({ has: this.page.getByTestId('model-form-submit') });
    await this.page.getByTestId('service-create').click();
    await this.page.getByTestId('model-form-name').fill(service);
    await this.page.getByTestId('model-form-submit').click();
    await expect(dialog).toBeHidden();
    const panel = this.page.getByTestId(`service-${service}`);
    await expect(panel).toBeVisible();
    await panel.getByTestId('command-create').click();
    await this.page.getByTestId('model-form-name').fill(command);
    await this.page.getByTestId('model-form-submit').click();
    await expect(dialog).toBeHidden();
    const row = panel.locator('tbody tr').filter({ hasText: command });
    await row.getByRole('button', { name: /expand/i }).click();
    await panel.getByTestId('property-create-request').click();
    await this.page.getByTestId('property-form-name').fill(param);
    await this.page.getByTestId('property-form-max').fill('10');
    await this.page.getByTestId('property-form-submit').click();
    await expect(panel.getByRole('cell', { name: param, exact: true })).toBeVisible();
  }
}

/** LINK devices list (/i/:id/devices) with its drawer and import dialog. */
export class DevicesPage {
  readonly table: Locator;
  readonly drawer: Locator;
  readonly form: Locator;
  readonly importDialog: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByTestId('devices-table');
    // keyed on the tab bar, which stays while the Details pane is unmounted behind another tab
    this.drawer = page.getByRole('dialog').filter({ has: page.getByRole('tab', { name: 'Topics' }) });
    this.form = page.getByRole('dialog').filter({ has: page.getByTestId('device-form-submit') });
    this.importDialog = page.getByRole('dialog').filter({ has: page.getByTestId('import-file') });
  }

  async goto(instanceId: string, query = ''): Promise<void> {
    await this.page.goto(`/i/${encodeURIComponent(instanceId)}/devices${query}`);
    await expect(this.table).toBeVisible({ timeout: 60_000 });
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByTestId('device-name-link').getByText(name, { exact: true }) });
  }

  state(name: string): Locator {
    return this.row(name).getByTestId('device-status');
  }

  async create(d: { name: string; nodeId: string }): Promise<void> {
    await this.page.getByTestId('device-create').first().click();
    await expect(this.form).toBeVisible();
    await this.page.getByTestId('device-form-name').fill(d.name);
    await this.page.getByTestId('device-form-node-id').fill(d.nodeId);
    await this.page.getByTestId('device-form-submit').click();
    await expect(this.form).toBeHidden();
  }

  async openDrawer(name: string): Promise<void> {
    await this.row(name).getByTestId('device-name-link').click();
    await expect(this.drawer).toBeVisible();
  }

  /** What the drawer shows to connect the device. */
  async credentials(): Promise<{ address: string; clientId: string; user: string; password: string }> {
    const c = this.drawer.getByTestId('device-credentials');
    await expect(c).toBeVisible();
    await c.getByTestId('device-cred-password-reveal').click();
    const pw = c.getByTestId('device-cred-password');
    await expect(pw).toHaveAttribute('data-revealed', 'true');
    return {
      address: (await c.getByTestId('device-mqtt-address').textContent()) ?? '',
      clientId: (await c.getByTestId('device-cred-client-id').textContent()) ?? '',
      user: (await c.getByTestId('device-cred-user').textContent()) ?? '',
      password: (await pw.textContent()) ?? '',
    };
  }

  /** The device's system topics from the drawer's Topics tab: [in (subscribe), out (publish)]. */
  async systemTopics(): Promise<{ inTopic: string; outTopic: string }> {
    await this.drawer.getByRole('tab', { name: 'Topics' }).click();
    // by role: the table's measure row and hidden tab panes are not rows of the Topics panel
    const cells = this.drawer.getByRole('tabpanel', { name: 'Topics' }).getByRole('cell').filter({ hasText: /\/(in|out)\// });
    await expect(cells.first()).toBeVisible();
    const names = await cells.allTextContents();
    return { inTopic: names.find((n) => n.includes('/in/')) ?? '', outTopic: names.find((n) => n.includes('/out/')) ?? '' };
  }

  async closeDrawer(): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Close' }).first().click();
    await expect(this.drawer).toBeHidden();
  }
}

/** Open an antd Select and pick its first option. */
export async function pickFirst(page: Page, select: Locator): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
}

/**
 * Open an antd Select and pick the option with this text, then check the select shows it. A click
 * that lands while another dropdown still animates, or before the options load, can be lost (seen
 * on CI: the command's parameters never appeared), so it is retried until the choice shows.
 */
export async function pick(page: Page, select: Locator, text: string): Promise<void> {
  const chosen = select.filter({ hasText: text }); // the dropdown is portalled: the select's own text is its value
  await expect(async () => {
    if (!(await chosen.isVisible())) {
      await select.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click({ timeout: 5_000 });
    }
    await expect(chosen).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}
