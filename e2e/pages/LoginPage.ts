import { expect, type Locator, type Page } from '@playwright/test';

export interface Account {
  user: string;
  password: string;
  domain: string;
  project: string;
}

/** The login form (/login). Fields are found by their visible labels, as an operator reads them. */
export class LoginPage {
  readonly form: Locator;
  readonly domain: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly project: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly errorCode: Locator;
  readonly expiredNotice: Locator;
  readonly loggedOutNotice: Locator;
  readonly langSwitch: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('login-form');
    this.domain = page.getByLabel('Account (domain)');
    this.username = page.getByLabel('IAM user name');
    this.password = page.getByLabel('Password', { exact: true });
    this.project = page.getByLabel('Project (region)');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
    this.errorCode = this.error.getByTestId('error-code');
    this.expiredNotice = page.getByTestId('login-expired');
    this.loggedOutNotice = page.getByTestId('login-logged-out');
    this.langSwitch = page.getByTestId('login-lang-switch');
  }

  async goto(redirect?: string): Promise<void> {
    await this.page.goto(redirect ? `/login?redirect=${encodeURIComponent(redirect)}` : '/login');
    await expect(this.form).toBeVisible({ timeout: 60_000 }); // the first load parses the whole entry on a busy runner
  }

  /** The language menu of the login card: pick a language by its own name. */
  async switchLanguage(to: 'en-US' | 'zh-CN'): Promise<void> {
    await this.langSwitch.click();
    await this.page.getByRole('menuitem', { name: to === 'zh-CN' ? '简体中文' : 'English' }).click();
  }

  async fill(a: Account): Promise<void> {
    await this.domain.fill(a.domain);
    await this.username.fill(a.user);
    await this.password.fill(a.password);
    await this.project.fill(a.project);
  }

  /**
   * Fill and submit, then wait for the BFF's answer. On a busy machine the form can re-render
   * while it is being filled (a language bundle arriving), so the values are checked before the
   * click; the click counts only once the login request has really been answered.
   */
  async login(a: Account): Promise<void> {
    await expect(async () => {
      await this.fill(a);
      await expect(this.password).toHaveValue(a.password, { timeout: 1000 });
      await expect(this.domain).toHaveValue(a.domain, { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    const answered = this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/bff/login');
    await this.submit.click();
    await answered;
  }

  /** After a successful login to "/": the console opens the first instance's overview (lazy chunks: slow on a busy runner). */
  async landedInstanceId(): Promise<string> {
    await expect(this.page).toHaveURL(/\/i\/[^/]+\/overview$/, { timeout: 60_000 });
    const m = /\/i\/([^/?#]+)\/overview/.exec(new URL(this.page.url()).pathname);
    if (!m?.[1]) throw new Error(`not on an instance overview: ${this.page.url()}`);
    return decodeURIComponent(m[1]);
  }
}
