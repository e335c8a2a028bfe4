// Integration apps, as an operator manages them: create, find, edit, reset the secret, delete.
import { test, expect, uniqueName } from './support/fixtures';

test.describe('integration apps', () => {
  test('create an app, find it by name through the URL, edit its description, delete it', async ({ page, loggedIn, appsPage }) => {
    const name = uniqueName('e2e_app');
    await appsPage.goto(loggedIn.instanceId);
    await expect(appsPage.row('demo-app')).toBeVisible();

    // create
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/apps$/.test(new URL(r.url()).pathname));
    await appsPage.create(name, 'created by e2e');
    expect((await created).status()).toBeLessThan(300);
    await expect(page.getByText(`App “${name}” created`)).toBeVisible();
    await expect(appsPage.formModal).toBeHidden();
    await expect(appsPage.row(name)).toBeVisible();
    await expect(appsPage.row(name)).toContainText('created by e2e');

    // search by name: the filter lives in the URL and survives a reload
    await appsPage.searchByName(name);
    await expect(page).toHaveURL(new RegExp(`[?&]name=${name}(&|$)`));
    await expect(appsPage.row(name)).toBeVisible();
    await expect(appsPage.row('demo-app')).toHaveCount(0);
    await page.reload();
    await expect(appsPage.search).toHaveValue(name);
    await expect(appsPage.row(name)).toBeVisible();
    await expect(appsPage.row('demo-app')).toHaveCount(0);

    // a URL written by hand gives the same list
    await appsPage.goto(loggedIn.instanceId, `?name=${encodeURIComponent(name)}`);
    await expect(appsPage.table.locator('tbody tr[data-row-key]')).toHaveCount(1);
    await expect(appsPage.row(name)).toBeVisible();

    // edit the description
    await appsPage.openEdit(name);
    await expect(appsPage.formModal).toContainText(`Edit app “${name}”`);
    await expect(appsPage.formName).toHaveValue(name);
    await expect(appsPage.formRemark).toHaveValue('created by e2e');
    await appsPage.formRemark.fill('edited by e2e');
    await appsPage.formSubmit.click();
    await expect(page.getByText(`App “${name}” saved`)).toBeVisible();
    await expect(appsPage.formModal).toBeHidden();
    await expect(appsPage.row(name)).toContainText('edited by e2e');
    await page.reload();
    await expect(appsPage.row(name)).toContainText('edited by e2e');

    // delete: the confirmation names the app; cancel keeps it, OK removes it
    await appsPage.startDelete(name);
    await expect(appsPage.confirmDialog).toContainText(`Delete app “${name}”?`);
    await appsPage.cancelConfirm();
    await expect(appsPage.row(name)).toBeVisible();

    await appsPage.startDelete(name);
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await appsPage.confirmOk.click();
    expect((await deleted).status()).toBeLessThan(300);
    await expect(page.getByText(`App “${name}” deleted`)).toBeVisible();
    await expect(appsPage.row(name)).toHaveCount(0);
    await expect(page.getByTestId('empty-state')).toContainText('No app matches the filter');
    await page.reload();
    await expect(appsPage.row(name)).toHaveCount(0);
  });

  test('reset the secret: the new secret is shown once, masked afterwards', async ({ page, loggedIn, appsPage }) => {
    const name = uniqueName('e2e_secret');
    await appsPage.goto(loggedIn.instanceId);
    await appsPage.create(name);
    await expect(appsPage.row(name)).toBeVisible();

    await appsPage.startResetSecret(name);
    await expect(appsPage.confirmDialog).toContainText(`Reset the secret of “${name}”?`);
    const reset = page.waitForResponse((r) => r.request().method() === 'PUT' && /secret/.test(r.url()));
    await appsPage.confirmOk.click();
    const resetRes = await reset;
    expect(resetRes.status()).toBeLessThan(300);

    await expect(appsPage.secretModal).toBeVisible();
    await expect(appsPage.secretModal).toContainText(`New secret of “${name}”`);
    await expect(appsPage.secretModal).toContainText('It will not be shown again.');
    const secret = ((await appsPage.newSecret.innerText()) ?? '').trim();
    expect(secret.length).toBeGreaterThanOrEqual(8);
    expect(secret).not.toContain('•');
    expect(JSON.stringify(await resetRes.json())).toContain(secret);

    await page.getByTestId('secret-modal-close').click();
    await expect(appsPage.secretModal).toBeHidden();
    await expect(page.getByText(secret)).toHaveCount(0);

    // the details show the secret masked, never the value
    await appsPage.openDrawer(name);
    await expect(page.getByTestId('app-detail-secret')).toHaveText('••••••••••••');
    await expect(appsPage.drawer).toContainText('Hidden. Reset the secret to get a new one.');
    await expect(appsPage.drawer.getByText(secret)).toHaveCount(0);
    await page.reload();
    await expect(appsPage.drawer).toBeVisible();
    await expect(page.getByTestId('app-detail-secret')).toHaveText('••••••••••••');
    await expect(page.getByText(secret)).toHaveCount(0);

    // clean up through the UI
    await page.keyboard.press('Escape');
    await expect(appsPage.drawer).toBeHidden();
    await appsPage.startDelete(name);
    await appsPage.confirmOk.click();
    await expect(appsPage.row(name)).toHaveCount(0);
  });
});
