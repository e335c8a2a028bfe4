// Audit: a change made in the console shows on the Audit page, found by its resource id, with
// filters kept in the URL, a failed attempt under "Failure", and the filtered query as CSV.
import fs from 'node:fs';
import { test, expect, uniqueName } from './support/fixtures';

test.describe('audit', () => {
  test('create and delete a dictionary, then find both on the Audit page and export them', async ({ page, loggedIn, account, dictionariesPage: dp, auditPage: ap, shell }) => {
    const code = uniqueName('E2E_AUDIT').toUpperCase();
    const name = `Audit ${code.slice(-6)}`;
    test.slow(); // two pages, several round trips, on a shared CI machine
    await page.goto(`/i/${loggedIn.instanceId}/dictionaries`);
    await expect(dp.table).toBeVisible({ timeout: 60_000 });
    await dp.createButton.click();
    await dp.fillForm({ name, code });
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/dictionaries$/.test(new URL(r.url()).pathname));
    await dp.formSubmit.click();
    const id = ((await (await created).json()) as { id: string }).id;
    await expect(dp.row(code)).toBeVisible();
    // the same code again is refused (a failed action worth auditing)
    await dp.createButton.click();
    await dp.fillForm({ name: `${name} again`, code });
    const dup = page.waitForResponse((r) => r.request().method() === 'POST' && /\/dictionaries$/.test(new URL(r.url()).pathname));
    await dp.formSubmit.click();
    expect((await dup).status()).toBe(409);
    await dp.formModal.getByRole('button', { name: 'Cancel' }).click();
    await expect(dp.formModal).toBeHidden();
    await dp.row(code).getByTestId('dict-action-delete').click();
    await dp.confirmOk.click();
    await expect(dp.row(code)).toHaveCount(0);

    // the menu leads to the Audit page
    await shell.navLink('audit').click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(shell.pageTitle).toHaveText('Audit');
    await expect(ap.table).toBeVisible({ timeout: 60_000 });

    // by resource id: the delete of that dictionary, by admin, successful
    await ap.filterResource(id);
    await expect(page).toHaveURL(new RegExp(`resource=${id}`));
    await expect(ap.rows()).toHaveCount(1);
    const row = ap.rows().first();
    await expect(row.getByTestId('audit-route')).toHaveText('DELETE /v2/{project_id}/instances/{instance_id}/dictionaries/{dict_id}');
    await expect(row.getByTestId('audit-user')).toHaveText(account.user);
    await expect(row.getByTestId('audit-resource').filter({ hasText: `dict_id: ${id}` })).toHaveCount(1);
    await expect(row.getByTestId('audit-result')).toHaveAttribute('data-result', 'success');

    // by route and result: the refused duplicate is a failure with the service's code; kept after reload
    await ap.filterResource('dictionaries');
    await ap.filterResult('Failure');
    await expect(page).toHaveURL(/result=failure/);
    await page.reload();
    await expect(ap.table).toBeVisible({ timeout: 60_000 });
    await expect(ap.resource).toHaveValue('dictionaries');
    await expect(ap.result).toBeVisible();
    const failed = ap.rows().first();
    await expect(failed.getByTestId('audit-route')).toHaveText('POST /v2/{project_id}/instances/{instance_id}/dictionaries');
    await expect(failed).toContainText('ROMA.00110007');
    await expect(failed.getByTestId('audit-result')).toHaveAttribute('data-result', 'failure');

    // CSV of the filtered query: BOM, header, only failures
    const download = page.waitForEvent('download');
    await ap.exportButton.click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^time,user,domain,project,method,route,resources,status,error_code,request_id/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => /,4\d\d,|,5\d\d,/.test(l))).toBe(true);
    expect(csv).toContain('ROMA.00110007');
  });
});
