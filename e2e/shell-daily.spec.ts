// Daily use: a phone-sized screen gets a drawer menu and tables that scroll inside their panel;
// without an instance the instance pages say why they are unavailable; the theme follows the system
// until the operator picks one; animations follow the system's reduced-motion setting.
import { test, expect } from './support/fixtures';

test.describe('shell for daily use', () => {
  test('at 375 px the menu is a drawer and wide tables scroll inside their panel', async ({ page, loggedIn, shell }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/i/${loggedIn.instanceId}/apps`);
    await expect(page.getByTestId('apps-table')).toBeVisible();
    await expect(shell.sideNav).toBeHidden();
    // nothing sticks out of the screen: the page itself does not scroll sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const scroller = page.getByTestId('apps-table').locator('.ant-table-content, .ant-table-body').first();
    const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth); // the table scrolls inside its panel
    await page.screenshot({ path: test.info().outputPath('apps-375.png') });

    const open = page.getByTestId('nav-open');
    await expect(open).toHaveAccessibleName('Open navigation');
    await open.click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toBeVisible();
    await expect(shell.sideNav).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('drawer-375.png') });
    await shell.navLink('dictionaries').click();
    await expect(page).toHaveURL(new RegExp(`/i/${loggedIn.instanceId}/dictionaries`));
    await expect(drawer).toBeHidden();
    await expect(shell.pageTitle).toHaveText('Dictionaries');

    // back to a wide screen: the side menu is back, no drawer button
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(shell.sideNav).toBeVisible();
    await expect(open).toHaveCount(0);
  });

  test('without a chosen instance the instance items are disabled with the reason', async ({ page, loggedIn, shell }) => {
    await page.goto('/instances');
    await expect(shell.pageTitle).toBeVisible();
    await page.evaluate(() => localStorage.removeItem('roma.lastInstance'));
    await page.reload();
    const apps = shell.navLink('apps');
    await expect(apps).toHaveAttribute('aria-disabled', 'true');
    await expect(apps).not.toHaveAttribute('href', /.*/);
    await apps.focus();
    await expect(apps).toBeFocused();
    const tip = page.getByRole('tooltip').filter({ hasText: 'Choose an instance first.' });
    await expect(tip).toBeVisible();
    await tip.getByRole('link', { name: 'Open the instance list' }).click();
    await expect(page).toHaveURL(/\/instances$/);
    // once an instance is open, the items lead into it
    await page.goto(`/i/${loggedIn.instanceId}/overview`);
    await expect(shell.navLink('apps')).toHaveAttribute('href', `/i/${loggedIn.instanceId}/apps`);
  });

  test('the theme follows the system, live, until one is picked; "follow the system" returns', async ({ page, loggedIn, shell }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/i/${loggedIn.instanceId}/apps`);
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await shell.headerBackground();

    await page.emulateMedia({ colorScheme: 'light' }); // the system switches while the page is open
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'light');
    await expect.poll(() => shell.headerBackground()).toBe('rgb(255, 255, 255)');

    await shell.chooseTheme('dark'); // an explicit choice wins over the system, and persists
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => shell.headerBackground()).toBe(dark);

    await shell.chooseTheme('system'); // back to following the system (light now)
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(shell.themeToggle).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => localStorage.getItem('roma.theme'))).toBeNull();
  });

  test('animations stop, live, when the system asks for less motion: dialogs open without zooming', async ({ page, loggedIn, appsPage }) => {
    // the config runs every spec with reduced motion; this test turns it off and on again
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto(`/i/${loggedIn.instanceId}/apps`);
    await expect(appsPage.createButton).not.toHaveCSS('transition-duration', '0s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(appsPage.createButton).toHaveCSS('transition-duration', '0s');
    await appsPage.createButton.click(); // a dialog opens at once, without zooming in
    await expect(appsPage.formModal).toBeVisible();
    await expect(page.locator('.ant-modal[class*="zoom"]')).toHaveCount(0);
  });
});
