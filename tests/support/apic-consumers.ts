// Helpers for consumer-policy gateway tests: apps with AppCodes authorised to APP-auth APIs.
import type { startApic } from './apic';
import { mockApi } from './apic';

type T = Awaited<ReturnType<typeof startApic>>;
export const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';

/** An integration app with a generated AppCode. */
export async function appWithCode(t: T, name: string) {
  const r = await t.s.req('POST', '/apps', { body: { name } });
  if (r.status !== 201 && r.status !== 200) throw new Error(`app: ${r.status} ${r.text}`);
  const gen = await t.api('PUT', `/apps/${r.body.id}/app-codes`);
  if (gen.status !== 201) throw new Error(`app code: ${gen.status} ${gen.text}`);
  return { id: r.body.id as string, code: gen.body.app_code as string };
}

/** A published APP-auth mock API accepting AppCodes, in a fresh group. */
export async function appCodeApi(t: T, group: string, over: Record<string, unknown> = {}) {
  const g = await t.group(group);
  const api = await t.createApi(mockApi(g.id, { auth_type: 'APP', req_uri: '/q', auth_opt: { app_code_auth_type: 'HEADER' }, ...over }));
  const pub = await t.publish(api.id);
  return { g, api, pub };
}

export async function authorise(t: T, appIds: string[], apiId: string, envId = RELEASE): Promise<void> {
  const r = await t.api('POST', '/app-auths', { env_id: envId, app_ids: appIds, api_ids: [apiId] });
  if (r.status !== 201) throw new Error(`authorise: ${r.status} ${r.text}`);
}

export async function quota(t: T, body: Record<string, unknown>, appIds: string[]) {
  const q = await t.api('POST', '/app-quotas', body);
  if (q.status !== 201) throw new Error(`quota: ${q.status} ${q.text}`);
  const b = await t.api('POST', `/app-quotas/${q.body.app_quota_id}/binding-apps`, { app_ids: appIds });
  if (b.status !== 201) throw new Error(`bind: ${b.status} ${b.text}`);
  return q.body.app_quota_id as string;
}

export async function plugin(t: T, name: string, type: string, content: unknown, apiId: string, envId = RELEASE) {
  const p = await t.api('POST', '/plugins', { plugin_name: name, plugin_type: type, plugin_scope: 'global', plugin_content: JSON.stringify(content) });
  if (p.status !== 201) throw new Error(`plugin: ${p.status} ${p.text}`);
  const a = await t.api('POST', `/plugins/${p.body.plugin_id}/attach`, { env_id: envId, api_ids: [apiId] });
  if (a.status !== 201) throw new Error(`attach: ${a.status} ${a.text}`);
  return p.body.plugin_id as string;
}
