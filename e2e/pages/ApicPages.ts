import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// lazy pages on a busy 2-core runner can take longer than the default 20 s to first render
const expect = baseExpect.configure({ timeout: 60_000 });

const enc = encodeURIComponent;

/** Pick an option of an antd Select (opened by clicking it). */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** API groups (/i/:iid/api-groups) and one group's page. */
export class ApiGroupsPage {
  constructor(readonly page: Page) {}

  async goto(iid: string): Promise<void> {
    await this.page.goto(`/i/${enc(iid)}/api-groups`);
    await expect(this.page.getByTestId('groups-table')).toBeVisible();
  }

  /** Create a group; the console then opens its page. */
  async create(name: string): Promise<void> {
    await this.page.getByTestId('group-create').first().click();
    await this.page.getByTestId('group-name').fill(name);
    await this.page.getByTestId('group-save').click();
    await expect(this.page.getByTestId('page-title')).toHaveText(name);
  }

  subdomain(): Locator {
    return this.page.getByTestId('group-subdomain');
  }
}

/** The API editor (/i/:iid/apis/new, …/apis/:id/edit) in four tabs. */
export class ApiEditor {
  constructor(readonly page: Page) {}

  tab(name: RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  async fillBasics(name: string): Promise<void> {
    await this.tab(/Basics/).click();
    await this.page.getByTestId('api-name').fill(name);
  }

  async setPath(path: string): Promise<void> {
    await this.tab(/Frontend/).click();
    await this.page.getByTestId('api-path').fill(path);
  }

  async setMockBody(body: string): Promise<void> {
    await this.tab(/Mock answer/).click();
    await this.page.getByTestId('mock-body').fill(body);
  }

  save(): Promise<void> {
    return this.page.getByTestId('api-save').click();
  }

  issues(): Locator {
    return this.page.getByTestId('rule-issues');
  }
}

/** One API (/i/:iid/apis/:id): publish, versions, debug. */
export class ApiPage {
  constructor(readonly page: Page) {}

  envState(env: string): Locator {
    return this.page.locator(`[data-env="${env}"]`).first();
  }

  async publish(remark: string): Promise<void> {
    await this.page.getByTestId('api-publish').click();
    await this.page.getByTestId('publish-remark').fill(remark);
    await this.page.getByTestId('publish-ok').click();
    await expect(this.page.getByTestId('publish-ok')).toBeHidden();
  }

  async debug(target: string, params: Record<string, string>): Promise<void> {
    await this.page.getByRole('tab', { name: 'Debug' }).click();
    await choose(this.page, this.page.getByTestId('debug-target'), target);
    for (const [k, v] of Object.entries(params)) await this.page.getByTestId(`debug-param-${k}`).fill(v);
    await this.page.getByTestId('debug-send').click();
    await expect(this.page.getByTestId('debug-result')).toBeVisible();
  }

  async openVersions(): Promise<Locator> {
    await this.page.getByRole('tab', { name: 'Versions' }).click();
    const table = this.page.getByTestId('versions-table');
    await expect(table).toBeVisible();
    return table;
  }
}
