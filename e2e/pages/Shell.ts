import { expect, type Locator, type Page } from '@playwright/test';

/** The console frame around every page: side navigation and header (instance, language, theme, user). */
export class Shell {
  readonly sideNav: Locator;
  readonly header: Locator;
  readonly langSwitch: Locator;
  readonly themeToggle: Locator;
  readonly userMenu: Locator;
  readonly instanceSwitcher: Locator;
  readonly pageTitle: Locator;

  constructor(readonly page: Page) {
    this.sideNav = page.getByTestId('side-nav');
    this.header = page.getByRole('banner');
    this.langSwitch = page.getByTestId('lang-switch');
    this.themeToggle = page.getByTestId('theme-toggle');
    this.userMenu = page.getByTestId('user-menu');
    this.instanceSwitcher = page.getByTestId('instance-switcher');
    this.pageTitle = page.getByTestId('page-title');
  }

  navLink(area: 'instances' | 'audit' | 'overview' | 'apps' | 'dictionaries'): Locator {
    return this.page.getByTestId(`nav-${area}`);
  }

  /** Pick a language from the header dropdown by its own name ("English", "简体中文"). */
  async switchLanguage(to: 'en-US' | 'zh-CN'): Promise<void> {
    await this.langSwitch.click();
    await this.page.getByRole('menuitem', { name: to === 'zh-CN' ? '简体中文' : 'English' }).click();
    await expect(this.langSwitch).toHaveAttribute('data-lang', to);
  }

  async toggleTheme(): Promise<void> {
    await this.themeToggle.click();
  }

  async theme(): Promise<string | null> {
    return this.themeToggle.getAttribute('data-theme');
  }

  /** Computed background colour of the header bar, e.g. "rgb(255, 255, 255)". */
  async headerBackground(): Promise<string> {
    return this.header.evaluate((el) => getComputedStyle(el).backgroundColor);
  }

  /** Theme choice in the user menu: 'system' follows prefers-color-scheme. */
  async chooseTheme(pref: 'system' | 'light' | 'dark'): Promise<void> {
    await this.userMenu.click();
    await this.page.getByTestId(`theme-pref-${pref}`).click();
  }

  async logout(): Promise<void> {
    await this.userMenu.click();
    await this.page.getByRole('menuitem', { name: /log out|退出登录/i }).click();
  }
}
