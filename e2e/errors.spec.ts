// API errors reach the operator with their error code and a request id to quote.
import { test, expect, uniqueName } from './support/fixtures';

test.describe('API errors', () => {
  test('creating an app with a taken name shows the 409 with its error code', async ({ page, loggedIn, appsPage }) => {
    await appsPage.goto(loggedIn.instanceId);
    await expect(appsPage.row('demo-app')).toBeVisible();

    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && /\/apps$/.test(new URL(r.url()).pathname));
    await appsPage.create('demo-app');
    const res = await answer;
    expect(res.status()).toBe(409);
    const body = (await res.json()) as { error_code: string; request_id?: string };
    expect(body.error_code).toBeTruthy();

    await expect(appsPage.formModal).toBeVisible();
    await expect(appsPage.formModal).toContainText('An app with this name already exists in this instance.');
    await expect(appsPage.formModal).toContainText(`(${body.error_code})`);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(appsPage.formModal).toBeHidden();
    await expect(appsPage.table.locator('tbody tr[data-row-key]').filter({ hasText: 'demo-app' })).toHaveCount(1);
  });

  test('a failed load shows the error code and a copyable request id', async ({ page, context, loggedIn }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // an instance that does not exist: the real server answers 4xx with code and request id
    const answer = page.waitForResponse((r) => r.url().includes('/no-such-instance-') && r.status() >= 400);
    await page.goto(`/i/no-such-instance-${Date.now()}/apps`);
    const res = await answer;
    const body = (await res.json()) as { error_code: string; request_id?: string };
    const requestId = body.request_id ?? res.headers()['x-request-id'];

    const alert = page.getByTestId('error-alert').first();
    await expect(alert).toBeVisible();
    await expect(alert.getByTestId('error-code')).toHaveText(body.error_code);
    expect(requestId).toBeTruthy();
    await expect(alert.getByTestId('error-request-id')).toContainText(requestId!);
    await expect(alert.getByTestId('error-message')).toContainText('does not exist');
    // the copy button puts exactly the request id on the clipboard
    await alert.getByTestId('error-request-id-copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(requestId);
    expect(loggedIn.instanceId).not.toContain('no-such-instance');
  });

  test('an app name rejected by the form is not sent', async ({ page, loggedIn, appsPage }) => {
    await appsPage.goto(loggedIn.instanceId);
    let sent = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/apps')) sent = true;
    });
    await appsPage.create(`${uniqueName('bad')}<script>`);
    await expect(appsPage.formName).toHaveAttribute('aria-invalid', 'true');
    // the rule is shown as an error under the field (besides the permanent hint)
    await expect(appsPage.formModal.locator('.ant-form-item-explain-error')).toHaveText(
      'Letters, digits, Chinese characters, spaces, - _ . and parentheses',
    );
    await expect(appsPage.formModal).toBeVisible();
    expect(sent).toBe(false);
  });
});
