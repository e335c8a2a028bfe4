// Shared fixtures: the console started by global-setup (baseURL from E2E_BASE_URL), the seeded
// account, page objects, and `loggedIn` — a page logged in through the real login form, with the
// instance the console landed on.
import { test as base, expect, type Page } from '@playwright/test';
import { LoginPage, type Account } from '../pages/LoginPage';
import { Shell } from '../pages/Shell';
import { AppsPage } from '../pages/AppsPage';
import { DictionariesPage } from '../pages/DictionariesPage';
import { AuditPage } from '../pages/AuditPage';

export interface LoggedIn {
  page: Page;
  /** id of the instance the console opened after login (roma-local's seeded "roma-demo") */
  instanceId: string;
}

interface Fixtures {
  account: Account;
  loginPage: LoginPage;
  shell: Shell;
  appsPage: AppsPage;
  dictionariesPage: DictionariesPage;
  auditPage: AuditPage;
  loggedIn: LoggedIn;
}

export function envAccount(): Account {
  const password = process.env.E2E_PASSWORD;
  if (!password) throw new Error('E2E_PASSWORD is not set: run the specs through playwright.config.ts (global setup)');
  return {
    user: process.env.E2E_USER ?? 'admin',
    password,
    domain: process.env.E2E_DOMAIN ?? 'roma-local',
    project: process.env.E2E_PROJECT ?? 'cn-north-4',
  };
}

/** A name unique to this run and test, valid for apps and dictionaries (letters, digits, _). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: the global setup did not start the console');
    await use(url);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  account: async ({}, use) => {
    await use(envAccount());
  },
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
  shell: async ({ page }, use) => {
    await use(new Shell(page));
  },
  appsPage: async ({ page }, use) => {
    await use(new AppsPage(page));
  },
  dictionariesPage: async ({ page }, use) => {
    await use(new DictionariesPage(page));
  },
  auditPage: async ({ page }, use) => {
    await use(new AuditPage(page));
  },
  loggedIn: async ({ page, loginPage, account }, use) => {
    await loginPage.goto();
    await loginPage.login(account);
    const instanceId = await loginPage.landedInstanceId();
    await use({ page, instanceId });
  },
});

export { expect };
