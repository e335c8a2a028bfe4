// The operator's language and theme: switching changes the console at once and survives a reload.
import { test, expect } from './support/fixtures';

test.describe('language and theme', () => {
  test('switching to 中文 changes menu and labels, persists after reload, and switches back', async ({ page, loggedIn, shell }) => {
    await page.goto(`/i/${loggedIn.instanceId}/apps`);
    await expect(shell.navLink('apps')).toHaveText('Integration apps');
    await expect(shell.pageTitle).toHaveText('Integration apps');
    await expect(page.locator('html')).toHaveAttribute('lang', /^en/);

    await shell.switchLanguage('zh-CN');
    await expect(shell.navLink('apps')).toHaveText('集成应用');
    await expect(shell.navLink('dictionaries')).toHaveText('数据字典');
    await expect(shell.pageTitle).toHaveText('集成应用');
    await expect(shell.langSwitch).toHaveText(/简体中文/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.reload();
    await expect(shell.navLink('apps')).toHaveText('集成应用');
    await expect(shell.pageTitle).toHaveText('集成应用');
    await expect(shell.langSwitch).toHaveAttribute('data-lang', 'zh-CN');

    await shell.switchLanguage('en-US');
    await expect(shell.navLink('apps')).toHaveText('Integration apps');
    await expect(shell.pageTitle).toHaveText('Integration apps');
    await page.reload();
    await expect(shell.navLink('dictionaries')).toHaveText('Dictionaries');
  });

  test('the login page switches language too', async ({ page, loginPage }) => {
    await loginPage.goto();
    await expect(page.getByRole('heading', { name: 'Log in to ROMA Console' })).toBeVisible();
    await loginPage.switchLanguage('zh-CN');
    await expect(page.getByRole('heading', { name: '登录 ROMA 控制台' })).toBeVisible();
    await expect(page.getByLabel('IAM 用户名')).toBeVisible();
    await expect(loginPage.submit).toHaveText(/登\s*录/);
    await page.reload();
    await expect(page.getByRole('heading', { name: '登录 ROMA 控制台' })).toBeVisible();
    await loginPage.switchLanguage('en-US');
    await expect(page.getByRole('heading', { name: 'Log in to ROMA Console' })).toBeVisible();
    await expect(loginPage.username).toBeVisible();
  });

  test('dark theme changes the background and persists after reload; light comes back', async ({ page, loggedIn, shell }) => {
    await page.goto(`/i/${loggedIn.instanceId}/apps`);
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'light');
    const light = await shell.headerBackground();
    expect(light).toBe('rgb(255, 255, 255)');

    await shell.toggleTheme();
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'dark');
    await expect(shell.themeToggle).toHaveAccessibleName('Switch to light theme');
    await expect.poll(() => shell.headerBackground()).not.toBe(light);
    const dark = await shell.headerBackground();
    expect(isDark(dark)).toBe(true);

    await page.reload();
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => shell.headerBackground()).toBe(dark);

    await shell.toggleTheme();
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'light');
    await expect.poll(() => shell.headerBackground()).toBe(light);
    await page.reload();
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'light');
  });
});

/** "rgb(r, g, b)" or "rgba(...)" with a low luminance. */
function isDark(css: string): boolean {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) return false;
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 80;
}
