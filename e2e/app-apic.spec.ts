// An app's APIC side, as an operator manages it from the app's drawer: authorise it to a
// published API with app authentication in RELEASE, generate an AppCode, delete it, cancel the
// authorisation. The API is set up through the console's own API (the BFF), as a script would.
import { test, expect, uniqueName } from './support/fixtures';

test.describe("an app's APIs tab", () => {
  test('authorise an APP API, generate and delete an AppCode, cancel the authorisation', async ({ page, loggedIn, appsPage }) => {
    const session = await (await page.request.get('/bff/session', { headers: { 'X-CSRF': '1' } })).json();
    const base = `/api/v2/${session.project_id}/apic/instances/${loggedIn.instanceId}`;
    const post = async (p: string, data: unknown) => {
      const r = await page.request.post(`${base}${p}`, { headers: { 'X-CSRF': '1' }, data });
      expect(r.status(), `${p}: ${await r.text()}`).toBeLessThan(300);
      return r.json();
    };
    const group = await post('/api-groups', { name: uniqueName('e2e_auth_group') });
    const apiName = uniqueName('e2e_app_api');
    const api = await post('/apis', {
      name: apiName, type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/e2e-app', auth_type: 'APP', backend_type: 'MOCK',
      group_id: group.id, mock_info: { status_code: 200, result_content: 'ok' },
    });
    await post('/apis/action', { action: 'online', api_id: api.id, env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' });

    await appsPage.goto(loggedIn.instanceId);
    await appsPage.openDrawer('demo-app');
    await appsPage.drawer.getByTestId('app-tab-apic').click();
    const auths = page.getByTestId('app-auths-table');
    await expect(auths).toContainText('not authorized to any API in RELEASE');

    // authorise
    await page.getByTestId('app-auth-add').click();
    // a click landing while the dropdown still animates or the API list loads can be lost (seen on
    // CI: Authorize stayed disabled): retry until the API shows as chosen in the select
    const apisSelect = page.getByTestId('app-auth-apis');
    const chosen = apisSelect.filter({ hasText: apiName });
    await expect(async () => {
      if (!(await chosen.isVisible())) {
        await apisSelect.click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: apiName }).first().click({ timeout: 5_000 });
      }
      await expect(chosen).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await page.keyboard.press('Escape'); // close the multi-select's dropdown, keep the modal
    await expect(page.getByTestId('app-auth-submit')).toBeEnabled();
    const authorised = page.waitForResponse((r) => r.request().method() === 'POST' && /\/app-auths$/.test(new URL(r.url()).pathname));
    await page.getByTestId('app-auth-submit').click();
    expect((await authorised).status()).toBe(201);
    await expect(auths.locator('tbody tr[data-row-key]').filter({ hasText: apiName })).toBeVisible();

    // AppCode: generate, then delete
    const codes = page.getByTestId('app-codes-table');
    await page.getByTestId('app-code-generate').click();
    await expect(codes.locator('tbody tr[data-row-key]')).toHaveCount(1);
    await expect(codes).toContainText('…');
    await codes.locator('tbody tr[data-row-key]').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').filter({ hasText: 'Delete the AppCode' }).getByRole('button', { name: 'Delete' }).click();
    await expect(codes).toContainText('No AppCode yet.');

    // cancel the authorisation
    await auths.locator('tbody tr[data-row-key]').filter({ hasText: apiName }).getByRole('button', { name: 'Cancel authorization' }).click();
    await page.getByRole('dialog').filter({ hasText: `Cancel the authorization of “${apiName}”` }).getByRole('button', { name: 'Cancel authorization' }).click();
    await expect(auths.locator('tbody tr[data-row-key]').filter({ hasText: apiName })).toHaveCount(0);
  });
});
