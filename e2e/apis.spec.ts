// APIs, as an operator publishes one: a group, an API with a mock backend, publish to RELEASE,
// call it from the debug panel, change it, publish again, compare the two versions.
import { test, expect as baseExpect, uniqueName } from './support/fixtures';

const expect = baseExpect.configure({ timeout: 60_000 });
import { ApiEditor, ApiGroupsPage, ApiPage } from './pages/ApicPages';

test.describe('APIs (APIC)', () => {
  test.setTimeout(400_000);

  test('create, publish, debug, change, republish and diff an API', async ({ page, loggedIn }) => {
    const groups = new ApiGroupsPage(page);
    const editor = new ApiEditor(page);
    const apiPage = new ApiPage(page);
    const groupName = uniqueName('e2e-group');
    const apiName = uniqueName('e2e-api');

    await groups.goto(loggedIn.instanceId);
    await groups.create(groupName);
    await expect(groups.subdomain()).toContainText('.apic.localhost');

    // a new API from the group page has the group already chosen
    await page.getByTestId('group-create-api').click();
    await expect(page.getByTestId('page-title')).toHaveText('Create API');
    await editor.fillBasics(apiName);
    await editor.setPath('/e2e/{id}');
    // the editor explains the missing PATH parameter before the server does, and offers it
    await expect(page.getByTestId('missing-path-params')).toContainText('id');
    await editor.save();
    await expect(editor.issues()).toContainText('path parameter {id} needs a PATH entry');
    await page.getByTestId('add-path-param-id').click();
    await expect(page.getByTestId('missing-path-params')).toHaveCount(0);
    await editor.setMockBody('{"version":1}');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/apic\/instances\/[^/]+\/apis$/.test(new URL(r.url()).pathname));
    await editor.save();
    expect((await created).status()).toBe(201);
    await expect(page.getByTestId('page-title')).toHaveText(apiName);
    await expect(apiPage.envState('RELEASE')).toHaveAttribute('data-live', 'no');

    // publish to RELEASE
    await apiPage.publish('first');
    await expect(apiPage.envState('RELEASE')).toHaveAttribute('data-live', 'yes');

    // call the live version through the gateway pipeline
    await apiPage.debug('Live version in RELEASE', { id: '42' });
    await expect(page.getByTestId('debug-status')).toHaveText(/^200/);
    await expect(page.getByTestId('debug-body')).toHaveText('{"version":1}');
    await expect(page.getByTestId('debug-latency')).toHaveText(/\d+ ms/);
    await expect(page.getByTestId('debug-result')).toContainText('GET /e2e/42');

    // change it: the live version does not change until published again
    await page.getByTestId('api-edit').click();
    await expect(page.getByTestId('page-title')).toHaveText(`Edit “${apiName}”`);
    await editor.setMockBody('{"version":2}');
    await editor.save();
    await expect(page.getByTestId('page-title')).toHaveText(apiName);
    await apiPage.debug('Live version in RELEASE', { id: '42' });
    await expect(page.getByTestId('debug-body')).toHaveText('{"version":1}');
    await apiPage.publish('second');
    await apiPage.debug('Live version in RELEASE', { id: '42' });
    await expect(page.getByTestId('debug-body')).toHaveText('{"version":2}');

    // two versions, the newer live; the diff shows the changed mock answer
    const versions = await apiPage.openVersions();
    await expect(versions.locator('tbody tr[data-row-key]')).toHaveCount(2);
    await expect(versions.getByTestId('version-live')).toHaveCount(1);
    for (const row of await versions.locator('tbody tr[data-row-key]').all()) await row.getByRole('checkbox').check();
    await page.getByTestId('versions-compare').click();
    const diff = page.getByTestId('version-diff');
    await expect(diff).toBeVisible();
    const changed = diff.locator('tr[data-kind="changed"]');
    const mock = changed.filter({ hasText: 'mock_info.result_content' });
    await expect(mock).toHaveCount(1);
    await expect(mock.locator('td').first()).toContainText('{\\"version\\":1}');
    await expect(mock.locator('td').last()).toContainText('{\\"version\\":2}');
    await page.screenshot({ path: 'test-results/apic-diff.png' });
  });
});

test.describe('APIs (APIC) import', () => {
  test.setTimeout(400_000);

  test('import an OpenAPI YAML file with a preview, then find the APIs with filters in the URL', async ({ page, loggedIn }) => {
    const title = `e2e-import-${Date.now().toString(36)}`;
    const yaml = [
      'swagger: "2.0"',
      `info: {title: ${title}, version: "1"}`,
      'paths:',
      '  /imported/{id}:',
      '    get: {operationId: importedGet, parameters: [{name: id, in: path, required: true, type: string}]}',
      '    delete: {operationId: importedDelete, parameters: [{name: id, in: path, required: true, type: string}]}',
    ].join('\n');
    await page.goto(`/i/${encodeURIComponent(loggedIn.instanceId)}/apis`);
    await expect(page.getByTestId('apis-table')).toBeVisible();
    await page.getByTestId('api-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'shop.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText(`2 operations in “${title}” (swagger-2.0)`);
    await expect(preview).toContainText('importedDelete');
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-result')).toContainText('2 imported, 0 failed');
    await page.getByTestId('import-run').click();

    // the name filter lives in the URL; a reload keeps it
    await page.getByLabel('Search by API name').fill('importedGet');
    await page.getByLabel('Search by API name').press('Enter');
    await expect(page).toHaveURL(/[?&]name=importedGet/);
    await page.reload();
    const rows = page.getByTestId('apis-table').locator('tbody tr[data-row-key]');
    await expect(rows.filter({ hasText: title })).toHaveCount(1);
    await expect(rows.filter({ hasText: title }).locator('[data-env="RELEASE"]')).toHaveAttribute('data-live', 'no');
  });
});
