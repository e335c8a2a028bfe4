// API consumers, as the issue describes them end to end: a client quota of 3 calls per minute made in
// the quotas page, an app bound to it there, the app authorised to a published APP-auth API, and four
// calls from the API's debug panel as that app — the fourth refused with the gateway's 429 (APIG.0308).
// The group, the API, its publication, the app and the authorisation are set up through the console's
// own API (other specs drive those screens); the quota, the binding and the calls go through the UI.
import { bffApi } from './support/bffApi';
import { test, expect as baseExpect, uniqueName } from './support/fixtures';
import { ApiConsumersTab, DebugAsApp, QuotasPage } from './pages/ConsumersPages';

const expect = baseExpect.configure({ timeout: 60_000 });

test.describe('API consumers', () => {
  test.setTimeout(300_000);

  test('a quota of 3 calls per minute refuses the fourth call an app makes from the debug panel', async ({ page, loggedIn }) => {
    const { project, apic, post } = await bffApi(page, loggedIn.instanceId);
    const appName = uniqueName('e2e_quota_app');
    const app = await post(`${project}/instances/${loggedIn.instanceId}/apps`, { name: appName });
    const group = await post(`${apic}/api-groups`, { name: uniqueName('e2e_quota_group') });
    const apiName = uniqueName('e2e_quota_api');
    const api = await post(`${apic}/apis`, {
      name: apiName, type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/e2e-quota', auth_type: 'APP', backend_type: 'MOCK',
      group_id: group.id, mock_info: { status_code: 200, result_content: 'counted' },
    });
    await post(`${apic}/apis/action`, { action: 'online', api_id: api.id, env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' });
    await post(`${apic}/app-auths`, { env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', app_ids: [app.id], api_ids: [api.id] });

    // the quota and its binding, in the quotas pages
    const quotas = new QuotasPage(page);
    const quotaName = uniqueName('e2e_quota');
    await quotas.goto(loggedIn.instanceId);
    await quotas.create(quotaName, 3, 1, 'minutes');
    await quotas.open(quotaName);
    await expect(quotas.rule()).toContainText('3');
    await quotas.bind(appName);

    // four calls as the app: three answered by the mock, the fourth refused by the quota
    const debug = new DebugAsApp(page);
    await debug.open(loggedIn.instanceId, api.id, apiName);
    await debug.target('Live version in RELEASE');
    await debug.asApp(appName);
    for (let call = 1; call <= 3; call++) {
      await debug.send();
      await expect(debug.status(), `call ${call}`).toHaveText(/^200/);
      await expect(debug.body()).toHaveText('counted');
    }
    await debug.send();
    await expect(debug.status()).toHaveText(/^429/);
    await expect(debug.body()).toContainText('APIG.0308');
    await page.screenshot({ path: 'test-results/consumers-quota-429.png' });
  });

  // The three consumer views of issue 8 on one set-up: the API's Consumers tab (apps authorised in
  // RELEASE, its throttling policy in words; cancel one authorisation), an app's bound quota in its
  // APIs tab, and the quota page unbinding two apps at once. Set-up through the console's own API.
  test("an API's consumers, an app's quota, and two apps unbound from a quota at once", async ({ page, loggedIn, appsPage }) => {
    const { project, apic, post } = await bffApi(page, loggedIn.instanceId);
    const names = [uniqueName('e2e_cons_a'), uniqueName('e2e_cons_b')];
    const apps = [];
    for (const name of names) apps.push(await post(`${project}/instances/${loggedIn.instanceId}/apps`, { name }));
    const group = await post(`${apic}/api-groups`, { name: uniqueName('e2e_cons_group') });
    const apiName = uniqueName('e2e_cons_api');
    const api = await post(`${apic}/apis`, {
      name: apiName, type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/e2e-cons', auth_type: 'APP', backend_type: 'MOCK',
      group_id: group.id, mock_info: { status_code: 200, result_content: 'ok' },
    });
    const live = await post(`${apic}/apis/action`, { action: 'online', api_id: api.id, env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' });
    await post(`${apic}/app-auths`, { env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', app_ids: apps.map((a) => a.id), api_ids: [api.id] });
    const throttle = await post(`${apic}/throttles`, { name: uniqueName('e2e_cons_thr'), api_call_limits: 100, user_call_limits: 50, time_interval: 1, time_unit: 'SECOND' });
    await post(`${apic}/throttle-bindings`, { strategy_id: throttle.id, publish_ids: [live.publish_id] });
    const quotaName = uniqueName('e2e_cons_quota');
    const quota = await post(`${apic}/app-quotas`, { name: quotaName, call_limits: 1000, time_unit: 'HOUR', time_interval: 1 });
    await post(`${apic}/app-quotas/${quota.app_quota_id}/binding-apps`, { app_ids: apps.map((a) => a.id) });

    // the API's consumers in RELEASE: both apps, the policy in words; cancelling one removes only it
    const consumers = new ApiConsumersTab(page);
    await consumers.open(loggedIn.instanceId, api.id, apiName);
    await expect(consumers.appRow(names[0]!)).toBeVisible();
    await expect(consumers.appRow(names[1]!)).toBeVisible();
    await expect(consumers.throttleLimits()).toHaveText('Per 1 second: 100 calls to the API, 50 per user');
    await consumers.cancel(names[0]!);
    await expect(consumers.appRow(names[0]!)).toHaveCount(0);
    await expect(consumers.appRow(names[1]!)).toBeVisible();

    // the app's APIs tab: its bound quota, with the rule in words and a link to the quota
    await appsPage.goto(loggedIn.instanceId);
    await appsPage.searchByName(names[1]!);
    await appsPage.openDrawer(names[1]!);
    await appsPage.drawer.getByTestId('app-tab-apic').click();
    await expect(page.getByTestId('app-quota-link')).toHaveText(quotaName);
    await expect(page.getByTestId('app-quota-rule')).toHaveText('1 000 calls per 1 hour, from the first call');

    // the quota's page: both apps unbound in one go, each its own call
    await page.getByTestId('app-quota-link').click();
    const quotas = new QuotasPage(page);
    await expect(page.getByTestId('page-title')).toHaveText(quotaName);
    await quotas.bulkUnbind(names);
    for (const name of names) await expect(quotas.appRow(name)).toHaveCount(0);
    await expect(page.getByTestId('quota-apps-table')).toContainText('No app is bound to this quota.');
    await page.screenshot({ path: 'test-results/consumers-api-app-quota.png' });
  });
});
