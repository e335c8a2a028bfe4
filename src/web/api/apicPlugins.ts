// APIC plugins for the console: CRUD, and the APIs a plugin is attached to per environment
// (attach / detach one API per call, so a bulk action reports each API's own answer).
// Wire `plugin_id` becomes `id` here, so the shared mutation helpers can key on it.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { plugin as pluginSchema, pluginApi, pluginApiList, pluginList, type PluginCreateRequest } from '../../contract/apic-plugins';
import type { Page } from './factories';
import { http, parseWith } from './http';
import { cleanParams, scopedKeys, type ListParams } from './keys';
import { romaPath, seg } from './project';

export const pluginKeys = scopedKeys('apic-plugins');
export type Plugin = z.infer<typeof pluginSchema> & { id: string };
export type PluginApi = z.infer<typeof pluginApi>;
export type { PluginCreateRequest };
const pluginsBase = (iid: string) => `${romaPath(`/apic/instances/${seg(iid)}`)}/plugins`;
const pluginFromWire = (p: z.infer<typeof pluginSchema>): Plugin => ({ ...p, id: p.plugin_id });

export interface PluginListParams extends ListParams { offset: number; limit: number; plugin_name?: string; plugin_type?: string }
export async function listPlugins(iid: string, p: PluginListParams, signal?: AbortSignal): Promise<Page<Plugin>> {
  const body = parseWith(pluginList, (await http.get(pluginsBase(iid), { params: cleanParams(p), signal })).data, 'plugin list');
  return { items: body.plugins.map(pluginFromWire), total: Math.max(body.total, p.offset + body.plugins.length) };
}
export const getPlugin = async (iid: string, id: string, signal?: AbortSignal) =>
  pluginFromWire(parseWith(pluginSchema, (await http.get(`${pluginsBase(iid)}/${seg(id)}`, { signal })).data, 'plugin'));
export const createPlugin = async (iid: string, b: PluginCreateRequest) => pluginFromWire(parseWith(pluginSchema, (await http.post(pluginsBase(iid), b)).data, 'plugin'));
export const updatePlugin = async (iid: string, id: string, b: PluginCreateRequest) =>
  pluginFromWire(parseWith(pluginSchema, (await http.put(`${pluginsBase(iid)}/${seg(id)}`, b)).data, 'plugin'));
export const deletePlugin = async (iid: string, id: string): Promise<void> => { await http.delete(`${pluginsBase(iid)}/${seg(id)}`); };
export const pluginListQuery = (iid: string, p: PluginListParams) =>
  queryOptions({ queryKey: pluginKeys.list(iid, p), queryFn: ({ signal }) => listPlugins(iid, p, signal), placeholderData: keepPreviousData });
export const pluginDetailQuery = (iid: string, id: string) => queryOptions({ queryKey: pluginKeys.detail(iid, id), queryFn: ({ signal }) => getPlugin(iid, id, signal) });

// ---- APIs of a plugin in one environment ----

async function apis(url: string, envId: string, signal?: AbortSignal): Promise<PluginApi[]> {
  return parseWith(pluginApiList, (await http.get(url, { params: { env_id: envId, limit: 500 }, signal })).data, 'API list').apis;
}
export const attachedApis = (iid: string, id: string, envId: string, signal?: AbortSignal) => apis(`${pluginsBase(iid)}/${seg(id)}/attached-apis`, envId, signal);
export const attachableApis = (iid: string, id: string, envId: string, signal?: AbortSignal) => apis(`${pluginsBase(iid)}/${seg(id)}/attachable-apis`, envId, signal);
export const attachApi = async (iid: string, id: string, envId: string, apiId: string): Promise<void> => {
  await http.post(`${pluginsBase(iid)}/${seg(id)}/attach`, { env_id: envId, api_ids: [apiId] });
};
export const detachApi = async (iid: string, id: string, envId: string, apiId: string): Promise<void> => {
  await http.put(`${pluginsBase(iid)}/${seg(id)}/detach`, { env_id: envId, api_ids: [apiId] });
};
export const attachedApisQuery = (iid: string, id: string, envId: string) =>
  queryOptions({ queryKey: pluginKeys.sub(iid, id, `attached:${envId}`), queryFn: ({ signal }) => attachedApis(iid, id, envId, signal) });
export const attachableApisQuery = (iid: string, id: string, envId: string) =>
  queryOptions({ queryKey: pluginKeys.sub(iid, id, `attachable:${envId}`), queryFn: ({ signal }) => attachableApis(iid, id, envId, signal) });
