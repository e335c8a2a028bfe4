// The APIC environments list, on its own so that pages outside the API area (plugin and policy
// pages choosing an environment) do not pull in the whole APIC module. api/apic.ts re-exports it.
import { queryOptions } from '@tanstack/react-query';
import { apicEnvList, type ApicEnv } from '../../contract/apic';
import type { Page } from './factories';
import { http, parseWith } from './http';
import { scopedKeys } from './keys';
import { romaPath, seg } from './project';

export const apicEnvKeys = scopedKeys('apic-envs');

export async function listEnvs(iid: string, signal?: AbortSignal): Promise<Page<ApicEnv>> {
  const body = parseWith(apicEnvList, (await http.get(`${romaPath(`/apic/instances/${seg(iid)}`)}/envs`, { params: { offset: 0, limit: 100 }, signal })).data, 'environment list');
  return { items: body.envs, total: Math.max(body.total, body.envs.length) };
}
export const envsQuery = (iid: string) => queryOptions({ queryKey: apicEnvKeys.list(iid), queryFn: ({ signal }) => listEnvs(iid, signal) });
