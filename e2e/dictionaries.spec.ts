// Dictionaries: browse a built-in (system) one, add an entry to it, see why it cannot be deleted,
// and manage a dictionary of one's own.
import { test, expect, uniqueName } from './support/fixtures';

test.describe('dictionaries', () => {
  test('expand a system dictionary and add an entry under it', async ({ page, loggedIn, dictionariesPage: dp }) => {
    const code = uniqueName('E2E_CHILD').toUpperCase();
    const name = `E2E child ${code.slice(-6)}`;
    await dp.goto(loggedIn.instanceId);

    const gender = dp.row('GENDER');
    await expect(gender).toBeVisible();
    await expect(gender.getByTestId('dict-system-tag')).toHaveText('system');

    await dp.expand('GENDER');
    await expect(dp.children('GENDER')).toContainText('Entries of “Gender”');
    for (const c of ['MALE', 'FEMALE', 'UNKNOWN']) await expect(dp.childRow('GENDER', c)).toBeVisible();

    await gender.getByTestId('dict-action-add-child').click();
    await expect(dp.formModal).toBeVisible();
    await expect(dp.formModal).toContainText('Add entry to “Gender”');
    await expect(dp.formParent).toHaveText('Gender (GENDER)');
    await dp.fillForm({ name, code, remark: 'added by e2e' });
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/dictionaries$/.test(new URL(r.url()).pathname));
    await dp.formSubmit.click();
    const res = await created;
    expect(res.status()).toBeLessThan(300);
    expect(res.request().postDataJSON()).toMatchObject({ code, name, parent_code: 'GENDER' });
    await expect(page.getByText(`Dictionary “${name}” created`)).toBeVisible();
    await expect(dp.formModal).toBeHidden();

    const child = dp.childRow('GENDER', code);
    await expect(child).toBeVisible();
    await expect(child).toContainText(name);
    // the entry sits under GENDER only: not a new top-level dictionary
    await expect(dp.table.locator('tbody tr[data-row-key]').filter({ hasText: code })).toHaveCount(1);

    // survives a reload
    await page.reload();
    await dp.expand('GENDER');
    await expect(dp.childRow('GENDER', code)).toBeVisible();

    // remove the entry again (a user entry under a system dictionary can be deleted)
    const del = dp.childRow('GENDER', code).getByTestId('dict-action-delete');
    await expect(del).toBeEnabled();
    await del.click();
    await expect(dp.confirmDialog).toContainText(`Delete dictionary “${name}” (${code})?`);
    await dp.confirmOk.click();
    await expect(page.getByText(`Dictionary “${name}” deleted`)).toBeVisible();
    await expect(dp.childRow('GENDER', code)).toHaveCount(0);
    await expect(dp.childRow('GENDER', 'MALE')).toBeVisible();
  });

  test('a system dictionary cannot be deleted, and the reason is shown', async ({ page, loggedIn, dictionariesPage: dp }) => {
    await dp.goto(loggedIn.instanceId);
    for (const code of ['GENDER', 'REGION', 'DATA_SOURCE_TYPE']) {
      await expect(dp.row(code).getByTestId('dict-action-delete')).toBeDisabled();
    }
    let deleteSent = false;
    page.on('request', (r) => {
      if (r.method() === 'DELETE') deleteSent = true;
    });
    const del = dp.row('GENDER').getByTestId('dict-action-delete');
    await del.hover();
    await expect(page.getByRole('tooltip')).toHaveText('System dictionaries are built in: they can be edited but not deleted.');
    await del.click({ force: true });
    await expect(dp.confirmDialog).toHaveCount(0);
    expect(deleteSent).toBe(false);
    await expect(dp.row('GENDER')).toBeVisible();
  });

  test('create and delete a top-level dictionary of my own', async ({ page, loggedIn, dictionariesPage: dp }) => {
    const code = uniqueName('E2E_DICT').toUpperCase();
    const name = `E2E dict ${code.slice(-6)}`;
    await dp.goto(loggedIn.instanceId);

    await dp.createButton.click();
    await expect(dp.formModal).toContainText('Create dictionary');
    await expect(dp.formParent).toHaveText('(top level)');
    await dp.fillForm({ name, code });
    await dp.formSubmit.click();
    await expect(page.getByText(`Dictionary “${name}” created`)).toBeVisible();
    await expect(dp.formModal).toBeHidden();

    // find it by name (state in the URL), not a system one
    await dp.search.fill(name);
    await dp.search.press('Enter');
    await expect(page).toHaveURL(/[?&]name=/);
    const row = dp.row(code);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('dict-system-tag')).toHaveCount(0);
    await expect(dp.row('GENDER')).toHaveCount(0);

    // a new dictionary has no entries yet
    await dp.expand(code);
    await expect(dp.children(code)).toContainText(`No entries under “${name}”.`);

    const del = row.getByTestId('dict-action-delete');
    await expect(del).toBeEnabled();
    await del.click();
    await expect(dp.confirmDialog).toContainText(`Delete dictionary “${name}” (${code})?`);
    await dp.confirmOk.click();
    await expect(page.getByText(`Dictionary “${name}” deleted`)).toBeVisible();
    await expect(dp.row(code)).toHaveCount(0);
    await page.reload();
    await expect(dp.table).toBeVisible();
    await expect(dp.row(code)).toHaveCount(0);
  });
});
