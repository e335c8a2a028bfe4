// The session ends on the server (idle timeout) while the operator is on a filtered apps page:
// the next action or navigation goes to login, and logging in again returns to the same URL.
// A second console with a short idle timeout runs for this spec, so the session really expires.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startConsole } from '../src/main';
import { test as base, expect } from './support/fixtures';
import { e2eStaticDir } from './support/static-dir';
import { LoginPage, type Account } from './pages/LoginPage';
import { AppsPage } from './pages/AppsPage';
import type { Page } from '@playwright/test';

// Long enough that a page load on a busy machine does not outlast it, short enough to wait for.
const IDLE_MS = 8_000;
const PASSWORD = 'E2e-Expiry-Passw0rd!';

interface ExpiryConsole {
  url: string;
  account: Account;
}

// A console of its own for this file (worker-scoped: started once, closed after the file).
const test = base.extend<object, { expiryConsole: ExpiryConsole }>({
  expiryConsole: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
    async ({}, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-e2e-expiry-'));
      const handle = await startConsole({
        port: 0,
        dataDir,
        staticDir: e2eStaticDir(),
        env: { ...process.env, ROMA_ENDPOINT: '', IAM_ENDPOINT: '', ROMA_LOCAL_PASSWORD: PASSWORD },
        bff: { idleTimeoutMs: IDLE_MS },
        logger: false,
      });
      try {
        await use({
          url: handle.url,
          account: {
            user: handle.account?.user ?? 'admin',
            password: handle.account?.password ?? PASSWORD,
            domain: handle.account?.domain ?? 'roma-local',
            project: handle.account?.project ?? 'cn-north-4',
          },
        });
      } finally {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ expiryConsole }, use) => {
    await use(expiryConsole.url);
  },
});

/** Only the server's idle timeout is waited for: nothing in the page is faked. */
async function waitForServerIdleTimeout(page: Page): Promise<void> {
  await page.waitForTimeout(IDLE_MS + 1_000);
}

async function loginAndOpenFilteredApps(page: Page, account: Account) {
  const login = new LoginPage(page);
  const apps = new AppsPage(page);
  await login.goto();
  await login.login(account);
  const iid = await login.landedInstanceId();
  const query = '?name=demo&limit=10';
  await apps.goto(iid, query);
  await expect(apps.row('demo-app')).toBeVisible();
  await expect(apps.search).toHaveValue('demo');
  return { login, apps, path: `/i/${iid}/apps`, query };
}

test.describe('session expiry', () => {
  test('the next action after the server ended the session goes to login and back to the same URL', async ({ page, expiryConsole: { account } }) => {
    const { login, apps, path: appsPath, query } = await loginAndOpenFilteredApps(page, account);

    await waitForServerIdleTimeout(page);
    const session = await page.request.get('/bff/session', { headers: { 'X-CSRF': '1' } });
    expect(await session.json()).toMatchObject({ authenticated: false });

    const refused = page.waitForResponse((r) => r.url().includes('/apps') && r.status() === 401);
    await apps.refreshButton.click();
    await refused;

    await expect(page).toHaveURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === appsPath + query);
    await expect(login.expiredNotice).toHaveText('Your session has ended. Log in again to continue where you were.');

    await login.login(account);
    await expect(page).toHaveURL((u) => u.pathname === appsPath && u.search === query);
    await expect(apps.search).toHaveValue('demo');
    await expect(apps.row('demo-app')).toBeVisible();
  });

  test('a navigation after the server ended the session goes to login and back to the same URL', async ({ page, expiryConsole: { account } }) => {
    const { login, apps, path: appsPath, query } = await loginAndOpenFilteredApps(page, account);

    await waitForServerIdleTimeout(page);
    await page.reload();

    await expect(page).toHaveURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === appsPath + query);
    await expect(login.form).toBeVisible();

    await login.login(account);
    await expect(page).toHaveURL((u) => u.pathname === appsPath && u.search === query);
    await expect(apps.search).toHaveValue('demo');
    await expect(apps.row('demo-app')).toBeVisible();
  });
});
