// The login page says which cloud and region the console logs in to, and names the failure.
import { test, expect } from './support/fixtures';

test('the login page shows the target (embedded roma-local here) and a wrong password has its own message', async ({ page, loginPage, account }) => {
  await loginPage.goto();
  const target = page.getByTestId('login-target');
  await expect(target).toHaveAttribute('data-kind', 'roma-local');
  await expect(target).toContainText(/Connected to the embedded roma-local \(127\.0\.0\.1:\d+\)/);
  await loginPage.login({ ...account, password: `${account.password}-nope` });
  await expect(loginPage.error).toContainText('The account, user name or password is wrong.');
  await expect(loginPage.error).toContainText('BFF.0004');
  await loginPage.switchLanguage('zh-CN');
  await expect(target).toContainText('已连接内置 roma-local');
});
