// An operator logs in through the form, sees a clear error with its code on a wrong password,
// lands on the console, logs out, and stays logged out after a reload.
import { test, expect } from './support/fixtures';

test.describe('log in and log out', () => {
  test('a wrong password shows the failure with its error code and stays on the login page', async ({ page, loginPage, account }) => {
    await loginPage.goto();
    const answer = page.waitForResponse((r) => r.url().endsWith('/bff/login') && r.request().method() === 'POST');
    await loginPage.login({ ...account, password: `${account.password}-wrong` });
    expect((await answer).status()).toBe(401);

    await expect(loginPage.error).toBeVisible();
    await expect(loginPage.error).toContainText('Login failed');
    await expect(loginPage.error).toContainText('The account, user name or password is wrong.');
    await expect(loginPage.errorCode).toHaveText('BFF.0004');
    await expect(page).toHaveURL(/\/login/);

    const session = await page.request.get('/bff/session', { headers: { 'X-CSRF': '1' } });
    expect(await session.json()).toMatchObject({ authenticated: false });
  });

  test('an empty form is not sent and names the missing fields', async ({ page, loginPage }) => {
    await loginPage.goto();
    let sent = false;
    page.on('request', (r) => {
      if (r.url().endsWith('/bff/login')) sent = true;
    });
    await loginPage.username.fill('');
    await loginPage.password.fill('');
    await loginPage.submit.click();
    await expect(page.getByText('Please enter IAM user name')).toBeVisible();
    await expect(page.getByText('Please enter Password')).toBeVisible();
    expect(sent).toBe(false);
  });

  test('logging in lands on the console; logging out returns to login and a reload stays logged out', async ({
    page,
    loginPage,
    shell,
    account,
  }) => {
    await loginPage.goto();
    await loginPage.login(account);
    await loginPage.landedInstanceId();
    await expect(shell.sideNav).toBeVisible();
    await expect(shell.userMenu).toHaveText(account.user);
    await expect(shell.pageTitle).toHaveText('roma-demo');
    await expect(shell.navLink('overview')).toHaveText('Overview');
    await expect(page.getByTestId('instance-basics')).toContainText('roma-demo');

    await shell.logout();
    await expect(page).toHaveURL(/\/login\?reason=loggedout$/);
    await expect(loginPage.loggedOutNotice).toHaveText('You have logged out.');

    const session = await page.request.get('/bff/session', { headers: { 'X-CSRF': '1' } });
    expect(await session.json()).toMatchObject({ authenticated: false });

    await page.reload();
    await expect(loginPage.form).toBeVisible();
    await expect(shell.sideNav).toHaveCount(0);

    // a console URL now asks for login, remembering where the operator wanted to go
    await page.goto('/instances');
    await expect(page).toHaveURL(/\/login\?redirect=%2Finstances$/);
    await expect(loginPage.form).toBeVisible();
  });

  test('an already logged-in operator who opens /login is taken into the console', async ({ page, loggedIn }) => {
    await page.goto('/login');
    await expect(page).toHaveURL(new RegExp(`/i/${loggedIn.instanceId}/overview$`));
  });
});
