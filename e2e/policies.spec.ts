// Throttling policies and plugins, from their own pages: a policy made in the throttles list, edited,
// bound to an API published in RELEASE, given a special app with its own limit; a plugin attached to
// that API and detached again; a Kafka log plugin marked as not enforced. The app, group, API, its
// publication and the plugins are set up through the console's own API (other specs drive those
// screens); every step asserted goes through the UI.
import { bffApi } from './support/bffApi';
import { test, expect as baseExpect, uniqueName } from './support/fixtures';
import { PluginPages, ThrottlePages } from './pages/PolicyPages';

const expect = baseExpect.configure({ timeout: 60_000 });

test.describe('throttling policies and plugins', () => {
  test.setTimeout(300_000);

  test('a policy is bound to a published API and given a special app; a plugin is attached to the API and detached', async ({ page, loggedIn }) => {
    const { project, apic, post } = await bffApi(page, loggedIn.instanceId);
    const appName = uniqueName('e2e_pol_app');
    await post(`${project}/instances/${loggedIn.instanceId}/apps`, { name: appName });
    const group = await post(`${apic}/api-groups`, { name: uniqueName('e2e_pol_group') });
    const apiName = uniqueName('e2e_pol_api');
    const api = await post(`${apic}/apis`, {
      name: apiName, type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/e2e-policies', auth_type: 'NONE', backend_type: 'MOCK',
      group_id: group.id, mock_info: { status_code: 200, result_content: 'ok' },
    });
    await post(`${apic}/apis/action`, { action: 'online', api_id: api.id, env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' });
    const pluginName = uniqueName('e2e_pol_cors');
    await post(`${apic}/plugins`, {
      plugin_name: pluginName, plugin_type: 'cors', plugin_scope: 'global',
      plugin_content: JSON.stringify({ allow_origin: 'https://shop.example', allow_methods: 'GET,POST' }),
    });

    // the policy, made in the list, and its limits in words on its own page
    const throttles = new ThrottlePages(page);
    const policyName = uniqueName('e2e_pol');
    await throttles.goto(loggedIn.instanceId);
    await throttles.create(policyName, 100, 20);
    await throttles.open(policyName);
    await expect(throttles.limit('api')).toHaveText('API: at most 100 calls per 1 second to each bound API');
    await expect(throttles.limit('app')).toHaveText('Each app: at most 20 calls per 1 second to each API');
    await expect(throttles.limit('user')).toHaveText('Users: no limit of their own (the API limit applies)');
    await throttles.editApiLimit(200);
    await expect(throttles.limit('api')).toHaveText('API: at most 200 calls per 1 second to each bound API');
    await expect(throttles.limit('app')).toHaveText('Each app: at most 20 calls per 1 second to each API');

    // bound to the API in RELEASE (the default environment of the page)
    await expect(page.getByTestId('throttle-env')).toContainText('RELEASE');
    await expect(throttles.apiRows()).toHaveCount(0);
    await throttles.bind(apiName);
    await expect(throttles.apiRows()).toHaveCount(1);
    await expect(throttles.apiRows().first()).toContainText(apiName);
    await expect(throttles.apiRows().first()).toContainText('GET /e2e-policies');

    // a special app with its own limit
    await expect(throttles.specialRows()).toHaveCount(0);
    await throttles.addSpecialApp(appName, 50);
    await expect(throttles.specialRows()).toHaveCount(1);
    await expect(throttles.specialRows().first()).toContainText(appName);
    await expect(throttles.specialRows().first()).toContainText('50 calls per 1 second, instead of the app limit');
    await page.screenshot({ path: 'test-results/policies-throttle-page.png' });

    // the plugin: its settings in words, attached to the API in RELEASE, then detached
    const plugins = new PluginPages(page);
    await plugins.open(loggedIn.instanceId, pluginName);
    await expect(plugins.settings()).toContainText('Browsers on https://shop.example may call with GET,POST');
    await expect(page.getByTestId('plugin-not-enforced')).toHaveCount(0);
    await expect(plugins.apisTable()).toContainText('The plugin is attached to no API in RELEASE.');
    await plugins.attach(apiName);
    await expect(plugins.apisTable().locator('tbody tr[data-row-key]').filter({ hasText: apiName })).toHaveCount(1);
    await page.screenshot({ path: 'test-results/policies-plugin-attached.png' });
    await plugins.detach(apiName);
    await expect(plugins.apisTable().locator('tbody tr[data-row-key]')).toHaveCount(0);
    await expect(plugins.apisTable()).toContainText('The plugin is attached to no API in RELEASE.');

    // a Kafka log plugin is kept and shown, and marked as not enforced by roma-local
    const kafkaName = uniqueName('e2e_pol_kafka');
    await post(`${apic}/plugins`, {
      plugin_name: kafkaName, plugin_type: 'kafka_log', plugin_scope: 'global', plugin_content: JSON.stringify({ broker_list: ['10.0.0.1:9092'], topic: 'calls' }),
    });
    await plugins.open(loggedIn.instanceId, kafkaName);
    await expect(page.getByTestId('plugin-not-enforced')).toHaveText('Stored, not enforced by roma-local');
    await expect(plugins.settings()).toContainText('Pushes each call\'s log to topic calls on 10.0.0.1:9092');
  });
});
